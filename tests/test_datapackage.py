"""The Frictionless Data Package export, validated by the frictionless library itself."""

import csv
import json
from decimal import Decimal

import frictionless
import pytest
from hypothesis import HealthCheck, given, settings

import gunflow
from gunflow import export, strategies
from gunflow.cli import main

DS = gunflow.load()
TABLES = [
    "sources",
    "agencies",
    "people",
    "programs",
    "measures",
    "statistics",
    "events",
    "relations",
    "acknowledgements",
]
FORMULA = '=HYPERLINK("http://example.com/?leak","click")'


def validate(folder):
    report = frictionless.validate(str(folder / "datapackage.json"))
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    return [*(e.message for e in report.errors), *errors]


def descriptor(folder):
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def rows(folder, table):
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("package")
    export.write_datapackage(DS.records(), folder)
    return folder


def test_the_bundled_data_makes_a_valid_package(bundled):
    assert validate(bundled) == []
    names = [resource["name"] for resource in descriptor(bundled)["resources"]]
    assert names == TABLES
    for table in TABLES:
        assert len(rows(bundled, table)) == len(getattr(DS, table)), table


def test_every_table_has_its_id_as_primary_key_and_typed_fields(bundled):
    for resource in descriptor(bundled)["resources"]:
        schema = resource["schema"]
        assert schema["primaryKey"] == ["id"]
        header = next(csv.reader((bundled / resource["path"]).open(encoding="utf-8")))
        assert [field["name"] for field in schema["fields"]] == header
    statistics = descriptor(bundled)["resources"][TABLES.index("statistics")]["schema"]
    types = {field["name"]: field["type"] for field in statistics["fields"]}
    assert types["quantity.value"] == types["bounds.low"] == "number"
    assert types["period.fiscal"] == types["bounds.high_open"] == "boolean"
    assert types["cites"] == "array"
    assert types["inferred"] == "object"


def test_references_between_tables_are_foreign_keys(bundled):
    schemas = {r["name"]: r["schema"] for r in descriptor(bundled)["resources"]}
    keys = {
        (table, key["fields"], key["reference"]["resource"])
        for table, schema in schemas.items()
        for key in schema.get("foreignKeys", [])
    }
    assert {
        ("statistics", "measure", "measures"),
        ("statistics", "source", "sources"),
        ("statistics", "restates", ""),  # "" is the table itself
        ("sources", "edition_of", ""),
        ("agencies", "parent", ""),
        ("measures", "part_of", ""),
        ("relations", "source", "sources"),
    } <= keys


def test_a_dangling_reference_fails_validation(tmp_path):
    export.write_datapackage(DS.records(), tmp_path)
    path = tmp_path / "statistics.csv"
    text = path.read_text(encoding="utf-8")
    first = rows(tmp_path, "statistics")[0]
    path.write_text(text.replace(f",{first['source']},", ",no-such-source,", 1), encoding="utf-8")
    assert any("no-such-source" in error for error in validate(tmp_path))


def test_numbers_read_back_as_the_records_hold_them(bundled):
    for row in rows(bundled, "statistics"):
        quantity = DS.statistics.get(row["id"]).quantity
        if quantity.value is None:
            assert row["quantity.value"] == ""
        else:
            assert Decimal(row["quantity.value"]) == quantity.value
        assert row["as_of"] == str(DS.statistics.get(row["id"]).as_of or "")


@pytest.mark.parametrize("safe", [True, False])
def test_spreadsheet_safe_text_keeps_the_package_valid(tmp_path, safe):
    source = gunflow.Source(id="x", kind="dataset", title=FORMULA, publisher="Me")
    measure = gunflow.Measure(
        id="m.change", label="A change", kind="change", unit="percent_change", population="p"
    )
    fall = gunflow.Statistic(
        id="x/fall",
        measure="m.change",
        quantity=gunflow.Quantity(value=-12, unit="percent_change", written="-12 percent"),
        source="x",
        quote="-12 percent, it said.",
        basis="count",
    )
    export.write_datapackage([source, measure, fall], tmp_path, spreadsheet_safe=safe)
    assert validate(tmp_path) == []
    (title,) = [row["title"] for row in rows(tmp_path, "sources")]
    assert title == (f"'{FORMULA}" if safe else FORMULA)
    (row,) = rows(tmp_path, "statistics")
    assert row["quantity.value"] == "-12"  # a number is never given an apostrophe
    assert row["quote"] == ("'-12 percent, it said." if safe else "-12 percent, it said.")


def test_existing_files_are_refused_and_nothing_is_written(tmp_path):
    (tmp_path / "statistics.csv").write_text("mine", encoding="utf-8")
    with pytest.raises(gunflow.TargetExists, match=r"statistics\.csv"):
        export.write_datapackage(DS.records(), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["statistics.csv"]
    assert (tmp_path / "statistics.csv").read_text(encoding="utf-8") == "mine"
    export.write_datapackage(DS.records(), tmp_path, overwrite=True)
    assert validate(tmp_path) == []


def test_the_command_writes_a_package_into_a_new_folder(tmp_path, capsys):
    folder = tmp_path / "new" / "package"
    assert main(["export", "--format", "datapackage", str(folder)]) == 0
    assert validate(folder) == []
    assert main(["export", "--format", "datapackage", str(folder)]) == 2
    assert "already exist" in capsys.readouterr().err
    assert main(["export", "--format", "datapackage", str(folder), "--force"]) == 0
    assert main(["export", "--format", "datapackage", "--kind", "sources", str(folder)]) == 2
    assert main(["export", "--format", "datapackage"]) == 2
    assert "give DIR" in capsys.readouterr().err


@settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(strategies.datasets())
def test_any_dataset_makes_a_valid_package(tmp_path_factory, dataset):
    folder = tmp_path_factory.mktemp("any")
    export.write_datapackage(dataset.records(), folder)
    assert validate(folder) == []
    for table in TABLES:
        assert len(rows(folder, table)) == len(getattr(dataset, table))
