"""Rule 10, chronology: a source does not report what happened after it was published."""

from __future__ import annotations

from collections.abc import Iterator

import pendulum

from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Severity
from gunflow.model import Basis, EventStatus, MeasureKind, Period, Source, Statistic

NAME = "chronology"
SUMMARY = (
    "A figure's as-of date and period do not start after its source's date, and a count of "
    "events does not run past it (unless a projection or target); a source does not report as "
    "done an event that happened after it was published."
)

_FORWARD = frozenset({Basis.PROJECTION, Basis.TARGET})


def _earliest_end(period: Period, as_of: pendulum.Date | None) -> pendulum.Date | None:
    if period.end is None:
        return as_of
    return period.last_day() if period.fiscal else period.end.first()


def _published(source: Source) -> pendulum.Date | None:
    return source.published.last() if source.published else None


def _statistic(index: Context, statistic: Statistic, published: pendulum.Date) -> str | None:
    """Why the statistic cannot have been known at its source's date, or None."""
    if statistic.basis in _FORWARD:
        return None
    if statistic.as_of is not None and statistic.as_of.first() > published:
        return f"its as-of date {statistic.as_of} is after the source's date"
    period = statistic.period
    if period is None:
        return None
    start = period.first_day()
    if start is not None and start > published:
        return f"its period {period} starts after the source's date"
    measure = index.measures.get(statistic.measure)
    end = _earliest_end(period, statistic.as_of.first() if statistic.as_of else None)
    if measure is not None and measure.kind is MeasureKind.COUNT and end and end > published:
        return f"its period {period} runs past the source's date"
    return None


def run(index: Context) -> Iterator[Finding]:
    """Yield an error for each figure or event dated after the source that reports it."""
    sources = {s.id: s for s in index.dataset.sources}
    for statistic in index.dataset.statistics:
        if statistic.source not in sources:  # a broken reference: rule 13 reports it
            continue
        published = _published(sources[statistic.source])
        why = _statistic(index, statistic, published) if published else None
        if why:
            yield Finding(
                rule=NAME,
                severity=Severity.ERROR,
                message=f"{index.label(statistic)}: {why} ({sources[statistic.source].published})",
                statistics=(statistic,),
            )
    for event in index.dataset.events:
        if event.status is not EventStatus.OCCURRED or event.when is None:
            continue
        start = event.when.first_day()
        earlier = sorted(
            {
                evidence.source
                for evidence in event.evidence
                if evidence.source in sources
                and start is not None
                and (published := _published(sources[evidence.source])) is not None
                and start > published
            }
        )
        if earlier:
            by = ", ".join(f"{s}, published {sources[s].published}" for s in earlier)
            yield Finding(
                rule=NAME,
                severity=Severity.ERROR,
                message=f"event {event.id} ({event.when}) is reported as done by {by}",
                events=(event,),
            )
