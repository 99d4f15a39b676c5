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
    assert str(Interval.closed(Fraction(1, 3), 1)) == "[0.333333, 1]"


@given(intervals(), intervals())
def test_overlap_is_symmetric_and_matches_intersection(a, b):
    assert a.overlaps(b) == b.overlaps(a)
    common = a.intersection(b)
    assert (common is not None) == a.overlaps(b)


@given(intervals().filter(lambda i: not i.is_empty), exact, exact)
def test_sum_contains_sums_of_members(a, x, y):
    b = Interval.closed(min(x, y), max(x, y))
    if a.low is not None and a.low_closed:
        assert (a + b).contains(a.low + b.low)


@given(exact, exact, st.fractions(min_value=-5, max_value=5, max_denominator=10))
def test_scaling_keeps_members(x, y, k):
    lo, hi = min(x, y), max(x, y)
    assert (Interval.closed(lo, hi) * k).contains(lo * k)
    assert (Interval.closed(lo, hi) * k).contains(hi * k)
