"""gunflow: reported figures on U.S. firearms flowing into Mexico, with their sources.

Every record carries its provenance (source, verbatim quote, who said it, whom they cite), and
every reported number is an interval that says how much the words "nearly", "about" and "more
than" allow. Nothing is read until :func:`load` is first called.
"""

from __future__ import annotations

from gunflow._collection import Collection, Events, as_period
from gunflow._loading import load, read
from gunflow.checks import RULES, Finding, Report, Rule, Severity, check
from gunflow.dataset import Dataset
from gunflow.errors import DataError, GunflowError, InconsistencyError, NotFound, Problem
from gunflow.model import (
    DEFAULT_TOLERANCE,
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
    "Collection",
    "DataError",
    "Dataset",
    "Event",
    "EventKind",
    "EventStatus",
    "Events",
    "Evidence",
    "Finding",
    "GunflowError",
    "Hedge",
    "InconsistencyError",
    "Inference",
    "Interval",
    "Measure",
    "MeasureKind",
    "NotFound",
    "PartialDate",
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
    "Severity",
    "Source",
    "SourceKind",
    "Statistic",
    "Tolerance",
    "Unit",
    "__version__",
    "as_period",
    "check",
    "load",
    "read",
]


def __getattr__(name: str) -> str:
    """Read ``__version__`` from the installed package's metadata, on first use."""
    if name == "__version__":
        from importlib.metadata import version

        return version("gunflow")
    raise AttributeError(f"module 'gunflow' has no attribute {name!r}")
