"""The query API: look-ups, filters, ordering, timelines and navigation, on the bundled data."""

import datetime

import attrs
import pendulum
import pytest

import gunflow


@pytest.fixture(scope="module")
def ds():
    return gunflow.load()


def test_get_by_id_abbreviation_alias_any_case(ds):
    assert ds.agencies.get("ATF") is ds.agencies.get("atf")
    assert ds.agencies.get("justice department").id == "doj"
    assert ds.people.get("glenn fine").id == "glenn-fine"
    with pytest.raises(gunflow.NotFound, match="did you mean 'ice'"):
        ds.agencies.get("icee")


def test_filter_by_measure_includes_narrower_measures(ds):
    seized = ds.statistics.filter(measure="firearms.mx.seized")
    measures = {s.measure for s in seized}
    # the root has no figure of its own; its parts (part_of, at any depth) do
    assert "firearms.mx.recovered.us_origin" in measures
    assert "firearms.mx.submitted_for_tracing" in measures
    assert "firearms.border_or_raids.us_origin.share" not in measures  # not part_of it
    assert isinstance(seized, gunflow.Collection)


def test_filter_by_period_during_and_overlapping(ds):
    within = ds.statistics.filter(during="2009")
    assert within.ids()
    assert all(s.period is not None or s.as_of.year == 2009 for s in within)
    assert "reuters-2016-01-11/submitted-for-tracing-2009-2014" not in within
    touching = ds.statistics.filter(overlapping=("2009-01-01", "2009-12-31"))
    assert "reuters-2016-01-11/submitted-for-tracing-2009-2014" in touching
    same = ds.statistics.filter(overlapping=gunflow.Period.parse("2009"))
    assert same == touching
    dated = ds.statistics.filter(overlapping=pendulum.date(2009, 7, 1))
    assert "govexec-2009-12-guns-and-drugs/surge-leads" in dated


def test_filter_combines_criteria_and_a_predicate(ds):
    gao = ds.statistics.filter(agency="gao", hedge="more than")
    assert gao.ids() == (
        "govexec-2009-12-guns-and-drugs/gao-traced-to-us-2004-2008",
        "washingtonpost-2016-01-14-cartels-gun-laws/us-origin-count-2009-2014",
    )
    big = ds.statistics.filter(lambda s: (s.quantity.value or 0) > 50000, source="cnn-2010-11-09")
    assert big.ids() == (
        "cnn-2010-11-09/ammunition-interdicted-since-2006",
        "cnn-2010-11-09/mexico-traces",
    )


def test_filter_rejects_criteria_that_do_not_apply_and_unknown_ids(ds):
    with pytest.raises(TypeError, match="cannot be filtered by 'hedge'"):
        ds.sources.filter(hedge="about")
    with pytest.raises(gunflow.NotFound, match="no measure matches"):
        ds.statistics.filter(measure="firearms.mx")
    with pytest.raises(ValueError, match="not a date"):
        ds.statistics.filter(during="last year")


def test_events_timeline_and_between(ds):
    timeline = ds.events.timeline()
    firsts = [e.when.first_day() or e.when.last_day() for e in timeline if e.when]
    assert firsts == sorted(firsts)
    assert timeline[0].id == "1968-gun-control-act"
    assert timeline[-1].when is None  # undated last
    june = ds.events.between("2009-06-01", "2009-06-30")
    assert "2009-06-atf-ice-mou-signed" in june
    assert "2009-07-bersin-testimony" not in june
    assert "2016-01-guzman-recaptured" not in june  # known only to be before 2016
    assert isinstance(june, gunflow.Events)


def test_sorted_first_ids_len(ds):
    by_date = ds.sources.sorted("published")
    dated = [s.published.sort_key() for s in by_date if s.published is not None]
    assert dated == sorted(dated)
    assert by_date[-1].published is None  # undated last
    desc = ds.statistics.sorted(lambda s: s.quantity.value or 0, reverse=True)  # ranges: no value
    # $127.2 million a year, told by McClatchy and U-T San Diego: ties keep the id order
    assert desc.first().id == "mcclatchy-2013-03-18-guns-flood-into-mexico/yearly-value"
    assert len(ds.statistics.filter(source="gao-09-709")) == 3


def test_navigation_follows_ids_to_records(ds):
    figure = ds.statistics.get("govexec-2009-12-guns-and-drugs/gao-traced-to-us-2004-2008")
    assert ds.source_of(figure).publisher == "Government Executive"
    assert ds.measure_of(figure).family == "firearms.us_origin_share"
    assert [a.id for a in ds.speakers_of(figure)] == ["gao"]
    assert [s.id for s in ds.citations_of(figure)] == ["gao-09-709"]
    assert ds.primary_of(figure).quantity.written == "around 87 percent"
    atf = ds.agencies.get("atf")
    assert ds.parent_of(atf).id == "doj"
    assert ds.parent_of(ds.agencies.get("us-government")) is None
    assert {a.id for a in ds.children_of(ds.agencies.get("dhs"))} == {"ice", "cbp"}
    assert "kenneth-melson" in ds.people_of(atf)
    assert ds.programs_of(atf).ids() == (
        "atf-southwest-border-initiatives",
        "etrace",
        "project-gunrunner",
    )
    melson = ds.people.get("melson")
    assert "latimes-2010-11-10/gunrunner-investigations-up" in ds.statistics_of(melson)
    assert "2009-06-atf-ice-mou-signed" in ds.events_of(melson)
    assert len(ds.statistics_of(ds.sources.get("reuters-2016-01-11"))) == 5
    assert ds.find("atf") is atf


def test_collections_and_records_are_immutable(ds):
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ds.statistics = ds.statistics  # type: ignore[misc]
    with pytest.raises(AttributeError):
        ds.statistics.append  # noqa: B018 - no such method
    with pytest.raises(TypeError):
        ds.statistics[0] = None  # type: ignore[index]
    figure = ds.statistics[0]
    with pytest.raises(AttributeError):
        figure.attributed_to.append("someone")  # a tuple, not a list
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        figure.quantity.value = 1  # type: ignore[misc]
    before = ds.statistics.ids()
    ds.statistics.filter(source="gao-09-709")  # queries return new collections
    assert ds.statistics.ids() == before


def test_as_period_accepts_dates_and_pairs():
    assert str(gunflow.as_period(datetime.date(2009, 6, 30))) == "2009-06-30"
    assert str(gunflow.as_period((None, "2009"))) == "/2009"
    with pytest.raises(TypeError):
        gunflow.as_period(2009)  # type: ignore[arg-type]
