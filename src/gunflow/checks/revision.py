"""Revision: one originator's figure for a period, released again with a change (warning)."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from itertools import combinations

from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Severity
from gunflow.errors import NotFound
from gunflow.model import Agency, Hedge, MeasureKind, Person, Source, Statistic, Unit

NAME = "revision"
SUMMARY = (
    "Figures of one measure, place and period from one originator's data (the same agency, "
    "person or report in attributed_to, the agency that published them, or the authors of a "
    "study), as of different "
    "dates and from different releases, are a revision, not a contradiction: reported when "
    "the later release changed the figure."
)

_KINDS = [kind for kind in MeasureKind if kind is not MeasureKind.DURATION]


def run(index: Context) -> Iterator[Finding]:
    """Yield a warning for each pair of releases of one originator's figure that differ."""
    for group in index.groups(_KINDS):
        for first, second in combinations(group, 2):
            if not index.is_revision(first, second):
                continue
            earlier, later = sorted((first, second), key=_as_of)
            before, after = index.bounds(earlier), index.bounds(later)
            if not _changed(index, earlier, later):
                continue
            shared = index.originators(earlier) & index.originators(later)
            who = ", ".join(sorted(_name(index, originator) for originator in shared))
            yield Finding(
                rule=NAME,
                severity=Severity.WARNING,
                message=(
                    f"{index.label(earlier)} (as of {earlier.as_of}), then {index.label(later)} "
                    f"(as of {later.as_of}): {who}'s figure revised, {_change(earlier, later)}"
                ),
                statistics=(earlier, later),
                intervals=(before, after),
            )


#: Hedges that state a point estimate: the value itself is the figure's best reading.
_POINT = frozenset({Hedge.EXACT, Hedge.ABOUT, Hedge.NEARLY})


def _changed(index: Context, earlier: Statistic, later: Statistic) -> bool:
    """Whether the later release changed the figure, not only restated it more or less exactly.

    It did when the two cannot both be true, or when both state a point estimate and the two
    values differ at the coarser figure's resolution: "253,000", then "212,887 (between 89,816
    and 359,205)" is a change; "68,000", then "68,161", and "more than 99,000", then
    "99,691", are one figure told more exactly.
    """
    if not index.bounds(earlier).overlaps(index.bounds(later)):
        return True
    old, new = earlier.quantity, later.quantity
    if old.value is None or new.value is None or not {old.hedge, new.hedge} <= _POINT:
        return False
    step = max(index.tolerance.resolution(old), index.tolerance.resolution(new))
    return abs(Fraction(new.value) - Fraction(old.value)) > step / 2


def _name(index: Context, originator: str) -> str:
    """An agency's abbreviation, a person's name, a report's number; else the name as given."""
    try:
        record = index.dataset.find(originator)
    except NotFound:
        return originator  # an author's name from a byline
    if isinstance(record, Agency):
        return record.abbreviation or record.name
    if isinstance(record, Person):
        return record.name
    if isinstance(record, Source):
        return record.report_number or record.title
    return originator


def _as_of(statistic: Statistic) -> tuple[object, str]:
    return (statistic.as_of.first() if statistic.as_of else None, statistic.id)


def _change(earlier: Statistic, later: Statistic) -> str:
    """``+687 (+3.2%)``, ``-3 percentage points``, or the written figures when no value."""
    old, new = earlier.quantity.value, later.quantity.value
    if old is None or new is None:
        return f"from {earlier.quantity} to {later.quantity}"
    difference = new - old
    if earlier.quantity.unit is Unit.PERCENT:
        return f"{difference:+,f} percentage points"
    relative = f" ({difference / old * 100:+.1f}%)" if old else ""
    return f"{difference:+,f}{relative}"
