"""Acknowledged findings: contradictions in the reporting that are known and explained."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from gunflow.model._common import InvalidField, check_id, check_ids, non_empty, str_tuple

__all__ = ["Acknowledgement", "FindingKey"]


def _ids(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


@attrs.frozen(kw_only=True)
class FindingKey:
    """What makes a finding the same finding from one run of the checks to the next.

    The rule, and the ids of the records the finding is about: its statistics, events and
    relation, or, for a finding about measures (``denominator``), the measures alone, whose
    figures are only examples. An acknowledgement matches the finding with the same key, so
    the order in which ids are listed does not matter.

    >>> FindingKey(rule="agreement", statistics=["b", "a"]) == FindingKey(
    ...     rule="agreement", statistics=["a", "b"]
    ... )
    True
    >>> print(FindingKey(rule="agreement", statistics=["b", "a"]))
    agreement: statistics a, b

    Attributes:
        rule: the rule's name.
        statistics: the ids of the statistics.
        events: the ids of the events.
        relations: the ids of the relations.
        measures: the ids of the measures.

    .. versionadded:: 0.2.0

    """

    rule: str
    statistics: frozenset[str] = attrs.field(default=frozenset(), converter=_ids)
    events: frozenset[str] = attrs.field(default=frozenset(), converter=_ids)
    relations: frozenset[str] = attrs.field(default=frozenset(), converter=_ids)
    measures: frozenset[str] = attrs.field(default=frozenset(), converter=_ids)

    def named(self) -> dict[str, tuple[str, ...]]:
        """The ids named, by field, each sorted; fields that name nothing are left out."""
        fields = {
            "statistics": self.statistics,
            "events": self.events,
            "relations": self.relations,
            "measures": self.measures,
        }
        return {name: tuple(sorted(ids)) for name, ids in fields.items() if ids}

    def __str__(self) -> str:
        """``agreement: statistics a, b; events e``."""
        named = "; ".join(f"{name} {', '.join(ids)}" for name, ids in self.named().items())
        return f"{self.rule}: {named or 'nothing named'}"


@attrs.frozen(kw_only=True)
class Acknowledgement:
    """A finding of the checks that is known, and why it stands.

    A finding is acknowledged when an acknowledgement has the same :attr:`key`: the same rule
    and exactly the same statistics, events, relations and measures, in any order (see
    :attr:`gunflow.Finding.key`). :meth:`gunflow.Report.raise_for_errors` ignores acknowledged
    errors, so a user's test fails only on new contradictions. The rule may be any rule that
    runs, built in or not.

    Attributes:
        id: a readable slug.
        rule: the name of the rule whose finding it acknowledges (``"duration"``).
        statistics: the ids of the statistics the finding names.
        explanation: why the figures disagree, for a reader of the report.
        events: the ids of the events the finding names (``chronology``).
        relations: the ids of the relations the finding names (``relations``).
        measures: the ids of the measures the finding names (``denominator``).
        note: anything else a reader should know.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``events``, ``relations`` and ``measures``; matched by :attr:`key`.

    """

    id: str = attrs.field(validator=check_id)
    rule: str = attrs.field(validator=check_id)
    statistics: tuple[str, ...] = attrs.field(converter=str_tuple, validator=check_ids, default=())
    explanation: str = attrs.field(validator=non_empty)
    events: tuple[str, ...] = attrs.field(converter=str_tuple, validator=check_ids, default=())
    relations: tuple[str, ...] = attrs.field(converter=str_tuple, validator=check_ids, default=())
    measures: tuple[str, ...] = attrs.field(converter=str_tuple, validator=check_ids, default=())
    note: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        """Require at least one record named."""
        if not (self.statistics or self.events or self.relations or self.measures):
            raise InvalidField(
                "statistics",
                "an acknowledgement names at least one statistic, event, relation or measure",
            )

    @property
    def key(self) -> FindingKey:
        """The key of the finding this acknowledges.

        .. versionadded:: 0.2.0
        """
        return FindingKey(
            rule=self.rule,
            statistics=self.statistics,
            events=self.events,
            relations=self.relations,
            measures=self.measures,
        )
