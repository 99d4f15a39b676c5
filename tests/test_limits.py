"""Limits a user can rely on: past a limit, a clear error naming the file; never a hang."""

import json
from pathlib import Path

import pytest

import gunflow

AGENCY = {"record": "agency", "name": "An office", "kind": "law_enforcement", "country": "US"}


def jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_defaults_are_documented_values():
    assert gunflow.Limits() == gunflow.Limits(max_file_bytes=256 * 2**20, max_line_chars=2**20)


@pytest.mark.parametrize("bad", [0, -1, 1.5, "10", True])
def test_limits_are_positive_whole_numbers(bad):
    with pytest.raises(ValueError, match="positive whole number"):
        gunflow.Limits(max_file_bytes=bad)


def test_a_file_over_the_limit_is_refused_by_name_and_loads_once_raised(tmp_path):
    path = jsonl(tmp_path / "mine.jsonl", {**AGENCY, "id": "mine"})
    size = path.stat().st_size
    with pytest.raises(gunflow.DataError) as caught:
        gunflow.read(path, limits=gunflow.Limits(max_file_bytes=size - 1))
    (problem,) = caught.value.problems
    assert problem.file == str(path)
    assert f"larger than the limit of {size - 1:,} bytes" in problem.message
    assert "gunflow.Limits(max_file_bytes=" in problem.message
    ds = gunflow.read(path, limits=gunflow.Limits(max_file_bytes=size))
    assert ds.agencies.ids() == ("mine",)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_file_is_read_only_up_to_the_limit():
    with pytest.raises(gunflow.DataError, match="larger than the limit of 1,000 bytes"):
        gunflow.load(extra=["/dev/zero"], limits=gunflow.Limits(max_file_bytes=1000))


def test_a_line_over_the_limit_is_refused_by_number(tmp_path):
    long_note = "x" * 5000
    path = jsonl(
        tmp_path / "mine.jsonl",
        {**AGENCY, "id": "short"},
        {**AGENCY, "id": "long", "note": long_note},
    )
    with pytest.raises(gunflow.DataError) as caught:
        gunflow.read(path, limits=gunflow.Limits(max_line_chars=1000))
    (problem,) = caught.value.problems
    assert (problem.file, problem.record) == (str(path), "line 2")
    assert "over the limit of 1,000" in problem.message
    roomy = gunflow.read(path, limits=gunflow.Limits(max_line_chars=10_000))
    assert roomy.agencies.get("long").note == long_note


def test_a_line_of_tens_of_megabytes_is_refused_by_default_and_loads_when_allowed(tmp_path):
    note = "x" * (20 * 2**20)
    path = jsonl(tmp_path / "big.jsonl", {**AGENCY, "id": "big", "note": note})
    with pytest.raises(gunflow.DataError, match="line 1: -: a line of 20,971,"):
        gunflow.read(path)
    allowed = gunflow.read(path, limits=gunflow.Limits(max_line_chars=32 * 2**20))
    assert allowed.agencies.get("big").note == note


def test_a_huge_id_is_reported_readably(tmp_path):
    path = jsonl(tmp_path / "mine.jsonl", {**AGENCY, "id": "a" * 500_000 + "!"})
    with pytest.raises(gunflow.DataError) as caught:
        gunflow.read(path)
    assert len(str(caught.value)) < 2000
    assert "500,001 characters" in str(caught.value)


def test_the_cli_limits_are_the_library_defaults(tmp_path):
    from gunflow.cli import main

    path = jsonl(tmp_path / "mine.jsonl", {**AGENCY, "id": "x", "note": "y" * (2**20 + 1)})
    assert main(["--data", str(path)]) == 2


def test_the_command_line_sets_the_limits(tmp_path, capsys):
    from gunflow.cli import main

    big = tmp_path / "big.toml"
    big.write_text("# " + "x" * 200 + "\n", encoding="utf-8")
    assert main(["--max-file-bytes", "100", "--data", str(big), "summary"]) == 2
    assert "100" in capsys.readouterr().err
    assert main(["--max-file-bytes", "1000", "--data", str(big), "summary"]) == 0
