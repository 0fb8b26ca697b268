"""Mean, variance and standard deviation: torch against the formulas.

Run it with `python snippets/maths/averages.py`.
"""

# --8<-- [start:spread]
import torch

scores = [73.0, 93.0, 89.0, 96.0, 73.0]  # five students' first quiz
n = len(scores)
mean = sum(scores) / n
squares = sum((s - mean) ** 2 for s in scores)  # squared gaps from the mean

t = torch.tensor(scores)
checks = [
    ("t.mean()", mean, t.mean()),
    ("t.var()", squares / (n - 1), t.var()),
    ("t.var(correction=0)", squares / n, t.var(correction=0)),
    ("t.std()", (squares / (n - 1)) ** 0.5, t.std()),
    ("t.std(correction=0)", (squares / n) ** 0.5, t.std(correction=0)),
]
print(f"{'':20} {'formula':>9} {'torch':>9}")
for call, by_formula, by_torch in checks:
    print(f"{call:20} {by_formula:9.4f} {by_torch.item():9.4f}")
# --8<-- [end:spread]

# --8<-- [start:standardise]
z = (t - t.mean()) / t.std()  # what the multivariable chapter does to a column
print([f"{v:.3f}" for v in z.tolist()])
print(f"mean {z.mean().item():.1e}, standard deviation {z.std().item():.4f}")
# --8<-- [end:standardise]
