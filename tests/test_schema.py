"""The JSON Schema of the data files: made from the model, shipped, strict as the loader."""

import datetime
import json
import tomllib
from importlib import resources
from pathlib import Path

import attrs
import jsonschema
import pytest

import gunflow
from gunflow._schema import SCHEMA_FILE, field_reference, json_schema, schema_text
from gunflow.cli import main

VALIDATOR = jsonschema.Draft202012Validator(json_schema())
BUNDLED = sorted(Path(str(resources.files("gunflow.data"))).rglob("*.toml"))


def _as_json(document):
    """TOML's dates as the strings JSON holds (editors read a TOML date as a date string)."""
    return json.loads(
        json.dumps(document, default=lambda v: v.isoformat() if isinstance(v, datetime.date) else v)
    )


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_the_shipped_file_is_the_schema_of_the_model():
    shipped = resources.files("gunflow").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    assert shipped == schema_text(), (
        "regenerate: python -m gunflow schema > src/gunflow/schema.json"
    )


def test_the_command_prints_it(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_bundled_file_is_valid(path):
    document = _as_json(tomllib.loads(path.read_text(encoding="utf-8")))
    assert [e.message for e in VALIDATOR.iter_errors(document)] == []


AGENCY = {"id": "mine", "name": "Mine", "kind": "law_enforcement", "country": "US"}


def _loader_refuses(tmp_path, table):
    path = tmp_path / "mine.toml"
    lines = ["[[agency]]", *(f"{k} = {json.dumps(v)}" for k, v in table.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(gunflow.DataError):
        gunflow.read([path])


def test_the_schema_accepts_a_good_record():
    assert VALIDATOR.is_valid({"agency": [AGENCY]})


def test_the_schema_refuses_an_unknown_key_as_the_loader_does(tmp_path):
    table = {**AGENCY, "colour": "red"}
    assert not VALIDATOR.is_valid({"agency": [table]})
    _loader_refuses(tmp_path, table)


def test_the_schema_refuses_a_wrong_enum_as_the_loader_does(tmp_path):
    table = {**AGENCY, "kind": "police"}
    errors = list(VALIDATOR.iter_errors({"agency": [table]}))
    assert [list(e.path) for e in errors] == [["agency", 0, "kind"]]
    _loader_refuses(tmp_path, table)


def test_the_schema_refuses_an_unknown_kind_of_record():
    assert not VALIDATOR.is_valid({"agencies": [AGENCY]})


def test_the_field_reference_names_every_field_of_every_kind():
    text = field_reference()
    for kind, cls in gunflow.io.KINDS.items():
        assert f"### `[[{kind}]]`" in text
        for field in attrs.fields(cls):
            assert f"| `{field.name}` |" in text, (kind, field.name)
