"""The command line: ``python -m gunflow [summary | verify-quotes DIR]``."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from gunflow._verify import verify_quotes
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
    verify = commands.add_parser(
        "verify-quotes",
        help="check every quote verbatim against a folder of source texts",
        description="Check every quote, character for character, against the text files that "
        "the source records name (Source.text_file), kept in DIR. Exits 1 on any mismatch.",
    )
    verify.add_argument("folder", metavar="DIR", help="the folder holding the source texts")
    return parser


def _verify_quotes(dataset: Dataset, folder: str) -> int:
    if not Path(folder).is_dir():
        print(f"verify-quotes: {folder} is not a folder", file=sys.stderr)
        return 2
    checks = verify_quotes(dataset, folder)
    counts = Counter(c.status for c in checks)
    for check in checks:
        if check.status == "mismatch":
            print(f"MISMATCH {check.record} (in {check.file}): {check.quote}")
    print(
        f"{counts['ok']} quotes found verbatim, {counts['mismatch']} not found, "
        f"{counts['no text']} without a local text"
    )
    return 1 if counts["mismatch"] else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 2 bad data or usage)."""
    args = _parser().parse_args(argv)
    try:
        dataset = load(extra=args.data)
    except DataError as error:
        print(error, file=sys.stderr)
        return 2
    if args.command == "verify-quotes":
        return _verify_quotes(dataset, args.folder)
    print(_summary(dataset))
    return 0
