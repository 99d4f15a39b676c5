"""Sphinx extension: write the page "What the data holds" from the bundled data at build time.

The page is generated on every build, so it cannot drift from the data.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import gunflow

PAGE = "data-holdings.md"


class _Markup(str):
    """Markdown written here, not text from the data: put in a table as it is."""

    __slots__ = ()


def _text(value: object) -> str:
    """Text from the data, shown as written: every ASCII punctuation mark escaped.

    Markdown then reads no markup in it (no raw HTML, no links, no roles or directives).
    """
    return "".join(f"\\{c}" if c in _PUNCTUATION else c for c in " ".join(str(value).split()))


_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _code(value: str) -> _Markup:
    """An id as inline code (ids are slugs: no backticks, no spaces)."""
    return _Markup(f"`{value.replace('`', '')}`")


def _cell(value: object) -> str:
    return value if isinstance(value, _Markup) else _text(value)


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def render(ds: gunflow.Dataset) -> str:
    """The page, in MyST Markdown."""
    figures = Counter(s.source for s in ds.statistics)
    events = Counter(e.source for ev in ds.events for e in ev.evidence)
    per_measure = Counter(s.measure for s in ds.statistics)
    out = [
        "# What the data holds",
        "",
        "This page is generated from the bundled data each time the documentation is built.",
        "",
        f"The bundled data holds {len(ds.sources)} sources, {len(ds.agencies)} agencies, "
        f"{len(ds.people)} people, {len(ds.programs)} programs, {len(ds.measures)} measures, "
        f"{len(ds.statistics)} figures, {len(ds.events)} events and {len(ds.relations)} relations.",
        "",
        "## Sources",
        "",
    ]
    rows = []
    for s in sorted(ds.sources, key=lambda s: (str(s.published or ""), s.id)):
        edition = _Markup(f"edition of {_code(s.edition_of)}") if s.edition_of else ""
        rows.append(
            [
                _code(s.id),
                s.published or "",
                s.kind,
                s.title,
                s.publisher,
                figures[s.id],
                events[s.id],
                edition,
            ]
        )
    out += _table(["id", "published", "kind", "title", "publisher", "figures", "events", ""], rows)
    out += [
        "## The measure vocabulary",
        "",
        "Figures are comparable only when they share a measure. Indented measures are part of "
        "the one above them (`part_of`); a share names the count it is a share of.",
        "",
    ]

    children: dict[str | None, list[gunflow.Measure]] = {}
    for m in ds.measures:
        children.setdefault(m.part_of, []).append(m)

    def walk(parent: str | None, depth: int) -> None:
        for m in children.get(parent, []):
            extra = f"; share of `{m.denominator}`" if m.denominator else ""
            extra += f"; change of `{m.change_of}`" if m.change_of else ""
            count = per_measure[m.id]
            out.append(
                f"{'  ' * depth}- `{m.id}` ({m.kind}, {m.unit}; {count} "
                f"figure{'' if count == 1 else 's'}{extra}): {_text(m.population)}"
            )
            walk(m.id, depth + 1)

    walk(None, 0)
    out += ["", "## Timeline", ""]

    def when(event: gunflow.Event) -> tuple[bool, str, str]:
        day = (event.when.first_day() or event.when.last_day()) if event.when else None
        return (day is None, str(day or ""), event.id)

    dated = sorted(ds.events, key=when)
    rows = [
        [
            str(e.when) if e.when else "undated",
            e.status,
            e.title,
            _Markup(", ".join(_code(s) for s in e.sources)),
        ]
        for e in dated
    ]
    out += _table(["when", "status", "event", "sources"], rows)
    out += ["## People", ""]
    rows = [[p.name, "; ".join(f"{r.title} ({r.source})" for r in p.roles)] for p in ds.people]
    out += _table(["name", "roles, as each source gives them"], rows)
    return "\n".join(out)


def _write(app: Any) -> None:
    Path(app.srcdir, PAGE).write_text(render(gunflow.load()), encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    """Register the page writer with Sphinx."""
    app.connect("builder-inited", _write)
    return {"parallel_read_safe": True}
