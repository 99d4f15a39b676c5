"""One reported figure, with everything needed to trace and weigh it."""

from __future__ import annotations

import enum

import attrs

from gunflow.model._common import (
    Inference,
    InvalidField,
    check_id,
    check_ids,
    check_inferences,
    inference_tuple,
    non_empty,
    str_tuple,
)
from gunflow.model.coverage import Coverage
from gunflow.model.date import PartialDate
from gunflow.model.formula import Formula
from gunflow.model.period import Period
from gunflow.model.quantity import Quantity

__all__ = ["Basis", "Statistic"]


class Basis(enum.StrEnum):
    """How a figure was arrived at, as far as its source says.

    .. versionadded:: 0.1.0
    """

    COUNT = "count"  # counted records
    ESTIMATE = "estimate"  # "officials estimate"
    PROJECTION = "projection"  # expected, not yet happened
    TARGET = "target"  # a goal or a plan
    CLAIM = "claim"  # asserted by someone, basis not stated
    DERIVED = "derived"  # computed from other figures, with its formula


@attrs.frozen(kw_only=True)
class Statistic:
    """A figure as one source reported it.

    Attributes:
        id: ``<source id>/<slug>`` by convention.
        measure: the id of the :class:`Measure` it is a figure of.
        quantity: the number as written, with its hedge.
        source: the id of the source that reports it.
        quote: the sentence or clause that states it, verbatim from the source; a derived
            figure may have none.
        period: what span of time it covers, as far as known.
        compared_with: for a rise or fall, the earlier span it is measured against.
        place: where, when narrower or other than the measure's place.
        as_of: the date it is current to (often the source's date).
        basis: how it was arrived at.
        attributed_to: ids of whoever the source says states it (agencies, people, reports).
        cites: ids of the sources the figure is credited to ("according to the report").
        restates: the id of the primary source's statistic this one repeats, when recorded.
        derived_from: for a derived figure (``basis = "derived"``), the ids of the figures it
            is computed from.
        formula: for a derived figure, how: ``"submitted - undetermined"``,
            ``"us / submitted * 100"`` (see :class:`Formula`).
        note: anything a reader should know.
        inferred: fields whose values were inferred, and how.

    GAO's share of traced firearms of U.S. origin, as GAO-09-709 words it:

    >>> import gunflow
    >>> figure = gunflow.load().statistics.get("gao-09-709/us-origin-share-traced-5-years")
    >>> figure.quantity.written, str(figure.quantity.bounds()), str(figure.period)
    ('around 87 percent', '[86, 88]', '2004/2008')
    >>> figure.measure
    'firearms.mx.traced.us_origin.share'

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Derived figures: ``derived_from`` and ``formula``; their quote is optional.

    """

    id: str = attrs.field(validator=check_id)
    measure: str = attrs.field(validator=check_id)
    quantity: Quantity
    source: str = attrs.field(validator=check_id)
    quote: str | None = attrs.field(default=None, validator=non_empty)
    period: Period | None = None
    compared_with: Period | None = None
    place: str | None = attrs.field(default=None, validator=non_empty)
    as_of: PartialDate | None = None
    basis: Basis = attrs.field(default=Basis.CLAIM, converter=Basis)
    attributed_to: tuple[str, ...] = attrs.field(
        converter=str_tuple, default=(), validator=check_ids
    )
    cites: tuple[str, ...] = attrs.field(converter=str_tuple, default=(), validator=check_ids)
    restates: str | None = attrs.field(default=None, validator=check_id)
    derived_from: tuple[str, ...] = attrs.field(
        converter=str_tuple, default=(), validator=check_ids
    )
    formula: str | None = attrs.field(default=None, validator=non_empty)
    note: str | None = attrs.field(default=None, validator=non_empty)
    inferred: tuple[Inference, ...] = attrs.field(
        converter=inference_tuple, default=(), validator=check_inferences
    )

    def coverage(self, *, point_in_time: bool = False) -> Coverage:
        """The days the figure covers, certainly and possibly (see :class:`Coverage`).

        A figure with a period covers it, an open end running to the as-of date. A figure with
        no period is, for a *point_in_time* measure (a stock: agents on staff), about some one
        day of its as-of date; for any other, a total up to its as-of date from an unknown
        start. A figure with neither may cover any days.
        """
        if self.period is not None:
            return self.period.coverage(self.as_of)
        if self.as_of is None:
            return Coverage.unknown()
        point = self.as_of.coverage()
        return point if point_in_time else Coverage(starts=(None, point.ends[1]), ends=point.ends)

    def __attrs_post_init__(self) -> None:
        """Reject a quote that does not contain the figure as written, and a wrong working."""
        written = self.quantity.written
        if written is not None and self.quote is not None and written not in self.quote:
            raise InvalidField("quote", f"does not contain the figure as written ({written!r})")
        self._check_working()
        if self.restates == self.id:
            raise InvalidField("restates", "a statistic cannot restate itself")

    @property
    def is_derived(self) -> bool:
        """Whether the figure is computed from others (``basis = "derived"``), not reported."""
        return self.basis is Basis.DERIVED

    def said(self) -> str:
        """The quote in quotation marks; for a derived figure without one, its working.

        >>> from gunflow.model import Quantity
        >>> Statistic(id="mine/traced", measure="guns", source="mine", basis="derived",
        ...           quantity=Quantity(value=91228, unit="count"),
        ...           derived_from=["gao/submitted", "gao/undetermined"],
        ...           formula="submitted - undetermined").said()
        'derived: submitted - undetermined (from gao/submitted, gao/undetermined)'
        """
        if self.quote is not None:
            return f"“{self.quote}”"
        return f"derived: {self.formula} (from {', '.join(self.derived_from)})"

    def working(self) -> Formula | None:
        """The formula of a derived figure, its names bound to ids; None for any other."""
        if self.formula is None:
            return None
        return Formula.parse(self.formula, self.derived_from)

    def _check_working(self) -> None:
        """A derived figure names its inputs and formula; any other has neither, and a quote."""
        if not self.is_derived:
            if self.derived_from or self.formula:  # the name of the first one given
                name = "derived_from" if self.derived_from else "formula"
                raise InvalidField(name, 'only a derived figure (basis = "derived") has one')
            if self.quote is None:
                raise InvalidField("quote", "required (only a derived figure may have none)")
            return
        if not self.derived_from:
            raise InvalidField("derived_from", "a derived figure names the figures it comes from")
        if self.id in self.derived_from:
            raise InvalidField("derived_from", "a figure cannot be derived from itself")
        if self.formula is None:
            raise InvalidField("formula", "a derived figure gives its formula")
        self.working()  # raises InvalidField when the formula is malformed or names a stranger
