"""Pieces every record type shares: ids, field errors, inference notes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any, cast

import attrs

__all__ = [
    "ID_PATTERN",
    "Inference",
    "InvalidField",
    "check_file_name",
    "check_id",
    "check_ids",
    "inference_tuple",
    "non_empty",
    "str_tuple",
    "unsafe_character",
]

#: A readable slug: lower-case letters, digits, ``_``, ``-`` and ``.``; ``/`` separates a
#: namespace (``latimes-2010-11/us-firearms-recovered``).
ID_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9_.-]*[a-z0-9])?(?:/[a-z0-9](?:[a-z0-9_.-]*[a-z0-9])?)*")


class InvalidField(ValueError):  # noqa: N818 - reads as a condition, as ValueError does
    """A value a record cannot hold; names the field so a loader can report where it is."""

    def __init__(self, field: str, message: str) -> None:
        """Say which *field* is wrong and why."""
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


def check_id(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate that *value* is a well-formed record id (an attrs validator)."""
    if value is None:
        return
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise InvalidField(
            attribute.name,
            f"{value!r} is not a valid id (lower-case letters, digits, '_', '-', '.', "
            "with '/' between parts; e.g. 'gao-09-709')",
        )


def check_ids(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """Validate every id of a tuple of ids, and that none repeats (an attrs validator)."""
    if not value:  # most records list none
        return
    for item in value:
        check_id(instance, attribute, item)
    if len(set(value)) != len(value):
        raise InvalidField(attribute.name, f"an id is listed twice in {list(value)!r}")


def non_empty(_instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Reject an empty or blank string (None is left to the field's type)."""
    if value is not None and not value.strip():
        raise InvalidField(attribute.name, "must not be empty")


#: Characters no text field may hold: C0 controls but tab and line feed, DEL, C1 controls, the
#: bidirectional embeddings, overrides and isolates, and lone surrogates. They can make a
#: terminal, a spreadsheet or a page show text other than what it holds, or cannot be written
#: out as UTF-8.
UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def unsafe_character(text: str) -> str | None:
    r"""Why *text* cannot be held in a record, naming the first unsafe character; None if it can.

    >>> unsafe_character("70 percent") is None
    True
    >>> unsafe_character("70 \u202epercent")[:43]
    'holds U+202E RIGHT-TO-LEFT OVERRIDE at char'
    """
    found = UNSAFE_CHARACTERS.search(text)
    if found is None:
        return None
    char = found.group()
    name = unicodedata.name(char, "a control character")
    return (
        f"holds U+{ord(char):04X} {name} at character {found.start() + 1}: control and "
        "bidirectional formatting characters are refused, as they make text display other "
        "than it reads"
    )


def check_file_name(_instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Accept only a plain file name: no folder, no way out of the folder it is looked up in.

    A record names a file (``text_file = "gao-09-709.txt"``) that is looked for in a folder the
    user chooses; a name with a separator, ``..``, a drive or a NUL could reach other files.
    """
    if value is None:
        return
    if not value.strip():
        raise InvalidField(attribute.name, "must not be empty")
    if any(c in value for c in "/\\:\0") or value in (".", ".."):
        raise InvalidField(
            attribute.name,
            f"{value!r} is not a plain file name: name a file in the folder of texts, without "
            "'/', '\\', ':', NUL or '..' (e.g. 'gao-09-709.txt')",
        )


@attrs.frozen(kw_only=True)
class Inference:
    """A field whose value the curators inferred rather than read, and how.

    In TOML a record writes these as a table: ``inferred = { published = "how we know" }``.

    .. versionadded:: 0.1.0
    """

    field: str = attrs.field(validator=non_empty)
    reason: str = attrs.field(validator=non_empty)


def str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    """Store ids and names as a tuple, whatever iterable was given (an attrs converter)."""
    if isinstance(value, str):
        raise InvalidField("value", f"expected a list of strings, not the string {value!r}")
    return tuple(value)


def inference_tuple(value: Iterable[Inference]) -> tuple[Inference, ...]:
    """Store inferences as a tuple (an attrs converter)."""
    return tuple(value)


def check_inferences(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate that each inference names a field the record really has."""
    if not value:  # most records infer nothing
        return
    names = {a.name for a in attrs.fields(cast("type[attrs.AttrsInstance]", type(instance)))}
    for item in value:  # type: ignore[attr-defined]
        if item.field not in names:
            raise InvalidField(attribute.name, f"{item.field!r} is not a field of this record")
