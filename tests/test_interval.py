import pickle
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


@given(intervals(), intervals())
def test_overlap_is_symmetric_and_matches_intersection(a, b):
    assert a.overlaps(b) == b.overlaps(a)
    common = a.intersection(b)
    assert (not common.is_empty) == a.overlaps(b)


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


def members(interval):
    """A few numbers inside *interval* (its closed ends, points near open or missing ones)."""
    if interval.is_empty:
        return []
    lo, hi = interval.low, interval.high
    if lo is None and hi is None:
        return [Fraction(0), Fraction(-(10**7)), Fraction(10**7)]
    if lo is None:
        return [hi if interval.high_closed else hi - 1, hi - 10**7]
    if hi is None:
        return [lo if interval.low_closed else lo + 1, lo + 10**7]
    mid = (lo + hi) / 2
    found = [mid]
    if interval.low_closed:
        found.append(lo)
    else:
        found.append(lo + (mid - lo) / 1000)
    if interval.high_closed:
        found.append(hi)
    else:
        found.append(hi - (hi - mid) / 1000)
    return [x for x in found if interval.contains(x)]


@given(intervals())
def test_one_canonical_form(a):
    if a.low is None:
        assert not a.low_closed
    if a.high is None:
        assert not a.high_closed
    if a.is_empty:
        assert a == Interval.EMPTY


@given(intervals())
def test_empty_means_no_member(a):
    assert a.is_empty == (a == Interval.EMPTY)
    assert a.is_empty == (a.low is not None and a.low == a.high and not a.low_closed)


@given(intervals())
def test_pickled_and_back_is_equal_and_canonical(a):
    back = pickle.loads(pickle.dumps(a))  # noqa: S301 - our own bytes
    assert back == a
    assert (back is Interval.EMPTY) == a.is_empty
    assert all(type(end) is Fraction for end in (back.low, back.high) if end is not None)


@given(intervals())
def test_plain_ends_and_back_are_the_same_interval(a):
    from gunflow.model.interval import as_ends, from_ends

    ends = as_ends(a)
    assert all(type(n) in (int, bool, type(None)) for n in ends)
    back = from_ends(ends)
    assert back == a
    assert hash(back) == hash(a)
    assert (back is Interval.EMPTY) == a.is_empty
    for made, end in ((back.low, a.low), (back.high, a.high)):
        if end is not None:  # a Fraction in lowest terms, as Fraction() makes it
            assert type(made) is Fraction
            assert made == end
            assert (made.numerator, made.denominator) == (end.numerator, end.denominator)
            assert hash(made) == hash(Fraction(end.numerator, end.denominator))
            assert made + 1 == end + 1


@given(intervals(), intervals())
def test_results_of_arithmetic_are_what_the_constructor_makes(a, b):
    for result in (a + b, a - b, a.intersection(b), -a, a * 3):
        rebuilt = Interval(
            low=result.low,
            high=result.high,
            low_closed=result.low_closed,
            high_closed=result.high_closed,
        )
        assert result == rebuilt


def test_the_empty_interval_stays_empty():
    assert Interval(low=5, high=5, low_closed=False) + Interval.closed(1, 2) == Interval.EMPTY
    assert Interval.EMPTY * 3 == Interval.EMPTY
    assert -Interval.EMPTY == Interval.EMPTY
    assert Interval.EMPTY.times(Interval.closed(1, 2)) == Interval.EMPTY
    assert Interval(low=None, high=5) == Interval(low=None, high=5, low_closed=False)
    assert str(Interval.EMPTY) == "∅"
    assert not Interval.EMPTY.lies_above(Interval.closed(1, 2))
    assert not Interval.EMPTY.overlaps(Interval.EMPTY)


@given(intervals(), intervals())
def test_lies_above_is_sound_and_complete(a, b):
    # sound: when it says "above", no pair of members is in the other order
    if a.lies_above(b):
        assert all(x > y for x in members(a) for y in members(b))
    # complete: when it does not, some pair is (or one of them is empty)
    elif not (a.is_empty or b.is_empty):
        assert a.overlaps(b) or b.lies_above(a)
    assert a.lies_below(b) == b.lies_above(a)
    assert not (a.lies_above(b) and a.overlaps(b))


@given(intervals(), intervals())
def test_every_pair_is_above_below_or_overlapping(a, b):
    if not (a.is_empty or b.is_empty):
        assert [a.lies_above(b), a.lies_below(b), a.overlaps(b)].count(True) == 1


@given(intervals(), intervals())
def test_arithmetic_is_sound(a, b):
    for x in members(a):
        for y in members(b):
            assert (a + b).contains(x + y)
            assert (a - b).contains(x - y)
            assert a.intersection(b).contains(x) == b.contains(x)


@st.composite
def not_negative(draw):
    nums = st.fractions(min_value=0, max_value=10**4, max_denominator=100)
    a, b = sorted([draw(nums), draw(nums)])
    closed = draw(st.booleans()), draw(st.booleans())
    if a == b:
        closed = (True, True)
    return Interval(
        low=a, high=draw(st.none() | st.just(b)), low_closed=closed[0], high_closed=closed[1]
    )


@given(not_negative(), not_negative())
def test_products_and_quotients_are_sound(a, b):
    product = a.times(b)
    quotient = a.divided_by(b)
    assert (quotient is None) == b.contains(0)
    for x in members(a):
        for y in members(b):
            assert product.contains(x * y)
            if quotient is not None:
                assert quotient.contains(x / y)


def test_products_and_quotients_by_hand():
    # "about four times" [3.5, 4.5] of [1, 2]: [3.5, 9]
    assert Interval.closed(1, 2).times(Interval.closed(Fraction(7, 2), Fraction(9, 2))) == (
        Interval.closed(Fraction(7, 2), 9)
    )
    # 540 to 600 after a rise of more than 50 % (a multiple above 1.5): (0, 400)
    after = Interval.closed(540, 600)
    multiple = Interval(low=Fraction(3, 2), high=None, low_closed=False)
    assert after.divided_by(multiple) == Interval(
        low=0, high=400, low_closed=False, high_closed=False
    )
    assert after.divided_by(Interval.closed(0, 1)) is None
    with pytest.raises(ValueError, match="negative"):
        Interval.closed(-1, 1).times(Interval.closed(1, 2))
