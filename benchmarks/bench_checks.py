"""How check() scales: 10,000 and 100,000 consistent synthetic statistics, one and two jobs.

Run: python benchmarks/bench_checks.py  (prints a table; figures go in docs/performance.md)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import dataset
from timing import best_of, parallel_ceiling

import gunflow


def main() -> None:
    """Print the table: the best of a few runs each, measured in one run of this script."""
    rows = []
    ceilings = [parallel_ceiling()]
    for size in (10_000, 100_000):
        ds = dataset(size)
        report = gunflow.check(ds)
        assert not report.errors, report.errors[:3]
        assert gunflow.check(ds, jobs=2) == report
        runs = 5 if size <= 10_000 else 3  # the least disturbed of several runs
        one = best_of(runs, lambda ds=ds: gunflow.check(ds))
        two = best_of(runs, lambda ds=ds: gunflow.check(ds, jobs=2))
        rows.append((len(ds.statistics), one, two))
        ceilings.append(parallel_ceiling())
    print(f"{'statistics':>12} {'jobs=1 s':>9} {'jobs=2 s':>9} {'2 / 1':>6}")
    for n, one, two in rows:
        print(f"{n:>12,} {one:>9.2f} {two:>9.2f} {two / one:>6.2f}")
    growth = rows[1][1] / rows[0][1]
    print(f"growth 10k -> 100k (jobs=1): {growth:.1f}x (target: at most 11x)")
    print(f"jobs=2 / jobs=1 at 100k: {rows[1][2] / rows[1][1]:.2f} (target: at most 0.7)")
    print(
        "this machine's ceiling for two jobs (two loops in two processes / one after the other),"
        f" measured before, between and after: {', '.join(f'{c:.2f}' for c in ceilings)}"
    )


if __name__ == "__main__":
    main()
