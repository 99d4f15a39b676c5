"""Sphinx configuration for gunflow's documentation."""

import sys
from importlib.metadata import version as _version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "gunflow"
author = "The gunflow developers"
copyright = "2026, the gunflow developers"
release = _version("gunflow")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "gunflow_holdings",  # writes data-holdings.md from the bundled data
    "gunflow_fields",  # writes data-fields.md, the field reference, from the model
    "gunflow_pictures",  # the picture directive: pictures drawn from the data at build time
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "_inventories", "_pictures", "data-fields.md", "coverage.md"]
html_theme = "furo"
html_title = "gunflow"

myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = False  # attrs fields: once each, from "Attributes:", as link targets

# Names from packages without an inventory here (see _inventories/README.md), and the type
# variable of Collection: shown as written, not linked.
nitpick_ignore = [
    ("py:class", "hypothesis.strategies.SearchStrategy"),
    ("py:class", "pendulum.date.Date"),
    ("py:class", "matplotlib.figure.Figure"),
    ("py:class", "Figure"),
    ("py:class", "T"),
    ("py:class", "gunflow._collection.T"),
    ("py:obj", "gunflow._collection.T"),
    ("py:class", "Plant"),  # gunflow.strategies.datasets' choice of contradiction, a Literal
    ("py:class", "Node"),  # gunflow.Formula's parsed tree, internal
]

# Examples in docstrings run under `sphinx-build -b doctest` with this in scope.
doctest_global_setup = """
from decimal import Decimal
from fractions import Fraction
from gunflow import *
"""

# Local inventories: CI cannot fetch them (see _inventories/README.md).
_INVENTORIES = Path(__file__).parent / "_inventories"
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", str(_INVENTORIES / "python.inv")),
    "attrs": ("https://www.attrs.org/en/stable", str(_INVENTORIES / "attrs.inv")),
    "cattrs": ("https://catt.rs/en/stable", str(_INVENTORIES / "cattrs.inv")),
}
