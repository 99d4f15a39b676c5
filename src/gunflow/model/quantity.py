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


def _check_value(instance: Quantity, _attribute: attrs.Attribute[Any], value: Decimal) -> None:
    if value < 0 and instance.unit is not Unit.PERCENT_CHANGE:
        raise InvalidField("value", f"a {instance.unit} cannot be negative ({value})")
    if instance.unit is Unit.PERCENT and value > 100:
        raise InvalidField("value", f"a share cannot exceed 100 percent ({value})")


def _check_resolution(
    _instance: object, _attribute: attrs.Attribute[Any], value: Decimal | None
) -> None:
    if value is not None and value <= 0:
        raise InvalidField("resolution", f"must be positive, not {value}")


@attrs.frozen(kw_only=True)
class Quantity:
    """A number as a source wrote it.

    Attributes:
        value: the number, exact (``Decimal``); "$5.9 million" is ``5900000``.
        unit: what it counts in.
        hedge: the qualifying word, :attr:`Hedge.EXACT` when there is none.
        written: the figure exactly as the quote words it ("Nearly 70,000"), when known. It
            must read as the value, in digits ("17,544", "$5.9 million") or words ("Ninety",
            "nearly sixfold", "a year"); a rise or fall is compared by its size.
        resolution: the step the number is read to, when the default (the unit of its last
            significant digit) is wrong for it.

    >>> q = Quantity(value=64, unit=Unit.PERCENT, hedge=Hedge.ABOUT, written="about 64 percent")
    >>> str(q.bounds())
    '[63, 65]'

    .. versionadded:: 0.1.0

    """

    value: Decimal = attrs.field(converter=_to_decimal)
    unit: Unit = attrs.field(converter=Unit)
    hedge: Hedge = attrs.field(default=Hedge.EXACT, converter=Hedge)
    written: str | None = attrs.field(default=None, validator=non_empty)
    resolution: Decimal | None = attrs.field(
        default=None, converter=_optional_decimal, validator=_check_resolution
    )

    def __attrs_post_init__(self) -> None:
        """Check the value against its unit (validators run before the unit is known)."""
        _check_value(self, attrs.fields(Quantity).value, self.value)
        if self.written is not None:
            check_written(self.written, self.value, signed=self.unit is not Unit.PERCENT_CHANGE)

    def bounds(self, tolerance: Tolerance | None = None) -> Interval:
        """The interval of values the figure allows, under *tolerance* (the default if None)."""
        return (tolerance or DEFAULT_TOLERANCE).bounds(self)

    def __str__(self) -> str:
        """The figure as written when known, else value, hedge and unit."""
        if self.written:
            return self.written
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

    The default follows the design: an exact figure is its value ± half its resolution;
    "about" is ± min(resolution, 10 % of the value); "nearly" is [value - min(resolution,
    10 %), value]; "more than" (value, +∞); "at least" [value, +∞); "up to" [0, value];
    "less than" [0, value). Shares are capped to [0, 100] and other figures to [0, +∞),
    except a percent change, which may be any size or sign.

    Replace it to test how a conclusion depends on the reading of the words:

    >>> loose = Tolerance(about=Fraction(1, 5))
    >>> q = Quantity(value=2000, unit=Unit.COUNT, hedge=Hedge.ABOUT)
    >>> str(q.bounds()), str(q.bounds(loose))
    ('[1,800, 2,200]', '[1,600, 2,400]')

    Attributes:
        about: the largest share of the value that "about" allows either way.
        nearly: the largest share of the value that "nearly" allows below it.

    .. versionadded:: 0.1.0

    """

    about: Fraction = attrs.field(
        default=Fraction(1, 10), converter=_share_of_value, validator=_check_share
    )
    nearly: Fraction = attrs.field(
        default=Fraction(1, 10), converter=_share_of_value, validator=_check_share
    )

    def resolution(self, quantity: Quantity) -> Fraction:
        """The step *quantity* is read to: its own, else the unit of its last significant digit.

        Percentages and multiples are read to the unit unless written with decimals.
        """
        if quantity.resolution is not None:
            return Fraction(quantity.resolution)
        value = quantity.value
        if value == 0:
            return Fraction(1)
        exponent = int(value.normalize().as_tuple().exponent)  # finite values: always an int
        if quantity.unit in _READ_TO_THE_UNIT:
            exponent = min(exponent, 0)
        return Fraction(10) ** exponent

    def bounds(self, quantity: Quantity) -> Interval:
        """The interval of values *quantity* allows."""
        v = Fraction(quantity.value)
        step = self.resolution(quantity)
        hedge = quantity.hedge
        if hedge is Hedge.EXACT:
            raw = Interval.closed(v - step / 2, v + step / 2)
        elif hedge is Hedge.ABOUT:
            d = min(step, abs(v) * self.about)
            raw = Interval.closed(v - d, v + d)
        elif hedge is Hedge.NEARLY:
            raw = Interval.closed(v - min(step, abs(v) * self.nearly), v)
        elif hedge is Hedge.MORE_THAN:
            raw = Interval(low=v, high=None, low_closed=False)
        elif hedge is Hedge.AT_LEAST:
            raw = Interval(low=v, high=None)
        elif hedge is Hedge.UP_TO:  # [0, value] once capped; a change may fall below zero
            raw = Interval(low=None, high=v)
        else:  # Hedge.LESS_THAN
            raw = Interval(low=None, high=v, high_closed=False)
        return _cap(raw, quantity.unit)


_NOT_NEGATIVE = Interval(low=0, high=None)
_SHARE = Interval(low=0, high=100)


def _cap(interval: Interval, unit: Unit) -> Interval:
    """Clip to what the unit can hold ("less than 0" of a count holds nothing: ``[0, 0)``)."""
    if unit is Unit.PERCENT_CHANGE:
        return interval
    cap = _SHARE if unit is Unit.PERCENT else _NOT_NEGATIVE
    inside_low = interval.low is not None and interval.low >= 0
    inside_high = cap.high is None or (interval.high is not None and interval.high <= cap.high)
    if inside_low and inside_high:  # the common case: nothing to clip
        return interval
    capped = interval.intersection(cap)
    return capped if capped is not None else Interval(low=0, high=0, high_closed=False)


DEFAULT_TOLERANCE = Tolerance()
"""The tolerance used when none is given."""
