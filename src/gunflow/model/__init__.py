"""The typed model: one module per concept, every class frozen, slotted and keyword-only."""

from gunflow.model._common import Inference
from gunflow.model.acknowledgement import Acknowledgement, FindingKey
from gunflow.model.agency import Agency, AgencyKind
from gunflow.model.coverage import Coverage
from gunflow.model.date import PartialDate, Precision
from gunflow.model.event import Event, EventKind, EventStatus, Evidence
from gunflow.model.formula import Formula
from gunflow.model.interval import Interval
from gunflow.model.measure import Measure, MeasureKind
from gunflow.model.period import Period
from gunflow.model.person import Person, Role
from gunflow.model.program import Program
from gunflow.model.quantity import DEFAULT_TOLERANCE, Hedge, Quantity, Tolerance, Unit
from gunflow.model.relation import Relation, RelationKind
from gunflow.model.source import Source, SourceKind
from gunflow.model.statistic import Basis, Statistic

__all__ = [
    "DEFAULT_TOLERANCE",
    "Acknowledgement",
    "Agency",
    "AgencyKind",
    "Basis",
    "Coverage",
    "Event",
    "EventKind",
    "EventStatus",
    "Evidence",
    "FindingKey",
    "Formula",
    "Hedge",
    "Inference",
    "Interval",
    "Measure",
    "MeasureKind",
    "PartialDate",
    "Period",
    "Person",
    "Precision",
    "Program",
    "Quantity",
    "Relation",
    "RelationKind",
    "Role",
    "Source",
    "SourceKind",
    "Statistic",
    "Tolerance",
    "Unit",
]
