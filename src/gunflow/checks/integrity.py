"""Rule 13, integrity: every id a record names exists, and no id is used twice."""

from __future__ import annotations

from collections.abc import Iterator

from gunflow._integrity import problems_between
from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Severity
from gunflow.dataset import KINDS_BY_CLASS

NAME = "integrity"
SUMMARY = (
    "Every id a record names exists and no id is used twice (the loader's own pass, for "
    "datasets built otherwise); every acknowledgement names a rule, once, and matches a finding "
    "(a stale one is a warning)."
)


def run(index: Context) -> Iterator[Finding]:
    """Yield an error for each broken reference or id used twice.

    A dataset from :func:`gunflow.load` has none (the loader refuses them): one whose
    references were checked when it was built is not read again. Acknowledgements are checked
    by the engine, which alone knows every finding.
    """
    if index.dataset.references_checked:
        return
    events = {e.id: e for e in index.dataset.events}
    relations = {r.id: r for r in index.dataset.relations}
    located = [(KINDS_BY_CLASS[type(r)], r, "<dataset>") for r in index.dataset.records()]
    for problem in problems_between(located):
        statistic = index.statistics.get(problem.record)
        event = events.get(problem.record)
        relation = relations.get(problem.record)
        yield Finding(
            rule=NAME,
            severity=Severity.ERROR,
            message=f"{problem.record}: {problem.field}: {problem.message}",
            statistics=(statistic,) if statistic is not None else (),
            events=(event,) if event is not None else (),
            relation=relation,
        )
