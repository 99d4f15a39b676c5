"""Rule 9, duration: one span stated several ways ("120 days", "four months") must agree."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Passed, Severity
from gunflow.model import MeasureKind, RelationKind, Statistic

NAME = "duration"
SUMMARY = (
    "Durations of one span, in days, months or years (a month is 28 to 31 days), must overlap; "
    "so must the statistics of a curated 'same' relation stated in units of time."
)


def run(index: Context) -> Iterator[Finding | Passed]:
    """Yield an error for each pair of durations of one span whose ranges, in days, do not meet."""
    pairs: list[tuple[Statistic, Statistic]] = []
    for group in index.groups([MeasureKind.DURATION]):
        pairs.extend(combinations(group, 2))
    seen = {frozenset((a.id, b.id)) for a, b in pairs}
    for relation in index.dataset.relations:
        if relation.kind is not RelationKind.SAME:
            continue
        named = (*relation.left, *relation.right)
        members = [index.statistics[i] for i in named if i in index.statistics]
        if len(members) == len(named) and all(index.days(s) is not None for s in members):
            for a, b in combinations(members, 2):
                if frozenset((a.id, b.id)) not in seen:
                    seen.add(frozenset((a.id, b.id)))
                    pairs.append((a, b))
    for a, b in pairs:
        da, db = index.days(a), index.days(b)
        if da is None or db is None:
            continue
        if da.overlaps(db):
            yield Passed(
                rule=NAME,
                arithmetic="{0} and {1}: as days, {intervals[0]} meets {intervals[1]}",
                statistics=(a, b),
                intervals=(da, db),
            )
            continue
        yield Finding(
            rule=NAME,
            severity=Severity.ERROR,
            message=f"{index.label(a)} vs {index.label(b)}: as days, {da} and {db} do not meet",
            statistics=(a, b),
            intervals=(da, db),
        )
