"""Properties of the checks over generated datasets."""

from hypothesis import given
from hypothesis import strategies as st

import gunflow
from gunflow import strategies


@given(strategies.datasets())
def test_a_consistent_dataset_yields_no_error(ds):
    report = gunflow.check(ds)
    assert report.errors == ()
    # the two sources' counts of each whole corroborate each other
    assert len(report.filter(rule="corroboration")) == len([m for m in ds.measures if m.parts])


@given(st.data(), st.sampled_from(strategies.PLANTABLE))
def test_one_planted_inconsistency_yields_exactly_the_expected_error(data, plant):
    ds = data.draw(strategies.datasets(plant=plant))
    (planted,) = [s for s in ds.statistics if s.note == f"planted: {plant}"]
    errors = gunflow.check(ds).errors
    assert errors
    assert {f.rule for f in errors} == {plant}
    assert all(planted.id in f.statistic_ids for f in errors)
