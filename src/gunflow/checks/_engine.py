"""Running the rules: gunflow.check()."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType

import attrs

from gunflow.checks import (
    additivity,
    agreement,
    bound,
    change,
    chronology,
    corroboration,
    cumulative,
    denominator,
    derived,
    duration,
    integrity,
    nested_denominator,
    nested_periods,
    partition,
    relations,
    revision,
    share_whole,
)
from gunflow.checks._index import Index
from gunflow.checks._report import Finding, Report, Severity
from gunflow.dataset import Dataset
from gunflow.model import DEFAULT_TOLERANCE, Acknowledgement, FindingKey, Tolerance

__all__ = ["RULES", "Rule", "check"]


@attrs.frozen(kw_only=True)
class Rule:
    """A rule of the catalogue: its name, what it checks, and the function that checks it.

    .. versionadded:: 0.1.0
    """

    name: str
    summary: str
    run: Callable[[Index], Iterator[Finding]] = attrs.field(repr=False)


def _rule(module: ModuleType) -> Rule:
    return Rule(name=module.NAME, summary=module.SUMMARY, run=module.run)


#: The catalogue: rules 1 to 13 in their documented order, then the rules added since.
RULES: tuple[Rule, ...] = tuple(
    _rule(m)
    for m in (
        agreement,
        partition,
        share_whole,
        bound,
        additivity,
        cumulative,
        relations,
        change,
        duration,
        chronology,
        denominator,
        corroboration,
        integrity,
        revision,
        nested_periods,
        nested_denominator,
        derived,
    )
)
_BY_NAME = {rule.name: rule for rule in RULES}


def _select(rules: Iterable[str] | None) -> tuple[Rule, ...]:
    if rules is None:
        return RULES
    names = [rules] if isinstance(rules, str) else list(rules)
    unknown = [n for n in names if n not in _BY_NAME]
    if unknown:
        close = difflib.get_close_matches(unknown[0], list(_BY_NAME), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ValueError(f"unknown rule {unknown[0]!r}{hint} (the rules: {', '.join(_BY_NAME)})")
    return tuple(_BY_NAME[n] for n in dict.fromkeys(names))


def _acknowledgements(
    dataset: Dataset, known: set[str]
) -> tuple[dict[FindingKey, Acknowledgement], list[str]]:
    """The acknowledgements by key, and what is wrong with the others (an unknown rule, a repeat).

    *known* holds every rule's name an acknowledgement may give: the built-in rules and the rules
    that ran.
    """
    found: dict[FindingKey, Acknowledgement] = {}
    problems: list[str] = []
    for acknowledgement in dataset.acknowledgements:
        key = acknowledgement.key
        if acknowledgement.rule not in known:
            close = difflib.get_close_matches(acknowledgement.rule, sorted(known), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(
                f"acknowledgement {acknowledgement.id} names no rule: "
                f"{acknowledgement.rule!r}{hint}"
            )
        elif key in found:
            problems.append(
                f"acknowledgement {acknowledgement.id} repeats {found[key].id} (same rule, same "
                "records named): one of them is never used"
            )
        else:
            found[key] = acknowledgement
    return found, problems


def _stale(index: Index, acknowledgement: Acknowledgement) -> Finding:
    """The warning for an acknowledgement that matches no finding of a rule that ran."""
    return Finding(
        rule=integrity.NAME,
        severity=Severity.WARNING,
        message=(
            f"acknowledgement {acknowledgement.id} matches no finding of rule "
            f"{acknowledgement.rule!r}: the figures or the rule have changed"
        ),
        statistics=tuple(
            index.statistics[i] for i in acknowledgement.statistics if i in index.statistics
        ),
    )


def check(
    dataset: Dataset,
    *,
    tolerance: Tolerance | None = None,
    rules: Iterable[str] | None = None,
) -> Report:
    """Check the reported figures of *dataset* against each other.

    >>> import gunflow
    >>> report = gunflow.check(gunflow.load())
    >>> report.raise_for_errors()          # every error in the bundled data is acknowledged
    >>> len(report.unacknowledged_errors)
    0

    Args:
        dataset: the records to check, usually ``gunflow.load(extra=[...])``.
        tolerance: how far hedged figures may stray; :data:`gunflow.DEFAULT_TOLERANCE` if
            None.
        rules: names of the rules to run (see :data:`gunflow.RULES`); all of them if None.

    Returns:
        A report of every finding, acknowledged ones with their explanation.

    Raises:
        ValueError: a rule name is unknown.

    """
    selected = _select(rules)
    index = Index(dataset, tolerance or DEFAULT_TOLERANCE)
    findings = [finding for rule in selected for finding in rule.run(index)]
    names = {rule.name for rule in selected}
    acknowledgements, problems = _acknowledgements(dataset, names | set(_BY_NAME))
    used: set[FindingKey] = set()
    marked = []
    for finding in findings:
        key = finding.key
        found = acknowledgements.get(key)
        if found is not None:
            used.add(key)
            finding = attrs.evolve(finding, acknowledgement=found)  # noqa: PLW2901
        marked.append(finding)
    if integrity.NAME in names:
        marked.extend(
            Finding(rule=integrity.NAME, severity=Severity.WARNING, message=message)
            for message in problems
        )
        marked.extend(
            _stale(index, acknowledgement)
            for key, acknowledgement in acknowledgements.items()
            if key not in used and acknowledgement.rule in names
        )
    return Report(
        findings=tuple(marked),
        rules=tuple(rule.name for rule in selected),
        origins=dataset.origins,
        checked=dataset.statistics,
        labels={
            s.id: index.label(s)
            for f in marked
            if f.severity is Severity.ERROR and not f.acknowledged
            for s in f.statistics
        },
        sources={s.id: s for s in dataset.sources},
    )
