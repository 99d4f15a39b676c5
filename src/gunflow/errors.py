"""The exceptions gunflow raises, under one base class.

Each also subclasses the matching builtin, so ``except ValueError`` or ``except LookupError``
in a user's code keeps working.
"""

from __future__ import annotations

import attrs

__all__ = [
    "DataError",
    "GunflowError",
    "InconsistencyError",
    "NotFound",
    "Problem",
    "TargetExists",
    "UnsafePath",
]


class GunflowError(Exception):
    """Base class of every exception gunflow raises on purpose.

    .. versionadded:: 0.1.0
    """


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with the input: where it is and what is wrong.

    Attributes:
        file: the file the record came from (``"<bundled>/sources.toml"`` for bundled data).
        record: the record's id, or a description of its place when it has no usable id.
        field: the dotted path of the field inside the record ("" for the record as a whole).
        message: what is wrong, in plain words.

    .. versionadded:: 0.1.0

    """

    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        """Render as ``file: record: field: message``, each part cut to a readable length."""
        return (
            f"{_clip(self.file, 300)}: {_clip(self.record, 120)}: {_clip(self.field or '-', 120)}: "
            f"{_clip(self.message, 600)}"
        )


def _clip(text: str, most: int) -> str:
    """*text*, cut to *most* characters: a hostile file's megabyte-long id stays readable."""
    return text if len(text) <= most else f"{text[: most - 30]}… ({len(text):,} characters)"


class DataError(GunflowError, ValueError):
    """Input data is invalid; its ``problems`` list every problem found, not just the first.

    The message has one line per problem, in the form ``file: record id: field: what is wrong``.

    .. versionadded:: 0.1.0
    """

    def __init__(self, problems: tuple[Problem, ...] | list[Problem]) -> None:
        """Collect *problems* (at least one) into one exception."""
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


class NotFound(GunflowError, LookupError):  # noqa: N818 - the name reads as a condition, like attrs'
    """A lookup found no record; the message suggests close matches when there are any.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self, kind: str, key: str, suggestions: tuple[str, ...] = (), *, message: str = ""
    ) -> None:
        """Say which *kind* of record was looked up by *key*, and what came close."""
        self.kind = kind
        self.key = key
        self.suggestions = suggestions
        message = message or f"no {kind} matches {key!r}"
        if suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        """Return the message itself (LookupError would quote it)."""
        return str(self.args[0])


class InconsistencyError(GunflowError, AssertionError):
    """Reported figures cannot all be true, and nobody has acknowledged it.

    .. versionadded:: 0.1.0
    """


class RuleError(GunflowError, RuntimeError):
    """A rule another package publishes cannot be used: the message names the package.

    It cannot be imported, is not a :class:`gunflow.Rule`, or its name is taken.

    .. versionadded:: 0.2.0
    """


class TargetExists(GunflowError, FileExistsError):  # noqa: N818 - reads as a condition
    """A file gunflow was asked to write already exists, and replacing it was not asked for.

    Pass ``overwrite=True`` (``--force`` on the command line) to replace it.

    .. versionadded:: 0.2.0
    """

    def __init__(self, paths: list[str]) -> None:
        """Name every file that is in the way."""
        self.paths = tuple(paths)
        verb = "exists" if len(self.paths) == 1 else "exist"
        super().__init__(
            f"{', '.join(self.paths)} already {verb}: not replaced "
            "(pass --force, or overwrite=True, to replace)"
        )


class UnsafePath(GunflowError, ValueError):  # noqa: N818 - reads as a condition
    """A path named in data or a config leads outside the folder it must stay in.

    .. versionadded:: 0.2.0
    """
