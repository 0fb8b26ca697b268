"""Solutions to the binary cross-entropy exercises.

Run it with `python snippets/binary-cross-entropy/exercise.py`.
"""

# --8<-- [start:slopes]
import torch

z = torch.tensor(-6.0, requires_grad=True)  # a confident "no" ...
y = torch.tensor(1.0)  # ... for an example whose answer is "yes"

torch.nn.functional.binary_cross_entropy_with_logits(z, y).backward()
bce_slope = z.grad.item()
print(f"BCE slope with respect to z: {bce_slope:.4f}")
z.grad = None
((torch.sigmoid(z) - y) ** 2).backward()
mse_slope = z.grad.item()
print(f"MSE slope with respect to z: {mse_slope:.4f}")
print(f"ratio BCE / MSE: {bce_slope / mse_slope:.0f}")
# --8<-- [end:slopes]

# --8<-- [start:trap]
torch.manual_seed(43052)  # the chapter's data
X = torch.linspace(-1, 1, 2000).reshape(2000, 1)
labels = torch.bernoulli(torch.sigmoid(-1 + 5 * X))

# Where the chapter's MSE run from the bad start stopped.
w0 = torch.tensor(-7.880, requires_grad=True)
w1 = torch.tensor(-4.545, requires_grad=True)
losses = {
    "BCE": lambda z: torch.nn.functional.binary_cross_entropy_with_logits(
        z, labels
    ),
    "MSE": lambda z: torch.mean((torch.sigmoid(z) - labels) ** 2),
}
for name, loss in losses.items():
    g0, g1 = torch.autograd.grad(loss(w0 + w1 * X), (w0, w1))
    print(
        f"{name} gradient: ({g0.item():.2e}, {g1.item():.2e}), "
        f"size {torch.hypot(g0, g1).item():.2e}"
    )
# --8<-- [end:trap]
