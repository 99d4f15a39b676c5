"""The referential-integrity pass: every id a record names exists, and no id is used twice."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import chain
from operator import attrgetter
from typing import Any

from gunflow._kinds import Record
from gunflow.errors import Problem
from gunflow.model import (
    Measure,
    MeasureKind,
    Statistic,
    Unit,
)
from gunflow.model._common import ID_PATTERN

__all__ = ["Located", "RefusedIn", "problems_between"]

#: A record with its kind ("statistic") and the file it came from.
Located = tuple[str, Record, str]
#: A table that could not be made a record, with its kind and file.
RefusedIn = tuple[str, dict[str, Any], str]

_DURATION_UNITS = frozenset({Unit.DAYS, Unit.MONTHS, Unit.YEARS})


_MEASURE = ("measure",)
_SOURCE = ("source",)

#: The fields of each kind of record that name other records, with the kinds they may name.
#: ``[]`` steps into each item of a list: ``roles[].agency`` is every role's agency.
_REFERENCE_FIELDS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "source": (("cites[]", _SOURCE), ("edition_of", _SOURCE)),
    "agency": (("parent", ("agency",)),),
    "person": (("roles[].source", _SOURCE), ("roles[].agency", ("agency",))),
    "program": (("run_by[]", ("agency",)), ("sources[]", _SOURCE)),
    "measure": (  # not family: a family is a name, not a record
        ("part_of", _MEASURE),
        ("numerator", _MEASURE),
        ("denominator", _MEASURE),
        ("change_of", _MEASURE),
        ("parts[]", _MEASURE),
    ),
    "statistic": (
        ("measure", _MEASURE),
        ("source", _SOURCE),
        ("attributed_to[]", ("agency", "person", "source")),
        ("cites[]", _SOURCE),
        ("restates", ("statistic",)),
        ("derived_from[]", ("statistic",)),
    ),
    "event": (
        ("agencies[]", ("agency",)),
        ("people[]", ("person",)),
        ("programs[]", ("program",)),
        ("evidence[].source", _SOURCE),
    ),
    "acknowledgement": (
        ("statistics[]", ("statistic",)),
        ("events[]", ("event",)),
        ("relations[]", ("relation",)),
        ("measures[]", _MEASURE),
    ),
    "relation": (("left[]", ("statistic",)), ("right[]", ("statistic",)), ("source", _SOURCE)),
}


#: Each reference path split once into its steps, (name, whether it is a list):
#: ``roles[].agency`` is ``(("roles", True), ("agency", False))``.
_STEPS: dict[str, tuple[tuple[tuple[tuple[str, bool], ...], tuple[str, ...]], ...]] = {
    kind: tuple(
        (
            tuple((step.removesuffix("[]"), step.endswith("[]")) for step in path.split(".")),
            allowed,
        )
        for path, allowed in fields
    )
    for kind, fields in _REFERENCE_FIELDS.items()
}


def _values(
    item: object, steps: tuple[tuple[str, bool], ...], shown: str = ""
) -> list[tuple[str, str]]:
    """(field path, id) of each string along *steps* in a record or in a table read from a file."""
    (name, many), rest = steps[0], steps[1:]
    value = item.get(name) if isinstance(item, dict) else getattr(item, name, None)
    if many:
        if not isinstance(value, list | tuple):
            return []
        if not rest:
            return [(f"{shown}{name}[{i}]", v) for i, v in enumerate(value) if isinstance(v, str)]
        return [
            found for i, v in enumerate(value) for found in _values(v, rest, f"{shown}{name}[{i}].")
        ]
    if rest:
        return [] if value is None else _values(value, rest, f"{shown}{name}.")
    return [(f"{shown}{name}", value)] if isinstance(value, str) else []


def _references(kind: str, record: object) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """Each id a record (or a refused table) names: (field path, id, kinds it may be)."""
    for steps, allowed in _STEPS[kind]:
        for field, value in _values(record, steps):
            yield field, value, allowed


def _all_resolve(records_of: Mapping[str, list[Record]]) -> bool:
    """Whether every id the records name exists and is of a kind allowed.

    The common case, checked a field at a time across every record of a kind, without working
    out each field's path, which only a problem names: when this is False, each record is
    walked by :func:`_references`.
    """
    known = {kind: {record.id for record in records} for kind, records in records_of.items()}
    for kind, records in records_of.items():
        for steps, allowed in _STEPS[kind]:
            if len(steps) == 1:  # a field of the record itself: read across every record
                values = map(attrgetter(steps[0][0]), records)
                targets = set(chain.from_iterable(values) if steps[0][1] else values)
            else:
                targets = {target for record in records for _, target in _values(record, steps)}
            targets.discard(None)  # an optional field left out
            for kind_allowed in allowed:
                targets -= known.get(kind_allowed, set())
            if targets:
                return False
    return True


def _article(kind: str) -> str:
    return "an" if kind[0] in "aeiou" else "a"


def _unit_misfit(statistic: Statistic, kinds: Mapping[str, tuple[Any, ...]]) -> str | None:
    """Why a figure's unit does not fit its measure's; None when it fits (or names no measure).

    The one check between records beyond their existence.
    """
    measure = kinds.get(statistic.measure, ("", None))[1]
    if not isinstance(measure, Measure):
        return None
    unit = statistic.quantity.unit
    durations = measure.kind is MeasureKind.DURATION and unit in _DURATION_UNITS
    if unit is not measure.unit and not durations:
        return f"{unit} does not fit measure {measure.id!r}, which is in {measure.unit}"
    return None


def _unit_problems(
    statistic: Statistic, file: str, kinds: Mapping[str, tuple[Any, ...]]
) -> list[Problem]:
    """The problem of a figure whose unit does not fit its measure's, if it has one."""
    misfit = _unit_misfit(statistic, kinds)
    if misfit is None:
        return []
    return [Problem(file=file, record=statistic.id, field="quantity.unit", message=misfit)]


def _cycles(parents: dict[str, str]) -> Iterator[str]:
    """Ids that are their own ancestor through *parents*."""
    for start in parents:
        seen, current = {start}, parents.get(start)
        while current is not None:
            if current == start:
                yield start
                break
            if current in seen:
                break
            seen.add(current)
            current = parents.get(current)


def _dangling(target: str, allowed: tuple[str, ...], ids_of: dict[str, list[str]]) -> str:
    """The message for an id that names nothing, with the closest ids of the kinds allowed."""
    message = f"no {' or '.join(allowed)} has the id {target!r}"
    known = [i for kind in allowed for i in ids_of.get(kind, ())]
    from difflib import get_close_matches  # only when a name matches nothing

    close = get_close_matches(target.casefold(), known, n=3, cutoff=0.6)
    if close:
        message += "; did you mean " + ", ".join(repr(c) for c in close) + "?"
    return message


def problems_between(
    located: Sequence[Located], refused: Sequence[RefusedIn] = ()
) -> list[Problem]:
    """Every problem between the records: ids used twice, ids named that do not exist.

    The tables in *refused* (records that could not be made, whose problems are reported
    already) are checked too: their ids count as taken, and their own references must exist.
    """
    entries: list[tuple[str, str, Record | dict[str, Any], str]] = [
        (kind, record.id, record, file) for kind, record, file in located
    ]
    entries += [
        (kind, table["id"], table, file)
        for kind, table, file in refused
        if isinstance(table.get("id"), str) and ID_PATTERN.fullmatch(table["id"])
    ]
    records_of: dict[str, list[Record]] = {}
    for kind, made, _ in located:
        records_of.setdefault(kind, []).append(made)
    # the first record of each id: built backwards, so that the first one is the one kept
    by_id: dict[str, tuple[str, Record | dict[str, Any], str]] = {
        id_: (kind, record, file) for kind, id_, record, file in reversed(entries)
    }
    problems: list[Problem] = []
    if len(by_id) < len(entries):
        problems += _ids_used_twice(entries, by_id)
    # The common case, all ids once, no table refused, every reference resolving, is checked
    # across all records at once; otherwise each record is walked, naming each problem's field.
    walk = bool(problems) or len(entries) > len(located) or not _all_resolve(records_of)
    ids_of: dict[str, list[str]] = {}
    for id_, (kind, _, _) in by_id.items() if walk else ():
        ids_of.setdefault(kind, []).append(id_)
    if walk:
        for kind, id_, record, file in entries:
            problems += _reference_problems(kind, id_, record, file, by_id=by_id, ids_of=ids_of)
            if isinstance(record, Statistic):
                problems += _unit_problems(record, file, by_id)
    else:  # only a figure's unit can be wrong: the figures alone, in the same order
        for statistic in records_of.get("statistic", ()):
            if isinstance(statistic, Statistic) and _unit_misfit(statistic, by_id) is not None:
                problems += _unit_problems(statistic, by_id[statistic.id][2], by_id)
    for field, parents in _chains(records_of).items():
        problems.extend(
            Problem(
                file=by_id[i][2],
                record=i,
                field=field,
                message=f"the {field} chain loops back to {i!r}",
            )
            for i in sorted(set(_cycles(parents)))
        )
    return problems


def _ids_used_twice(
    entries: Sequence[tuple[str, str, object, str]], by_id: Mapping[str, tuple[str, object, str]]
) -> Iterator[Problem]:
    """A problem for each record whose id an earlier one has, naming the earlier one's file."""
    seen: set[str] = set()
    for _kind, id_, _record, file in entries:
        if id_ in seen:
            other_kind, _, other_file = by_id[id_]
            yield Problem(
                file=file,
                record=id_,
                field="id",
                message=f"the id is already used by {_article(other_kind)} {other_kind} "
                f"in {other_file}",
            )
        seen.add(id_)


def _reference_problems(
    kind: str,
    id_: str,
    record: Record | dict[str, Any],
    file: str,
    *,
    by_id: Mapping[str, tuple[Any, ...]],
    ids_of: dict[str, list[str]],
) -> Iterator[Problem]:
    """The problem of each id *record* names that does not exist or is of a kind not allowed."""
    for field, target, allowed in _references(kind, record):
        found = by_id.get(target)
        if found is None:
            yield Problem(
                file=file, record=id_, field=field, message=_dangling(target, allowed, ids_of)
            )
        elif found[0] not in allowed:
            yield Problem(
                file=file,
                record=id_,
                field=field,
                message=f"{target!r} is {_article(found[0])} {found[0]}, not "
                f"{' or '.join(_article(a) + ' ' + a for a in allowed)}",
            )


def _chains(records_of: Mapping[str, list[Record]]) -> dict[str, dict[str, str]]:
    """The links that must never loop, by field: parent, part_of, restates."""
    links = (("parent", "agency"), ("part_of", "measure"), ("restates", "statistic"))
    return {
        field: {r.id: getattr(r, field) for r in records_of.get(kind, ()) if getattr(r, field)}
        for field, kind in links
    }
