"""The context every rule works from: statistics grouped by measure, place and period."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

from gunflow.dataset import Dataset
from gunflow.model import (
    DEFAULT_TOLERANCE,
    Coverage,
    Interval,
    Measure,
    MeasureKind,
    SourceKind,
    Statistic,
    Tolerance,
    Unit,
)

__all__ = ["DAYS_PER_UNIT", "Context", "Index", "PeriodKey", "exact_days"]

#: A figure's days, when certain: (first day, last day). None for a figure no reading pins down.
PeriodKey = tuple[datetime.date, datetime.date] | None

#: How many days a duration unit can be: a month is 28 to 31 days, a year 365 or 366.
DAYS_PER_UNIT: dict[Unit, Interval] = {
    Unit.DAYS: Interval.point(1),
    Unit.MONTHS: Interval.closed(28, 31),
    Unit.YEARS: Interval.closed(365, 366),
}


#: Measures with at least this many figures keep their grouping (:meth:`Context.by_key`) once
#: made; a smaller one is quicker to group again than to keep, when a dataset has many.
_GROUPINGS_KEPT_FROM = 8


def exact_days(coverage: Coverage) -> PeriodKey:
    """A coverage's days when every reading gives the same ones, else None."""
    return coverage.certain if coverage.is_exact else None


class Context:
    """What a rule reads: the figures grouped by measure, place and period, each read once.

    :func:`gunflow.check` builds one context per run and gives it to every rule, its own and
    yours (see :doc:`/writing-rules`). It is read-only: the groupings are built on first use
    and cached, so that no rule needs to loop over all pairs of figures.

    >>> import gunflow
    >>> context = gunflow.Context(gunflow.load())
    >>> figure = context.statistics["ap-2010-10-06/mexico-trace-success-2009"]
    >>> print(figure.quantity, context.bounds(figure))
    31 percent [30.5, 31.5]

    Attributes:
        dataset: the records checked.
        tolerance: how far hedged figures may stray (:data:`gunflow.DEFAULT_TOLERANCE`).
        measures: the measures, by id.
        statistics: the statistics, by id.
        by_measure: the statistics of each measure, by the measure's id (measures with
            figures only).

    .. versionadded:: 0.2.0

    """

    def __init__(self, dataset: Dataset, tolerance: Tolerance | None = None) -> None:
        """Read *dataset*'s figures under *tolerance* (the default tolerance if None)."""
        self.dataset = dataset
        self.tolerance = tolerance or DEFAULT_TOLERANCE
        self.measures: Mapping[str, Measure] = {m.id: m for m in dataset.measures}
        self.statistics: Mapping[str, Statistic] = {s.id: s for s in dataset.statistics}
        by_measure: dict[str, list[Statistic]] = defaultdict(list)
        for statistic in dataset.statistics:
            by_measure[statistic.measure].append(statistic)
        self.by_measure: Mapping[str, Sequence[Statistic]] = dict(by_measure)
        self._bounds: dict[str, Interval] = {}
        self._coverages: dict[str, Coverage] = {}
        self._readings: dict[tuple[object, ...], Coverage] = {}
        self._shared_keys: dict[tuple[object, ...], tuple[object, ...]] = {}
        self._keys: dict[str, tuple[object, ...]] = {}
        self._by_key: dict[str, dict[tuple[object, ...], list[Statistic]]] = {}
        self._sources = {s.id: s for s in dataset.sources}
        self._originators: dict[str, frozenset[str]] = {}
        self._shared_sets: dict[frozenset[str], frozenset[str]] = {}

    def bounds(self, statistic: Statistic) -> Interval:
        """The interval *statistic*'s figure allows (cached)."""
        found = self._bounds.get(statistic.id)
        if found is None:
            found = self._bounds[statistic.id] = statistic.quantity.bounds(self.tolerance)
        return found

    def days(self, statistic: Statistic) -> Interval | None:
        """A duration figure in days; None for a figure in another unit."""
        per_unit = DAYS_PER_UNIT.get(statistic.quantity.unit)
        return None if per_unit is None else self.bounds(statistic).times(per_unit)

    def place(self, statistic: Statistic) -> str | None:
        """The statistic's own place, else its measure's."""
        if statistic.place is not None:
            return statistic.place
        measure = self.measures.get(statistic.measure)
        return measure.place if measure else None

    def coverage(self, statistic: Statistic) -> Coverage:
        """The days *statistic* covers, certainly and possibly: the one reading of time.

        A figure of a stock (a count at a moment) with no period is about some day of its as-of
        date; any other figure with no period runs from an unknown start to its as-of date.
        """
        found = self._coverages.get(statistic.id)
        if found is None:
            measure = self.measures.get(statistic.measure)
            point_in_time = measure is not None and measure.kind is MeasureKind.STOCK
            # figures of one period and as-of date share one reading (and its dates)
            reading = (statistic.period, statistic.as_of, point_in_time)
            found = self._readings.get(reading)
            if found is None:
                found = self._readings[reading] = statistic.coverage(point_in_time=point_in_time)
            self._coverages[statistic.id] = found
        return found

    def period_key(self, statistic: Statistic) -> PeriodKey:
        """The days the figure covers when they are certain, else None."""
        return exact_days(self.coverage(statistic))

    def by_key(self, measure_id: str) -> dict[tuple[object, ...], list[Statistic]]:
        """A measure's statistics grouped by :meth:`group_key` (kept for measures with many)."""
        found = self._by_key.get(measure_id)
        if found is None:
            statistics = self.by_measure.get(measure_id, ())
            found = defaultdict(list)
            for statistic in statistics:
                found[self.group_key(statistic)].append(statistic)
            if len(statistics) >= _GROUPINGS_KEPT_FROM:
                self._by_key[measure_id] = found
        return found

    def group_key(self, statistic: Statistic) -> tuple[object, ...]:
        """Place, days and baseline: figures with equal keys must state the same quantity.

        Only figures whose days are certain share a key: a figure that some reading leaves
        undated, or dated to a day not known exactly, gets a key of its own.
        """
        found = self._keys.get(statistic.id)
        if found is None:
            days = self.period_key(statistic)
            compared = statistic.compared_with
            baseline = exact_days(compared.coverage()) if compared else None
            if days is None or (compared is not None and baseline is None):
                found = (self.place(statistic), "uncertain days", statistic.id)
            else:
                key = (self.place(statistic), days, baseline)
                found = self._shared_keys.setdefault(key, key)  # one tuple per group
            self._keys[statistic.id] = found
        return found

    def groups(self, kinds: Sequence[MeasureKind] | None = None) -> Iterator[list[Statistic]]:
        """Statistics of one measure, place and period, for groups of two or more."""
        for measure_id, statistics in self.by_measure.items():
            measure = self.measures.get(measure_id)
            if measure is None or (kinds is not None and measure.kind not in kinds):
                continue
            grouped: dict[tuple[object, ...], list[Statistic]] = defaultdict(list)
            for statistic in statistics:
                grouped[self.group_key(statistic)].append(statistic)
            for group in grouped.values():
                if len(group) > 1:
                    yield group

    def voice(self, statistic: Statistic) -> str:
        """The source that speaks: an edition speaks with the voice of what it republishes."""
        source = self._sources.get(statistic.source)
        if source is not None and source.edition_of:
            return source.edition_of
        return statistic.source

    def _voices(self, statistic: Statistic) -> set[str]:
        """The source that speaks, what it republishes, and every source it or the figure cites."""
        voices = {statistic.source, *statistic.cites}
        seen: set[str] = set()
        todo = [statistic.source]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            source = self._sources.get(current)
            if source is not None:
                voices.update(source.cites)
                if source.edition_of:
                    voices.add(source.edition_of)
                    todo.append(source.edition_of)
        return voices

    def voices(self, statistic: Statistic) -> frozenset[str]:
        """Every source a figure speaks with: two figures that share one are not independent."""
        return frozenset(self._voices(statistic))

    def independent(self, a: Statistic, b: Statistic) -> bool:
        """Whether two figures come from separate voices (no edition, citation or restatement).

        A derived figure is never an independent voice: it repeats the figures it comes from.
        Nor are two figures of one originator's data (see :meth:`originators`): two releases
        of ATF's counts, or a study and its journal version, confirm nothing of each other.
        """
        if a.restates == b.id or b.restates == a.id or a.is_derived or b.is_derived:
            return False
        if self._voices(a) & self._voices(b):
            return False
        return not (self.originators(a) & self.originators(b))

    def release(self, statistic: Statistic) -> frozenset[str]:
        """The documents a figure's numbers were published in, as far as the records say.

        A figure that cites documents relays them: they are its release. A news article
        relays what it cites. Any other figure's release is its own source (with the source
        it is an edition of): a report, a dataset, a press release, a journal article.
        """
        if statistic.cites:
            return frozenset(statistic.cites)
        source = self._sources.get(statistic.source)
        if source is not None and source.kind is SourceKind.NEWS_ARTICLE and source.cites:
            return frozenset(source.cites)
        return frozenset({self.voice(statistic)})

    def originators(self, statistic: Statistic) -> frozenset[str]:
        """Whose data a figure is: whom it is attributed to, and who made its release.

        The ids in ``attributed_to`` (agencies, people, reports); and, for the figure's source
        and each document of its :meth:`release`, the agency that published it (a report ATF
        publishes is ATF's: its publisher is an agency's name, abbreviation or alias) and, for
        documents other than news articles, the authors in its byline (a journal version of
        a report, by the same authors, is theirs).
        """
        found = self._originators.get(statistic.id)
        if found is None:
            documents = {statistic.source, *self.release(statistic)}
            found = frozenset(statistic.attributed_to).union(
                *(self._makers(document) for document in documents)
            )
            found = self._shared_sets.setdefault(found, found)  # few distinct sets
            self._originators[statistic.id] = found
        return found

    def _makers(self, source_id: str) -> frozenset[str]:
        """The publishing agency's id and, unless a news article, the byline's names."""
        source = self._sources.get(source_id)
        if source is None:
            return frozenset()
        found: set[str] = set()
        if source.kind is not SourceKind.NEWS_ARTICLE:
            found.update(source.authors)
        agencies = self.dataset.agencies
        # most publishers are not agencies: ask first, so that no close matches are sought
        if source.publisher in agencies:  # type: ignore[comparison-overlap] # names are keys too
            found.add(agencies.get(source.publisher).id)
        return frozenset(found)

    def is_revision(self, a: Statistic, b: Statistic) -> bool:
        """Whether two figures of one group are releases of one originator's data.

        They are when all three hold: they share an originator (:meth:`originators`); they are
        as of different dates (the as-of dates do not overlap); and they come from different
        releases (neither restates the other, and their :meth:`release` documents differ).
        The rule ``revision`` reports them; ``agreement`` leaves them to it.
        """
        if a.as_of is None or b.as_of is None or a.restates == b.id or b.restates == a.id:
            return False
        apart = a.as_of.last() < b.as_of.first() or b.as_of.last() < a.as_of.first()
        return (
            apart
            and not (self.release(a) & self.release(b))
            and bool(self.originators(a) & self.originators(b))
        )

    def label(self, statistic: Statistic) -> str:
        """Who, when, what as written, which range, of what.

        ``Reuters, 2016: nearly 105,000 [104,000, 105,000], guns seized in Mexico and submitted
        for tracing``: the measure tells apart the figures of one source.
        """
        source = self._sources.get(statistic.source)
        who = source.publisher if source else statistic.source
        when = f", {source.published.year}" if source and source.published else ""
        interval = self.bounds(statistic)
        return f"{who}{when}: {statistic.quantity}{_range(interval)}{self._of_what(statistic)}"

    def _of_what(self, statistic: Statistic) -> str:
        """``, guns seized in Mexico``: the measure's label, lower-cased unless an abbreviation."""
        measure = self.measures.get(statistic.measure)
        if measure is None:
            return ""
        text = measure.label
        if text[:1].isupper() and not text[1:2].isupper() and text[1:2] != ".":
            text = text[0].lower() + text[1:]
        return f", {text}"


def _range(interval: Interval) -> str:
    """The interval after a space, in the notation of every message; nothing for one number."""
    return "" if interval.low is not None and interval.low == interval.high else f" {interval}"


#: The name the rules knew the context by before it was public.
Index = Context
