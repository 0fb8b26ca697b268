"""A Dataset of one's own, dealt out in shuffled minibatches by a DataLoader.

Run it with `python snippets/what-next/dataset.py`.
"""

# --8<-- [start:dataset]
import torch
from torch.utils.data import DataLoader, Dataset


class StudentHours(Dataset):
    """Hours studied and passed (1) or failed (0), one student per index."""

    def __init__(self, rows):
        self.rows = rows  # plain Python pairs, as read from a file

    def __len__(self):
        return len(self.rows)  # how many students

    def __getitem__(self, index):
        hours, passed = self.rows[index]
        # Made into tensors only when this student is asked for.
        return torch.tensor([hours]), torch.tensor([float(passed)])


hours = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0]
passed = [0, 0, 0, 0, 1, 0, 1, 1, 1, 1]
dataset = StudentHours(list(zip(hours, passed, strict=True)))
print(len(dataset), dataset[3])
# --8<-- [end:dataset]

# --8<-- [start:loader]
shuffler = torch.Generator().manual_seed(0)
loader = DataLoader(dataset, batch_size=4, shuffle=True, generator=shuffler)
for epoch in (1, 2):
    print(f"epoch {epoch}")
    for x, y in loader:  # one minibatch of hours and labels at a time
        print(" ", tuple(x.shape), tuple(y.shape), x.flatten().tolist())
# --8<-- [end:loader]
