"""Rule 17, derived: a figure computed from others agrees with its formula over them."""

from __future__ import annotations

from collections.abc import Iterator

from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Passed, Severity, literal

NAME = "derived"
SUMMARY = (
    'A derived figure (basis = "derived") must meet what its formula gives over the ranges of '
    "the figures it is derived from."
)


def run(index: Context) -> Iterator[Finding | Passed]:
    """Yield an error where a derived figure and its formula's range cannot meet.

    A warning where the formula cannot be worked out over its inputs' ranges (a product or
    ratio of ranges that may be negative, a division by a range that holds zero). A figure
    whose inputs are missing is left to ``integrity``.
    """
    for statistic in index.dataset.statistics:
        working = statistic.working() if statistic.is_derived else None
        if working is None or any(i not in index.statistics for i in working.inputs):
            continue
        inputs = [index.statistics[i] for i in working.inputs]
        computed = working.evaluate({s.id: index.bounds(s) for s in inputs})
        stated = index.bounds(statistic)
        over = "; ".join(
            f"{name} = {index.label(index.statistics[i])}" for name, i in working.bindings.items()
        )
        if computed is None:
            yield Finding(
                rule=NAME,
                severity=Severity.WARNING,
                message=(
                    f"{index.label(statistic)}: {working.text} cannot be worked out over {over} "
                    "(a product or ratio of ranges that may be negative, or a division by a "
                    "range that holds zero)"
                ),
                statistics=(statistic, *inputs),
            )
        elif not computed.overlaps(stated):
            yield Finding(
                rule=NAME,
                severity=Severity.ERROR,
                message=(
                    f"{index.label(statistic)} is derived as {working.text}, which is {computed} "
                    f"with {over}: the two do not meet"
                ),
                statistics=(statistic, *inputs),
                intervals=(stated, computed),
            )
        else:
            yield Passed(
                rule=NAME,
                arithmetic=f"{{0}} meets {literal(working.text)} = {{intervals[0]}}",
                statistics=(statistic, *inputs),
                intervals=(computed,),
            )
