"""``part_of`` and ``restates`` chains: bound along every ancestor; loops refused at load."""

import attrs
import pytest

import gunflow as gf
from gunflow import DataError
from tests.builders import dataset, measure, run, stat

CHAIN = (measure("all"), measure("mid", part_of="all"), measure("leaf", part_of="mid"))


def test_a_leaf_never_exceeds_its_grandparent():
    # issue 12: leaf 500 under mid under all = 100 passed, as bound looked at the direct whole only
    (finding,) = run(dataset(*CHAIN, stat("w", "all", 100), stat("p", "leaf", 500)), "bound")
    assert finding.statistic_ids == ("p", "w")
    assert "leaf" in finding.message
    assert "all" in finding.message


def test_a_leaf_within_its_grandparent_passes():
    assert not run(dataset(*CHAIN, stat("w", "all", 500), stat("p", "leaf", 500)), "bound")


def test_every_ancestor_that_is_exceeded_is_reported():
    figures = (stat("w", "all", 100), stat("m", "mid", 200), stat("p", "leaf", 500))
    found = {f.statistic_ids for f in run(dataset(*CHAIN, *figures), "bound")}
    assert found == {("p", "w"), ("p", "m"), ("m", "w")}


def write(tmp_path, text):
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    return path


LOOP = """
[[measure]]
id = "my.a"
label = "A"
kind = "count"
unit = "count"
population = "a"
part_of = "my.b"

[[measure]]
id = "my.b"
label = "B"
kind = "count"
unit = "count"
population = "b"
part_of = "my.a"
"""


def test_a_loop_in_part_of_is_refused_at_load(tmp_path):
    path = write(tmp_path, LOOP)
    with pytest.raises(DataError) as caught:
        gf.load(extra=[path])
    problems = sorted((p.record, p.field) for p in caught.value.problems)
    assert problems == [("my.a", "part_of"), ("my.b", "part_of")]
    assert all(p.file == str(path) for p in caught.value.problems)
    assert "the part_of chain loops back" in str(caught.value)


RESTATES = """
[[source]]
id = "my-notes"
kind = "dataset"
title = "My notes"
publisher = "Me"

[[statistic]]
id = "my-notes/one"
measure = "firearms.mx.seized"
quantity = { value = 5, unit = "count", written = "5" }
source = "my-notes"
quote = "We counted 5."
restates = "my-notes/two"

[[statistic]]
id = "my-notes/two"
measure = "firearms.mx.seized"
quantity = { value = 5, unit = "count", written = "5" }
source = "my-notes"
quote = "We counted 5."
restates = "my-notes/one"
"""


def test_a_loop_in_restates_is_refused_at_load(tmp_path):
    with pytest.raises(DataError) as caught:
        gf.load(extra=[write(tmp_path, RESTATES)])
    problems = sorted((p.record, p.field) for p in caught.value.problems)
    assert problems == [("my-notes/one", "restates"), ("my-notes/two", "restates")]


def test_a_loop_in_a_dataset_built_without_the_loader_is_reported_not_followed():
    built = dataset(measure("a", part_of="b"), measure("b"), stat("x", "a", 500), stat("y", "b", 5))
    looped = attrs.evolve(built.measures[1], part_of="a")
    ds = attrs.evolve(
        built, measures=gf.Collection([built.measures[0], looped], "measure")
    )  # what Dataset.from_records refuses
    report = gf.check(ds)
    loops = [f for f in report.filter(rule="integrity").errors if "loops back" in f.message]
    assert len(loops) == 2
    # bound still compares along the chain, and stops at the loop
    assert [f.statistic_ids for f in report.filter(rule="bound")] == [("x", "y")]
