"""The precompiled bundled records: in step with the TOML, equal to it, never read when stale."""

import subprocess
import sys
from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

import gunflow
from gunflow import _loading, _precompiled
from gunflow import strategies as gst
from gunflow._kinds import KINDS
from gunflow.dataset import build

REGENERATE = "regenerate it: python -m gunflow._precompiled"


def same(a: object, b: object) -> bool:
    """Equal in every field, of the same types, numbers written alike ("70.0" is not "70")."""
    if type(a) is not type(b):
        return False
    if attrs.has(type(a)):
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in attrs.fields(type(a)))
    if isinstance(a, tuple | list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Decimal):
        return a.as_tuple() == b.as_tuple()
    return a == b


def test_same_tells_apart_what_equality_does_not():
    assert Decimal("70.0") == Decimal(70)
    assert not same(Decimal("70.0"), Decimal(70))
    assert not same(1, True)
    assert not same(("a", 1), ("a", 1, 2))
    ds = gunflow.load()
    atf = ds.agencies.get("atf")
    assert same(atf, atf)
    assert not same(atf, attrs.evolve(atf, name=atf.name + "."))


def test_the_shipped_precompiled_records_are_those_of_the_bundled_files():
    assert _precompiled.precompiled_records(_precompiled.bundled_files()) is not None, (
        f"the precompiled bundled records are out of step with the TOML files; {REGENERATE}"
    )


def test_the_precompiled_records_are_exactly_the_parsed_toml():
    files = _precompiled.bundled_files()
    parsed = _loading.parse_bundled(files)
    precompiled = _precompiled.precompiled_records(files)
    assert precompiled is not None, REGENERATE
    assert len(parsed) > 400  # every bundled record, of every kind
    assert {kind for kind, _, _ in parsed} == set(KINDS)
    assert same(precompiled, parsed), REGENERATE


def test_load_keeps_exactly_what_parsing_the_toml_gives():
    parsed = _loading.parse_bundled(_precompiled.bundled_files())
    dataset, located = _loading._load_bundled()
    assert same(located, parsed)
    assert dataset == build(parsed)
    assert dict(dataset.origins) == dict(build(parsed).origins)
    assert gunflow.load() is dataset


def test_load_reads_no_toml_and_imports_no_parser_when_precompiled():
    code = (
        "import sys, gunflow; gunflow.load();"
        "print(sorted(m for m in ('gunflow.io', 'tomllib', 'json', 'difflib', 'gunflow.checks')"
        " if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _edited(files: list[tuple[str, bytes]], old: bytes, new: bytes) -> list[tuple[str, bytes]]:
    name, data = next((n, d) for n, d in files if n.endswith("/agencies.toml"))
    assert data.count(old) == 1
    return [(n, data.replace(old, new) if n == name else d) for n, d in files]


def test_an_edited_bundled_file_is_parsed_not_read_from_the_stale_copy(monkeypatch):
    old = b'name = "Bureau of Alcohol, Tobacco, Firearms and Explosives"'
    edited = _edited(_precompiled.bundled_files(), old, old.replace(b"Bureau", b"Office"))
    assert _precompiled.precompiled_records(edited) is None
    monkeypatch.setattr(_loading, "bundled_files", lambda: edited)
    monkeypatch.setattr(_loading, "_bundled", None)
    name = _loading.load().agencies.get("atf").name
    assert name == "Office of Alcohol, Tobacco, Firearms and Explosives"


def test_a_change_of_bytes_that_changes_no_record_still_misses():
    files = _precompiled.bundled_files()
    edited = [(name, data + b"\n# a comment\n") for name, data in files[:1]] + files[1:]
    assert _precompiled.precompiled_records(edited) is None


def test_a_record_class_with_other_fields_misses(monkeypatch):
    files = _precompiled.bundled_files()
    fields = _precompiled._layout()
    assert b"gunflow.model.statistic.Statistic: id measure" in fields
    monkeypatch.setattr(_precompiled, "_layout", lambda: fields + b" derived_from_more")
    assert _precompiled.precompiled_records(files) is None


def test_a_missing_or_unreadable_precompiled_file_misses(monkeypatch):
    files = _precompiled.bundled_files()
    header = _precompiled._MAGIC + _precompiled.key(files)
    assert _precompiled.from_bytes(header + b"\nnot a pickle", files) is None
    assert _precompiled.from_bytes(b"", files) is None
    monkeypatch.setattr(_precompiled, "FILE_NAME", "nothing-here.pickle")
    assert _precompiled.precompiled_records(files) is None


files_strategy = st.lists(
    st.tuples(st.text(min_size=1, max_size=20), st.binary(max_size=50)), max_size=4
)


@given(files_strategy, st.data())
def test_the_key_changes_with_any_name_or_byte(files, data):
    assert _precompiled.key(files) == _precompiled.key(list(files))
    assert len(_precompiled.key(files)) == 64
    if files:
        i = data.draw(st.integers(0, len(files) - 1))
        name, content = files[i]
        changed = data.draw(
            st.tuples(st.text(max_size=20), st.binary(max_size=50)).filter(
                lambda f: f != (name, content)
            )
        )
        assert _precompiled.key([*files[:i], changed, *files[i + 1 :]]) != _precompiled.key(files)


any_record = st.one_of(
    gst.sources(),
    gst.agencies(),
    gst.people(),
    gst.programs(),
    gst.measures(),
    gst.statistics(),
    gst.events(),
    gst.relations(),
    gst.acknowledgements(),
)


@given(st.lists(any_record, max_size=5))
def test_any_records_read_back_exactly(records):
    files = [("<bundled>/a.toml", b"x")]
    located = tuple((type(r).__name__.lower(), r, "<bundled>/a.toml") for r in records)
    assert same(_precompiled.from_bytes(_precompiled.to_bytes(located, files), files), located)
    assert _precompiled.from_bytes(_precompiled.to_bytes(located, files), files[:0]) is None
