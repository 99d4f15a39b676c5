"""Files gunflow writes and the files records name: written whole, kept where they belong.

Every writer goes through :func:`open_target`: a path is written to a temporary file in the
same folder and renamed over the final name only once it is complete, so an interrupted export
never leaves half a file under that name, and an existing file is replaced only when the caller
says so. Every path a record names goes through :func:`inside`, which keeps it in its folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from gunflow.errors import TargetExists, UnsafePath

__all__ = ["Target", "check_free", "inside", "open_target"]

#: Where a writer writes: a path, or a text stream the caller opened (and closes).
Target = str | os.PathLike[str] | IO[str]


def check_free(paths: Iterable[str | os.PathLike[str]], *, overwrite: bool) -> None:
    """Refuse, before anything is written, to replace files unless *overwrite* is true.

    A folder export calls this with every file it is about to write, so that it writes all of
    them or none.

    Raises:
        TargetExists: one of *paths* exists and *overwrite* is false; names every one.

    """
    if overwrite:
        return
    taken = [str(path) for path in paths if os.path.lexists(path)]
    if taken:
        raise TargetExists(taken)


def _temporary(folder: Path, name: str) -> tuple[Path, int]:
    """A new, empty file next to the target, created with the usual permissions."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        path = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        with contextlib.suppress(FileExistsError):
            return path, os.open(path, flags, 0o666)


def _publish(temporary: Path, path: Path, *, overwrite: bool) -> None:
    """Give the finished temporary file its final name, in one step."""
    if overwrite:
        temporary.replace(path)
        return
    try:
        os.link(temporary, path)  # fails, rather than replaces, if the name was taken meanwhile
    except FileExistsError:
        raise TargetExists([str(path)]) from None
    except OSError:  # a file system without hard links: check, then rename
        check_free([path], overwrite=False)
        temporary.replace(path)
    else:
        temporary.unlink()


@contextlib.contextmanager
def open_target(target: Target, *, overwrite: bool = False) -> Iterator[IO[str]]:
    """A text stream to write to: *target* itself if it is a stream, else an atomic file.

    A path is written as UTF-8, its line ends left as written. The file appears under
    its name only when the ``with`` block ends without an exception; otherwise nothing is left.

    Raises:
        TargetExists: *target* is a path that exists and *overwrite* is false.

    """
    if not isinstance(target, str | os.PathLike):
        yield target
        return
    path = Path(target)
    check_free([path], overwrite=overwrite)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "it is a folder", os.fspath(path))
    try:
        temporary, descriptor = _temporary(path.parent, path.name)
    except OSError as error:  # name the file asked for, not the temporary one
        raise type(error)(error.errno, error.strerror, os.fspath(path)) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        _publish(temporary, path, overwrite=overwrite)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def inside(folder: str | os.PathLike[str], name: str) -> Path:
    """The file *name* in *folder*, refused if it (or a link it follows) leads out of *folder*.

    Raises:
        UnsafePath: *name* is absolute, climbs out with ``..``, or resolves (through a
            symbolic link) to a place outside *folder*.

    """
    root = Path(folder).resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root):
        raise UnsafePath(f"{name!r} leads to {path}, outside {root}: refused")
    return path
