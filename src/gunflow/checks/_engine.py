"""Running the rules: gunflow.check()."""

from __future__ import annotations

import difflib
import importlib.metadata
from collections.abc import Callable, Iterable
from types import ModuleType

import attrs

from gunflow._collector import collection_paused
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
from gunflow.checks._index import Context
from gunflow.checks._parallel import by_part, outcomes
from gunflow.checks._report import Checked, Finding, Passed, Report, Severity
from gunflow.dataset import Dataset
from gunflow.errors import RuleError
from gunflow.model import Acknowledgement, FindingKey, Tolerance

__all__ = ["ENTRY_POINT_GROUP", "RULES", "Rule", "check"]


@attrs.frozen(kw_only=True)
class Rule:
    """A rule: its name, what it checks, and the function that checks it.

    The function is given the :class:`~gunflow.Context` of the run and yields a
    :class:`~gunflow.Finding` for each inconsistency it finds and, if it likes, a
    :class:`~gunflow.Passed` for each comparison that held. See :doc:`/writing-rules`.

    Attributes:
        name: what acknowledgements and ``check(rules=...)`` call it, unique among the rules.
        summary: one or two sentences on what it checks.
        run: ``run(context) -> Iterable[Finding | Passed]``.
        by_part: whether the rule may be run over each of the dataset's independent parts
            alone (:func:`gunflow.checks.components`), as :func:`check` does with a dataset of
            more than 2,000 figures, or with ``jobs=N``: true for a rule that compares only
            figures some measure link, relation, restatement or derived figure's working
            connects. False (the default): it is run once, over the whole dataset.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``run`` is given a public :class:`~gunflow.Context` and may yield :class:`~gunflow.Passed`;
       *by_part*.

    """

    name: str
    summary: str
    run: Callable[[Context], Iterable[Finding | Passed]] = attrs.field(repr=False)
    by_part: bool = False


def _rule(module: ModuleType) -> Rule:
    # every built-in rule compares linked figures only, but integrity, which reads every id
    by_part = module is not integrity
    return Rule(name=module.NAME, summary=module.SUMMARY, run=module.run, by_part=by_part)


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

#: The entry-point group through which other packages publish rules.
ENTRY_POINT_GROUP = "gunflow.rules"


def _entry_points() -> tuple[importlib.metadata.EntryPoint, ...]:
    """The installed packages' entry points of :data:`ENTRY_POINT_GROUP`, by name."""
    found = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    return tuple(sorted(found, key=lambda e: e.name))


def _distribution(entry_point: importlib.metadata.EntryPoint) -> str:
    dist = entry_point.dist
    return f"{dist.name} {dist.version}" if dist is not None else "an unknown distribution"


def _load(entry_point: importlib.metadata.EntryPoint) -> Rule:
    """The rule an entry point names, or an error naming the distribution that publishes it."""
    where = (
        f"the rule {entry_point.name!r} ({entry_point.value}) published by "
        f"{_distribution(entry_point)} in the entry-point group {ENTRY_POINT_GROUP!r}"
    )
    try:
        rule = entry_point.load()
    except Exception as error:
        raise RuleError(f"{where} cannot be loaded: {type(error).__name__}: {error}") from error
    if not isinstance(rule, Rule):
        raise RuleError(f"{where} is a {type(rule).__name__}, not a gunflow.Rule")
    if rule.name != entry_point.name:
        raise RuleError(f"{where} is named {rule.name!r}: the two names must be the same")
    if rule.name in _BY_NAME:
        raise RuleError(f"{where} has the name of a built-in rule")
    return rule


def _installed() -> tuple[Rule, ...]:
    """The rules installed packages publish, loaded now (each time :func:`check` runs)."""
    return tuple(_load(e) for e in _entry_points())


def _select(rules: str | Rule | Iterable[str | Rule] | None) -> tuple[Rule, ...]:
    """The rules to run: built-in and installed ones by name, and the Rule objects given."""
    if rules is None:
        return RULES + _installed()
    wanted = [rules] if isinstance(rules, str | Rule) else list(rules)
    names = [r for r in wanted if isinstance(r, str)]
    known = dict(_BY_NAME)
    if any(n not in known for n in names):
        known |= {e.name: _load(e) for e in _entry_points() if e.name in names}
    unknown = [n for n in names if n not in known]
    if unknown:
        close = difflib.get_close_matches(unknown[0], list(known), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ValueError(f"unknown rule {unknown[0]!r}{hint} (the rules: {', '.join(known)})")
    chosen: dict[str, Rule] = {}
    for item in wanted:
        if not isinstance(item, str | Rule):
            raise TypeError(f"a rule is a name or a gunflow.Rule, not {type(item).__name__}")
        rule = known[item] if isinstance(item, str) else item
        if chosen.get(rule.name, rule) != rule:
            raise ValueError(f"two different rules are named {rule.name!r}")
        chosen[rule.name] = rule
    return tuple(chosen.values())


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


def _stale(context: Context, acknowledgement: Acknowledgement) -> Finding:
    """The warning for an acknowledgement that matches no finding of a rule that ran."""
    return Finding(
        rule=integrity.NAME,
        severity=Severity.WARNING,
        message=(
            f"acknowledgement {acknowledgement.id} matches no finding of rule "
            f"{acknowledgement.rule!r}: the figures or the rule have changed"
        ),
        statistics=tuple(
            context.statistics[i] for i in acknowledgement.statistics if i in context.statistics
        ),
    )


def _order(passed: Iterable[Passed]) -> list[Passed]:
    """Comparisons that held in one order, however the work was split.

    By the id of the first figure each compares, then in the order the rule yielded them: two
    comparisons of one figure come from one part of the dataset, where the rule met them in
    the same order as in the whole. (A stable sort on one string: a fifth of the time of
    sorting on every id.)
    """
    return sorted(passed, key=_first_compared)


def _first_compared(passed: Passed) -> str:
    return passed.statistics[0].id if passed.statistics else passed.arithmetic


def _run(
    context: Context, selected: tuple[Rule, ...], jobs: int
) -> tuple[list[Finding], list[Passed], dict[str, Checked]]:
    """Every rule's findings, comparisons that held and counts, in *jobs* processes.

    The rules that may be run by part (:attr:`Rule.by_part`) check the dataset's independent
    parts (:func:`components`) one after the other, or in several processes at once; the
    others read the whole dataset at once, in this process.
    """
    found: dict[str, list[Finding]] = {rule.name: [] for rule in selected}
    held: dict[str, list[Passed]] = {rule.name: [] for rule in selected}
    failed: dict[str, int] = dict.fromkeys(found, 0)
    separate = tuple(r for r in selected if r.by_part)
    together = [r for r in selected if not r.by_part]
    results = by_part(context, separate, jobs) if separate else []
    results.append([outcomes(rule, context) for rule in together])
    for part in results:
        for findings, passed, counted in part:
            found[counted.rule] += findings
            held[counted.rule] += passed
            failed[counted.rule] += counted.failed
    counts = {
        name: Checked(rule=name, passed=len(held[name]), failed=failed[name]) for name in found
    }
    findings = [f for name in found for f in found[name]]
    return findings, [p for name in held for p in _order(held[name])], counts


def check(
    dataset: Dataset,
    *,
    tolerance: Tolerance | None = None,
    rules: str | Rule | Iterable[str | Rule] | None = None,
    jobs: int = 1,
) -> Report:
    """Check the reported figures of *dataset* against each other.

    >>> import gunflow
    >>> report = gunflow.check(gunflow.load())
    >>> report.raise_for_errors()          # every error in the bundled data is acknowledged
    >>> len(report.unacknowledged_errors)
    0
    >>> report.checked["partition"].failed <= report.checked["partition"].compared
    True

    Args:
        dataset: the records to check, usually ``gunflow.load(extra=[...])``.
        tolerance: how far hedged figures may stray; :data:`gunflow.DEFAULT_TOLERANCE` if
            None.
        rules: the rules to run: names (of :data:`gunflow.RULES`, or of rules installed
            packages publish) and :class:`~gunflow.Rule` objects of your own (see
            :doc:`/writing-rules`); if None, the built-in rules and every installed one.
        jobs: how many processes check the dataset's independent parts
            (:func:`gunflow.checks.components`) at once: this one and ``jobs - 1`` forked
            workers, each taking the next part until none is left, for the rules that may
            be run by part (:attr:`Rule.by_part`); the other rules run here, over the whole
            dataset. The report is the same. With one job, a dataset of more than 2,000
            figures is checked part after part too. Where processes cannot be forked
            (Windows), or may not start others (a daemonic process, such as a
            ``multiprocessing.Pool``'s worker), the check runs in one.

    Returns:
        A report of every finding, acknowledged ones with their explanation, and of every
        comparison that held (:attr:`~gunflow.Report.passed`, :attr:`~gunflow.Report.checked`).

    Raises:
        ValueError: a rule name is unknown, two different rules share a name, or *jobs* is
            below 1.
        RuleError: a rule an installed package publishes cannot be loaded.
        RuntimeError: a worker process ended without its results (killed, out of memory).
            An error a rule raises in a worker is raised as it is, the worker's traceback in
            a note.

    .. versionchanged:: 0.2.0
       *rules* takes :class:`~gunflow.Rule` objects and installed rules; the report holds what
       passed; *jobs*.

    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    selected = _select(rules)
    with collection_paused():  # the context is gone by the time it runs again
        return _report(dataset, tolerance, selected, jobs)


def _report(
    dataset: Dataset, tolerance: Tolerance | None, selected: tuple[Rule, ...], jobs: int
) -> Report:
    """The report of the *selected* rules over *dataset*, acknowledgements matched."""
    context = Context(dataset, tolerance)
    findings, passed, counts = _run(context, selected, jobs)
    names = {rule.name for rule in selected}
    known = names | set(_BY_NAME) | {e.name for e in _entry_points()}
    acknowledgements, problems = _acknowledgements(dataset, known)
    used: set[FindingKey] = set()
    marked = []
    for finding in findings:
        key = finding.key
        found_acknowledgement = acknowledgements.get(key)
        if found_acknowledgement is not None:
            used.add(key)
            finding = attrs.evolve(finding, acknowledgement=found_acknowledgement)  # noqa: PLW2901
        marked.append(finding)
    if integrity.NAME in names:
        marked.extend(
            Finding(rule=integrity.NAME, severity=Severity.WARNING, message=message)
            for message in problems
        )
        marked.extend(
            _stale(context, acknowledgement)
            for key, acknowledgement in acknowledgements.items()
            if key not in used and acknowledgement.rule in names
        )
    return Report(
        findings=tuple(marked),
        rules=tuple(rule.name for rule in selected),
        origins=dataset.origins,
        statistics=dataset.statistics,
        passed=tuple(passed),
        checked=counts,
        labels={
            s.id: context.label(s)
            for f in marked
            if f.severity is Severity.ERROR and not f.acknowledged
            for s in f.statistics
        },
        sources={s.id: s for s in dataset.sources},
    )
