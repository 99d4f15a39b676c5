"""Rule 6, cumulative: counts "since" a fixed start never fall as the as-of date moves on."""

from __future__ import annotations

from collections.abc import Iterator

from gunflow.checks._index import Context
from gunflow.checks._nesting import outcome, running_total_pairs
from gunflow.checks._report import Finding, Passed, literal

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
        sentence = (  # {0} is the earlier figure, {1} the later
            f"{{1}} as of {literal(later.as_of or later.period)} is "
            f"{'below' if falls else 'not below'} {{0}} as of "
            f"{literal(earlier.as_of or earlier.period)}, counted from the same start ({start})"
        )
        yield outcome(index, NAME, (earlier, later), sentence, failed=falls)
