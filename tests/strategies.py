"""Hypothesis strategies for every model class (the tests' own; issue 6 makes them public)."""

from __future__ import annotations

import datetime
import string
from decimal import Decimal

from hypothesis import strategies as st

import gunflow as gf

_SLUG = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8)
ids = st.builds("-".join, st.lists(_SLUG, min_size=1, max_size=3))
text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip() != "")
id_tuples = st.lists(ids, max_size=3, unique=True).map(tuple)


@st.composite
def partial_dates(draw: st.DrawFn) -> gf.PartialDate:
    day = draw(st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)))
    precision = draw(st.sampled_from(list(gf.Precision)))
    return gf.PartialDate(
        year=day.year,
        month=None if precision is gf.Precision.YEAR else day.month,
        day=day.day if precision is gf.Precision.DAY else None,
    )


@st.composite
def periods(draw: st.DrawFn) -> gf.Period:
    a, b = sorted([draw(partial_dates()), draw(partial_dates())], key=lambda d: d.first())
    if b.last() < a.first():  # pragma: no cover - sorted by first day, kept for safety
        a, b = b, a
    fiscal = draw(st.booleans())
    if fiscal:
        a, b = gf.PartialDate(year=a.year), gf.PartialDate(year=b.year)
    shape = draw(st.sampled_from(["both", "open", "no-start", "single"]))
    if shape == "open":
        return gf.Period(start=a, end=None, fiscal=fiscal)
    if shape == "no-start":
        return gf.Period(start=None, end=b, fiscal=fiscal)
    if shape == "single":
        return gf.Period(start=a, end=a, fiscal=fiscal)
    return gf.Period(start=a, end=b, fiscal=fiscal)


@st.composite
def quantities(draw: st.DrawFn, unit: gf.Unit | None = None) -> gf.Quantity:
    unit = unit or draw(st.sampled_from(list(gf.Unit)))
    if unit is gf.Unit.PERCENT:
        value = draw(st.decimals(min_value=0, max_value=100, places=1))
    elif unit is gf.Unit.PERCENT_CHANGE:
        value = draw(st.decimals(min_value=-100, max_value=10_000, places=1))
    else:
        value = Decimal(draw(st.integers(min_value=0, max_value=10**9)))
    return gf.Quantity(
        value=value,
        unit=unit,
        hedge=draw(st.sampled_from(list(gf.Hedge))),
        written=draw(st.none() | st.just(f"{value}")),
        resolution=draw(st.none() | st.sampled_from([Decimal(1), Decimal("0.5"), Decimal(100)])),
    )


def _inferences(fields: list[str]) -> st.SearchStrategy[tuple[gf.Inference, ...]]:
    return st.lists(
        st.builds(gf.Inference, field=st.sampled_from(fields), reason=text),
        max_size=2,
        unique_by=lambda i: i.field,
    ).map(tuple)


sources = st.builds(
    gf.Source,
    id=ids,
    kind=st.sampled_from(list(gf.SourceKind)),
    title=text,
    publisher=text,
    authors=st.lists(text, max_size=2).map(tuple),
    published=st.none() | partial_dates(),
    url=st.none() | st.just("https://example.org/a"),
    report_number=st.none() | text,
    cites=st.just(()),
    edition_of=st.none(),
    note=st.none() | text,
    inferred=_inferences(["published", "title", "authors"]),
)
agencies = st.builds(
    gf.Agency,
    id=ids,
    name=text,
    kind=st.sampled_from(list(gf.AgencyKind)),
    country=st.sampled_from(["US", "MX"]),
    abbreviation=st.none() | text,
    aliases=st.lists(text, max_size=2).map(tuple),
    parent=st.none(),
    note=st.none() | text,
)
roles = st.builds(
    gf.Role, title=text, source=ids, agency=st.none() | ids, as_of=st.none() | partial_dates()
)
people = st.builds(
    gf.Person,
    id=ids,
    name=text,
    aliases=st.lists(text, max_size=2).map(tuple),
    roles=st.lists(roles, max_size=2).map(tuple),
    inferred=_inferences(["roles"]),
)
programs = st.builds(
    gf.Program,
    id=ids,
    name=text,
    run_by=id_tuples,
    started=st.none() | partial_dates(),
    description=st.none() | text,
    sources=id_tuples,
)
measures = st.builds(
    gf.Measure,
    id=st.builds(lambda a, b: f"m.{a}.{b}", _SLUG, _SLUG),
    label=text,
    kind=st.sampled_from([k for k in gf.MeasureKind if k is not gf.MeasureKind.SHARE]),
    unit=st.sampled_from([u for u in gf.Unit if u is not gf.Unit.PERCENT]),
    population=text,
    place=st.none() | st.sampled_from(["US", "MX"]),
    part_of=st.none() | ids,
)


@st.composite
def statistics(draw: st.DrawFn) -> gf.Statistic:
    quantity = draw(quantities())
    before, after = draw(text), draw(text)
    quote = f"{before} {quantity.written or quantity.value} {after}"
    return gf.Statistic(
        id=f"{draw(ids)}/{draw(ids)}",
        measure=draw(ids),
        quantity=quantity,
        source=draw(ids),
        quote=quote,
        period=draw(st.none() | periods()),
        as_of=draw(st.none() | partial_dates()),
        basis=draw(st.sampled_from(list(gf.Basis))),
        attributed_to=draw(id_tuples),
        inferred=draw(_inferences(["period", "as_of"])),
    )


evidence = st.builds(gf.Evidence, source=ids, quote=text)
events = st.builds(
    gf.Event,
    id=ids,
    kind=st.sampled_from(list(gf.EventKind)),
    title=text,
    evidence=st.lists(evidence, min_size=1, max_size=2).map(tuple),
    when=st.none() | periods(),
    status=st.sampled_from(list(gf.EventStatus)),
    agencies=id_tuples,
    people=id_tuples,
)


@st.composite
def relations(draw: st.DrawFn) -> gf.Relation:
    kind = draw(st.sampled_from(list(gf.RelationKind)))
    left = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    right = draw(st.lists(ids.filter(lambda i: i not in left), max_size=2, unique=True))
    return gf.Relation(
        id=draw(ids),
        kind=kind,
        left=tuple(left),
        right=tuple(right),
        source=draw(ids),
        quote=draw(text),
        factor=draw(quantities(gf.Unit.TIMES)) if kind is gf.RelationKind.RATIO else None,
    )


every_model = {
    "source": sources,
    "agency": agencies,
    "person": people,
    "program": programs,
    "measure": measures,
    "statistic": statistics(),
    "event": events,
    "relation": relations(),
    "quantity": quantities(),
    "period": periods(),
    "date": partial_dates(),
}
