"""Hostile strings in every text field: loaded and written back unchanged, or refused clearly."""

import copy
import io
import json

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gunflow
from gunflow import export
from gunflow.model._common import UNSAFE_CHARACTERS

#: One record of every kind, referring only to each other, with every free-text field filled.
RECORDS = {
    "source": {
        "id": "h-source",
        "kind": "news_article",
        "title": "A story",
        "publisher": "The Paper",
        "authors": ["A. Writer"],
        "contributors": ["B. Editor"],
        "url": "https://example.com/story",
        "report_number": "R-1",
        "text_file": "story.txt",
        "note": "A note.",
    },
    "agency": {
        "id": "h-agency",
        "name": "An office",
        "kind": "law_enforcement",
        "country": "US",
        "abbreviation": "AO",
        "aliases": ["The Office"],
        "note": "A note.",
    },
    "person": {
        "id": "h-person",
        "name": "C. Official",
        "aliases": ["Official"],
        "roles": [{"title": "director", "source": "h-source", "agency": "h-agency"}],
        "note": "A note.",
    },
    "program": {
        "id": "h-program",
        "name": "A program",
        "aliases": ["The Program"],
        "description": "What it does.",
        "note": "A note.",
    },
    "measure": {
        "id": "h-measure",
        "label": "Firearms seized",
        "kind": "count",
        "unit": "count",
        "population": "firearms seized",
        "note": "A note.",
    },
    "statistic": {
        "id": "h-source/seized",
        "measure": "h-measure",
        "quantity": {"value": 70, "unit": "count", "written": "70"},
        "period": "2009",
        "source": "h-source",
        "quote": "they seized 70 rifles",
        "note": "A note.",
        "inferred": {"period": "The story says last year."},
    },
    "event": {
        "id": "h-event",
        "kind": "meeting",
        "title": "A meeting",
        "when": "2009-11",
        "evidence": [{"source": "h-source", "quote": "they met"}],
        "note": "A note.",
    },
}

#: Characters that have turned text against its readers, and some that merely look odd.
NASTY = [
    "\0", "\x01", "\x07", "\x08", "\t", "\n", "\r", "\x0b", "\x0c", "\x1b", "\x1b[31m", "\x7f",
    "\x85", "\x9b", "\u200b", "\u200e", "\u200f", "\u2028", "\u2029", "\u202a", "\u202b",
    "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\ufffd",
    "\ud800", "=cmd|' /C calc'!A0", "<script>alert(1)</script>", "javascript:", '"', "'", "\\",
    "]]", "}", "é", "😀",
]  # fmt: skip
HOSTILE = st.lists(st.sampled_from(NASTY) | st.text(max_size=3), min_size=1, max_size=5).map(
    "".join
)


def text_leaves(value, path=()):
    """Paths of every string in a record that is free text (not an id, kind, date or code)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from text_leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from text_leaves(item, (*path, index))
    elif isinstance(value, str) and path[-1] not in FIXED:
        yield path


FIXED = {"id", "kind", "country", "unit", "period", "when", "source", "measure", "agency"}
LEAVES = [(kind, path) for kind, record in RECORDS.items() for path in text_leaves(record)]


def put(record, path, value):
    for key in path[:-1]:
        record = record[key]
    record[path[-1]] = value


def get(record, path):
    for key in path:
        record = record[key]
    return record


@st.composite
def hostile_documents(draw):
    records = copy.deepcopy(RECORDS)
    kind, path = draw(st.sampled_from(LEAVES))
    hostile = draw(HOSTILE)
    original = get(records[kind], path)
    value = draw(st.sampled_from([hostile, original + hostile, hostile + original]))
    put(records[kind], path, value)
    return records, kind, path, value


def write(folder, records, as_jsonl):
    if as_jsonl:
        path = folder / "mine.jsonl"
        lines = [json.dumps({"record": k, **r}) for k, r in records.items()]  # \u escapes
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        path = folder / "mine.toml"
        path.write_text(tomli_w.dumps({k: [r] for k, r in records.items()}), encoding="utf-8")
    return path


def test_the_templates_load_and_cover_every_text_field(tmp_path):
    ds = gunflow.read(write(tmp_path, RECORDS, as_jsonl=False))
    assert len(ds) == len(RECORDS)
    assert len(LEAVES) == 29


@given(hostile_documents(), st.booleans())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_hostile_text_is_kept_exactly_or_refused_clearly(tmp_path_factory, document, as_jsonl):
    records, kind, path, value = document
    folder = tmp_path_factory.mktemp("hostile")
    if "\ud800" in value:
        as_jsonl = True  # a lone surrogate: TOML cannot write one, JSON can (escaped)
    file = write(folder, records, as_jsonl)
    try:
        ds = gunflow.read(file)
    except gunflow.DataError as error:
        for problem in error.problems:
            assert problem.file == str(file)
            assert problem.record != "-", problem
            assert problem.message
        if UNSAFE_CHARACTERS.search(value):
            expected = ".".join(str(p) for p in path if not isinstance(p, int))
            fields = {p.field for p in error.problems}
            assert any(expected.split(".")[-1] in f or f.startswith(path[0]) for f in fields)
        return
    assert not UNSAFE_CHARACTERS.search(value), "an unsafe character was let in"
    (loaded,) = [r for r in export.to_records(ds.records()) if r["record"] == kind]
    assert get(loaded, path) == value  # held exactly as written
    buffer = io.StringIO()
    export.write_jsonl(ds.records(), buffer)
    again = folder / "again.jsonl"
    again.write_text(buffer.getvalue(), encoding="utf-8")
    assert gunflow.read(again) == ds  # and written back unchanged
    csv_buffer = io.StringIO()
    export.write_csv(ds.records(), csv_buffer)  # never fails on what was loaded
