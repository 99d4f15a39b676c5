"""Finding keys: what an acknowledgement matches, for figures, events, relations and measures."""

import pytest

import gunflow as gf
from gunflow import DataError
from tests.builders import dataset, measure, run, stat

SHARE = measure("guns.share", kind="share", unit="percent")


def event(id="e", when="2021-06", source="s1"):
    return gf.Event(
        id=id,
        kind="meeting",
        title="A meeting",
        when=gf.Period.parse(when),
        evidence=(gf.Evidence(source=source, quote="they met"),),
    )


def test_a_key_ignores_the_order_of_the_ids():
    one = gf.FindingKey(rule="agreement", statistics=("a", "b"))
    assert one == gf.FindingKey(rule="agreement", statistics=("b", "a"))
    assert one != gf.FindingKey(rule="bound", statistics=("a", "b"))
    assert one != gf.FindingKey(rule="agreement", statistics=("a",))
    assert str(one) == "agreement: statistics a, b"


def test_a_chronology_error_about_an_event_can_be_acknowledged():
    # An event that names no statistic: before, no acknowledgement could ever match it.
    (error,) = gf.check(dataset(event()), rules=["chronology"]).errors
    assert error.key == gf.FindingKey(rule="chronology", events=("e",))
    with pytest.raises(gf.InconsistencyError, match="events: e"):
        gf.check(dataset(event())).raise_for_errors()
    known = gf.Acknowledgement(
        id="known", rule="chronology", events=("e",), explanation="The source misdates it."
    )
    report = gf.check(dataset(event(), known))
    report.raise_for_errors()
    assert report.errors[0].acknowledgement == known
    assert not report.filter(rule="integrity")


def test_one_event_reported_early_by_two_sources_is_one_finding():
    twice = gf.Event(
        id="e",
        kind="meeting",
        title="A meeting",
        when=gf.Period.parse("2021-06"),
        evidence=(gf.Evidence(source="s1", quote="met"), gf.Evidence(source="s2", quote="met")),
    )
    (error,) = gf.check(dataset(twice), rules=["chronology"]).errors
    assert "s1, published 2020-12-31, s2, published 2020-12-31" in error.message


def test_a_relations_finding_is_keyed_by_its_relation_and_statistics():
    figures = (
        measure("agents"),
        stat("a", "agents", 2000, hedge="about"),
        stat("b", "agents", 100, source="s2"),
    )
    relation = gf.Relation(
        id="four-times",
        kind="ratio",
        left=("a",),
        right=("b",),
        factor=gf.Quantity(value=4, unit="times", hedge="about", written="about four times"),
        source="s1",
        quote="about four times the personnel",
    )
    (error,) = gf.check(dataset(*figures, relation), rules=["relations"]).errors
    assert error.key == gf.FindingKey(
        rule="relations", statistics=("a", "b"), relations=("four-times",)
    )


def test_an_acknowledgement_names_at_least_one_record():
    with pytest.raises(ValueError, match="names at least one statistic, event, relation"):
        gf.Acknowledgement(id="empty", rule="agreement", explanation="Nothing.")


def test_an_acknowledgement_naming_an_unknown_event_is_refused_at_load(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[acknowledgement]]\nid = "mine"\nrule = "chronology"\nevents = ["no-such-event"]\n'
        'explanation = "Misdated."\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        gf.load(extra=[path])
    (problem,) = caught.value.problems
    assert (problem.file, problem.record, problem.field) == (str(path), "mine", "events[0]")
    assert "no event has the id 'no-such-event'" in problem.message


def test_an_acknowledgement_of_an_event_loads_from_toml(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[acknowledgement]]\nid = "mine"\nrule = "chronology"\n'
        'events = ["2005-project-gunrunner-started"]\nexplanation = "Checked."\n',
        encoding="utf-8",
    )
    ds = gf.load(extra=[path])
    assert ds.acknowledgements.get("mine").events == ("2005-project-gunrunner-started",)
    # it matches nothing: the bundled data dates that event correctly, so it is stale
    warnings = gf.check(ds, rules=["chronology", "integrity"]).warnings
    assert [w.message.split(":")[0] for w in warnings] == [
        "acknowledgement mine matches no finding of rule 'chronology'"
    ]


def test_an_acknowledgement_of_a_rule_that_did_not_run_is_not_stale():
    conflicting = (
        SHARE,
        stat("a", "guns.share", 80, unit="percent", hedge="more than"),
        stat("b", "guns.share", 76, unit="percent", hedge="about", source="s2"),
    )
    known = gf.Acknowledgement(id="k", rule="agreement", statistics=("a", "b"), explanation="x")
    assert not gf.check(dataset(*conflicting, known), rules=["bound", "integrity"])


LOOK_ALIKES = (
    measure("a.share", kind="share", unit="percent", family="origin"),
    measure("b.share", kind="share", unit="percent", family="origin"),
    measure("c.share", kind="share", unit="percent", family="origin"),
)


def test_denominator_warns_once_per_pair_of_measures_keyed_by_the_measures():
    figures = (
        stat("x", "a.share", 90, unit="percent"),
        stat("y", "b.share", 70, unit="percent"),
        stat("z", "c.share", 87, unit="percent"),
    )
    warnings = gf.check(dataset(*LOOK_ALIKES, *figures), rules=["denominator"]).warnings
    assert [f.key.measures for f in warnings] == [
        {"a.share", "b.share"},
        {"a.share", "c.share"},
        {"b.share", "c.share"},
    ]
    assert [f.statistic_ids for f in warnings] == [("x", "y"), ("x", "z"), ("y", "z")]


def test_a_new_figure_of_a_look_alike_keeps_its_acknowledgement():
    # issue 12: adding one figure to a denominator family broke an acknowledgement
    known = gf.Acknowledgement(
        id="known",
        rule="denominator",
        measures=("b.share", "a.share"),
        explanation="Two shares of different wholes.",
    )
    figures = (stat("x", "a.share", 90, unit="percent"), stat("y", "b.share", 70, unit="percent"))
    for extra in ((), (stat("w", "a.share", 91, unit="percent", period="2018"),)):
        report = gf.check(dataset(*LOOK_ALIKES[:2], *figures, *extra, known))
        (warning,) = report.filter(rule="denominator")
        assert warning.acknowledgement == known
        assert not report.filter(rule="integrity")


def test_600_agreeing_figures_are_one_corroboration():
    # issue 12: every agreeing pair was a finding, 179,700 of them for 600 figures
    figures = [stat(f"f{i}", "flow", 5, source=("s1", "s2")[i % 2]) for i in range(600)]
    (info,) = gf.check(dataset(measure("flow"), *figures), rules=["corroboration"])
    assert len(info.statistics) == 600
    assert info.message.startswith("600 figures from 2 sources agree on [4.5, 5.5]:")
    assert info.message.endswith("and 596 more")


def test_corroboration_counts_sources_not_figures():
    # three figures of one source agree at 5; two sources agree at 9: only the latter corroborate
    figures = (
        *(stat(f"one{i}", "flow", 5, source="s1") for i in range(3)),
        stat("a9", "flow", 9),
        stat("b9", "flow", 9, source="s2"),
    )
    (info,) = gf.check(dataset(measure("flow"), *figures), rules=["corroboration"])
    assert info.statistic_ids == ("a9", "b9")


def test_corroboration_reads_open_ends_exactly():
    # "more than 5" is (5, +inf): it does not meet "up to 5" ([0, 5]), but meets 6
    more = stat("m", "flow", 5, hedge="more than")
    up_to = stat("u", "flow", 5, hedge="up to", source="s2")
    assert not run(dataset(measure("flow"), more, up_to), "corroboration")
    (info,) = run(
        dataset(measure("flow"), more, stat("six", "flow", 6, source="s2")), "corroboration"
    )
    assert info.statistic_ids == ("m", "six")
    assert str(info.intervals[0]) == "[5.5, 6.5]"


def test_figures_that_all_cite_one_report_do_not_corroborate_each_other():
    def figures(cites):
        return [
            stat(f"f{i}", "flow", 5, source=("s1", "s2")[i % 2], cites=cites) for i in range(40)
        ]

    assert run(dataset(measure("flow"), *figures(())), "corroboration")
    assert not run(dataset(measure("flow"), *figures(("s2-web",))), "corroboration")
