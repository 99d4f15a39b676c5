"""Text for a terminal: the width to wrap to, colour only where it helps, the report as text.

Plain :mod:`textwrap` does the layout: what the command line prints is blocks of wrapped text
with a hanging indent, which needs no layout library.
"""

from __future__ import annotations

import os
import re
import shutil
import textwrap
from collections.abc import Iterable, Sequence
from typing import ClassVar, TextIO

from gunflow.checks import Finding, Report, Severity, Suspect

__all__ = ["Style", "render_report", "shown", "width", "wrap"]

#: Report sections, in the order they are printed: what needs attention first.
SECTIONS = (
    ("unacknowledged errors", Severity.ERROR, False),
    ("acknowledged errors", Severity.ERROR, True),
    ("warnings", Severity.WARNING, None),
    ("infos", Severity.INFO, None),
)


def width() -> int:
    """The terminal's width (``COLUMNS`` when set), never below 40."""
    return max(40, shutil.get_terminal_size((100, 24)).columns)


#: An interval, "[63,000, 70,000]" or "(90, +∞)", around the one space it holds.
_INTERVAL = re.compile(r"([\[(][^\s\[\]()]*,) ([^\s\[\]()]+[\])])")
#: Stands for that space while wrapping: a private-use character, which textwrap never breaks at.
_KEPT_SPACE = "\ue000"


def wrap(text: str, indent: str = "", first: str | None = None, columns: int | None = None) -> str:
    """*text* wrapped to the width, after *first* (default *indent*), then *indent*.

    Long words (addresses, ids) are broken only when they cannot fit on a line of their own,
    and an interval is kept on one line.

    >>> print(wrap("read as [63,000, 70,000] guns", columns=20))
    read as
    [63,000, 70,000]
    guns
    """
    kept = _INTERVAL.sub(rf"\1{_KEPT_SPACE}\2", text)
    wrapped = textwrap.fill(
        kept,
        width=columns or width(),
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )
    return wrapped.replace(_KEPT_SPACE, " ")


class Style:
    """ANSI colour for a terminal; nothing when the output is not one, or ``NO_COLOR`` is set."""

    _CODES: ClassVar[dict[str, str]] = {
        "error": "31",
        "warning": "33",
        "info": "36",
        "bold": "1",
        "dim": "2",
    }

    def __init__(self, *, enabled: bool = False) -> None:
        """Colour when *enabled*; see :meth:`for_stream`."""
        self.enabled = enabled

    @classmethod
    def for_stream(cls, stream: TextIO) -> Style:
        """Colour only a terminal, and only when the user has not asked for none."""
        return cls(enabled=stream.isatty() and not os.environ.get("NO_COLOR"))

    def __call__(self, text: str, name: str) -> str:
        """*text* in the style *name* (``error``, ``warning``, ``info``, ``bold``, ``dim``)."""
        return f"\033[{self._CODES[name]}m{text}\033[0m" if self.enabled else text


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def totals(report: Report) -> str:
    """One line of totals: errors (and how many are unacknowledged), warnings, infos."""
    return (
        f"{_count(len(report.errors), 'error')} "
        f"({len(report.unacknowledged_errors)} unacknowledged), "
        f"{_count(len(report.warnings), 'warning')}, {_count(len(report.infos), 'info')}"
    )


def shown(finding: Finding, min_severity: Severity, hide_acknowledged: bool) -> bool:
    """Whether a report shown with these options shows *finding* (every count keeps it)."""
    return finding.severity.rank <= min_severity.rank and not (
        hide_acknowledged and finding.acknowledged
    )


def section(
    findings: Iterable[Finding], severity: Severity, acknowledged: bool | None
) -> list[Finding]:
    """The findings of one section of the report, in the report's order."""
    return [
        f
        for f in findings
        if f.severity is severity and (acknowledged is None or f.acknowledged == acknowledged)
    ]


#: Findings under the likely culprit they share, or under None.
Group = tuple[Suspect | None, list[Finding]]


def by_cause(report: Report, found: Sequence[Finding]) -> list[Group]:
    """Unacknowledged errors grouped under the culprit they share (:meth:`Report.suspects`).

    Each error goes under the first culprit, in rank, that it involves; errors under none
    come last, under None. Other findings are one group under None.
    """
    if not any(f.severity is Severity.ERROR and not f.acknowledged for f in found):
        return [(None, list(found))] if found else []
    groups: list[Group] = []
    left = list(found)
    for suspect in report.suspects():
        mine = [f for f in left if suspect.id in f.statistic_ids]
        if mine:
            groups.append((suspect, mine))
            left = [f for f in left if suspect.id not in f.statistic_ids]
    if left:
        groups.append((None, left))
    return groups


def _quotes(finding: Finding) -> list[tuple[list[str], str]]:
    """Each distinct quote (or working) once, with the ids of the statistics that share it."""
    grouped: dict[str, list[str]] = {}
    for statistic in finding.statistics:
        grouped.setdefault(statistic.said(), []).append(statistic.id)
    return [(ids, quote) for quote, ids in grouped.items()]


def _finding(finding: Finding, style: Style, columns: int) -> list[str]:
    head = f"[{finding.rule}]"
    # Wrapped without colour, then coloured: escape codes take no room on the screen.
    message = wrap(finding.message, "    ", first=f"  {head} ", columns=columns)
    lines = [message.replace(head, style(head, "bold"), 1)]
    if finding.acknowledgement is not None:
        lines.append(
            wrap(finding.acknowledgement.explanation, "        ", "    why: ", columns=columns)
        )
    for ids, quote in _quotes(finding):
        for number, statistic_id in enumerate(ids):
            lines.append(
                wrap(statistic_id, "        ", "    - " if number == 0 else "      ", columns)
            )
        lines.append(wrap(quote, "        ", columns=columns))
    return lines


def render_report(
    report: Report,
    *,
    min_severity: Severity = Severity.INFO,
    hide_acknowledged: bool = False,
    show_passed: bool = False,
    style: Style | None = None,
    columns: int | None = None,
) -> str:
    """The report as text: totals, then unacknowledged errors, acknowledged errors, warnings, infos.

    Args:
        report: the report to show.
        min_severity: leave out findings below this severity.
        hide_acknowledged: leave out acknowledged findings (they are still counted).
        show_passed: list every comparison that held, with its arithmetic, at the end.
        style: colours; none by default.
        columns: the width to wrap to (default: the terminal's).

    """
    style = style or Style()
    columns = columns or width()
    lines = [
        wrap(f"gunflow check: {totals(report)}", "    ", first="", columns=columns),
        wrap(f"rules run: {', '.join(report.rules)}", "    ", first="", columns=columns),
        wrap(f"compared: {compared(report)}", "    ", first="", columns=columns),
    ]
    for title, severity, acknowledged in SECTIONS:
        found = [
            f
            for f in section(report, severity, acknowledged)
            if shown(f, min_severity, hide_acknowledged)
        ]
        if not found:
            continue
        lines += ["", style(f"{title.upper()} ({len(found)})", severity.value)]
        for suspect, findings in by_cause(report, found):
            if suspect is not None:
                cause = wrap(f"likely cause: {suspect.summary()}", "  ", columns=columns)
                lines += ["", style(cause, "bold")]
                lines.append(wrap(f"{suspect.label} ({suspect.id})", "    ", columns=columns))
            for finding in findings:
                lines += ["", *_finding(finding, style, columns)]
    if show_passed and report.passed:
        lines += ["", style(f"PASSED ({len(report.passed)})", "bold")]
        lines += [wrap(f"[{p.rule}] {p.message}", "    ", columns=columns) for p in report.passed]
    return "\n".join(lines)


def compared(report: Report) -> str:
    """``1,234 comparisons, 1,200 held, 34 failed (partition 6/4/2, ...)``: rules that compared."""
    counts = [c for c in report.checked.values() if c.compared]
    made = sum(c.compared for c in counts)
    held = sum(c.passed for c in counts)
    per_rule = ", ".join(f"{c.rule} {c.passed:,} of {c.compared:,}" for c in counts)
    return f"{made:,} comparisons, {held:,} held, {made - held:,} failed" + (
        f" ({per_rule} held)" if per_rule else ""
    )


def block(fields: Sequence[tuple[str, str]], columns: int | None = None) -> str:
    """Labelled lines (``label: value``), each value wrapped under itself."""
    columns = columns or width()
    pad = max(len(label) for label, _ in fields) + 2
    return "\n".join(
        wrap(value, " " * (pad + 2), first=f"  {label + ':':<{pad}}", columns=columns)
        for label, value in fields
        if value
    )
