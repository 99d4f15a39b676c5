"""Consistent synthetic datasets of any size, for the benchmarks (no hypothesis needed)."""

from __future__ import annotations

import random

import gunflow as gf

SOURCES = (
    gf.Source(
        id="bench-a",
        kind="dataset",
        title="A",
        publisher="Alpha",
        published=gf.PartialDate(year=2030),
    ),
    gf.Source(
        id="bench-b",
        kind="dataset",
        title="B",
        publisher="Beta",
        published=gf.PartialDate(year=2030),
    ),
)

_PER_GROUP = 8  # statistics per group: two wholes, three parts, three shares


def _figure(
    id: str, measure: str, value: int, year: int, source: str, unit: str = "count"
) -> gf.Statistic:
    written = f"{value:,}"
    return gf.Statistic(
        id=id,
        measure=measure,
        source=source,
        quote=f"There were {written}.",
        quantity=gf.Quantity(value=value, unit=unit, written=written, resolution=1),
        period=gf.Period(start=gf.PartialDate(year=year), end=gf.PartialDate(year=year)),
        as_of=gf.PartialDate(year=year + 1),
        basis="count",
    )


def records(statistics: int, seed: int = 1) -> list[object]:
    """About *statistics* consistent statistics, with their measures and two sources."""
    rng = random.Random(seed)
    out: list[object] = list(SOURCES)
    for g in range(max(1, statistics // _PER_GROUP)):
        whole, parts = f"g{g}.total", (f"g{g}.a", f"g{g}.b", f"g{g}.c")
        out.append(
            gf.Measure(
                id=whole, label=whole, kind="count", unit="count", population=whole, parts=parts
            )
        )
        for part in parts:
            out.append(
                gf.Measure(
                    id=part, label=part, kind="count", unit="count", population=part, part_of=whole
                )
            )
            out.append(
                gf.Measure(
                    id=f"{part}.share",
                    label=part,
                    kind="share",
                    unit="percent",
                    population=part,
                    numerator=part,
                    denominator=whole,
                )
            )
        year = rng.randrange(2000, 2025)
        cut = sorted(rng.sample(range(1, 100), 2))
        shares = [cut[0], cut[1] - cut[0], 100 - cut[1]]  # whole percents adding up to 100
        scale = rng.randrange(10, 10**4)
        values = [share * scale for share in shares]
        total = 100 * scale
        out.append(_figure(f"g{g}/total-a", whole, total, year, "bench-a"))
        out.append(_figure(f"g{g}/total-b", whole, total, year, "bench-b"))
        for i, (part, value) in enumerate(zip(parts, values, strict=True)):
            out.append(_figure(f"g{g}/part-{i}", part, value, year, "bench-a"))
        for i, (part, share) in enumerate(zip(parts, shares, strict=True)):
            out.append(
                _figure(f"g{g}/share-{i}", f"{part}.share", share, year, "bench-b", "percent")
            )
    return out


def dataset(statistics: int, seed: int = 1) -> gf.Dataset:
    """A consistent dataset of about *statistics* statistics."""
    return gf.Dataset.from_records(records(statistics, seed))  # type: ignore[arg-type]
