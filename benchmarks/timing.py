"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

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
