"""Regressions found by review: each test failed before its fix."""

from fractions import Fraction

import attrs
import pytest

import gunflow as gf
from gunflow.cli import main
from tests.builders import CONTRADICTION, dataset, measure, run, stat


@pytest.mark.parametrize("before_the_command", [True, False])
def test_data_is_loaded_before_or_after_the_command(tmp_path, capsys, before_the_command):
    mine = tmp_path / "mine.toml"
    mine.write_text(CONTRADICTION, encoding="utf-8")
    args = ["--data", str(mine), "check"] if before_the_command else ["check", "--data", str(mine)]
    assert main(args) == 1
    # the user's "more than 90 percent" misses Reuters', the New Boston Post's and The Crime
    # Report's 70 percent (3), and times each relay's 104,850 (or nearly 105,000) misses 73,684 (3)
    assert "6 unacknowledged" in capsys.readouterr().out


def test_a_new_dataset_does_not_rewire_the_cached_one():
    ds = gf.load()
    attrs.evolve(ds, sources=ds.sources.filter(kind="news_article"))
    assert len(gf.load().statistics.filter(source="gao-09-709")) == 3  # 87, 68, 19 percent


def test_timeline_with_no_window(capsys):
    assert main(["timeline"]) == 0
    assert "Gun Control Act" in capsys.readouterr().out
    assert gf.load().events.between(None, None) == gf.load().events.timeline()


def test_one_sub_period_cannot_exceed_the_enclosing_period():
    figures = (
        stat("all", "flow", 10_000, period="2007/2010"),
        stat("one", "flow", 50_000, period="2009"),
    )
    # one sub-period alone is the rule nested_periods' (time_additivity sums two or more)
    assert not run(dataset(measure("flow"), *figures), "time_additivity")
    (finding,) = run(dataset(measure("flow"), *figures), "nested_periods")
    assert finding.statistic_ids == ("one", "all")


def test_check_reports_broken_references_instead_of_crashing():
    built = dataset(measure("flow"), stat("a", "flow", 5))
    orphan = attrs.evolve(built.statistics[0], id="b", source="nowhere")
    broken = attrs.evolve(built, statistics=gf.Collection([*built.statistics, orphan], "statistic"))
    report = gf.check(broken)
    (finding,) = report.filter(rule="integrity").errors
    assert "nowhere" in finding.message
    assert finding.statistic_ids == ("b",)


def test_acknowledgements_with_an_unknown_rule_or_twice_are_warned_about():
    figures = (
        measure("guns.share", kind="share", unit="percent"),
        stat("a", "guns.share", 80, unit="percent", hedge="more than"),
        stat("b", "guns.share", 76, unit="percent", hedge="about", source="s2"),
    )
    typo = gf.Acknowledgement(id="typo", rule="agreemnt", statistics=("a", "b"), explanation="x")
    one = gf.Acknowledgement(id="one", rule="agreement", statistics=("a", "b"), explanation="x")
    two = gf.Acknowledgement(id="two", rule="agreement", statistics=("b", "a"), explanation="x")
    warnings = gf.check(dataset(*figures, typo, one, two)).filter(rule="integrity").warnings
    messages = " | ".join(w.message for w in warnings)
    assert "names no rule: 'agreemnt'; did you mean 'agreement'?" in messages
    assert "two repeats one" in messages


def test_a_restatement_does_not_corroborate_what_it_restates():
    primary = stat("p", "flow", 5)
    restating = stat("r", "flow", 5, source="s2", restates="p")
    assert not run(dataset(measure("flow"), primary, restating), "corroboration")
    citing = stat("c", "flow", 5, source="s2", cites=("s1",))
    assert not run(dataset(measure("flow"), primary, citing), "corroboration")


def test_a_restatement_in_the_same_group_is_reported_once():
    figures = (stat("p", "n", 100), stat("r", "n", 200, source="s2", restates="p"))
    assert len(run(dataset(measure("n"), *figures), "agreement")) == 1


def test_lists_given_in_python_are_stored_as_tuples():
    s = stat("a", "flow", 5, attributed_to=["atf"])
    assert s.attributed_to == ("atf",)
    assert isinstance(hash(s), int)
    with pytest.raises(ValueError, match="expected a list of strings"):
        stat("a", "flow", 5, attributed_to="atf")


def test_filter_values_are_checked():
    ds = gf.load()
    with pytest.raises(ValueError, match="hedge must be one of"):
        ds.statistics.filter(hedge="more_than")
    assert ds.agencies.filter(country="us") == ds.agencies.filter(country="US")


def test_a_ratio_of_falls_does_not_crash():
    ms = (
        measure("a", kind="change", unit="percent_change"),
        measure("b", kind="change", unit="percent_change"),
    )
    factor = gf.Quantity(value=2, unit="times", written="twice")
    rel = gf.Relation(
        id="r", kind="ratio", left=("x",), right=("y",), source="s1", quote="q", factor=factor
    )
    ds = dataset(
        *ms,
        stat("x", "a", -40, unit="percent_change"),
        stat("y", "b", -20, unit="percent_change"),
        rel,
    )
    assert not gf.check(ds, rules=["relations"]).errors


def test_sorted_keeps_none_last_even_reversed():
    assert gf.load().sources.sorted("published", reverse=True)[-1].published is None


def test_first_of_an_empty_collection_says_so():
    with pytest.raises(gf.NotFound, match="is empty"):
        gf.load().statistics.filter(source="dhs-press-release-2009-06-05").first()


def test_tolerance_reads_floats_exactly_and_refuses_nonsense():
    assert gf.Tolerance(about=0.1).about == Fraction(1, 10)
    with pytest.raises(ValueError, match="below 1"):
        gf.Tolerance(about=-0.5)


def test_raise_for_errors_names_the_statistics_to_acknowledge():
    figures = (
        measure("guns.share", kind="share", unit="percent"),
        stat("a", "guns.share", 80, unit="percent", hedge="more than"),
        stat("b", "guns.share", 76, unit="percent", hedge="about", source="s2"),
    )
    with pytest.raises(gf.InconsistencyError, match="statistics: a, b"):
        gf.check(dataset(*figures)).raise_for_errors()


def test_csl_json_is_for_sources_only(capsys):
    assert main(["export", "--format", "csl-json", "--kind", "statistics"]) == 2
    assert "sources only" in capsys.readouterr().err
