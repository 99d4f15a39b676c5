"""Rules of one's own: Rule objects, installed rules, acknowledgements, and what held."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import gunflow as gf
from gunflow._terminal import render_report
from tests.builders import dataset, measure, stat

WHOLE = measure("w", parts=("w.a", "w.b", "w.c"))
PARTS = [measure(f"w.{p}", part_of="w") for p in "abc"]


def _sum_dataset(whole: int, *acknowledgements: gf.Acknowledgement) -> gf.Dataset:
    """73,684 + 17,544 + 13,622 (= 104,850) against a whole of *whole*."""
    return dataset(
        WHOLE,
        *PARTS,
        stat("x/w", "w", whole, hedge="nearly", resolution=1000),
        stat("x/a", "w.a", 73684),
        stat("x/b", "w.b", 17544),
        stat("x/c", "w.c", 13622),
        *acknowledgements,
    )


def at_most_100000(context: gf.Context) -> Iterator[gf.Finding | gf.Passed]:
    """A rule of one's own: no count above 100,000."""
    for figure in context.dataset.statistics:
        bounds = context.bounds(figure)
        if bounds.low is not None and bounds.low > 100_000:
            yield gf.Finding(
                rule="at_most_100000",
                severity="error",
                message=f"{context.label(figure)} is above 100,000",
                statistics=(figure,),
            )
        else:
            yield gf.Passed(
                rule="at_most_100000", arithmetic="{0} is at most 100,000", statistics=(figure,)
            )


AT_MOST = gf.Rule(name="at_most_100000", summary="No count above 100,000.", run=at_most_100000)


def _acknowledge(rule: str, *ids: str) -> gf.Acknowledgement:
    return gf.Acknowledgement(id=f"ack-{rule}", rule=rule, statistics=ids, explanation="Known.")


# --- Rule objects -------------------------------------------------------------------------


def test_a_rule_object_runs_with_built_in_rules_named():
    report = gf.check(_sum_dataset(105_000), rules=[AT_MOST, "partition"])
    assert report.rules == ("at_most_100000", "partition")
    assert [f.statistic_ids for f in report.errors] == [("x/w",)]  # nearly 105,000 > 100,000
    assert report.checked["at_most_100000"] == gf.Checked(rule="at_most_100000", passed=3, failed=1)


def test_a_rule_of_ones_own_runs_in_worker_processes_too():
    def nested(context: gf.Context) -> Iterator[gf.Finding | gf.Passed]:
        yield from at_most_100000(context)  # a closure: it could not be pickled

    lambda_rule = gf.Rule(name="at_most_100000", summary="Nested.", run=nested)
    ds = _sum_dataset(105_000)
    one, two = (
        gf.check(ds, rules=[lambda_rule, "partition"]),
        gf.check(ds, rules=[lambda_rule, "partition"], jobs=2),
    )
    assert one == two
    assert one.passed == two.passed


def test_a_single_rule_object_is_accepted_as_rules():
    assert gf.check(_sum_dataset(105_000), rules=AT_MOST).rules == ("at_most_100000",)


def test_an_acknowledgement_of_ones_own_rule_matches_its_finding():
    ack = _acknowledge("at_most_100000", "x/w")
    report = gf.check(_sum_dataset(105_000, ack), rules=[AT_MOST, "integrity"])
    [error] = report.errors
    assert error.acknowledgement == ack
    assert not report.warnings  # neither unknown nor stale
    report.raise_for_errors()


def test_an_acknowledgement_of_ones_own_rule_that_matches_nothing_is_stale():
    ack = _acknowledge("at_most_100000", "x/a")
    report = gf.check(_sum_dataset(105_000, ack), rules=[AT_MOST, "integrity"])
    [warning] = report.warnings
    assert "matches no finding of rule 'at_most_100000'" in warning.message


def test_an_acknowledgement_of_a_rule_that_exists_nowhere_is_reported():
    ack = _acknowledge("at_most_10000", "x/w")
    report = gf.check(_sum_dataset(105_000, ack), rules=[AT_MOST, "integrity"])
    [warning] = report.warnings
    assert "names no rule: 'at_most_10000'; did you mean 'at_most_100000'?" in warning.message


def test_two_different_rules_of_one_name_are_refused():
    other = gf.Rule(name="partition", summary="Mine.", run=at_most_100000)
    with pytest.raises(ValueError, match="two different rules are named 'partition'"):
        gf.check(_sum_dataset(105_000), rules=["partition", other])


def test_something_else_than_a_name_or_rule_is_refused_plainly():
    with pytest.raises(TypeError, match=r"a rule is a name or a gunflow\.Rule, not int"):
        gf.check(_sum_dataset(105_000), rules=[3])  # type: ignore[list-item]


def test_a_rule_that_yields_something_else_is_named():
    odd = gf.Rule(name="odd", summary="Yields a string.", run=lambda context: iter(["x"]))
    with pytest.raises(TypeError, match="rule 'odd' yielded a str"):
        gf.check(_sum_dataset(105_000), rules=[odd])


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_rule_that_names_a_figure_not_in_the_dataset_is_named(jobs):
    made_up = stat("x/made-up", "w", 1)  # not among the figures checked

    def run(context):
        yield gf.Passed(rule="made_up", arithmetic="{0}", statistics=(made_up,))

    rule = gf.Rule(name="made_up", summary="Names its own figure.", run=run, by_part=True)
    with pytest.raises(
        ValueError,
        match="rule 'made_up' yielded a comparison that held naming"
        " the statistic 'x/made-up', which is not one of the dataset's",
    ):
        gf.check(_sum_dataset(105_000), rules=[rule], jobs=jobs)


def test_a_rule_that_names_a_changed_copy_of_a_figure_is_named():
    def run(context):
        figure = context.statistics["x/a"]
        yield gf.Finding(
            rule="copy",
            severity="info",
            message="m",
            statistics=(attrs.evolve(figure, note="changed"),),
        )

    rule = gf.Rule(name="copy", summary="Names a changed copy.", run=run)
    with pytest.raises(ValueError, match="a finding naming the statistic 'x/a'"):
        gf.check(_sum_dataset(105_000), rules=[rule])


def test_a_rule_may_name_an_equal_copy_of_a_figure():
    def run(context):
        yield gf.Passed(
            rule="copy", arithmetic="{0}", statistics=(attrs.evolve(context.statistics["x/a"]),)
        )

    report = gf.check(_sum_dataset(105_000), rules=[gf.Rule(name="copy", summary="s", run=run)])
    assert [p.statistic_ids for p in report.passed] == [("x/a",)]


def test_a_rule_that_names_a_relation_not_in_the_dataset_is_named():
    relation = gf.Relation(
        id="r-made-up", kind="greater", left=("x/a",), right=("x/b",), source="s1", quote="more"
    )

    def run(context):
        yield gf.Passed(rule="rel", arithmetic="{0} > {1}", relation=relation)

    rule = gf.Rule(name="rel", summary="Names its own relation.", run=run)
    with pytest.raises(ValueError, match="naming the relation 'r-made-up'"):
        gf.check(_sum_dataset(105_000), rules=[rule])


def test_an_unknown_name_still_suggests_a_close_one():
    with pytest.raises(ValueError, match="did you mean 'partition'"):
        gf.check(_sum_dataset(105_000), rules=["partitoin"])


# --- what held ----------------------------------------------------------------------------


def test_a_sum_that_holds_is_recorded_with_its_arithmetic():
    report = gf.check(_sum_dataset(105_000), rules=["partition"])
    assert not report.findings
    [held] = report.passed
    # 73,684 + 17,544 + 13,622 = 104,850, read to the unit: [104,848.5, 104,851.5];
    # "nearly 105,000" to the thousand is [104,000, 105,000].
    assert held.message == (
        "parts of w: 73684 count + 17544 count + 13622 count = [104,848.5, 104,851.5] "
        "lies within nearly 105000 count"
    )
    assert held.statistic_ids == ("x/a", "x/b", "x/c", "x/w")
    assert report.checked["partition"] == gf.Checked(rule="partition", passed=1, failed=0)


def test_a_sum_that_fails_is_counted_as_failed_not_passed():
    report = gf.check(_sum_dataset(110_000), rules=["partition"])
    assert len(report.errors) == 1
    assert not report.passed
    counted = report.checked["partition"]
    assert (counted.compared, counted.passed, counted.failed) == (1, 0, 1)


def test_every_rule_that_ran_is_counted_even_with_nothing_to_compare():
    report = gf.check(_sum_dataset(105_000))
    assert set(report.checked) == set(report.rules)
    assert report.checked["chronology"].compared == 0


def test_the_text_report_counts_comparisons_and_lists_them_on_request():
    report = gf.check(_sum_dataset(105_000), rules=["partition", "bound"])
    text = render_report(report, columns=200)
    # bound: each of the three parts against the whole; partition: the one sum.
    assert "compared: 4 comparisons, 4 held, 0 failed (partition 1 of 1, bound 3 of 3 held)" in text
    assert "PASSED" not in text
    shown = render_report(report, show_passed=True, columns=200)
    assert "[bound] 73684 count does not exceed nearly 105000 count, which contains it" in shown


def test_the_command_line_prints_the_counts_on_a_clean_run(capsys):
    from gunflow.cli import main

    assert main(["check", "--rule", "partition", "--show-passed"]) == 0
    out = capsys.readouterr().out
    assert "comparisons" in out
    assert "PASSED (" in out


# --- installed rules ----------------------------------------------------------------------


def _distribution(folder: Path, name: str, entry_points: str, module: str) -> None:
    """A distribution installed in *folder*: its module and its dist-info with entry points."""
    (folder / f"{name}.py").write_text(textwrap.dedent(module), encoding="utf-8")
    info = folder / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[gunflow.rules]\n{textwrap.dedent(entry_points)}", encoding="utf-8"
    )


RULE_MODULE = """
    import gunflow

    def _run(context):
        for figure in context.dataset.statistics:
            if context.bounds(figure).low > 100_000:
                yield gunflow.Finding(
                    rule="over_100000", severity="error", message="over", statistics=(figure,)
                )

    over_100000 = gunflow.Rule(name="over_100000", summary="No count over 100,000.", run=_run)
"""


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """A folder on sys.path in which a test installs distributions; forgotten afterwards."""
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in [m for m in sys.modules if m.startswith("newsroom_")]:
        del sys.modules[name]


def test_an_installed_rule_runs_by_default_and_by_name_and_is_acknowledged(installed):
    _distribution(
        installed,
        "newsroom_rules",
        "over_100000 = newsroom_rules:over_100000\n",
        RULE_MODULE,
    )
    report = gf.check(_sum_dataset(105_000))
    assert "over_100000" in report.rules
    assert [f.statistic_ids for f in report.filter(rule="over_100000")] == [("x/w",)]
    ack = _acknowledge("over_100000", "x/w")
    named = gf.check(_sum_dataset(105_000, ack), rules=["over_100000", "integrity"])
    assert named.rules == ("over_100000", "integrity")
    [error] = named.errors
    assert error.acknowledged
    assert not named.warnings
    # Not run, but installed: its acknowledgement names a rule that exists.
    assert not gf.check(_sum_dataset(105_000, ack), rules=["integrity"]).findings


def test_an_installed_rule_that_cannot_be_imported_names_its_distribution(installed):
    _distribution(
        installed, "newsroom_broken", "broken = newsroom_broken:rule\n", "raise ImportError('no')"
    )
    with pytest.raises(gf.RuleError, match=r"published by newsroom_broken 1\.0 .*cannot be loaded"):
        gf.check(_sum_dataset(105_000))


def test_an_installed_rule_that_is_not_a_rule_names_its_distribution(installed):
    _distribution(installed, "newsroom_odd", "odd = newsroom_odd:odd\n", "odd = 3\n")
    with pytest.raises(gf.RuleError, match=r"newsroom_odd 1\.0 .* is a int, not a gunflow\.Rule"):
        gf.check(_sum_dataset(105_000))


def test_an_installed_rule_may_not_take_a_built_in_name(installed):
    module = RULE_MODULE.replace('name="over_100000"', 'name="partition"')
    _distribution(installed, "newsroom_clash", "partition = newsroom_clash:over_100000\n", module)
    with pytest.raises(
        gf.RuleError, match=r"newsroom_clash 1\.0 .* has the name of a built-in rule"
    ):
        gf.check(_sum_dataset(105_000))


def test_an_installed_rule_under_another_name_is_refused(installed):
    _distribution(installed, "newsroom_alias", "alias = newsroom_alias:over_100000\n", RULE_MODULE)
    with pytest.raises(gf.RuleError, match="is named 'over_100000': the two names must be"):
        gf.check(_sum_dataset(105_000), rules=["alias"])


def test_installed_rules_are_not_loaded_by_import(installed):
    _distribution(
        installed, "newsroom_broken", "broken = newsroom_broken:rule\n", "raise ImportError('no')"
    )
    assert gf.check(_sum_dataset(105_000), rules=["partition"]).rules == ("partition",)
