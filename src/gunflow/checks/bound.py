"""Rule 4, bound: a part never exceeds its whole; a subset never exceeds its superset."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Passed, Severity
from gunflow.model import Measure, MeasureKind, Statistic

NAME = "bound"
SUMMARY = (
    "A figure of a measure that is part_of another, directly or through a chain of part_of, never "
    "exceeds the whole's figure for the same place and period; for counts of events (flows), nor "
    "for any enclosing period."
)


def ancestors(index: Context, measure: Measure) -> Iterator[Measure]:
    """Every measure that contains *measure* through ``part_of``, nearest first.

    A loop (refused when loading, but possible in a dataset built otherwise) ends the walk.
    """
    seen = {measure.id}
    current = index.measures.get(measure.part_of) if measure.part_of else None
    while current is not None and current.id not in seen:
        yield current
        seen.add(current.id)
        current = index.measures.get(current.part_of) if current.part_of else None


def run(index: Context) -> Iterator[Finding | Passed]:
    """Yield an error where a part's figure must exceed the figure of a whole that contains it."""
    for measure in sorted(index.measures.values(), key=lambda m: m.id):
        if measure.id not in index.by_measure:
            continue
        for whole_measure in ancestors(index, measure):
            if whole_measure.id in index.by_measure:
                yield from _pairs(index, measure, whole_measure)


def _pairs(index: Context, measure: Measure, whole_measure: Measure) -> Iterator[Finding | Passed]:
    flow = measure.kind is MeasureKind.COUNT and whole_measure.kind is MeasureKind.COUNT
    wholes: dict[str | None, list[Statistic]] = defaultdict(list)
    for whole in index.by_measure[whole_measure.id]:
        wholes[index.place(whole)].append(whole)
    for part in index.by_measure[measure.id]:
        part_key, part_days = index.period_key(part), index.coverage(part)
        for whole in wholes.get(index.place(part), ()):
            same_days = part_key is not None and part_key == index.period_key(whole)
            if not same_days and not (flow and part_days.within(index.coverage(whole))):
                continue
            ip, iw = index.bounds(part), index.bounds(whole)
            if not ip.lies_above(iw):
                yield Passed(
                    rule=NAME,
                    arithmetic="{0} does not exceed {1}, which contains it",
                    statistics=(part, whole),
                    intervals=(ip, iw),
                )
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
