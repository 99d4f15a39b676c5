"""The counterexamples that showed the checks unsound, each now a test."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gunflow as gf
from tests.builders import dataset, measure, run, stat

FLOW = measure("flow")
STAFF = measure("staff", kind="stock")


# False errors ----------------------------------------------------------------------------------


def test_undated_figures_are_never_grouped_as_one_period():
    ds = dataset(
        STAFF,
        stat("a", "staff", 100, period=None, as_of=None),
        stat("b", "staff", 250, period=None, as_of=None, source="s2"),
    )
    assert not run(ds, "agreement")


def test_as_of_a_year_is_not_one_day_of_it():
    # "as of 2009" may be any day of 2009: neither grouped with 2009-01-01 nor with 2009-12-31
    for day in ("2009-01-01", "2009-12-31"):
        ds = dataset(
            STAFF,
            stat("a", "staff", 100, period=None, as_of="2009"),
            stat("b", "staff", 250, period=None, as_of=day, source="s2"),
        )
        assert not run(ds, "agreement")
    same_day = dataset(
        STAFF,
        stat("a", "staff", 100, period=None, as_of="2009-03-02"),
        stat("b", "staff", 250, period=None, as_of="2009-03-02", source="s2"),
    )
    assert run(same_day, "agreement").errors


def test_a_running_count_with_no_period_is_not_a_count_of_its_as_of_year():
    ds = dataset(
        measure("whole"),
        measure("part", part_of="whole"),
        stat("p", "part", 500, period=None, as_of="2009"),
        stat("w", "whole", 100, period="2009", source="s2"),
    )
    assert not run(ds, "bound")


def test_an_open_period_ends_on_some_day_of_its_as_of_date():
    days = gf.Period.parse("2006-12/").coverage(gf.PartialDate.parse("2010"))
    assert [str(d) for d in days.ends] == ["2010-01-01", "2010-12-31"]
    assert not days.is_exact


def test_more_than_100_percent_is_refused():
    with pytest.raises(ValueError, match="no possible value"):
        gf.Quantity(value=100, unit="percent", hedge="more than")


# Missed contradictions -------------------------------------------------------------------------


def test_cumulative_compares_with_every_certainly_earlier_figure():
    ds = dataset(
        FLOW,
        stat("a", "flow", 512, period="2006-12/", as_of="2009-03"),
        stat("b", "flow", 1000, period="2006-12/", as_of="2009", source="s2"),
        stat("c", "flow", 398, period="2006-12/", as_of="2009-12", source="s2"),
    )
    (error,) = run(ds, "cumulative").errors
    assert set(error.statistic_ids) == {"a", "c"}
    # b is not certainly earlier or later than either: it may be any day of 2009
    assert not run(ds, "time_additivity")


def test_time_additivity_finds_the_best_choice_of_sub_periods():
    ds = dataset(
        FLOW,
        stat("whole", "flow", 100, period="2007/2010"),
        stat("a", "flow", 10, period="2007-01/2007-03", source="s2"),
        stat("b", "flow", 60, period="2007-02/2007-12", source="s2"),
        stat("c", "flow", 60, period="2008", source="s2"),
    )
    (error,) = run(ds, "time_additivity").errors
    assert set(error.statistic_ids) == {"b", "c", "whole"}  # 60 + 60 = 120 > 100


def test_time_additivity_finds_a_tiling_that_falls_short():
    ds = dataset(
        FLOW,
        stat("whole", "flow", 100, period="2007/2008"),
        stat("y1", "flow", 10, period="2007", source="s2"),
        stat("y2", "flow", 10, period="2008", source="s2"),
        stat("y2-again", "flow", 80, period="2008", source="s1"),
    )
    (error,) = run(ds, "time_additivity").errors
    assert set(error.statistic_ids) == {"y1", "y2", "whole"}  # 10 + 10 cannot be 100


def test_partition_and_bound_read_open_ends_alike():
    # "more than 100" against "up to 100": (100, +inf) lies above [0, 100]
    split = (
        measure("t", parts=("t.a", "t.b", "t.c")),
        measure("t.a", part_of="t"),
        measure("t.b", part_of="t"),
        measure("t.c", part_of="t"),
    )
    total = stat("total", "t", 100, hedge="up to", source="s2")
    one = dataset(*split, stat("a", "t.a", 100, hedge="more than"), total)
    assert run(one, "bound").errors
    # two of three parts: (60, +inf) + [40, +inf) = (100, +inf) already exceeds [0, 100]
    two = dataset(
        *split,
        stat("a", "t.a", 60, hedge="more than"),
        stat("b", "t.b", 40, hedge="at least"),
        total,
    )
    assert run(two, "partition").errors
    near = dataset(
        *split,
        stat("a", "t.a", 60, hedge="at least"),
        stat("b", "t.b", 40, hedge="at least"),
        total,
    )
    assert not run(near, "partition")


def test_a_falling_running_total_is_reported_once():
    ds = dataset(
        FLOW,
        stat("early", "flow", 500, period="2006-12/", as_of="2008"),
        stat("late", "flow", 300, period="2006-12/", as_of="2010", source="s2"),
    )
    report = gf.check(ds)
    assert [f.rule for f in report.errors] == ["cumulative"]


# The fast paths agree with brute force ------------------------------------------------------


figures = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=30),
        st.sampled_from(["exact", "about", "more than", "at least", "up to", "less than"]),
    ),
    min_size=2,
    max_size=12,
)


@given(figures)
def test_agreement_finds_exactly_the_pairs_that_cannot_meet(drawn):
    stats = [
        stat(f"f{i}", "flow", v, hedge=h, source=("s1", "s2")[i % 2])
        for i, (v, h) in enumerate(drawn)
        if not (v == 0 and h == "less than")
    ]
    ds = dataset(FLOW, *stats)
    found = {frozenset(f.statistic_ids) for f in run(ds, "agreement").errors}
    bounds = {s.id: s.quantity.bounds() for s in stats}
    expected = {
        frozenset({a.id, b.id})
        for i, a in enumerate(stats)
        for b in stats[i + 1 :]
        if not bounds[a.id].overlaps(bounds[b.id])
    }
    assert found == expected


@given(st.lists(st.integers(min_value=0, max_value=1000), min_size=2, max_size=10))
def test_cumulative_finds_a_fall_wherever_one_is(totals):
    stats = [
        stat(f"r{i}", "flow", v, period="2006-12/", as_of=str(2007 + i), source=("s1", "s2")[i % 2])
        for i, v in enumerate(totals)
    ]
    found = bool(run(dataset(FLOW, *stats), "cumulative").errors)
    # by brute force: some earlier total lies above some later one ([v - 0.5, v + 0.5] each)
    falls = any(
        totals[i] - totals[j] >= 2 for i in range(len(totals)) for j in range(i + 1, len(totals))
    )
    assert found == falls


def test_one_part_above_its_whole_is_reported_once_by_bound():
    ds = dataset(
        measure("t", parts=("t.a", "t.b")),
        measure("t.a", part_of="t"),
        measure("t.b", part_of="t"),
        stat("a", "t.a", 120),
        stat("total", "t", 100, source="s2"),
    )
    assert [f.rule for f in gf.check(ds).errors] == ["bound"]


def test_time_additivity_reads_open_ends():
    # (50, +inf) + [50, +inf) = (100, +inf) lies above "up to 100", [0, 100]
    whole = stat("whole", "flow", 100, hedge="up to", period="2007/2008")
    ds = dataset(
        FLOW,
        whole,
        stat("a", "flow", 50, hedge="more than", period="2007", source="s2"),
        stat("b", "flow", 50, hedge="at least", period="2008", source="s2"),
    )
    assert run(ds, "time_additivity").errors
    near = dataset(
        FLOW,
        whole,
        stat("a", "flow", 50, hedge="at least", period="2007", source="s2"),
        stat("b", "flow", 50, hedge="at least", period="2008", source="s2"),
    )
    assert not run(near, "time_additivity")
