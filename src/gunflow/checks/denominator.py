"""Rule 11, denominator: look-alike figures that count different populations (warning)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations

from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Severity
from gunflow.model import Measure

NAME = "denominator"
SUMMARY = (
    "Figures of measures of one family (Measure.family) look alike but count different "
    "populations (a share of guns seized, of guns submitted for tracing, of guns traced): they "
    "are flagged as not comparable, one warning per pair of measures, so that nobody compares "
    "them by mistake."
)


def run(index: Context) -> Iterator[Finding]:
    """Yield one warning per pair of measures of one family that both have figures.

    The finding names the two measures (its key) and, as examples, their figures: a new figure
    of either measure leaves the finding, and any acknowledgement of it, as it was.
    """
    families: dict[str, list[Measure]] = defaultdict(list)
    for measure in index.measures.values():
        if measure.family and measure.id in index.by_measure:
            families[measure.family].append(measure)
    for family in sorted(families):
        measures = sorted(families[family], key=lambda m: m.id)
        for first, second in combinations(measures, 2):
            statistics = (*index.by_measure[first.id], *index.by_measure[second.id])
            sides = "; ".join(
                f"{m.label}: {', '.join(index.label(s) for s in index.by_measure[m.id])}"
                for m in (first, second)
            )
            yield Finding(
                rule=NAME,
                severity=Severity.WARNING,
                message=f"not comparable, different populations ({family}): {sides}",
                statistics=statistics,
                intervals=tuple(index.bounds(s) for s in statistics),
                measures=(first, second),
            )
