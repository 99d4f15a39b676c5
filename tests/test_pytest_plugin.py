"""The pytest plugin, run on fresh projects with pytester."""

import pytest

from tests.builders import CONTRADICTION

pytest_plugins = ["pytester"]

FIXED = CONTRADICTION.replace(
    'value = 90, unit = "percent", hedge = "more than", written = "more than 90 percent"',
    'value = 70, unit = "percent", written = "70 percent"',
).replace("more than 90 percent came", "70 percent came")


@pytest.fixture
def project(pytester):
    pytester.makepyprojecttoml('[tool.gunflow]\ndata = ["data/mine.toml"]\n')
    (pytester.path / "data").mkdir()
    (pytester.path / "data" / "mine.toml").write_text(CONTRADICTION, encoding="utf-8")
    return pytester


def test_inactive_unless_asked(project):
    result = project.runpytest()
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_a_contradiction_fails_the_rule_that_finds_it_and_passes_once_fixed(project):
    result = project.runpytest("--gunflow", "-rA")
    # the user's "more than 90 percent" misses three relays of the 70 percent (agreement) and,
    # times three relays of the 104,850 submitted, the 73,684 of U.S. origin (share_whole)
    result.assert_outcomes(failed=2, passed=len(_rules()) - 1)  # every other rule, and the data
    result.stdout.fnmatch_lines(
        [
            "*rule 'agreement': 3 unacknowledged error(s)*",
            "*my-story/shares (source my-story, in *mine.toml):*more than 90 percent came*",
        ]
    )
    result.stdout.fnmatch_lines(
        ["FAILED pyproject.toml::gunflow-agreement*", "FAILED pyproject.toml::gunflow-share_whole*"]
    )
    assert "_report.py" not in result.stdout.str()  # no gunflow frame shown
    (project.path / "data" / "mine.toml").write_text(FIXED, encoding="utf-8")
    project.runpytest("--gunflow").assert_outcomes(passed=len(_rules()) + 1)


def _rules():
    import gunflow

    return gunflow.RULES


def test_bad_data_fails_the_data_test_with_every_problem(project):
    (project.path / "data" / "mine.toml").write_text(
        CONTRADICTION.replace('"firearms.mx.', '"firearms.mxx.'), encoding="utf-8"
    )
    result = project.runpytest("--gunflow")
    result.assert_outcomes(failed=1, skipped=len(_rules()))
    result.stdout.fnmatch_lines(["*my-story/shares: measure: no measure has the id*"])


def test_data_given_on_the_command_line(pytester, tmp_path):
    outside = tmp_path / "elsewhere.toml"
    outside.write_text(CONTRADICTION, encoding="utf-8")
    result = pytester.runpytest("--gunflow", f"--gunflow-data={outside}", "-k", "agreement")
    result.assert_outcomes(failed=1)


def test_pyproject_paths_stay_inside_the_project(pytester):
    pytester.makepyprojecttoml('[tool.gunflow]\ndata = ["../elsewhere.toml"]\n')
    result = pytester.runpytest("--gunflow")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*leads outside the project's folder*--gunflow-data*"])


def test_a_malformed_table_is_a_usage_error(pytester):
    pytester.makepyprojecttoml('[tool.gunflow]\ndata = "mine.toml"\n')
    result = pytester.runpytest("--gunflow")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*takes one key, data, a list of paths*"])


def test_patterns_select_files(project):
    project.makepyprojecttoml('[tool.gunflow]\ndata = ["data/*.toml"]\n')
    project.runpytest("--gunflow", "-k", "agreement").assert_outcomes(failed=1)


def test_fixtures_serve_hand_written_tests(project):
    project.makepyfile(
        """
        def test_mine_is_loaded(gunflow_dataset):
            assert gunflow_dataset.statistics.get("my-story/shares")

        def test_no_errors(gunflow_report):
            gunflow_report.filter(files=["data/mine.toml"]).raise_for_errors()
        """
    )
    result = project.runpytest()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["E * 6 unacknowledged error(s) in the reported figures:"])
    assert "def raise_for_errors" not in result.stdout.str()  # gunflow's frame is hidden


def test_the_pre_commit_hook_checks_the_files_it_is_given(tmp_path):
    import re
    import subprocess
    import sys
    from pathlib import Path

    text = (Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    fields = dict(re.findall(r"^  (entry|files|exclude): (.+)$", text, flags=re.MULTILINE))
    assert "- id: gunflow-check" in text
    assert re.search(fields["files"], "data/mine.toml")
    assert re.search(fields["exclude"], "pyproject.toml")
    assert not re.search(fields["exclude"], "data/mine.toml")
    command = [sys.executable, "-m", *fields["entry"].split()]
    mine = tmp_path / "mine.toml"
    mine.write_text(CONTRADICTION, encoding="utf-8")
    failed = subprocess.run([*command, str(mine)], capture_output=True, text=True, check=False)
    assert failed.returncode == 1
    assert "my-story/shares" in failed.stdout
    mine.write_text(FIXED, encoding="utf-8")
    passed = subprocess.run([*command, str(mine)], capture_output=True, text=True, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
