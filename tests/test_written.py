"""The figure as written must read as its value; the loader reports every slip in one pass."""

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gunflow
from gunflow.model._written import numbers_in


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("17,544", ("17544",)),
        ("$5.9 million", ("5900000",)),
        ("Ninety percent", ("90",)),
        ("only seven", ("7",)),
        ("about four times", ("4",)),
        ("nearly sixfold", ("6",)),
        ("six-fold", ("6",)),
        ("a year later", ("1",)),
        ("more than a 50 percent", ("50",)),
        ("three and a half years", ("3.5",)),
        ("twenty-three", ("23",)),
        ("two thousand five hundred", ("2500",)),
        ("a hundred and ten", ("110",)),
        ("two dozen", ("24",)),
        ("2,000-mile", ("2000",)),
        ("109%", ("109",)),
        ("-12.5 percent", ("-12.5",)),
        ("212,887 (89,816–359,205)", ("212887", "89816", "359205")),
        ("one and two", ("1", "2")),
        ("several", ()),
    ],
)
def test_numbers_read_from_words_and_digits(written, expected):
    assert numbers_in(written) == tuple(Decimal(e) for e in expected)


def test_digits_grouped_wrongly_are_refused():
    with pytest.raises(ValueError, match="'1,00' is not grouped in thousands"):
        numbers_in("1,00 guns")


_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
_TEENS = ["thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    """English words for 0 <= n < 1,000,000, written for this test alone."""
    if n < 13:
        return _ONES[n]
    if n < 20:
        return _TEENS[n - 13]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens - 2] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" and {_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    return f"{_words(thousands)} thousand" + (f" {_words(rest)}" if rest else "")


@given(st.integers(min_value=0, max_value=999_999))
def test_any_count_reads_back_from_words(n):
    assert numbers_in(f"about {_words(n)} guns") == (Decimal(n),)
    assert numbers_in(_words(n).capitalize()) == (Decimal(n),)


@given(st.decimals(min_value=0, max_value=10**12, places=2))
def test_any_number_reads_back_from_grouped_digits(value):
    assert numbers_in(f"more than {value:,} dollars") == (value,)


def test_a_value_that_its_written_form_does_not_state_is_refused():
    with pytest.raises(ValueError, match="'17,544' reads as 17,544, not as the value 27,544"):
        gunflow.Quantity(value=27544, unit="count", written="17,544")
    with pytest.raises(ValueError, match="'several' states no number"):
        gunflow.Quantity(value=3, unit="count", written="several")
    assert gunflow.Quantity(value=6, unit="times", hedge="nearly", written="nearly sixfold")


@pytest.mark.parametrize(
    ("written", "value", "low", "high", "unit"),
    [
        ("between 106,700 and 426,729", None, 106700, 426729, "count"),
        ("212,887 firearms (between 89,816 and 359,205)", 212887, 89816, 359205, "count"),
        ("46.7% (95% C.I.: 39.4 - 52.7%)", "46.7", "39.4", "52.7", "percent"),
        ("from twenty to thirty days", None, 20, 30, "days"),
    ],
)
def test_a_stated_range_reads_from_its_written_form(written, value, low, high, unit):
    quantity = gunflow.Quantity(value=value, low=low, high=high, unit=unit, written=written)
    assert (quantity.low, quantity.high) == (Decimal(str(low)), Decimal(str(high)))


@pytest.mark.parametrize(
    ("written", "value", "low", "high", "message"),
    [
        (
            "between 106,700 and 462,729",
            None,
            106700,
            426729,
            "'between 106,700 and 462,729' reads as 106,700 or 462,729, "
            "not as the high end 426,729",
        ),
        (
            "212,887 firearms (between 98,816 and 359,205)",
            212887,
            89816,
            359205,
            "not as the low end 89,816",
        ),
        ("212,887 firearms", 212887, 89816, 359205, "not as the low end 89,816"),
        ("between 89,816 and 359,205", 212887, 89816, 359205, "not as the value 212,887"),
        ("about a third", None, 30, 36, "not as the low end 30"),
    ],
)
def test_a_range_its_written_form_does_not_state_is_refused(written, value, low, high, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        gunflow.Quantity(value=value, low=low, high=high, unit="count", written=written)


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=10**9),
)
def test_a_range_reads_back_and_any_other_end_is_refused(first, second, other):
    low, high = sorted([first, second])
    written = f"between {low:,} and {high:,}"
    assert gunflow.Quantity(low=low, high=high, unit="count", written=written).high == high
    if other not in (low, high) and low <= other <= high:
        with pytest.raises(ValueError, match="not as the value"):
            gunflow.Quantity(value=other, low=low, high=high, unit="count", written=written)
    if other not in (low, high) and other <= high:
        with pytest.raises(ValueError, match="not as the low end"):
            gunflow.Quantity(low=other, high=high, unit="count", written=written)


def test_a_change_is_compared_by_its_size():
    fall = gunflow.Quantity(value=-12, unit="percent_change", written="down 12 percent")
    assert fall.value == -12


BROKEN = """
[[source]]
id = "my-story"
kind = "news_article"
title = "My story"
publisher = "Me"

[[statistic]]
id = "my-story/seized"
measure = "firearms.mx.siezed"
quantity = { value = 17544, unit = "count", written = "17,544" }
basis = "guess"
source = "my-story"
quote = "Mexico seized 17,544 guns."

[[acknowledgement]]
id = "my-ack"
rule = "agreement"
statistics = ["my-story/seized"]
explanation = "names the refused figure, which is no dangling id"
"""


def test_one_pass_reports_a_bad_field_and_a_misspelt_id_of_the_same_record(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(gunflow.DataError) as caught:
        gunflow.load(extra=[path])
    found = {(p.record, p.field): p.message for p in caught.value.problems}
    assert set(found) == {("my-story/seized", "basis"), ("my-story/seized", "measure")}
    assert "did you mean 'firearms.mx.seized'" in found["my-story/seized", "measure"]


def test_a_refused_record_still_takes_its_id(tmp_path):
    path = tmp_path / "mine.toml"
    again = BROKEN.replace('basis = "guess"\n', "").replace("siezed", "seized")
    again = again[again.index("[[statistic]]") : again.index("[[acknowledgement]]")]
    path.write_text(BROKEN + again, encoding="utf-8")
    with pytest.raises(gunflow.DataError) as caught:
        gunflow.load(extra=[path, tmp_path / "missing.toml"])
    fields = [(p.record, p.field) for p in caught.value.problems]
    assert ("-", "") in fields  # the missing file, reported with the rest
    assert ("my-story/seized", "id") in fields  # used twice, though the first was refused


def test_a_share_in_words_reads_as_percent():
    # GAO-16-223: "about half of them were long guns"; CNSNews: "approximately a quarter"
    half = gunflow.Quantity(
        value=50, unit="percent", hedge="about", written="about half", resolution=10
    )
    assert half.bounds() == gunflow.Interval.closed(45, 55)  # 50 ± max(5, min(10, 5)), by hand
    gunflow.Quantity(value=25, unit="percent", hedge="about", written="approximately a quarter")
    with pytest.raises(ValueError, match="reads as 50"):
        gunflow.Quantity(value=40, unit="percent", hedge="about", written="about half")
    with pytest.raises(ValueError, match="states no number"):
        gunflow.Quantity(value=50, unit="count", written="half")  # only a share is read so


def test_a_scale_word_after_a_range_applies_to_both_ends():
    r = gunflow.Quantity(
        low=53_700_000, high=214_600_000, unit="usd", written="$53.7 to 214.6 million"
    )
    assert r.bounds() == gunflow.Interval.closed(53_700_000, 214_600_000)
    with pytest.raises(ValueError, match="low end"):
        gunflow.Quantity(
            low=53_600_000, high=214_600_000, unit="usd", written="$53.7 to 214.6 million"
        )
