"""Rule 11, denominator: look-alike figures that count different populations (warning)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from gunflow.checks._index import Index
from gunflow.checks._report import Finding, Severity
from gunflow.model import Measure

NAME = "denominator"
SUMMARY = (
    "Figures of measures of one family (Measure.family) look alike but count different "
    "populations (a share of guns seized, of guns submitted for tracing, of guns traced): they "
    "are flagged as not comparable, so that nobody compares them by mistake."
)


def run(index: Index) -> Iterator[Finding]:
    """Yield one warning per family whose figures span two or more measures."""
    families: dict[str, list[Measure]] = defaultdict(list)
    for measure in index.measures.values():
        if measure.family and measure.id in index.by_measure:
            families[measure.family].append(measure)
    for family in sorted(families):
        measures = sorted(families[family], key=lambda m: m.id)
        if len(measures) < 2:
            continue
        statistics = tuple(s for m in measures for s in index.by_measure[m.id])
        parts = "; ".join(
            f"{index.label(s)}: {index.measures[s.measure].label}" for s in statistics
        )
        yield Finding(
            rule=NAME,
            severity=Severity.WARNING,
            message=f"not comparable, different populations ({family}): {parts}",
            statistics=statistics,
            intervals=tuple(index.bounds(s) for s in statistics),
        )
