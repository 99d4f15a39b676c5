"""A measure's figures as a time series: one row per period, the preferred figure first."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from gunflow._csv import write_table
from gunflow._files import Target
from gunflow.model import (
    DEFAULT_TOLERANCE,
    Hedge,
    Interval,
    Measure,
    Period,
    SourceKind,
    Statistic,
    Tolerance,
)

if TYPE_CHECKING:
    from gunflow.dataset import Dataset

__all__ = ["Series", "SeriesRow", "series"]

#: The columns of :meth:`Series.to_records`, in order; CSV and pandas use them too.
COLUMNS = (
    "period",
    "first_day",
    "last_day",
    "place",
    "figure",
    "low",
    "high",
    "low_open",
    "high_open",
    "unit",
    "as_of",
    "statistic",
    "source",
    "publisher",
    "quote",
    "alternatives",
    "agree",
)


@attrs.frozen(kw_only=True)
class SeriesRow:
    """One period of a series.

    Attributes:
        period: the span the figures cover (a figure with no period: its as-of date).
        place: where, as the figures' measure or the figures themselves say.
        preferred: the figure to plot (:meth:`gunflow.Dataset.series` gives the order of
            preference).
        interval: the interval the preferred figure's words allow.
        alternatives: the period's other figures, in order of preference.
        agree: whether every figure of the period can be true at once (their intervals share
            a value).

    .. versionadded:: 0.2.0

    """

    period: Period
    place: str | None
    preferred: Statistic
    interval: Interval
    alternatives: tuple[Statistic, ...] = ()
    agree: bool = True

    @property
    def statistics(self) -> tuple[Statistic, ...]:
        """The preferred figure, then the alternatives."""
        return (self.preferred, *self.alternatives)


@attrs.frozen(kw_only=True)
class Series:
    """A measure's figures for one place, one :class:`SeriesRow` per period, in time order.

    Get one with :meth:`gunflow.Dataset.series`.

    .. versionadded:: 0.2.0
    """

    measure: Measure
    place: str | None
    rows: tuple[SeriesRow, ...] = ()
    _publishers: dict[str, str] = attrs.field(factory=dict, repr=False, eq=False)

    def __len__(self) -> int:
        """The number of periods."""
        return len(self.rows)

    def __iter__(self) -> Iterator[SeriesRow]:
        """The rows, in time order."""
        return iter(self.rows)

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready dictionary per row, with the columns of the CSV.

        The interval's ends are decimal text (empty when unbounded); ``low_open`` and
        ``high_open`` say whether an end is left out ("more than 90 percent" is ``90``,
        ``100``, open below). ``alternatives`` lists the other figures' ids.
        """
        from gunflow.export import _interval_ends

        records = []
        for row in self.rows:
            statistic = row.preferred
            first, last = _days(row)
            records.append(
                {
                    "period": str(row.period),
                    "first_day": first.isoformat() if first else None,
                    "last_day": last.isoformat() if last else None,
                    "place": row.place,
                    "figure": str(statistic.quantity),
                    **_interval_ends(row.interval),
                    "unit": str(statistic.quantity.unit),
                    "as_of": str(statistic.as_of) if statistic.as_of else None,
                    "statistic": statistic.id,
                    "source": statistic.source,
                    "publisher": self._publishers.get(statistic.source),
                    "quote": statistic.quote,
                    "alternatives": [s.id for s in row.alternatives],
                    "agree": row.agree,
                }
            )
        return records

    def write_csv(
        self, target: Target, *, spreadsheet_safe: bool = True, overwrite: bool = False
    ) -> None:
        """Write the rows as CSV, alternatives separated by spaces.

        Args:
            target: a path or an open text file.
            spreadsheet_safe: write a cell a spreadsheet would run as a formula as text (the
                default), as :func:`gunflow.export.write_csv` does.
            overwrite: replace the file at *target* if there is one.

        Raises:
            TargetExists: *target* is an existing file and *overwrite* is false.

        """
        rows = [
            {**record, "alternatives": " ".join(record["alternatives"])}
            for record in self.to_records()
        ]
        write_table(target, COLUMNS, rows, spreadsheet_safe=spreadsheet_safe, overwrite=overwrite)

    def to_pandas(self) -> Any:
        """A pandas DataFrame of :meth:`to_records`, one row per period.

        Raises:
            MissingDependency: pandas is not installed (``pip install 'gunflow[pandas]'``).

        """
        from gunflow.export import MissingDependency

        try:
            import pandas as pd  # type: ignore[import-not-found, import-untyped, unused-ignore]
        except ImportError:
            raise MissingDependency(
                "Series.to_pandas() needs pandas, which is not installed: "
                "pip install 'gunflow[pandas]'"
            ) from None
        return pd.DataFrame(self.to_records(), columns=list(COLUMNS))


#: Hedges that state only a bound ("more than 68 percent"), not a value to plot.
_BOUND_ONLY = frozenset({Hedge.MORE_THAN, Hedge.AT_LEAST, Hedge.UP_TO, Hedge.LESS_THAN})


def _days(row: SeriesRow) -> tuple[datetime.date | None, datetime.date | None]:
    return row.period.first_day(), row.period.last_day(row.preferred.as_of)


def series(
    dataset: Dataset,
    measure: Measure,
    place: str | None = None,
    tolerance: Tolerance | None = None,
) -> Series:
    """The figures of *measure* for *place*, one row per period (see :meth:`Dataset.series`)."""
    from gunflow.checks._index import Context

    index = Context(dataset, tolerance or DEFAULT_TOLERANCE)
    wanted = place if place is not None else measure.place
    kinds = {s.id: s.kind for s in dataset.sources}
    dated = {s.id: s.published for s in dataset.sources}
    groups: dict[tuple[object, ...], list[Statistic]] = defaultdict(list)
    for statistic in index.by_measure.get(measure.id, ()):
        if index.place(statistic) == wanted and (statistic.period or statistic.as_of):
            groups[index.group_key(statistic)].append(statistic)

    def vintage(statistic: Statistic) -> int:
        """When the figure's data were released: its release's date, else its as-of date."""
        release = index.release(statistic)
        dates = [
            published
            for published in (dated.get(document) for document in release)
            if published is not None and document_is_not_own(statistic, release)
        ]
        when = max(dates, key=lambda d: d.last()) if dates else statistic.as_of
        return when.last().toordinal() if when else 0

    def document_is_not_own(statistic: Statistic, release: frozenset[str]) -> bool:
        return release != {index.voice(statistic)}

    def preference(statistic: Statistic) -> tuple[object, ...]:
        relay = (
            statistic.restates is not None
            or bool(statistic.cites)
            or kinds.get(statistic.source) is SourceKind.NEWS_ARTICLE
        )
        bound_only = statistic.quantity.hedge in _BOUND_ONLY
        low, high = index.bounds(statistic).low, index.bounds(statistic).high
        width = None if low is None or high is None else high - low
        return (
            relay,
            bound_only,
            -vintage(statistic),
            width is None,
            width or Fraction(0),
            statistic.id,
        )

    rows = []
    for group in groups.values():
        ranked = sorted(group, key=preference)
        preferred = ranked[0]
        rows.append(
            SeriesRow(
                period=preferred.period or _on(preferred),
                place=wanted,
                preferred=preferred,
                interval=index.bounds(preferred),
                alternatives=tuple(ranked[1:]),
                agree=_common(index.days(s) or index.bounds(s) for s in ranked) is not None,
            )
        )
    publishers = {s.id: s.publisher for s in dataset.sources}
    rows.sort(key=_order)
    return Series(measure=measure, place=wanted, rows=tuple(rows), publishers=publishers)


def _on(statistic: Statistic) -> Period:
    """The one-date period of a figure that states no period (its as-of date)."""
    return Period(start=statistic.as_of, end=statistic.as_of)


def _order(row: SeriesRow) -> tuple[datetime.date, datetime.date, str]:
    """Rows in time order: the first day, then the last; an unknown end sorts outermost."""
    first, last = _days(row)
    baseline = row.preferred.compared_with
    return (first or last or datetime.date.min, last or datetime.date.max, str(baseline or ""))


def _common(intervals: Iterable[Interval]) -> Interval | None:
    """The values every interval holds, or None when there is none."""
    common: Interval | None = None
    for interval in intervals:
        common = interval if common is None else common.intersection(interval)
        if common.is_empty:
            return None
    return common
