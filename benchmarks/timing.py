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


def best_of_each(runs: int, *funcs: Callable[[], object]) -> list[float]:
    """The fastest of *runs* timings of each of *funcs*, run in turn: one, the other, one...

    Taken in turn, each is timed as often in the machine's quiet moments as in its busy
    ones, so that their ratio is not the luck of when each was timed.
    """
    times: list[list[float]] = [[] for _ in funcs]
    for _ in range(runs):
        for timed, func in zip(times, funcs, strict=True):
            start = time.perf_counter()
            func()
            timed.append(time.perf_counter() - start)
    return [min(timed) for timed in times]


def _spin(steps: int) -> int:
    total = 0
    for step in range(steps):
        total += step
    return total


def parallel_ceiling_for(work: Callable[[int], object]) -> float:
    """What two processes can do on this machine with *work*: ``work(0)`` and ``work(1)``.

    The two run in two forked processes at once, against the two run one after the other
    here: 0.5 if they do not slow each other down. Memory-bound work (a check) slows more
    than a loop when both cores share the processor's cache and memory, so this is the
    fairer measure of what ``check(jobs=2)`` could reach with the same work.
    """
    start = time.perf_counter()
    work(0)
    work(1)
    serial = time.perf_counter() - start
    _WORK[:] = [work]  # forked, the pool's processes have it: a closure is not pickled
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_spin, [1, 1])  # the workers are up before the clock starts
        start = time.perf_counter()
        pool.map(_do_work, [0, 1], chunksize=1)
        parallel = time.perf_counter() - start
    return parallel / serial


_WORK: list[Callable[[int], object]] = []


def _do_work(number: int) -> None:
    _WORK[0](number)


def parallel_ceiling(steps: int = 20_000_000) -> float:
    """What two processes can do on this machine: the best two jobs/one job ratio for any work.

    Two equal pure-Python loops, run in two forked processes at once, against the same two
    run one after the other here. 0.5 on two free cores; higher when the machine's second core
    is shared (a virtual machine's cores often are). A check's jobs=2 / jobs=1 ratio cannot be
    lower than this.
    """
    return parallel_ceiling_for(lambda _: _spin(steps))
