"""Integrity of the bundled data: guards against regressions in the curated files."""

from pathlib import Path

import pytest

import gunflow

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def ds():
    return gunflow.load()


def test_the_seed_sources_are_there(ds):
    seeds = {s.id: s for s in ds.sources if s.text_file}
    assert set(seeds) == {
        "latimes-2010-11-10",
        "cnn-2010-11-09",
        "govexec-2009-12-guns-and-drugs",
        "govexec-2009-12-agencies-join-forces",
        "reuters-2016-01-11",
    }
    assert (
        seeds["govexec-2009-12-agencies-join-forces"].edition_of == "govexec-2009-12-guns-and-drugs"
    )
    assert ds.sources.get("gao-09-709").report_number == "GAO-09-709"
    assert ds.sources.get("doj-oig-i-2011-001").title == "Review of ATF's Project Gunrunner"


def test_agencies_and_their_parents(ds):
    parent = {a.id: a.parent for a in ds.agencies}
    assert parent["atf"] == "doj"
    assert parent["ice"] == parent["cbp"] == "dhs"
    assert parent["border-patrol"] == "cbp"
    assert parent["doj-oig"] == "doj"
    assert {a.country for a in ds.agencies} == {"US", "MX"}
    assert ds.agencies.get("Immigration and Customs Enforcement").id == "ice"
    assert ds.agencies.get("national rifle assn.").id == "nra"


def test_every_inference_has_its_reason(ds):
    for source in ds.sources:
        for inference in source.inferred:
            assert len(inference.reason) > 20, (source.id, inference.field)


def test_dates_are_plausible(ds):
    for source in ds.sources:
        if source.published is not None:
            assert 2005 <= source.published.year <= 2016, source.id


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts are not beside the project")
def test_text_files_exist(ds):
    for source in ds.sources:
        if source.text_file:
            assert (SEEDS / source.text_file).is_file(), source.id


def test_ids_are_unique_across_kinds(ds):
    ids = [r.id for r in ds.records()]
    assert len(ids) == len(set(ids))


def test_lookups_fail_with_suggestions(ds):
    with pytest.raises(gunflow.NotFound, match="did you mean 'atf'"):
        ds.agencies.get("atff")
    with pytest.raises(LookupError):
        ds.sources.get("nothing-like-it-at-all")
