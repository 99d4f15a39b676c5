"""Loading: the bundled data (read once, cached) and a user's own files (TOML or JSON lines)."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from os import PathLike
from pathlib import Path

from gunflow._collector import collection_paused
from gunflow._integrity import Located, RefusedIn, problems_between
from gunflow._limits import DEFAULT_LIMITS, Limits
from gunflow._precompiled import bundled_files, precompiled_records
from gunflow.dataset import Dataset, build
from gunflow.errors import DataError, Problem

__all__ = ["load", "read"]

#: One path, or several.
Paths = str | PathLike[str] | Iterable[str | PathLike[str]]


def _parse(
    files: Iterable[tuple[str, str]], limits: Limits = DEFAULT_LIMITS
) -> tuple[list[Located], list[RefusedIn], list[Problem]]:
    from gunflow.io import parse_document  # the parser and its converters: not when precompiled

    located: list[Located] = []
    refused: list[RefusedIn] = []
    problems: list[Problem] = []
    for name, text in files:
        records, tables, found = parse_document(text, name, limits=limits)
        problems.extend(found)
        located.extend((kind, record, name) for kind, record in records)
        refused.extend((kind, table, name) for kind, table in tables)
    return located, refused, problems


def parse_bundled(files: Iterable[tuple[str, bytes]]) -> tuple[Located, ...]:
    """The records of the bundled TOML files, parsed (not precompiled).

    Raises:
        DataError: a bundled file is invalid (only an edited copy can be).

    """
    located, _refused, problems = _parse((name, data.decode("utf-8")) for name, data in files)
    if problems:
        raise DataError(problems)
    return tuple(located)


def _read_file(path: str | PathLike[str], limits: Limits) -> tuple[str, str] | Problem:
    name = str(path)
    try:
        with Path(path).open("rb") as stream:  # never more than the limit, even from a device
            data = stream.read(limits.max_file_bytes + 1)
    except OSError as error:
        return Problem(
            file=name, record="-", field="", message=f"cannot read the file: {error.strerror}"
        )
    if len(data) > limits.max_file_bytes:
        return Problem(
            file=name,
            record="-",
            field="",
            message=f"larger than the limit of {limits.max_file_bytes:,} bytes; to read it, "
            "pass limits=gunflow.Limits(max_file_bytes=...)",
        )
    try:
        return name, data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Problem(
            file=name,
            record="-",
            field="",
            message=f"not valid UTF-8 (byte {error.start}): data files are UTF-8",
        )


def _read_files(
    paths: Paths, limits: Limits
) -> tuple[list[Located], list[RefusedIn], list[Problem]]:
    listed = [paths] if isinstance(paths, str | PathLike) else list(paths)
    files: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for path in listed:
        read = _read_file(path, limits)
        if isinstance(read, Problem):
            problems.append(read)
        else:
            files.append(read)
    if not files:  # nothing to parse: the parser is not even imported
        return [], [], problems
    located, refused, parse_problems = _parse(files, limits)
    return located, refused, [*problems, *parse_problems]


_bundled_lock = threading.Lock()
_bundled: tuple[Dataset, tuple[Located, ...]] | None = None


def _load_bundled() -> tuple[Dataset, tuple[Located, ...]]:
    global _bundled  # noqa: PLW0603 - the one cache, filled once behind a lock
    if _bundled is None:
        with _bundled_lock:
            if _bundled is None:
                files = bundled_files()
                located = precompiled_records(files) or parse_bundled(files)
                _bundled = (build(located), located)
    return _bundled


def _build_or_raise(
    located: list[Located], refused: list[RefusedIn], problems: list[Problem]
) -> Dataset:
    """The dataset, or one DataError with every problem: each file's, then the references'.

    The references of a refused record are checked too, so that one pass finds every slip.
    """
    if problems:
        problems.extend(problems_between(located, refused))
        raise DataError(problems)
    try:
        dataset = build(located)
    except DataError as error:
        problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return dataset


def load(extra: Paths = (), *, limits: Limits | None = None) -> Dataset:
    """The bundled data, with a user's own files added when *extra* names any.

    The bundled dataset is read once, on the first call, and the same immutable object is
    returned afterwards. A user's files (TOML, or JSON lines as written by
    :func:`gunflow.export.write_jsonl`) are read on every call; their records may name bundled
    ids, and every reference is checked across both.

    >>> import gunflow
    >>> ds = gunflow.load()
    >>> ds.agencies.get("atf").name
    'Bureau of Alcohol, Tobacco, Firearms and Explosives'

    Args:
        extra: paths of a user's data files, in the bundled format.
        limits: the largest file and JSON line read (default: :class:`~gunflow.Limits`'s).

    Returns:
        The dataset.

    Raises:
        DataError: a file cannot be read or parsed, a record is invalid, an id is used twice or
            a reference names no record, or a file or a line of JSON is larger than *limits*
            allow. Every problem of every file is listed; nothing is cached from a failed load.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       *limits*.

    """
    bundled, bundled_located = _load_bundled()
    located, refused, problems = _read_files(extra, limits or DEFAULT_LIMITS)
    if not located and not problems:  # refused tables always come with problems
        return bundled
    return _build_or_raise([*bundled_located, *located], refused, problems)


def read(paths: Paths, *, limits: Limits | None = None) -> Dataset:
    """A dataset of a user's files alone, without the bundled data.

    Useful to re-load an export (:func:`gunflow.export.write_jsonl`) or to check a set of
    figures on its own. Raises :class:`~gunflow.DataError` as :func:`load` does, and takes
    the same *limits*.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       *limits*.
    """
    with collection_paused():
        located, refused, problems = _read_files(paths, limits or DEFAULT_LIMITS)
        return _build_or_raise(located, refused, problems)
