"""A Frictionless Data Package of the records: a CSV per kind and ``datapackage.json``.

The tables and their Table Schemas are made from the model itself (the attrs classes of
:mod:`gunflow.model`, their types and the "Attributes:" sections of their docstrings, as the
JSON Schema of the data format is), and the foreign keys from the fields the loader's
referential-integrity pass follows, so neither drifts from what the loader accepts.
Frictionless tools (``frictionless validate``), pandas, R and spreadsheets read the result.
"""

from __future__ import annotations

import enum
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, get_origin, get_type_hints

import attrs

from gunflow._csv import write_table
from gunflow._files import check_free, open_target
from gunflow._integrity import _REFERENCE_FIELDS
from gunflow._schema import _descriptions, _without_none
from gunflow.io import KINDS, Record, get_converter
from gunflow.model import Inference, Interval, PartialDate, Period, Statistic
from gunflow.model._common import ID_PATTERN

__all__ = ["DESCRIPTOR", "TABLES", "write_package"]

#: The name of the descriptor file, as the Data Package standard fixes it.
DESCRIPTOR = "datapackage.json"

#: The table (and CSV file) of each kind of record, in the order of the data format.
TABLES: Mapping[str, str] = {
    "source": "sources",
    "agency": "agencies",
    "person": "people",
    "program": "programs",
    "measure": "measures",
    "statistic": "statistics",
    "event": "events",
    "relation": "relations",
    "acknowledgement": "acknowledgements",
}

_DATE = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"

#: The interval a statistic's words allow, under the default tolerance, after its own fields.
_BOUNDS: tuple[dict[str, Any], ...] = (
    {"name": "bounds.low", "type": "number", "description": "the lowest value the words allow"},
    {"name": "bounds.high", "type": "number", "description": "the highest value they allow"},
    {"name": "bounds.low_open", "type": "boolean", "description": "true: the low end is left out"},
    {"name": "bounds.high_open", "type": "boolean", "description": "true: the high end is out"},
)


@attrs.frozen
class _Column:
    """One column of a table: its Table Schema field, and how to read its cell from a record."""

    field: dict[str, Any]
    read: Callable[[Any], object]
    type_: Any = None

    def cell(self, record: Any) -> object:
        """The column's cell of *record*: numbers in plain decimals, lists and tables as JSON."""
        value = self.read(record)
        if isinstance(value, tuple):
            plain = get_converter().unstructure(value, unstructure_as=self.type_)
            return json.dumps(plain, ensure_ascii=False)
        return _text(value)


def _reader(path: tuple[str, ...]) -> Callable[[Any], object]:
    """Read the value at *path* (``("quantity", "value")``); None where a step is None."""

    def read(record: Any) -> object:
        value = record
        for name in path:
            if value is None:
                return None
            value = getattr(value, name)
        return value

    return read


def _columns(cls: type, prefix: tuple[str, ...] = (), *, optional: bool = False) -> list[_Column]:
    """The columns of a class's fields; nested records and periods as dotted columns."""
    hints = get_type_hints(cls)
    described = _descriptions(cls)
    columns: list[_Column] = []
    for attribute in attrs.fields(cls):
        if not attribute.init:
            continue
        path = (*prefix, attribute.name)
        type_, maybe = _without_none(hints[attribute.name])
        nested_optional = optional or maybe or attribute.default is not attrs.NOTHING
        if type_ is Period:
            columns += _period_columns(path, described.get(attribute.name, ""))
            continue
        if attrs.has(type_) and type_ is not PartialDate:
            columns += _columns(type_, path, optional=nested_optional)
            continue
        field: dict[str, Any] = {"name": ".".join(path), **_field_type(type_)}
        if attribute.name in described:
            field["description"] = described[attribute.name]
        if not nested_optional:
            field.setdefault("constraints", {})["required"] = True
        columns.append(_Column(field, _reader(path), type_))
    return columns


def _period_columns(path: tuple[str, ...], description: str) -> list[_Column]:
    """A period as its start, its end (empty when open) and whether it is in fiscal years."""
    name = ".".join(path)
    read = _reader(path)

    def end(which: str) -> Callable[[Any], object]:
        return lambda record: getattr(read(record), which, None)

    date = {"type": "string", "constraints": {"pattern": _DATE}}
    return [
        _Column({"name": f"{name}.start", **date, "description": description}, end("start")),
        _Column({"name": f"{name}.end", **date, "description": "empty when open"}, end("end")),
        _Column({"name": f"{name}.fiscal", "type": "boolean"}, end("fiscal")),
    ]


def _field_type(type_: Any) -> dict[str, Any]:  # noqa: PLR0911 - one case per kind of type
    """The Table Schema type (and constraints) of a field of *type_*."""
    if type_ is bool:
        return {"type": "boolean"}
    if type_ is int:
        return {"type": "integer"}
    if type_ is Decimal:
        return {"type": "number"}
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return {"type": "string", "constraints": {"enum": [m.value for m in type_]}}
    if type_ is PartialDate:
        return {"type": "string", "constraints": {"pattern": _DATE}}
    if type_ == tuple[Inference, ...]:
        return {"type": "object"}
    if get_origin(type_) is tuple:
        return {"type": "array"}
    if type_ is str:
        return {"type": "string"}
    raise TypeError(f"no Table Schema type for {type_!r}")  # pragma: no cover - a new type


def _text(value: object) -> object:
    """A single value as the CSV holds it: numbers in plain decimals, booleans in lower case."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, PartialDate):
        return str(value)
    return value


def _bounds(statistic: Statistic) -> dict[str, object]:
    from gunflow.export import _interval_ends  # the CSV export's columns, read alike

    interval: Interval = statistic.quantity.bounds()
    return {f"bounds.{name}": value for name, value in _interval_ends(interval).items()}


def _foreign_keys(kind: str, names: set[str]) -> list[dict[str, Any]]:
    """Each field of *kind* that names one record of one kind, as a foreign key."""
    keys = []
    for path, kinds in _REFERENCE_FIELDS[kind]:
        if "[]" in path or len(kinds) != 1 or path not in names:
            continue  # a list, or an id of one of several kinds: no foreign key can say it
        table = "" if kinds[0] == kind else TABLES[kinds[0]]
        keys.append({"fields": path, "reference": {"resource": table, "fields": "id"}})
    return keys


def _table(kind: str, records: Iterable[Record]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The resource of one kind (without its path) and its rows."""
    columns = _columns(KINDS[kind])
    fields = [column.field for column in columns]
    if kind == "statistic":
        fields += [dict(field) for field in _BOUNDS]
    for field in fields:
        if field["name"] == "id":
            field["constraints"] = {"required": True, "pattern": ID_PATTERN.pattern}
    rows = []
    for record in records:
        row = {column.field["name"]: column.cell(record) for column in columns}
        if isinstance(record, Statistic):
            row.update({name: _text(value) for name, value in _bounds(record).items()})
        rows.append(row)
    schema: dict[str, Any] = {"fields": fields, "primaryKey": ["id"]}
    foreign = _foreign_keys(kind, {field["name"] for field in fields})
    if foreign:
        schema["foreignKeys"] = foreign
    return {"name": TABLES[kind], "profile": "tabular-data-resource", "schema": schema}, rows


def _by_kind(records: Iterable[Record]) -> Iterator[tuple[str, list[Record]]]:
    grouped: dict[str, list[Record]] = {kind: [] for kind in KINDS}
    for record in records:
        grouped[_kind(record)].append(record)
    yield from grouped.items()


def _kind(record: Record) -> str:
    return next(kind for kind, cls in KINDS.items() if isinstance(record, cls))


def write_package(
    records: Iterable[Record],
    folder: str | os.PathLike[str],
    *,
    spreadsheet_safe: bool,
    overwrite: bool,
) -> None:
    """Write the package into *folder* (made if missing): all of its files, or none."""
    root = Path(folder)
    tables = [_table(kind, group) for kind, group in _by_kind(records)]
    files = [root / f"{resource['name']}.csv" for resource, _ in tables]
    check_free([*files, root / DESCRIPTOR], overwrite=overwrite)
    root.mkdir(parents=True, exist_ok=True)
    resources = []
    for (resource, rows), path in zip(tables, files, strict=True):
        columns = [field["name"] for field in resource["schema"]["fields"]]
        write_table(path, columns, rows, spreadsheet_safe=spreadsheet_safe, overwrite=overwrite)
        resources.append(
            {
                "name": resource["name"],
                "path": path.name,
                "profile": resource["profile"],
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": resource["schema"],
            }
        )
    descriptor = {
        "profile": "tabular-data-package",
        "name": "gunflow",
        "title": "Reported figures on firearms flowing from the United States into Mexico",
        "description": "Figures as sources reported them, with their sources, quotes and "
        "what ties them together; exported by gunflow.",
        "resources": resources,
    }
    with open_target(root / DESCRIPTOR, overwrite=overwrite) as stream:
        stream.write(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
