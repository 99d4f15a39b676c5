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
            assert 2005 <= source.published.year <= 2021, source.id  # GAO-21-322 is the latest


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
        if ds.sources.get(s.source).published is not None:  # undated copies: no date to give
            assert s.as_of is not None, s.id


def per_source(ds):
    counts = {}
    for s in ds.statistics:
        counts[s.source] = counts.get(s.source, 0) + 1
    return counts


def test_counts_per_source_are_pinned(ds):
    # Counted by hand from the seeds; a change here must be a deliberate curation change.
    assert {k: v for k, v in per_source(ds).items() if k in SEED_SOURCES} == {
        "latimes-2010-11-10": 13,
        "cnn-2010-11-09": 9,
        "govexec-2009-12-guns-and-drugs": 29,
        "reuters-2016-01-11": 5,
    }


SEED_SOURCES = {
    "latimes-2010-11-10",
    "cnn-2010-11-09",
    "govexec-2009-12-guns-and-drugs",
    "reuters-2016-01-11",
}

#: Figures from documents outside the four seed articles, read in stored copies (issue 9):
#: counted from the [[statistic]] tables of each statistics/<source>.toml.
OUTSIDE_THE_SEEDS = {
    "ap-2010-10-06": 9,
    "atf-mexico-trace-data-2009-2014": 7,
    "atf-news-release-2012-04-26": 2,
    "cnsnews-2009-06-23-less-than-24-percent": 10,
    "doj-oig-i-2009-006": 1,
    "doj-oig-i-2011-001": 2,
    "factcheck-2009-06-gao-large-portion": 3,
    "feinstein-2012-04-atf-trace-data": 1,
    "gao-09-709": 3,
    "gao-16-223": 3,
    "gao-21-322": 3,
    "geekswithguns-2012-12-mexico-traces": 3,
    "globalpost-2009-04-24": 2,
    "gundigest-2009-06-19-gao-agenda-driven": 1,
    "gunpolicy-q5324": 3,
    "havocscope-guns-seized-mexico-from-us": 6,
    "insightcrime-2013-way-of-the-gun": 8,
    "insightcrime-oig-interim-review": 2,
    "mcclatchy-2013-03-18-guns-flood-into-mexico": 6,
    "mcdougal-2014-jeg-way-of-the-gun": 2,
    "newbostonpost-2016-01-22-gao-70-percent": 7,
    "nssf-2010-11-11": 5,
    "publicintegrity-oig-gunrunner-review": 5,
    "thecrimereport-2009-06-20-gop-critic": 3,
    "thecrimereport-2016-01-13-73000-guns": 3,
    "usatoday-2012-04-atf-68k-guns": 7,
    "utsandiego-2013-03-18-gun-trafficking-grows": 9,
    "washingtonpost-2016-01-14-cartels-gun-laws": 2,
    "washingtontimes-2009-10-06": 8,
    "wsj-2011-06-10": 11,
}


def test_counts_outside_the_seeds_are_pinned(ds):
    assert {k: v for k, v in per_source(ds).items() if k not in SEED_SOURCES} == (OUTSIDE_THE_SEEDS)
    assert sum(OUTSIDE_THE_SEEDS.values()) >= 45  # issue 9: at least 45 figures
    with_figures_or_cited = {s.id for s in ds.sources if not s.text_file}
    assert len(with_figures_or_cited) >= 24  # issue 9: at least 24 sources beyond the seeds


def test_every_source_outside_the_seeds_names_the_copy_read(ds):
    for source in ds.sources:
        if source.id in OUTSIDE_THE_SEEDS:
            assert source.note, source.id
            assert "2026-11-25" in source.note, source.id


def test_editions_are_one_voice(ds):
    editions = {s.id for s in ds.sources if s.edition_of}
    assert editions == {
        "govexec-2009-12-agencies-join-forces",
        "usd-news-2013-03-gun-trafficking-grows",  # U-T San Diego's story on the university's site
        "deseret-2013-03-24-253k-guns",  # McClatchy's story in the Deseret News
    }
    assert not [s for s in ds.statistics if s.source in editions]


def test_the_ninety_percent_figures_have_different_denominators(ds):
    nineties = [
        s
        for s in ds.statistics
        if s.quantity.value == 90 and "firearms" in s.measure and s.source in SEED_SOURCES
    ]
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
