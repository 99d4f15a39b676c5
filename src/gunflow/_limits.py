"""How much input the loader reads before it refuses, rather than running out of memory."""

from __future__ import annotations

from typing import Any, Final

import attrs

__all__ = ["DEFAULT_LIMITS", "Limits"]


def _positive(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or value < 1:
        raise ValueError(f"{attribute.name} must be a positive whole number, got {value!r}")


@attrs.frozen(kw_only=True)
class Limits:
    """The largest input :func:`gunflow.load` and :func:`gunflow.read` accept.

    Past a limit, the file (or the line) is refused with a :class:`~gunflow.DataError` that
    names it and the limit; nothing of it is loaded. Memory grows with the input, about seven
    times a file's size once loaded, so the defaults keep a load within a couple of gigabytes.
    Raise them for larger inputs:

    >>> import gunflow
    >>> roomy = gunflow.Limits(max_file_bytes=2 * 1024**3, max_line_chars=64 * 1024**2)
    >>> gunflow.Limits().max_file_bytes
    268435456

    Attributes:
        max_file_bytes: the largest file read, in bytes (default 256 MiB).
        max_line_chars: the longest line of a JSON-lines file, in characters (default 1 MiB,
            far beyond any record: the longest bundled one is under 2,000).

    .. versionadded:: 0.2.0

    """

    max_file_bytes: int = attrs.field(default=256 * 1024**2, validator=_positive)
    max_line_chars: int = attrs.field(default=1024**2, validator=_positive)


#: The limits used when none are given.
DEFAULT_LIMITS: Final = Limits()
