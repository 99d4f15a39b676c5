"""Acknowledged findings: contradictions in the reporting that are known and explained."""

from __future__ import annotations

import attrs

from gunflow.model._common import InvalidField, check_id, check_ids, non_empty, str_tuple

__all__ = ["Acknowledgement"]


@attrs.frozen(kw_only=True)
class Acknowledgement:
    """A finding of the checks that is known, and why it stands.

    A finding is acknowledged when an acknowledgement names the same rule and exactly the same
    statistics. :meth:`gunflow.Report.raise_for_errors` ignores acknowledged errors, so a
    user's test fails only on new contradictions.

    Attributes:
        id: a readable slug.
        rule: the name of the rule whose finding it acknowledges (``"duration"``).
        statistics: the ids of the statistics the finding names.
        explanation: why the figures disagree, for a reader of the report.
        note: anything else a reader should know.

    .. versionadded:: 0.1.0

    """

    id: str = attrs.field(validator=check_id)
    rule: str = attrs.field(validator=check_id)
    statistics: tuple[str, ...] = attrs.field(converter=str_tuple, validator=check_ids)
    explanation: str = attrs.field(validator=non_empty)
    note: str | None = attrs.field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        """Require at least one statistic."""
        if not self.statistics:
            raise InvalidField("statistics", "an acknowledgement names at least one statistic")
