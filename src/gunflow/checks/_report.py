"""Findings and the Report that holds them."""

from __future__ import annotations

import difflib
import enum
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from os import PathLike
from typing import TYPE_CHECKING, Any

import attrs

from gunflow._collection import Collection
from gunflow.errors import InconsistencyError, NotFound
from gunflow.model import (
    Acknowledgement,
    Event,
    FindingKey,
    Interval,
    Measure,
    Relation,
    Source,
    Statistic,
)

if TYPE_CHECKING:
    from gunflow.checks._suspects import Suspect

__all__ = ["Checked", "Finding", "Passed", "Report", "Severity", "literal"]


class Severity(enum.StrEnum):
    """How serious a finding is.

    ``error``: the figures cannot all be true. ``warning``: suspicious, or not comparable.
    ``info``: corroboration, or what a figure implies.

    .. versionadded:: 0.1.0
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """The place in a report's order (0 for errors, 1 for warnings, 2 for infos)."""
        return _RANKS[self]


_RANKS = {severity: rank for rank, severity in enumerate(Severity)}


def _statistics(value: Iterable[Statistic]) -> tuple[Statistic, ...]:
    return tuple(value)


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    return tuple(value)


def _measures(value: Iterable[Measure]) -> tuple[Measure, ...]:
    return tuple(value)


def _intervals(value: Iterable[Interval]) -> tuple[Interval, ...]:
    return tuple(value)


def _passes(value: Iterable[Passed]) -> tuple[Passed, ...]:
    return tuple(value)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a rule found, with the statistics (and their quotes) it is about.

    Attributes:
        rule: the rule's name (``"agreement"``).
        severity: error, warning or info.
        message: one line a reporter understands.
        statistics: the statistics involved, each with its source and quote.
        intervals: the intervals compared, in the order of the message.
        labels: what each interval is ("about 2,000", "about four times", "implied"), in the
            order of *intervals*; empty when they are the figures' own, in order.
        relation: the curated relation checked, when the rule checks one.
        events: the events involved (``chronology``).
        measures: the measures compared, for a finding about measures rather than figures
            (``denominator``); its statistics are then examples.
        acknowledgement: the curated acknowledgement that explains it, if any.

    Government Executive gives the 2009 border surge as "120 days" and as "three months"; the
    two lengths, in days, do not meet, and a curated acknowledgement explains why:

    >>> import gunflow
    >>> finding = gunflow.check(gunflow.load(), rules=["duration"]).errors[0]
    >>> finding.rule, str(finding.severity), [str(i) for i in finding.intervals]
    ('duration', 'error', ['[119.5, 120.5]', '[70, 108.5]'])
    >>> finding.acknowledgement.id
    'govexec-surge-120-days-vs-three-months'

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``events``, ``measures``, ``labels`` and :attr:`key`.

    """

    rule: str
    severity: Severity = attrs.field(converter=Severity)
    message: str
    statistics: tuple[Statistic, ...] = attrs.field(default=(), converter=_statistics)
    intervals: tuple[Interval, ...] = attrs.field(default=(), converter=_intervals)
    labels: tuple[str, ...] = attrs.field(default=(), converter=_names)
    relation: Relation | None = None
    events: tuple[Event, ...] = attrs.field(default=(), converter=_events)
    measures: tuple[Measure, ...] = attrs.field(default=(), converter=_measures)
    acknowledgement: Acknowledgement | None = None

    @labels.validator
    def _one_label_per_interval(self, _: object, labels: tuple[str, ...]) -> None:
        if labels and len(labels) != len(self.intervals):
            raise ValueError(f"{len(labels)} labels for {len(self.intervals)} intervals")

    @property
    def acknowledged(self) -> bool:
        """Whether a curated acknowledgement explains this finding."""
        return self.acknowledgement is not None

    @property
    def statistic_ids(self) -> tuple[str, ...]:
        """The ids of the statistics involved."""
        return tuple(s.id for s in self.statistics)

    @property
    def key(self) -> FindingKey:
        """What acknowledgements match, namely the rule and the ids of what the finding is about.

        That is the statistics, events and relation it names; for a finding about measures,
        the measures alone, so that a new figure of either measure leaves the key as it was.

        >>> import gunflow
        >>> report = gunflow.check(gunflow.load(), rules=["duration"])
        >>> print(report.errors[0].key)  # doctest: +NORMALIZE_WHITESPACE
        duration: statistics govexec-2009-12-guns-and-drugs/surge-120-days,
        govexec-2009-12-guns-and-drugs/surge-three-months

        .. versionadded:: 0.2.0
        """
        if self.measures:
            return FindingKey(rule=self.rule, measures=(m.id for m in self.measures))
        return FindingKey(
            rule=self.rule,
            statistics=self.statistic_ids,
            events=(e.id for e in self.events),
            relations=(self.relation.id,) if self.relation else (),
        )

    def sort_key(self) -> tuple[int, str, tuple[str, ...], str, tuple[str, ...]]:
        """Order: severity, rule, statistics, message, then what else it names."""
        return (
            self.severity.rank,
            self.rule,
            self.statistic_ids,
            self.message,
            (
                *(m.id for m in self.measures),
                *(e.id for e in self.events),
                *((self.relation.id,) if self.relation else ()),
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary: ids, quotes, intervals as text."""
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "statistics": [
                {"id": s.id, "source": s.source, "quote": s.quote, "figure": str(s.quantity)}
                for s in self.statistics
            ],
            "intervals": [str(i) for i in self.intervals],
            "relation": self.relation.id if self.relation else None,
            "events": [e.id for e in self.events],
            "measures": [m.id for m in self.measures],
            "key": {"rule": self.rule, **self.key.named()},
            "acknowledged": self.acknowledgement.id if self.acknowledgement else None,
            "explanation": self.acknowledgement.explanation if self.acknowledgement else None,
        }


def literal(text: object) -> str:
    """*text* to put in a :class:`Passed` arithmetic template as it is: its braces doubled."""
    return str(text).replace("{", "{{").replace("}", "}}")


@attrs.frozen(kw_only=True, weakref_slot=False)  # many are made: no room for weak references
class Passed:
    """A comparison a rule made and found consistent, with its arithmetic.

    A rule yields one alongside its findings, so that a clean run shows what held. The
    arithmetic is a template, filled in only when :attr:`message` is read (a large check
    makes many): ``{0}``, ``{1}``, ... stand for the statistics as written, ``{intervals[0]}``,
    ... for the intervals. Plain text works too.

    >>> import gunflow
    >>> report = gunflow.check(gunflow.load(), rules=["partition"])
    >>> print(report.passed[0].message)  # doctest: +ELLIPSIS
    parts of firearms.mx.submitted_for_tracing: ... = ... does not exceed ...

    Attributes:
        rule: the rule's name.
        arithmetic: what was compared, as a template (see above).
        statistics: the statistics compared.
        intervals: the intervals compared.
        relation: the curated relation checked, when the rule checks one.

    .. versionadded:: 0.2.0

    """

    rule: str
    arithmetic: str
    statistics: tuple[Statistic, ...] = attrs.field(default=(), converter=_statistics)
    intervals: tuple[Interval, ...] = attrs.field(default=(), converter=_intervals)
    relation: Relation | None = None

    @property
    def message(self) -> str:
        """The arithmetic with the figures (as written) and the intervals filled in."""
        written = [str(s.quantity) for s in self.statistics]
        return self.arithmetic.format(*written, intervals=[str(i) for i in self.intervals])

    @property
    def statistic_ids(self) -> tuple[str, ...]:
        """The ids of the statistics compared."""
        return tuple(s.id for s in self.statistics)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary: the rule, the message, the ids compared."""
        return {
            "rule": self.rule,
            "message": self.message,
            "statistics": list(self.statistic_ids),
            "relation": self.relation.id if self.relation else None,
        }


@attrs.frozen(kw_only=True)
class Checked:
    """What one rule compared: how many comparisons, how many held, how many failed.

    A failed comparison is an error (acknowledged or not); warnings and infos are neither.

    .. versionadded:: 0.2.0
    """

    rule: str
    passed: int = 0
    failed: int = 0

    @property
    def compared(self) -> int:
        """How many comparisons were made, passed and failed together."""
        return self.passed + self.failed


def _same_file(name: str | PathLike[str]) -> str:
    """A file's name as compared: the real path, or ``<bundled>/...`` as it is."""
    text = str(name)
    return text if text.startswith("<") else os.path.realpath(text)


def _record_ids(finding: Finding) -> set[str]:
    """The ids of the records a finding involves."""
    ids = {*finding.statistic_ids, *(e.id for e in finding.events)}
    ids |= {m.id for m in finding.measures}
    if finding.relation is not None:
        ids.add(finding.relation.id)
    if finding.acknowledgement is not None:
        ids.add(finding.acknowledgement.id)
    return ids


def _in_order(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=Finding.sort_key))


@attrs.frozen(kw_only=True)
class Report:
    """The findings of :func:`gunflow.check`, in a stable order: errors first, then by rule.

    Every error in the bundled data is explained by an acknowledgement, so none is left
    unacknowledged; :meth:`raise_for_errors` would raise if one were:

    >>> import gunflow
    >>> report = gunflow.check(gunflow.load())
    >>> len(report.errors) > 0, report.unacknowledged_errors
    (True, ())
    >>> report.raise_for_errors()
    >>> [f.rule for f in report.filter(rule="duration")]
    ['duration']

    .. versionadded:: 0.1.0
    """

    findings: tuple[Finding, ...] = attrs.field(converter=_in_order)
    rules: tuple[str, ...] = attrs.field(default=(), converter=_names)
    #: The file each record came from, by id (:attr:`gunflow.Dataset.origins`).
    origins: Mapping[str, str] = attrs.field(factory=dict, eq=False, repr=False)
    #: The statistics that were checked (``dataset.statistics``), so that :meth:`filter` can
    #: tell an id that names no statistic from one that is merely in no finding; None for a
    #: report made by hand from findings alone, which cannot tell them apart.
    statistics: Collection[Statistic] | None = attrs.field(default=None, eq=False, repr=False)
    #: The comparisons that held, with their arithmetic, in the order the rules ran.
    passed: tuple[Passed, ...] = attrs.field(default=(), converter=_passes, repr=False)
    #: How many comparisons each rule that ran made, passed and failed, by the rule's name.
    checked: Mapping[str, Checked] = attrs.field(factory=dict, repr=False)
    #: The label of each figure in an unacknowledged error, by id (who, when, as written, what).
    labels: Mapping[str, str] = attrs.field(factory=dict, eq=False, repr=False)
    #: Each source of the checked dataset, by id, so that the HTML report names and links it.
    sources: Mapping[str, Source] = attrs.field(factory=dict, eq=False, repr=False)

    def __len__(self) -> int:
        """The number of findings."""
        return len(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        """The findings, in order."""
        return iter(self.findings)

    def __bool__(self) -> bool:
        """True when there are findings of any severity."""
        return bool(self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Every error, acknowledged or not."""
        return self._of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Every warning."""
        return self._of(Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """Every info finding."""
        return self._of(Severity.INFO)

    @property
    def unacknowledged_errors(self) -> tuple[Finding, ...]:
        """The errors nobody has acknowledged, which :meth:`raise_for_errors` fails on."""
        return tuple(f for f in self.errors if not f.acknowledged)

    def suspects(self) -> tuple[Suspect, ...]:
        """The likely culprits: the fewest figures that every unacknowledged error involves.

        Removing (or correcting) them all would resolve every unacknowledged error that names
        figures. They are a smallest such set, found exactly when at most 20 figures are
        candidates, else by a greedy choice (the figure in the most errors left, again and
        again), which may take a few more than the fewest. Most errors first, then by id.

        >>> import gunflow
        >>> gunflow.check(gunflow.load()).suspects()  # every bundled error is acknowledged
        ()

        .. versionadded:: 0.2.0
        """
        from gunflow.checks._suspects import suspects

        return suspects(self.unacknowledged_errors, self.labels)

    def _of(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is severity)

    def filter(
        self,
        *,
        rule: str | None = None,
        severity: Severity | str | None = None,
        statistic: str | Statistic | None = None,
        acknowledged: bool | None = None,
        files: Iterable[str | PathLike[str]] | None = None,
    ) -> Report:
        """The findings that match every criterion given, as a report.

        Args:
            rule: a rule's name.
            severity: ``"error"``, ``"warning"`` or ``"info"``.
            statistic: a statistic, or its id (ignoring case): findings that involve it.
            acknowledged: True for acknowledged findings only, False for the others.
            files: data files: findings that involve a statistic, relation or acknowledgement
                read from one of them (your own figures, apart from the bundled ones).

        Raises:
            NotFound: a file is not one the checked records were read from, or an id names
                no statistic that was checked (only a report of :func:`gunflow.check` knows
                them); the message suggests close matches.

        .. versionchanged:: 0.2.0
           *files*; a statistic's id is matched ignoring case, and one that names no checked
           statistic raises :class:`NotFound`. :attr:`passed` and :attr:`checked` are kept
           whole.

        """
        wanted_severity = Severity(severity) if severity is not None else None
        if isinstance(statistic, str) and self.statistics is not None:
            statistic = self.statistics.get(statistic)
        wanted_id = statistic.id if isinstance(statistic, Statistic) else statistic
        wanted_id = wanted_id.strip().casefold() if wanted_id is not None else None
        in_files = self._ids_from(files) if files is not None else None
        return attrs.evolve(
            self,
            findings=tuple(
                f
                for f in self.findings
                if (rule is None or f.rule == rule)
                and (wanted_severity is None or f.severity is wanted_severity)
                and (wanted_id is None or wanted_id in {i.casefold() for i in f.statistic_ids})
                and (acknowledged is None or f.acknowledged == acknowledged)
                and (in_files is None or bool(in_files & _record_ids(f)))
            ),
        )

    def _ids_from(self, files: Iterable[str | PathLike[str]]) -> frozenset[str]:
        """The ids of the records read from *files*, each file matched by its real path."""
        by_file: dict[str, set[str]] = {}
        for record, file in self.origins.items():
            by_file.setdefault(_same_file(file), set()).add(record)
        wanted = [files] if isinstance(files, str | PathLike) else list(files)
        ids: set[str] = set()
        for wanted_file in wanted:
            file = str(wanted_file)
            found = by_file.get(_same_file(file))
            if found is None:
                known = sorted(set(self.origins.values()))
                close = difflib.get_close_matches(file, known, n=3, cutoff=0.4)
                raise NotFound(
                    "file",
                    file,
                    tuple(close),
                    message=f"no checked record was read from {file!r}",
                )
            ids |= found
        return frozenset(ids)

    def counts(self) -> dict[tuple[str, str], int]:
        """How many findings of each (rule, severity)."""
        return dict(sorted(Counter((f.rule, str(f.severity)) for f in self.findings).items()))

    def raise_for_errors(self) -> None:
        """Raise if any error is unacknowledged; made for a user's test suite.

        In a test that fails, pytest shows the message alone, not gunflow's source.

        Raises:
            InconsistencyError: listing every unacknowledged error, with the quote and the
                source of each figure involved.

        .. versionchanged:: 0.2.0
           The message quotes each figure and names its source and file.

        """
        __tracebackhide__ = True
        errors = self.unacknowledged_errors
        if errors:
            lines = [f"{len(errors)} unacknowledged error(s) in the reported figures:"]
            for f in errors:
                lines.append(f"  [{f.rule}] {f.message}")
                for name, ids in f.key.named().items():
                    lines.append(f"    {name}: {', '.join(ids)}")
                for s in f.statistics:
                    where = f", in {self.origins[s.id]}" if s.id in self.origins else ""
                    lines.append(f"    - {s.id} (source {s.source}{where}): {s.said()}")
            raise InconsistencyError("\n".join(lines))

    def __repr__(self) -> str:
        """A short summary: the counts, not the findings (``print(report)`` shows the same)."""
        return (
            f"<Report: {len(self.findings)} findings: {len(self.errors)} errors "
            f"({len(self.unacknowledged_errors)} unacknowledged), {len(self.warnings)} warnings, "
            f"{len(self.infos)} infos>"
        )

    def _repr_html_(self) -> str:
        """The report as HTML, for notebooks: grouped by severity, intervals drawn, quotes.

        Figures are linked to the sources of the dataset checked, your own ones included.
        """
        from gunflow._html import report_body

        return report_body(self)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary of the whole report."""
        return {
            "rules": list(self.rules),
            "counts": {
                "error": len(self.errors),
                "unacknowledged_error": len(self.unacknowledged_errors),
                "warning": len(self.warnings),
                "info": len(self.infos),
            },
            "checked": {
                name: {"compared": c.compared, "passed": c.passed, "failed": c.failed}
                for name, c in self.checked.items()
            },
            "findings": [f.to_dict() for f in self.findings],
        }
