"""Intervals of exact rational numbers: what a reported figure can mean.

One algebra for every rule: sums, differences, scaling, products and quotients of non-negative
intervals, intersection, and the two comparisons every check is built on,
:meth:`Interval.lies_above` and :meth:`Interval.lies_below` ("every value of one is greater than
every value of the other").
There is one empty interval, :data:`Interval.EMPTY`, and an unbounded end is always open.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import ClassVar

import attrs

from gunflow.model._common import InvalidField

__all__ = ["Interval", "Number"]

#: What interval arithmetic accepts: exact numbers only, so 70 + 17 + 13 is exactly 100.
Number = int | Fraction | Decimal


def _exact(value: Number | None) -> Fraction | None:
    if value is None or type(value) is Fraction:  # the common case, kept fast
        return value
    if isinstance(value, bool) or not isinstance(value, int | Fraction | Decimal):
        raise TypeError(
            f"interval ends must be exact numbers (int, Fraction, Decimal), not {value!r}"
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise InvalidField("low", f"{value} is not a finite number")
    return Fraction(value)


#: Decimal places an exact number is shown with in full; beyond them it is rounded.
_SHOWN_PLACES = 3
#: Significant digits a rounded number keeps (never fewer than its whole part has).
_SHOWN_DIGITS = 3


def _show(value: Fraction) -> str:
    """A number for people: display only, the interval itself stays exact.

    Whole numbers and decimals of at most three places are shown in full (``1,234``,
    ``69.5``); any other number is rounded to three significant digits, its whole part kept,
    and marked ``≈`` (``≈409``, ``≈0.667``).
    """
    if value.denominator == 1:
        return f"{value.numerator:,}"
    as_decimal = Decimal(value.numerator) / Decimal(value.denominator)
    places = -as_decimal.normalize().as_tuple().exponent  # type: ignore[operator]
    if Fraction(as_decimal) == value and places <= _SHOWN_PLACES:
        return f"{as_decimal.normalize():,f}"
    keep = max(0, _SHOWN_DIGITS - 1 - as_decimal.adjusted())
    rounded = as_decimal.quantize(Decimal(1).scaleb(-keep), rounding=ROUND_HALF_UP)
    shown = f"{rounded.normalize():,f}"
    return shown if Fraction(rounded) == value else f"≈{shown}"


#: The fields of the one empty interval, ``(0, 0)``.
_EMPTY_FORM = {"low": Fraction(0), "high": Fraction(0), "low_closed": False, "high_closed": False}


@attrs.frozen(kw_only=True, weakref_slot=False)  # many are made: no room for weak references
class Interval:
    """A set of numbers between *low* and *high*; ``None`` is an unbounded end.

    Ends are exact :class:`fractions.Fraction` values; each end is closed (included) or open. The
    form is canonical, so equal sets are equal objects: an unbounded end is always open, and every
    empty interval is :data:`Interval.EMPTY`.

    >>> a = Interval.closed(Decimal("69.5"), Decimal("70.5"))
    >>> str(a), a.contains(70), a.contains(71)
    ('[69.5, 70.5]', True, False)
    >>> str(Interval.closed(70, 70) + Interval.closed(17, 17) + Interval.closed(13, 13))
    '[100, 100]'
    >>> Interval(low=5, high=5, low_closed=False) == Interval.EMPTY
    True
    >>> Interval.closed(90, 95).lies_below(Interval(low=95, high=None, low_closed=False))
    True

    Attributes:
        low: the lower end, or None when there is none.
        high: the upper end, or None when there is none.
        low_closed: whether *low* itself belongs to the interval.
        high_closed: whether *high* itself belongs to the interval.


    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Canonical form (one empty interval; unbounded ends open) and the comparisons.

    """

    low: Fraction | None = attrs.field(converter=_exact)
    high: Fraction | None = attrs.field(converter=_exact)
    low_closed: bool = True
    high_closed: bool = True

    #: The interval holding no number. Arithmetic with it gives it back.
    EMPTY: ClassVar[Interval]

    def __attrs_post_init__(self) -> None:
        """Reject inverted ends; bring the interval to its canonical form."""
        if self.low is not None and self.high is not None:
            if self.low > self.high:
                raise InvalidField(
                    "high", f"the high end {self.high} lies below the low end {self.low}"
                )
            if self.low == self.high and not (self.low_closed and self.high_closed):
                for name, value in _EMPTY_FORM.items():
                    object.__setattr__(self, name, value)
                return
        if self.low is None and self.low_closed:
            object.__setattr__(self, "low_closed", False)
        if self.high is None and self.high_closed:
            object.__setattr__(self, "high_closed", False)

    @classmethod
    def closed(cls, low: Number, high: Number) -> Interval:
        """``[low, high]``, both ends included."""
        return cls(low=low, high=high)

    @classmethod
    def point(cls, value: Number) -> Interval:
        """``[value, value]``."""
        return cls(low=value, high=value)

    @property
    def is_empty(self) -> bool:
        """True when no number lies inside (``(5, 5)``, ``[5, 5)``)."""
        # canonical form: the one empty interval is (0, 0), both ends open
        return not self.low_closed and not self.high_closed and self.low == 0 == self.high

    def contains(self, value: Number) -> bool:
        """Whether *value* lies inside the interval."""
        x = _exact(value)
        if x is None:
            raise TypeError("contains() takes a number, not None")
        if self.low is not None and (x < self.low or (x == self.low and not self.low_closed)):
            return False
        return not (
            self.high is not None and (x > self.high or (x == self.high and not self.high_closed))
        )

    def intersection(self, other: Interval) -> Interval:
        """The numbers in both intervals (:data:`EMPTY` when there are none)."""
        if self.is_empty or other.is_empty:
            return EMPTY
        low, low_closed = _tighter_low(self, other)
        high, high_closed = _tighter_high(self, other)
        if low is not None and high is not None and low > high:
            return EMPTY
        return _made(low=low, high=high, low_closed=low_closed, high_closed=high_closed)

    def overlaps(self, other: Interval) -> bool:
        """Whether some number lies in both intervals."""
        if self.is_empty or other.is_empty:
            return False
        return not (self.lies_above(other) or other.lies_above(self))

    def lies_above(self, other: Interval) -> bool:
        """Whether every number of this interval is greater than every number of *other*.

        The one comparison every rule uses to say "cannot": it is true only when no pair of
        values, one from each, is in the other order. An empty interval lies nowhere.
        """
        if self.is_empty or other.is_empty or self.low is None or other.high is None:
            return False
        if self.low == other.high:
            return not (self.low_closed and other.high_closed)
        return self.low > other.high

    def lies_below(self, other: Interval) -> bool:
        """Whether every number of this interval is smaller than every number of *other*."""
        return other.lies_above(self)

    def __add__(self, other: Interval | Number) -> Interval:
        """Every sum of a number from each interval (a number is a point interval)."""
        o = other if isinstance(other, Interval) else Interval.point(other)
        if self.is_empty or o.is_empty:
            return EMPTY
        return _made(
            low=None if self.low is None or o.low is None else self.low + o.low,
            high=None if self.high is None or o.high is None else self.high + o.high,
            low_closed=self.low_closed and o.low_closed,
            high_closed=self.high_closed and o.high_closed,
        )

    def __neg__(self) -> Interval:
        """The interval reflected through zero."""
        if self.is_empty:
            return EMPTY
        return _made(
            low=None if self.high is None else -self.high,
            high=None if self.low is None else -self.low,
            low_closed=self.high_closed,
            high_closed=self.low_closed,
        )

    def __sub__(self, other: Interval | Number) -> Interval:
        """Every difference of a number from this interval and one from *other*."""
        o = other if isinstance(other, Interval) else Interval.point(other)
        return self + (-o)

    def __mul__(self, factor: Number) -> Interval:
        """The interval scaled by an exact number (a negative factor swaps the ends)."""
        k = _exact(factor)
        if k is None:
            raise TypeError("an interval is scaled by a number, not None")
        if self.is_empty:
            return EMPTY
        if k == 0:
            return Interval.point(0)
        if k < 0:
            return -(self * -k)
        return _made(
            low=None if self.low is None else self.low * k,
            high=None if self.high is None else self.high * k,
            low_closed=self.low_closed,
            high_closed=self.high_closed,
        )

    __rmul__ = __mul__

    def times(self, other: Interval) -> Interval:
        """Every product of a number from each interval, both of non-negative numbers.

        Raises:
            ValueError: either interval holds a negative number.

        """
        _require_not_negative(self, other)
        if self.is_empty or other.is_empty:
            return EMPTY
        a, b = self, other
        if a.high == 0 or b.high == 0:  # not negative, not empty: the point zero
            return _ZERO
        assert a.low is not None  # noqa: S101 - not negative: bounded below
        assert b.low is not None  # noqa: S101
        zero_reached = (a.low == 0 and a.low_closed) or (b.low == 0 and b.low_closed)
        return _made(
            low=a.low * b.low,
            high=None if a.high is None or b.high is None else a.high * b.high,
            low_closed=(a.low_closed and b.low_closed) or zero_reached,
            high_closed=a.high_closed and b.high_closed,
        )

    def divided_by(self, other: Interval) -> Interval | None:
        """Every quotient of a number of this interval by one of *other*.

        Quotients are taken of non-negative numbers only: None when either interval holds a
        negative number or *other* holds zero.
        """
        if other.contains(0) or not _not_negative(self) or not _not_negative(other):
            return None
        if self.is_empty or other.is_empty:
            return EMPTY
        a, b = self, other
        assert a.low is not None  # noqa: S101 - not negative: bounded below
        assert b.low is not None  # noqa: S101
        if b.high is None:
            low, low_closed = Fraction(0), a.low == 0 and a.low_closed
        else:
            zero_reached = a.low == 0 and a.low_closed
            low, low_closed = a.low / b.high, (a.low_closed and b.high_closed) or zero_reached
        high = None if a.high is None or b.low == 0 else a.high / b.low
        high_closed = (a.high_closed and b.low_closed) or (a.high == 0 and a.high_closed)
        return _made(low=low, high=high, low_closed=low_closed, high_closed=high_closed)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle as plain integers (:func:`as_ends`): a Fraction pickles as text, slow to read."""
        return (from_ends, (as_ends(self),))

    def __str__(self) -> str:
        """Render in interval notation: ``[63, 65]``, ``(90, +∞)``, ``∅``."""
        if self.is_empty:
            return "∅"
        left = "[" if self.low_closed else "("
        right = "]" if self.high_closed else ")"
        low = "-∞" if self.low is None else _show(self.low)
        high = "+∞" if self.high is None else _show(self.high)
        return f"{left}{low}, {high}{right}"


EMPTY = Interval(low=0, high=0, low_closed=False, high_closed=False)
Interval.EMPTY = EMPTY
_ZERO = Interval.point(0)

_new_interval = object.__new__
_set = object.__setattr__


def _made(
    low: Fraction | None, high: Fraction | None, low_closed: bool, high_closed: bool
) -> Interval:
    """An interval from ends known to be exact and in order, brought to canonical form.

    What arithmetic on valid intervals gives: the converter and the order check of
    :class:`Interval`'s own constructor are skipped, which makes the rules' sums and
    products several times cheaper.
    """
    if low is not None and high is not None and low == high and not (low_closed and high_closed):
        return EMPTY
    made = _new_interval(Interval)
    _set(made, "low", low)
    _set(made, "high", high)
    _set(made, "low_closed", low_closed and low is not None)
    _set(made, "high_closed", high_closed and high is not None)
    return made


#: An interval as plain values, quick to pickle: the low end's numerator and denominator, the
#: high end's, and whether each end is closed; None for both integers of an unbounded end.
Ends = tuple[int | None, int | None, int | None, int | None, bool, bool]

_new_fraction = object.__new__


def _fraction(numerator: int, denominator: int) -> Fraction:
    """A Fraction from integers already in lowest terms, with a positive denominator.

    What ``Fraction._from_coprime_ints`` does on Python 3.12: the two slots set, without the
    type checks and the greatest common divisor of ``Fraction(numerator, denominator)``.
    Only for integers taken from a Fraction (:func:`as_ends`).
    """
    made = _new_fraction(Fraction)
    _set(made, "_numerator", numerator)
    _set(made, "_denominator", denominator)
    return made


def as_ends(interval: Interval) -> Ends:
    """*interval* as plain integers and flags (:data:`Ends`); :func:`from_ends` reads them."""
    low, high = interval.low, interval.high
    return (
        None if low is None else low.numerator,
        None if low is None else low.denominator,
        None if high is None else high.numerator,
        None if high is None else high.denominator,
        interval.low_closed,
        interval.high_closed,
    )


def from_ends(ends: Ends) -> Interval:
    """The interval :func:`as_ends` gave *ends* of."""
    low_numerator, low_denominator, high_numerator, high_denominator, low_closed, high_closed = ends
    low, high = _end(low_numerator, low_denominator), _end(high_numerator, high_denominator)
    return _made(low, high, low_closed, high_closed)


def _end(numerator: int | None, denominator: int | None) -> Fraction | None:
    if numerator is None or denominator is None:
        return None
    return _fraction(numerator, denominator)


def _not_negative(interval: Interval) -> bool:
    return interval.is_empty or (interval.low is not None and interval.low >= 0)


def _require_not_negative(*intervals: Interval) -> None:
    for interval in intervals:
        if not _not_negative(interval):
            raise ValueError(f"{interval} holds negative numbers: expected non-negative ones")


def _tighter_low(a: Interval, b: Interval) -> tuple[Fraction | None, bool]:
    if a.low is None:
        return b.low, b.low_closed
    if b.low is None or a.low > b.low:
        return a.low, a.low_closed
    if b.low > a.low:
        return b.low, b.low_closed
    return a.low, a.low_closed and b.low_closed


def _tighter_high(a: Interval, b: Interval) -> tuple[Fraction | None, bool]:
    if a.high is None:
        return b.high, b.high_closed
    if b.high is None or a.high < b.high:
        return a.high, a.high_closed
    if b.high < a.high:
        return b.high, b.high_closed
    return a.high, a.high_closed and b.high_closed
