"""Dates as precise as a source states them: a year, a month, or a day."""

from __future__ import annotations

import datetime
import enum
import re
from typing import Any

import attrs
import pendulum

from gunflow.model._common import InvalidField
from gunflow.model.coverage import Coverage

__all__ = ["PartialDate", "Precision"]

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_EARLIEST_YEAR = 1900
_LATEST_YEAR = 2100


class Precision(enum.StrEnum):
    """How much of a date a source gives.

    .. versionadded:: 0.1.0
    """

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


def _check_year(_instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if not _EARLIEST_YEAR <= value <= _LATEST_YEAR:
        raise InvalidField(
            attribute.name,
            f"year {value} is implausible (expected {_EARLIEST_YEAR}-{_LATEST_YEAR})",
        )


@attrs.frozen(kw_only=True, order=False)
class PartialDate:
    """A calendar date known to a year, a month or a day.

    Written ``"2009"``, ``"2009-06"`` or ``"2009-06-30"``.

    >>> d = PartialDate.parse("2009-06")
    >>> d.precision, str(d.first()), str(d.last())
    (<Precision.MONTH: 'month'>, '2009-06-01', '2009-06-30')

    .. versionadded:: 0.1.0
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        """Reject a month or day that does not exist."""
        if self.day is not None and self.month is None:
            raise InvalidField("day", "a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidField("month", f"there is no month {self.month}")
        if self.day is not None:
            try:
                datetime.date(self.year, self.month or 1, self.day)
            except ValueError:
                raise InvalidField(
                    "day", f"{self.year}-{self.month:02d} has no day {self.day}"
                ) from None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            ValueError: the text is not such a date, or names a day that does not exist.

        """
        match = _DATE.fullmatch(text.strip()) if isinstance(text, str) else None
        if match is None:
            raise InvalidField(
                "date", f"{text!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD"
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None  # noqa: S101 - the pattern requires it
        return cls(year=year, month=month, day=day)

    @classmethod
    def from_date(cls, value: datetime.date) -> PartialDate:
        """Make a day-precise date from a :class:`datetime.date` (pendulum dates included)."""
        return cls(year=value.year, month=value.month, day=value.day)

    @property
    def precision(self) -> Precision:
        """How much of the date is known."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def first(self) -> pendulum.Date:
        """The earliest day the date can mean."""
        return pendulum.date(self.year, self.month or 1, self.day or 1)

    def last(self) -> pendulum.Date:
        """The latest day the date can mean."""
        if self.day is not None:
            return self.first()
        if self.month is not None:
            return self.first().end_of("month")
        return pendulum.date(self.year, 12, 31)

    def __str__(self) -> str:
        """Render as written in the data: ``2009``, ``2009-06`` or ``2009-06-30``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def coverage(self) -> Coverage:
        """Some one day of the date, not known which: a point in time, as precise as written."""
        return Coverage(starts=(self.first(), self.last()), ends=(self.first(), self.last()))

    def sort_key(self) -> tuple[pendulum.Date, int]:
        """Order by first possible day, the vaguer date first on a tie."""
        return (self.first(), list(Precision).index(self.precision))
