"""Programs: the named efforts (Project Gunrunner, eTrace, Operation Armas Cruzadas...)."""

from __future__ import annotations

import attrs

from gunflow.model._common import (
    Inference,
    check_id,
    check_ids,
    check_inferences,
    inference_tuple,
    non_empty,
    str_tuple,
)
from gunflow.model.date import PartialDate

__all__ = ["Program"]


@attrs.frozen(kw_only=True)
class Program:
    """A named program, operation, system or task force.

    Attributes:
        id: a readable slug (``project-gunrunner``).
        name: the name as the sources give it.
        aliases: other names in the sources.
        run_by: ids of the agencies that run it.
        started: when it started, as precisely as the sources say.
        description: what it is, in the sources' terms.
        sources: ids of the sources that describe it.
        note: anything a reader should know (for instance, sources that disagree on a date).
        inferred: fields whose values were inferred, and how.

    .. versionadded:: 0.1.0

    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=non_empty)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    run_by: tuple[str, ...] = attrs.field(converter=str_tuple, default=(), validator=check_ids)
    started: PartialDate | None = None
    description: str | None = attrs.field(default=None, validator=non_empty)
    sources: tuple[str, ...] = attrs.field(converter=str_tuple, default=(), validator=check_ids)
    note: str | None = attrs.field(default=None, validator=non_empty)
    inferred: tuple[Inference, ...] = attrs.field(
        converter=inference_tuple, default=(), validator=check_inferences
    )
