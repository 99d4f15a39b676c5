"""Rule 12, corroboration: independent sources agreeing on a figure (info)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from gunflow.checks._index import Index
from gunflow.checks._report import Finding, Severity
from gunflow.model import Interval, Statistic

NAME = "corroboration"
SUMMARY = "Independent sources (not editions of one another) agree on a figure."


def _range(index: Index, statistic: Statistic) -> Interval:
    return index.days(statistic) or index.bounds(statistic)


def run(index: Index) -> Iterator[Finding]:
    """Yield an info finding for each pair of agreeing figures from different voices."""
    for group in index.groups():
        for a, b in combinations(group, 2):
            if not index.independent(a, b):
                continue
            ia, ib = _range(index, a), _range(index, b)
            if ia.overlaps(ib):
                yield Finding(
                    rule=NAME,
                    severity=Severity.INFO,
                    message=f"{index.label(a)} and {index.label(b)}: independent sources agree",
                    statistics=(a, b),
                    intervals=(ia, ib),
                )
