"""A reported number as written, and the interval of values its words allow."""

from __future__ import annotations

import enum
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from gunflow.model._common import InvalidField, non_empty
from gunflow.model._written import check_written
from gunflow.model.interval import Interval

__all__ = ["DEFAULT_TOLERANCE", "Hedge", "Quantity", "Tolerance", "Unit"]


class Hedge(enum.StrEnum):
    """The word that qualifies a reported number.

    Synonyms share a member: "approximately", "around", "roughly" and "some" are :attr:`ABOUT`;
    "almost" is
    :attr:`NEARLY`; "over" is :attr:`MORE_THAN`; "at most" is :attr:`UP_TO`. The words themselves
    stay in :attr:`Quantity.written`.

    .. versionadded:: 0.1.0
    """

    EXACT = "exact"
    ABOUT = "about"
    NEARLY = "nearly"
    MORE_THAN = "more than"
    AT_LEAST = "at least"
    UP_TO = "up to"
    LESS_THAN = "less than"


class Unit(enum.StrEnum):
    """What a number counts in.

    :attr:`PERCENT` is a share of a whole and lies in [0, 100]; :attr:`PERCENT_CHANGE` is a
    rise or fall ("up by 109%") and may be any size or sign. :attr:`TIMES` is a multiple
    ("about four times", "nearly sixfold").

    .. versionadded:: 0.1.0
    """

    COUNT = "count"
    PERCENT = "percent"
    PERCENT_CHANGE = "percent_change"
    TIMES = "times"
    USD = "usd"
    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"
    MILES = "miles"


#: The hedges whose reading leaves out the value itself: the only ones that can leave no value.
_OPEN_HEDGES = frozenset({Hedge.MORE_THAN, Hedge.LESS_THAN})

#: Units read to the unit even when the number ends in zeros: "70 percent" means 69.5 to 70.5.
_READ_TO_THE_UNIT = frozenset({Unit.PERCENT, Unit.PERCENT_CHANGE, Unit.TIMES})


def _to_decimal(value: object) -> Decimal:
    if isinstance(value, bool):
        raise InvalidField("value", f"{value!r} is not a number")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float | str):
        try:
            number = Decimal(str(value).replace(",", "").strip())
        except ArithmeticError:
            raise InvalidField("value", f"{value!r} is not a number") from None
    else:
        raise InvalidField("value", f"{value!r} is not a number")
    if not number.is_finite():
        raise InvalidField("value", f"{value!r} is not a finite number")
    return number


def _optional_decimal(value: object) -> Decimal | None:
    return None if value is None else _to_decimal(value)


def _check_number(name: str, value: Decimal | None, unit: Unit) -> None:
    if value is None:
        return
    if value < 0 and unit is not Unit.PERCENT_CHANGE:
        raise InvalidField(name, f"a {unit} cannot be negative ({value})")
    if unit is Unit.PERCENT and value > 100:
        raise InvalidField(name, f"a share cannot exceed 100 percent ({value})")


def _check_resolution(
    _instance: object, _attribute: attrs.Attribute[Any], value: Decimal | None
) -> None:
    if value is not None and value <= 0:
        raise InvalidField("resolution", f"must be positive, not {value}")


@attrs.frozen(kw_only=True)
class Quantity:
    """A number as a source wrote it.

    A figure is a *value* read through its *hedge* ("nearly 70,000"), or a range the source
    states itself (*low* and *high*: "between 106,700 and 426,729"), which replaces the hedge's
    reading; a point estimate given with its range has all three.

    Attributes:
        value: the number, exact (``Decimal``); "$5.9 million" is ``5900000``. None only when
            the source states a range and no point within it.
        unit: what it counts in.
        hedge: the qualifying word, :attr:`Hedge.EXACT` when there is none.
        written: the figure exactly as the quote words it ("Nearly 70,000"), when known. It
            must read as the value, in digits ("17,544", "$5.9 million") or words ("Ninety",
            "nearly sixfold", "a year"), and as both ends of a stated range ("212,887
            (between 89,816 and 359,205)"); a rise or fall is compared by its size.
        resolution: the step the number is read to, when the default (the unit of its last
            significant digit) is wrong for it.
        low: the low end of a range the source states ("between 106,700 and ...").
        high: the high end of that range.

    >>> q = Quantity(value=64, unit=Unit.PERCENT, hedge=Hedge.ABOUT, written="about 64 percent")
    >>> str(q.bounds())
    '[63, 65]'
    >>> r = Quantity(low=106700, high=426729, unit=Unit.COUNT)
    >>> str(r.bounds())
    '[106,700, 426,729]'

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Stated ranges (*low*, *high*); a hedge that leaves no possible value is refused.

    """

    value: Decimal | None = attrs.field(default=None, converter=_optional_decimal)
    unit: Unit = attrs.field(converter=Unit)
    hedge: Hedge = attrs.field(default=Hedge.EXACT, converter=Hedge)
    written: str | None = attrs.field(default=None, validator=non_empty)
    resolution: Decimal | None = attrs.field(
        default=None, converter=_optional_decimal, validator=_check_resolution
    )
    low: Decimal | None = attrs.field(default=None, converter=_optional_decimal)
    high: Decimal | None = attrs.field(default=None, converter=_optional_decimal)

    def __attrs_post_init__(self) -> None:
        """Check the numbers against the unit and each other (validators run before the unit)."""
        for name, number in (("value", self.value), ("low", self.low), ("high", self.high)):
            if number is not None:
                _check_number(name, number, self.unit)
        if (self.low is None) != (self.high is None):
            missing = "high" if self.high is None else "low"
            raise InvalidField(missing, "a stated range needs both its low and its high end")
        if self.low is not None and self.high is not None:
            if self.low > self.high:
                raise InvalidField(
                    "high", f"the range ends ({self.high}) below its start ({self.low})"
                )
            if self.value is not None and not self.low <= self.value <= self.high:
                raise InvalidField(
                    "value", f"{self.value} lies outside the stated range {self.low} to {self.high}"
                )
            if self.hedge is not Hedge.EXACT:
                raise InvalidField(
                    "hedge",
                    f"a stated range replaces the hedge's reading: leave out {str(self.hedge)!r}",
                )
        elif self.value is None:
            raise InvalidField("value", "a figure needs a value, or a stated range (low and high)")
        if self.written is not None:
            self._check_written(self.written)
        # Every other reading holds the value itself (or the low end), which _check_number put
        # within the unit's cap; only an open end can leave nothing ("more than 100 percent").
        if self.hedge in _OPEN_HEDGES and (
            DEFAULT_TOLERANCE.raw_bounds(self).intersection(_CAPS.get(self.unit, _ANY)).is_empty
        ):
            raise InvalidField(
                "hedge",
                f"{self.hedge} {self.value} leaves no possible value for a {self.unit}",
            )

    def _check_written(self, written: str) -> None:
        """The written form must state the value and both ends of a stated range."""
        signed = self.unit is not Unit.PERCENT_CHANGE
        for number, role in (
            (self.value, "the value"),
            (self.low, "the low end"),
            (self.high, "the high end"),
        ):
            if number is not None:
                check_written(
                    written, number, signed=signed, role=role, percent=self.unit is Unit.PERCENT
                )

    @property
    def is_range(self) -> bool:
        """Whether the source states the figure as a range (*low* and *high*)."""
        return self.low is not None

    def bounds(self, tolerance: Tolerance | None = None) -> Interval:
        """The interval of values the figure allows, under *tolerance* (the default if None)."""
        return (tolerance or DEFAULT_TOLERANCE).bounds(self)

    def __str__(self) -> str:
        """The figure as written when known, else value, hedge and unit."""
        if self.written:
            return self.written
        if self.value is None:
            return f"{self.low:,f} to {self.high:,f} {self.unit}"
        hedge = "" if self.hedge is Hedge.EXACT else f"{self.hedge} "
        return f"{hedge}{self.value:,f} {self.unit}"


def _share_of_value(value: object) -> Fraction:
    """Exactly the number written: a float is read through its repr, so 0.1 is 1/10."""
    if isinstance(value, float):
        return Fraction(str(value))
    if isinstance(value, int | Fraction | Decimal | str):
        return Fraction(value)
    raise InvalidField("tolerance", f"expected a number, not {value!r}")


def _check_share(_instance: object, attribute: attrs.Attribute[Any], value: Fraction) -> None:
    if not 0 <= value < 1:
        raise InvalidField(attribute.name, f"must be at least 0 and below 1, not {value}")


@attrs.frozen(kw_only=True)
class Tolerance:
    """How far each hedge lets a reported number stray, the policy behind :meth:`Quantity.bounds`.

    The default reading, with *r* the figure's resolution (the unit of its last significant
    digit: 1 for "73,684", 100 for "2,500", 0.1 for "70.0 percent") and
    *d* = max(r / 2, min(r, 10 % of the value)):

    - no hedge: the value ± r / 2 ("70 percent" is [69.5, 70.5]);
    - "about" (around, approximately, roughly, some): the value ± *d*, so "about *x*" always
      holds plain *x*: adding a hedge never makes a claim stricter;
    - "nearly" (almost): [value − *d*, value];
    - "more than" (value, +∞); "at least" [value, +∞); "up to" [0, value]; "less than" [0, value);
    - a range the source states is the closed interval it states.

    Shares are capped to [0, 100] and other figures to [0, +∞), except a percent change, which
    may be any size or sign. Replace the policy to test how a conclusion depends on the reading
    of the words:

    >>> loose = Tolerance(about=Fraction(3, 10))
    >>> q = Quantity(value=2000, unit=Unit.COUNT, hedge=Hedge.ABOUT)
    >>> str(q.bounds()), str(q.bounds(loose))
    ('[1,500, 2,500]', '[1,400, 2,600]')

    Attributes:
        about: the largest share of the value that "about" allows either way (beyond half the
            resolution, which it always allows).
        nearly: the largest share of the value that "nearly" allows below it (likewise).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       "about *x*" and "nearly *x*" always allow at least what plain *x* allows.

    """

    about: Fraction = attrs.field(
        default=Fraction(1, 10), converter=_share_of_value, validator=_check_share
    )
    nearly: Fraction = attrs.field(
        default=Fraction(1, 10), converter=_share_of_value, validator=_check_share
    )

    def resolution(self, quantity: Quantity) -> Fraction:
        """The step *quantity* is read to: its own, else the unit of its last significant digit.

        Digits written after the decimal point count, zeros included ("70.0" is read to 0.1);
        zeros that end a whole number do not ("2,500" is read to 100). Percentages and
        multiples are read to the unit unless written with decimals.
        """
        if quantity.resolution is not None:
            return Fraction(quantity.resolution)
        value = quantity.value
        if value is None or value == 0:
            return Fraction(1)
        exponent = int(value.as_tuple().exponent)  # finite values: always an int
        if exponent >= 0:
            exponent = int(value.normalize().as_tuple().exponent)
            if quantity.unit in _READ_TO_THE_UNIT:
                exponent = 0
        return Fraction(10) ** exponent

    def raw_bounds(self, quantity: Quantity) -> Interval:  # noqa: PLR0911 - one return a hedge
        """What the words allow before the unit's natural caps apply."""
        if quantity.low is not None and quantity.high is not None:
            return Interval.closed(quantity.low, quantity.high)
        assert quantity.value is not None  # noqa: S101 - a Quantity has a value or a range
        v = Fraction(quantity.value)
        step = self.resolution(quantity)
        hedge = quantity.hedge
        if hedge is Hedge.EXACT:
            return Interval.closed(v - step / 2, v + step / 2)
        if hedge in (Hedge.ABOUT, Hedge.NEARLY):
            share = self.about if hedge is Hedge.ABOUT else self.nearly
            d = max(step / 2, min(step, abs(v) * share))
            return Interval.closed(v - d, v + d if hedge is Hedge.ABOUT else v)
        if hedge is Hedge.MORE_THAN:
            return Interval(low=v, high=None, low_closed=False)
        if hedge is Hedge.AT_LEAST:
            return Interval(low=v, high=None)
        if hedge is Hedge.UP_TO:  # [0, value] once capped; a change may fall below zero
            return Interval(low=None, high=v)
        return Interval(low=None, high=v, high_closed=False)  # Hedge.LESS_THAN

    def bounds(self, quantity: Quantity) -> Interval:
        """The interval of values *quantity* allows: its words' reading, within its unit's caps."""
        raw = self.raw_bounds(quantity)
        cap = _CAPS.get(quantity.unit)
        if cap is None or _inside(raw, cap):  # the common case: nothing to clip
            return raw
        return raw.intersection(cap)


def _inside(interval: Interval, cap: Interval) -> bool:
    """Whether *interval* lies within *cap* (a cap is closed, from zero)."""
    above_low = interval.low is not None and interval.low >= 0
    below_high = cap.high is None or (interval.high is not None and interval.high <= cap.high)
    return above_low and below_high


#: What each unit can hold: a share lies in [0, 100], a percent change anywhere, the rest ≥ 0.
_NOT_NEGATIVE = Interval(low=0, high=None)
_ANY = Interval(low=None, high=None)
_CAPS: dict[Unit, Interval] = {
    unit: Interval.closed(0, 100) if unit is Unit.PERCENT else _NOT_NEGATIVE
    for unit in Unit
    if unit is not Unit.PERCENT_CHANGE
}


DEFAULT_TOLERANCE = Tolerance()
"""The reading of hedged figures used when none is given (see :class:`Tolerance`)."""
