"""The consistency report as HTML: one standalone page, or a fragment for a notebook.

Everything from the data (quotes, titles, notes, explanations, addresses, ids) is escaped; an
address is linked only when it is ``http`` or ``https``; the page allows no script at all
(its Content-Security-Policy), and needs none: intervals are drawn in inline SVG.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from gunflow._picture import Bar, End, bars, labels
from gunflow._terminal import SECTIONS, by_cause, section, shown, totals
from gunflow.checks import Finding, Report, Severity
from gunflow.model import Interval, Source, Statistic

__all__ = ["CONTENT_SECURITY_POLICY", "link", "report_html", "text"]

#: No script, no network: only the page's own inline styles and inline pictures.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)

_COLOURS = {"error": "#b3261e", "warning": "#8a5a00", "info": "#1a5fb4"}

_STYLE = """
.gunflow-report { font: 15px/1.5 system-ui, sans-serif; color: #1d1d1f; max-width: 60rem; }
.gunflow-report h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
.gunflow-report h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ddd; }
.gunflow-report .totals { font-size: 1.05rem; }
.gunflow-report .rules { color: #555; font-size: .9rem; }
.gunflow-report .finding { border: 1px solid #ddd; border-left: 6px solid var(--c);
  border-radius: 4px; padding: .6rem 1rem; margin: .8rem 0; }
.gunflow-report .tag { display: inline-block; font-size: .8rem; font-weight: 600;
  color: #fff; background: var(--c); border-radius: 3px; padding: 0 .4rem; margin-right: .4rem; }
.gunflow-report .tag.ack { background: #555; }
.gunflow-report .rule { font-family: ui-monospace, monospace; font-size: .85rem; color: #555; }
.gunflow-report .message { margin: .4rem 0; font-weight: 500; }
.gunflow-report .why { background: #f6f6f6; padding: .4rem .7rem; border-radius: 3px; }
.gunflow-report svg { display: block; max-width: 100%; height: auto; margin: .4rem 0; }
.gunflow-report ul.figures { list-style: none; padding: 0; }
.gunflow-report ul.figures > li { margin: .7rem 0; }
.gunflow-report .id { font-family: ui-monospace, monospace; font-size: .8rem; color: #555;
  overflow-wrap: anywhere; }
.gunflow-report blockquote { margin: .2rem 0 .2rem 1rem; padding-left: .7rem;
  border-left: 3px solid #ccc; font-style: italic; }
.gunflow-report .note { color: #555; font-size: .9rem; }
.gunflow-report .address { overflow-wrap: anywhere; }
.gunflow-report .cause { margin: 1.2rem 0 .2rem; font-weight: 600; }
.gunflow-report .cause .label { display: block; font-weight: 400; color: #555; }
"""


def text(value: object) -> str:
    """*value* as HTML text: every ``<``, ``>``, ``&`` and quote escaped."""
    return html.escape(str(value), quote=True)


def link(address: str, label: str) -> str:
    """*label* linked to *address* when it is http(s); else the label and the address as text."""
    if urlsplit(address.strip()).scheme.lower() in {"http", "https"}:
        return f'<a href="{text(address)}" rel="noopener noreferrer">{text(label)}</a>'
    return f'{text(label)} <span class="address">({text(address)})</span>'


# --- the intervals, drawn -------------------------------------------------------------------

_LABEL_WIDTH, _BAR_LEFT, _BAR_WIDTH, _ROW = 210, 220, 300, 28


def _end(x: float, y: float, end: End, pointing: int, colour: str) -> str:
    if end is End.UNBOUNDED:
        tip = x + 8 * pointing
        return f'<polygon points="{tip},{y} {x},{y - 5} {x},{y + 5}" fill="{colour}"/>'
    fill = colour if end is End.CLOSED else "#fff"
    return (
        f'<circle cx="{x:.1f}" cy="{y}" r="4.5" fill="{fill}" stroke="{colour}" stroke-width="2"/>'
    )


def _short(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def intervals_svg(intervals: Sequence[Interval], labels: Sequence[str], colour: str) -> str:
    """Each interval on a number line, with its label on the left and its ends on the right."""
    drawn: list[Bar] = bars(intervals)
    height = _ROW * len(drawn) + 8
    width = _BAR_LEFT + _BAR_WIDTH + 170
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" font-family="system-ui, sans-serif" '
        'font-size="12">'
    ]
    for row, (bar, interval, label) in enumerate(zip(drawn, intervals, labels, strict=True)):
        y = _ROW * row + _ROW // 2 + 4
        x0 = _BAR_LEFT + _BAR_WIDTH * bar.view.position(bar.low)
        x1 = _BAR_LEFT + _BAR_WIDTH * bar.view.position(bar.high)
        parts += [
            f"<g><title>{text(label)}: {text(interval)}</title>",
            f'<text x="{_LABEL_WIDTH}" y="{y + 4}" text-anchor="end">{text(_short(label))}</text>',
            f'<line x1="{_BAR_LEFT}" y1="{y}" x2="{_BAR_LEFT + _BAR_WIDTH}" y2="{y}" '
            'stroke="#ddd"/>',
            f'<line x1="{x0:.1f}" y1="{y}" x2="{x1:.1f}" y2="{y}" stroke="{colour}" '
            'stroke-width="5"/>',
            _end(x0, y, bar.low_end, -1, colour),
            _end(x1, y, bar.high_end, 1, colour),
            f'<text x="{_BAR_LEFT + _BAR_WIDTH + 24}" y="{y + 4}">{text(interval)}</text></g>',
        ]
    parts.append("</svg>")
    return "".join(parts)


# --- findings and the page ------------------------------------------------------------------


def _source(statistic: Statistic, sources: Mapping[str, Source]) -> str:
    source = sources.get(statistic.source)
    if source is None:
        return f'<span class="id">{text(statistic.source)}</span>'
    when = f", {text(source.published)}" if source.published else ""
    name = f"{source.publisher}: {source.title}"
    shown = link(source.url, name) if source.url else text(name)
    return f"{shown}{when}"


def _statistic(statistic: Statistic, sources: Mapping[str, Source], quote: bool) -> str:
    period = f" for {text(statistic.period)}" if statistic.period else ""
    note = f'<div class="note">{text(statistic.note)}</div>' if statistic.note else ""
    said = f"<blockquote>{text(statistic.said())}</blockquote>" if quote else ""
    return (
        f"<li><div><strong>{text(statistic.quantity)}</strong>, read as "
        f"{text(statistic.quantity.bounds())}{period}</div>"
        f'<div class="id">{text(statistic.id)}</div>'
        f"<div>{_source(statistic, sources)}</div>{said}{note}</li>"
    )


def _finding(finding: Finding, sources: Mapping[str, Source]) -> str:
    colour = _COLOURS[str(finding.severity)]
    acknowledged = '<span class="tag ack">acknowledged</span>' if finding.acknowledged else ""
    parts = [
        f'<article class="finding" data-severity="{text(finding.severity)}" style="--c: {colour}">',
        f'<div><span class="tag">{text(finding.severity)}</span>{acknowledged}'
        f'<span class="rule">{text(finding.rule)}</span></div>',
        f'<p class="message">{text(finding.message)}</p>',
    ]
    if finding.intervals:
        parts.append(intervals_svg(finding.intervals, labels(finding), colour))
    if finding.acknowledgement is not None:
        parts.append(
            f'<p class="why"><strong>Why:</strong> {text(finding.acknowledgement.explanation)}</p>'
        )
    seen: set[str] = set()
    items = []
    for statistic in finding.statistics:  # a quote shared by two figures is shown once
        items.append(_statistic(statistic, sources, statistic.said() not in seen))
        seen.add(statistic.said())
    if items:
        parts.append(f'<ul class="figures">{"".join(items)}</ul>')
    parts.append("</article>")
    return "".join(parts)


def _left_out(min_severity: Severity, hide_acknowledged: bool) -> str:
    """A line saying which findings the page leaves out, if any."""
    out = [f"{s}s" for s in Severity if s.rank > min_severity.rank]
    if hide_acknowledged:
        out.append("acknowledged findings")
    if not out:
        return ""
    return f'<p class="rules">Not shown (still counted): {text(", ".join(out))}.</p>'


def report_body(
    report: Report,
    *,
    min_severity: Severity = Severity.INFO,
    hide_acknowledged: bool = False,
) -> str:
    """The report as an HTML fragment with its own style: what a notebook shows.

    Args:
        report: the report to show; its sources name and link each figure's source.
        min_severity: leave out findings below this severity.
        hide_acknowledged: leave out acknowledged findings (they are still counted).

    """
    sources = report.sources
    parts = [
        f'<div class="gunflow-report"><style>{_STYLE}</style>',
        "<h1>gunflow consistency report</h1>",
        f'<p class="totals">{text(totals(report))}</p>',
        f'<p class="rules">Rules run: {text(", ".join(report.rules))}</p>',
        _left_out(min_severity, hide_acknowledged),
    ]
    for title, severity, acknowledged in SECTIONS:
        found = [
            f
            for f in section(report, severity, acknowledged)
            if shown(f, min_severity, hide_acknowledged)
        ]
        if found:
            parts.append(f"<section><h2>{text(title.capitalize())} ({len(found)})</h2>")
            for suspect, findings in by_cause(report, found):
                if suspect is not None:
                    parts.append(
                        f'<p class="cause">Likely cause: {text(suspect.summary())}'
                        f'<span class="label">{text(suspect.label)} '
                        f'<span class="id">{text(suspect.id)}</span></span></p>'
                    )
                parts += [_finding(f, sources) for f in findings]
            parts.append("</section>")
    if not report:
        parts.append("<p>No findings.</p>")
    parts.append("</div>")
    return "".join(parts)


def report_html(
    report: Report,
    *,
    min_severity: Severity = Severity.INFO,
    hide_acknowledged: bool = False,
) -> str:
    """The report as one standalone page: inline style and pictures, no script, no network.

    Takes the arguments of :func:`report_body`.
    """
    body = report_body(report, min_severity=min_severity, hide_acknowledged=hide_acknowledged)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>gunflow consistency report: {text(totals(report))}</title>"
        "<style>body { margin: 2rem auto; padding: 0 1rem; max-width: 60rem; }</style>"
        f"</head><body>{body}</body></html>\n"
    )
