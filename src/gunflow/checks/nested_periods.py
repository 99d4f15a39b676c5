"""Rule: a count over some days never exceeds the count over days that contain them."""

from __future__ import annotations

from collections.abc import Iterator

from gunflow.checks._index import Context
from gunflow.checks._nesting import nested_pairs, outcome
from gunflow.checks._report import Finding, Passed, literal

NAME = "nested_periods"
SUMMARY = (
    "For a count of things that happen (a flow), the figure for a period never exceeds the "
    "figure for a period that contains it on every reading, for one measure and place. Running "
    "totals from the same first day are the rule cumulative's; two or more sub-periods together, "
    "time_additivity's."
)


def run(index: Context) -> Iterator[Finding | Passed]:
    """Yield an error where a sub-period's count must exceed its enclosing period's."""
    for inner, outer, exceeds in nested_pairs(index):
        sentence = (  # {0} is the inner figure, {1} the outer
            f"{{0}} for {literal(inner.period or inner.as_of)} "
            f"{'exceeds' if exceeds else 'does not exceed'} {{1}} for "
            f"{literal(outer.period or outer.as_of)}, a period that contains it"
        )
        yield outcome(index, NAME, (inner, outer), sentence, failed=exceeds)
