"""The library's speed targets, each a ratio measured in one run (robust on a noisy machine).

Run: python benchmarks/bench_library.py  (pandas is needed for the last row only)

| target | limit |
|---|---|
| import gunflow / import attrs, cattrs, pendulum | 1.25 |
| first gunflow.load() / tomllib parsing the same files | 3 |
| check() on the bundled data / first load() | 1 |
| filter(measure=...) over 100,000 statistics / the same selection in pandas | 1 |
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import dataset
from timing import best_of

import gunflow

RUNS = 7


def _in_fresh_process(code: str, setup: str = "pass") -> float:
    """Seconds *code* takes in a new interpreter, measured inside it (startup excluded)."""
    timed = f"{setup}; import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
    out = subprocess.run(
        [sys.executable, "-c", timed], capture_output=True, text=True, check=True
    ).stdout
    return float(out.strip().splitlines()[-1])


def median_fresh(code: str) -> float:
    return statistics.median(_in_fresh_process(code) for _ in range(RUNS))


def median_fresh_after(setup: str, code: str) -> float:
    """Like :func:`median_fresh`, with *setup* run (untimed) first in the same process."""
    return statistics.median(_in_fresh_process(code, setup) for _ in range(RUNS))


def bundled_texts() -> list[str]:
    texts = []

    def walk(folder: object) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):  # type: ignore[attr-defined]
            if entry.is_dir():
                walk(entry)
            elif entry.name.endswith(".toml"):
                texts.append(entry.read_text(encoding="utf-8"))

    walk(resources.files("gunflow.data"))
    return texts


def main() -> None:
    rows = []
    deps = median_fresh("import attrs, cattrs, pendulum")
    ours = median_fresh("import gunflow")
    used = median_fresh("import gunflow; gunflow.Statistic")
    rows.append(("import gunflow", ours, "import attrs, cattrs, pendulum", deps, 1.25))
    rows.append(
        ("import + first use of a class", used, "import attrs, cattrs, pendulum", deps, None)
    )

    # dependencies imported first: their cost is the import row's baseline, not the load's
    load = median_fresh_after("import attrs, cattrs, pendulum", "import gunflow; gunflow.load()")
    texts = bundled_texts()
    parse = best_of(RUNS, lambda: [tomllib.loads(t) for t in texts])
    rows.append(("first gunflow.load()", load, "tomllib on the same files", parse, 3.0))

    ds = gunflow.load()
    check = best_of(RUNS, lambda: gunflow.check(ds))
    rows.append(("check() on the bundled data", check, "first gunflow.load()", load, 1.0))

    big = dataset(100_000)
    measure = big.statistics[5000].measure
    big.statistics.filter(measure=measure)  # builds the index once, as a first query does
    ours_filter = best_of(RUNS, lambda: big.statistics.filter(measure=measure))
    try:
        import pandas as pd

        frame = pd.DataFrame(
            {"id": big.statistics.ids(), "measure": [s.measure for s in big.statistics]}
        )
        theirs = best_of(RUNS, lambda: frame[frame["measure"] == measure])
        rows.append(
            (
                "filter(measure=...) at 100,000",
                ours_filter,
                "pandas frame[frame.measure == ...]",
                theirs,
                1.0,
            )
        )
    except ImportError:
        rows.append(
            (
                "filter(measure=...) at 100,000",
                ours_filter,
                "pandas (not installed)",
                float("nan"),
                1.0,
            )
        )

    print(f"| {'measured':<34} | {'s':>8} | {'against':<36} | {'s':>8} | ratio | limit |")
    print(f"|{'-' * 36}|{'-' * 10}|{'-' * 38}|{'-' * 10}|-------|-------|")
    for name, a, other, b, limit in rows:
        ratio = a / b if b else float("nan")
        shown = "" if limit is None else f"{limit:g}"
        print(f"| {name:<34} | {a:>8.2g} | {other:<36} | {b:>8.2g} | {ratio:>5.2f} | {shown:>5} |")


if __name__ == "__main__":
    main()
