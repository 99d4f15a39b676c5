"""Independent components: the parts of a dataset that no rule compares with each other."""

from __future__ import annotations

import heapq
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
        parents = self._parent
        parent = parents.get(node, node)
        while parent != node:
            grand = parents.get(parent, parent)
            parents[node] = grand  # halve the path
            node, parent = parent, grand
        return node

    def link(self, a: _Node, b: _Node) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self._parent[rb] = ra

    def roots(self) -> dict[_Node, _Node]:
        """The root of every node ever linked; a node never linked is its own."""
        return {node: self.root(node) for node in list(self._parent)}


def _linked(dataset: Dataset) -> tuple[dict[_Node, _Node], dict[str, str]]:
    """Every link a rule follows between measures, as each node's root; each figure's measure.

    Figures of one measure are always compared, so the measures are the nodes: a restatement,
    a derived figure's working or a relation links the measures of the figures it names. A
    node that nothing links is its own root, and not in the mapping.
    """
    links = _Links()
    for measure in dataset.measures:
        for other in (measure.part_of, measure.numerator, measure.denominator, measure.change_of):
            if other:
                links.link(measure.id, other)
        for part in measure.parts:
            links.link(measure.id, part)
        if measure.family:
            links.link(measure.id, ("family", measure.family))
    measure_of = {s.id: s.measure for s in dataset.statistics}
    for statistic in dataset.statistics:
        if statistic.restates or statistic.derived_from:
            for other in (statistic.restates, *statistic.derived_from):
                if other in measure_of:
                    links.link(statistic.measure, measure_of[other])
    for relation in dataset.relations:
        node: _Node = ("relation", relation.id)
        for member in (*relation.left, *relation.right):
            if member in measure_of:
                links.link(node, measure_of[member])
    return links.roots(), measure_of


def _home(
    roots: dict[_Node, _Node], measure_of: dict[str, str], acknowledgement: Acknowledgement
) -> _Node | None:
    """The root of the first record an acknowledgement names; None for events alone."""
    for id in sorted(acknowledgement.statistics):
        return roots.get(measure_of[id], measure_of[id]) if id in measure_of else None
    for id in sorted(acknowledgement.measures):
        return roots.get(id, id)
    for id in sorted(acknowledgement.relations):
        node: _Node = ("relation", id)
        return roots.get(node, node)
    return None


def components(dataset: Dataset, parts: int | None = None) -> Iterator[Dataset]:
    """The independent sub-datasets of *dataset*: checked apart, they give what it gives.

    Figures are in one component when a rule could compare them: a measure links them (one
    measure, or measures tied by ``parts``, ``part_of``, ``numerator``, ``denominator``,
    ``change_of`` or ``family``), or a relation, a restatement or a derived figure's working
    does. Each component holds its figures, measures, relations and acknowledgements, and
    every source, agency, person and program (so that each is a whole dataset); the events go
    with the first. Map :func:`gunflow.check` over them with any engine (see
    :doc:`/performance`) with the rules that may be run by part (:attr:`gunflow.Rule.by_part`),
    and the others, such as ``integrity``, once on the whole dataset.

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
    split = Split(dataset, parts)
    return (split.part(number) for number in range(len(split)))


class Split:
    """A dataset's components in at most *parts* bins, each made a dataset when asked for.

    What :func:`components` yields, one part at a time; every component apart if *parts* is
    None. The bins are as even as a greedy choice makes them, for a pool of *parts* workers;
    *in_order*, they are runs of components in the dataset's order instead, each of at most
    an even share of the figures (a larger component is a run of its own), so there may be
    more than *parts* of them: a part's records then lie close together in memory, which is
    quicker to check when each process takes part after part.
    """

    def __init__(self, dataset: Dataset, parts: int | None, *, in_order: bool = False) -> None:
        """Link *dataset*'s measures and bin its components (a quick pass over every record)."""
        if parts is not None and parts < 1:
            raise ValueError(f"parts must be at least 1, not {parts}")
        self.dataset = dataset
        root_of, measure_of = _linked(dataset)
        root = root_of.get
        statistics: dict[_Node, list[Statistic]] = defaultdict(list)
        for statistic in dataset.statistics:
            statistics[root(statistic.measure, statistic.measure)].append(statistic)
        measures: dict[_Node, list[Measure]] = defaultdict(list)
        for measure in dataset.measures:
            measures[root(measure.id, measure.id)].append(measure)
        relations: dict[_Node, list[Relation]] = defaultdict(list)
        for relation in dataset.relations:
            node: _Node = ("relation", relation.id)
            relations[root(node, node)].append(relation)
        acknowledgements: dict[_Node | None, list[Acknowledgement]] = defaultdict(list)
        for acknowledgement in dataset.acknowledgements:
            acknowledgements[_home(root_of, measure_of, acknowledgement)].append(acknowledgement)
        if not dataset.statistics:
            self._bins: list[list[_Node]] = [[]]
        elif parts is None or parts >= len(statistics):
            self._bins = [[root] for root in statistics]
        elif in_order:  # the roots as their first figures come in the dataset
            self._bins = _runs(list(statistics), statistics, parts)
        else:
            roots = sorted(statistics, key=lambda r: (-len(statistics[r]), statistics[r][0].id))
            self._bins = _bins(roots, statistics, parts)
        self._statistics = statistics
        self._measures = measures
        self._relations = relations
        self._acknowledgements = acknowledgements

    def __len__(self) -> int:
        """How many parts: *parts*, or fewer when there are fewer components.

        Runs in order may be a few more, so that none holds more than its share (but a larger
        component).
        """
        return len(self._bins)

    def part(self, number: int) -> Dataset:
        """Part *number* (from 0) as a dataset of its own; a dataset with no figures is one."""
        if not self.dataset.statistics:
            return self.dataset
        group = self._bins[number]
        return _dataset(
            self.dataset,
            statistics=[s for root in group for s in self._statistics[root]],
            measures=[m for root in group for m in self._measures[root]],
            relations=[r for root in group for r in self._relations[root]],
            acknowledgements=[
                *(a for root in group for a in self._acknowledgements[root]),
                *(self._acknowledgements[None] if number == 0 else ()),
            ],
            events=number == 0,
        )


def _bins(
    roots: Sequence[_Node], statistics: dict[_Node, list[Statistic]], parts: int
) -> list[list[_Node]]:
    """Components grouped into *parts* bins: each, largest first, into the lightest."""
    bins: list[list[_Node]] = [[] for _ in range(parts)]
    lightest = [(0, number) for number in range(parts)]  # a heap of (figures, bin)
    for root in roots:
        size, number = lightest[0]
        bins[number].append(root)
        heapq.heapreplace(lightest, (size + len(statistics[root]), number))
    return bins


def _runs(
    roots: Sequence[_Node], statistics: dict[_Node, list[Statistic]], parts: int
) -> list[list[_Node]]:
    """Components in runs, in order, each of at most a *parts*-th of the figures if it can be.

    A run is closed before the component that would take it past its share; a component
    larger than a share is a run of its own.
    """
    share = -(-sum(len(statistics[root]) for root in roots) // parts)
    runs: list[list[_Node]] = [[]]
    size = 0
    for root in roots:
        figures = len(statistics[root])
        if runs[-1] and size + figures > share:
            runs.append([])
            size = 0
        runs[-1].append(root)
        size += figures
    return runs


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
