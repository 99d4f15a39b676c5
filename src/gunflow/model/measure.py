"""The controlled vocabulary of what figures measure, so that like is compared with like."""

from __future__ import annotations

import enum

import attrs

from gunflow.model._common import InvalidField, check_id, check_ids, non_empty, str_tuple
from gunflow.model.quantity import Unit

__all__ = ["Measure", "MeasureKind"]


class MeasureKind(enum.StrEnum):
    """The arithmetic a measure's figures obey.

    .. versionadded:: 0.1.0
    """

    COUNT = "count"  # a number of things; flows add up over disjoint periods
    STOCK = "stock"  # a number of things at a moment (agents on staff); does not add over time
    SHARE = "share"  # a part of a whole, in percent
    CHANGE = "change"  # a rise or fall of another measure
    RATIO = "ratio"  # one measure as a multiple of another
    AMOUNT = "amount"  # money
    DURATION = "duration"  # a length of time
    LENGTH = "length"  # a distance


@attrs.frozen(kw_only=True)
class Measure:
    """What a figure counts: two figures are comparable only when they share a measure.

    Attributes:
        id: a dotted slug (``firearms.traced.us_origin.share``).
        label: a short human name.
        kind: the arithmetic its figures obey.
        unit: the unit its figures are usually given in.
        population: what exactly is counted, in words; for a share, the whole it is a share of.
        place: where, as a code (``MX``, ``US``) or a short name, when the measure is tied to one.
        part_of: the measure whose population contains this one's (a part never exceeds it).
        parts: measures whose populations split this one's without overlap or remainder.
        numerator: for a share, the count measure of the part.
        denominator: for a share, the count measure of the whole.
        change_of: for a change or a ratio, the measure it describes.
        family: a slug shared by measures that look alike but count different populations
            (the "90 percent" shares); figures of one family are flagged as not comparable.
        note: anything a reader should know, such as how it differs from a look-alike.

    The measure of GAO's "around 87 percent": a share whose whole is the firearms traced, one
    of the look-alike "90 percent" family:

    >>> import gunflow
    >>> share = gunflow.load().measures.get("firearms.mx.traced.us_origin.share")
    >>> str(share.kind), str(share.unit), share.denominator, share.family
    ('share', 'percent', 'firearms.mx.traced', 'firearms.us_origin_share')

    .. versionadded:: 0.1.0

    """

    id: str = attrs.field(validator=check_id)
    label: str = attrs.field(validator=non_empty)
    kind: MeasureKind = attrs.field(converter=MeasureKind)
    unit: Unit = attrs.field(converter=Unit)
    population: str = attrs.field(validator=non_empty)
    place: str | None = attrs.field(default=None, validator=non_empty)
    part_of: str | None = attrs.field(default=None, validator=check_id)
    parts: tuple[str, ...] = attrs.field(converter=str_tuple, default=(), validator=check_ids)
    numerator: str | None = attrs.field(default=None, validator=check_id)
    denominator: str | None = attrs.field(default=None, validator=check_id)
    change_of: str | None = attrs.field(default=None, validator=check_id)
    family: str | None = attrs.field(default=None, validator=check_id)
    note: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        """Reject relations that make no sense for the measure's kind."""
        if self.id in (self.part_of, self.numerator, self.denominator, self.change_of) or (
            self.id in self.parts
        ):
            raise InvalidField("part_of", "a measure cannot refer to itself")
        if (self.numerator or self.denominator) and self.kind is not MeasureKind.SHARE:
            raise InvalidField("numerator", "only a share has a numerator and a denominator")
        if self.kind is MeasureKind.SHARE and self.unit is not Unit.PERCENT:
            raise InvalidField("unit", "a share is given in percent")
