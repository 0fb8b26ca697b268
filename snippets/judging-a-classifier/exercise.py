"""Solutions to the exercises on judging a classifier.

Run it with `python snippets/judging-a-classifier/exercise.py`.
"""

# --8<-- [start:best_threshold]
import torch

# The cross-entropy chapter's 2000 examples, its maximum-likelihood model, and
# the held-out data.
torch.manual_seed(43052)
X = torch.linspace(-1, 1, 2000).reshape(2000, 1)
y = torch.bernoulli(torch.sigmoid(-1 + 5 * X)).bool()
generator = torch.Generator().manual_seed(1)
X_new = torch.rand(2000, 1, generator=generator) * 2 - 1
y_new = torch.bernoulli(
    torch.sigmoid(-1 + 5 * X_new), generator=generator
).bool()


def f1_at(threshold, probability, labels):
    predicted = probability >= threshold
    tp = (predicted & labels).sum().item()
    fp = (predicted & ~labels).sum().item()
    fn = (~predicted & labels).sum().item()
    return 2 * tp / (2 * tp + fp + fn)


def best_threshold(probability, labels):
    thresholds = torch.linspace(0.01, 0.99, 99).tolist()
    return max(thresholds, key=lambda t: f1_at(t, probability, labels))


p_train = torch.sigmoid(-1.0116 + 4.8417 * X)
p_new = torch.sigmoid(-1.0116 + 4.8417 * X_new)
# Chosen on the training data, not on the held-out data
best = best_threshold(p_train, y)
best_f1 = f1_at(best, p_train, y)
print(
    f"training data: best threshold {best:.2f}, F1 {best_f1:.3f}  (at 0.50: "
    f"{f1_at(0.5, p_train, y):.3f})"
)
print(f"half of the best F1: {best_f1 / 2:.3f}")
held_out_best, held_out_at_05 = (
    f1_at(best, p_new, y_new),
    f1_at(0.5, p_new, y_new),
)
print(
    f"held-out data: at {best:.2f}, F1 {held_out_best:.3f}  (at 0.50: "
    f"{held_out_at_05:.3f})"
)
# --8<-- [end:best_threshold]

# --8<-- [start:half]
# Probabilities that are exactly right (the true ones), with fewer, as many and
# more positives.
generator = torch.Generator().manual_seed(0)
x = torch.rand(20_000, generator=generator) * 2 - 1
for w0 in (-1.0, 0.0, 1.0):
    truth = torch.sigmoid(w0 + 5 * x)
    labels = torch.bernoulli(truth, generator=generator).bool()
    t = best_threshold(truth, labels)
    print(
        f"{labels.float().mean().item():.0%} positives: "
        f"best threshold {t:.2f}, "
        f"half of the best F1 {f1_at(t, truth, labels) / 2:.3f}"
    )
# --8<-- [end:half]

# --8<-- [start:balanced]
# Balanced accuracy: the mean of the recall of each class. A constant answer
# scores 0.5.
fraud = torch.zeros(1000, dtype=torch.bool)
fraud[:10] = True
for name, says_fraud in [
    ("always 'no'", torch.zeros(1000, dtype=torch.bool)),
    ("perfect", fraud),
]:
    recall_fraud = (says_fraud & fraud).sum().item() / fraud.sum().item()
    recall_normal = (~says_fraud & ~fraud).sum().item() / (~fraud).sum().item()
    print(
        f"{name:12s} accuracy "
        f"{(says_fraud == fraud).float().mean().item():.3f}  "
        f"balanced accuracy {(recall_fraud + recall_normal) / 2:.3f}"
    )
# --8<-- [end:balanced]
