"""Running rules: over one context, or over a dataset's parts in several processes at once.

For ``check(jobs=N)`` the dataset is split into more parts than processes (:class:`Split`),
and this process and N - 1 forked workers take the parts one at a time from a shared counter
until none is left. A process that runs slower (a machine's cores are often shared) so takes
fewer parts, instead of leaving the others waiting for its half. A worker sends each part's
results back as plain values (:mod:`gunflow.checks._transfer`) through a queue whose own
thread writes them while the worker goes on to its next part; this process reads them
between its own parts, and after its last.
"""

from __future__ import annotations

import multiprocessing
import pickle
import queue
import traceback
from collections.abc import Sequence
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any

from gunflow.checks._components import Split
from gunflow.checks._index import Context
from gunflow.checks._report import Checked, Finding, Passed, Severity
from gunflow.checks._transfer import received, sent
from gunflow.model import Tolerance

if TYPE_CHECKING:
    from multiprocessing.sharedctypes import Synchronized

    from gunflow.checks._engine import Rule

__all__ = ["CAN_FORK", "Outcomes", "apart", "outcomes"]

#: Whether worker processes can be forked, inheriting the dataset's parts (not pickled).
CAN_FORK = "fork" in multiprocessing.get_all_start_methods()

#: Parts per process at the least: enough that the processes finish close together.
PARTS_PER_JOB = 8

#: Figures per part at the most, for a large dataset: a part's records, and what the rules
#: make of them, stay in the processor's caches while every rule runs over them.
FIGURES_PER_PART = 2_000


def parts_for(figures: int, jobs: int) -> int:
    """How many parts to split a dataset of *figures* in, for *jobs* processes."""
    return max(jobs * PARTS_PER_JOB, -(-figures // FIGURES_PER_PART))


#: How long this process waits for a worker's message before it looks whether the worker died.
_PATIENCE = 0.5

#: What a rule yields over a context: findings, comparisons that held, and their counts.
Outcomes = tuple[list[Finding], list[Passed], Checked]


def outcomes(rule: Rule, context: Context) -> Outcomes:
    """What *rule* yields over *context*: findings, comparisons that held, and their counts."""
    findings: list[Finding] = []
    passed: list[Passed] = []
    for outcome in rule.run(context):
        if isinstance(outcome, Passed):
            passed.append(outcome)
        elif isinstance(outcome, Finding):
            findings.append(outcome)
        else:
            raise TypeError(
                f"rule {rule.name!r} yielded a {type(outcome).__name__}, "
                "not a gunflow.Finding or gunflow.Passed"
            )
    failed = sum(1 for f in findings if f.severity is Severity.ERROR)
    return findings, passed, Checked(rule=rule.name, passed=len(passed), failed=failed)


def _take(counter: Synchronized[int], parts: int) -> int | None:
    """The number of the next part no process has taken yet; None when every part is taken."""
    with counter.get_lock():
        number = counter.value
        if number >= parts:
            return None
        counter.value = number + 1
        return number


def _work(
    *,
    worker: int,
    split: Split,
    rules: Sequence[Rule],
    tolerance: Tolerance,
    counter: Synchronized[int],
    results: multiprocessing.Queue[Any],
) -> None:
    """A worker process: check the parts it takes, send each one's results, then say done."""
    try:
        while (number := _take(counter, len(split))) is not None:
            context = Context(split.part(number), tolerance)
            results.put(("part", worker, [sent(*outcomes(rule, context)) for rule in rules]))
    except BaseException as error:
        results.put(("failed", worker, _sendable(error)))
    else:
        results.put(("done", worker, None))


def _sendable(error: BaseException) -> BaseException:
    """*error* with its traceback in a note, or, if it cannot be pickled, an error saying so."""
    note = "raised in a worker process of check(jobs=N):\n" + "".join(
        traceback.format_exception(error)
    )
    try:
        error.add_note(note)
        pickle.dumps(error)
    except Exception:
        described = RuntimeError(f"{type(error).__name__}: {error}")
        described.add_note(note)
        return described
    return error


def apart(context: Context, rules: Sequence[Rule], jobs: int) -> list[list[Outcomes]]:
    """Every rule's outcomes over each part of *context*'s dataset, checked in *jobs* processes.

    The parts are independent (:func:`gunflow.checks.components`), so each part's outcomes
    are those of the whole that concern it. Only where processes can be forked.
    """
    fork = multiprocessing.get_context("fork")
    split = Split(context.dataset, parts_for(len(context.statistics), jobs))
    counter: Synchronized[int] = fork.Value("i", 0)
    results: multiprocessing.Queue[Any] = fork.Queue()
    workers = [
        fork.Process(
            target=_work,
            kwargs={
                "worker": worker,
                "split": split,
                "rules": rules,
                "tolerance": context.tolerance,
                "counter": counter,
                "results": results,
            },
            daemon=True,
        )
        for worker in range(jobs - 1)
    ]
    for process in workers:
        process.start()
    done: set[int] = set()
    by_part: list[list[Outcomes]] = []

    def receive(wait: bool) -> None:
        """Read the workers' messages: what has come (all of them, if *wait*)."""
        while len(done) < len(workers):
            try:
                kind, worker, body = results.get(timeout=_PATIENCE) if wait else results.get(False)
            except queue.Empty:
                if not wait:
                    return
                _look_for_the_dead(workers, done, results)
                continue
            if kind == "part":
                by_part.append([received(context, rule) for rule in body])
            elif kind == "failed":
                raise body
            else:
                done.add(worker)

    try:
        while (number := _take(counter, len(split))) is not None:
            mine = Context(split.part(number), context.tolerance)
            by_part.append([outcomes(rule, mine) for rule in rules])
            receive(wait=False)
        receive(wait=True)
    finally:
        for process in workers:
            if process.is_alive() and len(done) < len(workers):
                process.kill()  # an error here or in another worker: its work is not wanted
            process.join()
        results.close()
    return by_part


def _look_for_the_dead(
    workers: Sequence[BaseProcess], done: set[int], results: multiprocessing.Queue[Any]
) -> None:
    """Raise if a worker ended without saying it was done (killed, out of memory)."""
    for worker, process in enumerate(workers):
        if worker not in done and process.exitcode is not None and results.empty():
            raise RuntimeError(
                f"a worker process of check(jobs={len(workers) + 1}) ended without its results "
                f"(exit code {process.exitcode})"
            )
