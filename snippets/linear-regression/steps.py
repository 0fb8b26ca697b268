"""Linear regression taken apart: data, hypothesis, cost, gradient, one update.

Run it with `python snippets/linear-regression/steps.py`. Each section is shown
on its own on the site, with what it prints underneath.
"""

# --8<-- [start:data]
import torch

# Hours studied (x) and exam score (y) for three students, one row each.
x_train = torch.tensor([[1.0], [2.0], [3.0]])
y_train = torch.tensor([[2.0], [4.0], [6.0]])
print(x_train.shape, y_train.shape)
# --8<-- [end:data]

# --8<-- [start:data_figure]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(num="data", figsize=(4.6, 3))
ax.scatter(x_train.squeeze(), y_train.squeeze(), color="black", zorder=3)
ax.set_xlim(0, 4)
ax.set_ylim(0, 7)
ax.set_xticks(range(5))  # whole hours
ax.set_xlabel("hours studied")
ax.set_ylabel("score")
plt.show()
# --8<-- [end:data_figure]

# --8<-- [start:hypothesis]
W = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)

hypothesis = x_train * W + b  # broadcasting: (3, 1) * (1,) + (1,) -> (3, 1)
print(hypothesis)
# --8<-- [end:hypothesis]

# --8<-- [start:cost]
cost = torch.mean((hypothesis - y_train) ** 2)
print(cost)
# --8<-- [end:cost]

# --8<-- [start:gaussian]
# Under Gaussian noise with standard deviation sigma, the negative mean
# log-likelihood of a line is a constant plus MSE / (2 sigma^2). Checked for a
# line that is not the best one:
W_try, b_try, sigma = 1.5, 0.5, 0.8
prediction = W_try * x_train + b_try
nll = -torch.distributions.Normal(prediction, sigma).log_prob(y_train).mean()
mse = torch.mean((prediction - y_train) ** 2)
by_formula = 0.5 * torch.log(torch.tensor(2 * torch.pi * sigma**2)) + mse / (
    2 * sigma**2
)
print(f"negative mean log-likelihood {nll.item():.6f}")
print(f"the same from the MSE        {by_formula.item():.6f}")
# --8<-- [end:gaussian]

# --8<-- [start:gradient]
# The derivatives written out by hand (see the formulas above) ...
n = len(x_train)
error = (x_train * W + b - y_train).detach()
dW_by_hand = 2 / n * (error * x_train).sum()
db_by_hand = 2 / n * error.sum()

# ... and the ones autograd finds by walking back from the cost.
cost.backward()
print(
    f"dcost/dW: by hand {dW_by_hand.item():.4f}, autograd {W.grad.item():.4f}"
)
print(
    f"dcost/db: by hand {db_by_hand.item():.4f}, autograd {b.grad.item():.4f}"
)

# One step of gradient descent by the formula, with the learning rate 0.01.
lr = 0.01
W_next = W.item() - lr * dW_by_hand.item()
b_next = b.item() - lr * db_by_hand.item()
print(f"one step by hand: W = {W_next:.4f}, b = {b_next:.4f}")
# --8<-- [end:gradient]

# --8<-- [start:step]
optimizer = torch.optim.SGD([W, b], lr=lr)

optimizer.zero_grad()  # 1. forget the gradients of the previous step
cost = torch.mean((x_train * W + b - y_train) ** 2)
cost.backward()  # 2. compute fresh ones
optimizer.step()  # 3. move W and b a little downhill: W <- W - lr * dW
print(f"one step by SGD:  W = {W.item():.4f}, b = {b.item():.4f}")
# --8<-- [end:step]
