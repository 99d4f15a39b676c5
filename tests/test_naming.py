"""One way to name a record everywhere, and checks scoped to a user's own files."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gunflow
from gunflow.cli import main
from tests.builders import CONTRADICTION

DS = gunflow.load()


@pytest.fixture
def mine(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(CONTRADICTION, encoding="utf-8")
    return path


def test_an_agency_named_by_abbreviation_filters_like_its_id():
    by_abbreviation = DS.statistics.filter(agency="ATF")
    assert len(by_abbreviation) > 0
    assert by_abbreviation == DS.statistics.filter(agency="atf")
    assert all("atf" in s.attributed_to for s in by_abbreviation)


@given(agency=st.sampled_from(list(DS.agencies)), upper=st.booleans())
def test_every_name_of_an_agency_filters_alike(agency, upper):
    expected = DS.events.filter(agency=agency.id)
    for name in (agency.id, agency.abbreviation, *agency.aliases):
        if name:
            key = name.upper() if upper else name
            assert DS.events.filter(agency=key) == expected, key


def test_every_id_criterion_reads_keys_as_get_does():
    assert DS.statistics.filter(source="GAO-09-709") == DS.statistics.filter(source="gao-09-709")
    assert DS.statistics.filter(measure="FIREARMS.MX.SEIZED") == DS.statistics.filter(
        measure="firearms.mx.seized"
    )


def test_an_unknown_name_raises_not_found_with_close_matches():
    with pytest.raises(gunflow.NotFound, match="no agency matches 'atff'; did you mean 'atf'"):
        DS.statistics.filter(agency="atff")
    with pytest.raises(gunflow.NotFound, match="no source matches"):
        DS.statistics.filter(cites="gao-16-2233")


def test_cites_keeps_the_figures_credited_to_a_source():
    credited = DS.statistics.filter(cites="GAO-16-223")
    by_hand = [s for s in DS.statistics if "gao-16-223" in s.cites]
    assert len(by_hand) > 0
    assert list(credited) == by_hand


def test_find_takes_any_name_of_a_record():
    assert DS.find("ATF").id == "atf"
    assert DS.find("GAO-16-223").id == "gao-16-223"
    with pytest.raises(gunflow.NotFound, match="did you mean 'gao-16-223'"):
        DS.find("gao-16-23")


def test_a_file_with_a_byte_order_mark_loads(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + CONTRADICTION.encode("utf-8"))
    assert gunflow.load(extra=[path]).sources.get("my-story").publisher == "Me"


def test_origins_name_the_file_of_each_record(mine):
    ds = gunflow.load(extra=[mine])
    assert ds.origins["my-story/shares"] == str(mine)
    assert ds.origins["gao-16-223"] == "<bundled>/sources.toml"


def test_report_filter_by_file_keeps_the_findings_about_its_figures(mine, tmp_path):
    report = gunflow.check(gunflow.load(extra=[mine]))
    assert any(f.acknowledged for f in report)  # the bundled data's, left out below
    mine_only = report.filter(files=[mine])
    assert len(mine_only) > 0
    assert all("my-story/shares" in f.statistic_ids for f in mine_only)
    # against three relays of the 70 percent, and times three relays of the total (see
    # test_review_fixes)
    rules = sorted(f.rule for f in mine_only.unacknowledged_errors)
    assert rules == ["agreement"] * 3 + ["share_whole"] * 3
    assert report.filter(files=[tmp_path / "." / "mine.toml"]) == mine_only
    with pytest.raises(gunflow.NotFound, match="no checked record was read from"):
        report.filter(files=[tmp_path / "other.toml"])


def test_cli_check_only_shows_the_findings_about_a_file(mine, capsys):
    assert main(["check", "--only", str(mine)]) == 1
    out = capsys.readouterr().out
    assert "my-story/shares" in out
    assert "why:" not in out  # no acknowledged finding of the bundled data
    assert main(["check", "--data", str(mine), "--only", str(mine), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert all("my-story/shares" in [s["id"] for s in f["statistics"]] for f in data["findings"])


def test_cli_stats_takes_cites_in_any_case(capsys):
    assert main(["stats", "--cites", "GAO-16-223", "--format", "json"]) == 0
    ids = [r["id"] for r in json.loads(capsys.readouterr().out)]
    assert ids == list(DS.statistics.filter(cites="gao-16-223").ids())


def test_report_filter_by_an_unknown_statistic_raises_not_found_with_close_matches():
    report = gunflow.check(DS)
    wanted = "gao-09-709/us-origin-share-traced-5-years"
    with pytest.raises(gunflow.NotFound, match=f"no statistic matches .*did you mean '{wanted}'"):
        report.filter(statistic=wanted[:-1])
    assert report.filter(statistic=wanted.upper()) == report.filter(statistic=wanted)
    assert len(report.filter(statistic=wanted)) > 0


def test_report_filter_by_a_statistic_in_no_finding_is_empty_not_an_error():
    report = gunflow.check(DS)
    involved = {i for f in report for i in f.statistic_ids}
    quiet = next(s for s in DS.statistics if s.id not in involved)
    assert len(report.filter(statistic=quiet.id)) == 0


def test_a_report_made_from_findings_alone_cannot_tell_an_unknown_statistic():
    findings = gunflow.check(DS).findings
    by_hand = gunflow.Report(findings=findings)
    assert len(by_hand.filter(statistic="no-such/figure")) == 0
