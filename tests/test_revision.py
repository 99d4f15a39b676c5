"""The rule ``revision``: one originator's figure released again, as of a later date."""

import attrs
from hypothesis import given
from hypothesis import strategies as st

import gunflow as gf
from tests.builders import dataset, measure, run, stat

COUNT = measure("guns")
ATF = gf.Agency(
    id="atf", name="Bureau of Alcohol", abbreviation="ATF", kind="law_enforcement", country="US"
)
GAO = gf.Agency(id="gao", name="Audit Office", kind="audit_oversight", country="US")
REPORT = gf.Source(
    id="atf-report",
    kind="government_report",
    title="Trace data",
    publisher="Bureau of Alcohol",  # ATF's own publication: its figures are ATF's
    published=gf.PartialDate.parse("2012-04"),
)


def releases(first, second, *, who=("atf",), second_who=None, as_of=("2011-06", "2012-04"), **kw):
    return dataset(
        COUNT,
        ATF,
        GAO,
        stat("old", "guns", first, as_of=as_of[0], attributed_to=who),
        stat(
            "new",
            "guns",
            second,
            source="s2",
            as_of=as_of[1],
            attributed_to=who if second_who is None else second_who,
            **kw,
        ),
    )


def test_one_agencys_figure_released_again_with_a_change_is_a_revision():
    ds = releases(21313, 22000)
    (finding,) = run(ds, "revision")
    assert finding.severity is gf.Severity.WARNING
    assert finding.statistic_ids == ("old", "new")  # the earlier release first
    # 22,000 - 21,313 = 687, and 687 / 21,313 = 3.2 percent
    assert "ATF's figure revised, +687 (+3.2%)" in finding.message
    assert "as of 2011-06" in finding.message
    assert "as of 2012-04" in finding.message
    assert not run(ds, "agreement")  # a revision is not a contradiction


def test_the_order_of_the_records_does_not_change_the_finding():
    ds = releases(22000, 21313, as_of=("2012-04", "2011-06"))
    (finding,) = run(ds, "revision")
    assert finding.statistic_ids == ("new", "old")  # "new" is the earlier one here
    assert "+687 (+3.2%)" in finding.message  # from 21,313 as of 2011 to 22,000 in 2012


def test_a_fall_is_signed():
    (finding,) = run(releases(22000, 21313), "revision")
    assert "-687 (-3.1%)" in finding.message  # 687 / 22,000 = 3.1 percent


def test_a_share_is_revised_in_percentage_points():
    share = measure("guns.share", kind="share", unit="percent")
    ds = dataset(
        share,
        ATF,
        stat("old", "guns.share", 70, unit="percent", as_of="2011", attributed_to=["atf"]),
        stat(
            "new",
            "guns.share",
            68,
            unit="percent",
            as_of="2012",
            attributed_to=["atf"],
            source="s2",
        ),
    )
    (finding,) = run(ds, "revision")
    assert finding.message.endswith("-2 percentage points")


def test_the_same_figure_released_again_is_no_revision():
    assert not run(releases(21313, 21313), "revision")


def test_the_publishing_agency_is_an_originator():
    ds = dataset(
        COUNT,
        ATF,
        REPORT,
        stat("old", "guns", 100, as_of="2011", attributed_to=["atf"]),
        stat("new", "guns", 120, as_of="2012-04", source="atf-report"),
    )
    (finding,) = run(ds, "revision")
    assert finding.statistic_ids == ("old", "new")


def test_different_originators_contradict_instead():
    ds = releases(100, 200, second_who=("gao",))
    assert not run(ds, "revision")
    (error,) = run(ds, "agreement")
    assert set(error.statistic_ids) == {"old", "new"}


def test_no_originator_named_is_no_revision():
    ds = releases(100, 200, who=())
    assert not run(ds, "revision")
    assert run(ds, "agreement").errors


def test_the_same_date_is_no_revision():
    ds = releases(100, 200, as_of=("2012", "2012-04"))  # 2012 contains April 2012
    assert not run(ds, "revision")
    assert run(ds, "agreement").errors


def test_a_relay_of_the_same_release_must_agree():
    # the second figure restates the first: a misquote, not a new release
    ds = releases(100, 200, restates="old")
    assert not run(ds, "revision")
    assert run(ds, "agreement").errors


def test_two_relays_citing_one_document_must_agree():
    ds = releases(100, 200, cites=["s1"])
    assert not run(ds, "revision")
    assert run(ds, "agreement").errors


def test_different_periods_are_no_revision():
    ds = dataset(
        COUNT,
        ATF,
        stat("a", "guns", 100, period="2009", as_of="2011", attributed_to=["atf"]),
        stat("b", "guns", 200, period="2010", as_of="2012", attributed_to=["atf"], source="s2"),
    )
    assert not run(ds, "revision")


def test_revision_is_in_the_catalogue():
    assert "revision" in [rule.name for rule in gf.RULES]


# --- properties ------------------------------------------------------------------------------

values = st.integers(min_value=0, max_value=10**6)
years = st.integers(min_value=2000, max_value=2030)


@given(values, values, years, years, st.booleans())
def test_agreement_and_revision_split_every_pair(first, second, year, other, shared):
    """A pair is a revision or compared by agreement, never both; a revision fires on change."""
    ds = releases(
        first,
        second,
        second_who=("atf",) if shared else ("gao",),
        as_of=(str(year), str(other)),
    )
    revisions, errors = run(ds, "revision"), run(ds, "agreement")
    is_revision = shared and year != other
    assert bool(revisions) == (is_revision and first != second)
    # read to the unit, 100 is [99.5, 100.5]: figures 1 apart still meet
    assert bool(errors) == (not is_revision and abs(first - second) > 1)
    for finding in revisions:
        earlier, later = finding.statistics
        assert earlier.as_of.first() < later.as_of.first()


@given(values, values, years, years)
def test_revision_does_not_depend_on_the_order_of_the_pair(first, second, year, other):
    one = run(releases(first, second, as_of=(str(year), str(other))), "revision")
    two = run(releases(second, first, as_of=(str(other), str(year))), "revision")
    assert [sorted(f.statistic_ids) == ["new", "old"] for f in one] == [True] * len(one)
    assert len(one) == len(two)
    assert [str(i) for f in one for i in f.intervals] == [str(i) for f in two for i in f.intervals]


# --- authors, relays and releases ------------------------------------------------------------


def paper(id, kind, published, authors=(), cites=()):
    return gf.Source(
        id=id,
        kind=kind,
        title=id,
        publisher=id.upper(),
        authors=authors,
        cites=cites,
        published=gf.PartialDate.parse(published),
    )


AUTHORS = ("Ann Author", "Bob Writer")
STUDY = paper("study", "government_report", "2013-03", AUTHORS)
JOURNAL = paper("journal", "government_report", "2014-06", ("Ann B. Author", "Bob Writer"))
RELAY = paper("relay", "news_article", "2013-03", ("Reporter",), cites=("study",))


def test_a_journal_version_by_the_same_authors_revises_the_press_account_of_the_study():
    ds = dataset(
        COUNT,
        STUDY,
        JOURNAL,
        RELAY,
        stat("relay/estimate", "guns", 253000, source="relay", as_of="2013-03"),
        stat("journal/estimate", "guns", 212887, source="journal", as_of="2014-06"),
    )
    (finding,) = run(ds, "revision")
    assert finding.statistic_ids == ("relay/estimate", "journal/estimate")
    assert "Bob Writer's figure revised, -40,113 (-15.9%)" in finding.message
    assert not run(ds, "agreement")


def test_news_bylines_are_not_originators():
    one = paper("one", "news_article", "2013-03", ("Reporter",))
    two = paper("two", "news_article", "2014-03", ("Reporter",))
    ds = dataset(
        COUNT,
        one,
        two,
        stat("one/n", "guns", 100, source="one", as_of="2013-03"),
        stat("two/n", "guns", 200, source="two", as_of="2014-03"),
    )
    assert not run(ds, "revision")
    assert run(ds, "agreement").errors


def test_a_relay_of_the_study_and_the_study_itself_are_one_release():
    ds = dataset(
        COUNT,
        STUDY,
        RELAY,
        stat("study/n", "guns", 100, source="study", as_of="2013-03-01"),
        stat("relay/n", "guns", 200, source="relay", as_of="2013-03-20"),
    )
    assert not run(ds, "revision")
    assert run(ds, "agreement").errors  # the press misreported the study


def test_a_figure_told_more_exactly_is_no_revision():
    ds = releases(99000, 99691, as_of=("2012-04", "2012-12"))
    more_than = attrs.evolve(
        ds.statistics.get("old"),
        quantity=gf.Quantity(
            value=99000, unit="count", hedge="more than", written="more than 99000"
        ),
        quote="We found more than 99000.",
    )
    ds = gf.Dataset.from_records(
        [*(r for r in ds.records() if getattr(r, "id", None) != "old"), more_than]
    )
    assert not run(ds, "revision")
    assert not run(ds, "agreement")


def test_a_rounded_figure_then_the_exact_count_is_no_revision():
    def pair(first, second):
        return dataset(
            COUNT,
            ATF,
            stat("old", "guns", first, as_of="2012", resolution=None, attributed_to=["atf"]),
            stat(
                "new",
                "guns",
                second,
                as_of="2013",
                resolution=None,
                attributed_to=["atf"],
                source="s2",
            ),
        )

    assert not run(pair(68000, 68161), "revision")  # "68,000" is read to the thousand
    (finding,) = run(pair(253000, 212887), "revision")  # 212,887 is 213,000, not 253,000
    assert "-40,113 (-15.9%)" in finding.message
    assert not run(pair(253000, 212887), "agreement")
