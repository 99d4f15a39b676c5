import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gunflow
from gunflow._terminal import wrap
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
    assert "[duration]" in out
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
    argv = ["stats", "--agency", "gao", "--source", "govexec-2009-12-guns-and-drugs"]
    assert main([*argv, "--format", "json"]) == 0
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


def test_check_fits_100_columns_and_puts_unacknowledged_errors_first(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    mine = tmp_path / "mine.toml"
    mine.write_text(CONTRADICTION, encoding="utf-8")
    assert main(["check", "--data", str(mine)]) == 1
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 100
    headings = [line for line in out.splitlines() if line.isupper() or "ERRORS (" in line]
    assert headings[:2] == ["UNACKNOWLEDGED ERRORS (6)", "ACKNOWLEDGED ERRORS (27)"]
    assert out.index("my-story/shares") < out.index("why: Government Executive")
    assert (
        out.splitlines()[0] == "gunflow check: 33 errors (6 unacknowledged), 34 warnings, 4 infos"
    )


def test_check_hide_acknowledged_still_counts_them(capsys):
    assert main(["check", "--hide-acknowledged"]) == 0
    out = capsys.readouterr().out
    assert "27 errors (0 unacknowledged)" in out
    assert "why:" not in out
    assert "ACKNOWLEDGED" not in out


def test_check_shows_a_quote_shared_by_two_figures_once(capsys):
    assert main(["check", "--rule", "change"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert out.count("recovered nearly 600 illegal weapons from April") == 1
    assert "govexec-2009-12-guns-and-drugs/ice-cbp-weapons-up" in out
    assert "govexec-2009-12-guns-and-drugs/ice-cbp-weapons-recovered" in out


class _Terminal:
    def isatty(self):
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    from gunflow._terminal import Style

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert Style.for_stream(_Terminal()).enabled
    assert not Style.for_stream(__import__("io").StringIO()).enabled
    monkeypatch.setenv("NO_COLOR", "1")
    assert not Style.for_stream(_Terminal()).enabled
    assert Style(enabled=True)("x", "error") == "\033[31mx\033[0m"


def test_version(capsys):
    from importlib.metadata import version

    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"gunflow {version('gunflow')}"


def test_stats_shows_the_figure_its_measure_and_the_whole_quote(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    assert main(["stats", "--source", "gao-09-709"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 60
    joined = " ".join(out.split())
    assert "as written: around 87 percent, read as [86, 88]" in joined
    assert "unit: percent" in joined
    assert "period: 2004/2008" in joined or "period:" in joined
    quote = gunflow.load().statistics.get("gao-09-709/us-origin-share-traced-5-years").quote
    assert f"“{quote}”" in joined


def test_verify_quotes_fails_when_nothing_was_verified(tmp_path, capsys):
    assert main(["verify-quotes", str(tmp_path)]) == 1
    assert "no quote verified" in capsys.readouterr().err


def test_check_never_splits_an_interval_across_lines(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    main(["check"])
    out = capsys.readouterr().out
    assert "[63,000, 70,000]" in out  # "Nearly 70,000", which sat at a line's end
    assert not re.search(r"[\[(][^\s\[\]()]*,\n", out)


@given(
    words=st.lists(
        st.sampled_from(["guns", "of", "U.S.-originated", "(about)", "[sic]"]), max_size=12
    ),
    low=st.integers(0, 10**6),
    high=st.integers(0, 10**6),
    columns=st.integers(30, 60),
)
def test_wrap_keeps_each_interval_on_one_line(words, low, high, columns):
    interval = str(
        gunflow.Interval(low=min(low, high), high=max(low, high), high_closed=low % 2 == 0)
    )
    text = " ".join([*words, interval, *words])
    wrapped = wrap(text, columns=columns)
    assert any(interval in line for line in wrapped.splitlines())
    assert wrapped.replace("\n", " ") == text  # only spaces became line breaks
