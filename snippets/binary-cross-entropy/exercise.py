"""Solutions to the binary cross-entropy exercises.

Run it with `python snippets/binary-cross-entropy/exercise.py`.
"""

# --8<-- [start:slopes]
import torch

z = torch.tensor(-6.0, requires_grad=True)  # a confident "no" ...
y = torch.tensor(1.0)  # ... for an example whose answer is "yes"

torch.nn.functional.binary_cross_entropy_with_logits(z, y).backward()
print(f"BCE slope with respect to z: {z.grad.item():.4f}")
z.grad = None
((torch.sigmoid(z) - y) ** 2).backward()
print(f"MSE slope with respect to z: {z.grad.item():.4f}")
# --8<-- [end:slopes]

# --8<-- [start:wrong_start]
torch.manual_seed(43052)
X = torch.linspace(-1, 1, 2000).reshape(2000, 1)
labels = torch.bernoulli(torch.sigmoid(-1 + 5 * X))


def train(loss_name, epochs=2000, lr=0.05):
    """Start from weights that predict the opposite of the data, w1 = -10."""
    net = torch.nn.Linear(1, 1)
    with torch.no_grad():
        net.weight.fill_(-10.0)
        net.bias.fill_(0.0)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    for _ in range(epochs):
        yhat = torch.sigmoid(net(X))
        if loss_name == "BCE":
            loss = torch.nn.functional.binary_cross_entropy(yhat, labels)
        else:
            loss = torch.mean((yhat - labels) ** 2)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return net.bias.item(), net.weight.item()


for name in ("BCE", "MSE"):
    w0, w1 = train(name)
    print(f"{name}: after 2000 epochs w0 = {w0:.2f}, w1 = {w1:.2f}")
# --8<-- [end:wrong_start]
