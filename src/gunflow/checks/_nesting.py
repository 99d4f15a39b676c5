"""Pairs of flow figures whose days nest: the ground of the rules cumulative and nested_periods."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Passed, Severity
from gunflow.model import Coverage, MeasureKind, Statistic

#: Figures grouped for nesting: place, days, and whether the period runs on ("since 2006").
_Key = tuple[str | None, Coverage, bool]


def outcome(
    index: Context, rule: str, pair: tuple[Statistic, Statistic], sentence: str, *, failed: bool
) -> Finding | Passed:
    """An error, or the comparison that held, for *pair*: *sentence* names them ``{0}``, ``{1}``.

    The error's message names them by their labels; what held keeps the sentence as its
    arithmetic, so that they are named as written.
    """
    intervals = (index.bounds(pair[0]), index.bounds(pair[1]))
    if failed:
        return Finding(
            rule=rule,
            severity=Severity.ERROR,
            message=sentence.format(index.label(pair[0]), index.label(pair[1])),
            statistics=pair,
            intervals=intervals,
        )
    return Passed(rule=rule, arithmetic=sentence, statistics=pair, intervals=intervals)


def _bucket(key: _Key) -> tuple[object, ...]:
    """Running totals from one known first day share a bucket; any other figure, its place's."""
    place, days, running = key
    if running and days.starts[0] is not None and days.starts[0] == days.starts[1]:
        return (place, "running from", days.starts[0])
    return (place,)


def _running_totals(inner: _Key, outer: _Key) -> bool:
    """Whether both run on from the same known first day: two readings of one running total."""
    same_start = inner[1].starts == outer[1].starts and inner[1].starts[0] == inner[1].starts[1]
    return inner[2] and outer[2] and same_start


def nested_pairs(index: Context) -> Iterator[tuple[Statistic, Statistic, bool]]:
    """Pairs (inner, outer, exceeds) of one flow's figures whose days nest.

    Inner's days lie within outer's on every reading: a count of things that happen over some
    days can never exceed the count over days that contain them. For each two such periods,
    every pair whose counts are in the wrong order (inner's must exceed outer's) comes with
    *exceeds* true; if there is none, the pair that comes closest (inner's highest figure,
    outer's lowest) comes once with *exceeds* false: the comparison that held. Pairs of running
    totals from the same first day (open periods, "since December 2006") are left to
    :func:`running_total_pairs`: each pair belongs to one rule. Quadratic in the number of
    distinct periods of a measure and place (figures sharing a period are compared once,
    through the highest and the lowest of them).
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
        buckets: dict[tuple[object, ...], list[_Key]] = defaultdict(list)
        for key in keys:  # running totals by place and first day; the rest by place
            buckets[_bucket(key)].append(key)
        for inner in keys:
            days = inner[1]
            if days.possible[0] is None or days.possible[1] is None:
                continue
            highest = sorted(grouped[inner], key=lambda s: _low_key(index, s), reverse=True)
            own = _bucket(inner)
            outers = [
                key
                for bucket, members in buckets.items()
                if bucket[0] == inner[0] and not (bucket == own and len(own) == 3)
                for key in members
            ]
            for outer in outers:
                if outer[1] == days or not days.within(outer[1]) or _running_totals(inner, outer):
                    continue
                lowest = sorted(grouped[outer], key=lambda s: _high_key(index, s))
                exceeding = list(_exceeding(index, highest, lowest))
                for a, b in exceeding:
                    yield a, b, True
                if not exceeding:
                    yield highest[0], lowest[0], False


def _exceeding(
    index: Context, highest: list[Statistic], lowest: list[Statistic]
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


def _low_key(index: Context, s: Statistic) -> tuple[object, ...]:
    low = index.bounds(s)
    return (low.low if low.low is not None else -1, not low.low_closed, s.id)


def _high_key(index: Context, s: Statistic) -> tuple[object, ...]:
    high = index.bounds(s)
    return (high.high is None, high.high or 0, high.high_closed, s.id)


def running_total_pairs(index: Context) -> Iterator[tuple[Statistic, Statistic, bool]]:
    """Pairs (earlier, later, falls) of running totals from one first day.

    Every figure is compared with every figure that certainly ends no later (the same first
    day, open periods), through the one whose low end reaches highest: that pair comes once,
    with *falls* true when the later must be lower. Sorting by the latest possible end makes
    those a prefix of the list: O(n log n).
    """
    for measure_id in sorted(index.by_measure):
        measure = index.measures.get(measure_id)
        if measure is None or measure.kind is not MeasureKind.COUNT:
            continue
        runs: dict[tuple[str | None, object], list[Statistic]] = defaultdict(list)
        for s in index.by_measure[measure_id]:
            days = index.coverage(s)
            exact_start = days.starts[0] is not None and days.starts[0] == days.starts[1]
            if s.period is not None and s.period.is_open and exact_start:
                runs[(index.place(s), days.starts[0])].append(s)
        for _key, figures in sorted(runs.items(), key=lambda item: repr(item[0])):
            yield from _falls(index, figures)


def _falls(index: Context, figures: list[Statistic]) -> Iterator[tuple[Statistic, Statistic, bool]]:
    ordered = sorted(figures, key=lambda s: (index.coverage(s).ends[1] or date.max, s.id))
    ends = [index.coverage(s).ends[1] or date.max for s in ordered]
    highest: list[Statistic] = []  # highest[k]: the figure reaching highest among ordered[:k+1]
    for s in ordered:
        if highest and _low_key(index, s) <= _low_key(index, highest[-1]):
            highest.append(highest[-1])
        else:
            highest.append(s)
    for later in sorted(figures, key=lambda s: s.id):
        days = index.coverage(later)
        earliest_end = days.ends[0]
        if earliest_end is None:
            continue
        before = bisect.bisect_left(ends, earliest_end)  # certainly ending earlier
        candidates = [highest[before - 1]] if before else []
        candidates += [  # ending on *later*'s earliest last day: inside it unless the same days
            s
            for s in ordered[before : bisect.bisect_right(ends, earliest_end)]
            if index.coverage(s) != days
        ]
        if not candidates:
            continue
        earlier = max(candidates, key=lambda s: _low_key(index, s))
        yield earlier, later, index.bounds(earlier).lies_above(index.bounds(later))
