"""The consistency checks: the engine, the report, and one module per family of rules."""

from gunflow.checks._engine import RULES, Rule, check
from gunflow.checks._report import Finding, Report, Severity
from gunflow.checks._suspects import Suspect

__all__ = ["RULES", "Finding", "Report", "Rule", "Severity", "Suspect", "check"]
