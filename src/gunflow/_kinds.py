"""The kinds of record: each one's class and the name of its TOML table.

Apart from :mod:`gunflow.io` so that loading the precompiled bundled records, which needs the
classes but no parser or converter, imports neither.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from gunflow.model import (
    Acknowledgement,
    Agency,
    Event,
    Measure,
    Person,
    Program,
    Relation,
    Source,
    Statistic,
)

__all__ = ["KINDS", "Record"]

Record = (
    Source | Agency | Person | Program | Measure | Statistic | Event | Relation | Acknowledgement
)

#: The TOML table name of each kind of record, in the order a dataset lists them.
KINDS: Final[Mapping[str, type[Record]]] = {
    "source": Source,
    "agency": Agency,
    "person": Person,
    "program": Program,
    "measure": Measure,
    "statistic": Statistic,
    "event": Event,
    "relation": Relation,
    "acknowledgement": Acknowledgement,
}
