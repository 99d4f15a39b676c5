"""Sphinx extension: write the field reference of the data format from the model at build time.

``data-format.md`` includes the page written here, so the reference cannot drift from the
classes the loader builds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gunflow._schema import field_reference

PAGE = "data-fields.md"


def _write(app: Any) -> None:
    Path(app.srcdir, PAGE).write_text(field_reference(), encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    """Register the page writer with Sphinx."""
    app.connect("builder-inited", _write)
    return {"parallel_read_safe": True}
