"""Each rule: a case that must fire, and a near miss that must not."""

import json
from fractions import Fraction

import pytest

import gunflow as gf
from tests.builders import dataset, measure, run, stat

SHARE = measure("guns.share", kind="share", unit="percent")


# 1. agreement -------------------------------------------------------------------------------


def test_agreement_more_than_80_and_about_76_conflict_in_one_period():
    ds = dataset(
        SHARE,
        stat("a", "guns.share", 80, unit="percent", hedge="more than"),
        stat("b", "guns.share", 76, unit="percent", hedge="about", source="s2"),
    )
    (finding,) = run(ds, "agreement")
    assert finding.severity is gf.Severity.ERROR
    assert finding.statistic_ids == ("a", "b")
    assert "do not meet" in finding.message
    assert "Alpha, 2020: more than 80 percent (80, 100]" in finding.message


def test_agreement_different_periods_do_not_conflict():
    ds = dataset(
        SHARE,
        stat("a", "guns.share", 80, unit="percent", hedge="more than", period="2019"),
        stat("b", "guns.share", 76, unit="percent", hedge="about", period="2018", source="s2"),
    )
    assert not run(ds, "agreement")


def test_agreement_overlapping_ranges_agree():
    ds = dataset(
        SHARE,
        stat("a", "guns.share", 80, unit="percent", hedge="more than"),
        stat("b", "guns.share", 81, unit="percent", hedge="about", source="s2"),
    )
    assert not run(ds, "agreement")


# 2. partition --------------------------------------------------------------------------------

PARTS = (
    measure("t", parts=("t.us", "t.other", "t.none")),
    measure("t.us", part_of="t"),
    measure("t.other", part_of="t"),
    measure("t.none", part_of="t"),
    measure("t.us.share", kind="share", unit="percent", numerator="t.us", denominator="t"),
    measure("t.other.share", kind="share", unit="percent", numerator="t.other", denominator="t"),
    measure("t.none.share", kind="share", unit="percent", numerator="t.none", denominator="t"),
)


def shares(us, other, none):
    return (
        stat("us", "t.us.share", us, unit="percent"),
        stat("other", "t.other.share", other, unit="percent"),
        stat("none", "t.none.share", none, unit="percent"),
    )


def test_partition_shares_70_17_13_add_up():
    assert not run(dataset(*PARTS, *shares(70, 17, 13)), "partition")


def test_partition_shares_70_17_18_do_not():
    (finding,) = run(dataset(*PARTS, *shares(70, 17, 18)), "partition")
    assert finding.severity is gf.Severity.ERROR
    assert set(finding.statistic_ids) == {"us", "other", "none"}
    assert "do not add up to 100 percent" in finding.message


def test_partition_counts_must_add_up_to_the_whole():
    counts = (
        stat("whole", "t", 100),
        stat("p1", "t.us", 70),
        stat("p2", "t.other", 17),
        stat("p3", "t.none", 13),
    )
    assert not run(dataset(*PARTS, *counts), "partition")
    broken = (*counts[:3], stat("p3", "t.none", 23))
    (finding,) = run(dataset(*PARTS, *broken), "partition")
    assert set(finding.statistic_ids) == {"whole", "p1", "p2", "p3"}


def test_partition_partial_parts_must_not_exceed_the_whole():
    ok = (stat("whole", "t", 100), stat("p1", "t.us", 70), stat("p2", "t.other", 20))
    assert not run(dataset(*PARTS, *ok), "partition")
    too_many = (stat("whole", "t", 100), stat("p1", "t.us", 70), stat("p2", "t.other", 40))
    (finding,) = run(dataset(*PARTS, *too_many), "partition")
    assert "already exceed" in finding.message


# 3. share x whole ----------------------------------------------------------------------------


def test_share_times_whole_must_match_the_part():
    base = (stat("share", "t.us.share", 70, unit="percent"), stat("whole", "t", 1000))
    assert not run(dataset(*PARTS, *base, stat("part", "t.us", 700)), "share_whole")
    (finding,) = run(dataset(*PARTS, *base, stat("part", "t.us", 800)), "share_whole")
    assert set(finding.statistic_ids) == {"share", "whole", "part"}


# 4. bound ------------------------------------------------------------------------------------


def test_a_part_never_exceeds_its_whole():
    ms = (measure("all"), measure("some", part_of="all"))
    assert not run(dataset(*ms, stat("w", "all", 100), stat("p", "some", 90)), "bound")
    (finding,) = run(dataset(*ms, stat("w", "all", 100), stat("p", "some", 120)), "bound")
    assert finding.statistic_ids == ("p", "w")


def test_a_flow_in_a_sub_period_never_exceeds_the_whole_period():
    ms = (measure("all"), measure("some", part_of="all"))
    whole = stat("w", "all", 100, period="2015/2019")
    assert not run(dataset(*ms, whole, stat("p", "some", 90, period="2017")), "bound")
    assert run(dataset(*ms, whole, stat("p", "some", 120, period="2017")), "bound")
    # a part outside the whole's period is not bounded by it
    assert not run(dataset(*ms, whole, stat("p", "some", 120, period="2012")), "bound")


# 5. time additivity --------------------------------------------------------------------------


HALVES = (  # two halves of 2019 that add up to its 100
    stat("h1", "flow", 40, period="2019-01/2019-06"),
    stat("h2", "flow", 60, period="2019-07/2019-12"),
)


def test_disjoint_sub_periods_add_up_to_at_most_the_whole():
    ms = (measure("flow"),)
    whole = stat("y", "flow", 100, period="2019")
    assert not run(dataset(*ms, whole, *HALVES), "time_additivity")
    halves_bad = (
        stat("h1", "flow", 40, period="2019-01/2019-06"),
        stat("h2", "flow", 50, period="2019-07/2019-12"),
    )
    (finding,) = run(dataset(*ms, whole, *halves_bad), "time_additivity")
    assert "do not add up to" in finding.message  # they cover the year: the sum must match
    gaps = (
        stat("q1", "flow", 60, period="2019-01/2019-03"),
        stat("q3", "flow", 60, period="2019-07/2019-09"),
    )
    (finding,) = run(dataset(*ms, whole, *gaps), "time_additivity")
    assert "exceed" in finding.message
    assert finding.statistic_ids == ("q1", "q3", "y")


def test_time_additivity_records_the_sums_that_held():
    ms = (measure("flow"),)
    whole = stat("y", "flow", 100, period="2019")
    report = run(dataset(*ms, whole, *HALVES), "time_additivity")
    # 40 and 60, each to the nearest unit: [39.5, 40.5] + [59.5, 60.5] = [99, 101]; they are
    # both the largest sum and a tiling of the year: one comparison, which holds
    assert [p.message for p in report.passed] == [
        "40 count + 60 count = [99, 101] meets 100 count, whose period they tile"
    ]
    assert report.checked["time_additivity"].compared == 1


@pytest.mark.parametrize(("second", "verb"), [(60, "exceed"), (50, "do not add up to")])
def test_time_additivity_counts_a_tiling_that_fails_once_and_never_as_held(second, verb):
    # 40 + 60 + 60 = [119, 121] exceeds 100; 40 + 50 = [89, 91] falls short of it
    ms = (measure("flow"),)
    halves = (
        stat("h1", "flow", 60 if second == 60 else 40, period="2019-01/2019-06"),
        stat("h2", "flow", second, period="2019-07/2019-12"),
    )
    report = run(dataset(*ms, stat("y", "flow", 100, period="2019"), *halves), "time_additivity")
    [finding] = report.findings
    assert f"] {verb} " in finding.message
    assert not report.passed
    assert report.checked["time_additivity"].compared == 1


def test_a_tiling_that_exceeds_its_whole_is_found_when_the_largest_sum_is_one_figure():
    # 60 + 60 = [119, 121] for the two halves exceeds 100 for the year; the largest sum of
    # sub-periods is January to November's 1,000 alone (nested_periods's to report)
    ms = (measure("flow"),)
    figures = (
        stat("y", "flow", 100, period="2019"),
        stat("h1", "flow", 60, period="2019-01/2019-06"),
        stat("h2", "flow", 60, period="2019-07/2019-12"),
        stat("jan-nov", "flow", 1000, period="2019-01/2019-11"),
    )
    report = run(dataset(*ms, *figures), "time_additivity")
    [finding] = report.findings
    assert finding.statistic_ids == ("h1", "h2", "y")
    assert "= [119, 121] exceed " in finding.message
    assert not report.passed


def test_additivity_is_for_flows_only():
    ms = (measure("staff", kind="stock"),)
    figures = (
        stat("y", "staff", 100, period="2019"),
        stat("h1", "staff", 90, period="2019-01/2019-06"),
        stat("h2", "staff", 95, period="2019-07/2019-12"),
    )
    assert not run(dataset(*ms, *figures), "time_additivity")


# 6. cumulative -------------------------------------------------------------------------------


def test_counts_since_a_start_never_fall():
    ms = (measure("deaths"),)
    early = stat(
        "early", "deaths", 30000, period="2006-12/", as_of="2010-11", hedge="about", resolution=None
    )
    assert not run(
        dataset(
            *ms,
            early,
            stat("late", "deaths", 100000, period="2006-12/", as_of="2016-01", hedge="more than"),
        ),
        "cumulative",
    )
    (finding,) = run(
        dataset(*ms, early, stat("late", "deaths", 20000, period="2006-12/", as_of="2016-01")),
        "cumulative",
    )
    assert finding.statistic_ids == ("early", "late")
    # a different start is a different series
    assert not run(
        dataset(*ms, early, stat("late", "deaths", 20000, period="2012/", as_of="2016-01")),
        "cumulative",
    )


def test_cumulative_records_the_running_totals_that_held():
    ms = (measure("deaths"),)
    early = stat(
        "early", "deaths", 30000, period="2006-12/", as_of="2010-11", hedge="about", resolution=None
    )
    late = stat("late", "deaths", 100000, period="2006-12/", as_of="2016-01", hedge="more than")
    report = run(dataset(*ms, early, late), "cumulative")
    [held] = report.passed
    assert held.message == (
        "more than 100000 count as of 2016-01 is not below about 30000 count as of 2010-11, "
        "counted from the same start (2006-12-01)"
    )
    assert held.statistic_ids == ("early", "late")


def test_nested_periods_finds_a_month_above_its_year_and_records_one_below():
    ms = (measure("flow"),)
    year = stat("y", "flow", 100, period="2019")
    report = run(dataset(*ms, year, stat("m", "flow", 40, period="2019-03")), "nested_periods")
    assert not report.findings
    [held] = report.passed
    assert held.message == (
        "40 count for 2019-03 does not exceed 100 count for 2019, a period that contains it"
    )
    report = run(dataset(*ms, year, stat("m", "flow", 120, period="2019-03")), "nested_periods")
    [finding] = report.findings
    assert finding.statistic_ids == ("m", "y")
    assert not report.passed


# 7. relations --------------------------------------------------------------------------------


def relation(kind, left, right=(), **kw):
    return gf.Relation(
        id=f"rel-{kind}",
        kind=kind,
        left=left,
        right=right,
        source="s1",
        quote="as the source says",
        **kw,
    )


def test_sum_relation_seven_and_sixteen_make_twenty_three():
    ms = (measure("agents"),)
    figures = (
        stat("seven", "agents", 7),
        stat("sixteen", "agents", 16, period="2020"),
        stat("needed", "agents", 23, period=None),
    )
    rel = relation("sum", ("seven", "sixteen"), ("needed",))
    assert not run(dataset(*ms, *figures, rel), "relations")
    # 7 + 14 is [20, 22] with each read to the unit; 23 is [22.5, 23.5]: they cannot meet
    wrong = (
        stat("seven", "agents", 7),
        stat("sixteen", "agents", 14, period="2020"),
        stat("needed", "agents", 23, period=None),
    )
    (finding,) = run(dataset(*ms, *wrong, rel), "relations")
    assert finding.relation is not None
    assert finding.relation.id == "rel-sum"


def test_ratio_relation_about_four_times():
    ms = (measure("ice.agents"), measure("atf.agents"))
    factor = gf.Quantity(value=4, unit="times", hedge="about", written="about four times")
    rel = relation("ratio", ("ice",), ("atf",), factor=factor)
    ok = dataset(
        *ms,
        stat("ice", "ice.agents", 2000, hedge="about", resolution=None),
        stat("atf", "atf.agents", 500),
        rel,
    )
    assert not run(ok, "relations")
    bad = dataset(
        *ms,
        stat("ice", "ice.agents", 2000, hedge="about", resolution=None),
        stat("atf", "atf.agents", 1000),
        rel,
    )
    assert run(bad, "relations").errors
    implied = dataset(
        *ms,
        stat("ice", "ice.agents", 2000, hedge="about", resolution=None),
        relation("ratio", ("ice",), factor=factor),
    )
    (info,) = run(implied, "relations")
    assert info.severity is gf.Severity.INFO
    # about 2,000 is [1,500, 2,500], about four times [3.5, 4.5]: 1,500/4.5 to 2,500/3.5, by hand
    assert info.intervals[-1] == gf.Interval.closed(Fraction(1000, 3), Fraction(5000, 7))
    assert "[≈333, ≈714]" in info.message  # shown rounded, marked ≈


def test_greater_relation():
    ms = (measure("bp.agents"), measure("atf.agents"))
    rel = relation("greater", ("bp",), ("atf",))
    assert not run(
        dataset(*ms, stat("bp", "bp.agents", 3300), stat("atf", "atf.agents", 2500), rel),
        "relations",
    )
    assert run(
        dataset(*ms, stat("bp", "bp.agents", 2000), stat("atf", "atf.agents", 2500), rel),
        "relations",
    )


def test_partition_relation_of_shares():
    rel = relation("partition", ("us", "other", "none"))
    assert not run(dataset(*PARTS, *shares(70, 17, 13), rel), "relations")
    assert run(dataset(*PARTS, *shares(70, 17, 18), rel), "relations")


# 8. change -----------------------------------------------------------------------------------


def test_a_rise_agrees_with_its_before_and_after_figures():
    ms = (
        measure("seized"),
        measure("seized.change", kind="change", unit="percent_change", change_of="seized"),
    )
    before = stat("before", "seized", 100, period="2008")
    after = stat("after", "seized", 150, period="2009")

    def rise(value, hedge="exact"):
        return stat(
            "rise",
            "seized.change",
            value,
            unit="percent_change",
            hedge=hedge,
            period="2009",
            compared_with=gf.Period.parse("2008"),
        )

    assert not run(dataset(*ms, before, after, rise(50)), "change")
    (finding,) = run(dataset(*ms, before, after, rise(10)), "change")
    assert finding.severity is gf.Severity.ERROR
    (info,) = run(dataset(*ms, after, rise(50, "more than")), "change")
    assert info.severity is gf.Severity.INFO
    # [149.5, 150.5] / (more than 1.5): from 0 to below 150.5 / 1.5 = 100.333
    # 149.5 / (1.5, +∞) never reaches 0; 150.5 / 1.5 = 100.333...: both ends open, by hand
    assert (
        gf.Interval(low=0, high=Fraction(301, 3), low_closed=False, high_closed=False)
        in info.intervals
    )
    assert "(0, ≈100)" in info.message


# 9. duration ---------------------------------------------------------------------------------


def test_one_span_in_days_and_months():
    ms = (measure("surge.length", kind="duration", unit="days"),)
    days = stat("days", "surge.length", 120, unit="days")
    four = stat("four", "surge.length", 4, unit="months")
    three = stat("three", "surge.length", 3, unit="months")
    assert not run(dataset(*ms, days, four), "duration")
    (finding,) = run(dataset(*ms, days, three), "duration")
    assert finding.statistic_ids == ("days", "three")
    assert "[70, 108.5]" in finding.message  # 2.5 to 3.5 months of 28 to 31 days


# 10. chronology ------------------------------------------------------------------------------


def test_a_source_cannot_count_what_happened_after_it():
    ms = (measure("flow"),)
    assert not run(dataset(*ms, stat("a", "flow", 5, period="2020")), "chronology")
    (finding,) = run(dataset(*ms, stat("a", "flow", 5, period="2021")), "chronology")
    assert "starts after the source's date" in finding.message
    planned = stat("a", "flow", 5, period="2021", basis="target")
    assert not run(dataset(*ms, planned), "chronology")


def test_a_source_cannot_report_as_done_a_later_event():
    def event(when, status="occurred"):
        return gf.Event(
            id="e",
            kind="meeting",
            title="A meeting",
            when=gf.Period.parse(when),
            status=status,
            evidence=(gf.Evidence(source="s1", quote="they met"),),
        )

    assert not run(dataset(event("2020-06")), "chronology")
    assert run(dataset(event("2021-06")), "chronology")
    assert not run(dataset(event("2021-06", "planned")), "chronology")


# 11. denominator -----------------------------------------------------------------------------


def test_look_alike_measures_are_flagged_as_not_comparable():
    ms = (
        measure("a.share", kind="share", unit="percent", family="origin"),
        measure("b.share", kind="share", unit="percent", family="origin"),
    )
    (finding,) = run(
        dataset(
            *ms, stat("x", "a.share", 90, unit="percent"), stat("y", "b.share", 70, unit="percent")
        ),
        "denominator",
    )
    assert finding.severity is gf.Severity.WARNING
    assert finding.statistic_ids == ("x", "y")
    assert not run(dataset(*ms, stat("x", "a.share", 90, unit="percent")), "denominator")


# 12. corroboration ---------------------------------------------------------------------------


def test_independent_sources_corroborate_but_editions_do_not():
    ms = (measure("flow"),)
    (info,) = run(
        dataset(*ms, stat("a", "flow", 5), stat("b", "flow", 5, source="s2")), "corroboration"
    )
    assert info.severity is gf.Severity.INFO
    assert not run(
        dataset(*ms, stat("a", "flow", 5, source="s2"), stat("b", "flow", 5, source="s2-web")),
        "corroboration",
    )
    assert not run(
        dataset(*ms, stat("a", "flow", 5), stat("b", "flow", 9, source="s2")), "corroboration"
    )


# 13. integrity, and acknowledgements ---------------------------------------------------------


def test_integrity_guards_datasets_built_without_the_loader():
    built = dataset(measure("flow"), stat("a", "flow", 5))
    broken = gf.Dataset(
        sources=built.sources,
        agencies=built.agencies,
        people=built.people,
        programs=built.programs,
        measures=gf.Collection([], "measure"),
        statistics=built.statistics,
        events=built.events,
        relations=built.relations,
        acknowledgements=built.acknowledgements,
    )
    assert not run(built, "integrity")
    (finding,) = run(broken, "integrity")
    assert "no measure has the id 'flow'" in finding.message


def conflicting(*extra):
    return dataset(
        SHARE,
        stat("a", "guns.share", 80, unit="percent", hedge="more than"),
        stat("b", "guns.share", 76, unit="percent", hedge="about", source="s2"),
        *extra,
    )


def test_acknowledged_errors_do_not_fail_a_users_test():
    with pytest.raises(gf.InconsistencyError, match=r"\[agreement\]"):
        gf.check(conflicting()).raise_for_errors()
    ack = gf.Acknowledgement(
        id="known", rule="agreement", statistics=("b", "a"), explanation="Different counting rules."
    )
    report = gf.check(conflicting(ack))
    report.raise_for_errors()
    (finding,) = report.errors
    assert finding.acknowledged
    assert finding.to_dict()["explanation"] == "Different counting rules."


def test_a_stale_acknowledgement_is_a_warning():
    ack = gf.Acknowledgement(id="stale", rule="agreement", statistics=("a",), explanation="Old.")
    report = gf.check(dataset(SHARE, stat("a", "guns.share", 80, unit="percent"), ack))
    (warning,) = report.filter(rule="integrity").warnings
    assert "stale" in warning.message


def test_report_api():
    report = gf.check(conflicting())
    assert report.filter(severity="error", statistic="a").errors
    assert not report.filter(rule="chronology")
    assert report.counts() == {("agreement", "error"): 1}
    assert json.loads(json.dumps(report.to_dict()))["counts"]["unacknowledged_error"] == 1
    with pytest.raises(ValueError, match="did you mean 'agreement'"):
        gf.check(conflicting(), rules=["agreemnt"])


def test_a_custom_tolerance_changes_the_verdict():
    from fractions import Fraction

    ds = dataset(
        measure("n"),
        stat("a", "n", 3, hedge="about", resolution=None),
        stat("b", "n", 5, hedge="about", resolution=None, source="s2"),
    )
    # default: ± max(0.5, min(1, 10 %)): [2.5, 3.5] vs [4.5, 5.5]
    assert run(ds, "agreement").errors
    # "about" up to 50 %: ± max(0.5, min(1, 1.5)) = 1 and ± max(0.5, min(1, 2.5)) = 1:
    # [2, 4] and [4, 6] meet at 4
    loose = gf.check(ds, rules=["agreement"], tolerance=gf.Tolerance(about=Fraction(1, 2)))
    assert not loose.errors
