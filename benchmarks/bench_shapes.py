"""How each rule grows with the shapes real data takes: large groups, long series, many sources.

Run: python benchmarks/bench_shapes.py [SHAPE or RULE ...]  (figures go in docs/performance.md)

Each shape is built at n and 4n figures, and every rule is timed on both alone
(``check(ds, rules=[name])``). The ratio of the two times says how the rule grows: about 4 is
linear (or n log n), about 16 is quadratic. Shapes:

- one group: n figures of one measure, place and period (a figure the press repeats), from
  n / 10 sources, all agreeing;
- running total: n counts "since January 2000", one per day, rising, from two sources;
- many sources: n articles, each citing one report and each giving the report's figure for one
  measure and period (so no two of them are independent of each other).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pendulum

sys.path.insert(0, str(Path(__file__).parent))

from timing import best_of

import gunflow as gf

SIZES = (1_000, 4_000)
LIMIT = 60.0  # seconds: a rule slower than this at n is not run at 4n


def _source(id: str, cites: tuple[str, ...] = ()) -> gf.Source:
    return gf.Source(
        id=id,
        kind="news_article",
        title=id,
        publisher=id.title(),
        published=gf.PartialDate(year=2030),
        cites=cites,
    )


def _figure(
    id: str, source: str, value: int, period: str, as_of: str = "2025", measure: str = "flow"
) -> gf.Statistic:
    written = f"{value:,}"
    return gf.Statistic(
        id=id,
        measure=measure,
        source=source,
        quote=f"There were {written}.",
        quantity=gf.Quantity(value=value, unit="count", written=written, resolution=1),
        period=gf.Period.parse(period),
        as_of=gf.PartialDate.parse(as_of),
    )


FLOW = gf.Measure(id="flow", label="flow", kind="count", unit="count", population="flow")


def one_group(n: int) -> gf.Dataset:
    """*n* agreeing figures of one measure, place and period from n / 10 sources."""
    sources = [_source(f"src{i}") for i in range(max(2, n // 10))]
    figures = [
        _figure(f"f{i}", sources[i % len(sources)].id, 1000 + i % 2, "2019") for i in range(n)
    ]
    return gf.Dataset.from_records([FLOW, *sources, *figures])  # type: ignore[list-item]


def running_total(n: int) -> gf.Dataset:
    """*n* rising counts since January 2000, one as of each day."""
    sources = [_source("src-a"), _source("src-b")]
    start = pendulum.date(2000, 1, 1)
    figures = [
        _figure(
            f"r{i}",
            sources[i % 2].id,
            100 + 3 * i,
            "2000-01/",
            as_of=start.add(days=i).to_date_string(),
        )
        for i in range(n)
    ]
    return gf.Dataset.from_records([FLOW, *sources, *figures])  # type: ignore[list-item]


def many_sources(n: int) -> gf.Dataset:
    """*n* articles citing one report, each repeating its figure."""
    report = _source("the-report")
    articles = [_source(f"article{i}", cites=("the-report",)) for i in range(n)]
    figures = [_figure(f"a{i}", articles[i].id, 5000, "2019") for i in range(n)]
    return gf.Dataset.from_records([FLOW, report, *articles, *figures])  # type: ignore[list-item]


SHAPES: dict[str, Callable[[int], gf.Dataset]] = {
    "one group": one_group,
    "running total": running_total,
    "many sources": many_sources,
}


def main(only: list[str]) -> None:
    """Print, per shape and rule, the time at n and 4n and their ratio.

    *only* names the shapes (``"running total"``) or rules to run; all of them if empty.
    """
    shapes = [s for s in SHAPES if s in only] or list(SHAPES)
    rules = [r for r in gf.RULES if r.name in only] or list(gf.RULES)
    print(f"{'shape':<14} {'rule':<18} {SIZES[0]:>9,} s {SIZES[1]:>9,} s {'ratio':>7}")
    for shape in shapes:
        small, large = SHAPES[shape](SIZES[0]), SHAPES[shape](SIZES[1])
        skipped = False
        for rule in rules:
            first = best_of(3, lambda ds=small, r=rule.name: gf.check(ds, rules=[r]))
            if first > LIMIT / 16:
                print(f"{shape:<14} {rule.name:<18} {first:>11.3f} {'(skipped)':>11}")
                skipped = True
                continue
            runs = 3 if first < 0.5 else 1  # the best of three leaves out a cold first run
            second = best_of(runs, lambda ds=large, r=rule.name: gf.check(ds, rules=[r]))
            ratio = second / first if first > 0 else float("nan")
            print(f"{shape:<14} {rule.name:<18} {first:>11.3f} {second:>11.3f} {ratio:>7.1f}")
        if len(rules) < len(gf.RULES) or skipped:  # the whole check would take too long
            continue
        whole_small = best_of(1, lambda ds=small: gf.check(ds))
        whole_large = best_of(1, lambda ds=large: gf.check(ds))
        print(
            f"{shape:<14} {'(all rules)':<18} {whole_small:>11.3f} {whole_large:>11.3f} "
            f"{whole_large / whole_small:>7.1f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
