"""Where intervals go on a number line: shared by the HTML report and :mod:`gunflow.plot`."""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs

from gunflow.checks import Finding
from gunflow.model import Interval

__all__ = ["Bar", "End", "View", "bars", "labels", "view"]

#: Intervals whose finite ends differ by more than this factor are not drawn on one axis.
_ONE_AXIS_RATIO = 100


class End(enum.StrEnum):
    """How an interval's end is drawn: a filled dot, a hollow dot, or an arrow off the axis."""

    CLOSED = "closed"
    OPEN = "open"
    UNBOUNDED = "unbounded"


@attrs.frozen(kw_only=True)
class View:
    """The stretch of the number line a picture shows."""

    low: float
    high: float

    def position(self, value: float) -> float:
        """Where *value* lies, from 0 (the left edge) to 1 (the right edge)."""
        return (value - self.low) / (self.high - self.low)


@attrs.frozen(kw_only=True)
class Bar:
    """One interval as drawn: from *low* to *high* on its view, and how each end looks."""

    low: float
    high: float
    low_end: End
    high_end: End
    view: View


def _finite(intervals: Sequence[Interval]) -> list[float]:
    return [float(x) for i in intervals for x in (i.low, i.high) if x is not None]


def view(intervals: Sequence[Interval]) -> View:
    """A view that shows every finite end, with room left for the arrows of unbounded ends."""
    ends = _finite(intervals) or [0.0, 1.0]
    low, high = min(ends), max(ends)
    span = high - low or max(abs(high), 1.0) * 0.2
    margin = span * 0.12
    if low >= 0 and low - margin < 0 and all(i.low is not None for i in intervals):
        return View(low=0.0 if low == 0 else max(0.0, low - margin), high=high + margin)
    return View(low=low - margin, high=high + margin)


def one_axis(intervals: Sequence[Interval]) -> bool:
    """Whether the intervals are alike enough in size to share one axis."""
    sizes = [abs(x) for x in _finite(intervals) if x != 0]
    return not sizes or max(sizes) / min(sizes) <= _ONE_AXIS_RATIO


def bars(intervals: Sequence[Interval]) -> list[Bar]:
    """Each interval as a bar; on one shared view when their sizes allow, else each on its own."""
    shared = view(intervals) if one_axis(intervals) else None
    drawn = []
    for interval in intervals:
        own = shared or view([interval])
        drawn.append(
            Bar(
                low=own.low if interval.low is None else float(interval.low),
                high=own.high if interval.high is None else float(interval.high),
                low_end=_end(interval.low is None, interval.low_closed),
                high_end=_end(interval.high is None, interval.high_closed),
                view=own,
            )
        )
    return drawn


def _end(unbounded: bool, closed: bool) -> End:
    if unbounded:
        return End.UNBOUNDED
    return End.CLOSED if closed else End.OPEN


def labels(finding: Finding) -> list[str]:
    """A label per interval of a finding: the rule's own, else each figure as written."""
    if finding.labels:
        return list(finding.labels)
    written = [str(s.quantity) for s in finding.statistics]
    if len(written) == len(finding.intervals):
        return written
    return [f"interval {n}" for n in range(1, len(finding.intervals) + 1)]


def x(bar: Bar, value: float, shared: bool) -> float:
    """Where *value* of *bar* goes: itself on a shared axis, else its place (0 to 1) on its own."""
    return value if shared else bar.view.position(value)
