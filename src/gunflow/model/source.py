"""Documents: the articles, reports, agreements and strategies figures come from."""

from __future__ import annotations

import enum

import attrs

from gunflow.model._common import (
    Inference,
    InvalidField,
    check_file_name,
    check_id,
    check_ids,
    check_inferences,
    inference_tuple,
    non_empty,
    str_tuple,
)
from gunflow.model.date import PartialDate

__all__ = ["Source", "SourceKind"]


class SourceKind(enum.StrEnum):
    """What sort of document a source is.

    .. versionadded:: 0.1.0
    """

    NEWS_ARTICLE = "news_article"
    GOVERNMENT_REPORT = "government_report"
    TESTIMONY = "testimony"
    PRESS_RELEASE = "press_release"
    AGREEMENT = "agreement"
    STRATEGY = "strategy"
    DATASET = "dataset"
    LETTER = "letter"


@attrs.frozen(kw_only=True)
class Source:
    """A document that reports figures or events.

    Attributes:
        id: a readable, stable slug (``gao-09-709``).
        kind: what sort of document it is.
        title: the title as published.
        publisher: who published it (a newspaper, an agency).
        authors: the byline, as the document gives it; empty when it gives none.
        contributors: others the document credits (reporting, editing), as it words them.
        published: when it was published, as precisely as known.
        url: where it was published, when known.
        report_number: an official number, for reports (``GAO-09-709``).
        cites: ids of the primary sources it reports on.
        edition_of: the id of the source this one republishes; editions are one voice.
        text_file: the file name of a local copy of the text, for checking quotes: a plain
            name (``gao-09-709.txt``), looked up in the folder given to ``verify-quotes``.
        note: anything a reader should know about the record.
        inferred: fields whose values were inferred, and how.

    .. versionadded:: 0.1.0

    """

    id: str = attrs.field(validator=check_id)
    kind: SourceKind = attrs.field(converter=SourceKind)
    title: str = attrs.field(validator=non_empty)
    publisher: str = attrs.field(validator=non_empty)
    authors: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    contributors: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    published: PartialDate | None = None
    url: str | None = attrs.field(default=None, validator=non_empty)
    report_number: str | None = attrs.field(default=None, validator=non_empty)
    cites: tuple[str, ...] = attrs.field(converter=str_tuple, default=(), validator=check_ids)
    edition_of: str | None = attrs.field(default=None, validator=check_id)
    text_file: str | None = attrs.field(default=None, validator=check_file_name)
    note: str | None = attrs.field(default=None, validator=non_empty)
    inferred: tuple[Inference, ...] = attrs.field(
        converter=inference_tuple, default=(), validator=check_inferences
    )

    def __attrs_post_init__(self) -> None:
        """Reject a source that cites itself or is an edition of itself."""
        if self.id in self.cites:
            raise InvalidField("cites", "a source cannot cite itself")
        if self.edition_of == self.id:
            raise InvalidField("edition_of", "a source cannot be an edition of itself")
