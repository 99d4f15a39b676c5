"""The likely culprits: the fewest figures that every unacknowledged error involves."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations

import attrs

from gunflow.checks._report import Finding
from gunflow.model import Statistic

__all__ = ["EXACT_LIMIT", "Suspect", "hitting_set", "suspects"]

#: Up to this many candidate figures the search is exact; above it, greedy.
EXACT_LIMIT = 20

#: Up to this many candidates, those another candidate can stand in for are left out first.
_PRUNED_UP_TO = 400


def _findings(value: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Suspect:
    """A figure that may be the cause of several errors: removing it resolves them all.

    Attributes:
        statistic: the figure.
        errors: the unacknowledged errors it is in, in the report's order.
        label: who reported it, when, as written, what it measures.
        of: how many unacknowledged errors name figures at all (what *errors* is out of).

    .. versionadded:: 0.2.0

    """

    statistic: Statistic
    errors: tuple[Finding, ...] = attrs.field(converter=_findings)
    label: str
    of: int

    @property
    def id(self) -> str:
        """The figure's id."""
        return self.statistic.id

    def summary(self) -> str:
        """``27,544 is in all 5 errors``, or ``... is in 2 of 5 errors``."""
        count, figure = len(self.errors), self.statistic.quantity
        if count == self.of:
            return f"{figure} is in {'the one error' if count == 1 else f'all {count} errors'}"
        return f"{figure} is in {count} of {self.of} errors"


def hitting_set(sets: Sequence[frozenset[str]], *, exact_limit: int = EXACT_LIMIT) -> list[str]:
    """A smallest choice of ids such that each of *sets* holds one of them.

    Exact (the smallest there is) when the sets hold at most *exact_limit* ids in all, not
    counting an id whose sets another id is in too (the other can stand in for it); among
    choices of that size, the one whose ids are in the most sets, then the first in id order.
    Above the limit the problem is too costly to solve exactly, and the choice is greedy: the
    id in the most sets not yet hit, again and again (ties to the first id). Greedy choices are
    at most about ln(number of sets) + 1 times the smallest, and usually the smallest.

    An empty set cannot be hit and is ignored.
    """
    wanted = [s for s in sets if s]
    candidates = sorted(set().union(*wanted))
    masks = {c: sum(1 << i for i, s in enumerate(wanted) if c in s) for c in candidates}
    everything = (1 << len(wanted)) - 1
    useful = _undominated(candidates, masks) if len(candidates) <= _PRUNED_UP_TO else candidates
    if len(useful) <= exact_limit:
        for size in range(1, len(useful) + 1):
            best: tuple[int, tuple[str, ...]] | None = None
            for choice in combinations(useful, size):
                hit = 0
                for c in choice:
                    hit |= masks[c]
                if hit == everything:
                    weight = sum(masks[c].bit_count() for c in choice)
                    if best is None or weight > best[0]:
                        best = (weight, choice)
            if best is not None:
                return list(best[1])
        return []
    chosen: list[str] = []
    left = everything
    while left:
        pick = min(candidates, key=lambda c: -(masks[c] & left).bit_count())
        chosen.append(pick)
        left &= ~masks[pick]
    return chosen


def _undominated(candidates: Sequence[str], masks: Mapping[str, int]) -> list[str]:
    """The candidates, but those whose sets another candidate (earlier, if the same) is in too.

    Leaving them out keeps a smallest choice: the other candidate can always take their place.
    """
    kept: list[str] = []
    for c in candidates:
        mask = masks[c]
        if not any(
            (mask | masks[o]) == masks[o] and (masks[o] != mask or o < c)
            for o in candidates
            if o != c
        ):
            kept.append(c)
    return kept


def suspects(errors: Sequence[Finding], labels: Mapping[str, str]) -> tuple[Suspect, ...]:
    """The figures of a smallest set that every error naming figures involves, ranked.

    Most errors first, then by id. *labels* gives each figure's label (by id); a figure
    without one is labelled by its source and figure as written.
    """
    with_figures = [f for f in errors if f.statistics]
    chosen = hitting_set([frozenset(f.statistic_ids) for f in with_figures])
    by_id = {s.id: s for f in with_figures for s in f.statistics}
    found = [
        Suspect(
            statistic=by_id[i],
            errors=(f for f in with_figures if i in f.statistic_ids),
            label=labels.get(i, f"{by_id[i].source}: {by_id[i].quantity}"),
            of=len(with_figures),
        )
        for i in chosen
    ]
    return tuple(sorted(found, key=lambda s: (-len(s.errors), s.id)))
