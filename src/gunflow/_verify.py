"""Check every quote in a dataset verbatim against local copies of the source texts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs

from gunflow._files import inside
from gunflow.dataset import Dataset
from gunflow.errors import DataError, Problem, UnsafePath
from gunflow.model import Source

__all__ = ["QuoteCheck", "verify_quotes"]


@attrs.frozen(kw_only=True)
class QuoteCheck:
    """The outcome for one quote: found in its source's text, missing from it, or unchecked."""

    record: str
    source: str
    quote: str
    status: str  # "ok", "mismatch", or "no text" (the source names no file, or it is absent)
    file: str | None = None


def _quotes(dataset: Dataset) -> Iterator[tuple[str, str, str]]:
    """(record id, source id, quote) for every quote the dataset holds."""
    for statistic in dataset.statistics:
        if statistic.quote is not None:  # a derived figure may quote nothing
            yield statistic.id, statistic.source, statistic.quote
    for event in dataset.events:
        for evidence in event.evidence:
            yield event.id, evidence.source, evidence.quote
    for relation in dataset.relations:
        yield relation.id, relation.source, relation.quote


def _read_text(source: Source, folder: str | Path) -> str | None:
    """The text of *source*'s file in *folder*; None if it names none, or it is not there."""
    if source.text_file is None:
        return None
    try:
        path = inside(folder, source.text_file)
    except UnsafePath as error:
        raise UnsafePath(f"source {source.id}: text_file {error}") from None
    if not path.is_file():  # absent, or not a regular file (a folder, a pipe)
        return None
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        message = f"{source.text_file} is not valid UTF-8 (byte {error.start})"
        raise DataError(
            [Problem(file=str(path), record=source.id, field="text_file", message=message)]
        ) from None


def verify_quotes(dataset: Dataset, folder: str | Path) -> tuple[QuoteCheck, ...]:
    """Look for each quote, character for character, in its source's text file in *folder*.

    A source's text file is named by :attr:`gunflow.Source.text_file`. Quotes of sources with no
    file, or whose file is not in *folder*, come back with the status ``"no text"``.

    Raises:
        UnsafePath: a text file is a symbolic link to a file outside *folder*; it is not read.
        DataError: a text file is not valid UTF-8.

    """
    texts: dict[str, str | None] = {}
    checks = []
    for record, source_id, quote in _quotes(dataset):
        source = dataset.sources.get(source_id)
        if source_id not in texts:
            texts[source_id] = _read_text(source, folder)
        text = texts[source_id]
        status = "no text" if text is None else "ok" if quote in text else "mismatch"
        checks.append(
            QuoteCheck(
                record=record, source=source_id, quote=quote, status=status, file=source.text_file
            )
        )
    return tuple(checks)
