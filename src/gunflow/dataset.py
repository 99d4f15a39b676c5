"""The Dataset: every record, one typed collection per kind, and navigation between them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from gunflow._collection import Collection, Events
from gunflow._collector import collection_paused
from gunflow._integrity import Located, problems_between
from gunflow._kinds import KINDS, Record
from gunflow.errors import DataError, NotFound
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
    Tolerance,
)

if TYPE_CHECKING:
    from gunflow._series import Series

__all__ = ["Collection", "Dataset", "Events"]

T = TypeVar(
    "T", Source, Agency, Person, Program, Measure, Statistic, Event, Relation, Acknowledgement
)
KINDS_BY_CLASS: dict[type, str] = {cls: kind for kind, cls in KINDS.items()}


def _read_only(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True, eq=True)
class Dataset:
    """Every record gunflow holds, one collection per kind; immutable.

    Get one with :func:`gunflow.load` (the bundled data, with your files) or :func:`gunflow.read`
    (your files alone). Navigation methods follow the ids a record names to the records
    themselves, so that no look-up is left to you:

    >>> import gunflow
    >>> ds = gunflow.load()
    >>> figure = ds.statistics.get("reuters-2016-01-11/us-origin-share-2009-2014")
    >>> ds.source_of(figure).publisher, [s.id for s in ds.citations_of(figure)]
    ('Reuters', ['gao-16-223'])
    >>> ds.parent_of(ds.agencies.get("ATF")).name
    'U.S. Department of Justice'

    .. versionadded:: 0.1.0
    """

    sources: Collection[Source]
    agencies: Collection[Agency]
    people: Collection[Person]
    programs: Collection[Program]
    measures: Collection[Measure]
    statistics: Collection[Statistic]
    events: Events
    relations: Collection[Relation]
    acknowledgements: Collection[Acknowledgement]
    _origins: Mapping[str, str] = attrs.field(
        factory=dict, alias="origins", converter=_read_only, eq=False, repr=False, hash=False
    )
    _by_id: dict[str, Record] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _checked: bool = attrs.field(init=False, default=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        """Index every record by id, and let the collections reach the dataset."""
        by_id = {r.id: r for collection in self._collections() for r in collection}
        object.__setattr__(self, "_by_id", by_id)
        for field in attrs.fields(Dataset):
            # bind copies: the collections given may belong to another dataset
            if field.name in _COLLECTION_FIELDS:
                object.__setattr__(self, field.name, getattr(self, field.name)._bound(self))

    @classmethod
    def from_records(cls, records: Iterable[Record]) -> Dataset:
        """Build a dataset from records, checking every reference between them.

        Raises:
            DataError: an id is used twice, or a record names an id that does not exist.

        """
        return build([(KINDS_BY_CLASS[type(r)], r, "<records>") for r in records])

    @property
    def references_checked(self) -> bool:
        """Whether every id and reference was checked when the dataset was built.

        True for a dataset of :func:`gunflow.load`, :func:`gunflow.read` or
        :meth:`from_records` (and the parts :func:`gunflow.checks.components` makes of one),
        which refuse an id used twice or one that names nothing; the rule ``integrity`` need
        not look again.

        .. versionadded:: 0.2.0
        """
        return self._checked

    def records(self) -> Iterator[Record]:
        """Every record, kind by kind in the order of the data format, each in id order."""
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

    @property
    def origins(self) -> Mapping[str, str]:
        """The file each record was read from, by id, as :class:`~gunflow.Problem` names files.

        A user's file is named as it was given to :func:`gunflow.load`; a bundled one as
        ``<bundled>/sources.toml``; records built in Python have none.

        .. versionadded:: 0.2.0
        """
        return self._origins

    # --- navigation -----------------------------------------------------------------------

    def find(self, id: str) -> Record:
        """The record of any kind with this id, abbreviation, name or alias, ignoring case.

        An exact id wins; otherwise the key must name one record only.

        Raises:
            NotFound: no record matches, or several of different kinds do; the message
                suggests close matches.

        """
        found = self._by_id.get(id)
        if found is not None:
            return found
        matches: dict[str, Record] = {}
        for collection in self._collections():
            if id in collection:
                record: Record = collection.get(id)
                matches[record.id] = record
        if len(matches) == 1:
            return next(iter(matches.values()))
        if matches:
            names = ", ".join(repr(i) for i in sorted(matches))
            raise NotFound("record", id, message=f"{id!r} names several records: {names}")
        from difflib import get_close_matches  # only when a name matches nothing

        close = get_close_matches(id.casefold(), list(self._by_id), n=3, cutoff=0.6)
        raise NotFound("record", id, tuple(close))

    def _all(self, ids: Sequence[str], cls: type[T]) -> tuple[T, ...]:
        return tuple(r for r in (self._by_id.get(i) for i in ids) if isinstance(r, cls))

    def source_of(self, record: Statistic | Relation) -> Source:
        """The source that reports a figure or makes a relation's claim."""
        return self.sources.get(record.source)

    def measure_of(self, statistic: Statistic) -> Measure:
        """What a figure counts."""
        return self.measures.get(statistic.measure)

    def speakers_of(self, statistic: Statistic) -> tuple[Agency | Person | Source, ...]:
        """Who the source says states the figure: agencies, people, reports."""
        return tuple(
            r
            for r in (self._by_id[i] for i in statistic.attributed_to)
            if isinstance(r, Agency | Person | Source)
        )

    def citations_of(self, record: Statistic | Source) -> tuple[Source, ...]:
        """The sources a figure is credited to, or a source reports on."""
        return self._all(record.cites, Source)

    def primary_of(self, statistic: Statistic) -> Statistic | None:
        """The primary source's figure that *statistic* restates, if recorded."""
        return self.statistics.get(statistic.restates) if statistic.restates else None

    def statistics_of(self, record: Source | Measure | Agency | Person) -> Collection[Statistic]:
        """A source's figures, a measure's (narrower ones included), or an agency's or person's."""
        if isinstance(record, Source):
            return self.statistics.filter(source=record)
        if isinstance(record, Measure):
            return self.statistics.filter(measure=record)
        if isinstance(record, Agency):
            return self.statistics.filter(agency=record)
        return self.statistics.filter(person=record)

    def events_of(self, record: Source | Agency | Person | Program) -> Events:
        """The events a source reports, or an agency, person or program takes part in."""
        if isinstance(record, Source):
            return self.events.filter(source=record)
        if isinstance(record, Agency):
            return self.events.filter(agency=record)
        if isinstance(record, Person):
            return self.events.filter(person=record)
        return self.events.filter(program=record)

    def parent_of(self, agency: Agency) -> Agency | None:
        """The agency *agency* belongs to (ATF's is the Justice Department), if any."""
        return self.agencies.get(agency.parent) if agency.parent else None

    def children_of(self, agency: Agency) -> Collection[Agency]:
        """The agencies directly under *agency*."""
        return self.agencies.filter(lambda a: a.parent == agency.id)

    def people_of(self, agency: Agency) -> Collection[Person]:
        """The people a source gives a role in *agency*."""
        return self.people.filter(agency=agency)

    def programs_of(self, agency: Agency) -> Collection[Program]:
        """The programs *agency* runs."""
        return self.programs.filter(agency=agency)

    # --- series ---------------------------------------------------------------------------

    def series(
        self,
        measure: str | Measure,
        place: str | None = None,
        *,
        tolerance: Tolerance | None = None,
    ) -> Series:
        """A measure's figures as a time series: one row per period, in time order.

        Each row holds the preferred figure, the period's other figures (the alternatives),
        and whether they all agree. The preferred figure is the primary source's over a
        relay's (a relay restates or cites another document, or is a news article); then one
        that states a value over one that states only a bound ("more than 68 percent"); then
        the latest vintage (the date of the document a relay cites, else the as-of date); then
        the narrower interval; then the id.

        >>> import gunflow
        >>> ds = gunflow.load()
        >>> row = ds.series("firearms.mx.traced.us_origin.share").rows[0]
        >>> str(row.period), str(row.preferred.quantity), str(row.interval), row.agree
        ('2004/2008', 'around 87 percent', '[86, 88]', True)

        Args:
            measure: a measure or its id; figures of narrower measures are not included.
            place: the place code; by default the measure's own place (figures for a
                narrower place are left out).
            tolerance: how hedged figures are read; the default if None.

        Returns:
            The :class:`Series`; a figure with neither period nor as-of date is left out.

        Raises:
            NotFound: no measure has the id.

        .. versionadded:: 0.2.0

        """
        from gunflow._series import series

        found = measure if isinstance(measure, Measure) else self.measures.get(measure)
        return series(self, found, place, tolerance)


#: The dataset's collections, in the order of the data format.
COLLECTIONS = (
    "sources",
    "agencies",
    "people",
    "programs",
    "measures",
    "statistics",
    "events",
    "relations",
    "acknowledgements",
)
_COLLECTION_FIELDS = frozenset(COLLECTIONS)


def build(located: Sequence[Located]) -> Dataset:
    """Check ids and references across every record, then build the dataset (or raise).

    Raises:
        DataError: listing every problem found.

    """
    with collection_paused():
        return _build(located)


def _build(located: Sequence[Located]) -> Dataset:
    problems = problems_between(located)
    if problems:
        raise DataError(problems)
    records_of: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    for kind, record, _ in located:
        records_of[kind].append(record)
    dataset = Dataset(
        sources=Collection(records_of["source"], "source"),
        agencies=Collection(records_of["agency"], "agency"),
        people=Collection(records_of["person"], "person"),
        programs=Collection(records_of["program"], "program"),
        measures=Collection(records_of["measure"], "measure"),
        statistics=Collection(records_of["statistic"], "statistic"),
        events=Events(records_of["event"], "event"),
        relations=Collection(records_of["relation"], "relation"),
        acknowledgements=Collection(records_of["acknowledgement"], "acknowledgement"),
        origins={r.id: file for _, r, file in located if not file.startswith("<records")},
    )
    object.__setattr__(dataset, "_checked", True)  # frozen: set once, here
    return dataset
