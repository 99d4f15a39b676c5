"""The bundled records, precompiled: read in a few milliseconds instead of parsing the TOML.

``gunflow/data/bundled.pickle`` holds the records the bundled TOML files parse to, with the
files each came from. Its first line is a key: a SHA-256 of the installed TOML files (their
names and bytes) and of the fields of every record class. The loader uses the records only when
the key matches the files and the code actually installed, and parses the TOML otherwise, so an
edited file or a changed class is never read from a stale copy. The pickle is our own file,
shipped inside the package like our code, and never a user's.

Regenerate it after editing the bundled data (a test fails until it is in step)::

    python -m gunflow._precompiled
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

import gunflow.model

if TYPE_CHECKING:
    from gunflow._integrity import Located

__all__ = [
    "FILE_NAME",
    "bundled_files",
    "from_bytes",
    "key",
    "precompiled_records",
    "to_bytes",
]

#: The precompiled records, in ``gunflow.data``.
FILE_NAME = "bundled.pickle"
#: Written before the key; a new format gets a new number (and older files are ignored).
_MAGIC = b"gunflow precompiled records 1 "
_PROTOCOL = 5


def bundled_files() -> list[tuple[str, bytes]]:
    """(name, bytes) of every bundled TOML file, in a fixed order, named as problems name them."""
    found: list[tuple[str, bytes]] = []

    def walk(folder: Traversable, prefix: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir():
                walk(entry, f"{prefix}{entry.name}/")
            elif entry.name.endswith(".toml"):
                found.append((f"<bundled>/{prefix}{entry.name}", entry.read_bytes()))

    walk(resources.files("gunflow.data"), "")
    return found


def _layout() -> bytes:
    """The fields of every record class: records pickled with other fields cannot be read."""
    classes = (getattr(gunflow.model, name) for name in sorted(gunflow.model.__all__))
    return "\n".join(
        f"{cls.__module__}.{cls.__qualname__}: {' '.join(f.name for f in attrs.fields(cls))}"
        for cls in classes
        if isinstance(cls, type) and attrs.has(cls)
    ).encode()


def key(files: Sequence[tuple[str, bytes]]) -> bytes:
    """The SHA-256 (hex) of the files' names and bytes and of the record classes' fields."""
    digest = hashlib.sha256(_layout())
    for name, data in files:
        encoded = name.encode()
        digest.update(b"%d %s %d\n" % (len(encoded), encoded, len(data)))
        digest.update(data)
    return digest.hexdigest().encode("ascii")


def precompiled_records(files: Sequence[tuple[str, bytes]]) -> tuple[Located, ...] | None:
    """The shipped precompiled records of *files*, or None when they are of other files.

    None, too, when the precompiled file is missing or cannot be read: the caller parses the
    TOML, which is always the truth.
    """
    try:
        data = resources.files("gunflow.data").joinpath(FILE_NAME).read_bytes()
    except OSError:
        return None
    return from_bytes(data, files)


def from_bytes(data: bytes, files: Sequence[tuple[str, bytes]]) -> tuple[Located, ...] | None:
    """The records precompiled in *data*, or None when they are not those of *files*."""
    header, _, body = data.partition(b"\n")
    if header != _MAGIC + key(files):
        return None
    try:
        # our own file, shipped inside the package (see the module's docstring)
        located = pickle.loads(body)  # noqa: S301
    except Exception:  # any failure to read it means: parse the TOML
        return None
    return located if isinstance(located, tuple) else None


def to_bytes(located: Sequence[Located], files: Sequence[tuple[str, bytes]]) -> bytes:
    """The precompiled form of *located*, the records parsed from *files*."""
    return _MAGIC + key(files) + b"\n" + pickle.dumps(tuple(located), protocol=_PROTOCOL)


def main() -> None:
    """Parse the bundled TOML files and write their precompiled records next to them."""
    from gunflow._loading import parse_bundled

    files = bundled_files()
    located = parse_bundled(files)
    path = Path(__file__).parent / "data" / FILE_NAME
    path.write_bytes(to_bytes(located, files))
    print(f"wrote {len(located)} records to {path}")  # noqa: T201


if __name__ == "__main__":
    main()
