"""Hypothesis strategies for every gunflow model, for our tests and for yours.

Needs hypothesis: ``pip install 'gunflow[testing]'``. ``import gunflow`` never imports this
module; import it as ``from gunflow import strategies``.

>>> from gunflow import strategies
>>> from hypothesis import given
>>> @given(strategies.quantities())
... def test_a_stated_value_lies_in_its_own_bounds(q):
...     if q.value is not None and q.hedge in ("exact", "about"):
...         assert q.bounds().contains(q.value)
>>> test_a_stated_value_lies_in_its_own_bounds()
"""

from __future__ import annotations

import datetime
import string
from decimal import Decimal
from typing import Literal

from hypothesis import strategies as st

from gunflow.dataset import Dataset
from gunflow.model import (
    Acknowledgement,
    Agency,
    AgencyKind,
    Basis,
    Event,
    EventKind,
    EventStatus,
    Evidence,
    Hedge,
    Inference,
    Measure,
    MeasureKind,
    PartialDate,
    Period,
    Person,
    Precision,
    Program,
    Quantity,
    Relation,
    RelationKind,
    Role,
    Source,
    SourceKind,
    Statistic,
    Unit,
)

__all__ = [
    "PLANTABLE",
    "acknowledgements",
    "agencies",
    "datasets",
    "events",
    "ids",
    "measures",
    "partial_dates",
    "people",
    "periods",
    "programs",
    "quantities",
    "relations",
    "sources",
    "statistics",
]

#: The inconsistencies :func:`datasets` can plant.
PLANTABLE = ("partition", "bound", "agreement", "share_whole", "chronology")
Plant = Literal["partition", "bound", "agreement", "share_whole", "chronology"]

_SLUG = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8)
_TEXT = st.text(
    st.characters(
        codec="utf-8",
        exclude_categories=("Cs", "Cc"),
        # the bidirectional embeddings, overrides and isolates, which the loader refuses
        exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")


def ids() -> st.SearchStrategy[str]:
    """Readable record ids: ``ab-12-x``.

    .. versionadded:: 0.1.0
    """
    return st.lists(_SLUG, min_size=1, max_size=3).map("-".join)


def _id_tuples() -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(ids(), max_size=3, unique=True).map(tuple)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Dates from 1900 to 2100, to a year, a month or a day.

    .. versionadded:: 0.1.0
    """
    day = draw(st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)))
    precision = draw(st.sampled_from(list(Precision)))
    return PartialDate(
        year=day.year,
        month=None if precision is Precision.YEAR else day.month,
        day=day.day if precision is Precision.DAY else None,
    )


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Periods closed, open ("since"), with no start, of one date, and fiscal."""
    a, b = sorted([draw(partial_dates()), draw(partial_dates())], key=lambda d: d.first())
    fiscal = draw(st.booleans())
    if fiscal:
        a, b = PartialDate(year=a.year), PartialDate(year=b.year)
    shape = draw(st.sampled_from(["both", "open", "no-start", "single"]))
    if shape == "open":
        return Period(start=a, end=None, fiscal=fiscal)
    if shape == "no-start":
        return Period(start=None, end=b, fiscal=fiscal)
    if shape == "single":
        return Period(start=a, end=a, fiscal=fiscal)
    return Period(start=a, end=b, fiscal=fiscal)


@st.composite
def quantities(draw: st.DrawFn, unit: Unit | None = None) -> Quantity:
    """Quantities of any unit and hedge, with values the unit can hold.

    .. versionadded:: 0.1.0
    """
    chosen = unit or draw(st.sampled_from(list(Unit)))
    if chosen is Unit.PERCENT:
        numbers = st.decimals(min_value=0, max_value=100, places=1)
    elif chosen is Unit.PERCENT_CHANGE:
        numbers = st.decimals(min_value=-100, max_value=10_000, places=1)
    else:
        numbers = st.integers(min_value=0, max_value=10**9).map(Decimal)
    value = draw(numbers)
    if draw(st.integers(min_value=0, max_value=5)) == 0:  # now and then, a stated range
        low, high = sorted([value, draw(numbers)])
        return Quantity(
            value=draw(st.none() | st.just(value)),
            low=low,
            high=high,
            unit=chosen,
            written=draw(st.none() | st.just(f"between {low} and {high}")),
        )
    hedges = list(Hedge)
    if chosen is not Unit.PERCENT_CHANGE and value == 0:  # "less than 0" leaves no value
        hedges.remove(Hedge.LESS_THAN)
    if chosen is Unit.PERCENT and value == 100:  # nor does "more than 100 percent"
        hedges.remove(Hedge.MORE_THAN)
    return Quantity(
        value=value,
        unit=chosen,
        hedge=draw(st.sampled_from(hedges)),
        written=draw(st.none() | st.just(f"{value}")),
        resolution=draw(st.none() | st.sampled_from([Decimal(1), Decimal("0.5"), Decimal(100)])),
    )


def _inferences(fields: list[str]) -> st.SearchStrategy[tuple[Inference, ...]]:
    return st.lists(
        st.builds(Inference, field=st.sampled_from(fields), reason=_TEXT),
        max_size=2,
        unique_by=lambda i: i.field,
    ).map(tuple)


def sources() -> st.SearchStrategy[Source]:
    """Sources with any kind, byline and date; they cite nothing (no dangling ids).

    .. versionadded:: 0.1.0
    """
    return st.builds(
        Source,
        id=ids(),
        kind=st.sampled_from(list(SourceKind)),
        title=_TEXT,
        publisher=_TEXT,
        authors=st.lists(_TEXT, max_size=2).map(tuple),
        published=st.none() | partial_dates(),
        url=st.none() | st.just("https://example.org/a"),
        report_number=st.none() | _TEXT,
        note=st.none() | _TEXT,
        inferred=_inferences(["published", "title", "authors"]),
    )


def agencies() -> st.SearchStrategy[Agency]:
    """Agencies of the United States and Mexico, with no parent.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        Agency,
        id=ids(),
        name=_TEXT,
        kind=st.sampled_from(list(AgencyKind)),
        country=st.sampled_from(["US", "MX"]),
        abbreviation=st.none() | _TEXT,
        aliases=st.lists(_TEXT, max_size=2).map(tuple),
        note=st.none() | _TEXT,
    )


def people() -> st.SearchStrategy[Person]:
    """People with up to two roles.

    .. versionadded:: 0.1.0
    """
    roles = st.builds(
        Role,
        title=_TEXT,
        source=ids(),
        agency=st.none() | ids(),
        as_of=st.none() | partial_dates(),
    )
    return st.builds(
        Person,
        id=ids(),
        name=_TEXT,
        aliases=st.lists(_TEXT, max_size=2).map(tuple),
        roles=st.lists(roles, max_size=2).map(tuple),
        inferred=_inferences(["roles"]),
    )


def programs() -> st.SearchStrategy[Program]:
    """Programs.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        Program,
        id=ids(),
        name=_TEXT,
        run_by=_id_tuples(),
        started=st.none() | partial_dates(),
        description=st.none() | _TEXT,
        sources=_id_tuples(),
    )


def measures() -> st.SearchStrategy[Measure]:
    """Measures of every kind but share (which needs percent and a denominator).

    .. versionadded:: 0.1.0
    """
    return st.builds(
        Measure,
        id=st.builds(lambda a, b: f"m.{a}.{b}", _SLUG, _SLUG),
        label=_TEXT,
        kind=st.sampled_from([k for k in MeasureKind if k is not MeasureKind.SHARE]),
        unit=st.sampled_from([u for u in Unit if u is not Unit.PERCENT]),
        population=_TEXT,
        place=st.none() | st.sampled_from(["US", "MX"]),
        part_of=st.none() | ids(),
        family=st.none() | ids(),
    )


@st.composite
def statistics(draw: st.DrawFn) -> Statistic:
    """Statistics whose quote contains the figure as written.

    .. versionadded:: 0.1.0
    """
    quantity = draw(quantities())
    quote: str | None = f"{draw(_TEXT)} {quantity.written or quantity.value} {draw(_TEXT)}"
    id_ = f"{draw(ids())}/{draw(ids())}"
    basis = draw(st.sampled_from(list(Basis)))
    derived_from: tuple[str, ...] = ()
    if basis is Basis.DERIVED:  # computed from others, with or without a quote
        inputs = draw(st.lists(ids(), min_size=1, max_size=3, unique=True))
        derived_from = tuple(i for i in inputs if i != id_) or ("x",)
        quote = draw(st.none() | st.just(quote))
    return Statistic(
        id=id_,
        measure=draw(ids()),
        quantity=quantity,
        source=draw(ids()),
        quote=quote,
        period=draw(st.none() | periods()),
        compared_with=draw(st.none() | periods()),
        as_of=draw(st.none() | partial_dates()),
        basis=basis,
        attributed_to=draw(_id_tuples()),
        derived_from=derived_from,
        formula=" + ".join(derived_from) or None,
        inferred=draw(_inferences(["period", "as_of"])),
    )


def events() -> st.SearchStrategy[Event]:
    """Events with one or two pieces of evidence.

    .. versionadded:: 0.1.0
    """
    evidence = st.builds(Evidence, source=ids(), quote=_TEXT)
    return st.builds(
        Event,
        id=ids(),
        kind=st.sampled_from(list(EventKind)),
        title=_TEXT,
        evidence=st.lists(evidence, min_size=1, max_size=2).map(tuple),
        when=st.none() | periods(),
        status=st.sampled_from(list(EventStatus)),
        agencies=_id_tuples(),
        people=_id_tuples(),
    )


@st.composite
def relations(draw: st.DrawFn) -> Relation:
    """Relations of every kind; a ratio has a factor.

    .. versionadded:: 0.1.0
    """
    kind = draw(st.sampled_from(list(RelationKind)))
    left = draw(st.lists(ids(), min_size=1, max_size=3, unique=True))
    right = draw(st.lists(ids().filter(lambda i: i not in left), max_size=2, unique=True))
    return Relation(
        id=draw(ids()),
        kind=kind,
        left=tuple(left),
        right=tuple(right),
        source=draw(ids()),
        quote=draw(_TEXT),
        factor=draw(quantities(Unit.TIMES)) if kind is RelationKind.RATIO else None,
    )


@st.composite
def acknowledgements(draw: st.DrawFn) -> Acknowledgement:
    """Acknowledgements of any rule name, naming statistics, events, relations or measures.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Events, relations and measures too.
    """
    statistics, events, relations, measures = (draw(_id_tuples()) for _ in range(4))
    if not (statistics or events or relations or measures):
        measures = (draw(ids()),)  # an acknowledgement names at least one record
    return Acknowledgement(
        id=draw(ids()),
        rule=draw(_SLUG),
        statistics=statistics,
        events=events,
        relations=relations,
        measures=measures,
        explanation=draw(_TEXT),
    )


def _figure(
    id: str,
    measure: str,
    value: int | Decimal,
    *,
    year: int,
    source: str,
    note: str | None = None,
    as_of: int | None = None,
) -> Statistic:
    """An exact figure for *year*: a count, or a share to a tenth of a percent if a Decimal."""
    if isinstance(value, Decimal):
        written = f"{value} percent"
        quantity = Quantity(
            value=value, unit=Unit.PERCENT, written=written, resolution=Decimal("0.1")
        )
    else:
        written = f"{value:,}"
        quantity = Quantity(value=value, unit=Unit.COUNT, written=written, resolution=1)
    return Statistic(
        id=id,
        measure=measure,
        quantity=quantity,
        source=source,
        quote=f"There were {written} of them.",
        period=Period.parse(str(year)),
        as_of=PartialDate(year=as_of or year + 1),
        basis=Basis.COUNT,
        note=note,
    )


@st.composite
def datasets(draw: st.DrawFn, plant: Plant | None = None, max_groups: int = 4) -> Dataset:
    """Datasets consistent by construction, or with one planted inconsistency.

    Each group is a whole counted by two sources, split into three parts (``Measure.parts``),
    a subset of the whole that is not one of the parts, and the first part's share of the whole
    (to a tenth of a percent); every count is exact. The sources are dated 2030. With *plant*:

    - ``"partition"``: a part grows, so the parts exceed the whole;
    - ``"bound"``: the subset grows past the whole;
    - ``"agreement"``: the second source counts the subset too, ten apart from the first;
    - ``"share_whole"``: the share is ten points off the part and the whole;
    - ``"chronology"``: the subset's figure is as of 2031, after its source.

    The planted statistic's note reads ``planted: <rule>``.

    Args:
        draw: supplied by hypothesis (``st.composite``); callers leave it out.
        plant: which inconsistency to plant, if any (one of :data:`PLANTABLE`).
        max_groups: the most groups to draw.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       A share in each group; ``"share_whole"`` and ``"chronology"`` can be planted.

    """
    if plant is not None and plant not in PLANTABLE:
        raise ValueError(f"plant must be one of {PLANTABLE}, not {plant!r}")
    records: list[object] = [
        Source(
            id="source-a",
            kind=SourceKind.DATASET,
            title="A",
            publisher="Alpha",
            published=PartialDate(year=2030),
        ),
        Source(
            id="source-b",
            kind=SourceKind.DATASET,
            title="B",
            publisher="Beta",
            published=PartialDate(year=2030),
        ),
    ]
    groups = draw(st.integers(min_value=1, max_value=max_groups))
    planted_in = draw(st.integers(min_value=0, max_value=groups - 1))
    for g in range(groups):
        whole = f"g{g}.total"
        parts = (f"g{g}.a", f"g{g}.b", f"g{g}.c")
        records.append(
            Measure(
                id=whole,
                label=whole,
                kind=MeasureKind.COUNT,
                unit=Unit.COUNT,
                population=whole,
                parts=parts,
            )
        )
        for part in (*parts, f"g{g}.subset"):
            records.append(
                Measure(
                    id=part,
                    label=part,
                    kind=MeasureKind.COUNT,
                    unit=Unit.COUNT,
                    population=part,
                    part_of=whole,
                )
            )
        records.append(
            Measure(
                id=f"{parts[0]}.share",
                label=f"{parts[0]}.share",
                kind=MeasureKind.SHARE,
                unit=Unit.PERCENT,
                population=whole,
                numerator=parts[0],
                denominator=whole,
            )
        )
        year = draw(st.integers(min_value=2000, max_value=2025))
        values = [draw(st.integers(min_value=10, max_value=10**6)) for _ in parts]
        total = sum(values)
        subset = draw(st.integers(min_value=0, max_value=total))
        here = plant if g == planted_in else None
        records += [
            _figure(f"g{g}/total-a", whole, total, year=year, source="source-a"),
            _figure(f"g{g}/total-b", whole, total, year=year, source="source-b"),
        ]
        if here == "agreement":  # ten apart, and still within the whole (at least 30)
            records.append(
                _figure(
                    f"g{g}/subset-b",
                    f"g{g}.subset",
                    subset - 10 if subset >= 10 else subset + 10,
                    year=year,
                    source="source-b",
                    note="planted: agreement",
                )
            )
        for i, (part, value) in enumerate(zip(parts, values, strict=True)):
            grown = here == "partition" and i == len(parts) - 1
            records.append(
                _figure(
                    f"g{g}/part-{i}",
                    part,
                    value + 3 if grown else value,
                    year=year,
                    source="source-a",
                    note="planted: partition" if grown else None,
                )
            )
        records.append(
            _figure(
                f"g{g}/subset",
                f"g{g}.subset",
                total + 10 if here == "bound" else subset,
                year=year,
                source="source-a",
                note=f"planted: {here}" if here in ("bound", "chronology") else None,
                as_of=2031 if here == "chronology" else None,
            )
        )
        # the share to a tenth of a percent, within 0.05 of the exact one; ten points off, the
        # share times the whole (at least 30) misses the part by more than its rounding allows
        share = (Decimal(1000 * values[0]) / total).quantize(Decimal(1)) / 10
        if here == "share_whole":
            share += 10 if share <= 50 else -10
        records.append(
            _figure(
                f"g{g}/share",
                f"{parts[0]}.share",
                share,
                year=year,
                source="source-b",
                note="planted: share_whole" if here == "share_whole" else None,
            )
        )
    return Dataset.from_records(records)  # type: ignore[arg-type]
