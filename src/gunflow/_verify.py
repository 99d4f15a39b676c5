"""Check every quote in a dataset verbatim against local copies of the source texts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs

from gunflow.dataset import Dataset

__all__ = ["QuoteCheck", "verify_quotes"]


@attrs.frozen(kw_only=True)
class QuoteCheck:
    """The outcome for one quote: found in its source's text, missing from it, or unchecked.

    .. versionadded:: 0.1.0
    """

    record: str
    source: str
    quote: str
    status: str  # "ok", "mismatch", or "no text" (the source names no file, or it is absent)
    file: str | None = None


def _quotes(dataset: Dataset) -> Iterator[tuple[str, str, str]]:
    """(record id, source id, quote) for every quote the dataset holds."""
    for statistic in dataset.statistics:
        yield statistic.id, statistic.source, statistic.quote
    for event in dataset.events:
        for evidence in event.evidence:
            yield event.id, evidence.source, evidence.quote
    for relation in dataset.relations:
        yield relation.id, relation.source, relation.quote


def verify_quotes(dataset: Dataset, folder: str | Path) -> tuple[QuoteCheck, ...]:
    """Look for each quote, character for character, in its source's text file in *folder*.

    A source's text file is named by :attr:`gunflow.Source.text_file`. Quotes of sources with no
    file, or whose file is not in *folder*, come back with the status ``"no text"``.
    """
    folder = Path(folder)
    texts: dict[str, str | None] = {}
    checks = []
    for record, source_id, quote in _quotes(dataset):
        source = dataset.sources.get(source_id)
        if source_id not in texts:
            path = folder / source.text_file if source.text_file else None
            texts[source_id] = path.read_text(encoding="utf-8") if path and path.is_file() else None
        text = texts[source_id]
        status = "no text" if text is None else "ok" if quote in text else "mismatch"
        checks.append(
            QuoteCheck(
                record=record, source=source_id, quote=quote, status=status, file=source.text_file
            )
        )
    return tuple(checks)
