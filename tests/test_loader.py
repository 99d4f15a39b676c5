"""Loading a user's file: every problem names the file, the record and the field."""

import threading

import pytest

import gunflow
from gunflow import DataError

GOOD = """
[[source]]
id = "my-notes"
kind = "dataset"
title = "My notes"
publisher = "Me"
cites = ["gao-09-709"]

[[agency]]
id = "my-unit"
name = "My unit"
kind = "law_enforcement"
country = "US"
parent = "atf"
"""


def write(tmp_path, text, name="mine.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def bundled_unchanged():
    before = gunflow.load()
    yield
    after = gunflow.load()
    assert after is before
    assert "my-unit" not in after.agencies


def problem_of(error: DataError, record: str):
    matching = [p for p in error.problems if p.record == record]
    assert matching, f"no problem names {record!r}: {error}"
    return matching[0]


def test_a_good_file_loads_with_the_bundled_data(tmp_path):
    ds = gunflow.load(extra=[write(tmp_path, GOOD)])
    assert ds.agencies.get("my-unit").parent == "atf"
    assert len(ds.sources) == len(gunflow.load().sources) + 1


def test_invalid_toml_syntax(tmp_path):
    path = write(tmp_path, GOOD + "\n[[source]\nid = ")
    with pytest.raises(DataError) as caught:
        gunflow.load(extra=[path])
    (problem,) = caught.value.problems
    assert problem.file == str(path)
    assert "invalid TOML" in problem.message
    assert "line" in problem.message  # says where


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        ("huge.toml", "[[measure]]\nid = " + "9" * 5000 + "\n", "invalid TOML"),
        ("huge.jsonl", '{"record": "measure", "id": ' + "9" * 5000 + "}\n", "invalid JSON"),
    ],
)
def test_a_number_too_long_to_read_is_a_problem_not_a_crash(tmp_path, name, text, says):
    # Python refuses to read an integer of more than 4,300 digits (a ValueError, not a
    # decoding error): the file is refused with a problem naming it, like any malformed one.
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        gunflow.read(path)
    (problem,) = caught.value.problems
    assert problem.file == str(path)
    assert problem.message.startswith(says)
    assert "4300 digits" in problem.message


def test_unknown_key(tmp_path):
    path = write(tmp_path, GOOD.replace('publisher = "Me"', 'publisher = "Me"\npublsher = "x"'))
    with pytest.raises(DataError) as caught:
        gunflow.load(extra=[path])
    problem = problem_of(caught.value, "my-notes")
    assert problem.file == str(path)
    assert "publsher" in problem.message
    assert f"{path}: my-notes: " in str(caught.value)


def test_wrong_type(tmp_path):
    path = write(tmp_path, GOOD.replace('title = "My notes"', "title = 42"))
    with pytest.raises(DataError) as caught:
        gunflow.load(extra=[path])
    problem = problem_of(caught.value, "my-notes")
    assert (problem.file, problem.field) == (str(path), "title")
    assert "expected a string" in problem.message


def test_impossible_date(tmp_path):
    path = write(
        tmp_path, GOOD.replace('publisher = "Me"', 'publisher = "Me"\npublished = "2009-02-30"')
    )
    with pytest.raises(DataError) as caught:
        gunflow.load(extra=[path])
    problem = problem_of(caught.value, "my-notes")
    assert (problem.file, problem.field) == (str(path), "published")
    assert "no day 30" in problem.message


def test_nested_field_is_named_with_its_path(tmp_path):
    text = (
        GOOD
        + """
[[statistic]]
id = "my-notes/share"
measure = "nothing.yet"
source = "my-notes"
quote = "Some 120 percent of guns"
quantity = { value = 120, unit = "percent", written = "120 percent" }
"""
    )
    with pytest.raises(DataError) as caught:
        gunflow.load(extra=[write(tmp_path, text)])
    problem = problem_of(caught.value, "my-notes/share")
    assert problem.field == "quantity.value"
    assert "cannot exceed 100 percent" in problem.message


def test_dangling_reference(tmp_path):
    path = write(tmp_path, GOOD.replace('parent = "atf"', 'parent = "atff"'))
    with pytest.raises(DataError) as caught:
        gunflow.load(extra=[path])
    problem = problem_of(caught.value, "my-unit")
    assert (problem.file, problem.field) == (str(path), "parent")
    assert "'atff'" in problem.message


def test_reference_to_the_wrong_kind(tmp_path):
    path = write(tmp_path, GOOD.replace('cites = ["gao-09-709"]', 'cites = ["atf"]'))
    with pytest.raises(DataError) as caught:
        gunflow.load(extra=[path])
    problem = problem_of(caught.value, "my-notes")
    assert problem.field == "cites[0]"
    assert "'atf' is an agency, not a source" in problem.message


def test_duplicate_id_within_a_users_files(tmp_path):
    first = write(tmp_path, GOOD)
    second = write(tmp_path, GOOD.split("[[agency]]", maxsplit=1)[0], name="again.toml")
    with pytest.raises(DataError) as caught:
        gunflow.load(extra=[first, second])
    problem = problem_of(caught.value, "my-notes")
    assert (problem.file, problem.field) == (str(second), "id")
    assert str(first) in problem.message


def test_collision_with_a_bundled_id_is_an_error_not_an_overwrite(tmp_path):
    path = write(
        tmp_path, GOOD.replace('id = "my-unit"', 'id = "atf"').replace('parent = "atf"', "")
    )
    with pytest.raises(DataError) as caught:
        gunflow.load(extra=[path])
    problem = problem_of(caught.value, "atf")
    assert (problem.file, problem.field) == (str(path), "id")
    assert "<bundled>/agencies.toml" in problem.message
    assert gunflow.load().agencies.get("atf").name.startswith("Bureau of Alcohol")


def test_every_problem_of_a_file_is_reported_at_once(tmp_path):
    text = GOOD.replace("title = ", "title = 1 #").replace('country = "US"', 'country = "USA"')
    with pytest.raises(DataError) as caught:
        gunflow.load(extra=[write(tmp_path, text)])
    assert {p.record for p in caught.value.problems} == {"my-notes", "my-unit"}


def test_unreadable_and_non_utf8_files(tmp_path):
    missing = tmp_path / "missing.toml"
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b'title = "\xff"')
    with pytest.raises(DataError) as caught:
        gunflow.load(extra=[missing, binary])
    messages = {p.file: p.message for p in caught.value.problems}
    assert "cannot read" in messages[str(missing)]
    assert "UTF-8" in messages[str(binary)]


def test_unknown_kind_and_a_string_for_a_list(tmp_path):
    text = (
        GOOD.replace('cites = ["gao-09-709"]', 'cites = "gao-09-709"') + "\n[[sauce]]\nid = 'x'\n"
    )
    with pytest.raises(DataError) as caught:
        gunflow.load(extra=[write(tmp_path, text)])
    fields = {(p.record, p.field) for p in caught.value.problems}
    assert ("my-notes", "cites") in fields
    assert ("-", "sauce") in fields


def test_data_error_is_a_value_error(tmp_path):
    with pytest.raises(ValueError, match="1 problem in the data"):
        gunflow.load(extra=[write(tmp_path, "x = 1")])


def test_concurrent_first_loads_share_one_dataset():
    results = []
    threads = [threading.Thread(target=lambda: results.append(gunflow.load())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r is results[0] for r in results)


def test_first_loads_from_8_threads_read_the_files_once():
    import subprocess
    import sys

    code = """
import threading, gunflow._loading as loading
calls = []
real = loading.bundled_files
def counting():
    calls.append(1)
    return real()
loading.bundled_files = counting
barrier = threading.Barrier(8)
results = []
def first_load():
    barrier.wait()
    results.append(loading.load())
threads = [threading.Thread(target=first_load) for _ in range(8)]
[t.start() for t in threads]
[t.join() for t in threads]
assert len(results) == 8 and all(r is results[0] for r in results), results
assert len(calls) == 1, calls
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr


def test_import_reads_no_data_and_builds_nothing():
    import subprocess
    import sys

    code = "import sys, gunflow; print(sorted(m for m in sys.modules if m.startswith('gunflow')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['gunflow']"
