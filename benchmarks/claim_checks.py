"""Benchmark: lines per second of the pure claim-check step (no I/O, no database).

Generates 100,000 lines with the generator of the batch test (tests/declaraties/batch_maker.py, fixed
seed), builds the indexes once, then times only `check_declaratie` over all declarations.

    PYTHONPATH=src python benchmarks/claim_checks.py [aantal] [herhalingen]
"""

from __future__ import annotations

import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openwmo.declaraties.checks import EerdereIndex, TariefIndex, check_declaratie  # noqa: E402
from tests.declaraties.batch_maker import genereer_batch  # noqa: E402


def main(aantal: int = 100_000, herhalingen: int = 3) -> None:
    t0 = time.perf_counter()
    batch = genereer_batch(aantal)
    t1 = time.perf_counter()
    tarieven = TariefIndex(batch.tarieven)
    eerdere = EerdereIndex(batch.eerdere)
    t2 = time.perf_counter()
    beste = float("inf")
    for _ in range(herhalingen):
        start = time.perf_counter()
        uitkomsten = [check_declaratie(d, batch.toewijzingen, tarieven, eerdere) for d in batch.declaraties]
        beste = min(beste, time.perf_counter() - start)
    afgekeurd = sum(len(u.afgekeurde) for u in uitkomsten)
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"generate {aantal:,} lines (incl. dataclass validation): {t1 - t0:.2f} s")
    print(f"build indexes: {t2 - t1:.3f} s")
    print(f"check {aantal:,} lines: best of {herhalingen}: {beste:.3f} s → {aantal / beste:,.0f} lines/s")
    print(f"rejected lines: {afgekeurd:,} (expected {len(batch.fouten):,})")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
