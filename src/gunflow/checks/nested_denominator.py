"""Rule: a share of a wider whole never exceeds the share of a narrower whole, same numerator."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product

from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Passed, Severity
from gunflow.checks.bound import ancestors
from gunflow.model import Measure, MeasureKind

NAME = "nested_denominator"
SUMMARY = (
    "Two shares of the same numerator, one over a whole that contains the other's "
    "(guns traced to the U.S. out of those submitted for tracing, and out of those traced), for "
    "one place and period: the share of the wider whole can never be the larger."
)


def _pairs(index: Context) -> Iterator[tuple[Measure, Measure]]:
    """(narrow, wide) share measures: same numerator, the wide denominator contains the narrow."""
    shares = [
        m
        for m in index.measures.values()
        if m.kind is MeasureKind.SHARE and m.numerator and m.denominator
    ]
    by_denominator = {(m.numerator, m.denominator): m for m in shares}
    for narrow in sorted(shares, key=lambda m: m.id):
        denominator = index.measures.get(narrow.denominator or "")
        if denominator is None:
            continue
        for wider in ancestors(index, denominator):
            wide = by_denominator.get((narrow.numerator, wider.id))
            if wide is not None:
                yield narrow, wide


def run(index: Context) -> Iterator[Finding | Passed]:
    """Yield an error where the share of the wider whole must be the larger."""
    for narrow, wide in _pairs(index):
        narrow_groups, wide_groups = index.by_key(narrow.id), index.by_key(wide.id)
        for key in sorted(set(narrow_groups) & set(wide_groups), key=repr):
            for n, w in product(narrow_groups[key], wide_groups[key]):
                bn, bw = index.bounds(n), index.bounds(w)
                if not bw.lies_above(bn):
                    yield Passed(
                        rule=NAME,
                        arithmetic="{0} of the wider whole is not above {1}",
                        statistics=(w, n),
                        intervals=(bw, bn),
                    )
                    continue
                yield Finding(
                    rule=NAME,
                    severity=Severity.ERROR,
                    message=(
                        f"{index.label(w)} ({wide.label}) is above {index.label(n)} "
                        f"({narrow.label}), though its whole contains the other's"
                    ),
                    statistics=(w, n),
                    intervals=(bw, bn),
                )
