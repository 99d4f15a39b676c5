"""Independent components: the parts of a dataset that no rule compares with each other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from gunflow._collection import Collection, Events
from gunflow.dataset import Dataset
from gunflow.io import Record
from gunflow.model import Acknowledgement, Measure, Relation, Statistic

__all__ = ["components"]


#: A node of the links: a measure's id, or ("family", name), or ("relation", id).
_Node = str | tuple[str, str]


class _Links:
    """Union-find: nodes linked, directly or not, end with one root."""

    def __init__(self) -> None:
        self._parent: dict[_Node, _Node] = {}

    def root(self, node: _Node) -> _Node:
        parent = self._parent.setdefault(node, node)
        while parent != node:
            grand = self._parent[parent]
            self._parent[node] = grand  # halve the path
            node, parent = parent, grand
        return node

    def link(self, a: _Node, b: _Node) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self._parent[rb] = ra


def _linked(dataset: Dataset) -> tuple[_Links, dict[str, str]]:
    """Every link a rule follows, between measures; and each statistic's measure.

    Figures of one measure are always compared, so the measures are the nodes: a restatement,
    a derived figure's working or a relation links the measures of the figures it names.
    """
    links = _Links()
    for measure in dataset.measures:
        links.root(measure.id)
        for other in (measure.part_of, measure.numerator, measure.denominator, measure.change_of):
            if other:
                links.link(measure.id, other)
        for part in measure.parts:
            links.link(measure.id, part)
        if measure.family:
            links.link(measure.id, ("family", measure.family))
    measure_of = {s.id: s.measure for s in dataset.statistics}
    for statistic in dataset.statistics:
        for other in (statistic.restates, *statistic.derived_from):
            if other in measure_of:
                links.link(statistic.measure, measure_of[other])
    for relation in dataset.relations:
        node: _Node = ("relation", relation.id)
        for member in (*relation.left, *relation.right):
            if member in measure_of:
                links.link(node, measure_of[member])
    return links, measure_of


def _home(
    links: _Links, measure_of: dict[str, str], acknowledgement: Acknowledgement
) -> _Node | None:
    """The root of the first record an acknowledgement names; None for events alone."""
    for id in sorted(acknowledgement.statistics):
        return links.root(measure_of[id]) if id in measure_of else None
    for id in sorted(acknowledgement.measures):
        return links.root(id)
    for id in sorted(acknowledgement.relations):
        return links.root(("relation", id))
    return None


def components(dataset: Dataset, parts: int | None = None) -> Iterator[Dataset]:
    """The independent sub-datasets of *dataset*: checked apart, they give what it gives.

    Figures are in one component when a rule could compare them: a measure links them (one
    measure, or measures tied by ``parts``, ``part_of``, ``numerator``, ``denominator``,
    ``change_of`` or ``family``), or a relation, a restatement or a derived figure's working
    does. Each component holds its figures, measures, relations and acknowledgements, and
    every source, agency, person and program (so that each is a whole dataset); the events go
    with the first. Map :func:`gunflow.check` over them with any engine (see
    :doc:`/performance`), and run the rule ``integrity`` once on the whole dataset.

    >>> import gunflow
    >>> from gunflow.checks import components
    >>> ds = gunflow.load()
    >>> pieces = list(components(ds))
    >>> sum(len(piece.statistics) for piece in pieces) == len(ds.statistics)
    True
    >>> len(list(components(ds, parts=2)))
    2

    Args:
        dataset: the dataset to split.
        parts: at most this many sub-datasets, each a union of whole components, as even in
            figures as a greedy choice makes them (for a pool of that many workers); every
            component apart if None.

    Returns:
        The sub-datasets, the largest first.

    .. versionadded:: 0.2.0

    """
    if not dataset.statistics:
        yield dataset
        return
    yield from _parts(dataset, parts)


def part(dataset: Dataset, parts: int, number: int) -> Dataset | None:
    """The *number*-th of ``components(dataset, parts)`` (None when there are fewer), alone."""
    if not dataset.statistics:
        return dataset if number == 0 else None
    return next(iter(_parts(dataset, parts, only=number)), None)


def _parts(dataset: Dataset, parts: int | None, only: int | None = None) -> Iterator[Dataset]:
    """The sub-datasets of a dataset with figures, or only the one numbered *only*."""
    links, measure_of = _linked(dataset)
    statistics: dict[_Node, list[Statistic]] = defaultdict(list)
    for statistic in dataset.statistics:
        statistics[links.root(statistic.measure)].append(statistic)
    measures: dict[_Node, list[Measure]] = defaultdict(list)
    for measure in dataset.measures:
        measures[links.root(measure.id)].append(measure)
    relations: dict[_Node, list[Relation]] = defaultdict(list)
    for relation in dataset.relations:
        relations[links.root(("relation", relation.id))].append(relation)
    acknowledgements: dict[_Node | None, list[Acknowledgement]] = defaultdict(list)
    for acknowledgement in dataset.acknowledgements:
        acknowledgements[_home(links, measure_of, acknowledgement)].append(acknowledgement)
    roots = sorted(statistics, key=lambda r: (-len(statistics[r]), statistics[r][0].id))
    for number, group in enumerate(_bins(roots, statistics, parts)):
        if only is not None and number != only:
            continue
        yield _dataset(
            dataset,
            statistics=[s for root in group for s in statistics[root]],
            measures=[m for root in group for m in measures[root]],
            relations=[r for root in group for r in relations[root]],
            acknowledgements=[
                *(a for root in group for a in acknowledgements[root]),
                *(acknowledgements[None] if number == 0 else ()),
            ],
            events=number == 0,
        )


def _bins(
    roots: Sequence[_Node], statistics: dict[_Node, list[Statistic]], parts: int | None
) -> list[list[_Node]]:
    """Components grouped into at most *parts* bins: each, largest first, into the lightest."""
    if parts is None or parts >= len(roots):
        return [[root] for root in roots]
    if parts < 1:
        raise ValueError(f"parts must be at least 1, not {parts}")
    bins: list[list[_Node]] = [[] for _ in range(parts)]
    sizes = [0] * parts
    for root in roots:
        lightest = sizes.index(min(sizes))
        bins[lightest].append(root)
        sizes[lightest] += len(statistics[root])
    return bins


def _dataset(
    whole: Dataset,
    *,
    statistics: list[Statistic],
    measures: list[Measure],
    relations: list[Relation],
    acknowledgements: list[Acknowledgement],
    events: bool,
) -> Dataset:
    """A sub-dataset of *whole*: its records are whole's, so no reference needs checking."""
    origins = whole.origins
    records: list[Record] = [*statistics, *measures, *relations, *acknowledgements]
    records += [*whole.sources, *whole.agencies, *whole.people, *whole.programs]
    if events:
        records.extend(whole.events)
    part = Dataset(
        sources=whole.sources,
        agencies=whole.agencies,
        people=whole.people,
        programs=whole.programs,
        measures=Collection(measures, "measure"),
        statistics=Collection(statistics, "statistic"),
        events=whole.events if events else Events([], "event"),
        relations=Collection(relations, "relation"),
        acknowledgements=Collection(acknowledgements, "acknowledgement"),
        origins={r.id: origins[r.id] for r in records if r.id in origins},
    )
    # whole's own records, so what whole's building checked holds of them
    object.__setattr__(part, "_checked", whole.references_checked)
    return part
