"""Solutions to the exercises of the maths page.

Run it with `python snippets/maths/exercise.py`.
"""

# --8<-- [start:exp]
import torch


def e2x(x):
    return torch.exp(2 * x)  # outer: e^u; inner: u = 2x


x = torch.tensor(0.0, requires_grad=True)
e2x(x).backward()
h = 1e-6
x64 = torch.tensor(0.0, dtype=torch.float64)  # float64 for the difference
by_difference = (e2x(x64 + h) - e2x(x64 - h)) / (2 * h)
print(f"by hand: {2 * torch.exp(torch.tensor(0.0)).item():.6f}")
print(f"autograd: {x.grad.item():.6f}")
print(f"central difference: {by_difference.item():.6f}")
# --8<-- [end:exp]

# --8<-- [start:shapes]
A = torch.ones(4, 3)
B = torch.ones(3, 2)
print((A @ B).shape)
try:
    B @ A  # (3, 2) @ (4, 3): 2 columns meet 4 rows
except RuntimeError as error:
    print("RuntimeError:", error)
# --8<-- [end:shapes]

# --8<-- [start:spread]
values = torch.tensor([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
print(f"mean                      {values.mean():.4f}")
print(f"variance, n               {values.var(correction=0):.4f}")
print(f"variance, n - 1           {values.var():.4f}")
print(f"standard deviation, n     {values.std(correction=0):.4f}")
print(f"standard deviation, n - 1 {values.std():.4f}")
# --8<-- [end:spread]
