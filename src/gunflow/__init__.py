"""gunflow: reported figures on U.S. firearms flowing into Mexico, with their sources.

Every record carries its provenance (source, verbatim quote, who said it, whom they cite), and
every reported number is an interval that says how much the words "nearly", "about" and "more
than" allow. Nothing is read until :func:`load` is first called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what type checkers and readers see; at run time, __getattr__ below
    from gunflow._collection import Collection, Events, as_period
    from gunflow._limits import Limits
    from gunflow._loading import load, read
    from gunflow._series import Series, SeriesRow
    from gunflow.checks import (
        RULES,
        Checked,
        Context,
        Finding,
        Passed,
        Report,
        Rule,
        Severity,
        Suspect,
        check,
    )
    from gunflow.dataset import Dataset
    from gunflow.errors import (
        DataError,
        GunflowError,
        InconsistencyError,
        NotFound,
        Problem,
        RuleError,
        TargetExists,
        UnsafePath,
    )
    from gunflow.model import (
        DEFAULT_TOLERANCE,
        Acknowledgement,
        Agency,
        AgencyKind,
        Basis,
        Coverage,
        Event,
        EventKind,
        EventStatus,
        Evidence,
        FindingKey,
        Formula,
        Hedge,
        Inference,
        Interval,
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
        Tolerance,
        Unit,
    )

__all__ = [
    "DEFAULT_TOLERANCE",
    "RULES",
    "Acknowledgement",
    "Agency",
    "AgencyKind",
    "Basis",
    "Checked",
    "Collection",
    "Context",
    "Coverage",
    "DataError",
    "Dataset",
    "Event",
    "EventKind",
    "EventStatus",
    "Events",
    "Evidence",
    "Finding",
    "FindingKey",
    "Formula",
    "GunflowError",
    "Hedge",
    "InconsistencyError",
    "Inference",
    "Interval",
    "Limits",
    "Measure",
    "MeasureKind",
    "NotFound",
    "PartialDate",
    "Passed",
    "Period",
    "Person",
    "Precision",
    "Problem",
    "Program",
    "Quantity",
    "Relation",
    "RelationKind",
    "Report",
    "Role",
    "Rule",
    "RuleError",
    "Series",
    "SeriesRow",
    "Severity",
    "Source",
    "SourceKind",
    "Statistic",
    "Suspect",
    "TargetExists",
    "Tolerance",
    "Unit",
    "UnsafePath",
    "__version__",
    "as_period",
    "check",
    "load",
    "read",
]


#: Where each public name lives; imported on first use, so that ``import gunflow`` stays fast.
_LAZY = {
    "RuleError": "gunflow.errors",
    "Passed": "gunflow.checks",
    "Context": "gunflow.checks",
    "Checked": "gunflow.checks",
    "Acknowledgement": "gunflow.model",
    "Agency": "gunflow.model",
    "AgencyKind": "gunflow.model",
    "Basis": "gunflow.model",
    "Collection": "gunflow._collection",
    "DEFAULT_TOLERANCE": "gunflow.model",
    "DataError": "gunflow.errors",
    "Coverage": "gunflow.model",
    "Dataset": "gunflow.dataset",
    "Event": "gunflow.model",
    "EventKind": "gunflow.model",
    "EventStatus": "gunflow.model",
    "Events": "gunflow._collection",
    "Evidence": "gunflow.model",
    "Finding": "gunflow.checks",
    "FindingKey": "gunflow.model",
    "Formula": "gunflow.model",
    "GunflowError": "gunflow.errors",
    "Hedge": "gunflow.model",
    "InconsistencyError": "gunflow.errors",
    "Inference": "gunflow.model",
    "Interval": "gunflow.model",
    "Limits": "gunflow._limits",
    "Measure": "gunflow.model",
    "MeasureKind": "gunflow.model",
    "NotFound": "gunflow.errors",
    "PartialDate": "gunflow.model",
    "Period": "gunflow.model",
    "Person": "gunflow.model",
    "Precision": "gunflow.model",
    "Problem": "gunflow.errors",
    "Program": "gunflow.model",
    "Quantity": "gunflow.model",
    "RULES": "gunflow.checks",
    "Relation": "gunflow.model",
    "RelationKind": "gunflow.model",
    "Report": "gunflow.checks",
    "Role": "gunflow.model",
    "Rule": "gunflow.checks",
    "Series": "gunflow._series",
    "SeriesRow": "gunflow._series",
    "Severity": "gunflow.checks",
    "Source": "gunflow.model",
    "SourceKind": "gunflow.model",
    "Statistic": "gunflow.model",
    "Suspect": "gunflow.checks",
    "TargetExists": "gunflow.errors",
    "Tolerance": "gunflow.model",
    "Unit": "gunflow.model",
    "UnsafePath": "gunflow.errors",
    "as_period": "gunflow._collection",
    "check": "gunflow.checks",
    "load": "gunflow._loading",
    "read": "gunflow._loading",
}


def __getattr__(name: str) -> object:
    """Import a public name on first use; read ``__version__`` from the package metadata."""
    if name == "__version__":
        from importlib.metadata import version

        return version("gunflow")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gunflow' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, for completion in a REPL."""
    return sorted(__all__)
