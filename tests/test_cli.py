import pytest

import gunflow
from gunflow.cli import main
from tests.builders import CONTRADICTION


def test_summary_is_the_default(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "statistics" in out
    assert "gao-09-709" in out


def test_bad_user_data_exits_2_and_names_the_problem(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[agency]]\nid = 'x'\n", encoding="utf-8")
    assert main(["--data", str(bad)]) == 2
    assert f"{bad}: x: name: required field missing" in capsys.readouterr().err


def test_verify_quotes_finds_a_changed_quote(tmp_path, capsys):
    ds = gunflow.load()
    for source in ds.sources:
        if source.text_file:
            (tmp_path / source.text_file).write_text("nothing quoted here", encoding="utf-8")
    assert main(["verify-quotes", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "MISMATCH latimes-2010-11-10/us-firearms-recovered-2007-2009" in out


def test_verify_quotes_needs_a_folder(tmp_path, capsys):
    assert main(["verify-quotes", str(tmp_path / "nope")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_help_exits_cleanly(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    assert "verify-quotes" in capsys.readouterr().out


def test_check_is_the_main_job_and_passes_on_the_bundled_data(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "0 unacknowledged" in out
    assert "== duration" in out
    assert "why: Government Executive" in out


def test_check_exits_1_on_a_users_contradiction(tmp_path, capsys):
    mine = tmp_path / "mine.toml"
    mine.write_text(CONTRADICTION, encoding="utf-8")
    assert main(["check", "--data", str(mine), "--min-severity", "error"]) == 1
    out = capsys.readouterr().out
    assert "my-story/shares" in out
    assert "reuters-2016-01-11/us-origin-share-2009-2014" in out
    assert "warning:" not in out


def test_check_json_is_machine_readable(capsys):
    import json

    assert main(["check", "--format", "json", "--rule", "duration"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rules"] == ["duration"]
    assert data["counts"] == {"error": 1, "unacknowledged_error": 0, "warning": 0, "info": 0}
    assert data["findings"][0]["acknowledged"] == "govexec-surge-120-days-vs-three-months"


def test_check_rejects_an_unknown_rule(capsys):
    assert main(["check", "--rule", "agreemnt"]) == 2
    assert "did you mean 'agreement'" in capsys.readouterr().err


def test_stats_filters_like_the_api(capsys):
    assert main(["stats", "--agency", "gao", "--format", "json"]) == 0
    (record,) = __import__("json").loads(capsys.readouterr().out)
    assert record["id"] == "govexec-2009-12-guns-and-drugs/gao-traced-to-us-2004-2008"


def test_stats_unknown_measure_exits_2_with_a_suggestion(capsys):
    assert main(["stats", "--measure", "firearms.mx"]) == 2
    assert "did you mean" in capsys.readouterr().err


def test_timeline_between_dates(capsys):
    assert main(["timeline", "--from", "2009-06-01", "--to", "2009-06-30"]) == 0
    out = capsys.readouterr().out
    assert "memorandum of understanding" in out
    assert "Bersin" not in out


def test_sources_table_and_json(capsys):
    assert main(["sources"]) == 0
    assert "gao-16-223" in capsys.readouterr().out
    assert main(["sources", "--format", "json"]) == 0
    assert len(__import__("json").loads(capsys.readouterr().out)) == len(gunflow.load().sources)


def test_export_writes_jsonl_that_reads_back(tmp_path, capsys):
    out = tmp_path / "stats.jsonl"
    assert main(["export", "--kind", "statistics", "-o", str(out)]) == 0
    with pytest.raises(gunflow.DataError, match="already used"):
        gunflow.load(extra=[out])  # the bundled ids are taken: an error, never an overwrite
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(gunflow.load().statistics)
    assert main(["export", "--format", "csl-json", "--kind", "sources"]) == 0
    assert '"type": "report"' in capsys.readouterr().out
