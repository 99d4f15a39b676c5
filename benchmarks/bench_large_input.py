"""Loading a large JSON-lines file: time and peak memory against the file's size.

Run: python benchmarks/bench_large_input.py [STATISTICS]  (default 540,000: about 10^6 records)
Each size is loaded in a fresh process, so that the peak memory is the load's own. The figures
go in docs/security.md (Limits).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

LOAD = """
import resource, sys, time
import gunflow
start = time.perf_counter()
ds = gunflow.read(sys.argv[1], limits=gunflow.Limits(max_file_bytes=2**34))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(len(ds), seconds, peak)
"""


def main() -> None:
    """Write the file, load it in a fresh process, print the table."""
    from synthetic import records

    from gunflow import export

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 540_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.jsonl"
        export.write_jsonl(records(size), path)
        run = subprocess.run(
            [sys.executable, "-c", LOAD, str(path)], capture_output=True, text=True, check=True
        )
        count, seconds, peak = run.stdout.split()
        file_bytes = path.stat().st_size
    print(f"{'records':>10} {'file MB':>8} {'load s':>7} {'peak MB':>8} {'peak / file':>11}")
    print(
        f"{int(count):>10,} {file_bytes / 1e6:>8.0f} {float(seconds):>7.0f} "
        f"{int(peak) / 1e6:>8.0f} {int(peak) / file_bytes:>11.1f}"
    )


if __name__ == "__main__":
    main()
