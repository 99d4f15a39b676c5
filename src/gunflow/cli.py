"""The command line: ``python -m gunflow [summary | check | verify-quotes DIR]``."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from gunflow._verify import verify_quotes
from gunflow.checks import Finding, Report, Severity, check
from gunflow.dataset import Dataset, load
from gunflow.errors import DataError

__all__ = ["main"]


def _summary(dataset: Dataset) -> str:
    lines = ["gunflow: what the bundled data holds", ""]
    width = max(len(name) for name in ("sources", "statistics", "relations"))
    for name in (
        "sources",
        "agencies",
        "people",
        "programs",
        "measures",
        "statistics",
        "events",
        "relations",
    ):
        lines.append(f"  {name:<{width + 2}}{len(getattr(dataset, name)):>5}")
    figures = Counter(s.source for s in dataset.statistics)
    lines += ["", "Sources (figures recorded):"]
    for source in dataset.sources:
        date = str(source.published) if source.published else "undated"
        lines.append(f"  {source.id:<34} {date:<10} {figures[source.id]:>3}  {source.title}")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m gunflow",
        description="Reported figures on U.S. firearms flowing into Mexico, with their sources.",
    )
    parser.add_argument(
        "--data",
        action="append",
        default=[],
        metavar="FILE",
        help="a TOML file of your own records to load with the bundled data (repeatable)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("summary", help="count what the data holds (the default)")
    check = commands.add_parser(
        "check",
        help="check the reported figures against each other (exit 1 on unacknowledged errors)",
        description="Run the consistency checks over the bundled data and any --data files, "
        "print the findings grouped by rule, and exit 1 when an error is unacknowledged.",
    )
    check.add_argument(
        "--data",
        action="append",
        default=[],
        metavar="FILE",
        dest="check_data",
        help="a TOML file of your own records (repeatable)",
    )
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (the default), json for scripts",
    )
    check.add_argument(
        "--min-severity",
        choices=("error", "warning", "info"),
        default="info",
        help="leave out findings below this severity (default: show everything)",
    )
    check.add_argument(
        "--rule",
        action="append",
        metavar="NAME",
        help="run only this rule (repeatable); see `python -m gunflow rules`",
    )
    verify = commands.add_parser(
        "verify-quotes",
        help="check every quote verbatim against a folder of source texts",
        description="Check every quote, character for character, against the text files that "
        "the source records name (Source.text_file), kept in DIR. Exits 1 on any mismatch.",
    )
    verify.add_argument("folder", metavar="DIR", help="the folder holding the source texts")
    return parser


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _render_report(report: Report, min_severity: Severity) -> str:
    shown = [f for f in report if f.severity.rank <= min_severity.rank]
    unacknowledged = len(report.unacknowledged_errors)
    lines = [
        f"gunflow check: {_count(len(report.errors), 'error')} ({unacknowledged} unacknowledged), "
        f"{_count(len(report.warnings), 'warning')}, {_count(len(report.infos), 'info')}; "
        f"rules: {', '.join(report.rules)}",
    ]
    by_rule: dict[str, list[Finding]] = {}
    for finding in shown:
        by_rule.setdefault(finding.rule, []).append(finding)
    for rule in report.rules:
        if rule not in by_rule:
            continue
        lines += ["", f"== {rule}"]
        for finding in by_rule[rule]:
            mark = "acknowledged " if finding.acknowledged else ""
            lines.append(f"{mark}{finding.severity}: {finding.message}")
            if finding.acknowledgement is not None:
                lines.append(f"    why: {finding.acknowledgement.explanation}")
            for statistic in finding.statistics:
                lines.append(f'    - {statistic.id}: "{statistic.quote}"')
    return "\n".join(lines)


def _check(dataset: Dataset, args: argparse.Namespace) -> int:
    try:
        report = check(dataset, rules=args.rule)
    except ValueError as error:
        print(f"check: {error}", file=sys.stderr)
        return 2
    minimum = Severity(args.min_severity)
    if args.format == "json":
        data = report.to_dict()
        data["findings"] = [f.to_dict() for f in report if f.severity.rank <= minimum.rank]
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(_render_report(report, minimum))
    return 1 if report.unacknowledged_errors else 0


def _verify_quotes(dataset: Dataset, folder: str) -> int:
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
    return 1 if counts["mismatch"] else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    0: done (for ``check``: no unacknowledged error); 1: ``check`` found unacknowledged errors,
    or ``verify-quotes`` a quote not in its text; 2: bad data or usage.
    """
    args = _parser().parse_args(argv)
    try:
        dataset = load(extra=[*args.data, *getattr(args, "check_data", [])])
    except DataError as error:
        print(error, file=sys.stderr)
        return 2
    if args.command == "check":
        return _check(dataset, args)
    if args.command == "verify-quotes":
        return _verify_quotes(dataset, args.folder)
    print(_summary(dataset))
    return 0
