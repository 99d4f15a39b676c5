"""Running rules: over one context, or over a dataset's parts, one after the other or at once.

A large dataset is split into parts of at most :data:`FIGURES_PER_PART` figures
(:class:`Split`), checked one after the other by one job. For ``check(jobs=N)`` the dataset
is split into more parts than processes, and this process and N - 1 forked workers take the
parts one at a time from a shared counter until none is left. A process that runs slower (a
machine's cores are often shared) so takes fewer parts, instead of leaving the others waiting
for its half. A worker sends each part's
results back as plain values (:mod:`gunflow.checks._transfer`) through a pipe of its own,
written by a thread of its own while the worker goes on to its next part; this process reads
them between its own parts, and after its last. A worker that dies closes its pipe: an
error, never a wait.
"""

from __future__ import annotations

import multiprocessing
import pickle
import queue
import threading
import traceback
from collections.abc import Sequence
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as wait_for
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING

from gunflow.checks._components import Split
from gunflow.checks._index import Context
from gunflow.checks._report import Checked, Finding, Passed, Severity
from gunflow.checks._transfer import received, sent
from gunflow.errors import NotFound
from gunflow.model import Relation, Tolerance

if TYPE_CHECKING:
    from multiprocessing.sharedctypes import Synchronized

    from gunflow.checks._engine import Rule

__all__ = ["CAN_FORK", "Outcomes", "apart", "by_part", "can_split", "outcomes"]

#: Whether worker processes can be forked, inheriting the dataset's parts (not pickled).
CAN_FORK = "fork" in multiprocessing.get_all_start_methods()


def can_split() -> bool:
    """Whether this process may start workers: it forks, and is no daemon (a pool's worker)."""
    return CAN_FORK and not multiprocessing.current_process().daemon


#: Parts per process at the least: enough that the processes finish close together.
PARTS_PER_JOB = 8

#: Figures per part at the most (but for a larger component), for a large dataset: a part's
#: records, and what the rules make of them, stay in the processor's caches while every rule
#: runs over them.
FIGURES_PER_PART = 2_000


def parts_for(figures: int, jobs: int) -> int:
    """How many parts to split a dataset of *figures* in, for *jobs* processes.

    One process needs no more parts than keep each small; several need enough to share out.
    """
    small = -(-figures // FIGURES_PER_PART)
    return small if jobs == 1 else max(jobs * PARTS_PER_JOB, small)


def by_part(context: Context, rules: Sequence[Rule], jobs: int) -> list[list[Outcomes]]:
    """Every rule's outcomes over each part of *context*'s dataset (rules that may be run so).

    In *jobs* processes where this one may start others (:func:`apart`); else here, part
    after part, so that what the rules read of a part stays in the processor's caches while
    every rule runs over it. A dataset of one part's size is checked whole.
    """
    if jobs > 1 and can_split():
        return apart(context, rules, jobs)
    parts = parts_for(len(context.statistics), 1)
    if parts <= 1:
        return [[outcomes(rule, context) for rule in rules]]
    split = Split(context.dataset, parts, in_order=True)
    return [_checked(split, number, rules, context.tolerance) for number in range(len(split))]


def _checked(
    split: Split, number: int, rules: Sequence[Rule], tolerance: Tolerance
) -> list[Outcomes]:
    """Every rule's outcomes over part *number* of *split*, in a context of its own."""
    part = Context(split.part(number), tolerance)
    return [outcomes(rule, part) for rule in rules]


#: What a rule yields over a context: findings, comparisons that held, and their counts.
Outcomes = tuple[list[Finding], list[Passed], Checked]


def outcomes(rule: Rule, context: Context) -> Outcomes:
    """What *rule* yields over *context*: findings, comparisons that held, and their counts.

    Raises:
        TypeError: the rule yields something else than a finding or a comparison that held.
        ValueError: it names a statistic or a relation that is not the dataset's (a report
            names the records checked, and a worker sends them back by id).

    """
    findings: list[Finding] = []
    passed: list[Passed] = []
    statistics = context.statistics
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
        for statistic in outcome.statistics:
            own = statistics.get(statistic.id)
            if own is not statistic and own != statistic:
                raise _foreign(rule, outcome, "statistic", statistic.id)
        relation = outcome.relation
        if relation is not None and not _is_own(context, relation):
            raise _foreign(rule, outcome, "relation", relation.id)
    failed = sum(1 for f in findings if f.severity is Severity.ERROR)
    return findings, passed, Checked(rule=rule.name, passed=len(passed), failed=failed)


def _is_own(context: Context, relation: Relation) -> bool:
    try:
        return context.dataset.relations.get(relation.id) == relation
    except NotFound:
        return False


def _foreign(rule: Rule, outcome: Finding | Passed, kind: str, id: str) -> ValueError:
    what = "finding" if isinstance(outcome, Finding) else "comparison that held"
    return ValueError(
        f"rule {rule.name!r} yielded a {what} naming the {kind} {id!r}, which is not one of "
        f"the dataset's: a rule names the records it was given (context.statistics, "
        "context.dataset)"
    )


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
    split: Split,
    rules: Sequence[Rule],
    tolerance: Tolerance,
    counter: Synchronized[int],
    pipe: Connection,
) -> None:
    """A worker process: check the parts it takes, send each one's results, then say done.

    Each message is pickled here, so that an error doing so is the worker's error, sent as
    such; a thread of its own writes them into the pipe, so that the worker goes on to its
    next part while the pipe is full (the parent reads between its own parts).
    """
    outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    writer = threading.Thread(target=_write, args=(outbox, pipe), daemon=True)
    writer.start()
    try:
        while (number := _take(counter, len(split))) is not None:
            results = [sent(*found) for found in _checked(split, number, rules, tolerance)]
            outbox.put(pickle.dumps(("part", number, results), pickle.HIGHEST_PROTOCOL))
        outbox.put(pickle.dumps(("done", None, None)))
    except BaseException as error:  # every error is the parent's to raise
        outbox.put(pickle.dumps(("failed", None, _sendable(error))))
    finally:
        outbox.put(None)
        writer.join()
        pipe.close()


def _write(outbox: queue.SimpleQueue[bytes | None], pipe: Connection) -> None:
    while (message := outbox.get()) is not None:
        pipe.send_bytes(message)


def _sendable(error: BaseException) -> BaseException:
    """*error* with its traceback in a note, or, if it does not pickle and back, one naming it."""
    note = "raised in a worker process of check(jobs=N):\n" + "".join(
        traceback.format_exception(error)
    )
    try:
        error.add_note(note)
        pickle.loads(pickle.dumps(error))  # noqa: S301 - made here, read here
    except Exception:
        described = RuntimeError(f"{type(error).__name__}: {error}")
        described.add_note(note)
        return described
    return error


def apart(context: Context, rules: Sequence[Rule], jobs: int) -> list[list[Outcomes]]:
    """Every rule's outcomes over each part of *context*'s dataset, checked in *jobs* processes.

    The parts are independent (:func:`gunflow.checks.components`), so each part's outcomes
    are those of the whole that concern it; they come in the parts' order, whoever checked
    them. Only where processes can be forked.
    """
    fork = multiprocessing.get_context("fork")
    split = Split(context.dataset, parts_for(len(context.statistics), jobs), in_order=True)
    counter: Synchronized[int] = fork.Value("i", 0)
    pipes: dict[Connection, BaseProcess] = {}  # each worker's reading end, while open
    done: set[BaseProcess] = set()
    by_part: dict[int, list[Outcomes]] = {}

    def receive(wait: bool) -> None:
        """Read the workers' messages: what has come (all of them, if *wait*)."""
        while pipes:
            ready = set(wait_for(list(pipes), timeout=None if wait else 0))
            if not ready:
                return
            for pipe in [pipe for pipe in pipes if pipe in ready]:
                try:
                    kind, number, body = pickle.loads(pipe.recv_bytes())  # noqa: S301 - ours
                except (EOFError, OSError):  # the worker has closed its end, or died in a message
                    _closed(pipes.pop(pipe), done, jobs)
                    pipe.close()
                    continue
                if kind == "part":
                    by_part[number] = [received(context, rule) for rule in body]
                elif kind == "failed":
                    error, body = body, None
                    try:
                        raise error
                    finally:
                        del error  # no cycle through this frame: the pipes close at once
                else:
                    done.add(pipes[pipe])

    workers: list[BaseProcess] = []
    try:
        for _ in range(min(jobs - 1, len(split) - 1)):  # a worker needs a part to take
            reading, writing = fork.Pipe(duplex=False)
            worker = fork.Process(
                target=_work,
                kwargs={
                    "split": split,
                    "rules": rules,
                    "tolerance": context.tolerance,
                    "counter": counter,
                    "pipe": writing,
                },
                daemon=True,
            )
            pipes[reading] = worker
            workers.append(worker)
            worker.start()
            writing.close()  # the worker's alone: its end closes when it ends, however
        while (number := _take(counter, len(split))) is not None:
            by_part[number] = _checked(split, number, rules, context.tolerance)
            receive(wait=False)
        receive(wait=True)
    finally:
        for process in workers:
            if process not in done and process.is_alive():
                process.kill()  # an error here or in another worker: its work is not wanted
            if process.pid is not None:
                process.join()
            process.close()
        for pipe in pipes:
            pipe.close()
    return [by_part[number] for number in sorted(by_part)]


def _closed(process: BaseProcess, done: set[BaseProcess], jobs: int) -> None:
    """A worker's pipe has closed: raise if it ended without saying it was done."""
    if process not in done:
        process.join()
        raise RuntimeError(
            f"a worker process of check(jobs={jobs}) ended without its results "
            f"(exit code {process.exitcode})"
        )
