"""The command line: ``python -m gunflow [summary|verify-quotes DIR]``."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 2 bad data or usage)."""
    args = _parser().parse_args(argv)
    try:
        dataset = load(extra=args.data)
    except DataError as error:
        print(error, file=sys.stderr)
        return 2
    print(_summary(dataset))
    return 0
