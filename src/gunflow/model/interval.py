"""Intervals of exact rational numbers: what a reported figure can mean."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

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


def _show(value: Fraction) -> str:
    if value.denominator == 1:
        return f"{value.numerator:,}"
    as_decimal = Decimal(value.numerator) / Decimal(value.denominator)
    if Fraction(as_decimal) == value:
        return f"{as_decimal.normalize():,f}"
    return f"{float(value):,.6g}"


@attrs.frozen(kw_only=True)
class Interval:
    """A set of numbers between *low* and *high*; ``None`` is an unbounded end.

    Ends are exact :class:`fractions.Fraction` values; each end is closed (included) or open.

    >>> a = Interval.closed(Decimal("69.5"), Decimal("70.5"))
    >>> str(a), a.contains(70), a.contains(71)
    ('[69.5, 70.5]', True, False)
    >>> str(Interval.closed(70, 70) + Interval.closed(17, 17) + Interval.closed(13, 13))
    '[100, 100]'

    .. versionadded:: 0.1.0
    """

    low: Fraction | None = attrs.field(converter=_exact)
    high: Fraction | None = attrs.field(converter=_exact)
    low_closed: bool = True
    high_closed: bool = True

    def __attrs_post_init__(self) -> None:
        """Reject an interval whose low end lies above its high end."""
        if self.low is not None and self.high is not None and self.low > self.high:
            raise InvalidField(
                "high", f"the high end {self.high} lies below the low end {self.low}"
            )

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
        return (
            self.low is not None
            and self.low == self.high
            and not (self.low_closed and self.high_closed)
        )

    def contains(self, value: Number) -> bool:
        """Whether *value* lies inside the interval."""
        x = _exact(value)
        assert x is not None  # noqa: S101 - _exact returns None only for None
        if self.low is not None and (x < self.low or (x == self.low and not self.low_closed)):
            return False
        return not (
            self.high is not None and (x > self.high or (x == self.high and not self.high_closed))
        )

    def intersection(self, other: Interval) -> Interval | None:
        """The numbers in both intervals, or None when there are none."""
        low, low_closed = _tighter_low(self, other)
        high, high_closed = _tighter_high(self, other)
        if low is not None and high is not None:
            if low > high:
                return None
            if low == high and not (low_closed and high_closed):
                return None
        return Interval(low=low, high=high, low_closed=low_closed, high_closed=high_closed)

    def overlaps(self, other: Interval) -> bool:
        """Whether some number lies in both intervals."""
        return self.intersection(other) is not None

    def __add__(self, other: Interval | Number) -> Interval:
        """Every sum of a number from each interval (a number is a point interval)."""
        o = other if isinstance(other, Interval) else Interval.point(other)
        return Interval(
            low=None if self.low is None or o.low is None else self.low + o.low,
            high=None if self.high is None or o.high is None else self.high + o.high,
            low_closed=self.low_closed and o.low_closed,
            high_closed=self.high_closed and o.high_closed,
        )

    def __neg__(self) -> Interval:
        """The interval reflected through zero."""
        return Interval(
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
        assert k is not None  # noqa: S101
        if k == 0:
            return Interval.point(0)
        if k < 0:
            return -(self * -k)
        return Interval(
            low=None if self.low is None else self.low * k,
            high=None if self.high is None else self.high * k,
            low_closed=self.low_closed,
            high_closed=self.high_closed,
        )

    __rmul__ = __mul__

    def __str__(self) -> str:
        """Render in interval notation: ``[63, 65]``, ``(90, +∞)``."""
        left = ("[" if self.low_closed else "(") if self.low is not None else "("
        right = ("]" if self.high_closed else ")") if self.high is not None else ")"
        low = "-∞" if self.low is None else _show(self.low)
        high = "+∞" if self.high is None else _show(self.high)
        return f"{left}{low}, {high}{right}"


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
