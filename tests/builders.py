"""Small records for the checks' tests, with every figure quoted as written."""

from __future__ import annotations

from decimal import Decimal

import gunflow as gf
from gunflow import strategies as gs

SOURCES = (
    gf.Source(
        id="s1",
        kind="dataset",
        title="First",
        publisher="Alpha",
        published=gf.PartialDate.parse("2020-12-31"),
    ),
    gf.Source(
        id="s2",
        kind="dataset",
        title="Second",
        publisher="Beta",
        published=gf.PartialDate.parse("2020-12-31"),
    ),
    gf.Source(
        id="s2-web",
        kind="dataset",
        title="Second, on the web",
        publisher="Beta",
        published=gf.PartialDate.parse("2020-12-31"),
        edition_of="s2",
    ),
)


def measure(id: str, kind: str = "count", unit: str = "count", **kw: object) -> gf.Measure:
    return gf.Measure(id=id, label=id, kind=kind, unit=unit, population=id, **kw)


def stat(
    id: str,
    measure: str,
    value: float | int | str,
    *,
    unit: str = "count",
    hedge: str = "exact",
    period: str | None = "2019",
    source: str = "s1",
    as_of: str = "2020-12",
    resolution: int | str | None = 1,
    **kw: object,
) -> gf.Statistic:
    words = "" if hedge == "exact" else f"{hedge} "
    written = f"{words}{value} {unit}"
    quantity = gf.Quantity(
        value=Decimal(str(value)), unit=unit, hedge=hedge, written=written, resolution=resolution
    )
    return gf.Statistic(
        id=id,
        measure=measure,
        quantity=quantity,
        source=source,
        quote=f"We found {written}.",
        period=gf.Period.parse(period) if period else None,
        as_of=gf.PartialDate.parse(as_of) if as_of else None,
        **kw,
    )


def dataset(*records: object) -> gf.Dataset:
    return gf.Dataset.from_records([*SOURCES, *records])  # type: ignore[list-item]


def run(ds: gf.Dataset, rule: str) -> gf.Report:
    return gf.check(ds, rules=[rule])


#: A user's file whose share contradicts Reuters' 70 percent for the same whole and years.
CONTRADICTION = """
[[source]]
id = "my-story"
kind = "news_article"
title = "My story"
publisher = "Me"
published = "2016-02"

[[statistic]]
id = "my-story/shares"
measure = "firearms.mx.submitted_for_tracing.us_origin.share"
quantity = { value = 90, unit = "percent", hedge = "more than", written = "more than 90 percent" }
period = "2009/2014"
as_of = "2016-01-11"
source = "my-story"
quote = "more than 90 percent came from the United States"
"""


#: A strategy for each kind of record, by the name of its table.
RECORD_STRATEGIES = {
    "source": gs.sources(),
    "agency": gs.agencies(),
    "person": gs.people(),
    "program": gs.programs(),
    "measure": gs.measures(),
    "statistic": gs.statistics(),
    "event": gs.events(),
    "relation": gs.relations(),
    "acknowledgement": gs.acknowledgements(),
}
