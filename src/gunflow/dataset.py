"""The Dataset, its typed collections, and loading the bundled and users' data."""

from __future__ import annotations

import difflib
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

import attrs

from gunflow.errors import DataError, NotFound, Problem
from gunflow.io import KINDS, Record, parse_document
from gunflow.model import (
    Acknowledgement,
    Agency,
    Event,
    Measure,
    Person,
    Program,
    Relation,
    Source,
    Statistic,
)
from gunflow.model.measure import MeasureKind
from gunflow.model.quantity import Unit

__all__ = ["Collection", "Dataset", "load"]

T = TypeVar(
    "T", Source, Agency, Person, Program, Measure, Statistic, Event, Relation, Acknowledgement
)

_DURATION_UNITS = frozenset({Unit.DAYS, Unit.MONTHS, Unit.YEARS})


def _lookup_keys(record: object) -> Iterator[str]:
    """The strings a record can be looked up by: id, abbreviation, name, aliases."""
    yield record.id  # type: ignore[attr-defined]
    for name in ("abbreviation", "name", "label"):
        value = getattr(record, name, None)
        if isinstance(value, str):
            yield value
    yield from getattr(record, "aliases", ())


class Collection(Generic[T], Sequence[T]):
    """An immutable, ordered collection of one kind of record.

    Records are in id order. ``get`` finds a record by id, abbreviation, name or alias, ignoring
    case; ``filter`` keeps the records for which a predicate holds.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_index", "_kind", "_lock", "_records")

    def __init__(self, records: Iterable[T], kind: str) -> None:
        """Hold *records* (sorted by id) of the kind named *kind* ("agency")."""
        self._records: tuple[T, ...] = tuple(sorted(records, key=lambda r: r.id))
        self._kind = kind
        self._index: dict[str, T] | None = None
        self._lock = threading.Lock()

    def _lookup(self) -> dict[str, T]:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    index: dict[str, T] = {}
                    for record in self._records:  # ids first: they win over names and aliases
                        index[record.id.casefold()] = record
                    for record in self._records:
                        for key in _lookup_keys(record):
                            index.setdefault(key.casefold(), record)
                    self._index = index
        return self._index

    def get(self, key: str) -> T:
        """The record whose id, abbreviation, name or alias is *key*, ignoring case.

        Raises:
            NotFound: no record matches; the message suggests close matches.

        """
        index = self._lookup()
        found = index.get(key.strip().casefold())
        if found is None:
            close = difflib.get_close_matches(key.casefold(), list(index), n=3, cutoff=0.6)
            suggestions = tuple(dict.fromkeys(index[c].id for c in close))
            raise NotFound(self._kind, key, suggestions)
        return found

    def __contains__(self, key: object) -> bool:
        """Whether *key* (an id, name or alias) or a record of the collection is in it."""
        if isinstance(key, str):
            return key.strip().casefold() in self._lookup()
        return key in self._records

    def filter(self, predicate: Callable[[T], bool]) -> Collection[T]:
        """The records for which *predicate* is true, as a collection of the same kind."""
        return Collection((r for r in self._records if predicate(r)), self._kind)

    def ids(self) -> tuple[str, ...]:
        """The ids, in order."""
        return tuple(r.id for r in self._records)

    def first(self) -> T:
        """The first record.

        Raises:
            NotFound: the collection is empty.

        """
        if not self._records:
            raise NotFound(self._kind, "(the first of an empty collection)")
        return self._records[0]

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Collection[T]: ...
    def __getitem__(self, index: int | slice) -> T | Collection[T]:
        """A record by position, or a slice as a collection."""
        if isinstance(index, slice):
            return Collection(self._records[index], self._kind)
        return self._records[index]

    def __len__(self) -> int:
        """The number of records."""
        return len(self._records)

    def __iter__(self) -> Iterator[T]:
        """The records, in id order."""
        return iter(self._records)

    def __eq__(self, other: object) -> bool:
        """Collections are equal when they hold equal records."""
        if isinstance(other, Collection):
            return self._records == other._records
        return NotImplemented

    def __hash__(self) -> int:
        """Hash by content, like a tuple."""
        return hash(self._records)

    def __repr__(self) -> str:
        """Show the kind and the size, not every record."""
        return f"<Collection of {len(self._records)} {self._kind} records>"


@attrs.frozen(kw_only=True, eq=True)
class Dataset:
    """Every record gunflow holds, one collection per kind; immutable.

    Get one with :func:`load`.

    .. versionadded:: 0.1.0
    """

    sources: Collection[Source]
    agencies: Collection[Agency]
    people: Collection[Person]
    programs: Collection[Program]
    measures: Collection[Measure]
    statistics: Collection[Statistic]
    events: Collection[Event]
    relations: Collection[Relation]
    acknowledgements: Collection[Acknowledgement]

    @classmethod
    def from_records(cls, records: Iterable[Record]) -> Dataset:
        """Build a dataset from records, checking every reference between them.

        Raises:
            DataError: an id is used twice, or a record names an id that does not exist.

        """
        located = [(KINDS_BY_CLASS[type(r)], r, "<records>") for r in records]
        return _build(located)

    def records(self) -> Iterator[Record]:
        """Every record, kind by kind in the order of :data:`gunflow.io.KINDS`, each in id order."""
        for collection in self._collections():
            yield from collection

    def _collections(self) -> tuple[Collection[Any], ...]:
        return (
            self.sources,
            self.agencies,
            self.people,
            self.programs,
            self.measures,
            self.statistics,
            self.events,
            self.relations,
            self.acknowledgements,
        )

    def __len__(self) -> int:
        """The number of records of every kind."""
        return sum(len(c) for c in self._collections())


KINDS_BY_CLASS: dict[type, str] = {cls: kind for kind, cls in KINDS.items()}


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
            for i, value in enumerate(record.statistics):
                yield f"statistics[{i}]", value, ("statistic",)
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


def _build(located: Sequence[tuple[str, Record, str]]) -> Dataset:
    """Check ids and references across every record, then build the dataset (or raise)."""
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
    parents = {r.id: r.parent for _, r, _ in located if isinstance(r, Agency) and r.parent}
    problems.extend(
        Problem(file=file_of[i], record=i, field="parent", message="the parent chain loops back")
        for i in sorted(set(_cycles(parents)))
    )
    if problems:
        raise DataError(problems)
    records = [record for _, record, _ in located]

    def collect(cls: type[T], kind: str) -> Collection[T]:
        return Collection((r for r in records if isinstance(r, cls)), kind)

    return Dataset(
        sources=collect(Source, "source"),
        agencies=collect(Agency, "agency"),
        people=collect(Person, "person"),
        programs=collect(Program, "program"),
        measures=collect(Measure, "measure"),
        statistics=collect(Statistic, "statistic"),
        events=collect(Event, "event"),
        relations=collect(Relation, "relation"),
        acknowledgements=collect(Acknowledgement, "acknowledgement"),
    )


def _bundled_files() -> list[tuple[str, str]]:
    """(name, text) of every bundled TOML file, in a fixed order."""
    root = resources.files("gunflow.data")
    found: list[tuple[str, str]] = []

    def walk(folder: Any, prefix: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir():
                walk(entry, f"{prefix}{entry.name}/")
            elif entry.name.endswith(".toml"):
                found.append((f"<bundled>/{prefix}{entry.name}", entry.read_text(encoding="utf-8")))

    walk(root, "")
    return found


def _read(files: Iterable[tuple[str, str]]) -> tuple[list[tuple[str, Record, str]], list[Problem]]:
    located: list[tuple[str, Record, str]] = []
    problems: list[Problem] = []
    for name, text in files:
        records, found = parse_document(text, name)
        problems.extend(found)
        located.extend((kind, record, name) for kind, record in records)
    return located, problems


def _read_user_file(path: str | PathLike[str]) -> tuple[str, str] | Problem:
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return Problem(
            file=name, record="-", field="", message=f"cannot read the file: {error.strerror}"
        )
    try:
        return name, data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Problem(
            file=name,
            record="-",
            field="",
            message=f"not valid UTF-8 (byte {error.start}): TOML files are UTF-8",
        )


_bundled_lock = threading.Lock()
_bundled: tuple[Dataset, tuple[tuple[str, Record, str], ...]] | None = None


def _load_bundled() -> tuple[Dataset, tuple[tuple[str, Record, str], ...]]:
    global _bundled  # noqa: PLW0603 - the one cache, filled once behind a lock
    if _bundled is None:
        with _bundled_lock:
            if _bundled is None:
                located, problems = _read(_bundled_files())
                if problems:
                    raise DataError(problems)
                _bundled = (_build(located), tuple(located))
    return _bundled


def load(extra: Iterable[str | PathLike[str]] = ()) -> Dataset:
    """The bundled data, with a user's own TOML files added when *extra* names any.

    The bundled dataset is read once, on the first call, and the same immutable object is
    returned afterwards. A user's files are read on every call; their records may name bundled
    ids, and every reference is checked across both.

    >>> import gunflow
    >>> ds = gunflow.load()
    >>> ds.agencies.get("atf").name
    'Bureau of Alcohol, Tobacco, Firearms and Explosives'

    Args:
        extra: paths of a user's TOML files, in the bundled format.

    Returns:
        The dataset.

    Raises:
        DataError: a file cannot be read or parsed, a record is invalid, an id is used twice or
            a reference names no record. Every problem of every file is listed; nothing is
            cached from a failed load.

    """
    bundled, bundled_located = _load_bundled()
    paths = [extra] if isinstance(extra, str | PathLike) else list(extra)
    if not paths:
        return bundled
    files: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for path in paths:
        read = _read_user_file(path)
        if isinstance(read, Problem):
            problems.append(read)
        else:
            files.append(read)
    located, parse_problems = _read(files)
    problems.extend(parse_problems)
    try:
        dataset = _build([*bundled_located, *located])
    except DataError as error:
        problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return dataset
