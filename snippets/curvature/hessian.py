"""Second derivatives, the Hessian of a line's mean squared error, and the
largest learning rate that descent survives.

Run it with `python snippets/curvature/hessian.py`.
"""

# --8<-- [start:second]
import torch
from torch.autograd.functional import hessian


def cube(x):
    return x**3  # slope 3x^2, second derivative 6x


# How fast the slope changes: the slope just right of 2 minus the slope just
# left of it, per step h (in float64, like the central differences of the
# maths page).
x, h = torch.tensor(2.0, dtype=torch.float64), 1e-4
right = (cube(x + h) - cube(x)) / h
left = (cube(x) - cube(x - h)) / h
print(f"by hand, 6x: {6 * 2.0:.4f}")
print(f"central difference: {((right - left) / h).item():.4f}")
print(f"autograd: {hessian(cube, torch.tensor(2.0)).item():.4f}")
# --8<-- [end:second]

# --8<-- [start:hessian]
x_data = torch.tensor([0.0, 2.0])  # the two points (0, 1) and (2, 5)
y_data = torch.tensor([1.0, 5.0])


def cost(params):
    """Mean squared error of the line W * x + b, params = (W, b)."""
    W, b = params
    return torch.mean((W * x_data + b - y_data) ** 2)


H = hessian(cost, torch.tensor([0.0, 0.0]))
X = torch.stack([x_data, torch.ones(2)], dim=1)  # columns: x and 1
by_formula = 2 / len(X) * X.T @ X
print(H)
print("autograd matches (2/n) X^T X:", torch.allclose(H, by_formula))
# --8<-- [end:hessian]

# --8<-- [start:eigenvalues]
flattest, steepest = torch.linalg.eigvalsh(H).tolist()  # ascending order
print(f"curvatures: {flattest:.3f} and {steepest:.3f}")
print(f"descent diverges above lr = 2 / {steepest:.3f} = {2 / steepest:.3f}")
# --8<-- [end:eigenvalues]


# --8<-- [start:limit]
def cost_after(lr, steps=100):
    """The cost after some steps of gradient descent from W = b = 0."""
    params = torch.zeros(2, requires_grad=True)
    for _ in range(steps):
        params.grad = None
        cost(params).backward()
        with torch.no_grad():
            params -= lr * params.grad
    return cost(params).item()


for lr in (0.37, 0.40):  # just under and just over the limit
    print(f"lr = {lr:.2f}: cost after 100 steps = {cost_after(lr):.3g}")
# --8<-- [end:limit]
