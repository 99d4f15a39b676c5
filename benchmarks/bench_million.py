"""One million figures checked: time and peak memory, in a fresh process.

Run: python benchmarks/bench_million.py [STATISTICS] [JOBS]  (default 1,000,000 and 1)
The dataset is built in the process first (not timed); the peak memory is the process's own,
dataset included. The figures go in docs/performance.md.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECK = """
import resource, sys, time
sys.path.insert(0, sys.argv[1])
from synthetic import dataset
import gunflow
start = time.perf_counter()
ds = dataset(int(sys.argv[2]))
built = time.perf_counter() - start
start = time.perf_counter()
report = gunflow.check(ds, jobs=int(sys.argv[3]))
seconds = time.perf_counter() - start
assert not report.errors, report.errors[:3]
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(len(ds.statistics), built, seconds, peak, children, len(report.passed))
"""


def main() -> None:
    """Check in a fresh process, print the table."""
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    jobs = sys.argv[2] if len(sys.argv) > 2 else "1"
    run = subprocess.run(
        [sys.executable, "-c", CHECK, str(Path(__file__).parent), str(size), jobs],
        capture_output=True,
        text=True,
        check=True,
    )
    count, built, seconds, peak, children, passed = run.stdout.split()
    print(
        f"{'statistics':>10} {'jobs':>4} {'build s':>7} {'check s':>7} {'peak GB':>7} {'passed':>9}"
    )
    print(
        f"{int(count):>10,} {jobs:>4} {float(built):>7.0f} {float(seconds):>7.1f} "
        f"{max(int(peak), int(children)) / 1e9:>7.2f} {int(passed):>9,}"
    )
    print("targets: check under 90 s, peak under 3 GB")


if __name__ == "__main__":
    main()
