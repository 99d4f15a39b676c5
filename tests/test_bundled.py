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


# --- The curated figures, events and relations (issue 3) ---------------------------------------


def test_every_figure_is_quoted_as_written(ds):
    for s in ds.statistics:
        assert s.quantity.written, s.id
        assert s.quantity.written in s.quote, s.id
        assert s.as_of is not None, s.id


def test_counts_per_source_are_pinned(ds):
    # Counted by hand from the seeds; a change here must be a deliberate curation change.
    per_source = {}
    for s in ds.statistics:
        per_source[s.source] = per_source.get(s.source, 0) + 1
    assert per_source == {
        "latimes-2010-11-10": 13,
        "cnn-2010-11-09": 9,
        "gao-09-709": 1,
        "govexec-2009-12-guns-and-drugs": 29,
        "reuters-2016-01-11": 5,
    }


def test_editions_are_one_voice(ds):
    editions = {s.id for s in ds.sources if s.edition_of}
    assert editions == {"govexec-2009-12-agencies-join-forces"}
    assert not [s for s in ds.statistics if s.source in editions]


def test_the_ninety_percent_figures_have_different_denominators(ds):
    nineties = [s for s in ds.statistics if s.quantity.value == 90 and "firearms" in s.measure]
    assert len(nineties) == 3  # the fourth look-alike is Reuters' 70 percent
    denominators = {ds.measures.get(s.measure).denominator for s in nineties}
    assert len(denominators) == 3
    reuters = ds.statistics.get("reuters-2016-01-11/us-origin-share-2009-2014")
    assert ds.measures.get(reuters.measure).denominator not in denominators


def test_hedges_are_recorded_as_written(ds):
    hedge = {s.id: s.quantity.hedge for s in ds.statistics}
    assert hedge["latimes-2010-11-10/us-firearms-recovered-2007-2009"] == gunflow.Hedge.NEARLY
    assert hedge["cnn-2010-11-09/firearms-interdicted-since-2006"] == gunflow.Hedge.MORE_THAN
    assert (
        hedge["govexec-2009-12-guns-and-drugs/ice-agents-southwest-border"] == gunflow.Hedge.ABOUT
    )
    assert hedge["reuters-2016-01-11/us-origin-share-2009-2014"] == gunflow.Hedge.EXACT


def test_restated_figures_keep_who_said_them_and_whom_they_cite(ds):
    gao = ds.statistics.get("govexec-2009-12-guns-and-drugs/gao-traced-to-us-2004-2008")
    assert gao.attributed_to == ("gao",)
    assert gao.cites == ("gao-09-709",)
    assert str(gao.period) == "2004/2008"
    melson = ds.statistics.get("latimes-2010-11-10/gunrunner-investigations-up")
    assert melson.attributed_to == ("kenneth-melson",)


def test_planned_events_and_dates(ds):
    planned = {e.id for e in ds.events if e.status == "planned"}
    assert "2009-atf-planned-hires-and-offices" in planned
    mou = ds.events.get("2009-06-atf-ice-mou-signed")
    assert str(mou.when) == "2009-06-30"
    assert {i.field for i in mou.inferred} == {"when"}


def test_relations_name_real_statistics(ds):
    partition = ds.relations.get("reuters-2016-01-11/traced-guns-by-origin")
    values = sorted(int(ds.statistics.get(i).quantity.value) for i in partition.left)
    assert values == [13, 17, 70]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts are not beside the project")
def test_every_quote_is_verbatim_in_its_seed(ds):
    from gunflow._verify import verify_quotes

    checks = verify_quotes(ds, SEEDS)
    assert [c.record for c in checks if c.status == "mismatch"] == []
    assert sum(c.status == "ok" for c in checks) >= 100
