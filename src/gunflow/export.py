"""Exports: plain records, JSON lines, CSV, CSL-JSON, a Frictionless Data Package, and pandas.

JSON lines written here load back with :func:`gunflow.read` (or :func:`gunflow.load`'s
``extra``) into equal records: nothing is lost.

>>> import gunflow, io
>>> from gunflow import export
>>> ds = gunflow.load()
>>> buffer = io.StringIO()
>>> export.write_jsonl(ds.records(), buffer)
>>> first = buffer.getvalue().splitlines()[0]
>>> first[:42]
'{"record": "source", "id": "ap-2010-10-06"'
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from gunflow._csv import write_table
from gunflow._files import Target, open_target
from gunflow.errors import GunflowError
from gunflow.io import Record, get_converter, kind_of
from gunflow.model import Interval, PartialDate, Source, SourceKind, Statistic

__all__ = [
    "MissingDependency",
    "flatten",
    "to_csl_json",
    "to_pandas",
    "to_records",
    "write_csv",
    "write_datapackage",
    "write_jsonl",
]


class MissingDependency(GunflowError, ImportError):  # noqa: N818 - reads as a condition
    """An optional feature needs a package that is not installed."""


def to_records(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Plain, JSON-ready dictionaries, each with its kind of record under ``record``, first.

    .. versionadded:: 0.1.0
    """
    return [{"record": kind_of(r), **get_converter().unstructure(r)} for r in records]


def write_jsonl(records: Iterable[Record], target: Target, *, overwrite: bool = False) -> None:
    """Write one JSON object per line; :func:`gunflow.read` loads the file back.

    A path is written whole: to a temporary file in the same folder, renamed when complete.

    Args:
        records: any records, of any kinds (a collection, or ``dataset.records()``).
        target: a path (ending in ``.jsonl`` to load back) or an open text file.
        overwrite: replace the file at *target* if there is one.

    Raises:
        TargetExists: *target* is an existing file and *overwrite* is false.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Refuses to replace an existing file unless *overwrite* is true; writes atomically.

    """
    with open_target(target, overwrite=overwrite) as stream:
        for record in to_records(records):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested tables as dotted columns (``quantity.value``); lists as JSON text.

    .. versionadded:: 0.1.0
    """
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def _number(value: Fraction | None) -> str | None:
    """An interval end as plain decimal text (six significant digits when not a decimal)."""
    if value is None:
        return None
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return f"{exact.normalize():f}" if Fraction(exact) == value else f"{float(value):.6g}"


def _interval_ends(interval: Interval) -> dict[str, Any]:
    """``low``, ``high`` (decimal text, None when unbounded), ``low_open``, ``high_open``."""
    return {
        "low": _number(interval.low),
        "high": _number(interval.high),
        "low_open": not interval.low_closed or interval.low is None,
        "high_open": not interval.high_closed or interval.high is None,
    }


def _bounds_columns(interval: Interval) -> dict[str, Any]:
    return {f"bounds.{name}": value for name, value in _interval_ends(interval).items()}


def _rows(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Flat rows for tables; a statistic's row also holds the interval its words allow."""
    records = list(records)
    rows = []
    for record, plain in zip(records, to_records(records), strict=True):
        row = flatten(plain)
        if isinstance(record, Statistic):
            row.update(_bounds_columns(record.quantity.bounds()))
        rows.append(row)
    return rows


def write_csv(
    records: Iterable[Record],
    target: Target,
    *,
    spreadsheet_safe: bool = True,
    overwrite: bool = False,
) -> None:
    """Write a CSV table, one row per record, nested fields as dotted columns.

    Best with records of one kind (a collection); columns are the union of every record's
    fields, in order of first appearance. A statistic's row ends with the interval its words
    allow, under the default tolerance: ``bounds.low`` and ``bounds.high`` (empty when
    unbounded), and ``bounds.low_open`` and ``bounds.high_open`` (``True`` when that end is
    not included, so "more than 90 percent" is ``90``, ``100``, ``True``, ``False``).
    A path is written whole, as :func:`write_jsonl` does.

    >>> import gunflow, io
    >>> quote = '=HYPERLINK("http://example.com","click")'
    >>> source = gunflow.Source(id="x", kind="dataset", title=quote, publisher="Me")
    >>> buffer = io.StringIO()
    >>> gunflow.export.write_csv([source], buffer)
    >>> print(buffer.getvalue().splitlines()[1])
    source,x,dataset,"'=HYPERLINK(""http://example.com"",""click"")",Me

    Args:
        records: any records; best of one kind.
        target: a path or an open text file.
        spreadsheet_safe: write a cell that a spreadsheet would run as a formula (it starts
            with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, and is not a number)
            with a leading apostrophe, so that it shows as text. Pass false for programs that
            read the file as data.
        overwrite: replace the file at *target* if there is one.

    Raises:
        TargetExists: *target* is an existing file and *overwrite* is false.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Spreadsheet-safe cells by default; refuses to replace an existing file unless
       *overwrite* is true; writes atomically.

    """
    rows = _rows(records)
    columns = list(dict.fromkeys(key for row in rows for key in row))
    write_table(target, columns, rows, spreadsheet_safe=spreadsheet_safe, overwrite=overwrite)


def write_datapackage(
    records: Iterable[Record],
    folder: str | os.PathLike[str],
    *,
    spreadsheet_safe: bool = True,
    overwrite: bool = False,
) -> None:
    """Write a Frictionless Data Package: a CSV table per kind of record, and ``datapackage.json``.

    Each table (``sources.csv``, ``statistics.csv`` ...) has a Table Schema in
    ``datapackage.json``: a field per column, typed (number, boolean, a date pattern, the
    choices of a closed list), ``id`` as its primary key, and a foreign key for each field
    that names one record of one kind (a statistic's ``measure`` and ``source``, an agency's
    ``parent``, a source's ``edition_of`` ...). Nested fields are dotted columns
    (``quantity.value``), a period is its ``.start``, ``.end`` and ``.fiscal``, and lists are
    JSON arrays; a statistic's row ends with the interval its words allow, as in
    :func:`write_csv`. Every kind has a table, empty when there are no such records.

    Cells are spreadsheet-safe by default, as in :func:`write_csv`: only text cells can start
    with a formula character, and numbers, dates, ids and booleans never get the apostrophe,
    so the package validates either way. Pass ``spreadsheet_safe=False`` for programs that
    read the text exactly as written.

    >>> import gunflow, json, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "package"
    >>> gunflow.export.write_datapackage(gunflow.load().records(), folder)
    >>> package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    >>> [resource["path"] for resource in package["resources"]][:3]
    ['sources.csv', 'agencies.csv', 'people.csv']

    Args:
        records: the records to export; best a whole dataset (``dataset.records()``), so that
            every id a record names is in the package.
        folder: the folder to write into, made if missing.
        spreadsheet_safe: give text cells that start with a formula character a leading
            apostrophe (see :func:`write_csv`).
        overwrite: replace the package's files in *folder* if they are there.

    Raises:
        TargetExists: one of the files is in *folder* and *overwrite* is false; nothing is
            written then.

    .. versionadded:: 0.2.0

    """
    from gunflow._datapackage import write_package

    write_package(records, folder, spreadsheet_safe=spreadsheet_safe, overwrite=overwrite)


#: CSL type and genre of each kind of source. An agreement between agencies is no law
#: ("legislation") and no treaty between states: a document whose genre says what it is.
_CSL_TYPES: dict[SourceKind, tuple[str, str | None]] = {
    SourceKind.NEWS_ARTICLE: ("article-newspaper", None),
    SourceKind.GOVERNMENT_REPORT: ("report", None),
    SourceKind.TESTIMONY: ("hearing", "Testimony"),
    SourceKind.PRESS_RELEASE: ("document", "Press release"),
    SourceKind.AGREEMENT: ("document", "Agreement"),
    SourceKind.STRATEGY: ("report", "Strategy"),
    SourceKind.DATASET: ("dataset", None),
    SourceKind.LETTER: ("personal_communication", "Letter"),
}

#: A byline split into given and family names without guessing: "Terry Frieden", "Kenneth E.
#: Melson". Others ("Katherine McIntire Peters": a middle name or a double surname?) stay whole.
_PLAIN_NAME = re.compile(r"(?P<given>[A-Z][\w'’-]+(?: [A-Z]\.)?) (?P<family>[A-Z][\w'’-]+)")


def _csl_name(byline: str) -> dict[str, str]:
    match = _PLAIN_NAME.fullmatch(byline.strip())
    if match is None:
        return {"literal": byline}
    return {"family": match["family"], "given": match["given"]}


def _csl_date(date: PartialDate) -> dict[str, Any]:
    parts = [date.year, date.month, date.day]
    return {"date-parts": [[p for p in parts if p is not None]]}


def to_csl_json(
    sources: Iterable[Source], *, originals: Iterable[Source] | None = None
) -> list[dict[str, Any]]:
    """Sources as CSL-JSON, for Zotero, Mendeley and citeproc.

    Bylines are split into family and given names where that needs no guess; an edition keeps
    the source it republishes as ``original-title``, ``original-date`` and
    ``original-publisher``.

    >>> import gunflow
    >>> from gunflow.export import to_csl_json
    >>> (item,) = to_csl_json([gunflow.load().sources.get("gao-16-223")])
    >>> item["type"], item["number"], item["issued"]
    ('report', 'GAO-16-223', {'date-parts': [[2016, 1, 11]]})

    Args:
        sources: the sources to export.
        originals: where to find the sources that editions republish; the sources given and
            the bundled ones if None.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Family and given names, types and genres of agreements, letters, strategies and
       testimony, and ``original-*`` of editions.

    """
    given = list(sources)
    if originals is None:
        from gunflow._loading import load

        originals = [*given, *load().sources]
    by_id: dict[str, Source] = {}
    for original in originals:
        by_id.setdefault(original.id, original)
    items = []
    for source in given:
        kind, genre = _CSL_TYPES[source.kind]
        item: dict[str, Any] = {
            "id": source.id,
            "type": kind,
            "title": source.title,
            "publisher": source.publisher,
        }
        if genre:
            item["genre"] = genre
        if source.kind is SourceKind.NEWS_ARTICLE:
            item["container-title"] = source.publisher
        if source.authors:
            item["author"] = [_csl_name(name) for name in source.authors]
        if source.published is not None:
            item["issued"] = _csl_date(source.published)
        if source.url:
            item["URL"] = source.url
        if source.report_number:
            item["number"] = source.report_number
        edited = by_id.get(source.edition_of) if source.edition_of else None
        if edited is not None:
            item["original-title"] = edited.title
            item["original-publisher"] = edited.publisher
            if edited.published is not None:
                item["original-date"] = _csl_date(edited.published)
        if source.note:
            item["note"] = source.note
        items.append(item)
    return items


def to_pandas(records: Iterable[Record]) -> Any:
    """A pandas DataFrame, one row per record, with the columns of :func:`write_csv`.

    Raises:
        MissingDependency: pandas is not installed (``pip install 'gunflow[pandas]'``).

    .. versionadded:: 0.1.0

    """
    try:
        import pandas as pd  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        raise MissingDependency(
            "to_pandas() needs pandas, which is not installed: pip install 'gunflow[pandas]'"
        ) from None
    return pd.DataFrame(_rows(records))
