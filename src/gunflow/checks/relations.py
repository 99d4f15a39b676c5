"""Rule 7, ratio and sum relations: curated claims that tie figures together must hold."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import reduce
from itertools import combinations

from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Passed, Severity
from gunflow.model import Interval, Relation, RelationKind, Statistic, Unit

NAME = "relations"
SUMMARY = (
    "Curated relations hold: a sum ('7 of the 23', 'the remaining 16'), a ratio ('about four "
    "times'), a comparison ('more than'), a partition (70 / 17 / 13 percent) and 'the same' "
    "(durations are rule 9's). A ratio with no figure on one side yields what it implies (info)."
)

_HUNDRED = Interval.point(100)


def _written(statistics: Sequence[Statistic]) -> str:
    return " + ".join(str(s.quantity) for s in statistics)


def _total(index: Context, statistics: Sequence[Statistic]) -> Interval:
    return reduce(lambda a, b: a + b, (index.bounds(s) for s in statistics))


def _finding(
    index: Context,
    relation: Relation,
    message: str,
    intervals: tuple[Interval, ...],
    *,
    labels: tuple[str, ...],
    severity: Severity = Severity.ERROR,
) -> Finding:
    statistics = tuple(index.statistics[i] for i in (*relation.left, *relation.right))
    return Finding(
        rule=NAME,
        severity=severity,
        message=message,
        statistics=statistics,
        intervals=intervals,
        labels=labels,
        relation=relation,
    )


def _held(
    index: Context,
    relation: Relation,
    arithmetic: str,
    intervals: tuple[Interval, ...],
    statistics: Sequence[Statistic] | None = None,
) -> Passed:
    """A relation that holds; *arithmetic* numbers the left figures, then the right ones."""
    if statistics is None:
        statistics = [index.statistics[i] for i in (*relation.left, *relation.right)]
    return Passed(
        rule=NAME,
        arithmetic=f"{relation.id}: {arithmetic}",
        statistics=statistics,
        intervals=intervals,
        relation=relation,
    )


def _sides(relation: Relation) -> tuple[str, str]:
    """``{0} + {1}`` and ``{2}``: the placeholders of the left and the right figures."""
    left = " + ".join(f"{{{i}}}" for i in range(len(relation.left)))
    right = " + ".join(f"{{{len(relation.left) + i}}}" for i in range(len(relation.right)))
    return left, right


def _check(index: Context, relation: Relation) -> Iterator[Finding | Passed]:  # noqa: PLR0911, PLR0912 - a case per kind
    left = [index.statistics[i] for i in relation.left]
    right = [index.statistics[i] for i in relation.right]
    kind = relation.kind
    if kind is RelationKind.SAME:
        if all(index.days(s) is not None for s in (*left, *right)):
            return  # durations: rule 9
        for a, b in combinations((*left, *right), 2):
            if index.bounds(a).overlaps(index.bounds(b)):
                yield _held(index, relation, "{0} meets {1}", (), (a, b))
            else:
                yield _finding(
                    index,
                    relation,
                    f"{index.label(a)} and {index.label(b)} are said "
                    "to be the same but do not meet",
                    (index.bounds(a), index.bounds(b)),
                    labels=(str(a.quantity), str(b.quantity)),
                )
        return
    total = _total(index, left)
    if kind is RelationKind.RATIO and relation.factor is not None:
        factor = relation.factor.bounds(index.tolerance)
        if not right:
            implied = total.divided_by(factor)
            if implied is not None:
                yield _finding(
                    index,
                    relation,
                    f"{' + '.join(index.label(s) for s in left)}, {relation.factor}: implies "
                    f"{implied} for the other side, which no figure states",
                    (total, factor, implied),
                    labels=(_written(left), str(relation.factor), "implied, the other side"),
                    severity=Severity.INFO,
                )
            return
        try:
            expected = _total(index, right).times(factor)
        except ValueError:  # a multiple of a fall: the rule reads ratios of amounts only
            return
        if total.overlaps(expected):
            left_text, right_text = _sides(relation)
            arithmetic = f"{left_text} meets {relation.factor} × {right_text} = {{intervals[0]}}"
            yield _held(index, relation, arithmetic, (expected,))
        else:
            yield _finding(
                index,
                relation,
                f"{' + '.join(index.label(s) for s in left)} is not "
                f"{relation.factor} {' + '.join(index.label(s) for s in right)} "
                f"({expected})",
                (total, expected),
                labels=(_written(left), f"{relation.factor} × {_written(right)}"),
            )
        return
    if kind is RelationKind.PARTITION and all(s.quantity.unit is Unit.PERCENT for s in left):
        if total.overlaps(_HUNDRED):
            arithmetic = f"{_sides(relation)[0]} = {{intervals[0]}} meets 100 percent"
            yield _held(index, relation, arithmetic, (total,))
        else:
            yield _finding(
                index,
                relation,
                f"the shares {' + '.join(index.label(s) for s in left)}"
                f" = {total} do not add up to 100 percent",
                (total, _HUNDRED),
                labels=("the shares' sum", "100 percent"),
            )
        return
    if not right:
        return
    other = _total(index, right)
    left_text, right_text = _sides(relation)
    if kind in (RelationKind.SUM, RelationKind.PARTITION) and total.overlaps(other):
        arithmetic = f"{left_text} = {{intervals[0]}} meets {right_text}"
        yield _held(index, relation, arithmetic, (total, other))
    elif kind is RelationKind.GREATER and not (
        total.high is not None and other.low is not None and total.high <= other.low
    ):
        yield _held(index, relation, f"{left_text} can exceed {right_text}", (total, other))
    elif kind in (RelationKind.SUM, RelationKind.PARTITION):
        yield _finding(
            index,
            relation,
            f"{' + '.join(index.label(s) for s in left)} = {total} "
            f"does not equal {' + '.join(index.label(s) for s in right)}",
            (total, other),
            labels=(_written(left), _written(right)),
        )
    elif kind is RelationKind.GREATER and (
        total.high is not None and other.low is not None and total.high <= other.low
    ):
        yield _finding(
            index,
            relation,
            f"{' + '.join(index.label(s) for s in left)} is said to "
            f"exceed {' + '.join(index.label(s) for s in right)}, but cannot",
            (total, other),
            labels=(_written(left), _written(right)),
        )


def run(index: Context) -> Iterator[Finding | Passed]:
    """Yield an error for each curated relation the figures cannot satisfy."""
    for relation in index.dataset.relations:
        members = (*relation.left, *relation.right)
        if all(m in index.statistics for m in members):  # else rule 13 reports it
            yield from _check(index, relation)
