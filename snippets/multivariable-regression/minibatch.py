"""Epochs, minibatches and the "stochastic" in SGD: one line fitted full-batch
and in minibatches.

Run it with `python snippets/multivariable-regression/minibatch.py`; it prints a
log and shows a figure.
"""

# --8<-- [start:data]
import torch
from torch.utils.data import DataLoader, TensorDataset

generator = torch.Generator().manual_seed(0)
# 100 students this time: hours between 0 and 4, score 2 * hours plus noise.
x_train = torch.rand(100, 1, generator=generator) * 4
y_train = 2 * x_train + 0.5 * torch.randn(100, 1, generator=generator)

dataset = TensorDataset(x_train, y_train)  # pairs (x_i, y_i), one per student
shuffler = torch.Generator().manual_seed(0)  # the loader's own random order
loader = DataLoader(dataset, batch_size=10, shuffle=True, generator=shuffler)
x_batch, y_batch = next(iter(loader))
print(f"{len(dataset)} examples, {len(loader)} minibatches per epoch,", end=" ")
print(f"each of shape {tuple(x_batch.shape)}")
# --8<-- [end:data]


# --8<-- [start:train]
def full_cost(model):
    """The cost on all 100 examples: the number both runs are judged by."""
    with torch.no_grad():
        return torch.mean((model(x_train) - y_train) ** 2).item()


def train(batches, lr=0.01, epochs=20):
    torch.manual_seed(1)
    model = torch.nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    step_losses, epoch_costs = [], [full_cost(model)]
    for _ in range(epochs):
        for x, y in batches:  # one step per minibatch
            loss = torch.mean((model(x) - y) ** 2)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            step_losses.append(loss.item())
        epoch_costs.append(full_cost(model))
    return model, step_losses, epoch_costs


# Full batch, one step per epoch; minibatches of 10, ten steps per epoch.
full_model, full_steps, full_costs = train([(x_train, y_train)])
mini_model, mini_steps, mini_costs = train(loader)
# After `epoch` steps of full batch, and 10 * epoch of minibatches:
for epoch in (1, 5, 20):
    full, mini = full_costs[epoch], mini_costs[epoch]
    print(f"after epoch {epoch:2d}: full batch {full:6.3f}", end=", ")
    print(f"minibatches {mini:.3f}")

X = torch.cat([x_train, torch.ones_like(x_train)], dim=1)  # a column of ones
best = torch.linalg.lstsq(X, y_train).solution
lowest = torch.mean((X @ best - y_train) ** 2).item()
print(f"lowest possible cost: {lowest:.3f}")
# --8<-- [end:train]

# --8<-- [start:fair]
# The curvature of this cost sets the largest learning rate full batch can use.
curvature = torch.linalg.eigvalsh(2 / len(X) * X.T @ X).max().item()
print(f"largest curvature {curvature:.2f}")
print(f"full batch stable below lr {2 / curvature:.3f}")
_, _, fast_costs = train([(x_train, y_train)], lr=0.1)
print("full batch at lr 0.1, after epochs 1, 5, 20:")
print(", ".join(f"{fast_costs[epoch]:.3f}" for epoch in (1, 5, 20)))
# --8<-- [end:fair]

# --8<-- [start:held_out]
# 50 more students from the same process, which neither model was trained on.
x_new = torch.rand(50, 1, generator=generator) * 4
y_new = 2 * x_new + 0.5 * torch.randn(50, 1, generator=generator)
print("cost of         its 100 students  50 new ones")
with torch.no_grad():
    for name, model in (
        ("full batch", full_model),
        ("minibatches", mini_model),
    ):
        new_cost = torch.mean((model(x_new) - y_new) ** 2).item()
        print(f"{name:14s}  {full_cost(model):16.3f}  {new_cost:11.3f}")
# --8<-- [end:held_out]

# --8<-- [start:figure]
import matplotlib.pyplot as plt

fig, (by_step, by_epoch) = plt.subplots(
    1, 2, num="minibatch", figsize=(7.5, 3.5)
)
by_step.plot(
    range(1, len(mini_steps) + 1),
    mini_steps,
    color="C1",
    linewidth=0.8,
    label="minibatches of 10",
)
by_step.plot(
    range(1, len(full_steps) + 1),
    full_steps,
    "o-",
    color="C0",
    markersize=3,
    label="full batch",
)
# Steps on a log scale: the full batch's 20 were a tenth of a 200-step axis.
by_step.set_xlabel("step (log scale)")
by_step.set_xscale("log")
by_step.set_ylabel("loss of the batch used in the step")
by_step.set_yscale("log")
by_step.legend(reverse=True)  # full batch first, as in the second panel
by_epoch.plot(full_costs, "o-", markersize=3, label="full batch")
by_epoch.plot(mini_costs, "s-", markersize=3, label="minibatches of 10")
by_epoch.set_xlabel("epoch")
# whole epochs, not 2.5 and 7.5
by_epoch.set_xticks(range(0, len(full_costs), 5))
by_epoch.set_ylabel("cost on all 100 examples")
by_epoch.set_yscale("log")
by_epoch.legend()
plt.show()
# --8<-- [end:figure]
