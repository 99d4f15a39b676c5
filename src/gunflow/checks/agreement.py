"""Rule 1, agreement: figures of one measure, place and period must overlap."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from fractions import Fraction

from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Passed, Severity
from gunflow.model import Interval, MeasureKind, Statistic

NAME = "agreement"
SUMMARY = (
    "Figures of the same measure, place and period must overlap; so must a figure and the "
    "primary source's figure it restates (Statistic.restates)."
)

_KINDS = [kind for kind in MeasureKind if kind is not MeasureKind.DURATION]  # durations: rule 9


def _apart(index: Context, group: list[Statistic]) -> list[tuple[Statistic, Statistic]]:
    """The pairs of *group* whose ranges cannot meet, in the group's order.

    Sorted by how far each low end reaches, the figures that lie above a given one are a tail
    of the list: found by bisection, so a large group of agreeing figures costs O(n log n).
    """
    position = {s.id: i for i, s in enumerate(group)}
    by_low = sorted(group, key=lambda s: _reach(index.bounds(s)))
    reaches = [_reach(index.bounds(s)) for s in by_low]
    pairs = []
    for a in group:
        high = index.bounds(a)
        if high.is_empty or high.high is None:
            continue
        threshold = (high.high, 0 if not high.high_closed else 1)  # an open high: reached at it
        for b in by_low[bisect.bisect_left(reaches, threshold) :]:
            pair = (a, b) if position[a.id] < position[b.id] else (b, a)
            pairs.append(pair)
    return sorted(pairs, key=lambda p: (position[p[0].id], position[p[1].id]))


def _reach(interval: Interval) -> tuple[Fraction, int]:
    """How far up a low end reaches: its value, then 1 when open (just above it)."""
    if interval.low is None:
        return (Fraction(-(10**30)), 0)
    return (interval.low, 0 if interval.low_closed else 1)


def _met(index: Context, group: list[Statistic]) -> Passed:
    """The record of a group whose figures all meet, at the range they share."""
    common = index.bounds(group[0])
    for statistic in group[1:]:
        common = common.intersection(index.bounds(statistic))
    return Passed(
        rule=NAME,
        arithmetic=", ".join(f"{{{i}}}" for i in range(len(group))) + " meet at {intervals[0]}",
        statistics=group,
        intervals=(common,),
    )


def run(index: Context) -> Iterator[Finding | Passed]:
    """Yield an error for each pair of figures of one measure and period whose ranges miss."""
    for group in index.groups(_KINDS):
        apart = _apart(index, group)
        if not apart:
            yield _met(index, group)
        for a, b in apart:
            if index.is_revision(a, b):  # one originator's releases: the rule "revision"
                continue
            ia, ib = index.bounds(a), index.bounds(b)
            if not ia.overlaps(ib):
                yield Finding(
                    rule=NAME,
                    severity=Severity.ERROR,
                    message=f"{index.label(a)} vs {index.label(b)}: the ranges do not meet",
                    statistics=(a, b),
                    intervals=(ia, ib),
                )
    for statistic in index.dataset.statistics:
        primary = index.statistics.get(statistic.restates) if statistic.restates else None
        if primary is None:
            continue
        same_group = statistic.measure == primary.measure and index.group_key(
            statistic
        ) == index.group_key(primary)
        if same_group:  # compared above already
            continue
        ours, theirs = index.bounds(statistic), index.bounds(primary)
        if ours.overlaps(theirs):
            yield Passed(
                rule=NAME,
                arithmetic="{0} meets {1}, which it restates",
                statistics=(statistic, primary),
            )
        else:
            yield Finding(
                rule=NAME,
                severity=Severity.ERROR,
                message=(
                    f"{index.label(statistic)} restates {index.label(primary)}: "
                    "the ranges do not meet"
                ),
                statistics=(statistic, primary),
                intervals=(ours, theirs),
            )
