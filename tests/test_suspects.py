"""The likely culprit: the figure common to many errors, found and shown first."""

import itertools
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import gunflow as gf
from gunflow._html import report_html
from gunflow._terminal import render_report
from gunflow.checks._suspects import hitting_set

WHOLE = "guns.submitted"
PARTS = ("us", "other", "undetermined")

#: Measures linked as the bundled ones are: a whole with three parts, and a share of each.
MEASURES = (
    gf.Measure(
        id=WHOLE,
        label="Guns submitted for tracing",
        kind="count",
        unit="count",
        population="guns submitted for tracing",
        parts=tuple(f"{WHOLE}.{p}" for p in PARTS),
    ),
    *(
        gf.Measure(
            id=f"{WHOLE}.{p}",
            label=f"Guns submitted for tracing, {p}",
            kind="count",
            unit="count",
            population=f"guns submitted for tracing, {p}",
            part_of=WHOLE,
        )
        for p in PARTS
    ),
    *(
        gf.Measure(
            id=f"{WHOLE}.{p}.share",
            label=f"Share of guns submitted for tracing, {p}",
            kind="share",
            unit="percent",
            population=f"of the guns submitted for tracing, the share {p}",
            numerator=f"{WHOLE}.{p}",
            denominator=WHOLE,
        )
        for p in PARTS
    ),
)

SOURCES = (
    gf.Source(
        id="mine",
        kind="news_article",
        title="Where the guns came from",
        publisher="New Boston Post",
        published=gf.PartialDate.parse("2016-01-12"),
    ),
    gf.Source(
        id="wire",
        kind="news_article",
        title="Guns from the north",
        publisher="Reuters",
        published=gf.PartialDate.parse("2016-01-11"),
    ),
)


def _figure(id_: str, measure: str, written: str, *, source: str = "mine") -> gf.Statistic:
    """A figure of 2009-2014, as written in its quote."""
    unit = "percent" if written.endswith("percent") else "count"
    number = written.removeprefix("nearly ").removesuffix(" percent").replace(",", "")
    return gf.Statistic(
        id=f"{source}/{id_}",
        measure=measure,
        quantity=gf.Quantity(
            value=Decimal(number),
            unit=unit,
            hedge="nearly" if written.startswith("nearly") else "exact",
            written=written,
        ),
        source=source,
        quote=f"Of these, {written}.",
        period=gf.Period.parse("2009/2014"),
        as_of=gf.PartialDate.parse("2016-01"),
    )


def _breakdown(other: str) -> gf.Dataset:
    """GAO-16-223's breakdown as a user typed it, with *other* for 17,544; and Reuters' figures."""
    return gf.Dataset.from_records(
        [
            *MEASURES,
            *SOURCES,
            _figure("submitted", WHOLE, "104,850"),
            _figure("us", f"{WHOLE}.us", "73,684"),
            _figure("us-share", f"{WHOLE}.us.share", "70 percent"),
            _figure("other", f"{WHOLE}.other", other),
            _figure("other-share", f"{WHOLE}.other.share", "17 percent"),
            _figure("undetermined", f"{WHOLE}.undetermined", "13,622"),
            _figure("undetermined-share", f"{WHOLE}.undetermined.share", "13 percent"),
            _figure("submitted", WHOLE, "nearly 105,000", source="wire"),
            _figure("other-share", f"{WHOLE}.other.share", "17 percent", source="wire"),
        ]
    )


def test_the_figures_as_gao_gave_them_hold():
    # 73,684 + 17,544 + 13,622 = 104,850; 16.5-17.5 % of 104,000-104,855 is 17,160-18,350.
    report = gf.check(_breakdown("17,544"))
    assert not report.errors
    assert report.suspects() == ()


def test_one_mistyped_figure_is_the_likely_cause_of_all_five_errors():
    report = gf.check(_breakdown("27,544"))
    errors = report.unacknowledged_errors
    # One partition (114,850 is neither 104,850 nor nearly 105,000) and four share_whole (two
    # shares of 17 percent times two wholes, about 17,160 to 18,375, never 27,544).
    assert sorted(f.rule for f in errors) == ["partition", *["share_whole"] * 4]
    assert all("mine/other" in f.statistic_ids for f in errors)
    first, *others = report.suspects()
    assert not others
    assert first.id == "mine/other"
    assert first.errors == errors
    assert first.summary() == "27,544 is in all 5 errors"
    assert first.label == (
        "New Boston Post, 2016: 27,544 [27,543.5, 27,544.5], guns submitted for tracing, other"
    )


def test_the_command_line_and_the_page_group_the_errors_under_their_cause():
    report = gf.check(_breakdown("27,544"))
    text = render_report(report, columns=200)
    cause = text.index("likely cause: 27,544 is in all 5 errors")
    assert cause < text.index("[partition]") < text.index("[share_whole]")
    page = report_html(report)
    assert "Likely cause: 27,544 is in all 5 errors" in page


def test_labels_tell_apart_the_figures_of_one_source():
    report = gf.check(_breakdown("27,544"))
    (partition,) = report.filter(rule="partition")
    assert "73,684 [73,683.5, 73,684.5], guns submitted for tracing, us" in partition.message
    assert "13,622 [13,621.5, 13,622.5], guns submitted for tracing, undetermined" in (
        partition.message
    )


def test_two_independent_mistakes_are_two_suspects_ranked_by_errors():
    # {a, b}, {b, c}, {c, d}: two ids are needed; b and c are in two sets each, a and d in one.
    assert hitting_set([frozenset("ab"), frozenset("bc"), frozenset("cd")]) == ["b", "c"]


def test_a_set_nothing_can_hit_is_left_out():
    assert hitting_set([frozenset(), frozenset("x")]) == ["x"]
    assert hitting_set([]) == []


def test_greedy_takes_the_id_in_the_most_sets_first():
    sets = [frozenset("ab"), frozenset("ac"), frozenset("ad"), frozenset("e")]
    assert hitting_set(sets, exact_limit=0) == ["a", "e"]


_SETS = st.lists(st.frozensets(st.sampled_from("abcdefgh"), max_size=4), max_size=8)


def _hits(choice, sets):
    return all(not s or s & set(choice) for s in sets)


@given(_SETS)
def test_the_exact_choice_hits_every_set_and_none_smaller_does(sets):
    chosen = hitting_set(sets)
    assert _hits(chosen, sets)
    ids = sorted(set().union(*sets))
    smaller = itertools.combinations(ids, len(chosen) - 1) if chosen else ()
    assert not any(_hits(choice, sets) for choice in smaller)


@given(_SETS)
def test_the_greedy_choice_hits_every_set(sets):
    chosen = hitting_set(sets, exact_limit=0)
    assert _hits(chosen, sets)
    assert len(set(chosen)) == len(chosen)
