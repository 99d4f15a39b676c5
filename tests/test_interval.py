from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gunflow import Interval

exact = st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=1000)


@st.composite
def intervals(draw):
    a, b = sorted([draw(exact), draw(exact)])
    return Interval(
        low=draw(st.none() | st.just(a)),
        high=draw(st.none() | st.just(b)),
        low_closed=draw(st.booleans()),
        high_closed=draw(st.booleans()),
    )


def test_shares_add_up_exactly():
    total = Interval.point(70) + Interval.point(17) + Interval.point(13)
    assert total == Interval.closed(100, 100)
    tenths = Interval.point(Decimal("0.1")) + Interval.point(Decimal("0.2"))
    assert tenths.low == Fraction(3, 10)


def test_rejects_floats_and_inverted_ends():
    with pytest.raises(TypeError):
        Interval.closed(0.1, 1)
    with pytest.raises(ValueError, match="below the low end"):
        Interval.closed(2, 1)


def test_open_and_closed_ends():
    more_than_90 = Interval(low=90, high=None, low_closed=False)
    assert not more_than_90.contains(90)
    assert more_than_90.contains(Decimal("90.01"))
    assert str(more_than_90) == "(90, +∞)"
    assert not Interval(low=0, high=5, high_closed=False).overlaps(Interval.closed(5, 6))
    assert Interval.closed(0, 5).overlaps(Interval.closed(5, 6))
    assert Interval(low=5, high=5, low_closed=False).is_empty


def test_arithmetic():
    a = Interval.closed(1, 2)
    assert a + Interval.closed(10, 20) == Interval.closed(11, 22)
    assert a - Interval.closed(10, 20) == Interval.closed(-19, -8)
    assert a * 3 == Interval.closed(3, 6)
    assert a * -1 == Interval.closed(-2, -1)
    assert str(Interval.closed(Fraction(1, 3), 1)) == "[≈0.333, 1]"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Fraction(1234), "[1,234, 1,234]"),
        (Fraction(139, 2), "[69.5, 69.5]"),
        (Fraction(9375, 8), "[1,171.875, 1,171.875]"),  # three places: in full
        (Fraction(1, 2000), "[0.0005, 0.0005]"),  # three significant digits lose nothing
        (Fraction(4500, 11), "[≈409, ≈409]"),  # 409.0909...: the whole part kept
        (Fraction(2, 3), "[≈0.667, ≈0.667]"),
        (Fraction(1, 3000), "[≈0.000333, ≈0.000333]"),
        (Fraction(5561, 80), "[≈69.5, ≈69.5]"),  # 69.5125: four places, rounded
        (Fraction(-5, 8), "[-0.625, -0.625]"),
    ],
)
def test_numbers_are_shown_for_people(value, shown):
    assert str(Interval.point(value)) == shown


@given(st.fractions(min_value=-(10**9), max_value=10**9, max_denominator=10**6))
def test_a_rounded_number_is_marked_and_near(value):
    shown = str(Interval.point(value))[1:].split(", ")[0]
    digits = shown.lstrip("≈-").replace(",", "")
    number = Fraction(Decimal(digits)) * (-1 if "-" in shown else 1)
    if not shown.startswith("≈"):
        assert number == value
        return
    whole, _, decimals = digits.partition(".")
    assert number != value
    assert abs(number - value) <= Fraction(1, 2 * 10 ** len(decimals))
    significant = (whole + decimals).lstrip("0")
    assert len(significant) <= max(3, len(whole.lstrip("0")))
