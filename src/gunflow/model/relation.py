"""Curated claims that tie figures together beyond their measures."""

from __future__ import annotations

import enum

import attrs

from gunflow.model._common import InvalidField, check_id, check_ids, non_empty, str_tuple
from gunflow.model.quantity import Quantity

__all__ = ["Relation", "RelationKind"]


class RelationKind(enum.StrEnum):
    """What a relation claims of its two sides (each side is the sum of its statistics).

    .. versionadded:: 0.1.0
    """

    SUM = "sum"  # left and right are equal: 7 + 16 = 23
    RATIO = "ratio"  # left is factor times right: "about four times"
    GREATER = "greater"  # left is more than right: "more agents in Nogales than in our agency"
    SAME = "same"  # every statistic on both sides states one quantity: "120 days", "four months"
    PARTITION = "partition"  # left are the parts of right, the whole: 70 / 17 / 13 percent


@attrs.frozen(kw_only=True)
class Relation:
    """A claim, made by a source, that ties figures together.

    Attributes:
        id: a readable slug.
        kind: what is claimed.
        left: ids of the statistics on the left side.
        right: ids of the statistics on the right side (may be empty when the source states
            only a relation, as in "about four times the personnel ATF has on the border").
        source: the id of the source that makes the claim.
        quote: the source's words for it, verbatim.
        factor: for a ratio, the multiple as written.
        note: anything a reader should know.

    .. versionadded:: 0.1.0

    """

    id: str = attrs.field(validator=check_id)
    kind: RelationKind = attrs.field(converter=RelationKind)
    left: tuple[str, ...] = attrs.field(converter=str_tuple, validator=check_ids)
    source: str = attrs.field(validator=check_id)
    quote: str = attrs.field(validator=non_empty)
    right: tuple[str, ...] = attrs.field(converter=str_tuple, default=(), validator=check_ids)
    factor: Quantity | None = None
    note: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        """Check that the sides and the factor fit the kind."""
        if not self.left:
            raise InvalidField("left", "a relation needs at least one statistic on the left")
        if (self.kind is RelationKind.RATIO) != (self.factor is not None):
            raise InvalidField("factor", "a ratio needs a factor, and only a ratio has one")
        if set(self.left) & set(self.right):
            raise InvalidField("right", "a statistic cannot stand on both sides")
