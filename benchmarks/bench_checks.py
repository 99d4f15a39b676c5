"""How check() scales: 10,000 and 100,000 consistent synthetic statistics.

Run: python benchmarks/bench_checks.py  (prints a table; figures go in docs/performance.md)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import dataset
from timing import best_of

import gunflow


def main() -> None:
    """Print the table."""
    rows = []
    for size in (10_000, 100_000):
        ds = dataset(size)
        report = gunflow.check(ds)
        assert not report.errors, report.errors[:3]
        seconds = best_of(3 if size <= 10_000 else 1, lambda ds=ds: gunflow.check(ds))
        rows.append((len(ds.statistics), seconds))
    print(f"{'statistics':>12} {'check() s':>10}")
    for n, s in rows:
        print(f"{n:>12,} {s:>10.2f}")
    ratio = rows[1][1] / rows[0][1]
    print(
        f"growth 10k -> 100k: {ratio:.1f}x (target: at most 15x); "
        f"100k: {rows[1][1]:.2f} s (target: well under 10 s)"
    )


if __name__ == "__main__":
    main()
