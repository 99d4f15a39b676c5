"""The data format described from the model itself: a JSON Schema and a field reference.

Both are generated from the attrs classes of :mod:`gunflow.model` (their fields, types,
defaults and the "Attributes:" sections of their docstrings), so that they never drift from
what the loader accepts. Editors that read JSON Schema for TOML (Taplo, Even Better TOML)
validate and complete data files with it.
"""

from __future__ import annotations

import enum
import inspect
import json
import re
import types
from decimal import Decimal
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

from gunflow.io import KINDS
from gunflow.model import Inference, PartialDate, Period
from gunflow.model._common import ID_PATTERN

__all__ = ["SCHEMA_FILE", "field_reference", "json_schema", "schema_text"]

#: The schema as shipped in the package, beside this module (a test keeps it up to date).
SCHEMA_FILE = "schema.json"

_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


def _descriptions(cls: type) -> dict[str, str]:
    """Each field's description, from the "Attributes:" section of the class's docstring."""
    doc = inspect.getdoc(cls) or ""
    found: dict[str, str] = {}
    inside, name = False, ""
    for line in doc.splitlines():
        if line.strip() == "Attributes:":
            inside = True
            continue
        if inside:
            match = re.match(r"^    (\w+): (.*)$", line)
            if match:
                name = match[1]
                found[name] = match[2].strip()
            elif line.startswith("        ") and name:
                found[name] += " " + line.strip()
            elif line.strip() and not line.startswith("    "):
                inside = False
    return found


def _without_none(type_: Any) -> tuple[Any, bool]:
    """The type without ``| None``, and whether None was allowed."""
    if get_origin(type_) in (Union, types.UnionType):
        args = [a for a in get_args(type_) if a is not type(None)]
        if len(args) < len(get_args(type_)):
            return (args[0] if len(args) == 1 else Union[tuple(args)]), True  # noqa: UP007
    return type_, False


def _type_schema(type_: Any, definitions: dict[str, Any]) -> dict[str, Any]:  # noqa: PLR0911
    """The JSON Schema of one field's type, adding nested record classes to *definitions*."""
    type_, _ = _without_none(type_)
    if type_ is str:
        return {"type": "string"}
    if type_ is bool:
        return {"type": "boolean"}
    if type_ is int:
        return {"type": "integer"}
    if type_ is Decimal:
        return {"type": ["number", "string"]}
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return {"enum": [m.value for m in type_]}
    if type_ is PartialDate:
        return {"type": "string", "pattern": _DATE}
    if type_ is Period:
        return {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {
                        "start": {"type": "string", "pattern": _DATE},
                        "end": {"type": "string", "pattern": _DATE},
                        "fiscal": {"type": "boolean"},
                    },
                    "additionalProperties": False,
                },
            ]
        }
    if type_ == tuple[Inference, ...]:
        return {"type": "object", "additionalProperties": {"type": "string"}}
    if get_origin(type_) is tuple:
        return {"type": "array", "items": _type_schema(get_args(type_)[0], definitions)}
    if attrs.has(type_):
        name = type_.__name__
        if name not in definitions:
            definitions[name] = {}  # taken first: a class that names itself ends here
            definitions[name] = _class_schema(type_, definitions)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {type_!r}")  # pragma: no cover - a new field type


def _class_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = get_type_hints(cls)
    described = _descriptions(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        schema = _type_schema(hints[field.name], definitions)
        if field.name == "id":
            schema = {**schema, "pattern": f"^{ID_PATTERN.pattern}$"}
        if field.name in described:
            schema = {**schema, "description": described[field.name]}
        properties[field.name] = schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    summary = (inspect.getdoc(cls) or "").split("\n\n")[0]
    return {
        "type": "object",
        "description": summary,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a gunflow data file (TOML or one JSON object per kind of record).

    >>> schema = json_schema()
    >>> sorted(schema["properties"])[:3], schema["$defs"]["Statistic"]["required"][:2]
    (['acknowledgement', 'agency', 'event'], ['id', 'measure'])
    """
    definitions: dict[str, Any] = {}
    properties = {
        kind: {
            "type": "array",
            "description": f"[[{kind}]]: {cls.__name__} records",
            "items": _type_schema(cls, definitions),
        }
        for kind, cls in KINDS.items()
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "gunflow data file",
        "description": "Reported figures, their sources and what ties them together.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "$defs": dict(sorted(definitions.items())),
    }


def schema_text() -> str:
    """The JSON Schema as the shipped file holds it: indented JSON, ending in a newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def _shown_type(schema: dict[str, Any]) -> str:  # noqa: PLR0911 - one case per kind of type
    if "$ref" in schema:
        return f"table ({schema['$ref'].rsplit('/', 1)[1]})"
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    if "anyOf" in schema:
        return 'period: `"2007/2009"`, or a table of start, end, fiscal'
    kind = schema.get("type")
    if kind == "array":
        return f"list of {_shown_type(schema['items'])}"
    if kind == "object":
        return "table of field = reason"
    if schema.get("pattern") == _DATE:
        return 'date: `"2009"`, `"2009-06"` or `"2009-06-30"`'
    if kind == ["number", "string"]:
        return "number"
    if "pattern" in schema:
        return "id"
    return {"string": "text", "boolean": "true or false", "integer": "integer"}.get(str(kind), "")


def field_reference() -> str:
    """A reference of every field of every kind of record, in MyST Markdown."""
    schema = json_schema()
    definitions = schema["$defs"]
    order = [c.__name__ for c in KINDS.values()]
    order += [name for name in definitions if name not in order]
    lines: list[str] = []
    for name in order:
        definition = definitions[name]
        kinds = [k for k, c in KINDS.items() if c.__name__ == name]
        title = f"`[[{kinds[0]}]]` ({name})" if kinds else f"{name}, a table inside a record"
        lines += [f"### {title}", "", definition["description"], ""]
        lines += ["| field | required | type | what it holds |", "|---|---|---|---|"]
        for field, field_schema in definition["properties"].items():
            need = "yes" if field in definition["required"] else ""
            what = " ".join(field_schema.get("description", "").split()).replace("|", "\\|")
            kind = _shown_type(field_schema).replace("|", "\\|")
            lines.append(f"| `{field}` | {need} | {kind} | {what} |")
        lines.append("")
    return "\n".join(lines)
