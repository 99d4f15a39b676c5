"""The checks over the bundled data: counts pinned, every error acknowledged."""

from fractions import Fraction

import pytest

import gunflow


@pytest.fixture(scope="module")
def report():
    return gunflow.check(gunflow.load())


def test_the_bundled_data_passes_raise_for_errors(report):
    report.raise_for_errors()
    assert report.unacknowledged_errors == ()


def test_findings_per_rule_and_severity_are_pinned(report):
    # Reviewed one by one in docs/tensions.md; a change here must be explained there.
    assert report.counts() == {
        ("agreement", "error"): 1,
        ("change", "info"): 1,
        # one per pair of look-alike measures with figures: families of 5, 3, 3 and 2
        # measures make 10 + 3 + 3 + 1 pairs
        ("denominator", "warning"): 17,
        ("duration", "error"): 1,
        ("relations", "info"): 1,
    }


def test_the_surge_told_as_120_days_and_three_months(report):
    (error,) = report.filter(rule="duration").errors
    assert set(error.statistic_ids) == {
        "govexec-2009-12-guns-and-drugs/surge-120-days",
        "govexec-2009-12-guns-and-drugs/surge-three-months",
    }
    assert error.acknowledgement.id == "govexec-surge-120-days-vs-three-months"


def test_implied_atf_border_personnel(report):
    (info,) = report.filter(rule="relations").infos
    implied = info.intervals[-1]
    # "about 2,000" is read to the thousand (r = 1,000),
    # d = max(500, min(1,000, 200)) = 500: [1,500, 2,500]. "about four times": r = 1,
    # d = max(0.5, min(1, 0.4)) = 0.5: [3.5, 4.5]. Implied: 1,500/4.5 to 2,500/3.5.
    assert implied.low == Fraction(1500) / Fraction("4.5")
    assert implied.high == Fraction(2500) / Fraction("3.5")


def test_implied_2008_recoveries(report):
    (info,) = report.filter(rule="change").infos
    implied = info.intervals[-1]
    # nearly 600 is [540, 600]; more than 50 % is a multiple above 1.5: below 600 / 1.5 = 400
    assert implied.high == 400
    assert not implied.high_closed


def test_the_ninety_percent_figures_are_flagged_not_comparable(report):
    flagged = report.filter(
        rule="denominator", statistic="reuters-2016-01-11/us-origin-share-2009-2014"
    )
    # Reuters' 70 percent against each of the other four shares: three "90 percent" wholes,
    # and GAO's own 87 percent
    assert len(flagged) == 4
    assert all(len(warning.measures) == 2 for warning in flagged)
    named = {s.id for warning in flagged for s in warning.statistics}
    assert len(named) == 5


def test_govexec_restates_gao_higher_than_gao_says(report):
    (error,) = report.filter(rule="agreement").errors
    assert error.statistic_ids == (
        "govexec-2009-12-guns-and-drugs/gao-traced-to-us-2004-2008",
        "gao-09-709/us-origin-share-traced-5-years",
    )
    assert error.acknowledged
