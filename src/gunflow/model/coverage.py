"""The days a figure covers: the one reading of time every rule and filter uses.

A source rarely pins a figure to exact days. "Since December 2006, as of 2010" starts on some day
of December 2006 and ends on some day of 2010; a figure with no period, "as of 2009", is about
some day of 2009. A :class:`Coverage` keeps both what is certain and what is possible: the range
of days its first day may fall on, and the range its last day may fall on. A check may say that
two figures conflict only when they conflict on every reading; a filter keeps a record only when
it lies within the period asked for on every reading.
"""

from __future__ import annotations

import datetime

import attrs

__all__ = ["Coverage", "DayRange"]

#: The earliest and the latest day something may fall on; None where the source sets no limit.
DayRange = tuple[datetime.date | None, datetime.date | None]


def _check_range(name: str, days: DayRange) -> None:
    earliest, latest = days
    if earliest is not None and latest is not None and latest < earliest:
        raise ValueError(f"{name}: the latest day {latest} is before the earliest {earliest}")


@attrs.frozen(kw_only=True)
class Coverage:
    """The days a figure may cover: when its first day and its last day may fall.

    >>> from gunflow import Period, PartialDate
    >>> year = Period.parse("2009").coverage()
    >>> year.is_exact, str(year.certain[0]), str(year.certain[1])
    (True, '2009-01-01', '2009-12-31')
    >>> running = Period.parse("2006-12/").coverage(as_of=PartialDate.parse("2010"))
    >>> [str(d) for d in running.certain], [str(d) for d in running.possible]
    (['2006-12-01', '2010-01-01'], ['2006-12-01', '2010-12-31'])
    >>> running.within(Period.parse("2006/2010").coverage())
    True

    Attributes:
        starts: the earliest and latest day the figure's first day may be.
        ends: the earliest and latest day the figure's last day may be.

    .. versionadded:: 0.2.0

    """

    starts: DayRange
    ends: DayRange

    def __attrs_post_init__(self) -> None:
        """Reject ranges that run backwards."""
        _check_range("starts", self.starts)
        _check_range("ends", self.ends)

    @classmethod
    def exact(cls, first: datetime.date, last: datetime.date) -> Coverage:
        """From *first* to *last*, both known to the day."""
        return cls(starts=(first, first), ends=(last, last))

    @classmethod
    def unknown(cls) -> Coverage:
        """A figure nothing dates: it may cover any days."""
        return cls(starts=(None, None), ends=(None, None))

    @property
    def is_exact(self) -> bool:
        """Whether the first and the last day are both known to the day."""
        (a, b), (c, d) = self.starts, self.ends
        return None not in (a, b, c, d) and a == b and c == d

    @property
    def possible(self) -> DayRange:
        """The days of the widest reading, from the earliest first day to the latest last day."""
        return (self.starts[0], self.ends[1])

    @property
    def certain(self) -> tuple[datetime.date, datetime.date] | None:
        """The days covered on every reading, or None when no day is."""
        first, last = self.starts[1], self.ends[0]
        if first is None or last is None or last < first:
            return None
        return (first, last)

    def within(self, other: Coverage) -> bool:
        """Whether, on every reading of both, every day this covers is one *other* covers."""
        outer = other.certain
        if outer is None:
            return False
        first, last = self.possible
        return first is not None and last is not None and outer[0] <= first and last <= outer[1]

    def before(self, other: Coverage) -> bool:
        """Whether this certainly ends before *other* starts."""
        last, first = self.ends[1], other.starts[0]
        return last is not None and first is not None and last < first

    def may_overlap(self, other: Coverage) -> bool:
        """Whether some reading of both shares a day."""
        return not (self.before(other) or other.before(self))

    def ends_before(self, other: Coverage) -> bool:
        """Whether this certainly ends before *other* ends (a running total's earlier as-of)."""
        last, other_first_end = self.ends[1], other.ends[0]
        return last is not None and other_first_end is not None and last < other_first_end
