"""Rule 17, derived: a figure computed from others agrees with its formula over them."""

from __future__ import annotations

from collections.abc import Iterator

from gunflow.checks._index import Context
from gunflow.checks._report import Finding, Passed, Severity, literal
from gunflow.model import Formula, Statistic

NAME = "derived"
SUMMARY = (
    'A derived figure (basis = "derived") must meet what its formula gives over the ranges of '
    "the figures it is derived from; the formula adds and subtracts figures of one unit only "
    "and gives the figure's own, and no derived figures are derived from each other in a loop."
)


def run(index: Context) -> Iterator[Finding | Passed]:
    """Yield an error where a derived figure and its formula's range cannot meet.

    A warning where the formula cannot be worked out over its inputs' ranges (a product or
    ratio of ranges that may be negative, a division by a range that holds zero), where it
    adds or subtracts figures in different units or gives a unit other than the figure's,
    and for derived figures derived from each other in a loop. A figure whose inputs are
    missing is left to ``integrity``.
    """
    yield from _loops(index)
    for statistic in index.dataset.statistics:
        working = statistic.working() if statistic.is_derived else None
        if working is None or any(i not in index.statistics for i in working.inputs):
            continue
        inputs = [index.statistics[i] for i in working.inputs]
        units = _units(index, statistic, working, inputs)
        if units is not None:
            yield units
        computed = working.evaluate({s.id: index.bounds(s) for s in inputs})
        stated = index.bounds(statistic)
        over = "; ".join(
            f"{name} = {index.label(index.statistics[i])}" for name, i in working.bindings.items()
        )
        if computed is None:
            yield Finding(
                rule=NAME,
                severity=Severity.WARNING,
                message=(
                    f"{index.label(statistic)}: {working.text} cannot be worked out over {over} "
                    "(a product or ratio of ranges that may be negative, or a division by a "
                    "range that holds zero)"
                ),
                statistics=(statistic, *inputs),
            )
        elif not computed.overlaps(stated):
            yield Finding(
                rule=NAME,
                severity=Severity.ERROR,
                message=(
                    f"{index.label(statistic)} is derived as {working.text}, which is {computed} "
                    f"with {over}: the two do not meet"
                ),
                statistics=(statistic, *inputs),
                intervals=(stated, computed),
            )
        else:
            yield Passed(
                rule=NAME,
                arithmetic=f"{{0}} meets {literal(working.text)} = {{intervals[0]}}",
                statistics=(statistic, *inputs),
                intervals=(computed,),
            )


def _units(
    index: Context, statistic: Statistic, working: Formula, inputs: list[Statistic]
) -> Finding | None:
    """A warning where the formula's units do not add up, or differ from the figure's."""
    try:
        unit = working.unit({s.id: s.quantity.unit for s in inputs})
    except ValueError as mixed:
        why = f"adds or subtracts figures in different units ({mixed})"
    else:
        if unit is None or unit == statistic.quantity.unit:
            return None
        why = f"gives {unit}, not {statistic.quantity.unit}"
    return Finding(
        rule=NAME,
        severity=Severity.WARNING,
        message=f"{index.label(statistic)}: {working.text} {why}",
        statistics=(statistic, *inputs),
    )


def _loops(index: Context) -> Iterator[Finding]:
    """A warning for each set of derived figures derived from each other, in a loop.

    The sets are the strongly connected components of "derived from" (Tarjan's algorithm,
    without recursion), each named by its figures in the order of their ids: the same
    finding however ``derived_from`` lists them.
    """
    derived = {s.id: s for s in index.dataset.statistics if s.is_derived}
    inputs = {
        id: [i for i in statistic.derived_from if i in derived] for id, statistic in derived.items()
    }
    order: dict[str, int] = {}  # when each figure was reached
    low: dict[str, int] = {}  # the earliest figure reachable from it, still on the stack
    stack: list[str] = []
    on_stack: set[str] = set()
    for first in sorted(derived):
        if first in order:
            continue
        walk: list[tuple[str, int]] = [(first, 0)]
        while walk:
            id, next_input = walk.pop()
            if next_input == 0:
                order[id] = low[id] = len(order)
                stack.append(id)
                on_stack.add(id)
            if next_input < len(inputs[id]):
                walk.append((id, next_input + 1))
                other = inputs[id][next_input]
                if other not in order:
                    walk.append((other, 0))
                elif other in on_stack:
                    low[id] = min(low[id], order[other])
                continue
            if walk:  # back in the figure that reached this one
                parent = walk[-1][0]
                low[parent] = min(low[parent], low[id])
            if low[id] == order[id]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == id:
                        break
                if len(members) > 1:
                    yield _loop(index, [derived[i] for i in sorted(members)])


def _loop(index: Context, loop: list[Statistic]) -> Finding:
    names = "; ".join(index.label(s) for s in loop)
    return Finding(
        rule=NAME,
        severity=Severity.WARNING,
        message=(
            f"derived figures derived from each other, in a loop: {names} (each is derived, "
            "through the others, from itself)"
        ),
        statistics=tuple(loop),
    )
