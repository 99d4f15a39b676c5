"""Dataset.series: one row per period, the preferred figure first."""

import io
import json
import sys
from itertools import combinations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gunflow as gf
from gunflow.cli import main
from tests.builders import dataset, measure, stat

GUNS = measure("guns", place="MX")
NEWS = gf.Source(
    id="paper",
    kind="news_article",
    title="A story",
    publisher="Paper",
    published=gf.PartialDate.parse("2021-06"),
)


def series_of(*records, place=None):
    return dataset(GUNS, NEWS, *records).series("guns", place)


def test_one_row_per_period_in_time_order():
    rows = series_of(
        stat("b", "guns", 300, period="2011"),
        stat("a", "guns", 100, period="2009"),
        stat("c", "guns", 200, period="2010"),
        stat("all", "guns", 600, period="2009/2011"),
    ).rows
    assert [str(r.period) for r in rows] == ["2009", "2009/2011", "2010", "2011"]
    assert [r.preferred.id for r in rows] == ["a", "all", "c", "b"]
    assert all(r.alternatives == () and r.agree for r in rows)


def test_the_primary_sources_figure_is_preferred_over_a_later_relay():
    (row,) = series_of(
        stat("report", "guns", 100, as_of="2020-01"),
        stat("relay", "guns", 100, as_of="2021-06", source="paper"),
    ).rows
    assert row.preferred.id == "report"
    assert [s.id for s in row.alternatives] == ["relay"]


def test_a_figure_that_cites_or_restates_is_a_relay():
    (row,) = series_of(
        stat("report", "guns", 100, as_of="2020-01"),
        stat("cites", "guns", 100, as_of="2021-01", source="s2", cites=["s1"]),
        stat("restates", "guns", 100, as_of="2021-02", source="s2-web", restates="report"),
    ).rows
    assert row.preferred.id == "report"


def test_the_latest_vintage_is_preferred_then_the_narrower_interval():
    (row,) = series_of(
        stat("2011-release", "guns", 100, as_of="2011-06"),
        stat("2012-release", "guns", 103, as_of="2012-04", source="s2"),
        stat("2012-about", "guns", 103, hedge="about", as_of="2012-04", source="s2"),
    ).rows
    assert row.preferred.id == "2012-release"  # [102.5, 103.5] is narrower than [102, 104]
    assert [s.id for s in row.alternatives] == ["2012-about", "2011-release"]
    assert not row.agree  # 100 and 103 cannot both be true
    assert str(row.interval) == "[102.5, 103.5]"


def test_agree_when_every_figure_can_be_true_at_once():
    (row,) = series_of(
        stat("a", "guns", 100, hedge="about", as_of="2020-01"),
        stat("b", "guns", 101, as_of="2020-02", source="s2"),
    ).rows
    assert row.agree  # [99, 101] and [100.5, 101.5] meet


def test_place_defaults_to_the_measures_own():
    ds = dataset(
        GUNS,
        stat("mx", "guns", 100),
        stat("north", "guns", 40, place="MX-north"),
    )
    assert [r.preferred.id for r in ds.series("guns")] == ["mx"]
    north = ds.series("guns", "MX-north")
    assert north.place == "MX-north"
    assert [r.preferred.id for r in north] == ["north"]


def test_narrower_measures_are_not_included():
    ds = dataset(GUNS, measure("guns.us", part_of="guns"), stat("us", "guns.us", 70))
    assert len(ds.series("guns")) == 0


def test_a_figure_without_a_period_is_placed_at_its_as_of_date():
    (row,) = series_of(stat("stock", "guns", 5, period=None, as_of="2020-12")).rows
    assert str(row.period) == "2020-12"


def test_an_unknown_measure_is_not_found():
    with pytest.raises(gf.NotFound):
        dataset(GUNS).series("gnus")


def test_rows_and_series_are_immutable():
    found = series_of(stat("a", "guns", 1))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        found.rows[0].agree = False
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        found.rows = ()
    assert isinstance(found.rows, tuple)


def test_records_csv_and_json():
    found = series_of(
        stat("a", "guns", 90, hedge="more than", period="2009"),
        stat("b", "guns", 95, period="2010", source="s2", as_of="2019"),
        stat("c", "guns", 97, period="2010", as_of="2018"),
    )
    first, second = found.to_records()
    assert first["period"] == "2009"
    assert (first["first_day"], first["last_day"]) == ("2009-01-01", "2009-12-31")
    assert (first["low"], first["high"], first["low_open"], first["high_open"]) == (
        "90",
        None,
        True,
        True,
    )
    assert (second["statistic"], second["alternatives"]) == ("b", ["c"])  # the later vintage
    assert (second["low"], second["high"]) == ("94.5", "95.5")
    assert second["agree"] is False  # 95 and 97 cannot both be true
    assert json.dumps(found.to_records())  # JSON-ready
    buffer = io.StringIO()
    found.write_csv(buffer)
    header, line, _ = buffer.getvalue().splitlines()
    assert header.startswith("period,first_day,last_day,place,figure,low,high")
    assert ",a,s1,Alpha," in line


def test_a_value_is_preferred_over_a_bound():
    (row,) = series_of(
        stat("bound", "guns", 68, hedge="more than", as_of="2012-12"),
        stat("value", "guns", 68, as_of="2012-04", source="s2"),
    ).rows
    assert row.preferred.id == "value"  # though the bound is the later one


def test_csv_is_spreadsheet_safe():
    figure = attrs.evolve(stat("a", "guns", 1), quote="=SUM(1 count)")
    buffer = io.StringIO()
    series_of(figure).write_csv(buffer)
    assert ",'=SUM(1 count)," in buffer.getvalue()
    buffer = io.StringIO()
    series_of(figure).write_csv(buffer, spreadsheet_safe=False)
    assert ",=SUM(1 count)," in buffer.getvalue()


def test_pandas_frame():
    pd = pytest.importorskip("pandas")
    frame = series_of(stat("a", "guns", 1, period="2009"), stat("b", "guns", 2, period="2010"))
    frame = frame.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["period"]) == ["2009", "2010"]


def test_pandas_missing_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(gf.export.MissingDependency, match="pip install"):
        series_of(stat("a", "guns", 1)).to_pandas()


def test_the_command_line(capsys):
    measure_id = "firearms.mx.traced.us_origin.share"
    assert main(["series", measure_id]) == 0
    text = capsys.readouterr().out
    assert "2004/2008" in text
    assert "around 87 percent" in text
    assert main(["series", measure_id, "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["period"] for r in records] == ["2004/2008", "2006/2008", "2009/2014"]
    # GAO's own figure over its testimony's (which restates it) and the press relays
    assert records[0]["statistic"] == "gao-09-709/us-origin-share-traced-5-years"
    assert records[2]["statistic"] == "gao-16-223/us-origin-share-traced-2009-2014"
    assert main(["series", measure_id, "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("period,first_day")
    assert main(["series", "no.such.measure"]) == 2
    assert "no measure matches" in capsys.readouterr().err


# --- properties ------------------------------------------------------------------------------

figures = st.lists(
    st.tuples(
        st.integers(min_value=2000, max_value=2005),  # the year
        st.integers(min_value=0, max_value=50),  # the value
        st.sampled_from(["exact", "about", "more than"]),
        st.sampled_from(["s1", "s2", "paper"]),
        st.integers(min_value=2006, max_value=2009),  # as of
    ),
    max_size=12,
)


def build(drawn):
    return series_of(
        *(
            stat(
                f"f{i}",
                "guns",
                value,
                hedge=hedge,
                period=str(year),
                source=source,
                as_of=str(as_of),
            )
            for i, (year, value, hedge, source, as_of) in enumerate(drawn)
        )
    )


@given(figures)
def test_every_figure_is_in_exactly_one_row_of_its_period(drawn):
    found = build(drawn)
    ids = [s.id for row in found for s in row.statistics]
    assert sorted(ids) == sorted(f"f{i}" for i in range(len(drawn)))
    periods = [str(row.period) for row in found]
    assert periods == sorted(set(periods))  # one row per year, in order
    for row in found:
        assert {str(s.period) for s in row.statistics} == {str(row.period)}


@given(figures)
def test_the_preferred_figure_is_a_primary_one_when_there_is_one(drawn):
    for row in build(drawn):
        primary = [s for s in row.statistics if s.source != "paper"]
        if primary:
            assert row.preferred.source != "paper"
            values = [s for s in primary if s.quantity.hedge != "more than"] or primary
            assert row.preferred in values
            latest = max(s.as_of.first() for s in values)
            assert row.preferred.as_of.first() == latest


@given(figures)
def test_agree_is_pairwise_overlap(drawn):
    for row in build(drawn):
        bounds = [s.quantity.bounds() for s in row.statistics]
        assert row.agree == all(a.overlaps(b) for a, b in combinations(bounds, 2))
        assert row.interval == row.preferred.quantity.bounds()
