"""Rule 5, time additivity: counts of disjoint sub-periods add up to no more than the whole's."""

from __future__ import annotations

import bisect
import datetime
from collections import defaultdict
from collections.abc import Iterator, Sequence
from fractions import Fraction
from functools import reduce

from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Passed, Severity
from gunflow.model import Coverage, Interval, MeasureKind, Statistic

NAME = "time_additivity"
SUMMARY = (
    "For a count of things that happen (a flow), figures for two or more sub-periods of one place "
    "that are disjoint on every reading add up to no more than the enclosing period's figure, and "
    "to it exactly when they tile it. The largest possible sum is found exactly (weighted interval "
    "scheduling), so no choice of sub-periods is missed."
)

#: How far a low end reaches up: its value, then 1 if open ("more than 100" lies above 100).
_Reach = tuple[Fraction, int]


def _low(interval: Interval) -> _Reach:
    return (interval.low or Fraction(0), 0 if interval.low_closed else 1)


def _high(interval: Interval) -> _Reach:
    """How far down a (finite) high end reaches: its value, then 0 if open, 1 if closed."""
    assert interval.high is not None  # noqa: S101 - callers skip unbounded figures
    return (interval.high, 1 if interval.high_closed else 0)


def _by_place(index: Context, statistics: Sequence[Statistic]) -> list[list[Statistic]]:
    grouped: dict[str | None, list[Statistic]] = defaultdict(list)
    for statistic in statistics:
        grouped[index.place(statistic)].append(statistic)
    return list(grouped.values())


def _strongest(index: Context, statistics: Sequence[Statistic]) -> dict[Coverage, Statistic]:
    """Per coverage, the figure whose low end reaches highest (the others cannot do more)."""
    best: dict[Coverage, Statistic] = {}
    for s in statistics:
        days = index.coverage(s)
        if days.possible[0] is None or days.possible[1] is None:
            continue
        if days not in best or _low(index.bounds(s)) > _low(index.bounds(best[days])):
            best[days] = s
    return best


def _largest_disjoint_sum(index: Context, parts: Sequence[Statistic]) -> list[Statistic]:
    """The figures, disjoint on every reading, whose low ends add up highest.

    Weighted interval scheduling: sort by the latest possible last day; each figure either joins
    the best choice among those that end before it may start, or is left out. O(n log n).
    """
    ends_of = {s.id: _latest_end(index, s) for s in parts}
    ordered = sorted(parts, key=lambda s: (ends_of[s.id], s.id))
    ends = [ends_of[s.id] for s in ordered]
    best: list[_Reach] = [(Fraction(0), 0)]  # best[k]: the highest sum among the first k
    taken_at: list[int | None] = [None]  # best[k] takes ordered[k - 1] after best[taken_at[k]]
    for j, s in enumerate(ordered):
        start = index.coverage(s).starts[0] or datetime.date.min
        previous = bisect.bisect_left(ends, start, hi=j)  # those ending before *start*
        weight = _low(index.bounds(s))
        taken = (best[previous][0] + weight[0], best[previous][1] + weight[1])
        if taken > best[-1]:
            best.append(taken)
            taken_at.append(previous)
        else:
            best.append(best[-1])
            taken_at.append(None)
    chosen: list[Statistic] = []
    k = len(ordered)
    while k > 0:
        back = taken_at[k]
        if back is None:
            k -= 1
        else:
            chosen.append(ordered[k - 1])
            k = back
    return chosen[::-1]


def _two_are_disjoint(index: Context, parts: Sequence[Statistic]) -> bool:
    """Whether any two of *parts* are disjoint on every reading.

    Periods that pairwise may overlap all share a possible day (Helly's theorem for intervals),
    so it is enough to compare the earliest possible end with the latest possible start.
    """
    if len(parts) < 2:
        return False
    earliest_end = min(_latest_end(index, s) for s in parts)
    # a figure may have no start at all: it is disjoint from nothing (date.min starts it)
    latest_start = max(index.coverage(s).starts[0] or datetime.date.min for s in parts)
    return earliest_end < latest_start


def _latest_end(index: Context, statistic: Statistic) -> datetime.date:
    return index.coverage(statistic).ends[1] or datetime.date.max


def _smallest_tiling(
    index: Context, parts: Sequence[Statistic], first: datetime.date, last: datetime.date
) -> list[Statistic] | None:
    """Figures with exact days that tile first..last, whose high ends add up lowest; or None."""
    tiles = sorted(
        (s for s in parts if index.coverage(s).is_exact and index.bounds(s).high is not None),
        key=lambda s: (index.coverage(s).starts[0], s.id),
    )
    best: dict[datetime.date, tuple[_Reach, list[Statistic]]] = {first: ((Fraction(0), 1), [])}
    for s in tiles:
        days = index.coverage(s)
        start, end = days.starts[0], days.ends[0]
        assert start is not None  # noqa: S101 - exact coverage
        assert end is not None  # noqa: S101
        if start not in best:
            continue
        (value, closed), chosen = best[start]
        high = _high(index.bounds(s))
        candidate = ((value + high[0], min(closed, high[1])), [*chosen, s])
        following = end + datetime.timedelta(days=1)
        if following not in best or candidate[0] < best[following][0]:
            best[following] = candidate
    found = best.get(last + datetime.timedelta(days=1))
    return found[1] if found else None


def _total(index: Context, statistics: Sequence[Statistic]) -> Interval:
    return reduce(lambda x, y: x + y, (index.bounds(s) for s in statistics))


def _finding(
    index: Context, parts: list[Statistic], total: Interval, whole: Statistic, verb: str
) -> Finding:
    labels = " + ".join(index.label(s) for s in parts)
    return Finding(
        rule=NAME,
        severity=Severity.ERROR,
        message=f"{labels} = {total} {verb} {index.label(whole)}",
        statistics=(*parts, whole),
        intervals=(total, index.bounds(whole)),
        labels=("the parts' sum", str(whole.quantity)),
    )


def _held(
    index: Context, parts: list[Statistic], total: Interval, whole: Statistic, verb: str
) -> Passed:
    """The sum of sub-periods that held against the enclosing period's figure.

    *verb* names the whole as ``{whole}``: ``"does not exceed {whole}"``.
    """
    terms = " + ".join(f"{{{number}}}" for number in range(len(parts)))
    said = verb.replace("{whole}", f"{{{len(parts)}}}")
    return Passed(
        rule=NAME,
        arithmetic=f"{terms} = {{intervals[0]}} {said}",
        statistics=(*parts, whole),
        intervals=(total, index.bounds(whole)),
    )


def _check_place(index: Context, statistics: Sequence[Statistic]) -> Iterator[Finding | Passed]:
    """Each whole against the largest sum of its sub-periods, and against a tiling of it.

    Where the largest sum's figures are those that tile the whole, the two comparisons are
    one: the sum must meet the whole, and it is recorded once, as held or as failed.
    """
    if not _two_are_disjoint(index, statistics):  # no sum of two sub-periods anywhere: done
        return
    strongest = _strongest(index, statistics)
    for whole_days in sorted({index.coverage(s) for s in statistics}, key=repr):
        if whole_days.certain is None:
            continue
        inside = [s for d, s in strongest.items() if d != whole_days and d.within(whole_days)]
        wholes = sorted((s for s in statistics if index.coverage(s) == whole_days), key=_id)
        chosen = _largest_disjoint_sum(index, inside) if _two_are_disjoint(index, inside) else []
        tiling = _tiling(index, statistics, whole_days)
        same = tiling is not None and {s.id for s in tiling} == {s.id for s in chosen}
        exceeded: set[str] = set()  # the wholes the largest sum exceeds
        if len(chosen) >= 2:  # one figure alone: the rule "nested_periods"
            total = _total(index, chosen)
            for whole in wholes:
                if total.lies_above(index.bounds(whole)):
                    exceeded.add(whole.id)
                    yield _finding(index, chosen, total, whole, "exceed")
                elif not same:
                    yield _held(index, chosen, total, whole, "does not exceed {whole}")
        if tiling is None:
            continue
        total = _total(index, tiling)
        for whole in wholes:
            target = index.bounds(whole)
            if total.lies_below(target):
                yield _finding(index, tiling, total, whole, "do not add up to")
            elif not total.lies_above(target):
                yield _held(index, tiling, total, whole, "meets {whole}, whose period they tile")
            elif whole.id not in exceeded:  # the largest sum is one figure, or another sum
                yield _finding(index, tiling, total, whole, "exceed")


def _tiling(
    index: Context, statistics: Sequence[Statistic], whole_days: Coverage
) -> list[Statistic] | None:
    """The figures of exact days that tile *whole_days*, adding up lowest; None if none do."""
    if whole_days.certain is None or not whole_days.is_exact:
        return None
    first, last = whole_days.certain
    parts = [
        s
        for s in statistics
        if index.coverage(s) != whole_days and index.coverage(s).within(whole_days)
    ]
    return _smallest_tiling(index, parts, first, last)


def _id(statistic: Statistic) -> str:
    return statistic.id


def run(index: Context) -> Iterator[Finding | Passed]:
    """Yield an error where sub-period figures cannot fit in the enclosing period's figure."""
    for measure_id in sorted(index.by_measure):
        measure = index.measures.get(measure_id)
        if measure is None or measure.kind is not MeasureKind.COUNT:
            continue
        for statistics in _by_place(index, index.by_measure[measure_id]):
            yield from _check_place(index, statistics)
