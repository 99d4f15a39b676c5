"""The interval semantics of DESIGN.md, each worked example checked by hand."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gunflow import DEFAULT_TOLERANCE, Hedge, Interval, Quantity, Tolerance, Unit
from gunflow.strategies import quantities


def q(value, unit="count", hedge="exact", **kw):
    return Quantity(value=value, unit=unit, hedge=hedge, **kw)


@pytest.mark.parametrize(
    ("value", "unit", "resolution"),
    [
        (2500, "count", 100),
        (73684, "count", 1),
        (70, "percent", 1),
        ("12.5", "percent", "0.1"),
        (5_900_000, "usd", 100_000),
        (120, "days", 10),
        (4, "times", 1),
        (0, "count", 1),
    ],
)
def test_resolution_is_the_last_significant_digit(value, unit, resolution):
    assert DEFAULT_TOLERANCE.resolution(q(value, unit)) == Fraction(Decimal(str(resolution)))


def test_the_data_can_set_the_resolution():
    assert q(100, resolution=1).bounds() == Interval.closed(Fraction(199, 2), Fraction(201, 2))


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        # exact: value ± half the resolution
        (q(70, "percent"), Interval.closed(Fraction("69.5"), Fraction("70.5"))),
        (q(2500), Interval.closed(2450, 2550)),
        # about: ± min(resolution, 10 % of the value)
        (q(64, "percent", "about"), Interval.closed(63, 65)),
        (q(2000, "count", "about"), Interval.closed(1800, 2200)),
        # nearly: [value - min(resolution, 10 %), value]
        (q(70000, "count", "nearly"), Interval.closed(63000, 70000)),
        (q(105000, "count", "nearly"), Interval.closed(104000, 105000)),
        # open-ended hedges
        (q(90, "percent", "more than"), Interval(low=90, high=100, low_closed=False)),
        (q(5400, "count", "more than"), Interval(low=5400, high=None, low_closed=False)),
        (q(3, "count", "at least"), Interval(low=3, high=None)),
        (q(50, "count", "up to"), Interval.closed(0, 50)),
        (q(50, "count", "less than"), Interval(low=0, high=50, high_closed=False)),
    ],
)
def test_design_examples(quantity, expected):
    assert quantity.bounds() == expected


def test_caps_hold_for_shares_and_counts():
    assert q(100, "percent", "about").bounds() == Interval.closed(99, 100)
    assert q(0, "count", "about").bounds() == Interval.closed(0, 0)
    # 10 % of 5 is 0.5, narrower than the resolution 1: [-5.5, -4.5], below zero
    assert q(-5, "percent_change", "about").bounds() == Interval.closed(
        Fraction("-5.5"), Fraction("-4.5")
    )


def test_a_replaced_tolerance_changes_the_reading():
    loose = Tolerance(about=Fraction(1, 5), nearly=Fraction(1, 2))
    assert q(2000, "count", "about").bounds(loose) == Interval.closed(1600, 2400)
    # nearly is still capped by the resolution
    assert q(70000, "count", "nearly").bounds(loose) == Interval.closed(60000, 70000)


def test_values_a_unit_cannot_hold_are_rejected():
    with pytest.raises(ValueError, match="cannot exceed 100 percent"):
        q(101, "percent")
    with pytest.raises(ValueError, match="cannot be negative"):
        q(-1, "count")
    with pytest.raises(ValueError, match="not a finite number"):
        q("NaN")
    with pytest.raises(ValueError, match="not a number"):
        q(True)
    with pytest.raises(ValueError, match="resolution"):
        q(1, resolution=0)


@given(quantities())
def test_an_exact_value_lies_within_its_own_bounds(quantity):
    exact = Quantity(value=quantity.value, unit=quantity.unit, resolution=quantity.resolution)
    assert exact.bounds().contains(exact.value)


@given(quantities())
def test_about_contains_exact(quantity):
    exact = Quantity(value=quantity.value, unit=quantity.unit, resolution=quantity.resolution)
    about = Quantity(
        value=quantity.value, unit=quantity.unit, hedge=Hedge.ABOUT, resolution=quantity.resolution
    )
    e, a = exact.bounds(), about.bounds()
    # "about x" reaches at least as far as rounding does, unless 10 % of x is narrower
    if min(DEFAULT_TOLERANCE.resolution(exact), abs(exact.value) / 10) >= (
        DEFAULT_TOLERANCE.resolution(exact) / 2
    ):
        assert a.contains(e.low)
        assert a.contains(e.high)


@given(quantities())
def test_caps_hold(quantity):
    bounds = quantity.bounds()
    if quantity.unit is not Unit.PERCENT_CHANGE:
        assert bounds.low is not None
        assert bounds.low >= 0
    if quantity.unit is Unit.PERCENT:
        assert bounds.high is not None
        assert bounds.high <= 100


@given(quantities(), st.sampled_from([Hedge.NEARLY, Hedge.UP_TO, Hedge.LESS_THAN]))
def test_hedges_below_never_exceed_the_value(quantity, hedge):
    hedged = Quantity(value=quantity.value, unit=quantity.unit, hedge=hedge)
    assert hedged.bounds().high == Fraction(quantity.value)


def test_about_is_narrower_than_exact_for_round_numbers():
    # The design's rule reads an unhedged "2,000" to its last significant digit (± 500), wider
    # than "about 2,000" (± 10 %); "about x" contains exact x only where 10 % of x reaches half
    # the resolution. Documented in docs/intervals.md.
    assert q(2000).bounds() == Interval.closed(1500, 2500)
    assert q(2000, hedge="about").bounds() == Interval.closed(1800, 2200)
