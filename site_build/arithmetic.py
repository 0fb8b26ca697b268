"""Pin what decides torch's floating-point arithmetic, so every machine prints the same digits.

On an x86 CPU, torch picks its kernels by what the processor offers: MKL and ATen
take AVX-512 code where it exists, and the number of threads splits sums into a
different number of pieces. Each choice rounds differently in the last digits, so
without a pin an AVX-512 laptop, an AVX2 runner and an 8-core desktop would each
publish a different site.

Measured on torch 2.13.0 (an AVX-512 Xeon, 2 cores): rendering every snippet
with the machine's defaults, under MKL_ENABLE_INSTRUCTIONS=AVX2, and with one or
two threads gave four different sets of files; with the pin below all of these
gave the same bytes.

The pin lives where code runs for the site (the figure generator, the notebook
kernel it starts, the tests), never in the snippets a reader copies.
"""

from __future__ import annotations

import os
import sys

PINNED = {
    # MKL's Conditional Numerical Reproducibility: the same code path on every x86 CPU,
    # Intel or AMD, whatever instructions it has.
    "MKL_CBWR": "COMPATIBLE",
    # ATen's own vectorised kernels: AVX2, which every x86-64-v3 CPU has, even where AVX-512 exists.
    "ATEN_CPU_CAPABILITY": "avx2",
    # One thread: a reduction is summed in one order whatever the core count.
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


class PinTooLate(RuntimeError):
    """torch was imported before the pin, so its kernels are already chosen."""


def pin() -> None:
    """Set the pinned variables for this process and every process it starts.

    Must run before torch is imported: MKL and ATen read them once, at start-up.
    """
    if "torch" in sys.modules and any(os.environ.get(k) != v for k, v in PINNED.items()):
        raise PinTooLate("torch was imported before site_build/arithmetic.py pinned its arithmetic")
    os.environ.update(PINNED)
