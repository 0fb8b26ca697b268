"""Autograd on one number: what requires_grad records, what backward() fills in.

Run it with `python snippets/how-pytorch-learns/gradients.py`. Each section is
shown on its own on the site, with what it prints underneath.
"""

# --8<-- [start:remember]
import torch

x = torch.tensor(3.0)  # an input: we want no gradient for it
w = torch.tensor(2.0, requires_grad=True)  # a weight: record how it is used
b = torch.tensor(1.0, requires_grad=True)  # a bias: the same

y = w * x + b
print(y)
print("y.requires_grad:", y.requires_grad, " x.requires_grad:", x.requires_grad)
print("leaves? w:", w.is_leaf, " y:", y.is_leaf)
# --8<-- [end:remember]

# --8<-- [start:backward]
y.backward()  # walk back from y and fill .grad of the leaves w and b

print("w.grad =", w.grad, "  by hand: dy/dw = x =", x.item())
print("b.grad =", b.grad, "  by hand: dy/db = 1")
print("x.grad =", x.grad)
# --8<-- [end:backward]

# --8<-- [start:accumulate]
y = w * x + b  # build y again: backward() let go of the old record
y.backward()
print("after a second backward: w.grad =", w.grad, " b.grad =", b.grad)
# --8<-- [end:accumulate]

# --8<-- [start:why_add]
# One backward call per example: their gradients add up ...
w.grad = None  # start from nothing
b.grad = None
for x_i in (1.0, 2.0):
    (w * x_i + b).backward()
print("one call per example: w.grad =", w.grad, " b.grad =", b.grad)

# ... to the gradient of their sum, taken in a single call.
w.grad = None
b.grad = None
((w * 1.0 + b) + (w * 2.0 + b)).backward()
print("one call for the sum: w.grad =", w.grad, " b.grad =", b.grad)
# --8<-- [end:why_add]

# --8<-- [start:no_grad]
try:
    w -= 0.1 * w.grad  # an update while autograd is recording
except RuntimeError as error:
    print(error)

with torch.no_grad():  # nothing inside this block is recorded
    prediction = w * 4.0 + b
print(prediction, "requires_grad:", prediction.requires_grad)
# --8<-- [end:no_grad]

# --8<-- [start:detach]
y = w * x + b
print(y.detach())  # the same number, without the record
try:
    y.numpy()  # what plotting a tensor does behind the scenes
except RuntimeError as error:
    print(error)
print(y.detach().numpy())
# --8<-- [end:detach]

# --8<-- [start:data]
# exp is its own derivative: at z = 1 the slope is e = 2.718...
z = torch.tensor(1.0, requires_grad=True)
e = torch.exp(z)
e.data += 1  # a change that autograd does not see
e.backward()
print("through .data: z.grad =", z.grad, "(wrong, and no warning)")

z = torch.tensor(1.0, requires_grad=True)
e = torch.exp(z)
e.detach().add_(1)  # the same change through .detach(): autograd notices
try:
    e.backward()
except RuntimeError as error:
    print("through .detach(): backward() stops with a RuntimeError")
    print(str(error).split(":")[0])  # the start of a long message
# --8<-- [end:data]
