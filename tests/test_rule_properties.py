"""Every rule, as a property: a planted contradiction it must find, and a near miss it must not.

Each pair of tests draws figures that sit just past the edge of what the rule allows (planted)
or just inside it (near miss), so that a rule that errs on either side fails here. The edges
are worked out by hand in the comments: exact counts are read to the unit, [v - 0.5, v + 0.5].
"""

from fractions import Fraction
from itertools import pairwise

import attrs
from hypothesis import given
from hypothesis import strategies as st

import gunflow as gf
from gunflow.checks.corroboration import deepest
from tests.builders import dataset, measure, stat

#: The rules these properties cover; a rule added to the catalogue must be added here.
COVERED: set[str] = set()


def covers(rule):
    """Mark *rule* as covered by the properties that follow."""
    COVERED.add(rule)


def findings(ds, rule):
    return gf.check(ds, rules=[rule])


def test_every_rule_of_the_catalogue_has_properties_here():
    assert {rule.name for rule in gf.RULES} <= COVERED


counts = st.integers(min_value=10, max_value=10**6)


# 1. agreement: [v - 0.5, v + 0.5] and [w - 0.5, w + 0.5] meet exactly when |v - w| <= 1 ------

covers("agreement")
ONE = (measure("flow"),)


@given(counts, st.integers(min_value=2, max_value=10**4), st.sampled_from([1, -1]))
def test_agreement_finds_two_counts_that_cannot_meet(v, gap, sign):
    other = v - gap if sign < 0 and gap <= v else v + gap
    ds = dataset(*ONE, stat("a", "flow", v), stat("b", "flow", other, source="s2"))
    (error,) = findings(ds, "agreement").errors
    assert set(error.statistic_ids) == {"a", "b"}


@given(counts, st.integers(min_value=-1, max_value=1))
def test_agreement_leaves_counts_that_touch(v, gap):
    ds = dataset(*ONE, stat("a", "flow", v), stat("b", "flow", v + gap, source="s2"))
    assert not findings(ds, "agreement")


@given(counts)
def test_agreement_reads_open_ends(v):
    # "more than v" is (v, +inf): it cannot meet "up to v", [0, v]; "at least v" can, at v
    more = stat("a", "flow", v, hedge="more than")
    at_least = stat("a", "flow", v, hedge="at least")
    up_to = stat("b", "flow", v, hedge="up to", source="s2")
    assert findings(dataset(*ONE, more, up_to), "agreement").errors
    assert not findings(dataset(*ONE, at_least, up_to), "agreement")


# 2. partition: three exact parts sum to [S - 1.5, S + 1.5]; they meet a whole T exactly when
#    |S - T| <= 2. Three exact shares meet 100 exactly when |S - 100| <= 1.5. -----------------

covers("partition")
SPLIT = (
    measure("t", parts=("t.a", "t.b", "t.c")),
    measure("t.a", part_of="t"),
    measure("t.b", part_of="t"),
    measure("t.c", part_of="t"),
    measure("t.a.share", kind="share", unit="percent", numerator="t.a", denominator="t"),
    measure("t.b.share", kind="share", unit="percent", numerator="t.b", denominator="t"),
    measure("t.c.share", kind="share", unit="percent", numerator="t.c", denominator="t"),
)


def split(a, b, c, total):
    return dataset(
        *SPLIT,
        stat("a", "t.a", a),
        stat("b", "t.b", b),
        stat("c", "t.c", c),
        stat("total", "t", total, source="s2"),
    )


@given(counts, counts, counts, st.integers(min_value=3, max_value=30), st.booleans())
def test_partition_finds_parts_that_cannot_make_the_whole(a, b, c, gap, above):
    total = a + b + c + (gap if above else -gap)  # a, b, c >= 10: total stays positive
    (error,) = findings(split(a, b, c, total), "partition").errors
    assert "total" in error.statistic_ids


@given(counts, counts, counts, st.integers(min_value=-2, max_value=2))
def test_partition_leaves_parts_within_reach_of_the_whole(a, b, c, gap):
    assert not findings(split(a, b, c, a + b + c + gap), "partition")


def three_shares(a, b, c):
    return dataset(
        *SPLIT,
        stat("a", "t.a.share", a, unit="percent"),
        stat("b", "t.b.share", b, unit="percent"),
        stat("c", "t.c.share", c, unit="percent"),
    )


shares = st.integers(min_value=0, max_value=100).flatmap(
    lambda a: st.tuples(st.just(a), st.integers(min_value=0, max_value=100 - a))
)


@given(shares, st.integers(min_value=2, max_value=50))
def test_partition_finds_shares_that_cannot_make_100(ab, gap):
    a, b = ab
    c = 100 - a - b
    planted = c + gap if c + gap <= 100 else c - gap  # c > 50 >= gap when c + gap > 100
    assert findings(three_shares(a, b, planted), "partition").errors


@given(shares, st.integers(min_value=-1, max_value=1))
def test_partition_leaves_shares_within_reach_of_100(ab, gap):
    a, b = ab
    c = 100 - a - b + gap
    if 0 <= c <= 100:
        assert not findings(three_shares(a, b, c), "partition")


# 3. share_whole: s percent of W is [(s - 0.5)(W - 0.5), (s + 0.5)(W + 0.5)] / 100 --------------

covers("share_whole")


def share_of(s, whole, part):
    return dataset(
        *SPLIT,
        stat("share", "t.a.share", s, unit="percent"),
        stat("whole", "t", whole),
        stat("part", "t.a", part, source="s2"),
    )


percents = st.integers(min_value=1, max_value=99)
wholes = st.integers(min_value=100, max_value=10**6)


@given(percents, wholes, st.integers(min_value=0, max_value=10**4))
def test_share_whole_finds_a_part_above_its_share(s, whole, extra):
    high = (s + 0.5) * (whole + 0.5) / 100
    part = int(high + 0.5) + 1 + extra  # its low end, part - 0.5, lies above high
    (error,) = findings(share_of(s, whole, part), "share_whole").errors
    assert set(error.statistic_ids) == {"share", "whole", "part"}


@given(percents, wholes)
def test_share_whole_leaves_a_part_at_its_share(s, whole):
    assert not findings(share_of(s, whole, round(s * whole / 100)), "share_whole")


# 4. bound: along a chain of part_of of any length; a part exceeds W only from W + 2 on --------

covers("bound")


def chain(depth):
    return tuple(measure(f"m{i}", part_of=f"m{i - 1}" if i else None) for i in range(depth + 1))


@given(st.integers(min_value=1, max_value=4), counts, st.integers(min_value=2, max_value=10**4))
def test_bound_finds_a_part_above_any_ancestor(depth, whole, gap):
    ds = dataset(*chain(depth), stat("w", "m0", whole), stat("p", f"m{depth}", whole + gap))
    (error,) = findings(ds, "bound").errors
    assert error.statistic_ids == ("p", "w")


@given(st.integers(min_value=1, max_value=4), counts, st.integers(min_value=-10, max_value=1))
def test_bound_leaves_a_part_that_may_fit(depth, whole, gap):
    ds = dataset(*chain(depth), stat("w", "m0", whole), stat("p", f"m{depth}", whole + gap))
    assert not findings(ds, "bound")


@given(st.integers(min_value=1, max_value=12), counts, st.integers(min_value=2, max_value=10**4))
def test_bound_finds_a_flow_of_a_month_above_its_years_whole(month, whole, gap):
    inside = f"2019-{month:02d}"
    ds = dataset(
        *chain(1),
        stat("w", "m0", whole, period="2018/2019"),
        stat("p", "m1", whole + gap, period=inside),
    )
    assert findings(ds, "bound").errors
    outside = f"2017-{month:02d}"  # a month outside the whole's years is not bounded by it
    ds = dataset(
        *chain(1),
        stat("w", "m0", whole, period="2018/2019"),
        stat("p", "m1", whole + gap, period=outside),
    )
    assert not findings(ds, "bound")


# 5. time_additivity: k exact months tiling a year sum to [S - k/2, S + k/2]; they meet the
#    year's W exactly when |S - W| <= (k + 1) / 2 (each month at least 1, so that no reading
#    is cut at zero: a count of 0 is [0, 0.5]) ------------------------------------------------

covers("time_additivity")
months = st.lists(st.integers(min_value=1, max_value=10**5), min_size=12, max_size=12)


def year_and_months(values, whole):
    return dataset(
        *ONE,
        stat("year", "flow", whole, period="2019", source="s2"),
        *(stat(f"m{i}", "flow", v, period=f"2019-{i + 1:02d}") for i, v in enumerate(values)),
    )


@given(months, st.integers(min_value=7, max_value=10**4), st.booleans())
def test_time_additivity_finds_months_that_cannot_make_the_year(values, gap, above):
    whole = sum(values) + (gap if above else -gap)
    if whole >= 0:
        (error,) = findings(year_and_months(values, whole), "time_additivity").errors
        assert "year" in error.statistic_ids


@given(months, st.integers(min_value=-6, max_value=6))
def test_time_additivity_leaves_months_within_reach_of_the_year(values, gap):
    assert not findings(year_and_months(values, sum(values) + gap), "time_additivity").errors


@given(months, st.integers(min_value=0, max_value=10**4))
def test_time_additivity_leaves_months_that_do_not_cover_the_year_below_it(values, extra):
    # eleven months sum to no more than the year: nothing to say, whatever the twelfth holds
    eleven = values[:11]
    ds = dataset(
        *ONE,
        stat("year", "flow", sum(eleven) + extra, period="2019", source="s2"),
        *(stat(f"m{i}", "flow", v, period=f"2019-{i + 1:02d}") for i, v in enumerate(eleven)),
    )
    assert not findings(ds, "time_additivity")


# 6. cumulative: a running total "since" one start never falls; from v, a later figure of
#    v - 1 still touches it ([v - 1.5, v - 0.5] against [v - 0.5, v + 0.5]) ------------------

covers("cumulative")
runs = st.lists(st.integers(min_value=0, max_value=10**5), min_size=2, max_size=8)


def running(totals):
    return dataset(
        *ONE,
        *(
            stat(
                f"r{i}",
                "flow",
                v,
                period="2006-12/",
                as_of=str(2007 + i),
                source=("s1", "s2")[i % 2],
            )
            for i, v in enumerate(totals)
        ),
    )


@given(runs, st.data())
def test_cumulative_finds_a_running_total_that_falls(steps, data):
    totals = [sum(steps[: i + 1]) + 10 for i in range(len(steps))]
    at = data.draw(st.integers(min_value=1, max_value=len(totals) - 1))
    fall = data.draw(st.integers(min_value=2, max_value=totals[at - 1]))
    totals[at] = totals[at - 1] - fall
    errors = findings(running(totals), "cumulative").errors
    assert any(f"r{at}" in error.statistic_ids for error in errors)


@given(runs)
def test_cumulative_leaves_a_running_total_that_rises_or_dips_by_one(steps):
    totals = [sum(steps[: i + 1]) + 10 for i in range(len(steps))]
    # every other total one lower: never below the highest earlier one by more than 1
    dipped = [t - 1 if i % 2 else t for i, t in enumerate(totals)]
    assert not findings(running(totals), "cumulative")
    assert not findings(running(dipped), "cumulative")


# 7. relations: "x and y make z": [x + y - 1, x + y + 1] meets [z - 0.5, z + 0.5] iff
#    |x + y - z| <= 1.5 -----------------------------------------------------------------------

covers("relations")


def summed(x, y, z):
    return dataset(
        *ONE,
        stat("x", "flow", x),
        stat("y", "flow", y, period="2018"),
        stat("z", "flow", z, period=None),
        gf.Relation(
            id="x-and-y-make-z",
            kind="sum",
            left=("x", "y"),
            right=("z",),
            source="s1",
            quote="as the source says",
        ),
    )


@given(counts, counts, st.integers(min_value=2, max_value=10**4), st.booleans())
def test_relations_finds_a_sum_that_does_not_hold(x, y, gap, above):
    z = x + y - gap if not above and gap <= x + y else x + y + gap
    (error,) = findings(summed(x, y, z), "relations").errors
    assert error.relation is not None
    assert error.key.relations == {"x-and-y-make-z"}


@given(counts, counts, st.integers(min_value=-1, max_value=1))
def test_relations_leaves_a_sum_within_reach(x, y, gap):
    assert not findings(summed(x, y, x + y + gap), "relations")


# 8. change: before 100k, after k(100 + c), "up c percent": the multiple (100 + c) / 100 lies in
#    the stated [1 + (c - 0.5) / 100, 1 + (c + 0.5) / 100]; stated 5 points more, it cannot
#    (the counts' own rounding moves the multiple by less than 2 / 100k, at most 0.02) ---------

covers("change")
CHANGE = (
    measure("seized"),
    measure("seized.change", kind="change", unit="percent_change", change_of="seized"),
)


def rise(k, actual, stated):
    return dataset(
        *CHANGE,
        stat("before", "seized", 100 * k, period="2008"),
        stat("after", "seized", k * (100 + actual), period="2009"),
        stat(
            "rise",
            "seized.change",
            stated,
            unit="percent_change",
            period="2009",
            compared_with=gf.Period.parse("2008"),
        ),
    )


ks = st.integers(min_value=1, max_value=10**4)
rises = st.integers(min_value=0, max_value=500)


@given(ks, rises, st.integers(min_value=5, max_value=100), st.booleans())
def test_change_finds_a_rise_its_figures_deny(k, actual, gap, above):
    stated = actual + gap if above else actual - gap
    (error,) = findings(rise(k, actual, stated), "change").errors
    assert set(error.statistic_ids) == {"rise", "before", "after"}


@given(ks, rises)
def test_change_leaves_a_rise_its_figures_show(k, actual):
    assert not findings(rise(k, actual, actual), "change")


# 9. duration: m months are [28 (m - 0.5), 31 (m + 0.5)] days --------------------------------

covers("duration")
SPAN = (measure("span", kind="duration", unit="days"),)


def span(days, months):
    return dataset(
        *SPAN,
        stat("days", "span", days, unit="days"),
        stat("months", "span", months, unit="months", source="s2"),
    )


@given(st.integers(min_value=1, max_value=120), st.integers(min_value=1, max_value=10**3))
def test_duration_finds_days_beyond_any_month_length(m, extra):
    days = int(31 * (m + 0.5) + 0.5) + 1 + extra  # days - 0.5 lies past 31 (m + 0.5)
    (error,) = findings(span(days, m), "duration").errors
    assert set(error.statistic_ids) == {"days", "months"}


@given(st.integers(min_value=1, max_value=120), st.integers(min_value=28, max_value=31))
def test_duration_leaves_days_of_some_month_length(m, length):
    assert not findings(span(length * m, m), "duration")


# 10. chronology: the sources are dated 2020-12-31 ------------------------------------------

covers("chronology")


def reported(year, status="occurred"):
    return gf.Event(
        id="e",
        kind="meeting",
        title="A meeting",
        when=gf.Period.parse(str(year)),
        status=status,
        evidence=(gf.Evidence(source="s1", quote="they met"),),
    )


@given(st.integers(min_value=2021, max_value=2100))
def test_chronology_finds_what_a_source_could_not_know(year):
    (error,) = findings(dataset(*ONE, stat("a", "flow", 5, period=str(year))), "chronology")
    assert error.statistic_ids == ("a",)
    (error,) = findings(dataset(reported(year)), "chronology")
    assert error.key == gf.FindingKey(rule="chronology", events=("e",))


@given(st.integers(min_value=1900, max_value=2020), st.integers(min_value=2021, max_value=2100))
def test_chronology_leaves_what_a_source_could_know_or_plans(year, later):
    assert not findings(dataset(*ONE, stat("a", "flow", 5, period=str(year))), "chronology")
    assert not findings(dataset(reported(year)), "chronology")
    assert not findings(dataset(reported(later, "planned")), "chronology")
    target = stat("a", "flow", 5, period=str(later), basis="target")
    assert not findings(dataset(*ONE, target), "chronology")


# 11. denominator: one warning per pair of look-alike measures with figures -----------------

covers("denominator")


def look_alikes(n, family=lambda i: "origin"):
    ms = [measure(f"s{i}.share", kind="share", unit="percent", family=family(i)) for i in range(n)]
    figures = [stat(f"x{i}", f"s{i}.share", 90, unit="percent") for i in range(n)]
    return dataset(*ms, *figures)


@given(st.integers(min_value=2, max_value=6))
def test_denominator_warns_for_every_pair_of_look_alikes(n):
    warnings = findings(look_alikes(n), "denominator").warnings
    assert len(warnings) == n * (n - 1) // 2
    assert len({w.key for w in warnings}) == len(warnings)


@given(st.integers(min_value=1, max_value=6))
def test_denominator_leaves_measures_of_different_families(n):
    assert not findings(look_alikes(n, family=lambda i: f"f{i}"), "denominator")


# 12. corroboration: once per group, from independent sources only ------------------------------

covers("corroboration")


@given(counts, st.integers(min_value=2, max_value=50), st.integers(min_value=-1, max_value=1))
def test_corroboration_finds_independent_sources_that_agree(v, n, jitter):
    figures = [
        stat(f"f{i}", "flow", v + (jitter if i % 2 else 0), source=("s1", "s2")[i % 2])
        for i in range(n)
    ]
    (info,) = findings(dataset(*ONE, *figures), "corroboration")
    assert len(info.statistics) == n


@given(counts, st.integers(min_value=2, max_value=50))
def test_corroboration_leaves_editions_of_one_source(v, n):
    figures = [stat(f"f{i}", "flow", v, source=("s2", "s2-web")[i % 2]) for i in range(n)]
    assert not findings(dataset(*ONE, *figures), "corroboration")


@given(counts, st.integers(min_value=2, max_value=10**4))
def test_corroboration_leaves_figures_that_disagree(v, gap):
    figures = [stat("a", "flow", v), stat("b", "flow", v + gap, source="s2")]
    assert not findings(dataset(*ONE, *figures), "corroboration")


# 13. integrity: every id a record names exists --------------------------------------------

covers("integrity")


@given(st.sampled_from(["source", "measure"]), st.text("abcdefgh", min_size=1, max_size=8))
def test_integrity_finds_a_reference_to_nothing(field, missing):
    built = dataset(*ONE, stat("a", "flow", 5))
    broken = attrs.evolve(built.statistics[0], **{field: f"no-{missing}"})
    ds = attrs.evolve(built, statistics=gf.Collection([broken], "statistic"))
    (error,) = findings(ds, "integrity").errors
    assert error.statistic_ids == ("a",)
    assert f"no-{missing}" in error.message


@given(counts)
def test_integrity_leaves_a_dataset_whose_references_resolve(v):
    assert not findings(dataset(*ONE, stat("a", "flow", v)), "integrity")


# 14. revision: one originator's figure, released again, changed -----------------------------

covers("revision")
AGENCY = gf.Agency(id="ag", name="An agency", kind="law_enforcement", country="US")


def releases(first, second):
    return dataset(
        *ONE,
        AGENCY,
        stat("first", "flow", first, as_of="2019-06", attributed_to=("ag",)),
        stat("second", "flow", second, as_of="2020-06", source="s2", attributed_to=("ag",)),
    )


@given(counts, st.integers(min_value=1, max_value=10**4))
def test_revision_finds_a_changed_release(v, change):
    (warning,) = findings(releases(v, v + change), "revision")
    assert warning.statistic_ids == ("first", "second")


@given(counts)
def test_revision_leaves_a_release_repeated_unchanged(v):
    assert not findings(releases(v, v), "revision")


ends = st.one_of(st.none(), st.integers(min_value=0, max_value=20))


@st.composite
def ranges(draw):
    low, high = draw(ends), draw(ends)
    if low is not None and high is not None and low > high:
        low, high = high, low
    low_closed = low is not None and draw(st.booleans())  # an unbounded end is open
    high_closed = high is not None and draw(st.booleans())
    return gf.Interval(low=low, high=high, low_closed=low_closed, high_closed=high_closed)


@given(st.lists(st.tuples(ranges(), st.sampled_from("abcd")), min_size=1, max_size=12))
def test_corroboration_sweep_finds_the_value_most_voices_share_finds_the_value_most_voices_share(
    drawn,
):
    intervals = [i for i, _ in drawn]
    voices = [v for _, v in drawn]
    # by brute force: every end, and every point halfway between ends or past them
    points = sorted({Fraction(e) for i in intervals for e in (i.low, i.high) if e is not None})
    candidates = [*points, *((a + b) / 2 for a, b in pairwise(points))]
    candidates += [points[0] - 1, points[-1] + 1] if points else [Fraction(0)]

    def voices_at(x):
        return {
            v for i, v in zip(intervals, voices, strict=True) if not i.is_empty and i.contains(x)
        }

    most = max(len(voices_at(x)) for x in candidates)
    members = deepest(intervals, voices)
    if most == 0:
        assert members == []
        return
    shared = intervals[members[0]]
    for m in members[1:]:  # the members share a value ...
        shared = shared.intersection(intervals[m])
        assert not shared.is_empty
    assert len({voices[m] for m in members}) == most  # ... which the most voices allow


# nested_periods: a flow's count for a sub-period never exceeds the count for a period that
#    contains it. Exact counts: v over the month, w over the year; [v - 0.5, v + 0.5] lies above
#    [w - 0.5, w + 0.5] exactly when v - w >= 2 ------------------------------------------------

covers("nested_periods")


def month_in_year(month, v, w):
    return dataset(
        *ONE,
        stat("month", "flow", v, period=f"2019-{month:02d}"),
        stat("year", "flow", w, period="2019", source="s2"),
    )


@given(st.integers(min_value=1, max_value=12), counts, st.integers(min_value=2, max_value=10**4))
def test_nested_periods_finds_a_month_above_its_year(month, w, gap):
    (error,) = findings(month_in_year(month, w + gap, w), "nested_periods").errors
    assert error.statistic_ids == ("month", "year")


@given(st.integers(min_value=1, max_value=12), counts, st.integers(min_value=-(10**4), max_value=1))
def test_nested_periods_leaves_a_month_that_may_fit(month, w, gap):
    assert not findings(month_in_year(month, max(w + gap, 0), w), "nested_periods")


@given(counts, st.integers(min_value=2, max_value=10**4))
def test_nested_periods_leaves_a_period_that_may_reach_outside(w, gap):
    # "since 2018-12, as of 2019" may end on 2019-12-31 but starts before 2019: not inside it
    ds = dataset(
        *ONE,
        stat("open", "flow", w + gap, period="2018-12/", as_of="2019"),
        stat("year", "flow", w, period="2019", source="s2"),
    )
    assert not findings(ds, "nested_periods")


# nested_denominator: share of the wider whole (submitted) never above the share of the
#    narrower (traced), same numerator. Exact percents: [p - 0.5, p + 0.5]; wide lies above
#    narrow exactly when p_wide - p_narrow >= 2 ------------------------------------------------

covers("nested_denominator")
NESTED_SHARES = (
    measure("submitted"),
    measure("traced", part_of="submitted"),
    measure("us", part_of="traced"),
    measure("us.of_traced", kind="share", unit="percent", numerator="us", denominator="traced"),
    measure(
        "us.of_submitted", kind="share", unit="percent", numerator="us", denominator="submitted"
    ),
)
percent_values = st.integers(min_value=0, max_value=100)


def shares_of(narrow, wide):
    return dataset(
        *NESTED_SHARES,
        stat("narrow", "us.of_traced", narrow, unit="percent"),
        stat("wide", "us.of_submitted", wide, unit="percent", source="s2"),
    )


@given(percent_values, st.integers(min_value=2, max_value=100))
def test_nested_denominator_finds_a_wider_share_above_the_narrower(narrow, gap):
    wide = min(narrow + gap, 100)
    if wide - narrow < 2:
        narrow, wide = 98, 100
    (error,) = findings(shares_of(narrow, wide), "nested_denominator").errors
    assert set(error.statistic_ids) == {"narrow", "wide"}


@given(percent_values, st.integers(min_value=-100, max_value=1))
def test_nested_denominator_leaves_a_wider_share_that_may_be_lower(narrow, gap):
    wide = min(max(narrow + gap, 0), 100)
    assert not findings(shares_of(narrow, wide), "nested_denominator")


# 17. derived: a figure derived correctly never errs (the property is in test_derived.py) ----

covers("derived")
