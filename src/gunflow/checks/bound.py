"""Rule 4, bound: a part never exceeds its whole; a subset never exceeds its superset."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from gunflow.checks._index import Index, PeriodKey
from gunflow.checks._report import Finding, Severity
from gunflow.model import Interval, MeasureKind, Statistic

NAME = "bound"
SUMMARY = (
    "A figure of a measure that is part_of another never exceeds the whole's figure for the same "
    "place and period; for counts of events (flows), nor for any enclosing period."
)


def _within(inner: PeriodKey, outer: PeriodKey) -> bool:
    (a, b), (c, d) = inner, outer
    return None not in (a, b, c, d) and c <= a and b <= d  # type: ignore[operator]


def run(index: Index) -> Iterator[Finding]:
    """Yield an error where a part's figure must exceed its whole's."""
    for measure in sorted(index.measures.values(), key=lambda m: m.id):
        if measure.part_of is None or measure.id not in index.by_measure:
            continue
        whole_measure = index.measures.get(measure.part_of)
        if whole_measure is None or whole_measure.id not in index.by_measure:
            continue
        flow = measure.kind is MeasureKind.COUNT and whole_measure.kind is MeasureKind.COUNT
        wholes: dict[str | None, list[Statistic]] = defaultdict(list)
        for whole in index.by_measure[whole_measure.id]:
            wholes[index.place(whole)].append(whole)
        for part in index.by_measure[measure.id]:
            part_key = index.period_key(part)
            for whole in wholes.get(index.place(part), ()):
                whole_key = index.period_key(whole)
                if part_key != whole_key and not (flow and _within(part_key, whole_key)):
                    continue
                ip, iw = index.bounds(part), index.bounds(whole)
                if not _exceeds(ip, iw):
                    continue
                yield Finding(
                    rule=NAME,
                    severity=Severity.ERROR,
                    message=(
                        f"{index.label(part)} ({measure.label}) exceeds "
                        f"{index.label(whole)} ({whole_measure.label}), which contains it"
                    ),
                    statistics=(part, whole),
                    intervals=(ip, iw),
                )


def _exceeds(part: Interval, whole: Interval) -> bool:
    """Whether every value the part allows lies above every value the whole allows."""
    if part.low is None or whole.high is None:
        return False
    if part.low == whole.high:
        return not (part.low_closed and whole.high_closed)
    return part.low > whole.high
