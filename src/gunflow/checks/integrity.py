"""Rule 13, integrity: every referenced id exists; every quote contains its figure as written."""

from __future__ import annotations

from collections.abc import Iterator

from gunflow.checks._index import Index
from gunflow.checks._report import Finding, Severity

NAME = "integrity"
SUMMARY = (
    "Every id a statistic or relation names exists, every quote contains its figure as written, "
    "and every acknowledgement matches a finding (a stale one is a warning)."
)


def run(index: Index) -> Iterator[Finding]:
    """Yield an error for each broken reference or misquoted figure.

    A dataset from :func:`gunflow.load` has none (the loader refuses them); the rule guards
    datasets built in other ways. Stale acknowledgements are found by the engine, which alone
    knows every finding.
    """
    for statistic in index.dataset.statistics:
        if statistic.measure not in index.measures:
            yield Finding(
                rule=NAME,
                severity=Severity.ERROR,
                statistics=(statistic,),
                message=f"{statistic.id}: no measure has the id {statistic.measure!r}",
            )
        written = statistic.quantity.written
        if written is not None and written not in statistic.quote:
            yield Finding(
                rule=NAME,
                severity=Severity.ERROR,
                statistics=(statistic,),
                message=f"{statistic.id}: the quote does not contain {written!r}",
            )
    for relation in index.dataset.relations:
        for member in (*relation.left, *relation.right):
            if member not in index.statistics:
                yield Finding(
                    rule=NAME,
                    severity=Severity.ERROR,
                    relation=relation,
                    message=f"{relation.id}: no statistic has the id {member!r}",
                )
