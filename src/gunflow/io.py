"""Reading and writing records: the one cattrs converter, and TOML documents of records.

A TOML document holds arrays of tables named after the kind of record they hold
(``[[source]]``, ``[[agency]]``, ``[[statistic]]`` ...). Bundled files and users' files use
the same format, and a file may mix kinds.
"""

from __future__ import annotations

import datetime
import enum
import functools
import json
import tomllib
from collections.abc import Callable, Iterator
from decimal import Decimal
from types import MemberDescriptorType, NoneType, UnionType
from typing import Any, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from gunflow._collector import collection_paused
from gunflow._kinds import KINDS, Record
from gunflow._limits import DEFAULT_LIMITS, Limits
from gunflow.errors import Problem
from gunflow.model import (
    Inference,
    PartialDate,
    Period,
)
from gunflow.model._common import (
    UNSAFE_CHARACTERS,
    InvalidField,
    check_id,
    inference_tuple,
    str_tuple,
    unsafe_character,
)
from gunflow.model.quantity import _optional_decimal

__all__ = ["KINDS", "Record", "get_converter", "parse_document"]


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_name(value: object) -> str:
    return {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "an array",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _strict(kind: type, name: str) -> Callable[[object, type], Any]:
    def structure(value: object, _type: type) -> Any:
        if type(value) is not kind:
            raise ValueError(f"expected {name}, got {_type_name(value)} {_shown(value)}")
        return value

    return structure


def _structure_text(value: object, _type: type) -> str:
    if type(value) is not str:
        raise ValueError(f"expected a string, got {_type_name(value)} {_shown(value)}")
    if UNSAFE_CHARACTERS.search(value) is not None:  # rare: only then say which and where
        raise ValueError(unsafe_character(value))
    return value


@functools.cache
def _members(type_: type[enum.StrEnum]) -> dict[str, enum.StrEnum]:
    """Each member of an enumeration by its value, to look a value up without calling the type."""
    return {member.value: member for member in type_}


def _structure_enum(value: object, type_: type[enum.StrEnum]) -> enum.StrEnum:
    if isinstance(value, str):
        member = _members(type_).get(value)
        if member is not None:
            return member
    choices = ", ".join(repr(m.value) for m in type_)
    raise ValueError(f"expected one of {choices}, got {_shown(value)}")


def _structure_decimal(value: object, _type: type) -> Decimal:
    if type(value) is int:  # the most common: exact as it is, no need to go through text
        return Decimal(value)
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise ValueError(f"expected a number, got {_type_name(value)} {_shown(value)}")
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        raise ValueError(f"{value!r} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return number


def _unstructure_decimal(value: Decimal) -> int | str:
    """A whole number as an int; any other as text that keeps every digit written ("70.0")."""
    return int(value) if int(value.as_tuple().exponent) >= 0 else str(value)


def _plain(error: InvalidField) -> ValueError:
    """A hook's error carries its message only; the loader names the field from the path."""
    return ValueError(error.message)


#: How many dates and periods, as written, are kept once read: a file writes few of them ("2009",
#: "2007/2009") many times, and the records share one immutable object for each.
_WRITTEN_FORMS_KEPT = 4096


@functools.lru_cache(maxsize=_WRITTEN_FORMS_KEPT)
def _date_of(text: str) -> PartialDate:
    return PartialDate.parse(text)


@functools.lru_cache(maxsize=_WRITTEN_FORMS_KEPT)
def _period_of(text: str) -> Period:
    return Period.parse(text)


def _structure_date(value: object, _type: type) -> PartialDate:
    if isinstance(value, datetime.datetime):
        raise ValueError(f"expected a date, got a date and time {value!r}")
    try:
        if isinstance(value, str):  # the most common, first
            return _date_of(value)
        if isinstance(value, datetime.date):
            return PartialDate.from_date(value)
    except InvalidField as error:
        raise _plain(error) from None
    raise ValueError(f"expected a date written YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")


def _structure_period(value: object, _type: type) -> Period:
    try:
        if isinstance(value, str):
            return _period_of(value)
        if isinstance(value, dict):
            unknown = set(value) - {"start", "end", "fiscal"}
            if unknown:
                raise ValueError(
                    f"unknown keys {sorted(unknown)} (a period has start, end, fiscal)"
                )
            fiscal = value.get("fiscal", False)
            if not isinstance(fiscal, bool):
                raise ValueError(f"fiscal must be true or false, got {fiscal!r}")
            return Period(
                start=None if value.get("start") is None else _structure_date(value["start"], str),
                end=None if value.get("end") is None else _structure_date(value["end"], str),
                fiscal=fiscal,
            )
    except InvalidField as error:
        raise _plain(error) from None
    raise ValueError(f"expected a period such as '2007/2009' or a table, got {value!r}")


def _unstructure_period(period: Period) -> str | dict[str, Any]:
    if not period.fiscal:
        return str(period)
    table: dict[str, Any] = {"fiscal": True}
    if period.start is not None:
        table["start"] = str(period.start)
    if period.end is not None:
        table["end"] = str(period.end)
    return table


def _structure_inferences(value: object, _type: type) -> tuple[Inference, ...]:
    if not isinstance(value, dict):
        raise ValueError(f"expected a table of field = reason, got {_type_name(value)}")
    items = []
    for field, reason in value.items():
        if not isinstance(reason, str):
            raise ValueError(f"the reason for {field!r} must be a string, got {reason!r}")
        unsafe = unsafe_character(reason)
        if unsafe is not None:
            raise ValueError(f"the reason for {field!r} {unsafe}")
        try:
            items.append(Inference(field=field, reason=reason))
        except InvalidField as error:
            raise ValueError(f"{field!r}: {error.message}") from None
    return tuple(items)


def _is_homogeneous_tuple(type_: object) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_optional(type_: object) -> bool:
    args = get_args(type_)
    return get_origin(type_) in (Union, UnionType) and len(args) == 2 and NoneType in args


def _structure_optional(conv: cattrs.Converter, type_: object) -> Callable[[object, type], Any]:
    """``X | None``: None, or what the hook of ``X`` makes (looked up once, not per value)."""
    (inner,) = (arg for arg in get_args(type_) if arg is not NoneType)
    hook = conv.get_structure_hook(inner)

    def structure(value: object, _type: type) -> Any:
        return None if value is None else hook(value, inner)

    return structure


#: Converters that give back unchanged what the hooks make for their field: a tuple of strings,
#: a tuple of inferences, a finite Decimal or None. (A field whose converter is its own
#: enumeration gets a member of it from its hook, which that converter also gives back.)
_KEEP_WHAT_HOOKS_MAKE: frozenset[object] = frozenset(
    {str_tuple, inference_tuple, _optional_decimal}
)


def _converter_needed(field: attrs.Attribute[Any]) -> bool:
    """Whether *field*'s converter can change what the fast converter's hook made for it."""
    converter = field.converter
    if converter is None or converter in _KEEP_WHAT_HOOKS_MAKE:
        return False
    return not (isinstance(converter, enum.EnumType) and converter is field.type)


def _field_hook(conv: cattrs.Converter, field: attrs.Attribute[Any]) -> tuple[Any, Any, bool]:
    """The hook for *field*'s value, the type it makes, and whether None is allowed.

    A field of ``X | None`` gets the hook of ``X``: None is let through by the caller.

    An id needs no check of its characters before its validator: :func:`check_id` accepts only
    letters, digits and ``_.-/``, none of them unsafe; its type is all that is left to check.
    """
    optional = _is_optional(field.type)
    inner = next(t for t in get_args(field.type) if t is not NoneType) if optional else field.type
    if inner is str and field.validator is check_id:
        return _strict(str, "a string"), inner, optional
    return conv.get_structure_hook(inner), inner, optional


def _trusted_structure(conv: cattrs.Converter, cls: type) -> Callable[[object, type], Any]:
    """Make *cls* from a table without redoing what the hooks have already done.

    The record is made as its own constructor makes it, but a converter that would give back
    what the field's hook made is skipped, and so are the validators of the fields the table
    leaves out (their defaults are valid). Every other validator runs, then the class's own
    cross-field checks (``__attrs_post_init__``). A table refused raises; the detailed
    converter then says why, through the public constructor.
    """
    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    names = frozenset(field.name for field in fields)
    scope: dict[str, Any] = {"cls": cls, "names": names, "new": object.__new__}
    make = [
        "def make(o, _):",
        "  if type(o) is not dict or not names.issuperset(o): raise KeyError",
        "  r = new(cls)",
    ]
    check = []
    for i, field in enumerate(fields):
        scope[f"h{i}"], scope[f"t{i}"], optional = _field_hook(conv, field)
        value = f"h{i}(o[{field.name!r}], t{i})"
        if optional:
            value = f"None if (x := o[{field.name!r}]) is None else h{i}(x, t{i})"
        if field.default is attrs.NOTHING:
            make.append(f"  x{i} = {value}")
        else:
            scope[f"d{i}"] = field.default
            make.append(f"  x{i} = ({value}) if {field.name!r} in o else d{i}")
        if _converter_needed(field):
            scope[f"c{i}"] = field.converter
            make.append(f"  x{i} = c{i}(x{i})")
        slot = cls.__dict__.get(field.name)
        if isinstance(slot, MemberDescriptorType):  # a slot: set straight, as frozen classes do
            scope[f"s{i}"] = slot.__set__
            make.append(f"  s{i}(r, x{i})")
        else:
            make.append(f"  set(r, {field.name!r}, x{i})")
        if field.validator is not None:
            scope[f"v{i}"], scope[f"a{i}"] = field.validator, field
            given = "" if field.default is attrs.NOTHING else f"if {field.name!r} in o: "
            check.append(f"  {given}v{i}(r, a{i}, x{i})")
    if hasattr(cls, "__attrs_post_init__"):
        check.append("  r.__attrs_post_init__()")
    scope["set"] = object.__setattr__
    # Code made from the class's own field names, as attrs and cattrs make theirs.
    exec("\n".join([*make, *check, "  return r"]), scope)  # noqa: S102
    return scope["make"]  # type: ignore[no-any-return]


def _is_trusted_record(type_: object) -> bool:
    """The attrs classes the fast converter makes through :func:`_trusted_structure`.

    Dates and periods have hooks of their own; a class with a field its constructor does not
    take, or a default made afresh each time, is left to cattrs.
    """
    if not attrs.has(type_) or type_ in (PartialDate, Period):  # type: ignore[arg-type]
        return False
    return all(
        field.init and not isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
        for field in attrs.fields(type_)
    )


def _make_converter(*, detailed: bool = True) -> cattrs.Converter:
    conv = cattrs.Converter(
        forbid_extra_keys=True, detailed_validation=detailed, omit_if_default=True
    )
    conv.register_structure_hook(str, _structure_text)
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_structure_hook(int, _strict(int, "an integer"))
    conv.register_structure_hook(enum.StrEnum, _structure_enum)
    conv.register_unstructure_hook(enum.StrEnum, lambda member: member.value)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    conv.register_structure_hook(PartialDate, _structure_date)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook(Period, _structure_period)
    conv.register_unstructure_hook(Period, _unstructure_period)

    def structure_tuple(value: object, type_: type) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise ValueError(f"expected an array, got {_type_name(value)} {_shown(value)}")
        item_type = get_args(type_)[0]
        items, errors = [], []
        for index, item in enumerate(value):
            try:
                items.append(conv.structure(item, item_type))
            except Exception as error:
                error.__notes__ = [
                    *getattr(error, "__notes__", []),
                    IterableValidationNote(f"Structuring @ index {index}", index, item_type),
                ]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
        return tuple(items)

    conv.register_structure_hook_func(_is_homogeneous_tuple, structure_tuple)
    conv.register_structure_hook_factory(_is_optional, lambda t: _structure_optional(conv, t))
    # Registered after the generic tuple hook, so that it is tried first.
    conv.register_structure_hook_func(lambda t: t == tuple[Inference, ...], _structure_inferences)
    conv.register_unstructure_hook_func(
        lambda t: t == tuple[Inference, ...],
        lambda items: {i.field: i.reason for i in items},
    )
    if not detailed:
        conv.register_structure_hook_factory(
            _is_trusted_record, lambda cls: _trusted_structure(conv, cls)
        )
    return conv


@functools.cache
def get_converter() -> cattrs.Converter:
    """The one converter used for every read and write, made on first use (not at import)."""
    return _make_converter()


@functools.cache
def _fast_converter() -> cattrs.Converter:
    """The same hooks without detailed validation: several times faster on good records.

    A record it refuses is structured again by :func:`get_converter`, which collects every
    problem with its path; the two differ only in how they report.
    """
    return _make_converter(detailed=False)


@functools.cache
def _fast_hooks() -> dict[str, tuple[Callable[[object, type], Record], type]]:
    """The fast converter's hook for each kind of record, looked up once rather than per table."""
    return {kind: (_fast_converter().get_structure_hook(cls), cls) for kind, cls in KINDS.items()}


def _field_path(path: str) -> str:
    """``$.quantity.value`` → ``quantity.value``; ``$`` → ``""``."""
    return path.removeprefix("$").removeprefix(".")


def _describe(error: BaseException, type_: object) -> str:
    if isinstance(error, InvalidField):
        return f"\0{error.field}\0{error.message}"
    if isinstance(error, ForbiddenExtraKeysError):
        names = ", ".join(sorted(error.extra_fields))
        what = getattr(error.cl, "__name__", "record").lower()
        return f"\0{names}\0unknown field: a {what} has no field {names}"
    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, ValueError | TypeError) and not isinstance(
        error, cattrs.BaseValidationError
    ):
        return str(error)
    return cattrs.v.format_exception(error, type_)  # type: ignore[arg-type]


def problems_of(error: BaseException, file: str, record: str) -> list[Problem]:
    """Turn a structuring error into problems naming the file, the record and the field."""
    if isinstance(error, InvalidField):
        return [Problem(file=file, record=record, field=error.field, message=error.message)]
    if not isinstance(error, ClassValidationError | IterableValidationError):
        return [Problem(file=file, record=record, field="", message=str(error))]
    found = []
    for line in cattrs.transform_error(error, format_exception=_describe):
        message, _, path = line.rpartition(" @ ")
        field = _field_path(path)
        if message.startswith("\0"):
            _, own_field, message = message.split("\0", 2)
            field = f"{field}.{own_field}" if field else own_field
        found.append(Problem(file=file, record=record, field=field, message=message))
    return found


def _record_name(table: object, kind: str, index: int) -> str:
    if isinstance(table, dict) and isinstance(table.get("id"), str) and table["id"].strip():
        return str(table["id"])
    return f"{kind}[{index}]"


#: A table refused as a record, with its kind: its ids still count when references are checked.
Refused = tuple[str, dict[str, Any]]

#: What a document holds: its records (with their kinds), the tables refused as records, and
#: every problem found.
Parsed = tuple[list[tuple[str, Record]], list[Refused], list[Problem]]


def _fast_record(
    kind: object,
    table: object,
    hooks: dict[str, tuple[Callable[[object, type], Record], type]],
) -> Record | None:
    """The record *table* makes, by the fast converter's *hooks*; None when anything is off.

    Most records are good: this makes them without working out a record's name, which only a
    problem needs. A table it refuses goes to :func:`_structure_table`, which says why.
    """
    found = hooks.get(kind) if isinstance(kind, str) else None
    if found is None or not isinstance(table, dict):
        return None
    hook, cls = found
    try:
        return hook(table, cls)
    except Exception:
        return None


def _structure_table(
    kind: object, table: object, name: str, file: str
) -> tuple[tuple[str, Record] | Refused | None, list[Problem]]:
    """One record from one table, or the problems that keep it out (and the refused table)."""
    if not isinstance(kind, str) or kind not in KINDS:
        return None, [
            Problem(
                file=file,
                record=name,
                field="kind",
                message=f"unknown kind of record {kind!r} (expected one of {', '.join(KINDS)})",
            )
        ]
    if not isinstance(table, dict):
        return None, [Problem(file=file, record=name, field="", message="expected a table")]
    try:
        return (kind, get_converter().structure(table, KINDS[kind])), []
    except Exception as error:
        return (kind, table), problems_of(error, file, name)


def _add(
    found: tuple[str, Record] | Refused | None,
    records: list[tuple[str, Record]],
    refused: list[Refused],
) -> None:
    if found is None:
        return
    kind, item = found
    if isinstance(item, dict):
        refused.append((kind, item))
    else:
        records.append((kind, item))


def _parse_toml(text: str, file: str) -> Parsed:
    try:
        document = tomllib.loads(text, parse_float=Decimal)
    except ValueError as error:  # malformed, or a number of more digits than Python reads
        return [], [], [Problem(file=file, record="-", field="", message=f"invalid TOML: {error}")]
    records: list[tuple[str, Record]] = []
    refused: list[Refused] = []
    problems: list[Problem] = []
    hooks = _fast_hooks()
    for kind, tables in document.items():
        if kind not in KINDS:
            problems.append(
                Problem(
                    file=file,
                    record="-",
                    field=kind,
                    message=f"unknown kind of record {kind!r} (expected one of {', '.join(KINDS)})",
                )
            )
            continue
        if not isinstance(tables, list):
            problems.append(
                Problem(
                    file=file,
                    record="-",
                    field=kind,
                    message=f"expected an array of tables, written [[{kind}]]",
                )
            )
            continue
        for index, table in enumerate(tables):
            made = _fast_record(kind, table, hooks)
            if made is not None:
                records.append((kind, made))
                continue
            record, found = _structure_table(kind, table, _record_name(table, kind, index), file)
            problems.extend(found)
            _add(record, records, refused)
    return records, refused, problems


#: The one JSON reader: floats read as Decimal, so "70.0" keeps its digits.
_JSON = json.JSONDecoder(parse_float=Decimal)
#: Its scanner, which reads one value from where it is told, without skipping blanks around it.
_SCAN: Callable[[str, int], tuple[Any, int]] = vars(_JSON)["scan_once"]


def _decoded(line: str) -> Any:
    """The value a line of JSON holds, as ``_JSON.decode`` reads it.

    A line that is one value and nothing else, as written lines are, is read by the scanner
    alone, without the two passes that look for blanks around it; any other line (blanks
    around the value, something after it, not JSON at all) is read again by ``decode``, which
    says what is wrong.
    """
    try:
        value, end = _SCAN(line, 0)
    except (StopIteration, ValueError, RecursionError):
        return _JSON.decode(line)
    return value if end == len(line) else _JSON.decode(line)


def _parse_jsonl(text: str, file: str, max_line_chars: int) -> Parsed:
    """JSON lines: one object per line, its kind of record under the key ``record``.

    Lines end at a line feed alone (a carriage return before it is ignored as blank): text
    may hold other line breaks, such as U+2028, which JSON writes as they are.
    """
    records: list[tuple[str, Record]] = []
    refused: list[Refused] = []
    problems: list[Problem] = []
    hooks = _fast_hooks()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line or line.isspace():
            continue
        if len(line) > max_line_chars:
            message = (
                f"a line of {len(line):,} characters, over the limit of {max_line_chars:,}; to "
                "read it, pass limits=gunflow.Limits(max_line_chars=...)"
            )
            problems.append(Problem(file=file, record=f"line {number}", field="", message=message))
            continue
        try:
            table = _decoded(line)
        except (ValueError, RecursionError) as error:  # malformed, or a number too long
            problems.append(
                Problem(
                    file=file, record=f"line {number}", field="", message=f"invalid JSON: {error}"
                )
            )
            continue
        if not isinstance(table, dict):
            problems.append(
                Problem(
                    file=file, record=f"line {number}", field="", message="expected a JSON object"
                )
            )
            continue
        kind = table.pop("record", None)
        made = _fast_record(kind, table, hooks)
        if made is not None:
            records.append((kind, made))
            continue
        fields = table
        name = _record_name(fields, "line", number)
        name = name if name != f"line[{number}]" else f"line {number}"
        record, found = _structure_table(kind, fields, name, file)
        problems.extend(found)
        _add(record, records, refused)
    return records, refused, problems


def parse_document(text: str, file: str, *, limits: Limits = DEFAULT_LIMITS) -> Parsed:
    """Read one document: its records (with their kinds), the refused tables, every problem.

    A name ending in ``.jsonl`` is read as JSON lines, anything else as TOML. A byte-order
    mark at the start, as some editors on Windows write, is skipped. A line of JSON longer
    than ``limits.max_line_chars`` is refused.
    """
    text = text.removeprefix("\ufeff")
    try:
        with collection_paused():
            if file.endswith(".jsonl"):
                return _parse_jsonl(text, file, limits.max_line_chars)
            return _parse_toml(text, file)
    except RecursionError:
        return [], [], [Problem(file=file, record="-", field="", message="nested too deeply")]


def iter_unstructured(records: Iterator[Record]) -> Iterator[dict[str, Any]]:
    """Plain dictionaries of records, ready for TOML or JSON."""
    for record in records:
        yield get_converter().unstructure(record)


def kind_of(record: Record) -> str:
    """The TOML table name for *record*'s kind."""
    for kind, cls in KINDS.items():
        if isinstance(record, cls):
            return kind
    raise TypeError(f"{record!r} is not a gunflow record")  # pragma: no cover


__all__ += ["iter_unstructured", "kind_of", "problems_of"]
_ = attrs  # attrs classes are structured through the converter
