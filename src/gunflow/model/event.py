"""Things that happened or were announced: reports, launches, agreements, deployments."""

from __future__ import annotations

import enum
from collections.abc import Iterable

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
from gunflow.model.period import Period

__all__ = ["Event", "EventKind", "EventStatus", "Evidence"]


class EventKind(enum.StrEnum):
    """What sort of thing happened.

    .. versionadded:: 0.1.0
    """

    REPORT_RELEASED = "report_released"
    PROGRAM_LAUNCHED = "program_launched"
    PROGRAM_EXPANDED = "program_expanded"
    AGREEMENT_SIGNED = "agreement_signed"
    OPERATION = "operation"
    DEPLOYMENT = "deployment"
    MEETING = "meeting"
    VISIT = "visit"
    ARREST = "arrest"
    TOOK_OFFICE = "took_office"
    TESTIMONY = "testimony"
    STATEMENT = "statement"
    LAW = "law"
    FUNDING = "funding"
    HIRING = "hiring"
    OFFICE_OPENED = "office_opened"
    POLICY_CHANGE = "policy_change"
    ELECTION = "election"
    REQUEST = "request"


class EventStatus(enum.StrEnum):
    """Whether the source reports the event as done or to come.

    .. versionadded:: 0.1.0
    """

    OCCURRED = "occurred"
    PLANNED = "planned"


@attrs.frozen(kw_only=True)
class Evidence:
    """A source's words for an event.

    .. versionadded:: 0.1.0
    """

    source: str = attrs.field(validator=check_id)
    quote: str = attrs.field(validator=non_empty)


def _evidence(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Event:
    """Something that happened, or was announced as planned.

    Attributes:
        id: a readable slug (``2009-06-atf-ice-mou-signed``).
        kind: what sort of event it is.
        title: a one-line description.
        when: when it happened, as precisely as known (a single day is a one-day period).
        status: occurred or planned, as of the sources.
        agencies: ids of the agencies involved.
        people: ids of the people involved.
        programs: ids of the programs involved.
        evidence: each source's verbatim words for it (at least one).
        note: anything a reader should know.
        inferred: fields whose values were inferred, and how.

    .. versionadded:: 0.1.0

    """

    id: str = attrs.field(validator=check_id)
    kind: EventKind = attrs.field(converter=EventKind)
    title: str = attrs.field(validator=non_empty)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidence)
    when: Period | None = None
    status: EventStatus = attrs.field(default=EventStatus.OCCURRED, converter=EventStatus)
    agencies: tuple[str, ...] = attrs.field(converter=str_tuple, default=(), validator=check_ids)
    people: tuple[str, ...] = attrs.field(converter=str_tuple, default=(), validator=check_ids)
    programs: tuple[str, ...] = attrs.field(converter=str_tuple, default=(), validator=check_ids)
    note: str | None = attrs.field(default=None, validator=non_empty)
    inferred: tuple[Inference, ...] = attrs.field(
        converter=inference_tuple, default=(), validator=check_inferences
    )

    def __attrs_post_init__(self) -> None:
        """Require at least one piece of evidence."""
        if not self.evidence:
            raise InvalidField("evidence", "an event needs at least one source and quote")

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids of the sources that report the event, in the order of its evidence."""
        return tuple(dict.fromkeys(e.source for e in self.evidence))
