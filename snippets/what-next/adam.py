"""Adam against plain SGD on the five students of the multivariable chapter.

Run it with `python snippets/what-next/adam.py`; it prints a log and shows a
figure.
"""

# --8<-- [start:data]
import torch
import torch.nn.functional as F
from torch import nn

# The five students: three quiz scores each (raw, around 80), final exam.
x_train = torch.tensor(
    [
        [73.0, 80.0, 75.0],
        [93.0, 88.0, 93.0],
        [89.0, 91.0, 90.0],
        [96.0, 98.0, 100.0],
        [73.0, 66.0, 70.0],
    ]
)
y_train = torch.tensor([[152.0], [185.0], [180.0], [196.0], [142.0]])
# --8<-- [end:data]


# --8<-- [start:compare]
def train(optimizer_class, lr, epochs=2000):
    """The cost at every epoch, for nn.Linear(3, 1) started from seed 1."""
    torch.manual_seed(1)
    model = nn.Linear(3, 1)
    optimizer = optimizer_class(model.parameters(), lr=lr)
    costs = []
    for _ in range(epochs + 1):
        cost = F.mse_loss(model(x_train), y_train)
        costs.append(cost.item())
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
    return costs


sgd = train(torch.optim.SGD, lr=1e-5)
adam = train(torch.optim.Adam, lr=0.1)
for epoch in (0, 10, 100, 500, 1000, 2000):
    print(f"epoch {epoch:4d}: SGD {sgd[epoch]:10.4f}  Adam {adam[epoch]:10.4f}")
# --8<-- [end:compare]

# --8<-- [start:first_step]
for name, optimizer_class, lr in (
    ("SGD ", torch.optim.SGD, 1e-5),
    ("Adam", torch.optim.Adam, 0.1),
):
    torch.manual_seed(1)
    model = nn.Linear(3, 1)
    optimizer = optimizer_class(model.parameters(), lr=lr)
    before = torch.cat([model.weight.flatten(), model.bias]).detach()
    cost = F.mse_loss(model(x_train), y_train)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    after = torch.cat([model.weight.flatten(), model.bias]).detach()
    moves = [f"{m:+.4f}" for m in (after - before).tolist()]
    print(f"{name} first step, w1 w2 w3 b:", *moves)
# --8<-- [end:first_step]

# --8<-- [start:lowest]
# The exact least-squares answer, in float64 (the problem is badly scaled).
X = torch.cat([x_train, torch.ones(5, 1)], dim=1).double()  # ones: the bias
best = torch.linalg.lstsq(X, y_train.double()).solution
lowest = F.mse_loss(X @ best, y_train.double()).item()
print(f"lowest possible cost {lowest:.4f}; Adam at epoch 2000: {adam[-1]:.4f}")
# --8<-- [end:lowest]

# --8<-- [start:figure]
import matplotlib.pyplot as plt

# Left, the whole run on log scales; right, from epoch 200 on plain ones, where
# the gaps between the two runs and the lowest cost show.
fig, (whole, end) = plt.subplots(
    1, 2, num="adam", figsize=(7.5, 3.8), layout="constrained"
)
epochs = range(1, len(sgd))  # from epoch 1: a log scale has no 0
for ax in (whole, end):
    ax.plot(epochs, sgd[1:], label="SGD, learning rate 1e-5")
    ax.plot(epochs, adam[1:], label="Adam, learning rate 0.1")
    ax.axhline(lowest, color="grey", linestyle="--", label="lowest possible")
    ax.set_ylabel("cost (MSE)")
whole.set_xscale("log")
whole.set_yscale("log")
whole.set_xlabel("epoch (log scale)")
whole.set_title("all 2000 epochs, log scales", loc="left")
end.set_xlim(200, 2000)
end.set_ylim(0, 0.4)
end.set_xlabel("epoch")
end.set_title("from epoch 200", loc="left")
handles, labels = whole.get_legend_handles_labels()
fig.legend(handles, labels, loc="outside upper center", ncols=2)
plt.show()
# --8<-- [end:figure]
