"""Derived figures: recorded with their working, checked against the figures they come from."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gunflow as gf
from gunflow.checks._index import Index
from gunflow.io import get_converter
from gunflow.model._common import InvalidField
from gunflow.model.formula import Formula
from tests.builders import dataset, measure, run, stat

GUNS = measure("guns")
SHARE = measure("guns.share", kind="share", unit="percent")
Iv = gf.Interval


def derived(id_, value, formula, inputs, *, unit="count", measure_id="guns", **kw):
    return gf.Statistic(
        id=id_,
        measure=measure_id,
        quantity=gf.Quantity(value=Decimal(str(value)), unit=unit, **kw),
        source="s2",
        basis="derived",
        derived_from=inputs,
        formula=formula,
        period=gf.Period.parse("2019"),
        as_of=gf.PartialDate.parse("2020-12"),
    )


# The formula ---------------------------------------------------------------------------------


def test_products_and_ratios_bind_tighter_than_sums():
    f = Formula.parse("a + b * 2", ["a", "b"])
    assert f.evaluate({"a": Iv.point(1), "b": Iv.point(3)}) == Iv.point(7)
    f = Formula.parse("(a + b) / 4 * 100", ["a", "b"])
    assert f.evaluate({"a": Iv.point(1), "b": Iv.point(3)}) == Iv.point(100)


def test_a_name_is_an_id_or_the_last_part_of_one():
    f = Formula.parse("submitted - x/undetermined", ["gao/submitted", "x/undetermined"])
    assert f.inputs == ("gao/submitted", "x/undetermined")
    values = {"gao/submitted": Iv.closed(100, 110), "x/undetermined": Iv.closed(1, 2)}
    assert f.evaluate(values) == Iv.closed(98, 109)


def test_a_last_part_two_inputs_share_is_not_a_name():
    with pytest.raises(InvalidField, match="last part of several"):
        Formula.parse("total", ["a/total", "b/total"])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a +",
        "a + (b",
        "a ** b",
        "a) + b",
        "__import__('os')",
        "a; b",
        "a.b(1)",
        "(" * 40 + "a" + ")" * 40,
        "a + " * 400 + "a",
    ],
)
def test_anything_else_is_refused_and_never_run(text):
    with pytest.raises(InvalidField) as error:
        Formula.parse(text, ["a", "b"])
    assert error.value.field == "formula"


@pytest.mark.parametrize("text", ["a-b", "a/b"])
def test_a_minus_or_division_sign_between_names_needs_spaces(text):
    with pytest.raises(InvalidField, match="spaces around '-' and '/'"):
        Formula.parse(text, ["a", "b"])


def test_what_this_arithmetic_cannot_give_is_none():
    # a - b may be negative, so its product with a range is not worked out; nor is / [0, 1].
    f = Formula.parse("(a - b) * b", ["a", "b"])
    assert f.evaluate({"a": Iv.closed(0, 5), "b": Iv.closed(1, 2)}) is None
    ratio = Formula.parse("a / b", ["a", "b"])
    assert ratio.evaluate({"a": Iv.point(1), "b": Iv.closed(0, 1)}) is None
    # A number scales even a range that may be negative.
    assert Formula.parse("(a - b) * 2", ["a", "b"]).evaluate(
        {"a": Iv.closed(0, 5), "b": Iv.point(1)}
    ) == Iv.closed(-2, 8)


# The record ----------------------------------------------------------------------------------


def test_a_derived_figure_needs_no_quote_but_every_other_does():
    figure = derived("d", 5, "a + b", ["a", "b"])
    assert figure.quote is None
    assert figure.said() == "derived: a + b (from a, b)"
    with pytest.raises(InvalidField) as error:
        gf.Statistic(
            id="x", measure="guns", source="s1", quantity=gf.Quantity(value=1, unit="count")
        )
    assert error.value.field == "quote"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"basis": "count", "derived_from": [], "formula": "a"}, "formula"),
        ({"basis": "count", "formula": None}, "derived_from"),
        ({"derived_from": []}, "derived_from"),
        ({"formula": None}, "formula"),
        ({"derived_from": ["d"], "formula": "d"}, "derived_from"),
        ({"formula": "a + c"}, "formula"),
    ],
)
def test_the_working_must_be_whole(fields, field):
    base = {
        "id": "d",
        "measure": "guns",
        "source": "s2",
        "quantity": gf.Quantity(value=1, unit="count"),
        "basis": "derived",
        "derived_from": ["a", "b"],
        "formula": "a + b",
        "quote": "We found 1 count.",
    }
    with pytest.raises(InvalidField) as error:
        gf.Statistic(**{**base, **fields})
    assert error.value.field == field


def test_a_derived_figure_round_trips():
    figure = derived("d", 5, "a + b", ["a", "b"])
    converter = get_converter()
    assert converter.structure(converter.unstructure(figure), gf.Statistic) == figure


BAD = """
[[source]]
id = "my-sheet"
kind = "dataset"
title = "My worksheet"
publisher = "Our newsroom"
published = "2026-01"

[[statistic]]
id = "my-sheet/unknown-input"
measure = "firearms.mx.submitted_for_tracing"
quantity = { value = 1, unit = "count" }
source = "my-sheet"
basis = "derived"
derived_from = ["my-sheet/nope"]
formula = "nope"

[[statistic]]
id = "my-sheet/stranger"
measure = "firearms.mx.submitted_for_tracing"
quantity = { value = 1, unit = "count" }
source = "my-sheet"
basis = "derived"
derived_from = ["reuters-2016-01-11/submitted-for-tracing-2009-2014"]
formula = "submitted-for-tracing-2009-2014 - undetermined"

[[statistic]]
id = "my-sheet/malformed"
measure = "firearms.mx.submitted_for_tracing"
quantity = { value = 1, unit = "count" }
source = "my-sheet"
basis = "derived"
derived_from = ["reuters-2016-01-11/submitted-for-tracing-2009-2014"]
formula = "submitted-for-tracing-2009-2014 +* 2"
"""


def test_the_loader_names_the_file_the_record_and_the_field(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text(BAD, encoding="utf-8")
    with pytest.raises(gf.DataError) as error:
        gf.load(extra=[mine])
    found = {(p.record, p.field): p for p in error.value.problems}
    assert set(found) == {
        ("my-sheet/unknown-input", "derived_from[0]"),
        ("my-sheet/stranger", "formula"),
        ("my-sheet/malformed", "formula"),
    }
    assert all(p.file == str(mine) for p in found.values())
    assert "'undetermined'" in found["my-sheet/stranger", "formula"].message
    assert "cannot be read" in found["my-sheet/malformed", "formula"].message


# The rule ------------------------------------------------------------------------------------


def _traced(value, formula="submitted - undetermined"):
    """Traced = submitted - undetermined, with GAO-16-223's 104,850 and 13,622."""
    return dataset(
        GUNS,
        stat("gao/submitted", "guns", "104850"),
        stat("gao/undetermined", "guns", "13622"),
        derived("mine/traced", value, formula, ["gao/submitted", "gao/undetermined"]),
    )


def test_a_right_formula_passes():
    # 104,850 - 13,622 = 91,228 (each ± 0.5, so [91,227, 91,229]).
    assert not run(_traced(91228), "derived")


def test_a_wrong_value_or_formula_is_an_error():
    (finding,) = run(_traced(81228), "derived")
    assert finding.severity is gf.Severity.ERROR
    assert finding.statistic_ids == ("mine/traced", "gao/submitted", "gao/undetermined")
    assert finding.intervals[1] == Iv.closed(91227, 91229)
    (finding,) = run(_traced(91228, "submitted + undetermined"), "derived")
    assert "is derived as submitted + undetermined, which is [118,471, 118,473]" in finding.message


def _us_share(*derived_figures):
    """GAO-16-223's 73,684 of U.S. origin and 104,850 submitted, with *derived_figures*."""
    return dataset(
        GUNS,
        SHARE,
        stat("gao/us", "guns", "73684"),
        stat("gao/submitted", "guns", "104850", source="s2"),
        *derived_figures,
    )


def _share(id_, value):
    return derived(id_, value, "us / submitted * 100", ["gao/us", "gao/submitted"],
                   unit="percent", measure_id="guns.share")  # fmt: skip


def test_a_share_derived_as_a_ratio():
    ds = _us_share(_share("mine/share", 70), _share("mine/wrong", 75))
    # 73,684 / 104,850 is 70.28 %: 70 percent ([69.5, 70.5]) holds, 75 does not.
    assert [f.statistic_ids[0] for f in run(ds, "derived")] == ["mine/wrong"]


def test_what_cannot_be_worked_out_is_a_warning():
    ds = dataset(
        GUNS,
        stat("a", "guns", "5"),
        stat("b", "guns", "9"),
        derived("d", 4, "(a - b) * b", ["a", "b"]),
    )
    (finding,) = run(ds, "derived")
    assert finding.severity is gf.Severity.WARNING


def test_a_formula_over_figures_in_different_units_is_a_warning():
    ds = dataset(
        GUNS,
        SHARE,
        stat("gao/submitted", "guns", "104850"),
        stat("gao/share", "guns.share", "70", unit="percent"),
        derived("mine/odd", 104780, "submitted - share", ["gao/submitted", "gao/share"]),
    )
    (finding,) = run(ds, "derived")
    assert finding.severity is gf.Severity.WARNING
    assert finding.message.endswith(
        "submitted - share adds or subtracts figures in different units (count - percent)"
    )


def test_a_formula_that_gives_another_unit_than_its_figure_is_a_warning():
    ds = dataset(
        GUNS,
        SHARE,
        stat("gao/submitted", "guns", "104850"),
        stat("gao/undetermined", "guns", "13622"),
        derived("mine/traced", 50, "submitted - undetermined",
                ["gao/submitted", "gao/undetermined"], unit="percent", measure_id="guns.share"),
    )  # fmt: skip
    warning, error = sorted(
        run(ds, "derived").findings, key=lambda f: f.severity.rank, reverse=True
    )
    assert warning.severity is gf.Severity.WARNING
    assert warning.message.endswith("submitted - undetermined gives count, not percent")
    # the arithmetic is still checked: 50 is not 104,850 - 13,622
    assert error.severity is gf.Severity.ERROR


def test_a_unit_converted_by_a_number_is_no_unit_warning_and_still_checked():
    days = measure("span", unit="days")
    years = measure("span.years", unit="years")
    ds = dataset(
        days,
        years,
        stat("x/days", "span", "730", unit="days"),
        derived("mine/right", 2, "days / 365", ["x/days"], unit="years", measure_id="span.years"),
        derived("mine/wrong", 5, "days / 365", ["x/days"], unit="years", measure_id="span.years"),
    )
    # 730 days ([729.5, 730.5]) / 365 is [1.998..., 2.001...]: 2 years meets it, 5 does not
    [error] = run(ds, "derived").findings
    assert error.severity is gf.Severity.ERROR
    assert error.statistic_ids[0] == "mine/wrong"


def test_a_ratio_scaled_to_a_percent_and_a_count_scaled_give_no_unit_warning():
    # a product or a ratio, even by a number, is in a unit of its own: not compared
    ds = _us_share(_share("mine/share", 70), derived("mine/double", 147368, "2 * us", ["gao/us"]))
    assert not run(ds, "derived").findings


def test_derived_figures_derived_from_each_other_are_a_warning():
    ds = dataset(
        GUNS,
        derived("x/a", 10, "b", ["x/b"]),
        derived("x/b", 10, "c", ["x/c"]),
        derived("x/c", 10, "a", ["x/a"]),
        derived("x/d", 10, "a", ["x/a"]),  # rests on the loop, is not in it
    )
    report = run(ds, "derived")
    [loop] = [f for f in report.findings if "loop" in f.message]
    assert loop.severity is gf.Severity.WARNING
    assert loop.statistic_ids == ("x/a", "x/b", "x/c")
    assert loop.message.startswith("derived figures derived from each other, in a loop: ")
    # each formula still holds (10 is 10): the loop is the only finding
    assert len(report.findings) == 1


@pytest.mark.parametrize("first_inputs", [["x/b", "x/c"], ["x/c", "x/b"]])
def test_two_loops_through_one_figure_are_one_set_however_listed(first_inputs):
    # a from b and c, b and c from d, d from a: a, b, c and d are all derived from themselves
    formula = " + ".join(i.split("/")[1] for i in first_inputs)
    ds = dataset(
        GUNS,
        derived("x/a", 20, formula, first_inputs),
        derived("x/b", 10, "d", ["x/d"]),
        derived("x/c", 10, "d", ["x/d"]),
        derived("x/d", 10, "a / 2", ["x/a"]),
    )
    [loop] = run(ds, "derived").findings
    assert loop.statistic_ids == ("x/a", "x/b", "x/c", "x/d")


def test_a_chain_of_derived_figures_is_no_loop():
    ds = dataset(
        GUNS,
        stat("gao/n", "guns", "10"),
        derived("x/a", 10, "n", ["gao/n"]),
        derived("x/b", 20, "a * 2", ["x/a"]),
        derived("x/c", 20, "b", ["x/b"]),
    )
    assert not run(ds, "derived").findings


def test_a_derived_figure_is_never_an_independent_voice():
    a = stat("a", "guns", "91228")
    copy = derived("d", 91228, "a", ["a"])
    ds = dataset(GUNS, a, copy)
    index = Index(ds, gf.DEFAULT_TOLERANCE)
    assert not index.independent(a, copy)
    assert not run(ds, "corroboration")


# The property --------------------------------------------------------------------------------

_COUNTS = st.integers(min_value=1, max_value=10**7)
_SHAPES = ["a + b", "a - b", "a * b", "a / b * 100", "(a + b) / b", "a - b + 7 * b"]


def _exact(shape, a, b):
    return {
        "a + b": a + b,
        "a - b": a - b,
        "a * b": a * b,
        "a / b * 100": Fraction(a, b) * 100,
        "(a + b) / b": Fraction(a + b, b),
        "a - b + 7 * b": a - b + 7 * b,
    }[shape]


@given(
    a=_COUNTS,
    b=_COUNTS,
    shape=st.sampled_from(_SHAPES),
    hedge=st.sampled_from(["exact", "about", "nearly"]),
    places=st.integers(min_value=0, max_value=3),
)
def test_a_figure_derived_correctly_never_errs(a, b, shape, hedge, places):
    a, b = max(a, b), min(a, b)  # a count is never negative: a - b >= 0
    value = round(Decimal(_exact(shape, a, b).numerator) / _exact(shape, a, b).denominator, places)
    ds = dataset(
        GUNS,
        stat("a", "guns", str(a), hedge=hedge),
        stat("b", "guns", str(b), source="s2"),
        derived("d", value, shape, ["a", "b"]),
    )
    assert not run(ds, "derived").errors
