"""The referential-integrity pass: every id a record names exists, and no id is used twice."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from gunflow.errors import Problem
from gunflow.io import Record
from gunflow.model import (
    Acknowledgement,
    Agency,
    Event,
    Measure,
    MeasureKind,
    Person,
    Program,
    Relation,
    Source,
    Statistic,
    Unit,
)

__all__ = ["Located", "problems_between"]

#: A record with its kind ("statistic") and the file it came from.
Located = tuple[str, Record, str]

_DURATION_UNITS = frozenset({Unit.DAYS, Unit.MONTHS, Unit.YEARS})


def _references(record: Record) -> Iterator[tuple[str, str, tuple[str, ...]]]:  # noqa: PLR0912 - one case per kind
    """Each id *record* names: (field path, id, kinds it may be)."""
    match record:
        case Source():
            for i, cited in enumerate(record.cites):
                yield f"cites[{i}]", cited, ("source",)
            if record.edition_of:
                yield "edition_of", record.edition_of, ("source",)
        case Agency():
            if record.parent:
                yield "parent", record.parent, ("agency",)
        case Person():
            for i, role in enumerate(record.roles):
                yield f"roles[{i}].source", role.source, ("source",)
                if role.agency:
                    yield f"roles[{i}].agency", role.agency, ("agency",)
        case Program():
            for i, agency in enumerate(record.run_by):
                yield f"run_by[{i}]", agency, ("agency",)
            for i, source in enumerate(record.sources):
                yield f"sources[{i}]", source, ("source",)
        case Measure():
            for name in ("part_of", "numerator", "denominator", "change_of"):  # not family
                if (value := getattr(record, name)) is not None:
                    yield name, value, ("measure",)
            for i, part in enumerate(record.parts):
                yield f"parts[{i}]", part, ("measure",)
        case Statistic():
            yield "measure", record.measure, ("measure",)
            yield "source", record.source, ("source",)
            for i, who in enumerate(record.attributed_to):
                yield f"attributed_to[{i}]", who, ("agency", "person", "source")
            for i, cited in enumerate(record.cites):
                yield f"cites[{i}]", cited, ("source",)
            if record.restates:
                yield "restates", record.restates, ("statistic",)
        case Event():
            for name, kind in (
                ("agencies", "agency"),
                ("people", "person"),
                ("programs", "program"),
            ):
                for i, value in enumerate(getattr(record, name)):
                    yield f"{name}[{i}]", value, (kind,)
            for i, evidence in enumerate(record.evidence):
                yield f"evidence[{i}].source", evidence.source, ("source",)
        case Acknowledgement():
            for name, kind in (
                ("statistics", "statistic"),
                ("events", "event"),
                ("relations", "relation"),
                ("measures", "measure"),
            ):
                for i, value in enumerate(getattr(record, name)):
                    yield f"{name}[{i}]", value, (kind,)
        case Relation():
            for side in ("left", "right"):
                for i, value in enumerate(getattr(record, side)):
                    yield f"{side}[{i}]", value, ("statistic",)
            yield "source", record.source, ("source",)


def _article(kind: str) -> str:
    return "an" if kind[0] in "aeiou" else "a"


def _consistency(record: Record, kinds: dict[str, tuple[str, Record]]) -> Iterator[tuple[str, str]]:
    """Problems a record has with the records it names, beyond their existence."""
    if isinstance(record, Statistic):
        measure = kinds.get(record.measure, ("", None))[1]
        if isinstance(measure, Measure):
            unit = record.quantity.unit
            durations = measure.kind is MeasureKind.DURATION and unit in _DURATION_UNITS
            if unit is not measure.unit and not durations:
                yield (
                    "quantity.unit",
                    (f"{unit} does not fit measure {measure.id!r}, which is in {measure.unit}"),
                )


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


def problems_between(located: Sequence[Located]) -> list[Problem]:
    """Every problem between the records: ids used twice, ids named that do not exist."""
    problems: list[Problem] = []
    by_id: dict[str, tuple[str, Record]] = {}
    file_of: dict[str, str] = {}
    for kind, record, file in located:
        if record.id in by_id:
            other_kind = by_id[record.id][0]
            problems.append(
                Problem(
                    file=file,
                    record=record.id,
                    field="id",
                    message=f"the id is already used by {_article(other_kind)} {other_kind} "
                    f"in {file_of[record.id]}",
                )
            )
            continue
        by_id[record.id] = (kind, record)
        file_of[record.id] = file
    for _kind, record, file in located:
        for field, target, allowed in _references(record):
            found = by_id.get(target)
            if found is None:
                problems.append(
                    Problem(
                        file=file,
                        record=record.id,
                        field=field,
                        message=f"no {' or '.join(allowed)} has the id {target!r}",
                    )
                )
            elif found[0] not in allowed:
                problems.append(
                    Problem(
                        file=file,
                        record=record.id,
                        field=field,
                        message=f"{target!r} is {_article(found[0])} {found[0]}, not "
                        f"{' or '.join(_article(a) + ' ' + a for a in allowed)}",
                    )
                )
        for field, message in _consistency(record, by_id):
            problems.append(Problem(file=file, record=record.id, field=field, message=message))
    for field, parents in _chains(located).items():
        problems.extend(
            Problem(
                file=file_of[i],
                record=i,
                field=field,
                message=f"the {field} chain loops back to {i!r}",
            )
            for i in sorted(set(_cycles(parents)))
        )
    return problems


def _chains(located: Sequence[Located]) -> dict[str, dict[str, str]]:
    """The links that must never loop, by field: parent, part_of, restates."""
    chains: dict[str, dict[str, str]] = {"parent": {}, "part_of": {}, "restates": {}}
    for _kind, record, _file in located:
        if isinstance(record, Agency) and record.parent:
            chains["parent"][record.id] = record.parent
        elif isinstance(record, Measure) and record.part_of:
            chains["part_of"][record.id] = record.part_of
        elif isinstance(record, Statistic) and record.restates:
            chains["restates"][record.id] = record.restates
    return chains
