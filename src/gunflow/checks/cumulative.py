"""Rule 6, cumulative: counts "since" a fixed start never fall as the as-of date moves on."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from fractions import Fraction

from gunflow.checks._index import Index
from gunflow.checks._report import Finding, Severity
from gunflow.model import MeasureKind, Statistic

NAME = "cumulative"
SUMMARY = (
    "Counts of one measure and place since the same start (an open period, 'since 2006') never "
    "fall as the as-of date moves on."
)


def run(index: Index) -> Iterator[Finding]:
    """Yield an error where a later running total must be lower than an earlier one."""
    for measure_id in sorted(index.by_measure):
        measure = index.measures.get(measure_id)
        if measure is None or measure.kind is not MeasureKind.COUNT:
            continue
        series: dict[tuple[object, ...], list[Statistic]] = defaultdict(list)
        for s in index.by_measure[measure_id]:
            if s.period is not None and s.period.is_open and s.period.start and s.as_of:
                series[(index.place(s), s.period.start)].append(s)
        for statistics in series.values():
            ordered = sorted(statistics, key=lambda s: (s.as_of.last() if s.as_of else None, s.id))
            highest: Statistic | None = None  # the earlier figure with the highest low end
            for statistic in ordered:
                current = index.bounds(statistic)
                if highest is not None:
                    earlier = index.bounds(highest)
                    if (
                        highest.as_of is not None
                        and statistic.as_of is not None
                        and highest.as_of.last() < statistic.as_of.first()
                        and current.high is not None
                        and earlier.low is not None
                        and current.high < earlier.low
                    ):
                        yield Finding(
                            rule=NAME,
                            severity=Severity.ERROR,
                            message=(
                                f"{index.label(statistic)} as of {statistic.as_of} is below "
                                f"{index.label(highest)} as of {highest.as_of}, counted from the "
                                f"same start ({statistic.period.start if statistic.period else ''})"
                            ),
                            statistics=(highest, statistic),
                            intervals=(earlier, current),
                        )
                if highest is None or _higher(current.low, index.bounds(highest).low):
                    highest = statistic


def _higher(low: Fraction | None, than: Fraction | None) -> bool:
    """Whether a low end lies above another (None, unbounded below, lies below everything)."""
    return low is not None and (than is None or low > than)
