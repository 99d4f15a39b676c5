"""Rule 2, partition: the parts of a whole add up to it (shares to 100 %, counts to the total)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import reduce

from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Passed, Severity
from gunflow.checks.bound import ancestors
from gunflow.model import Interval, Measure, MeasureKind, Statistic

NAME = "partition"
SUMMARY = (
    "Where a measure is split into parts (Measure.parts), figures of the parts for one place and "
    "period add up to the whole's figure, and shares of the parts add up to 100 percent; a "
    "partial set of parts never exceeds the whole."
)

_HUNDRED = Interval.point(100)


def _agreed(index: Context, statistics: Sequence[Statistic]) -> Interval | None:
    """The values all figures of one part allow (None if they disagree: rule 1 reports that)."""
    common = index.bounds(statistics[0])
    for statistic in statistics[1:]:
        common = common.intersection(index.bounds(statistic))
    return None if common.is_empty else common


def _bounded(index: Context, part: Statistic, whole_id: str | None) -> bool:
    """Whether rule bound compares *part* with the whole: the whole is one of its ancestors."""
    measure = index.measures.get(part.measure)
    return measure is not None and any(m.id == whole_id for m in ancestors(index, measure))


def _held(
    what: str,
    *,
    present: Sequence[Sequence[Statistic]],
    agreed: Sequence[Interval],
    of_hundred: bool,
    target_statistics: Sequence[Statistic],
    total: Interval,
    target: Interval,
    complete: bool,
) -> Passed:
    """The sum that held, each part as written (or, for several figures, the range they share)."""
    statistics = [s for figures in present for s in figures]
    intervals = [total, target]
    terms = []
    first = 0
    for figures, common in zip(present, agreed, strict=True):
        if len(figures) == 1:
            terms.append(f"{{{first}}}")
        else:
            terms.append(f"{{intervals[{len(intervals)}]}}")
            intervals.append(common)
        first += len(figures)
    if of_hundred:
        against = "100 percent"
    elif len(target_statistics) == 1:
        against = f"{{{len(statistics)}}}"
    else:
        against = "{intervals[1]}"
    verb = "lies within" if complete else "does not exceed"
    return Passed(
        rule=NAME,
        arithmetic=f"{what}: {' + '.join(terms)} = {{intervals[0]}} {verb} {against}",
        statistics=(*statistics, *target_statistics),
        intervals=intervals,
    )


def _check_parts(
    index: Context,
    parts: Sequence[str],
    whole: dict[tuple[object, ...], list[Statistic]] | None,
    what: str,
    whole_id: str | None = None,
) -> Iterator[Finding | Passed]:
    """Check the figures of *parts* at each key against the whole (None: against 100 %).

    One part alone against a whole that contains it through ``part_of`` is the rule bound's.
    """
    part_figures = [index.by_key(part) for part in parts]
    keys: set[tuple[object, ...]] = set().union(*part_figures)
    for key in sorted(keys, key=repr):
        present = [figures[key] for figures in part_figures if key in figures]
        if len(present) < 2 and (
            whole is None or key not in whole or _bounded(index, present[0][0], whole_id)
        ):
            continue
        agreed = [_agreed(index, figures) for figures in present]
        if any(a is None for a in agreed):
            continue
        total = reduce(lambda x, y: x + y, [a for a in agreed if a is not None])
        statistics = tuple(s for figures in present for s in figures)
        target_statistics: tuple[Statistic, ...] = ()
        if whole is None:
            target = _HUNDRED
        elif key in whole and (found := _agreed(index, whole[key])) is not None:
            target, target_statistics = found, tuple(whole[key])
        else:
            continue
        complete = len(present) == len(parts)
        possible = total.overlaps(target) if complete else not total.lies_above(target)
        if possible:
            shared = [a for a in agreed if a is not None]
            yield _held(
                what,
                present=present,
                agreed=shared,
                of_hundred=whole is None,
                target_statistics=target_statistics,
                total=total,
                target=target,
                complete=complete,
            )
            continue
        labels = " + ".join(index.label(s) for s in statistics)
        against = (
            "100 percent"
            if whole is None
            else " / ".join(index.label(s) for s in target_statistics)
        )
        verb = "do not add up to" if complete else "already exceed"
        yield Finding(
            rule=NAME,
            severity=Severity.ERROR,
            message=f"{what}: {labels} = {total} {verb} {against} {target}",
            statistics=statistics + target_statistics,
            intervals=(total, target),
            labels=(
                "the parts' sum",
                " / ".join(str(s.quantity) for s in target_statistics) or "100 percent",
            ),
        )


def run(index: Context) -> Iterator[Finding | Passed]:
    """Yield an error for each split whose parts cannot add up to the whole."""
    shares_of: dict[str, dict[str, str]] = defaultdict(dict)  # whole -> numerator -> share
    for measure in index.measures.values():
        if measure.kind is MeasureKind.SHARE and measure.numerator and measure.denominator:
            shares_of[measure.denominator][measure.numerator] = measure.id
    wholes: list[Measure] = [m for m in index.measures.values() if m.parts]
    for measure in sorted(wholes, key=lambda m: m.id):
        yield from _check_parts(
            index, measure.parts, index.by_key(measure.id), f"parts of {measure.id}", measure.id
        )
        shares = [shares_of[measure.id][p] for p in measure.parts if p in shares_of[measure.id]]
        if len(shares) == len(measure.parts):
            yield from _check_parts(index, shares, None, f"shares of {measure.id}")
