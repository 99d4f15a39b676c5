"""The consistency checks: the engine, the report, and one module per family of rules."""

from gunflow.checks._components import components
from gunflow.checks._engine import ENTRY_POINT_GROUP, RULES, Rule, check
from gunflow.checks._index import Context
from gunflow.checks._report import Checked, Finding, Passed, Report, Severity
from gunflow.checks._suspects import Suspect

__all__ = [
    "ENTRY_POINT_GROUP",
    "RULES",
    "Checked",
    "Context",
    "Finding",
    "Passed",
    "Report",
    "Rule",
    "Severity",
    "Suspect",
    "check",
    "components",
]
