import re
from pathlib import Path

import gunflow

API = Path(__file__).parent.parent / "docs" / "api"


def test_every_public_name_is_documented_once_in_the_api_reference():
    documented = [
        name
        for page in sorted(API.glob("*.md"))
        for name in re.findall(
            r"^\.\. auto(?:class|function|data):: (\w+)$", page.read_text(), re.M
        )
    ]
    public = sorted(n for n in gunflow.__all__ if n != "__version__")
    assert sorted(documented) == public


def test_load_and_check_come_first():
    toctree = (API.parent / "api.md").read_text()
    assert toctree.index("api/loading") < toctree.index("api/checks") < toctree.index("api/model")
    assert "autofunction:: load" in (API / "loading.md").read_text().split("autoclass")[0]
    assert "autofunction:: check" in (API / "checks.md").read_text().split("autoclass")[0]


def test_the_generated_data_page_shows_hostile_text_as_text(tmp_path):
    import sys

    from docutils.core import publish_string
    from myst_parser.parsers.docutils_ import Parser

    from tests.test_html import _hostile_report

    sys.path.insert(0, str(API.parent / "_ext"))
    try:
        from gunflow_holdings import render
    finally:
        sys.path.pop(0)
    _, dataset = _hostile_report(tmp_path)
    page = publish_string(
        render(dataset),
        parser=Parser(),
        writer="html5",
        settings_overrides={"report_level": 4},
    ).decode()
    assert "<script" not in page
    assert "<svg" not in page
    assert "&lt;script&gt;document.body.setAttribute(" in page
    assert "javascript:document.body.setAttribute" in page  # the address, as text
    assert 'href="javascript' not in page.lower()
    assert "hostile/shares" in page  # the user's figure is listed
