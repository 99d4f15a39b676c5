"""Agencies and other bodies that act, report or speak in the sources."""

from __future__ import annotations

import enum

import attrs

from gunflow.model._common import (
    Inference,
    InvalidField,
    check_id,
    check_inferences,
    inference_tuple,
    non_empty,
    str_tuple,
)

__all__ = ["Agency", "AgencyKind"]


class AgencyKind(enum.StrEnum):
    """What an agency does, for grouping and filtering.

    .. versionadded:: 0.1.0
    """

    GOVERNMENT = "government"
    LAW_ENFORCEMENT = "law_enforcement"
    AUDIT_OVERSIGHT = "audit_oversight"
    POLICY = "policy"
    LEGISLATURE = "legislature"
    EXECUTIVE = "executive"
    DEPARTMENT = "department"
    DIPLOMATIC = "diplomatic"
    ACADEMIC = "academic"
    ADVOCACY = "advocacy"


@attrs.frozen(kw_only=True)
class Agency:
    """A government body (or another organisation) named in the sources.

    Attributes:
        id: a readable slug (``atf``).
        name: the full name.
        abbreviation: the usual short name (``ATF``), if any.
        aliases: other names the sources use ("Bureau of Alcohol, Tobacco and Firearms").
        country: ``US`` or ``MX`` (an ISO 3166-1 alpha-2 code).
        parent: the id of the agency it belongs to (ATF to the Justice Department).
        kind: what it does.
        note: anything a reader should know.
        inferred: fields whose values were inferred, and how.

    .. versionadded:: 0.1.0

    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=non_empty)
    kind: AgencyKind = attrs.field(converter=AgencyKind)
    country: str
    abbreviation: str | None = attrs.field(default=None, validator=non_empty)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    parent: str | None = attrs.field(default=None, validator=check_id)
    note: str | None = attrs.field(default=None, validator=non_empty)
    inferred: tuple[Inference, ...] = attrs.field(
        converter=inference_tuple, default=(), validator=check_inferences
    )

    def __attrs_post_init__(self) -> None:
        """Reject a malformed country code and an agency that is its own parent."""
        if len(self.country) != 2 or not self.country.isalpha() or not self.country.isupper():
            raise InvalidField("country", f"{self.country!r} is not a two-letter country code")
        if self.parent == self.id:
            raise InvalidField("parent", "an agency cannot be its own parent")
