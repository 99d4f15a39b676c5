"""Hostile input: the loader's only exception is DataError, naming file, record and field."""

import datetime

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gunflow
from tests.test_bundled import OUTSIDE_THE_SEEDS

TEMPLATES = {
    "source": {
        "id": "fuzz-source",
        "kind": "news_article",
        "title": "A story",
        "publisher": "Me",
        "published": "2016-02",
        "cites": ["gao-16-223"],
    },
    "agency": {
        "id": "fuzz-agency",
        "name": "An office",
        "kind": "law_enforcement",
        "country": "US",
        "parent": "atf",
    },
    "statistic": {
        "id": "fuzz-source/share",
        "measure": "firearms.mx.submitted_for_tracing.us_origin.share",
        "quantity": {"value": 70, "unit": "percent", "written": "70 percent"},
        "period": "2009/2014",
        "as_of": "2016-01",
        "source": "reuters-2016-01-11",
        "quote": "70 percent came from the United States",
    },
    "event": {
        "id": "fuzz-event",
        "kind": "meeting",
        "title": "A meeting",
        "when": "2009-11",
        "agencies": ["atf"],
        "evidence": [{"source": "reuters-2016-01-11", "quote": "they met"}],
    },
}

HOSTILE = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.just(""),
    st.just("x" * 100_000),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.just("2009-02-30"),
    st.just("not-a-date"),
    st.just("no-such-id"),
    st.just("atf"),
    st.lists(st.integers(), max_size=3),
    st.recursive(st.integers(), lambda inner: st.dictionaries(st.just("a"), inner), max_leaves=60),
)


@st.composite
def hostile_tables(draw):
    kind = draw(st.sampled_from(sorted(TEMPLATES)))
    table = {k: (dict(v) if isinstance(v, dict) else v) for k, v in TEMPLATES[kind].items()}
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        action = draw(st.sampled_from(["replace", "drop", "extra", "nested"]))
        field = draw(st.sampled_from(sorted(table)))
        if action == "replace":
            table[field] = draw(HOSTILE)
        elif action == "drop":
            table.pop(field, None)
        elif action == "extra":
            table[draw(st.sampled_from(["colour", "Id", "quote2"]))] = draw(HOSTILE)
        elif isinstance(table.get("quantity"), dict):
            table["quantity"][draw(st.sampled_from(["value", "unit", "hedge", "x"]))] = draw(
                HOSTILE
            )
    return kind, table


@given(st.lists(hostile_tables(), min_size=1, max_size=4), st.booleans())
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_hostile_toml_only_ever_raises_data_error(tmp_path_factory, tables, twice):
    before = gunflow.load()
    folder = tmp_path_factory.mktemp("fuzz")
    document: dict[str, list] = {}
    for kind, table in tables:
        document.setdefault(kind, []).append(table)
    try:
        text = tomli_w.dumps(document)
    except (TypeError, ValueError):  # a value TOML cannot hold at all: skip it
        return
    path = folder / "mine.toml"
    path.write_text(text, encoding="utf-8")
    paths = [path, path] if twice else [path]  # the same ids twice: duplicates across files
    try:
        ds = gunflow.load(extra=paths)
    except gunflow.DataError as error:  # either outcome is fine; the exception's form is checked
        assert error.problems  # noqa: PT017
        for problem in error.problems:
            assert problem.file == str(path)
            assert problem.record
            assert problem.field or problem.record == "-", problem
            assert problem.message
    else:
        assert not twice  # loading the same records twice must collide
        assert len(ds) > len(before)
    assert gunflow.load() is before
    # the 56 figures of the four seed articles, and those read in later documents
    assert len(before.statistics) == 56 + sum(OUTSIDE_THE_SEEDS.values())


@given(st.binary(max_size=200))
@settings(max_examples=100, deadline=None)
def test_any_bytes_only_ever_raise_data_error(tmp_path_factory, data):
    before = gunflow.load()
    path = tmp_path_factory.mktemp("bytes") / "mine.toml"
    path.write_bytes(data)
    try:
        gunflow.load(extra=[path])
    except gunflow.DataError as error:
        assert all(p.file == str(path) for p in error.problems)  # noqa: PT017
    assert gunflow.load() is before


def test_deep_nesting_is_a_data_error(tmp_path):
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(gunflow.DataError) as caught:
        gunflow.load(extra=[path])
    assert caught.value.problems[0].file == str(path)


def test_dates_and_datetimes_from_toml(tmp_path):
    table = dict(TEMPLATES["source"], published=datetime.date(2016, 2, 1))
    path = tmp_path / "dated.toml"
    path.write_text(tomli_w.dumps({"source": [table]}), encoding="utf-8")
    assert str(gunflow.load(extra=[path]).sources.get("fuzz-source").published) == "2016-02-01"
    table["published"] = datetime.datetime(2016, 2, 1, 12, 0)  # noqa: DTZ001
    path.write_text(tomli_w.dumps({"source": [table]}), encoding="utf-8")
    with pytest.raises(gunflow.DataError) as caught:
        gunflow.load(extra=[path])
    assert caught.value.problems[0].field == "published"
