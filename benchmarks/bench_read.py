"""read() of 100,000 figures against parsing the same file with the standard library.

Run: python benchmarks/bench_read.py [STATISTICS]  (default 100,000; figures in
docs/performance.md). The file is JSON lines, as ``gunflow export`` writes it.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import records
from timing import best_of

import gunflow
from gunflow import export


def main() -> None:
    """Write the file, time both readings, print the ratio."""
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "figures.jsonl"
        export.write_jsonl(records(size), path)

        def parse() -> object:
            with path.open(encoding="utf-8") as lines:
                return [json.loads(line) for line in lines]

        stdlib = best_of(3, parse)
        ours = best_of(2, lambda: gunflow.read(path))
        count = len(gunflow.read(path).statistics)
    print(f"{'statistics':>10} {'json s':>7} {'read() s':>8} {'ratio':>6}")
    print(f"{count:>10,} {stdlib:>7.2f} {ours:>8.2f} {ours / stdlib:>6.1f}")
    print("target: read() at most 3x the standard library's parsing")


if __name__ == "__main__":
    main()
