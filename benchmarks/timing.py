"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable


def best_of(runs: int, func: Callable[[], object]) -> float:
    """The fastest of *runs* timings of *func*, in seconds: the least disturbed run."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def _spin(steps: int) -> int:
    total = 0
    for step in range(steps):
        total += step
    return total


def parallel_ceiling(steps: int = 20_000_000) -> float:
    """What two processes can do on this machine: the best two jobs/one job ratio for any work.

    Two equal pure-Python loops, run in two forked processes at once, against the same two
    run one after the other here. 0.5 on two free cores; higher when the machine's second core
    is shared (a virtual machine's cores often are). A check's jobs=2 / jobs=1 ratio cannot be
    lower than this.
    """
    start = time.perf_counter()
    _spin(steps)
    _spin(steps)
    serial = time.perf_counter() - start
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_spin, [1, 1])  # the workers are up before the clock starts
        start = time.perf_counter()
        pool.map(_spin, [steps, steps])
        parallel = time.perf_counter() - start
    return parallel / serial
