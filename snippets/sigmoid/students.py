"""The sigmoid of Wx + b over four students, and the binary cross-entropy at one
W and b.

Run it with `python snippets/sigmoid/students.py`. Its last lines save the
students and the settings as students.explorer.json in the working folder:
the numbers the page's explorer starts from.
"""

# --8<-- [start:students]
import torch

hours = torch.tensor([1.0, 2.0, 3.0, 4.0])  # hours studied
passed = torch.tensor([0.0, 0.0, 1.0, 1.0])  # failed, failed, passed, passed

W, b = 2.0, -5.0  # the midpoint -b/W is at 2.5 hours
probability = torch.sigmoid(W * hours + b)
loss = torch.nn.functional.binary_cross_entropy(probability, passed)
print(f"W = {W}, b = {b}")
print("P(pass):", " ".join(f"{p:.4f}" for p in probability.tolist()))
print(f"BCE loss: {loss.item():.4f}")
# --8<-- [end:students]

# --8<-- [start:explorer]
import json

with open("students.explorer.json", "w") as file:
    json.dump(
        {"hours": hours.tolist(), "passed": passed.tolist(), "w": W, "b": b},
        file,
    )
# --8<-- [end:explorer]
