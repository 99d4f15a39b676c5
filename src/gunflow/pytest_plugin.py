"""The pytest plugin: ``pytest --gunflow`` checks your figures, one test per rule.

Installed with gunflow and inactive unless asked: without ``--gunflow`` it adds no test. It
reads the files named in the project's ``pyproject.toml``::

    [tool.gunflow]
    data = ["data/figures.toml", "data/more/*.toml"]

(paths and patterns relative to that file, which must stay inside its folder) or given with
``--gunflow-data PATH`` (repeatable, anywhere), loads them with the bundled data, and adds one
test per rule that fails with that rule's unacknowledged errors, their quotes and sources. The
fixtures :func:`gunflow_dataset` and :func:`gunflow_report` serve hand-written tests.

Nothing of gunflow beyond this module is imported until a test needs it, so that pytest starts
as fast with the plugin as without it.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from gunflow.checks import Report
    from gunflow.dataset import Dataset

__all__ = ["data_files", "gunflow_dataset", "gunflow_report"]

_GLOB = frozenset("*?[")


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--gunflow`` and ``--gunflow-data``."""
    group = parser.getgroup("gunflow", "checking reported figures with gunflow")
    group.addoption(
        "--gunflow",
        action="store_true",
        default=False,
        help="check the figures of [tool.gunflow] data in pyproject.toml (and --gunflow-data) "
        "with the bundled data: one test per rule",
    )
    group.addoption(
        "--gunflow-data",
        action="append",
        default=[],
        metavar="PATH",
        help="a data file of your own to check (repeatable; a path anywhere)",
    )


def _pyproject(config: pytest.Config) -> Path | None:
    inifile = config.inipath
    if inifile is not None and inifile.name == "pyproject.toml":
        return inifile
    candidate = config.rootpath / "pyproject.toml"
    return candidate if candidate.is_file() else None


def _configured(pyproject: Path) -> list[Path]:
    """The files ``[tool.gunflow] data`` names, each inside the project's folder."""
    from gunflow._files import inside
    from gunflow.errors import UnsafePath

    try:
        settings = tomllib.loads(pyproject.read_text(encoding="utf-8-sig"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise pytest.UsageError(f"gunflow: cannot read {pyproject}: {error}") from None
    table: Any = settings.get("tool", {}).get("gunflow", {})
    unknown = sorted(set(table) - {"data"}) if isinstance(table, dict) else []
    patterns = table.get("data", []) if isinstance(table, dict) else None
    if unknown or not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise pytest.UsageError(
            f"gunflow: in {pyproject}, [tool.gunflow] takes one key, data, a list of paths "
            f'relative to that file: data = ["data/figures.toml"]'
        )
    root = pyproject.parent.resolve()
    files: list[Path] = []
    for pattern in patterns:
        found = sorted(root.glob(pattern)) if _GLOB & set(pattern) else [root / pattern]
        if not found:
            raise pytest.UsageError(f"gunflow: {pattern!r} in {pyproject} matches no file")
        for path in found:
            try:
                inside(root, os.fspath(path))
            except UnsafePath:
                raise pytest.UsageError(
                    f"gunflow: {pattern!r} in {pyproject} leads outside the project's folder "
                    f"{root}; name such a file with --gunflow-data to check it"
                ) from None
            files.append(path)
    return files


def data_files(config: pytest.Config) -> list[Path]:
    """The user's data files: ``[tool.gunflow] data``, then every ``--gunflow-data``.

    Raises:
        pytest.UsageError: the configuration is malformed, or a path leads out of the project.

    """
    pyproject = _pyproject(config)
    files = _configured(pyproject) if pyproject is not None else []
    files += [Path(p) for p in config.getoption("gunflow_data")]
    return list(dict.fromkeys(files))


_DATASET = pytest.StashKey["Dataset | BaseException"]()
_REPORT = pytest.StashKey["Report"]()


def _dataset(config: pytest.Config) -> Dataset:
    """The user's files with the bundled data, loaded once per session."""
    __tracebackhide__ = True
    if _DATASET not in config.stash:
        from gunflow._loading import load

        try:
            config.stash[_DATASET] = load(extra=data_files(config))
        except Exception as error:  # kept, so that each test that needs it reports it
            config.stash[_DATASET] = error
    found = config.stash[_DATASET]
    if isinstance(found, BaseException):
        raise found
    return found


def _report(config: pytest.Config) -> Report:
    __tracebackhide__ = True
    if _REPORT not in config.stash:
        from gunflow.checks import check

        config.stash[_REPORT] = check(_dataset(config))
    return config.stash[_REPORT]


@pytest.fixture(scope="session")
def gunflow_dataset(pytestconfig: pytest.Config) -> Dataset:
    """The bundled data with the files of ``[tool.gunflow] data`` and ``--gunflow-data``."""
    __tracebackhide__ = True
    return _dataset(pytestconfig)


@pytest.fixture(scope="session")
def gunflow_report(pytestconfig: pytest.Config) -> Report:
    """The report of every rule on :func:`gunflow_dataset`."""
    __tracebackhide__ = True
    return _report(pytestconfig)


class GunflowItem(pytest.Item):
    """One test: the data loads (``gunflow-data``), or one rule finds no unacknowledged error."""

    def __init__(self, *, rule: str | None, **kwargs: Any) -> None:
        """Check *rule*, or the data itself when it is None."""
        super().__init__(**kwargs)
        self.rule = rule
        self.add_marker("gunflow")

    def runtest(self) -> None:
        """Load the data; for a rule, fail with its unacknowledged errors."""
        __tracebackhide__ = True
        from gunflow.errors import DataError

        try:
            report = _report(self.config)
        except DataError as error:
            if self.rule is None:
                raise _CheckFailedError(str(error)) from None
            pytest.skip("the data did not load: see the gunflow-data test")
        if self.rule is not None:
            from gunflow.errors import InconsistencyError

            try:
                report.filter(rule=self.rule).raise_for_errors()
            except InconsistencyError as error:
                raise _CheckFailedError(f"rule {self.rule!r}: {error}") from None

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str | Any:
        """The findings alone for a failed check; pytest's usual report for anything else."""
        if isinstance(excinfo.value, _CheckFailedError):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the test comes from, for pytest's listing."""
        return self.path, None, self.name


class GunflowChecks(pytest.File):
    """The checks of a project, under its ``pyproject.toml``: the data test, then the rules."""

    def collect(self) -> list[pytest.Item]:
        """One item for the data, then one per rule of :data:`gunflow.RULES`."""
        from gunflow.checks import RULES

        return [
            GunflowItem.from_parent(self, name="gunflow-data", rule=None),
            *(GunflowItem.from_parent(self, name=f"gunflow-{r.name}", rule=r.name) for r in RULES),
        ]


class _CheckFailedError(Exception):
    """A check failed; its message is the whole report of the failure."""


@pytest.hookimpl(tryfirst=True)  # before -k and -m select among the items
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    """With ``--gunflow``, add the data test and one test per rule."""
    if not config.getoption("gunflow"):
        return
    data_files(config)  # a malformed configuration stops the run here, as a usage error
    path = _pyproject(config) or config.rootpath / "pyproject.toml"
    items.extend(GunflowChecks.from_parent(session, path=path).collect())


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``gunflow`` marker, so that ``-m gunflow`` selects the checks."""
    config.addinivalue_line("markers", "gunflow: a consistency check of reported figures")
