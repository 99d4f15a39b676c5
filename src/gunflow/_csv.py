"""The one CSV writer: every CSV gunflow writes goes through :func:`write_table`.

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula, and a formula can fetch addresses or run commands when the file is
opened. Quotes, titles and notes come from documents and files that third parties wrote, so by
default such a cell is written with a leading apostrophe, as OWASP recommends
(https://owasp.org/www-community/attacks/CSV_Injection): spreadsheets show the text as written
and do not evaluate it. Numbers (``-5``, ``+2.5``) are left alone. Programs that read the CSV
as data, not people in a spreadsheet, pass ``spreadsheet_safe=False`` to get every cell as is.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence

from gunflow._files import Target, open_target

__all__ = ["FORMULA_STARTS", "neutralise", "write_table"]

#: The first characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_NUMBER = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")


def neutralise(value: object) -> object:
    """*value*, with an apostrophe before it if a spreadsheet would read it as a formula.

    >>> print(neutralise('=HYPERLINK("http://example.com","click")'))
    '=HYPERLINK("http://example.com","click")
    >>> neutralise("-5"), neutralise("about 2,000"), neutralise(7)
    ('-5', 'about 2,000', 7)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_table(
    target: Target,
    columns: Sequence[str],
    rows: Iterable[Mapping[str, object]],
    *,
    spreadsheet_safe: bool = True,
    overwrite: bool = False,
) -> None:
    """Write a header of *columns*, then one line per row (a missing key is an empty cell).

    Args:
        target: a path (written whole, see :func:`gunflow._files.open_target`) or a text stream.
        columns: the column names, in order.
        rows: mappings of column name to value.
        spreadsheet_safe: neutralise cells a spreadsheet would run as formulas (the default).
        overwrite: replace an existing file at *target*.

    Raises:
        TargetExists: *target* exists and *overwrite* is false.

    """
    clean = neutralise if spreadsheet_safe else _as_is
    with open_target(target, overwrite=overwrite) as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow([clean(name) for name in columns])
        for row in rows:
            writer.writerow([clean(row.get(name)) for name in columns])


def _as_is(value: object) -> object:
    return value
