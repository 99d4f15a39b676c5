"""What a figure covers: a span of dates, each end as precise as the source states it."""

from __future__ import annotations

import datetime

import attrs
import pendulum

from gunflow.model._common import InvalidField
from gunflow.model.coverage import Coverage
from gunflow.model.date import PartialDate, Precision

__all__ = ["Period"]


@attrs.frozen(kw_only=True)
class Period:
    """A span from *start* to *end*, both inclusive.

    An end of ``None`` leaves the period open: "since December 2006" runs until the figure's
    as-of date. A start of ``None`` means the source does not say when it starts. With
    ``fiscal=True`` the years are U.S. federal fiscal years (October to September).

    Written in the data as ``"2007/2009"``, ``"2009"`` (one year), ``"2006-12/"`` (open), or as a
    table ``{ start = "2009", end = "2009", fiscal = true }``.

    >>> p = Period.parse("2007/2009")
    >>> str(p.first_day()), str(p.last_day())
    ('2007-01-01', '2009-12-31')
    >>> str(Period.parse("2009", fiscal=True).first_day())
    '2008-10-01'

    .. versionadded:: 0.1.0
    """

    start: PartialDate | None = None
    end: PartialDate | None = None
    fiscal: bool = False

    def __attrs_post_init__(self) -> None:
        """Reject a period with neither end, one that ends before it starts, or a bad fiscal."""
        if self.start is None and self.end is None:
            raise InvalidField("start", "a period needs a start, an end, or both")
        if self.fiscal and any(
            d is not None and d.precision is not Precision.YEAR for d in (self.start, self.end)
        ):
            raise InvalidField("fiscal", "fiscal periods are written in whole years")
        first, last = self.first_day(), self.last_day()
        if first is not None and last is not None and last < first:
            raise InvalidField(
                "end", f"the period ends ({self.end}) before it starts ({self.start})"
            )

    @classmethod
    def parse(cls, text: str, *, fiscal: bool = False) -> Period:
        """Read ``"2009"``, ``"2007/2009"``, ``"2006-12/"`` (open) or ``"/2009"``.

        Raises:
            ValueError: a date is malformed, or the period ends before it starts.

        """
        if "/" not in text:
            date = PartialDate.parse(text)
            return cls(start=date, end=date, fiscal=fiscal)
        left, _, right = text.partition("/")
        return cls(
            start=PartialDate.parse(left) if left.strip() else None,
            end=PartialDate.parse(right) if right.strip() else None,
            fiscal=fiscal,
        )

    @property
    def is_open(self) -> bool:
        """True when the period runs on until the figure's as-of date."""
        return self.end is None

    def first_day(self) -> pendulum.Date | None:
        """The earliest day the period can start on, or None when the source does not say."""
        if self.start is None:
            return None
        if self.fiscal:
            return pendulum.date(self.start.year - 1, 10, 1)
        return self.start.first()

    def last_day(self, as_of: PartialDate | None = None) -> pendulum.Date | None:
        """The latest day the period can end on; an open period ends at *as_of*, if given."""
        end = self.end if self.end is not None else as_of
        if end is None:
            return None
        if self.fiscal and self.end is not None:
            return pendulum.date(end.year, 9, 30)
        return end.last()

    def coverage(self, as_of: PartialDate | None = None) -> Coverage:
        """The days the period covers, certainly and possibly, for a figure as of *as_of*.

        Written ends are exact: "2009" runs from 1 January to 31 December. An open end runs to
        some day of *as_of* ("since 2006-12, as of 2010" ends on some day of 2010); an unknown
        start may be any day up to the end.
        """
        first = self.first_day()
        if self.end is not None:
            last = self.last_day()
            ends: tuple[datetime.date | None, datetime.date | None] = (last, last)
        elif as_of is not None:
            ends = (as_of.first(), as_of.last())
        else:
            ends = (first, None)
        if first is None:
            return Coverage(starts=(None, ends[1]), ends=ends)
        if ends[0] is not None and ends[0] < first:  # an as-of date inside the first unit
            ends = (first, ends[1])
        return Coverage(starts=(first, first), ends=ends)

    def sort_key(self) -> tuple[datetime.date, datetime.date]:
        """Order by the earliest day, then the latest; unknown ends sort outermost."""
        first, last = self.first_day(), self.last_day()
        return (first or last or datetime.date.min, last or datetime.date.max)

    def __str__(self) -> str:
        """Render as written in the data (``2007/2009``, ``FY2009``, ``2006-12/``)."""
        if self.fiscal:
            parts = [f"FY{d.year}" if d else "" for d in (self.start, self.end)]
            return parts[0] if self.start == self.end else "/".join(parts)
        if self.start == self.end:
            return str(self.start)
        return f"{self.start or ''}/{self.end or ''}"
