"""Typed, immutable collections of records, with look-up, filters and a stable order."""

from __future__ import annotations

import builtins
import datetime
import enum
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

import pendulum

from gunflow.errors import NotFound
from gunflow.model import (
    Acknowledgement,
    Agency,
    AgencyKind,
    Coverage,
    Event,
    EventKind,
    EventStatus,
    Hedge,
    Measure,
    MeasureKind,
    PartialDate,
    Period,
    Person,
    Program,
    Relation,
    RelationKind,
    Source,
    SourceKind,
    Statistic,
)

if TYPE_CHECKING:  # only for annotations: the dataset module imports this one
    from gunflow.dataset import Dataset

__all__ = ["Collection", "Events", "PeriodLike", "as_period"]

T = TypeVar(
    "T", Source, Agency, Person, Program, Measure, Statistic, Event, Relation, Acknowledgement
)

#: What the period criteria accept: a Period, ``"2009"``, ``"2007/2009"``, a date, or a pair.
PeriodLike = (
    Period | str | datetime.date | tuple[str | datetime.date | None, str | datetime.date | None]
)
#: An id, a record, or several of either.
Key = str | object | Iterable[str | object]


def _as_date(value: str | datetime.date | None) -> PartialDate | None:
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return PartialDate.from_date(value)
    return PartialDate.parse(value)


def as_period(value: PeriodLike) -> Period:
    """Read a period given as a :class:`Period`, an ISO string, a date, or a (start, end) pair.

    >>> str(as_period("2007/2009")), str(as_period(("2009-06", None)))
    ('2007/2009', '2009-06/')

    Raises:
        ValueError: the value is not a period, or the period ends before it starts.

    .. versionadded:: 0.1.0

    """
    if isinstance(value, Period):
        return value
    if isinstance(value, str):
        return Period.parse(value)
    if isinstance(value, datetime.date):
        day = PartialDate.from_date(value)
        return Period(start=day, end=day)
    if isinstance(value, tuple) and len(value) == 2:
        return Period(start=_as_date(value[0]), end=_as_date(value[1]))
    raise TypeError(f"expected a period (a Period, '2007/2009', a date, or a pair), not {value!r}")


def _ids(value: Key) -> frozenset[str]:
    """The ids named by *value*: an id, a record, or an iterable of either."""
    if isinstance(value, str):
        return frozenset({value})
    if hasattr(value, "id"):
        return frozenset({value.id})
    if isinstance(value, Iterable):
        return frozenset(v if isinstance(v, str) else getattr(v, "id") for v in value)  # noqa: B009
    raise TypeError(f"expected an id, a record, or several, not {value!r}")


def _coverage(record: object) -> Coverage | None:
    """The days a record covers: a figure's, an event's date, a source's publication day.

    One reading of time, the same the checks use (:class:`~gunflow.Coverage`): an open period
    runs to some day of the figure's as-of date; a figure with no period is read as of its
    as-of date.
    """
    if isinstance(record, Statistic):
        if record.period is None and record.as_of is None:
            return None
        return record.coverage(point_in_time=record.period is None)
    if isinstance(record, Event):
        return None if record.when is None else record.when.coverage()
    if isinstance(record, Source):
        return None if record.published is None else record.published.coverage()
    return None


def _within(days: Coverage | None, period: Period) -> bool:
    """Whether the record lies within *period* on every reading."""
    return days is not None and days.within(period.coverage())


def _overlaps(days: Coverage | None, period: Period) -> bool:
    """Whether some reading of the record touches *period*."""
    return days is not None and days.may_overlap(period.coverage())


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

    Records are in id order unless :meth:`sorted` chose another. :meth:`get` finds a record by
    id, abbreviation, name or alias, ignoring case; :meth:`filter` keeps the records that match
    every criterion given and returns a collection of the same kind.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_dataset", "_groups", "_index", "_kind", "_lock", "_records")

    def __init__(
        self,
        records: Iterable[T],
        kind: str,
        *,
        dataset: Dataset | None = None,
        keep_order: bool = False,
    ) -> None:
        """Hold *records* of the kind named *kind* (``"agency"``), sorted by id by default."""
        items = tuple(records)
        self._records: tuple[T, ...] = (
            items if keep_order else tuple(sorted(items, key=attrgetter("id")))
        )
        self._kind = kind
        self._dataset = dataset
        self._index: dict[str, T] | None = None
        self._groups: dict[str, dict[object, list[int]]] = {}
        self._lock = threading.Lock()

    def _bound(self, dataset: Dataset) -> Self:
        """The same records, reaching *dataset* for narrower measures and places."""
        return type(self)(self._records, self._kind, dataset=dataset, keep_order=True)

    def _new(self, records: Iterable[T], *, keep_order: bool = True) -> Self:
        return type(self)(records, self._kind, dataset=self._dataset, keep_order=keep_order)

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

    def _positions(self, field: str) -> dict[object, list[int]]:
        """Positions of the records by the value of one field (built once, on first use)."""
        found = self._groups.get(field)
        if found is None:
            found = {}
            for position, record in enumerate(self._records):
                found.setdefault(getattr(record, field), []).append(position)
            with self._lock:
                self._groups[field] = found
        return found

    @property
    def kind(self) -> str:
        """The kind of record held (``"statistic"``, ``"agency"`` ...)."""
        return self._kind

    def get(self, key: str) -> T:
        """The record whose id, abbreviation, name or alias is *key*, ignoring case.

        Raises:
            NotFound: no record matches; the message suggests close matches.

        """
        index = self._lookup()
        found = index.get(key.strip().casefold())
        if found is None:
            from difflib import get_close_matches  # only when a name matches nothing

            close = get_close_matches(key.casefold(), list(index), n=3, cutoff=0.6)
            suggestions = tuple(dict.fromkeys(index[c].id for c in close))
            raise NotFound(self._kind, key, suggestions)
        return found

    def __contains__(self, key: object) -> bool:
        """Whether *key* (an id, name or alias) or a record of the collection is in it."""
        if isinstance(key, str):
            return key.strip().casefold() in self._lookup()
        return key in self._records

    def filter(  # noqa: PLR0912 - one clause per criterion keeps them visible together
        self,
        predicate: Callable[[T], bool] | None = None,
        *,
        measure: Key | None = None,
        source: Key | None = None,
        cites: Key | None = None,
        agency: Key | None = None,
        person: Key | None = None,
        program: Key | None = None,
        place: str | None = None,
        during: PeriodLike | None = None,
        overlapping: PeriodLike | None = None,
        hedge: str | None = None,
        kind: str | None = None,
        status: str | None = None,
        country: str | None = None,
    ) -> Self:
        """The records that match every criterion given, as a collection of the same kind.

        Args:
            predicate: any function of a record; kept when it returns true.
            measure: statistics of this measure or of any narrower one (``part_of`` it).
            source: records this source reports (statistics, events, relations, people's
                roles, programs).
            cites: statistics credited to this source ("according to the report").
            agency: statistics attributed to it, events and programs it takes part in, people
                with a role in it.
            person: statistics attributed to this person, events they take part in.
            program: events of this program.
            place: statistics (or measures) of this place.
            during: records whose period (a figure's period, an event's date, a source's
                publication) lies within this one.
            overlapping: records whose period overlaps this one.
            hedge: statistics with this hedge (``"nearly"``, ``"more than"`` ...).
            kind: records of this kind (sources, agencies, measures, events, relations).
            status: events with this status (``"occurred"``, ``"planned"``).
            country: agencies of this country (``"US"``, ``"MX"``).

        Every id criterion takes what :meth:`get` takes (an id, an abbreviation, a name or an
        alias, in any case), a record, or several of either.

        Raises:
            TypeError: a criterion does not apply to this kind of record.
            ValueError: a period is malformed.
            NotFound: an id criterion names no record; the message suggests close matches.

        """
        given = {
            name: value
            for name, value in locals().items()
            if name not in ("self", "predicate") and value is not None
        }
        self._check_criteria(given)
        tests: list[Callable[[Any], bool]] = [] if predicate is None else [predicate]
        candidates: Sequence[T] = self._records
        if measure is not None:
            wanted = self._narrower(self._resolve("measure", measure))
            if self._kind == "statistic":  # through the index: no scan of every figure
                index = self._positions("measure")
                positions = sorted(p for m in wanted for p in index.get(m, ()))
                candidates = [self._records[p] for p in positions]
            else:
                tests.append(lambda r: r.id in wanted)
        if source is not None:
            sources = self._resolve("source", source)
            tests.append(lambda r: bool(sources & _sources_of(r)))
        if cites is not None:
            cited = self._resolve("cites", cites)
            tests.append(lambda r: bool(cited & set(r.cites)))
        if agency is not None:
            agencies = self._resolve("agency", agency)
            tests.append(lambda r: bool(agencies & _agencies_of(r)))
        if person is not None:
            people = self._resolve("person", person)
            tests.append(lambda r: bool(people & _people_of(r)))
        if program is not None:
            programs = self._resolve("program", program)
            tests.append(lambda r: bool(programs & set(r.programs)))
        if place is not None:
            tests.append(lambda r: self._place_of(r) == place)
        if during is not None:
            inside = as_period(during)
            tests.append(lambda r: _within(_coverage(r), inside))
        if overlapping is not None:
            around = as_period(overlapping)
            tests.append(lambda r: _overlaps(_coverage(r), around))
        if hedge is not None:
            wanted_hedge = _choice(Hedge, hedge, "hedge")
            tests.append(lambda r: r.quantity.hedge is wanted_hedge)
        if kind is not None:
            wanted_kind = _choice(_KIND_ENUMS[self._kind], kind, "kind")
            tests.append(lambda r: r.kind is wanted_kind)
        if status is not None:
            wanted_status = _choice(EventStatus, status, "status")
            tests.append(lambda r: r.status is wanted_status)
        if country is not None:
            wanted_country = country.strip().upper()
            tests.append(lambda r: r.country == wanted_country)
        return self._new(r for r in candidates if all(test(r) for test in tests))

    def _check_criteria(self, given: dict[str, object]) -> None:
        allowed = _CRITERIA.get(self._kind, frozenset())
        wrong = sorted(set(given) - allowed)
        if wrong:
            takes = ", ".join(sorted(allowed)) or "only a predicate"
            raise TypeError(
                f"a collection of {self._kind} records cannot be filtered by {wrong[0]!r}; "
                f"it takes: {takes}"
            )

    def _resolve(self, criterion: str, value: Key) -> frozenset[str]:
        """The ids an id criterion names, each read as :meth:`get` reads it.

        Raises:
            NotFound: a key names no record of its kind; the message suggests close matches.

        """
        keys = _ids(value)
        if self._dataset is None:  # a collection on its own: ids are taken as written
            return keys
        target: Collection[Any] = getattr(self._dataset, _COLLECTION_OF[criterion])
        return frozenset(target.get(key).id for key in keys)

    def _narrower(self, ids: frozenset[str]) -> frozenset[str]:
        """The measures named and every measure part_of them, at any depth."""
        if self._dataset is None:
            return ids
        measures = self._dataset.measures
        children = measures._positions("part_of")
        found, todo = set(ids), list(ids)
        while todo:
            for position in children.get(todo.pop(), ()):
                child = measures[position].id
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return frozenset(found)

    def _place_of(self, record: object) -> str | None:
        place = getattr(record, "place", None)
        if place is None and isinstance(record, Statistic) and self._dataset is not None:
            measure = self._dataset.measures.get(record.measure)
            return measure.place
        return place if isinstance(place, str) else None

    def sorted(self, key: str | Callable[[T], Any], *, reverse: bool = False) -> Self:
        """The records in another order: by a field's name or by a function of a record.

        Records whose field is None come last.
        """
        if isinstance(key, str):
            ordered = _sorted_by_field(self._records, key, reverse=reverse)
        else:
            ordered = builtins.sorted(self._records, key=key, reverse=reverse)
        return self._new(ordered)

    def ids(self) -> tuple[str, ...]:
        """The ids, in order."""
        return tuple(r.id for r in self._records)

    def first(self) -> T:
        """The first record.

        Raises:
            NotFound: the collection is empty.

        """
        if not self._records:
            raise NotFound(
                self._kind, "", message=f"the collection of {self._kind} records is empty"
            )
        return self._records[0]

    def to_records(self) -> list[dict[str, Any]]:
        """The records as plain dictionaries (JSON-ready), each with its kind under ``record``."""
        from gunflow.export import to_records

        return to_records(self._records)

    def to_pandas(self) -> Any:
        """A pandas DataFrame of the records, nested fields flattened (needs pandas).

        Raises:
            MissingDependency: pandas is not installed (``pip install 'gunflow[pandas]'``).

        """
        from gunflow.export import to_pandas

        return to_pandas(self._records)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Self: ...
    def __getitem__(self, index: int | slice) -> T | Self:
        """A record by position, or a slice as a collection."""
        if isinstance(index, slice):
            return self._new(self._records[index])
        return self._records[index]

    def __len__(self) -> int:
        """The number of records."""
        return len(self._records)

    def __iter__(self) -> Iterator[T]:
        """The records, in order."""
        return iter(self._records)

    def __eq__(self, other: object) -> bool:
        """Collections are equal when they hold equal records in the same order."""
        if isinstance(other, Collection):
            return self._records == other._records
        return NotImplemented

    def __hash__(self) -> int:
        """Hash by content, like a tuple."""
        return hash(self._records)

    def __repr__(self) -> str:
        """Show the kind and the size, not every record."""
        return f"<{type(self).__name__} of {len(self._records)} {self._kind} records>"


R = TypeVar("R")


def _sorted_by_field(records: Sequence[R], name: str, *, reverse: bool) -> list[R]:
    """Records in the order of one field (its ``sort_key()`` if it has one); None last."""

    def value_of(record: R) -> Any:
        value = getattr(record, name)
        return value.sort_key() if hasattr(value, "sort_key") else value

    present = [r for r in records if getattr(r, name) is not None]
    missing = [r for r in records if getattr(r, name) is None]
    return [*builtins.sorted(present, key=value_of, reverse=reverse), *missing]


class Events(Collection[Event]):
    """Events, with the timeline queries.

    .. versionadded:: 0.1.0
    """

    __slots__ = ()

    def timeline(self) -> Self:
        """The events in date order (by the earliest day each can mean); undated ones last."""

        def when(event: Event) -> tuple[bool, pendulum.Date | datetime.date, str]:
            days = _coverage(event)
            day = (days.possible[0] or days.possible[1]) if days else None
            return (day is None, day or datetime.date.min, event.id)

        return self._new(sorted(self._records, key=when))

    def between(self, start: str | datetime.date | None, end: str | datetime.date | None) -> Self:
        """The events known to fall within *start* to *end* (either may be None), in date order.

        An event dated only to its year ("2009") falls within a window of that whole year, not
        within June; use ``filter(overlapping=...)`` for every event that may touch a window.
        """
        if start is None and end is None:
            return self.timeline()
        return self.filter(during=(start, end)).timeline()


def _sources_of(record: object) -> set[str]:
    if isinstance(record, Statistic | Relation):
        return {record.source}
    if isinstance(record, Event):
        return set(record.sources)
    if isinstance(record, Person):
        return {role.source for role in record.roles}
    if isinstance(record, Program):
        return set(record.sources)
    return set()


def _agencies_of(record: object) -> set[str]:
    if isinstance(record, Statistic):
        return set(record.attributed_to)
    if isinstance(record, Event):
        return set(record.agencies)
    if isinstance(record, Person):
        return {role.agency for role in record.roles if role.agency}
    if isinstance(record, Program):
        return set(record.run_by)
    return set()


def _people_of(record: object) -> set[str]:
    if isinstance(record, Statistic):
        return set(record.attributed_to)
    if isinstance(record, Event):
        return set(record.people)
    return set()


E = TypeVar("E", bound=enum.Enum)

#: The kind enum of each kind of record that has one.
_KIND_ENUMS: dict[str, type[enum.Enum]] = {
    "source": SourceKind,
    "agency": AgencyKind,
    "measure": MeasureKind,
    "event": EventKind,
    "relation": RelationKind,
}


def _choice(options: type[E], value: object, name: str) -> E:
    """The enum member *value* names, or a ValueError listing the choices."""
    try:
        return options(value)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in options)
        raise ValueError(f"{name} must be one of {choices}, not {value!r}") from None


#: The dataset's collection each id criterion names.
_COLLECTION_OF = {
    "measure": "measures",
    "source": "sources",
    "cites": "sources",
    "agency": "agencies",
    "person": "people",
    "program": "programs",
}

#: The criteria of a statistics filter (the command line's ``stats`` offers the same).
STATISTIC_CRITERIA = frozenset(
    {
        "measure",
        "source",
        "cites",
        "agency",
        "person",
        "place",
        "during",
        "overlapping",
        "hedge",
    }
)
#: Which criteria apply to which kind of record.
_CRITERIA: dict[str, frozenset[str]] = {
    "statistic": STATISTIC_CRITERIA,
    "event": frozenset(
        {"source", "agency", "person", "program", "during", "overlapping", "kind", "status"}
    ),
    "source": frozenset({"during", "overlapping", "kind"}),
    "agency": frozenset({"kind", "country"}),
    "person": frozenset({"source", "agency"}),
    "program": frozenset({"source", "agency"}),
    "measure": frozenset({"measure", "kind", "place"}),
    "relation": frozenset({"source", "kind"}),
    "acknowledgement": frozenset(),
}
