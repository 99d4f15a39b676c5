"""Validators reject what cannot be true, and say what and why."""

import attrs
import pytest

import gunflow as gf


def stat(**changes):
    fields = {
        "id": "src/a-figure",
        "measure": "m.count",
        "source": "src",
        "quantity": gf.Quantity(value=70000, unit="count", hedge="nearly", written="Nearly 70,000"),
        "quote": "Nearly 70,000 U.S.-originated firearms were recovered in Mexico "
        "between 2007 and 2009.",
    }
    return gf.Statistic(**{**fields, **changes})


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(
        ValueError, match=r"end: the period ends \(2007\) before it starts \(2009\)"
    ):
        gf.Period.parse("2009/2007")
    with pytest.raises(ValueError, match="a start, an end, or both"):
        gf.Period()


def test_periods_and_fiscal_years():
    p = gf.Period.parse("2009", fiscal=True)
    assert (str(p.first_day()), str(p.last_day())) == ("2008-10-01", "2009-09-30")
    assert str(p) == "FY2009"
    since = gf.Period.parse("2006-12/")
    assert since.is_open
    assert since.last_day() is None
    assert str(since.last_day(gf.PartialDate.parse("2010-11-10"))) == "2010-11-10"
    with pytest.raises(ValueError, match="whole years"):
        gf.Period.parse("2009-06", fiscal=True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2009-02-30", "has no day 30"),
        ("2009-13", "no month 13"),
        ("1066", "implausible"),
        ("June 2009", "not a date"),
    ],
)
def test_impossible_dates(text, message):
    with pytest.raises(ValueError, match=message):
        gf.PartialDate.parse(text)


def test_a_quote_must_contain_its_figure_and_not_be_empty():
    with pytest.raises(ValueError, match="quote: does not contain the figure as written"):
        stat(quote="About 70,000 firearms were recovered.")
    with pytest.raises(ValueError, match="quote: must not be empty"):
        stat(quote="  ", quantity=gf.Quantity(value=1, unit="count"))


@pytest.mark.parametrize("bad", ["ATF", "has space", "-lead", "trail-", "a//b", ""])
def test_malformed_ids(bad):
    with pytest.raises(ValueError, match="is not a valid id"):
        gf.Agency(id=bad, name="X", kind="law_enforcement", country="US")


def test_other_field_checks():
    with pytest.raises(ValueError, match="two-letter country code"):
        gf.Agency(id="x", name="X", kind="law_enforcement", country="USA")
    with pytest.raises(ValueError, match="a share is given in percent"):
        gf.Measure(id="m", label="M", kind="share", unit="count", population="guns")
    with pytest.raises(ValueError, match="needs at least one source"):
        gf.Event(id="e", kind="meeting", title="A meeting", evidence=())
    with pytest.raises(ValueError, match="a ratio needs a factor"):
        gf.Relation(id="r", kind="ratio", left=("a",), source="s", quote="about four times")
    with pytest.raises(ValueError, match="listed twice"):
        gf.Program(id="p", name="P", run_by=("atf", "atf"))
    with pytest.raises(ValueError, match="not a field of this record"):
        gf.Source(
            id="s",
            kind="dataset",
            title="T",
            publisher="P",
            inferred=(gf.Inference(field="colour", reason="guess"),),
        )


def test_records_are_immutable():
    s = stat()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        s.quote = "changed"  # type: ignore[misc]
    assert isinstance(s.attributed_to, tuple)
