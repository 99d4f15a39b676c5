"""Rule 5, time additivity: counts of disjoint sub-periods add up to no more than the whole's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import reduce

import pendulum

from gunflow.checks._index import Index
from gunflow.checks._report import Finding, Severity
from gunflow.model import Interval, MeasureKind, Statistic

NAME = "time_additivity"
SUMMARY = (
    "For a count of things that happen (a flow), figures for disjoint sub-periods of one place "
    "add up to no more than the enclosing period's figure, and to it exactly when they cover it."
)

Span = tuple[pendulum.Date, pendulum.Date, Statistic]


def _spans(index: Index, statistics: Sequence[Statistic]) -> list[Span]:
    """Figures with a closed period, as (first day, last day, figure), in order."""
    spans = []
    for statistic in statistics:
        first, last = index.period_key(statistic)
        if statistic.period is not None and first is not None and last is not None:
            spans.append((first, last, statistic))
    return sorted(spans, key=lambda span: (span[0], span[1], span[2].id))


def _disjoint_inside(spans: Sequence[Span], whole: Span) -> list[Span]:
    """The earliest-starting sub-periods strictly inside *whole* that do not overlap (greedy)."""
    chosen: list[Span] = []
    for span in spans:
        inside = whole[0] <= span[0] and span[1] <= whole[1] and span[:2] != whole[:2]
        if inside and (not chosen or span[0] > chosen[-1][1]):
            chosen.append(span)
    return chosen


def _tiles(chosen: Sequence[Span], whole: Span) -> bool:
    """Whether the chosen sub-periods cover the whole period with no gap."""
    cursor = whole[0]
    for first, last, _ in chosen:
        if first != cursor:
            return False
        cursor = last.add(days=1)
    return cursor == whole[1].add(days=1)


def _by_place(index: Index, statistics: Sequence[Statistic]) -> list[list[Statistic]]:
    grouped: dict[str | None, list[Statistic]] = defaultdict(list)
    for statistic in statistics:
        grouped[index.place(statistic)].append(statistic)
    return list(grouped.values())


def run(index: Index) -> Iterator[Finding]:
    """Yield an error where sub-period figures cannot fit in the enclosing period's figure."""
    for measure_id in sorted(index.by_measure):
        measure = index.measures.get(measure_id)
        if measure is None or measure.kind is not MeasureKind.COUNT:
            continue
        for statistics in _by_place(index, index.by_measure[measure_id]):
            spans = _spans(index, statistics)
            for whole in spans:
                chosen = _disjoint_inside(spans, whole)
                if not chosen:
                    continue
                total: Interval = reduce(lambda x, y: x + y, (index.bounds(s) for *_, s in chosen))
                target = index.bounds(whole[2])
                covers = _tiles(chosen, whole)
                if covers:
                    possible = total.overlaps(target)
                else:
                    possible = total.low is None or target.high is None or total.low <= target.high
                if possible:
                    continue
                parts = " + ".join(index.label(s) for *_, s in chosen)
                verb = "do not add up to" if covers else "exceed"
                yield Finding(
                    rule=NAME,
                    severity=Severity.ERROR,
                    message=f"{parts} = {total} {verb} {index.label(whole[2])}",
                    statistics=(*(s for *_, s in chosen), whole[2]),
                    intervals=(total, target),
                )
