"""People the sources quote or credit, with the roles the sources give them."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from gunflow.model._common import (
    Inference,
    check_id,
    check_inferences,
    inference_tuple,
    non_empty,
    str_tuple,
)
from gunflow.model.date import PartialDate

__all__ = ["Person", "Role"]


@attrs.frozen(kw_only=True)
class Role:
    """A title a source gives a person, as of a date.

    Attributes:
        title: the title as the source words it ("acting director").
        agency: the id of the agency the role is in, if any.
        as_of: the date the source gives the role for (usually its own date).
        source: the id of the source that gives the role.

    .. versionadded:: 0.1.0

    """

    title: str = attrs.field(validator=non_empty)
    source: str = attrs.field(validator=check_id)
    agency: str | None = attrs.field(default=None, validator=check_id)
    as_of: PartialDate | None = None


def _roles(value: Iterable[Role]) -> tuple[Role, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Person:
    """A person named in the sources.

    Attributes:
        id: a readable slug (``kenneth-melson``).
        name: the name as the sources give it in full.
        aliases: other forms of the name in the sources ("Glenn Fine").
        roles: the roles the sources give, each with its source and date.
        note: anything a reader should know.
        inferred: fields whose values were inferred, and how.

    .. versionadded:: 0.1.0

    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=non_empty)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    roles: tuple[Role, ...] = attrs.field(default=(), converter=_roles)
    note: str | None = attrs.field(default=None, validator=non_empty)
    inferred: tuple[Inference, ...] = attrs.field(
        converter=inference_tuple, default=(), validator=check_inferences
    )
