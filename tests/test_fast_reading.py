"""The quick paths of reading agree with the detailed ones, on good records and on bad."""

import contextlib
import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gunflow._integrity import _all_resolve, _references
from gunflow._kinds import KINDS
from gunflow.io import (
    _JSON,
    _converter_needed,
    _decoded,
    _is_trusted_record,
    get_converter,
    kind_of,
    parse_document,
    problems_of,
)
from gunflow.model._common import InvalidField
from gunflow.model._written import _read_numbers, numbers_in
from tests.builders import RECORD_STRATEGIES

RECORDS = RECORD_STRATEGIES
ANY_RECORD = st.one_of(*RECORDS.values())
#: Values a field should not hold, or may: wrong types, blanks, unsafe text, plausible words.
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.text(max_size=4),
    st.sampled_from(["", " ", "2009", "2009/2007", "count", "about", "a/b", "x\u202ey", "1,00"]),
    st.lists(st.sampled_from(["a", "a", "b", 3]), max_size=3),
    st.dictionaries(st.sampled_from(["start", "end", "fiscal", "unit", "x"]), st.integers(0, 3)),
)


def _outcome(read, written):
    try:
        return read(written)
    except InvalidField as error:
        return error.message


@given(
    st.from_regex(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?", fullmatch=True)
    | st.text("0123456789,.-− ab", max_size=12)
)
def test_a_figure_in_digits_reads_as_the_word_reader_reads_it(written):
    assert _outcome(numbers_in, written) == _outcome(_read_numbers, written)


@given(st.lists(ANY_RECORD, max_size=5), st.data())
def test_the_quick_reference_check_agrees_with_the_walk(records, data):
    # Give the ids the records name a record of an allowed kind, of any kind, or none; then
    # the check across all records must say what walking each record's references says.
    for record in list(records):
        for _, target, allowed in _references(kind_of(record), record):
            choice = data.draw(st.sampled_from(["allowed", "allowed", "any", "none"]))
            if choice != "none":
                kind = data.draw(st.sampled_from(allowed if choice == "allowed" else list(KINDS)))
                with contextlib.suppress(ValueError):  # an id that record cannot take
                    records.append(attrs.evolve(data.draw(RECORDS[kind]), id=target))
    unique = list({r.id: r for r in records}.values())  # the quick check needs ids used once
    assume(len(unique) == len(records))
    kind_of_id = {r.id: kind_of(r) for r in records}
    records_of = {}
    for record in records:
        records_of.setdefault(kind_of(record), []).append(record)
    every = all(
        kind_of_id.get(target) in allowed
        for record in records
        for _, target, allowed in _references(kind_of(record), record)
    )
    assert _all_resolve(records_of) == every


def _read_in_detail(kind, plain, name):
    """What the detailed converter alone makes of a table: the record, or its problems."""
    try:
        return [(kind, get_converter().structure(plain, KINDS[kind]))], [], []
    except Exception as error:  # any refusal: the reader must report the same
        return [], [(kind, plain)], problems_of(error, "f.jsonl", name)


def _assert_read_as_in_detail(kind, table):
    """A line of *table* gives the records and problems the detailed converter gives."""
    line = json.dumps({"record": kind, **table})
    plain = json.loads(line, parse_float=Decimal)
    del plain["record"]
    named = isinstance(plain.get("id"), str) and plain["id"].strip()
    expected = _read_in_detail(kind, plain, plain["id"] if named else "line 1")
    assert parse_document(line, "f.jsonl") == expected


@given(st.sampled_from(sorted(RECORDS)), st.data())
def test_a_record_is_read_as_the_detailed_reader_reads_it(kind, data):
    # A good record, or one with a field spoilt: the reader makes the record the detailed
    # converter makes, or refuses it with exactly the problems that converter finds.
    record = data.draw(RECORDS[kind])
    table = get_converter().unstructure(record)
    if data.draw(st.booleans()):
        table[data.draw(st.sampled_from([*sorted(table), "unknown"]))] = data.draw(JUNK)
    _assert_read_as_in_detail(kind, table)


#: One of each kind of bad value (and some good ones), tried in every field in turn.
EVERY_JUNK = (None, True, 3, "", " ", "x\u202ey", "1,00", "a/b", "Count", [], ["a", "a"], {})


def _places(table):
    """Every (holder, key) of *table*: its own fields, those of nested tables and lists."""
    for key, value in table.items():
        yield table, key
        if isinstance(value, dict):
            yield from _places(value)
        elif isinstance(value, list) and value:
            yield value, 0
            if isinstance(value[0], dict):
                yield from _places(value[0])


@pytest.mark.parametrize("kind", sorted(RECORDS))
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_every_field_spoilt_is_read_as_the_detailed_reader_reads_it(kind, data):
    # The reader makes records (and their quantities, roles, evidence) without redoing what
    # it has checked; every field, at any depth, given a bad value must still be refused with
    # the same problems, and a good one give the same record.
    table = get_converter().unstructure(data.draw(RECORDS[kind]))
    for place in [*_places(table), (table, "unknown")]:
        for junk in EVERY_JUNK:
            spoilt = json.loads(json.dumps(table))
            holder = spoilt
            for step in _path_to(table, place):
                holder = holder[step]
            holder[place[1]] = junk
            _assert_read_as_in_detail(kind, spoilt)


def _path_to(table, place):
    """The keys from *table* down to the holder of *place*."""
    holder = place[0]

    def search(node, path):
        if node is holder:
            return path
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if isinstance(value, dict | list):
                found = search(value, [*path, key])
                if found is not None:
                    return found
        return None

    return search(table, [])


def _made_by_the_reader(record):
    """*record* and every record-like value inside it that the reader makes field by field."""
    yield record
    for field in attrs.fields(type(record)):
        values = getattr(record, field.name)
        for value in values if isinstance(values, tuple) else (values,):
            if _is_trusted_record(type(value)):
                yield from _made_by_the_reader(value)


@given(ANY_RECORD)
def test_the_converters_the_reader_skips_give_back_what_they_are_given(record):
    for made in _made_by_the_reader(record):
        for field in attrs.fields(type(made)):
            value = getattr(made, field.name)
            if field.converter is not None and not _converter_needed(field):
                converted = field.converter(value)
                assert converted == value
                assert type(converted) is type(value)


@given(ANY_RECORD)
def test_the_defaults_whose_validators_the_reader_skips_are_valid(record):
    for made in _made_by_the_reader(record):
        for field in attrs.fields(type(made)):
            if field.validator is not None and field.default is not attrs.NOTHING:
                default = field.default
                if field.converter is not None:
                    default = field.converter(default)
                field.validator(made, field, default)  # raises if a default were invalid


def _decoding(read, line):
    try:
        return "read", read(line)
    except (ValueError, RecursionError) as error:
        return "refused", type(error), str(error)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(
    st.one_of(
        st.tuples(
            st.sampled_from(["", " ", "\t", "\r", "x"]),
            JSON_VALUES.map(json.dumps),
            st.sampled_from(["", " ", "\r", "}", ",1", " {}", "x"]),
        ).map("".join),
        st.text(max_size=20),
    )
)
def test_a_line_is_decoded_as_the_json_reader_decodes_it(line):
    assert _decoding(_decoded, line) == _decoding(_JSON.decode, line)
