"""Pictures drawn from the data: figures as intervals, a timeline of events, a finding.

Needs matplotlib (``pip install 'gunflow[plot]'``), imported only when a picture is drawn.
Each function returns a :class:`matplotlib.figure.Figure`, to show in a notebook, or to save
with ``fig.savefig("figures.png")``.

>>> import gunflow
>>> from gunflow import plot
>>> ds = gunflow.load()
>>> fig = plot.figures(ds.statistics.filter(source="gao-09-709"))
>>> type(fig).__name__
'Figure'

On a picture of intervals, a filled dot is an end the figure includes, a hollow dot one it
excludes ("more than 90 percent" excludes 90), and an arrow an end it leaves open ("more than
680" has no upper bound).
"""

from __future__ import annotations

import datetime
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from gunflow._picture import Bar, End, bars, labels, x
from gunflow.checks import Finding, Severity
from gunflow.dataset import Dataset
from gunflow.export import MissingDependency
from gunflow.model import Event, EventStatus, Interval, Measure, Statistic, Tolerance, Unit

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["figures", "finding", "measures", "timeline"]

_COLOURS = {Severity.ERROR: "#b3261e", Severity.WARNING: "#8a5a00", Severity.INFO: "#1a5fb4"}
_FIGURE_COLOUR = "#1a5fb4"
_DURATIONS = frozenset({Unit.DAYS, Unit.MONTHS, Unit.YEARS})


def _new_figure(rows: int, width: float = 9.0, row_height: float = 0.62) -> tuple[Figure, Axes]:
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingDependency(
            "gunflow.plot needs matplotlib, which is not installed: pip install 'gunflow[plot]'"
        ) from None
    figure = Figure(figsize=(width, 0.9 + row_height * max(rows, 1)), layout="constrained")
    return figure, figure.add_subplot()


def _draw_bars(axes: Axes, drawn: Sequence[Bar], colours: Sequence[str]) -> None:
    """Bars top to bottom, each end a filled dot (closed), a hollow dot (open) or an arrow.

    On one shared view the axis is the number line; otherwise each bar is drawn on its own
    scale and the axis carries no numbers.
    """
    shared = all(bar.view == drawn[0].view for bar in drawn)
    for row, (bar, colour) in enumerate(zip(drawn, colours, strict=True)):
        y = -row
        low, high = x(bar, bar.low, shared), x(bar, bar.high, shared)
        axes.plot([low, high], [y, y], color=colour, linewidth=5, solid_capstyle="butt")
        for at, end, pointing in ((low, bar.low_end, "<"), (high, bar.high_end, ">")):
            if end is End.UNBOUNDED:
                axes.plot([at], [y], marker=pointing, markersize=11, color=colour)
            else:
                face = colour if end is End.CLOSED else "white"
                axes.plot([at], [y], marker="o", markersize=8, color=colour, markerfacecolor=face)
    if drawn and shared:
        axes.set_xlim(drawn[0].view.low, drawn[0].view.high)
    elif drawn:
        axes.set_xlim(0, 1)
        axes.set_xticks([])
    axes.set_ylim(-len(drawn) + 0.4, 0.6)
    axes.spines[["top", "right", "left"]].set_visible(False)
    axes.grid(axis="x", color="#e4e4e4")
    axes.set_axisbelow(True)


def _row_names(axes: Axes, names: Sequence[str]) -> None:
    axes.set_yticks([-row for row in range(len(names))], names, fontsize=9)
    axes.tick_params(axis="y", length=0)


def _in_days(statistic: Statistic, tolerance: Tolerance | None) -> Interval:
    from gunflow.checks._index import DAYS_PER_UNIT

    return statistic.quantity.bounds(tolerance).times(DAYS_PER_UNIT[statistic.quantity.unit])


def figures(
    statistics: Iterable[Statistic],
    *,
    dataset: Dataset | None = None,
    tolerance: Tolerance | None = None,
) -> Figure:
    """One row per figure: the interval its words allow, labelled with what and who.

    Each row's label gives the figure as written, what it counts (for a share, the whole it is
    a share of), the source and the period. Durations in days, months and years are drawn
    together in days (a month is 28 to 31 days).

    Args:
        statistics: the figures, drawn top to bottom in this order.
        dataset: where to find their measures and sources (default: the bundled data).
        tolerance: how to read the hedges (default: :data:`gunflow.DEFAULT_TOLERANCE`).

    Returns:
        The picture, a :class:`matplotlib.figure.Figure`.

    Raises:
        MissingDependency: matplotlib is not installed.

    .. versionadded:: 0.2.0

    """
    chosen = list(statistics)
    if dataset is None:
        from gunflow._loading import load

        dataset = load()
    in_days = bool(chosen) and all(s.quantity.unit in _DURATIONS for s in chosen)
    intervals = [
        _in_days(s, tolerance) if in_days else s.quantity.bounds(tolerance) for s in chosen
    ]
    names = []
    for statistic in chosen:
        measure = dataset.measures.get(statistic.measure)
        source = dataset.sources.get(statistic.source)
        when = f", {source.published}" if source.published else ""
        period = f" · {statistic.period}" if statistic.period else ""
        counted = textwrap.shorten(measure.label, 60, placeholder="…")
        names.append(f"“{statistic.quantity}” of {counted}\n{source.publisher}{when}{period}")
    fig, axes = _new_figure(len(chosen), width=10)
    _draw_bars(axes, bars(intervals), [_FIGURE_COLOUR] * len(chosen))
    _row_names(axes, names)
    axes.tick_params(axis="y", labelsize=8)
    units = {s.quantity.unit for s in chosen}
    axes.set_xlabel("days" if in_days else ", ".join(sorted(units)))
    return fig


def _date(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, day.month, day.day)


def timeline(events: Iterable[Event]) -> Figure:
    """The events on a line of dates, one row each, in date order; planned events hollow.

    An event known only to the month or year is drawn as a bar across that month or year.

    Args:
        events: the events (``dataset.events``, or ``dataset.events.between(...)``).

    Returns:
        The picture, a :class:`matplotlib.figure.Figure`.

    Raises:
        MissingDependency: matplotlib is not installed.

    .. versionadded:: 0.2.0

    """
    spans: list[tuple[Event, datetime.date, datetime.date]] = []
    for event in events:
        first = event.when.first_day() if event.when else None
        if event.when is None or first is None:
            continue
        last = event.when.last_day() or first
        spans.append((event, _date(first), _date(last) + datetime.timedelta(days=1)))
    spans.sort(key=lambda span: (span[1], span[0].id))
    dated = [event for event, _, _ in spans]
    fig, axes = _new_figure(len(dated), width=10, row_height=0.3)
    from matplotlib.dates import date2num

    for row, (event, start, end) in enumerate(spans):
        x0 = float(date2num(start))  # type: ignore[no-untyped-call]
        x1 = float(date2num(end))  # type: ignore[no-untyped-call]
        planned = event.status is EventStatus.PLANNED
        axes.plot([x0, x1], [-row, -row], color=_FIGURE_COLOUR, linewidth=6, solid_capstyle="butt")
        face = "white" if planned else _FIGURE_COLOUR
        axes.plot(
            [x0], [-row], marker="o", markersize=7, color=_FIGURE_COLOUR, markerfacecolor=face
        )
    axes.xaxis_date()
    _row_names(
        axes,
        [
            f"{event.when}  {textwrap.shorten(event.title, 70, placeholder='…')}"
            + (" (planned)" if event.status is EventStatus.PLANNED else "")
            for event in dated
        ],
    )
    axes.tick_params(axis="y", labelsize=8)
    axes.set_ylim(-len(dated) + 0.4, 0.6)
    axes.spines[["top", "right", "left"]].set_visible(False)
    axes.grid(axis="x", color="#e4e4e4")
    return fig


def finding(found: Finding) -> Figure:
    """The intervals a finding compares, on one axis when alike in size, titled by its message.

    Args:
        found: a finding of :func:`gunflow.check`.

    Returns:
        The picture, a :class:`matplotlib.figure.Figure`.

    Raises:
        MissingDependency: matplotlib is not installed.

    .. versionadded:: 0.2.0

    """
    fig, axes = _new_figure(len(found.intervals))
    colour = _COLOURS[found.severity]
    drawn = bars(found.intervals)
    _draw_bars(axes, drawn, [colour] * len(drawn))
    _row_names(
        axes,
        [
            f"{label}\n{interval}"
            for label, interval in zip(labels(found), found.intervals, strict=True)
        ],
    )
    acknowledged = ", acknowledged" if found.acknowledged else ""
    axes.set_title(
        textwrap.fill(f"{found.severity}{acknowledged} ({found.rule}): {found.message}", 90),
        fontsize=9,
        loc="left",
    )
    return fig


def measures(chosen: Iterable[Measure]) -> Figure:
    """The measures as a tree: each under the one it is part of, a share under its whole.

    Each is named by its id, with its label, kind and unit below. A measure whose parent is not
    among *chosen* starts a tree of its own.

    >>> import gunflow
    >>> from gunflow import plot
    >>> mexico = [m for m in gunflow.load().measures if m.id.startswith("firearms.mx.")]
    >>> type(plot.measures(mexico)).__name__
    'Figure'

    .. versionadded:: 0.2.0
    """
    given = list(chosen)
    ids = {m.id for m in given}
    children: dict[str | None, list[Measure]] = {}
    for m in given:
        parent = m.part_of or m.denominator
        children.setdefault(parent if parent in ids else None, []).append(m)
    rows: list[tuple[int, Measure]] = []

    def walk(parent: str | None, depth: int) -> None:
        for m in children.get(parent, []):
            rows.append((depth, m))
            walk(m.id, depth + 1)

    walk(None, 0)
    figure, axes = _new_figure(len(rows), width=10.0, row_height=0.32)
    place = {m.id: row for row, (_, m) in enumerate(rows)}
    for row, (depth, m) in enumerate(rows):
        parent = m.part_of or m.denominator
        if parent in place:
            top = place[parent]
            axes.plot([depth - 0.7, depth - 0.7, depth - 0.1], [top + 0.65, row, row], color="#999")
        extra = f" (change of {m.change_of})" if m.change_of else ""
        axes.text(depth, row, f"{m.id}", va="center", fontsize=9, family="monospace")
        axes.text(
            depth,
            row + 0.42,
            f"{m.label} · {m.kind}{'' if str(m.unit) == str(m.kind) else f', {m.unit}'}{extra}",
            va="center",
            fontsize=7.5,
            color="#555",
        )
    deepest = max((d for d, _ in rows), default=0)
    axes.set_xlim(-0.3, deepest + 7)
    axes.set_ylim(len(rows) - 0.2, -0.8)
    axes.set_axis_off()
    return figure
