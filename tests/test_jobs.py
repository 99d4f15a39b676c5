"""check(jobs=N) and components(): the same report, however the work is split."""

from __future__ import annotations

import enum
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gunflow as gf
from gunflow import strategies
from gunflow.checks import _parallel, components
from gunflow.dataset import COLLECTIONS
from tests.builders import dataset, measure, stat


def _same(a: gf.Report, b: gf.Report) -> None:
    assert a == b  # findings (with their acknowledgements), rules, counts
    assert a.findings == b.findings
    assert a.passed == b.passed
    assert a.checked == b.checked


#: Small datasets, consistent or with one contradiction of each kind planted.
DATASETS = strategies.datasets(plant=None, max_groups=5) | st.sampled_from(
    strategies.PLANTABLE
).flatmap(lambda plant: strategies.datasets(plant=plant, max_groups=5))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    DATASETS,
    st.integers(min_value=2, max_value=3),
)
def test_jobs_give_the_report_one_process_gives(ds, jobs):
    _same(gf.check(ds), gf.check(ds, jobs=jobs))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    DATASETS,
    st.integers(min_value=2, max_value=4),
)
def test_one_process_checking_part_after_part_gives_the_report_of_the_whole(ds, parts):
    # split in *parts* parts (a large dataset's hold 2,000 figures each), one after the other
    whole = gf.check(ds)
    size = max(1, -(-len(ds.statistics) // parts))
    with mock.patch.object(_parallel, "FIGURES_PER_PART", size):
        _same(whole, gf.check(ds))


def _sizes_seen(ds: gf.Dataset, jobs: int) -> list[int]:
    """How many figures a rule run by part saw, each time it ran in this process."""
    seen = []

    def run(context):
        seen.append(len(context.statistics))
        return iter(())

    gf.check(ds, rules=[gf.Rule(name="sizes", summary="s", run=run, by_part=True)], jobs=jobs)
    return seen


def test_a_large_dataset_is_checked_part_after_part_with_one_job():
    ds = gf.load()
    with mock.patch.object(_parallel, "FIGURES_PER_PART", 100):
        seen = _sizes_seen(ds, jobs=1)
    assert len(seen) > 1
    assert sum(seen) == len(ds.statistics)


def test_jobs_give_the_same_report_on_the_bundled_data():
    ds = gf.load()
    _same(gf.check(ds), gf.check(ds, jobs=2))


def test_the_components_of_the_bundled_data_hold_every_figure_once():
    ds = gf.load()
    pieces = list(components(ds))
    ids = [s.id for piece in pieces for s in piece.statistics]
    assert sorted(ids) == sorted(s.id for s in ds.statistics)
    assert len(pieces) > 1
    assert sum(len(piece.events) for piece in pieces) == len(ds.events)
    assert sum(len(p.acknowledgements) for p in pieces) == len(ds.acknowledgements)


def test_checking_the_components_apart_finds_what_checking_the_whole_finds():
    ds = gf.load()
    rules = [r for r in gf.RULES if r.by_part]
    apart = [f for piece in components(ds) for f in gf.check(piece, rules=rules).findings]
    assert sorted(apart, key=gf.Finding.sort_key) == list(gf.check(ds, rules=rules).findings)


def test_figures_a_relation_or_a_measure_ties_are_in_one_component():
    # Two unrelated measures, then a third measure whose figure a relation ties to the first.
    ds = dataset(
        measure("a"),
        measure("b"),
        measure("c"),
        stat("x/a", "a", 10),
        stat("x/b", "b", 20),
        stat("x/c", "c", 5),
        stat("x/a2", "a", 10, source="s2"),
        gf.Relation(
            id="r", kind="greater", left=("x/a",), right=("x/c",), source="s1", quote="more"
        ),
    )
    pieces = sorted(sorted(s.id for s in piece.statistics) for piece in components(ds))
    assert pieces == [["x/a", "x/a2", "x/c"], ["x/b"]]


def test_components_can_be_binned_into_a_given_number_of_parts():
    ds = gf.load()
    for parts in (1, 2, 3):
        pieces = list(components(ds, parts=parts))
        assert len(pieces) == parts
        assert sum(len(p.statistics) for p in pieces) == len(ds.statistics)
    for nothing_or_some in (dataset(), ds):  # refused before it is known there is anything
        with pytest.raises(ValueError, match="parts must be at least 1"):
            components(nothing_or_some, parts=0)


def test_only_integrity_among_the_built_in_rules_needs_the_whole_dataset():
    assert [r.name for r in gf.RULES if not r.by_part] == ["integrity"]


def test_a_rule_of_the_whole_dataset_sees_all_of_it_with_two_jobs():
    # A rule that counts every figure: by default it is run once, over the whole dataset.
    def run(context):
        figures = list(context.statistics.values())
        yield gf.Passed(rule="count", arithmetic=f"{len(figures)} figures", statistics=figures[:1])

    rule = gf.Rule(name="count", summary="Counts every figure.", run=run)
    ds = gf.load()
    one, two = (
        gf.check(ds, rules=[rule, "partition"]),
        gf.check(ds, rules=[rule, "partition"], jobs=2),
    )
    [counted] = [p for p in two.passed if p.rule == "count"]
    assert counted.message == f"{len(ds.statistics)} figures"
    _same(one, two)


def test_a_rule_run_by_part_sees_one_part_at_a_time_with_two_jobs():
    ds = gf.load()
    seen = _sizes_seen(ds, jobs=2)
    # the parts this process took (the worker's are its own): each smaller than the whole
    assert seen
    assert all(size < len(ds.statistics) for size in seen)


def _errors_with_two_jobs(_: object) -> int:
    return len(gf.check(gf.load(), jobs=2).errors)


def test_two_jobs_inside_a_pool_worker_run_in_that_one_process():
    # a pool's workers are daemonic, and a daemonic process may not start processes
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        [errors] = pool.map(_errors_with_two_jobs, [None])
    assert errors == len(gf.check(gf.load()).errors)


def test_runs_in_order_hold_a_share_at_most_unless_one_component_is_larger():
    from gunflow.checks._components import _runs

    sizes = {"a": 1999, "b": 1999, "c": 2, "d": 4500, "e": 1}
    statistics = {root: [None] * size for root, size in sizes.items()}
    # 8,501 figures in 4 runs: a share is 2,126; d, larger, is a run of its own
    assert _runs(list(sizes), statistics, 4) == [["a"], ["b", "c"], ["d"], ["e"]]


def test_jobs_below_one_are_refused():
    with pytest.raises(ValueError, match="jobs must be at least 1, not 0"):
        gf.check(gf.load(), jobs=0)


def test_dask_maps_check_over_the_components():
    bag = pytest.importorskip("dask.bag")
    ds = gf.load()
    rules = [r for r in gf.RULES if r.by_part]
    pieces = bag.from_sequence(list(components(ds, parts=3)), npartitions=3)
    reports = pieces.map(lambda piece: gf.check(piece, rules=rules)).compute(scheduler="threads")
    found = sorted((f for r in reports for f in r.findings), key=gf.Finding.sort_key)
    assert found == list(gf.check(ds, rules=rules).findings)


def _by_hand(ds, **collections):
    """A dataset made with its constructor from *ds*'s collections, some replaced."""
    kept = {name: getattr(ds, name) for name in COLLECTIONS}
    return gf.Dataset(**{**kept, **collections})


def test_a_built_dataset_is_known_checked_and_its_parts_too():
    ds = gf.load()
    assert ds.references_checked
    assert all(part.references_checked for part in components(ds))
    assert not _by_hand(ds).references_checked


def test_integrity_still_reads_a_dataset_built_by_hand():
    ds = gf.load()
    figure = next(iter(ds.statistics))
    broken = _by_hand(
        ds,
        statistics=gf.Collection([figure, figure], "statistic"),
        relations=gf.Collection([], "relation"),
        acknowledgements=gf.Collection([], "acknowledgement"),
    )
    [error] = gf.check(broken, rules=["integrity"]).errors
    assert figure.id in error.message


def test_more_jobs_than_parts_give_the_same_report():
    from gunflow.checks._components import Split

    ds = gf.load()
    pieces = list(components(ds))
    one = max(pieces, key=lambda piece: len(piece.statistics))  # a single component
    assert len(Split(one, 3)) == 1
    _same(gf.check(one), gf.check(one, jobs=3))


def test_a_part_is_the_numbered_component_of_the_split():
    from gunflow.checks._components import Split

    ds = gf.load()
    split = list(components(ds, parts=3))
    for number, piece in enumerate(split):
        alone = Split(ds, 3).part(number)
        assert alone.statistics.ids() == piece.statistics.ids()
        assert alone.acknowledgements.ids() == piece.acknowledgements.ids()


def _slow_here_and_else_in_a_worker(elsewhere):
    """A rule that sleeps in this process, so that a worker takes parts; there, *elsewhere*."""
    import os
    import time

    here = os.getpid()

    def run(context):
        if os.getpid() == here:
            time.sleep(0.2)
        else:
            elsewhere()
        return iter(())

    return gf.Rule(name="elsewhere", summary="Raises in a worker.", run=run, by_part=True)


def test_an_error_in_a_worker_is_raised_here_with_where_it_came_from():
    def fail():
        raise ValueError("a rule's own error")

    rule = _slow_here_and_else_in_a_worker(fail)
    with pytest.raises(ValueError, match="a rule's own error") as raised:
        gf.check(gf.load(), rules=[rule], jobs=2)
    assert "raised in a worker process of check(jobs=N)" in "".join(raised.value.__notes__)
    assert "in fail" in "".join(raised.value.__notes__)  # the worker's traceback


def test_an_error_that_cannot_be_pickled_is_described():
    class UnpicklableError(Exception):  # local: pickle cannot find the class again
        pass

    def fail():
        raise UnpicklableError("cannot travel")

    rule = _slow_here_and_else_in_a_worker(fail)
    with pytest.raises(RuntimeError, match="UnpicklableError: cannot travel"):
        gf.check(gf.load(), rules=[rule], jobs=2)


def test_a_worker_that_dies_is_an_error_not_a_wait():
    import os

    rule = _slow_here_and_else_in_a_worker(lambda: os._exit(3))
    with pytest.raises(RuntimeError, match=r"ended without its results \(exit code 3\)"):
        gf.check(gf.load(), rules=[rule], jobs=2)


def test_every_part_is_checked_once_whoever_takes_it():
    # A rule that yields one comparison per figure, slow in this process: the worker takes
    # most parts, and the report still holds each figure once, in the order of one process.
    import os
    import time

    here = os.getpid()

    def each(context):
        if os.getpid() == here:
            time.sleep(0.05)
        for statistic in context.statistics.values():
            yield gf.Passed(rule="each", arithmetic="{0}", statistics=[statistic])

    rule = gf.Rule(name="each", summary="One per figure.", run=each, by_part=True)
    ds = gf.load()
    one, two = gf.check(ds, rules=[rule]), gf.check(ds, rules=[rule], jobs=2)
    assert [p.statistic_ids for p in two.passed] == [(s.id,) for s in ds.statistics]
    _same(one, two)


def test_an_error_that_pickles_but_does_not_come_back_is_described():
    class TwoArgumentsError(Exception):
        def __init__(self, what, why):
            super().__init__(f"{what}: {why}")  # pickled with one argument, read with two

    def fail():
        raise TwoArgumentsError("figure", "bad")

    rule = _slow_here_and_else_in_a_worker(fail)
    with pytest.raises(RuntimeError, match="TwoArgumentsError: figure: bad"):
        gf.check(gf.load(), rules=[rule], jobs=2)


def test_results_that_cannot_be_sent_are_an_error_not_a_gap():
    import os
    import time

    here = os.getpid()

    class LocalFinding(gf.Finding):  # local: its findings cannot be pickled
        pass

    def run(context):
        if os.getpid() == here:
            time.sleep(0.2)
        for statistic in context.statistics.values():
            yield LocalFinding(rule="local", severity="info", message="m", statistics=[statistic])

    rule = gf.Rule(name="local", summary="Local findings.", run=run, by_part=True)
    with pytest.raises(AttributeError, match="LocalFinding"):
        gf.check(gf.load(), rules=[rule], jobs=2)


def test_findings_alike_but_for_their_measures_are_in_one_order_however_split():
    def run(context):
        for measure_id in context.by_measure:
            measure = context.measures[measure_id]
            yield gf.Finding(
                rule="review", severity="info", message="a measure to review", measures=[measure]
            )

    rule = gf.Rule(name="review", summary="One per measure.", run=run, by_part=True)
    ds = gf.load()
    one, two = gf.check(ds, rules=[rule]), gf.check(ds, rules=[rule], jobs=2)
    ids = [f.measures[0].id for f in one.findings]
    assert ids == sorted(ids)  # alike but for their measures: by the measures' ids
    _same(one, two)


class _Names(enum.StrEnum):
    EACH = "each"


def test_a_rule_named_by_an_enumeration_runs_in_workers_too():
    import os
    import time

    here = os.getpid()

    def run(context):
        if os.getpid() == here:
            time.sleep(0.05)  # so that the worker takes parts
        for statistic in context.statistics.values():
            yield gf.Passed(rule=_Names.EACH, arithmetic=_Names.EACH, statistics=[statistic])

    rule = gf.Rule(name=_Names.EACH, summary="One per figure.", run=run, by_part=True)
    ds = gf.load()
    _same(gf.check(ds, rules=[rule]), gf.check(ds, rules=[rule], jobs=2))
