"""Rule 6, cumulative: counts "since" a fixed start never fall as the as-of date moves on."""

from __future__ import annotations

from collections.abc import Iterator

from gunflow.checks._index import Context
from gunflow.checks._nesting import running_total_pairs
from gunflow.checks._report import Finding, Passed, Severity, literal

NAME = "cumulative"
SUMMARY = (
    "Counts of one measure and place from the same first day ('since December 2006') never fall "
    "as the last day moves on: every figure is compared with every figure that certainly ends "
    "earlier, not only the one before it."
)


def run(index: Context) -> Iterator[Finding | Passed]:
    """Yield an error where a later running total must be lower than an earlier one."""
    for earlier, later, falls in running_total_pairs(index):
        start = index.coverage(earlier).starts[0]
        if not falls:
            yield Passed(
                rule=NAME,
                arithmetic=(
                    f"{{1}} as of {literal(later.as_of or later.period)} is not below {{0}} as "
                    f"of {literal(earlier.as_of or earlier.period)}, counted from the same start "
                    f"({start})"
                ),
                statistics=(earlier, later),
                intervals=(index.bounds(earlier), index.bounds(later)),
            )
            continue
        yield Finding(
            rule=NAME,
            severity=Severity.ERROR,
            message=(
                f"{index.label(later)} as of {later.as_of or later.period} is below "
                f"{index.label(earlier)} as of {earlier.as_of or earlier.period}, counted from "
                f"the same start ({start})"
            ),
            statistics=(earlier, later),
            intervals=(index.bounds(earlier), index.bounds(later)),
        )
