import pytest

import gunflow
from gunflow.cli import main


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
