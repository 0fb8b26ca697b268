"""Gradient descent written by hand, next to the same steps by torch.optim.SGD.

Run it with `python snippets/how-pytorch-learns/update.py`.
"""

# --8<-- [start:step]
import torch

x_train = torch.tensor([[1.0], [2.0], [3.0]])
y_train = torch.tensor([[2.0], [4.0], [6.0]])


def cost_of(w, b):
    return torch.mean((x_train * w + b - y_train) ** 2)


def step_by_hand(w, b, lr):
    cost_of(w, b).backward()
    with torch.no_grad():  # an update is not part of the model's record
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad = None  # forget these gradients before the next step
    b.grad = None


# --8<-- [end:step]


# --8<-- [start:by_hand]
torch.manual_seed(0)
w = torch.randn(1, requires_grad=True)
b = torch.randn(1, requires_grad=True)
# A copy of the same start, for the optimizer to move.
w_opt = w.detach().clone().requires_grad_()
b_opt = b.detach().clone().requires_grad_()
print(f"start:  w = {w.item():.6f}, b = {b.item():.6f}")

lr = 0.1
optimizer = torch.optim.SGD([w_opt, b_opt], lr=lr)
for step in range(1, 5):
    step_by_hand(w, b, lr)

    optimizer.zero_grad()
    cost_of(w_opt, b_opt).backward()
    optimizer.step()

    same = torch.allclose(w, w_opt) and torch.allclose(b, b_opt)
    print(f"step {step}: w = {w.item():.6f}, b = {b.item():.6f}, same: {same}")
# --8<-- [end:by_hand]
