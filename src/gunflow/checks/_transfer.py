"""What a worker process sends back of one rule: its results as plain values, quick to send.

A check at scale makes hundreds of thousands of comparisons that held, each with its
statistics and intervals. Pickled as objects, they cost the worker and the parent a third of
what the rules themselves take; as plain values in :mod:`marshal`'s format (which only this
Python reads back, and only from a process of this same check) a small part of it. The
parent holds the records already, so statistics and relations go as ids; each distinct
interval goes once, as integers (:func:`~gunflow.model.interval.as_ends`), however many
comparisons share it.
"""

from __future__ import annotations

import marshal

import attrs

from gunflow.checks._index import Context
from gunflow.checks._report import Checked, Finding, Passed
from gunflow.model.interval import Ends, Interval, as_ends, from_ends

__all__ = ["Sent", "received", "sent"]

#: A comparison that held: rule, arithmetic, the statistics' ids, its intervals' numbers among
#: the distinct intervals sent, its relation's id.
_Row = tuple[str, str, tuple[str, ...], tuple[int, ...], str | None]


@attrs.frozen
class Sent:
    """One rule's results over a worker's part of the dataset, ready to pickle."""

    #: The findings without their statistics (few: pickled as they are, but for those).
    findings: list[Finding]
    #: The ids of each finding's statistics.
    finding_ids: list[tuple[str, ...]]
    #: The comparisons that held, one row each, and each distinct interval once, marshalled.
    passed: bytes
    checked: Checked


def sent(findings: list[Finding], passed: list[Passed], checked: Checked) -> Sent:
    """A rule's results, made plain for the parent process (in the worker)."""
    numbers: dict[int, int] = {}  # an interval's number among the distinct ones, by identity
    ends: list[Ends] = []
    rows: list[_Row] = []
    for held in passed:
        refs = []
        for interval in held.intervals:
            number = numbers.get(id(interval))
            if number is None:
                number = numbers[id(interval)] = len(ends)
                ends.append(as_ends(interval))
            refs.append(number)
        rows.append(
            (
                str(held.rule),  # marshal takes plain strings only, not an enumeration's
                str(held.arithmetic),
                tuple([s.id for s in held.statistics]),
                tuple(refs),
                held.relation.id if held.relation else None,
            )
        )
    return Sent(
        findings=[attrs.evolve(f, statistics=()) for f in findings],
        finding_ids=[f.statistic_ids for f in findings],
        passed=marshal.dumps((rows, ends)),
        checked=checked,
    )


def received(context: Context, sent: Sent) -> tuple[list[Finding], list[Passed], Checked]:
    """A worker's results of one rule as records again, in the parent process.

    The parent's *context* holds the whole dataset: statistics and relations are looked up by
    id, and each interval is made once.
    """
    statistics = context.statistics
    relations = context.dataset.relations
    rows: list[_Row]
    rows, ends = marshal.loads(sent.passed)  # noqa: S302 - made by this check's own worker
    intervals: list[Interval] = [from_ends(e) for e in ends]
    findings = [
        attrs.evolve(f, statistics=[statistics[i] for i in ids])
        for f, ids in zip(sent.findings, sent.finding_ids, strict=True)
    ]
    passed = [
        Passed(
            rule=rule,
            arithmetic=arithmetic,
            statistics=tuple(map(statistics.__getitem__, ids)),
            intervals=tuple(map(intervals.__getitem__, refs)),
            relation=None if relation is None else relations.get(relation),
        )
        for rule, arithmetic, ids, refs, relation in rows
    ]
    return findings, passed, sent.checked
