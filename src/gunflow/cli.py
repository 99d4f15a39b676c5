"""The command line: ``python -m gunflow COMMAND``.

Commands: ``summary`` (the default), ``sources``, ``stats``, ``timeline``, ``check``,
``export``, ``verify-quotes``. Each takes ``--data FILE`` (repeatable) to add a user's own
records; listings take ``--format json`` for scripts.

Exit status: 0 done; 1 ``check`` found an unacknowledged error, or ``verify-quotes`` a quote
that is not in its text; 2 bad data or usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from gunflow._collection import STATISTIC_CRITERIA
from gunflow._files import open_target
from gunflow._limits import Limits
from gunflow._loading import load
from gunflow._terminal import Style, block, render_report, shown, width, wrap
from gunflow._verify import verify_quotes
from gunflow.checks import Severity, check
from gunflow.dataset import COLLECTIONS, Dataset
from gunflow.errors import DataError, GunflowError
from gunflow.export import to_csl_json, to_records, write_csv, write_datapackage, write_jsonl
from gunflow.model import Source, Statistic

__all__ = ["main"]


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain text table that fits the terminal: the last column is cut to fit."""
    cells = [[str(c) for c in header], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header) - 1)]
    room = max(20, width() - sum(widths) - 2 * len(widths))
    lines = []
    for row in cells:
        last = row[-1] if len(row[-1]) <= room else row[-1][: room - 1] + "…"
        lines.append("  ".join([*(c.ljust(w) for c, w in zip(row, widths, strict=False)), last]))
    rule = "  ".join([*("-" * w for w in widths), "-" * min(room, len(lines[0]))])
    lines.insert(1, rule[: len(lines[0])] if len(header) > 1 else rule)
    return "\n".join(line.rstrip() for line in lines)


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


# --- summary, sources, stats, timeline ---------------------------------------------------


def _summary(dataset: Dataset, _args: argparse.Namespace) -> int:
    print("gunflow: what the data holds\n")
    rows = [[name, len(getattr(dataset, name))] for name in COLLECTIONS]
    print(_table(["records", "count"], rows))
    print()
    return _sources(dataset, argparse.Namespace(format="text"))


def _sources(dataset: Dataset, args: argparse.Namespace) -> int:
    figures = Counter(s.source for s in dataset.statistics)
    if args.format == "json":
        print(json.dumps(to_records(dataset.sources), indent=2, ensure_ascii=False))
        return 0
    rows = [
        [s.id, s.published or "undated", figures[s.id], f"{s.publisher}: {s.title}"]
        for s in dataset.sources.sorted("published")
    ]
    print(_table(["source", "published", "figures", "publisher: title"], rows))
    return 0


def _stats(dataset: Dataset, args: argparse.Namespace) -> int:
    criteria = {
        name: getattr(args, name)
        for name in sorted(STATISTIC_CRITERIA)
        if getattr(args, name) is not None
    }
    selected = dataset.statistics.filter(**criteria)
    if args.format == "json":
        print(json.dumps(to_records(selected), indent=2, ensure_ascii=False))
        return 0
    for statistic in selected:
        print(_figure(dataset, statistic), end="\n\n")
    print(_count(len(selected), "statistic"))
    return 0


def _figure(dataset: Dataset, statistic: Statistic) -> str:
    """One figure as a block: as written, its interval, measure, unit, period, source, quote."""
    measure = dataset.measures.get(statistic.measure)
    source = dataset.sources.get(statistic.source)
    published = f", {source.published}" if source.published else ""
    period = str(statistic.period) if statistic.period else ""
    if statistic.as_of:
        period = f"{period} (as of {statistic.as_of})" if period else f"as of {statistic.as_of}"
    fields = [
        ("as written", f"{statistic.quantity}, read as {statistic.quantity.bounds()}"),
        ("measure", f"{measure.label} ({measure.id})"),
        ("unit", str(statistic.quantity.unit)),
        ("period", period),
        ("place", statistic.place or measure.place or ""),
        ("source", f"{source.publisher}{published}: {source.title} ({source.id})"),
        ("quote" if statistic.quote else "working", statistic.said()),
        ("note", statistic.note or ""),
    ]
    return wrap(statistic.id) + "\n" + block(fields)


def _timeline(dataset: Dataset, args: argparse.Namespace) -> int:
    events = dataset.events.between(args.start, args.end)
    if args.format == "json":
        print(json.dumps(to_records(events), indent=2, ensure_ascii=False))
        return 0
    rows = [[str(e.when) if e.when else "undated", e.status, e.title] for e in events]
    print(_table(["when", "status", "event"], rows))
    return 0


def _series(dataset: Dataset, args: argparse.Namespace) -> int:
    found = dataset.series(args.measure, args.place)
    if args.format == "json":
        print(json.dumps(found.to_records(), indent=2, ensure_ascii=False))
        return 0
    if args.format == "csv":
        found.write_csv(sys.stdout, spreadsheet_safe=args.spreadsheet_safe)
        return 0
    rows = [
        [
            str(row.period),
            str(row.preferred.quantity),
            str(row.interval),
            _count(len(row.alternatives), "other") + ("" if row.agree else ", disagree"),
            f"{row.preferred.source} (as of {row.preferred.as_of})",
        ]
        for row in found
    ]
    print(f"{found.measure.label} ({found.measure.id}), place: {found.place or 'any'}\n")
    print(_table(["period", "figure", "read as", "alternatives", "source"], rows))
    print(f"\n{_count(len(found), 'period')}")
    return 0


# --- check ---------------------------------------------------------------------------------


def _check(dataset: Dataset, args: argparse.Namespace) -> int:
    report = check(dataset, rules=args.rule)
    if args.only or args.files:
        report = report.filter(files=[*args.only, *args.files])
    minimum = Severity(args.min_severity)
    if args.format == "json":
        data = report.to_dict()
        data["findings"] = [
            f.to_dict() for f in report if shown(f, minimum, args.hide_acknowledged)
        ]
        if args.show_passed:
            data["passed"] = [p.to_dict() for p in report.passed]
        print(json.dumps(data, indent=2, ensure_ascii=False))
    elif args.format == "html":
        from gunflow._html import report_html

        sys.stdout.write(
            report_html(report, min_severity=minimum, hide_acknowledged=args.hide_acknowledged)
        )
    else:
        style = Style.for_stream(sys.stdout)
        print(
            render_report(
                report,
                min_severity=minimum,
                hide_acknowledged=args.hide_acknowledged,
                show_passed=args.show_passed,
                style=style,
            )
        )
    return 1 if report.unacknowledged_errors else 0


# --- export, verify-quotes -----------------------------------------------------------------


def _export(dataset: Dataset, args: argparse.Namespace) -> int:
    collection = getattr(dataset, args.kind) if args.kind else None
    records = list(collection) if collection is not None else list(dataset.records())
    if args.output and args.path:
        raise ValueError("give the output once: --output FILE or PATH, not both")
    target = args.output or args.path or sys.stdout
    if args.format == "datapackage":
        folder = args.output or args.path
        if args.kind or not folder:
            raise ValueError(
                "datapackage writes every kind of record into a folder: give DIR, and no --kind"
            )
        write_datapackage(
            records, folder, spreadsheet_safe=args.spreadsheet_safe, overwrite=args.force
        )
    elif args.format == "jsonl":
        write_jsonl(records, target, overwrite=args.force)
    elif args.format == "csv":
        write_csv(records, target, spreadsheet_safe=args.spreadsheet_safe, overwrite=args.force)
    else:
        if args.kind not in (None, "sources"):
            raise ValueError("csl-json exports sources only: use --kind sources, or no --kind")
        sources = [r for r in records if isinstance(r, Source)]
        with open_target(target, overwrite=args.force) as stream:
            stream.write(json.dumps(to_csl_json(sources), indent=2, ensure_ascii=False) + "\n")
    return 0


def _verify_quotes(dataset: Dataset, args: argparse.Namespace) -> int:
    folder = args.folder
    if not Path(folder).is_dir():
        print(f"verify-quotes: {folder} is not a folder", file=sys.stderr)
        return 2
    checks = verify_quotes(dataset, folder)
    counts = Counter(c.status for c in checks)
    for outcome in checks:
        if outcome.status == "mismatch":
            print(f"MISMATCH {outcome.record} (in {outcome.file}): {outcome.quote}")
    print(
        f"{counts['ok']} quotes found verbatim, {counts['mismatch']} not found, "
        f"{counts['no text']} without a local text"
    )
    if not counts["ok"] and not counts["mismatch"]:
        print(
            f"verify-quotes: no quote verified: {folder} holds none of the text files the "
            "sources name (Source.text_file)",
            file=sys.stderr,
        )
        return 1
    return 1 if counts["mismatch"] else 0


def _version() -> str:
    from importlib.metadata import version

    return version("gunflow")


# --- the parser ----------------------------------------------------------------------------

Command = Callable[[Dataset, argparse.Namespace], int]


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data",
        action="append",
        default=[],
        metavar="FILE",
        dest="sub_data",  # apart from the top level's, so that neither overwrites the other
        help="a data file of your own (TOML or JSON lines) to load with the bundled data; "
        "repeatable",
    )
    listing = argparse.ArgumentParser(add_help=False)
    listing.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (the default), json for scripts",
    )
    parser = argparse.ArgumentParser(
        prog="python -m gunflow",
        description="Reported figures on U.S. firearms flowing into Mexico, with their sources, "
        "and checks of which cannot all be true.",
    )
    parser.add_argument(
        "--data",
        action="append",
        default=[],
        metavar="FILE",
        help="a data file of your own (TOML or JSON lines); repeatable, before or after COMMAND",
    )
    defaults = Limits()
    parser.add_argument(
        "--max-file-bytes",
        type=int,
        default=defaults.max_file_bytes,
        metavar="N",
        help=f"refuse a data file larger than N bytes (default {defaults.max_file_bytes:,}); "
        "before COMMAND",
    )
    parser.add_argument(
        "--max-line-chars",
        type=int,
        default=defaults.max_line_chars,
        metavar="N",
        help="refuse a line of JSON lines longer than N characters (default "
        f"{defaults.max_line_chars:,}); before COMMAND",
    )
    parser.add_argument("--version", action="version", version=f"gunflow {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("summary", parents=[common], help="what the data holds (the default)")
    commands.add_parser("sources", parents=[common, listing], help="the sources, by date")
    stats = commands.add_parser(
        "stats",
        parents=[common, listing],
        help="figures, filtered like Collection.filter",
        description="List statistics matching every criterion given.",
    )
    stats.add_argument("--measure", help="a measure id; narrower measures are included")
    stats.add_argument("--source", help="a source id")
    stats.add_argument("--cites", metavar="SOURCE", help="a source id: figures credited to it")
    stats.add_argument("--agency", help="an agency id: figures attributed to it")
    stats.add_argument("--person", help="a person id: figures attributed to them")
    stats.add_argument("--place", help="a place code (MX, US ...)")
    stats.add_argument("--during", metavar="PERIOD", help="within a period: 2009, 2007/2014")
    stats.add_argument("--overlapping", metavar="PERIOD", help="overlapping a period")
    stats.add_argument("--hedge", help="exact, about, nearly, 'more than' ...")
    timeline = commands.add_parser(
        "timeline", parents=[common, listing], help="events in date order"
    )
    timeline.add_argument("--from", dest="start", metavar="DATE", help="from this date")
    timeline.add_argument("--to", dest="end", metavar="DATE", help="to this date")
    series = commands.add_parser(
        "series",
        parents=[common],
        help="a measure's figures, one row per period, the preferred figure first",
        description="One row per period, in time order: the preferred figure (a primary "
        "source's over a relay's, the latest, the narrowest), how many others, and whether they "
        "agree.",
    )
    series.add_argument("measure", metavar="MEASURE", help="a measure id")
    series.add_argument("--place", help="a place code (default: the measure's own place)")
    series.add_argument("--format", choices=("text", "csv", "json"), default="text")
    series.add_argument(
        "--no-spreadsheet-safe",
        dest="spreadsheet_safe",
        action="store_false",
        help="csv: write cells starting with = + - @ as they are, for programs rather than "
        "spreadsheets",
    )
    check_parser = commands.add_parser(
        "check",
        parents=[common],
        help="check the figures against each other (exit 1 on unacknowledged errors)",
        description="Run the consistency checks and print the findings: unacknowledged errors "
        "first, then acknowledged errors, warnings and infos. Exits 1 when an error is "
        "unacknowledged. Colour on a terminal only (NO_COLOR turns it off); text wraps to the "
        "terminal's width (COLUMNS).",
    )
    check_parser.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default="text",
        help="text for people (the default), json for scripts, html for one standalone page",
    )
    check_parser.add_argument(
        "--min-severity",
        choices=("error", "warning", "info"),
        default="info",
        help="leave out findings below this severity (default: show everything)",
    )
    check_parser.add_argument(
        "--hide-acknowledged",
        action="store_true",
        help="leave out findings that the data explains (they are still counted)",
    )
    check_parser.add_argument(
        "--show-passed",
        action="store_true",
        help="list every comparison that held, with its arithmetic (counts are always shown)",
    )
    check_parser.add_argument(
        "--rule", action="append", metavar="NAME", help="run only this rule (repeatable)"
    )
    check_parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="FILE",
        help="keep the findings that involve figures of this file, loaded if --data does not "
        "name it (repeatable); the exit status follows what is kept",
    )
    check_parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="files to check as --only does (so that pre-commit can pass the files it checks)",
    )
    export = commands.add_parser(
        "export",
        parents=[common],
        help="write records as JSON lines, CSV, CSL-JSON or a Frictionless Data Package",
        description="Write records to a file or to standard output. JSON lines load back "
        "with gunflow.read() or --data. A data package (--format datapackage DIR) is a folder: "
        "a CSV per kind of record and datapackage.json, describing every table.",
    )
    export.add_argument(
        "--format", choices=("jsonl", "csv", "csl-json", "datapackage"), default="jsonl"
    )
    export.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="the file to write, as --output; for datapackage, the folder (made if missing)",
    )
    export.add_argument(
        "--kind",
        choices=COLLECTIONS,
        help="one collection (default: every record; csl-json: sources)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="a file (default: stdout)")
    export.add_argument(
        "--force", action="store_true", help="replace the output file (or files) if they exist"
    )
    export.add_argument(
        "--no-spreadsheet-safe",
        dest="spreadsheet_safe",
        action="store_false",
        help="csv, datapackage: write cells starting with = + - @ as they are, for programs "
        "rather than spreadsheets (by default they get a leading apostrophe, so no formula runs)",
    )
    commands.add_parser(
        "schema",
        help="print the JSON Schema of the data files, for editors that validate TOML",
        description="Print the JSON Schema of gunflow's data files (generated from the model), "
        "for Taplo or Even Better TOML: save it and name it in your editor's settings.",
    )
    verify = commands.add_parser(
        "verify-quotes",
        parents=[common],
        help="check every quote verbatim against a folder of source texts",
        description="Check every quote, character for character, against the text files that "
        "the source records name (Source.text_file), kept in DIR. Exits 1 on any mismatch.",
    )
    verify.add_argument("folder", metavar="DIR", help="the folder holding the source texts")
    return parser


def _schema(_dataset: Dataset, _args: argparse.Namespace) -> int:
    from gunflow._schema import schema_text

    sys.stdout.write(schema_text())
    return 0


_COMMANDS: dict[str, Command] = {
    "summary": _summary,
    "sources": _sources,
    "stats": _stats,
    "timeline": _timeline,
    "series": _series,
    "check": _check,
    "export": _export,
    "verify-quotes": _verify_quotes,
    "schema": _schema,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 done, 1 findings, 2 bad data or usage)."""
    args = _parser().parse_args(argv)
    command = args.command or "summary"
    try:
        files = [*args.data, *getattr(args, "sub_data", [])]
        given = {os.path.realpath(f) for f in files}
        scoped = [*getattr(args, "only", []), *getattr(args, "files", [])]
        files += [f for f in dict.fromkeys(scoped) if os.path.realpath(f) not in given]
        limits = Limits(max_file_bytes=args.max_file_bytes, max_line_chars=args.max_line_chars)
        dataset = load(extra=files, limits=limits)
        return _COMMANDS[command](dataset, args)
    except BrokenPipeError:  # the reader went away (| head): not an error of ours
        sys.stderr.close()
        return 0
    except DataError as error:
        print(error, file=sys.stderr)
        return 2
    except (GunflowError, ValueError, TypeError) as error:
        print(f"{command}: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # a file that cannot be written (no such folder, no permission)
        print(f"{command}: cannot write {error.filename}: {error.strerror}", file=sys.stderr)
        return 2
