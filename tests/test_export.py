"""Exports, and the round trip: export, then read, gives an equal dataset."""

import csv
import io
import json

import pytest
from hypothesis import given

import gunflow
from gunflow import export, strategies


def test_jsonl_round_trip_of_the_bundled_dataset(tmp_path):
    ds = gunflow.load()
    path = tmp_path / "all.jsonl"
    export.write_jsonl(ds.records(), path)
    again = gunflow.read(path)
    assert again == ds
    assert len(path.read_text(encoding="utf-8").splitlines()) == len(ds)


@given(strategies.datasets())
def test_jsonl_round_trip_of_generated_datasets(ds):
    buffer = io.StringIO()
    export.write_jsonl(ds.records(), buffer)
    records, _refused, problems = gunflow.io.parse_document(buffer.getvalue(), "generated.jsonl")
    assert problems == []
    assert gunflow.Dataset.from_records(r for _, r in records) == ds


def test_to_records_is_json_ready():
    records = gunflow.load().statistics.filter(source="reuters-2016-01-11").to_records()
    assert records[0]["record"] == "statistic"
    assert json.loads(json.dumps(records)) == records
    share = next(r for r in records if r["id"].endswith("us-origin-share-2009-2014"))
    assert share["quantity"] == {"value": 70, "unit": "percent", "written": "70 percent"}
    assert share["period"] == "2009/2014"


def test_csv_has_dotted_columns(tmp_path):
    path = tmp_path / "stats.csv"
    export.write_csv(gunflow.load().statistics, path)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == len(gunflow.load().statistics)
    assert {"id", "quantity.value", "quantity.unit", "quote"} <= set(rows[0])


def test_csv_has_the_bounds_of_every_figure(tmp_path):
    path = tmp_path / "stats.csv"
    export.write_csv(gunflow.load().statistics, path)
    rows = {row["id"]: row for row in csv.DictReader(path.open(encoding="utf-8"))}
    bounds = ("bounds.low", "bounds.high", "bounds.low_open", "bounds.high_open")
    # "more than 90 percent": above 90, up to 100 percent.
    more_than = rows["govexec-2009-12-guns-and-drugs/gao-traced-to-us-2004-2008"]
    assert [more_than[c] for c in bounds] == ["90", "100", "True", "False"]
    # "around 87 percent": 86 to 88, both ends included.
    around = rows["gao-09-709/us-origin-share-traced-5-years"]
    assert [around[c] for c in bounds] == ["86", "88", "False", "False"]
    # "more than 680" guns: no upper bound.
    guns = rows["govexec-2009-12-guns-and-drugs/surge-guns-seized"]
    assert [guns[c] for c in bounds] == ["680", "", "True", "True"]
    # An exact "120 days": a half day either way.
    days = rows["govexec-2009-12-guns-and-drugs/surge-120-days"]
    assert [days[c] for c in bounds] == ["119.5", "120.5", "False", "False"]


def test_csl_json_for_reference_managers():
    items = export.to_csl_json(gunflow.load().sources)
    cnn = next(i for i in items if i["id"] == "cnn-2010-11-09")
    assert cnn["type"] == "article-newspaper"
    assert cnn["author"] == [{"family": "Frieden", "given": "Terry"}]
    assert cnn["issued"] == {"date-parts": [[2010, 11, 9]]}


def test_csl_json_names_types_and_editions():
    items = {i["id"]: i for i in export.to_csl_json(gunflow.load().sources)}
    assert items["atf-letter-to-oig-2010"]["author"] == [
        {"family": "Melson", "given": "Kenneth E."}
    ]
    assert items["reuters-2016-01-11"]["author"][0] == {"family": "O'Boyle", "given": "Michael"}
    # three names: a middle name or a double surname? Kept whole rather than guessed.
    assert items["govexec-2009-12-guns-and-drugs"]["author"] == [
        {"literal": "Katherine McIntire Peters"}
    ]
    assert (items["atf-ice-mou-2009"]["type"], items["atf-ice-mou-2009"]["genre"]) == (
        "document",
        "Agreement",
    )
    assert items["atf-letter-to-oig-2010"]["type"] == "personal_communication"
    strategy = items["ondcp-southwest-border-strategy-2009"]
    assert (strategy["type"], strategy["genre"]) == ("report", "Strategy")
    edition = items["govexec-2009-12-agencies-join-forces"]
    assert edition["original-title"] == "Guns & Drugs"
    assert edition["original-date"] == {"date-parts": [[2009, 12, 1]]}
    assert "original-title" not in items["govexec-2009-12-guns-and-drugs"]


def test_to_pandas_says_what_is_missing(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("no pandas here")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(export.MissingDependency, match=r"pip install 'gunflow\[pandas\]'"):
        gunflow.load().statistics.to_pandas()


def test_jsonl_errors_name_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"record": "agency", "id": "x"}\nnot json\n', encoding="utf-8")
    with pytest.raises(gunflow.DataError) as caught:
        gunflow.read(path)
    records = {p.record for p in caught.value.problems}
    assert records == {"x", "line 2"}
