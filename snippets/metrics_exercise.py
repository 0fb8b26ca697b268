"""Solutions to the exercises on judging a classifier.

Run it with `python snippets/metrics_exercise.py`.
"""

# --8<-- [start:best_threshold]
import torch

torch.manual_seed(43052)
X = torch.linspace(-1, 1, 2000).reshape(2000, 1)
y = torch.bernoulli(torch.sigmoid(-1 + 5 * X)).bool()
probability = torch.sigmoid(-1.0116 + 4.8417 * X)


def f1_at(threshold):
    predicted = probability >= threshold
    tp = (predicted & y).sum().item()
    fp = (predicted & ~y).sum().item()
    fn = (~predicted & y).sum().item()
    return 2 * tp / (2 * tp + fp + fn)


thresholds = torch.linspace(0.01, 0.99, 99).tolist()
best = max(thresholds, key=f1_at)
print(f"best threshold {best:.2f}: F1 {f1_at(best):.3f}  (at 0.50: {f1_at(0.5):.3f})")
# --8<-- [end:best_threshold]

# --8<-- [start:balanced]
# Balanced accuracy: the mean of the recall of each class. A constant answer scores 0.5.
fraud = torch.zeros(1000, dtype=torch.bool)
fraud[:10] = True
for name, says_fraud in [("always 'no'", torch.zeros(1000, dtype=torch.bool)), ("perfect", fraud)]:
    recall_fraud = (says_fraud & fraud).sum().item() / fraud.sum().item()
    recall_normal = (~says_fraud & ~fraud).sum().item() / (~fraud).sum().item()
    print(
        f"{name:12s} accuracy {(says_fraud == fraud).float().mean().item():.3f}  "
        f"balanced accuracy {(recall_fraud + recall_normal) / 2:.3f}"
    )
# --8<-- [end:balanced]
