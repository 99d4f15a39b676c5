"""How check() scales: 10,000 and 100,000 consistent synthetic statistics, one and two jobs.

Run: python benchmarks/bench_checks.py  (prints a table; figures go in docs/performance.md)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import dataset
from timing import best_of_each, parallel_ceiling, parallel_ceiling_for

import gunflow
from gunflow.checks import components

SIZES = (10_000, 100_000)
RUNS = 5  # the least disturbed of several runs of each, all four taken in turn


def _repeated(times: int, ds: gunflow.Dataset, jobs: int) -> None:
    for _ in range(times):
        gunflow.check(ds, jobs=jobs)


def main() -> None:
    """Print the table: the best of a few runs each, measured in one run of this script.

    Each timing checks as many figures: the smaller dataset is checked ten times over, the
    time divided by ten. A shared machine's slow moments come and go; timed alone, a check
    of 10,000 figures (under a second) more often falls in a quiet moment than one of 100,000
    (several seconds), and the best of each would overstate how a check grows.
    """
    datasets = [dataset(size) for size in SIZES]
    repeats = [SIZES[-1] // size for size in SIZES]
    for ds in datasets:
        report = gunflow.check(ds)
        assert not report.errors, report.errors[:3]
        assert gunflow.check(ds, jobs=2) == report
    ceilings = [parallel_ceiling()]
    totals = best_of_each(
        RUNS,
        *(
            lambda ds=ds, times=times, jobs=jobs: _repeated(times, ds, jobs)
            for ds, times in zip(datasets, repeats, strict=True)
            for jobs in (1, 2)
        ),
        lambda: gunflow.check(datasets[0]),  # timed alone, as this benchmark used to
    )
    alone = totals.pop()
    times = [total / repeats[i // 2] for i, total in enumerate(totals)]
    ceilings.append(parallel_ceiling())
    halves = list(components(datasets[-1], parts=2))
    # the same work as a check of the halves, two at once against one after the other
    work = parallel_ceiling_for(lambda i: gunflow.check(halves[i]))
    rows = [(len(ds.statistics), times[2 * i], times[2 * i + 1]) for i, ds in enumerate(datasets)]
    print(f"{'statistics':>12} {'jobs=1 s':>9} {'jobs=2 s':>9} {'2 / 1':>6}")
    for n, one, two in rows:
        print(f"{n:>12,} {one:>9.2f} {two:>9.2f} {two / one:>6.2f}")
    growth = rows[1][1] / rows[0][1]
    print(f"growth 10k -> 100k (jobs=1): {growth:.1f}x (target: at most 11x)")
    print(
        "(each size timed over 100,000 figures, the 10,000 checked ten times; one check of"
        f" 10,000 timed alone: {alone:.2f} s, growth {rows[1][1] / alone:.1f}x)"
    )
    print(f"jobs=2 / jobs=1 at 100k: {rows[1][2] / rows[1][1]:.2f} (target: at most 0.7)")
    print(
        "this machine's ceiling for two jobs (two loops in two processes / one after the other),"
        f" measured before and after: {', '.join(f'{c:.2f}' for c in ceilings)}"
    )
    print(
        "and for the check's own work at 100k (its two halves at once / one after the other):"
        f" {work:.2f}"
    )


if __name__ == "__main__":
    main()
