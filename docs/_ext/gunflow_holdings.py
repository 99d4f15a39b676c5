"""Sphinx extension: write the page "What the data holds" from the bundled data at build time.

The page is generated on every build, so it cannot drift from the data.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import gunflow

PAGE = "data-holdings.md"
#: What the index page says the data covers, included there.
COVERAGE = "coverage.md"


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


def _address(url: str | None) -> str:
    """A source's address as a link when it is http(s), else as escaped text."""
    if not url:
        return ""
    if urlsplit(url.strip()).scheme.lower() in {"http", "https"}:
        return f"[{_text(urlsplit(url.strip()).hostname)}]({quote(url.strip(), safe=_URL_SAFE)})"
    return _text(url)


#: Characters an address keeps as they are; any other (spaces, brackets, quotes) is encoded.
_URL_SAFE = ":/?#@!$&*+,;=%~-._"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _years(days: list[Any]) -> str:
    first, last = min(days).year, max(days).year
    return str(first) if first == last else f"{first} to {last}"


def coverage(ds: gunflow.Dataset) -> str:
    """What the data covers, in a few sentences: sources, years, counts."""
    kinds = Counter(str(s.kind).replace("_", " ") for s in ds.sources)
    by_kind = ", ".join(_plural(n, kind) for kind, n in kinds.most_common())
    published = [s.published.first() for s in ds.sources if s.published]
    periods = [
        day
        for s in ds.statistics
        if s.period
        for day in (s.period.first_day(), s.period.last_day(s.as_of))
        if day is not None
    ]
    dated = [d for e in ds.events if e.when for d in (e.when.first_day(),) if d is not None]
    publishers = len({s.publisher for s in ds.sources})
    return "\n".join(
        [
            f"The bundled data holds {_plural(len(ds.statistics), 'figure')} and "
            f"{_plural(len(ds.events), 'event')} from {_plural(len(ds.sources), 'source')} "
            f"by {publishers} publishers ({by_kind}), published from {_years(published)}.",
            f"The figures cover periods from {_years(periods)}; the events run from "
            f"{_years(dated)}. They name {len(ds.agencies)} agencies, "
            f"{len(ds.people)} people and "
            f"{_plural(len(ds.programs), 'program')}, and use "
            f"{_plural(len(ds.measures), 'measure')}. "
            "[What the data holds](data-holdings.md) lists every source and figure.",
            "",
        ]
    )


def _figures(ds: gunflow.Dataset, sources: list[gunflow.Source]) -> list[str]:
    """Every figure, by source: as written, interval, period, measure, id, then the quote."""
    by_source: dict[str, list[gunflow.Statistic]] = {}
    for statistic in ds.statistics:
        by_source.setdefault(statistic.source, []).append(statistic)
    out = [
        "## The figures",
        "",
        "Every figure, by source: as written, the interval it is read as, the period it is for, "
        "its measure and id, then the source's words.",
        "",
    ]
    for source in sources:
        figures = by_source.get(source.id, [])
        if not figures:
            continue
        when = f", {_text(source.published)}" if source.published else ""
        out += [
            f"### {_text(source.publisher)}{when}: {_text(source.title)}",
            "",
            f"`{source.id}`" + (f" · {_address(source.url)}" if source.url else ""),
            "",
        ]
        for s in figures:
            period = f" · for {_text(s.period)}" if s.period else ""
            out += [
                f"- **{_text(s.quantity)}** {_text(s.quantity.bounds())}{period} · "
                f"{_code(s.measure)} · {_code(s.id)}",
                "",
                f"  > “{_text(s.quote)}”",
                "",
            ]
    return out


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
    ordered = sorted(ds.sources, key=lambda s: (s.published is None, str(s.published), s.id))
    for s in ordered:
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
    for row in rows:
        number = "" if row[5] == 0 else f"; {_plural(int(str(row[5])), 'figure')}"
        number += "" if row[6] == 0 else f"; {_plural(int(str(row[6])), 'event')}"
        edition = f"; {row[7]}" if row[7] else ""
        out += [
            f"- {row[0]} ({_text(row[1]) or 'undated'}, {_text(str(row[2]).replace('_', ' '))}): "
            f"{_text(row[4])}, "
            f"*{_text(row[3])}*{number}{edition}"
        ]
    out.append("")
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
    out += _figures(ds, ordered)
    out += ["## People", ""]
    rows = [[p.name, "; ".join(f"{r.title} ({r.source})" for r in p.roles)] for p in ds.people]
    out += _table(["name", "roles, as each source gives them"], rows)
    return "\n".join(out)


def _write(app: Any) -> None:
    data = gunflow.load()
    Path(app.srcdir, PAGE).write_text(render(data), encoding="utf-8")
    Path(app.srcdir, COVERAGE).write_text(coverage(data), encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    """Register the page writer with Sphinx."""
    app.connect("builder-inited", _write)
    return {"parallel_read_safe": True}
