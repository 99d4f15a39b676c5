"""The interval semantics of DESIGN.md, each worked example checked by hand."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given
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
        # about: ± d, d = max(half the resolution, min(resolution, 10 % of the value))
        (q(64, "percent", "about"), Interval.closed(63, 65)),
        (q(2000, "count", "about"), Interval.closed(1500, 2500)),
        (q(7000, "count", "about"), Interval.closed(6300, 7700)),
        # nearly: from d below the value up to the value
        (q(600, "count", "nearly"), Interval.closed(540, 600)),
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
    # exact 0 is [-0.5, 0.5], capped to [0, 0.5]; "about 0" allows no less
    assert q(0, "count", "about").bounds() == Interval.closed(0, Fraction(1, 2))
    # 10 % of 5 is 0.5, narrower than the resolution 1: [-5.5, -4.5], below zero
    assert q(-5, "percent_change", "about").bounds() == Interval.closed(
        Fraction("-5.5"), Fraction("-4.5")
    )


def test_a_replaced_tolerance_changes_the_reading():
    loose = Tolerance(about=Fraction(3, 10), nearly=Fraction(1, 2))
    # ± max(500, min(1,000, 600)) = 600
    assert q(2000, "count", "about").bounds(loose) == Interval.closed(1400, 2600)
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
    assume(quantity.value is not None)
    exact = Quantity(value=quantity.value, unit=quantity.unit, resolution=quantity.resolution)
    assert exact.bounds().contains(exact.value)


@given(quantities())
def test_about_contains_exact(quantity):
    assume(quantity.value is not None)
    exact = Quantity(value=quantity.value, unit=quantity.unit, resolution=quantity.resolution)
    about = Quantity(
        value=quantity.value, unit=quantity.unit, hedge=Hedge.ABOUT, resolution=quantity.resolution
    )
    nearly = Quantity(
        value=quantity.value, unit=quantity.unit, hedge=Hedge.NEARLY, resolution=quantity.resolution
    )
    e, a, n = exact.bounds(), about.bounds(), nearly.bounds()
    # adding a hedge never makes a claim stricter: "about x" holds all of plain x, and
    # "nearly x" reaches at least as far below x as plain x does
    assert e.intersection(a) == e
    assert n.low is not None
    assert e.low is not None
    assert n.low <= e.low


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
    assume(quantity.value is not None)
    try:
        hedged = Quantity(value=quantity.value, unit=quantity.unit, hedge=hedge)
    except ValueError:  # "less than 0" of a count leaves no value: refused, tested below
        assume(False)
        return
    assert hedged.bounds().high == Fraction(quantity.value)


def test_about_is_never_narrower_than_exact():
    # An unhedged "2,000" is read to its last significant digit (± 500); "about 2,000" allows
    # at least as much, never less.
    assert q(2000).bounds() == Interval.closed(1500, 2500)
    assert q(2000, hedge="about").bounds() == Interval.closed(1500, 2500)


def test_a_hedge_that_leaves_no_value_is_refused():
    with pytest.raises(ValueError, match="no possible value"):
        q(100, "percent", "more than")
    with pytest.raises(ValueError, match="no possible value"):
        q(0, "count", "less than")
    assert q(0, "percent_change", "less than").bounds() == Interval(
        low=None, high=0, high_closed=False
    )


_EDGES = st.sampled_from([Decimal(0), Decimal(100), Decimal("99.5"), Decimal("0.5"), Decimal(-3)])


@given(
    value=_EDGES | st.decimals(min_value=-200, max_value=200, places=2),
    unit=st.sampled_from(Unit),
    hedge=st.sampled_from(Hedge),
    resolution=st.none() | st.sampled_from([Decimal("0.1"), Decimal(1), Decimal(10)]),
    span=st.none() | st.tuples(_EDGES, _EDGES),
)
def test_every_quantity_made_allows_some_value(value, unit, hedge, resolution, span):
    # The emptiness check runs only for "more than" and "less than": any other reading holds
    # the value (or a stated range's low end). A quantity that is made must never read as
    # empty, edges included ("at least 100 percent", "up to 0", "nearly 0.5").
    low, high = span if span is not None else (None, None)
    try:
        made = Quantity(
            value=value, unit=unit, hedge=hedge, resolution=resolution, low=low, high=high
        )
    except ValueError:
        return
    assert not made.bounds().is_empty


def test_written_decimals_keep_their_zeros():
    # "70.0 percent" is read to the tenth, "70 percent" to the unit
    assert q(Decimal("70.0"), "percent").bounds() == Interval.closed(
        Fraction("69.95"), Fraction("70.05")
    )
    assert q(70, "percent").bounds() == Interval.closed(Fraction("69.5"), Fraction("70.5"))


def test_a_stated_range_is_the_closed_interval_it_states():
    r = Quantity(low=106700, high=426729, unit=Unit.COUNT, written="between 106,700 and 426,729")
    assert r.bounds() == Interval.closed(106700, 426729)
    assert r.value is None
    assert r.is_range
    point = Quantity(value=212887, low=89816, high=359205, unit=Unit.COUNT)
    assert point.bounds() == Interval.closed(89816, 359205)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"low": 5}, "both its low and its high"),
        ({"low": 5, "high": 4}, "below its start"),
        ({"value": 9, "low": 1, "high": 5}, "outside the stated range"),
        ({"low": 1, "high": 5, "hedge": "about"}, "replaces the hedge"),
        ({}, "needs a value"),
        ({"low": 1, "high": 101, "unit": "percent"}, "cannot exceed 100"),
    ],
)
def test_a_stated_range_must_make_sense(fields, message):
    with pytest.raises(ValueError, match=message):
        Quantity(**{"unit": "count", **fields})


@given(quantities())
def test_a_stated_range_is_read_as_stated(quantity):
    if quantity.is_range:
        assert quantity.bounds() == Interval.closed(quantity.low, quantity.high)
        if quantity.value is not None:
            assert quantity.bounds().contains(quantity.value)
