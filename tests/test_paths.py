"""Paths stay where they belong: a record's file name cannot reach outside its folder."""

import json
import os
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gunflow
from gunflow._files import inside
from gunflow._verify import verify_quotes
from gunflow.cli import main

SOURCE = "[[source]]\nid = 'mine'\nkind = 'dataset'\ntitle = 'Mine'\npublisher = 'Me'\n"
QUOTED = (
    "[[statistic]]\nid = 'mine/count'\nmeasure = 'firearms.mx.seized'\n"
    "quantity = { value = 7, unit = 'count', written = '7' }\nperiod = '2009'\n"
    "source = 'mine'\nquote = 'we seized 7 rifles'\n"
)


@pytest.mark.parametrize(
    "name", ["../x", "/etc/passwd", "texts/../../x", "..", "C:\\\\x.txt", "a\\\\b.txt"]
)
def test_a_text_file_that_is_not_a_plain_name_is_refused_at_load(tmp_path, name):
    path = tmp_path / "mine.toml"
    path.write_text(SOURCE + f'text_file = "{name}"\n', encoding="utf-8")
    with pytest.raises(gunflow.DataError) as caught:
        gunflow.read(path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.record, problem.field) == (str(path), "mine", "text_file")
    assert "not a plain file name" in problem.message


def test_a_nul_in_a_text_file_is_refused_in_json_lines(tmp_path):
    path = tmp_path / "mine.jsonl"
    record = {
        "record": "source",
        "id": "mine",
        "kind": "dataset",
        "title": "Mine",
        "publisher": "Me",
        "text_file": "a\0.txt",
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(gunflow.DataError, match=r"mine: text_file: holds U\+0000"):
        gunflow.read(path)


@given(st.text(max_size=20))
def test_an_accepted_name_is_a_file_directly_in_the_folder(name):
    try:
        gunflow.Source(id="x", kind="dataset", title="t", publisher="p", text_file=name)
    except ValueError:
        return
    root = Path(tempfile.gettempdir()).resolve()
    assert inside(root, name).parent == root


def dataset_with_text(tmp_path, name="mine.txt"):
    data = tmp_path / "mine.toml"
    data.write_text(SOURCE + f"text_file = '{name}'\n" + QUOTED, encoding="utf-8")
    return gunflow.load(extra=[data]), data


needs_links = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need rights")


@needs_links
def test_verify_quotes_refuses_a_link_that_leaves_the_folder(tmp_path, capsys):
    ds, data = dataset_with_text(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("we seized 7 rifles", encoding="utf-8")
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "mine.txt").symlink_to(secret)
    with pytest.raises(gunflow.UnsafePath, match=r"source mine: text_file 'mine.txt' leads to"):
        verify_quotes(ds, texts)
    assert main(["verify-quotes", "--data", str(data), str(texts)]) == 2
    assert "outside" in capsys.readouterr().err


@needs_links
def test_links_inside_the_folder_and_a_linked_folder_are_fine(tmp_path):
    ds, _ = dataset_with_text(tmp_path)
    real = tmp_path / "real"
    real.mkdir()
    (real / "copy.txt").write_text("we seized 7 rifles", encoding="utf-8")
    (real / "mine.txt").symlink_to(real / "copy.txt")
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    for folder in (real, tmp_path / "linked"):
        (check,) = [c for c in verify_quotes(ds, folder) if c.source == "mine"]
        assert check.status == "ok"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_under_the_name_is_not_read(tmp_path):
    ds, _ = dataset_with_text(tmp_path)
    os.mkfifo(tmp_path / "mine.txt")  # reading it would wait for a writer forever
    (check,) = [c for c in verify_quotes(ds, tmp_path) if c.source == "mine"]
    assert check.status == "no text"


def test_a_text_that_is_not_utf8_is_named(tmp_path):
    ds, _ = dataset_with_text(tmp_path)
    (tmp_path / "mine.txt").write_bytes(b"we seized \xff7 rifles")
    with pytest.raises(gunflow.DataError, match=r"mine: text_file: mine.txt is not valid UTF-8"):
        verify_quotes(ds, tmp_path)
