"""Rule 8, change: a rise or fall agrees with the before and after figures when both exist."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from gunflow.checks._index import Context, exact_days
from gunflow.checks._report import Finding, Passed, Severity
from gunflow.model import Interval, MeasureKind, Period, Statistic, Unit

NAME = "change"
SUMMARY = (
    "A change figure ('up 65 percent', 'nearly sixfold') with a baseline period "
    "(Statistic.compared_with) agrees with the figures of the measure it changes for the period "
    "and the baseline; with only the period's figure, it yields the baseline implied (info)."
)

_ONE = Interval.point(1)


def _figures(index: Context, measure_id: str, place: str | None, period: Period) -> list[Statistic]:
    key = exact_days(period.coverage())
    if key is None:
        return []
    return [
        s
        for s in index.by_measure.get(measure_id, ())
        if index.place(s) == place and index.period_key(s) == key
    ]


def _as_multiple(index: Context, change: Statistic) -> Interval:
    """The change as a multiple of the baseline: +50 % is 1.5."""
    bounds = index.bounds(change)
    if change.quantity.unit is Unit.PERCENT_CHANGE:
        return bounds * Fraction(1, 100) + _ONE
    return bounds


def run(index: Context) -> Iterator[Finding | Passed]:
    """Yield errors where a change cannot link its figures, and infos for implied baselines."""
    for measure in sorted(index.measures.values(), key=lambda m: m.id):
        if measure.kind is not MeasureKind.CHANGE or measure.change_of is None:
            continue
        for change in index.by_measure.get(measure.id, ()):
            if change.period is None or change.compared_with is None:
                continue
            place = index.place(change)
            multiple = _as_multiple(index, change)
            after = _figures(index, measure.change_of, place, change.period)
            before = _figures(index, measure.change_of, place, change.compared_with)
            for a in after:
                if not before:
                    implied = index.bounds(a).divided_by(multiple)
                    if implied is not None:
                        yield Finding(
                            rule=NAME,
                            severity=Severity.INFO,
                            message=(
                                f"{index.label(a)} after {index.label(change)} implies "
                                f"{implied} for {change.compared_with}, which no figure states"
                            ),
                            statistics=(change, a),
                            intervals=(index.bounds(a), implied),
                            labels=(str(a.quantity), f"implied, {change.compared_with}"),
                        )
                for b in before:
                    ratio = index.bounds(a).divided_by(index.bounds(b))
                    if ratio is None:
                        continue
                    if ratio.overlaps(multiple):
                        yield Passed(
                            rule=NAME,
                            arithmetic="{2} / {1} = {intervals[0]} meets {0}",
                            statistics=(change, b, a),
                            intervals=(ratio, multiple),
                        )
                        continue
                    yield Finding(
                        rule=NAME,
                        severity=Severity.ERROR,
                        message=(
                            f"{index.label(b)} then {index.label(a)} is a multiple of {ratio}, "
                            f"not {index.label(change)}"
                        ),
                        statistics=(change, b, a),
                        intervals=(ratio, multiple),
                        labels=("after / before", f"{change.quantity}, as a multiple"),
                    )
