"""Pairs of flow figures whose days nest: the ground of the rules cumulative and nested_periods."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from gunflow.checks._index import Index
from gunflow.model import Coverage, MeasureKind, Statistic

#: Figures grouped for nesting: place, days, and whether the period runs on ("since 2006").
_Key = tuple[str | None, Coverage, bool]


def _running_totals(inner: _Key, outer: _Key) -> bool:
    """Whether both run on from the same known first day: two readings of one running total."""
    same_start = inner[1].starts == outer[1].starts and inner[1].starts[0] == inner[1].starts[1]
    return inner[2] and outer[2] and same_start


def contradicting_nested_pairs(
    index: Index, *, running_totals: bool
) -> Iterator[tuple[Statistic, Statistic]]:
    """Pairs (inner, outer) of one flow's figures whose counts are in the wrong order.

    Inner's days lie within outer's on every reading, yet inner's count must exceed outer's: a
    count of things that happen over some days can never exceed the count over days that
    contain them. With *running_totals*, only pairs of running totals from the same first day
    (open periods, "since December 2006"); without, only the others: each pair belongs to one
    rule.
    """
    for measure_id in sorted(index.by_measure):
        measure = index.measures.get(measure_id)
        if measure is None or measure.kind is not MeasureKind.COUNT:
            continue
        grouped: dict[_Key, list[Statistic]] = defaultdict(list)
        for s in index.by_measure[measure_id]:
            running = s.period is not None and s.period.is_open
            grouped[(index.place(s), index.coverage(s), running)].append(s)
        keys = sorted(grouped, key=repr)
        for inner in keys:
            days = inner[1]
            if days.possible[0] is None or days.possible[1] is None:
                continue
            highest = sorted(grouped[inner], key=lambda s: _low_key(index, s), reverse=True)
            for outer in keys:
                if outer[0] != inner[0] or outer[1] == days or not days.within(outer[1]):
                    continue
                if _running_totals(inner, outer) != running_totals:
                    continue
                lowest = sorted(grouped[outer], key=lambda s: _high_key(index, s))
                yield from _exceeding(index, highest, lowest)


def _exceeding(
    index: Index, highest: list[Statistic], lowest: list[Statistic]
) -> Iterator[tuple[Statistic, Statistic]]:
    """Every (inner, outer) pair whose intervals are in the wrong order, reading sorted lists."""
    for a in highest:
        found = False
        for b in lowest:
            if not index.bounds(a).lies_above(index.bounds(b)):
                break
            found = True
            yield a, b
        if not found:
            return


def _low_key(index: Index, s: Statistic) -> tuple[object, ...]:
    low = index.bounds(s)
    return (low.low if low.low is not None else -1, not low.low_closed, s.id)


def _high_key(index: Index, s: Statistic) -> tuple[object, ...]:
    high = index.bounds(s)
    return (high.high is None, high.high or 0, high.high_closed, s.id)
