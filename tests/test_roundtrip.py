"""Every model class survives the converter both ways, unchanged."""

import json
import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gunflow import strategies as gs
from gunflow.io import get_converter
from tests.builders import RECORD_STRATEGIES

converter = get_converter()

every_model = {
    **RECORD_STRATEGIES,
    "quantity": gs.quantities(),
    "period": gs.periods(),
    "date": gs.partial_dates(),
}


@pytest.mark.parametrize("name", sorted(every_model))
@given(data=st.data())
def test_structure_unstructure_round_trip(name, data):
    record = data.draw(every_model[name])
    plain = converter.unstructure(record)
    assert converter.structure(plain, type(record)) == record
    # and the plain form survives JSON, as export needs
    assert converter.structure(json.loads(json.dumps(plain)), type(record)) == record


def test_plain_form_is_what_the_toml_files_say():
    import gunflow as gf

    period = gf.Period.parse("2007/2009")
    assert converter.unstructure(period) == "2007/2009"
    fiscal = gf.Period.parse("2009", fiscal=True)
    assert converter.unstructure(fiscal) == {"fiscal": True, "start": "2009", "end": "2009"}
    doc = tomllib.loads('p = { start = "2009", end = "2009", fiscal = true }')
    assert converter.structure(doc["p"], gf.Period) == fiscal
