"""Rule 1, agreement: figures of one measure, place and period must overlap."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from gunflow.checks._index import Index
from gunflow.checks._report import Finding, Severity
from gunflow.model import MeasureKind

NAME = "agreement"
SUMMARY = (
    "Figures of the same measure, place and period must overlap; so must a figure and the "
    "primary source's figure it restates (Statistic.restates)."
)

_KINDS = [kind for kind in MeasureKind if kind is not MeasureKind.DURATION]  # durations: rule 9


def run(index: Index) -> Iterator[Finding]:
    """Yield an error for each pair of figures of one measure and period whose ranges miss."""
    for group in index.groups(_KINDS):
        for a, b in combinations(group, 2):
            if index.is_revision(a, b):  # one originator's releases: the rule "revision"
                continue
            ia, ib = index.bounds(a), index.bounds(b)
            if not ia.overlaps(ib):
                yield Finding(
                    rule=NAME,
                    severity=Severity.ERROR,
                    message=f"{index.label(a)} vs {index.label(b)}: the ranges do not meet",
                    statistics=(a, b),
                    intervals=(ia, ib),
                )
    for statistic in index.dataset.statistics:
        primary = index.statistics.get(statistic.restates) if statistic.restates else None
        if primary is None:
            continue
        same_group = statistic.measure == primary.measure and index.group_key(
            statistic
        ) == index.group_key(primary)
        if same_group:  # compared above already
            continue
        ours, theirs = index.bounds(statistic), index.bounds(primary)
        if not ours.overlaps(theirs):
            yield Finding(
                rule=NAME,
                severity=Severity.ERROR,
                message=(
                    f"{index.label(statistic)} restates {index.label(primary)}: "
                    "the ranges do not meet"
                ),
                statistics=(statistic, primary),
                intervals=(ours, theirs),
            )
