import pytest
import tomli_w

import gunflow
from gunflow._html import CONTENT_SECURITY_POLICY, link, report_html
from gunflow.cli import main
from tests.browser import dump_dom

# Each payload, if it ever ran, would mark the page's body: the tests look for the mark.
SCRIPT = "<script>document.body.setAttribute('data-pwned', 'script')</script>"
HANDLER = "<img src=x onerror=\"document.body.setAttribute('data-pwned', 'onerror')\">"
SVG = "<svg onload=\"document.body.setAttribute('data-pwned', 'svg')\"></svg>"
ADDRESS = "javascript:document.body.setAttribute('data-pwned', 'href')"
QUOTE = f"more than 90 percent came from the United States {HANDLER} {SCRIPT}"
TITLE = f"Guns {SCRIPT} & {SVG}"
NOTE = f'A note {SVG} "quoted" {HANDLER}'


def _hostile_report(tmp_path):
    mine = tmp_path / "hostile.toml"
    records = {
        "source": [
            {
                "id": "hostile",
                "kind": "news_article",
                "title": TITLE,
                "publisher": f"Publisher {HANDLER}",
                "published": "2016-02",
                "url": ADDRESS,
                "note": NOTE,
            }
        ],
        "statistic": [
            {
                "id": "hostile/shares",
                "measure": "firearms.mx.submitted_for_tracing.us_origin.share",
                "quantity": {
                    "value": 90,
                    "unit": "percent",
                    "hedge": "more than",
                    "written": "more than 90 percent",
                },
                "period": "2009/2014",
                "as_of": "2016-01-11",
                "source": "hostile",
                "quote": QUOTE,
                "note": NOTE,
            }
        ],
    }
    mine.write_text(tomli_w.dumps(records), encoding="utf-8")
    dataset = gunflow.load(extra=[mine])
    return gunflow.check(dataset), dataset


def test_text_from_the_data_is_escaped_and_only_web_addresses_are_linked(tmp_path):
    report, _ = _hostile_report(tmp_path)
    assert report.unacknowledged_errors  # the hostile figure is in the report
    page = report_html(report)
    for payload in (SCRIPT, HANDLER, SVG):
        assert payload not in page
    assert "&lt;script&gt;" in page
    assert 'href="javascript' not in page.lower()
    assert link("https://example.org/?a=1&b=2", "x") == (
        '<a href="https://example.org/?a=1&amp;b=2" rel="noopener noreferrer">x</a>'
    )
    assert link(" JavaScript:alert(1)", "x") == (
        'x <span class="address">( JavaScript:alert(1))</span>'
    )
    assert link("data:text/html,<b>", "x").startswith("x <span")


def test_no_script_runs_and_the_text_shows_as_written(tmp_path):
    report, _ = _hostile_report(tmp_path)
    page = report_html(report)
    dom = dump_dom(page, tmp_path)
    (body,) = dom.tags("body")
    assert "data-pwned" not in body
    assert not dom.tags("script")
    assert not dom.tags("img")
    assert all(not name.startswith("on") for _, attrs in dom.elements for name in attrs)
    assert all(not (a.get("href") or "").lower().startswith("javascript") for a in dom.tags("a"))
    for written in (f"“{QUOTE}”", TITLE, NOTE, ADDRESS, f"Publisher {HANDLER}"):
        assert " ".join(written.split()) in dom.text


def test_the_policy_stops_a_script_that_got_in_anyway(tmp_path):
    page = report_html(gunflow.check(gunflow.load()))
    assert f'content="{CONTENT_SECURITY_POLICY}"' in page
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert "script-src" not in CONTENT_SECURITY_POLICY  # so default-src 'none' covers scripts
    injected = page.replace("</body>", f"{SCRIPT}</body>")
    (body,) = dump_dom(injected, tmp_path).tags("body")
    assert "data-pwned" not in body


def test_the_browser_would_see_a_script_run(tmp_path):
    # The two tests above can fail: without the policy, the same mark is seen.
    (body,) = dump_dom(f"<!DOCTYPE html><html><body>{SCRIPT}</body></html>", tmp_path).tags("body")
    assert body["data-pwned"] == "script"


def test_the_page_holds_every_finding_grouped_unacknowledged_errors_first(tmp_path, capsys):
    from tests.builders import CONTRADICTION

    mine = tmp_path / "mine.toml"
    mine.write_text(CONTRADICTION, encoding="utf-8")
    assert main(["check", "--data", str(mine), "--format", "html"]) == 1
    page = capsys.readouterr().out
    report = gunflow.check(gunflow.load(extra=[mine]))
    dom = dump_dom(page, tmp_path)
    findings = [a for tag, a in dom.elements if tag == "article" and a.get("class") == "finding"]
    assert len(findings) == len(report) == 71  # 33 errors, 34 warnings, 4 infos
    for finding in report:
        assert " ".join(finding.message.split()) in dom.text
        for statistic in finding.statistics:
            assert " ".join(statistic.quote.split()) in dom.text
    severities = [a["data-severity"] for a in findings]
    assert severities == ["error"] * 33 + ["warning"] * 34 + ["info"] * 4
    text = dom.text
    assert text.index("Unacknowledged errors (6)") < text.index("my-story/shares")
    assert text.index("my-story/shares") < text.index("Acknowledged errors (27)")
    assert len(dom.tags("svg")) == len([f for f in report if f.intervals])
    links = {a["href"] for a in dom.tags("a")}
    assert gunflow.load().sources.get("gao-09-709").url in links


def test_report_repr_is_short_and_a_notebook_gets_html():
    report = gunflow.check(gunflow.load())
    assert repr(report) == (
        "<Report: 65 findings: 27 errors (0 unacknowledged), 34 warnings, 4 infos>"
    )
    fragment = report._repr_html_()
    assert fragment.startswith('<div class="gunflow-report">')
    assert fragment.count('<article class="finding"') == len(report)


def test_the_page_shows_only_what_the_options_ask_for(tmp_path, capsys):
    from tests.builders import CONTRADICTION

    mine = tmp_path / "mine.toml"
    mine.write_text(CONTRADICTION, encoding="utf-8")
    args = ["check", "--data", str(mine), "--format", "html"]
    assert main([*args, "--min-severity", "warning", "--hide-acknowledged"]) == 1
    page = capsys.readouterr().out
    report = gunflow.check(gunflow.load(extra=[mine]))
    shown = [f for f in report if f.severity != "info" and not f.acknowledged]
    assert page.count('<article class="finding"') == len(shown) > 0
    assert 'data-severity="info"' not in page
    assert '<span class="tag ack">' not in page
    assert "Not shown (still counted): infos, acknowledged findings." in page
    assert str(len(report.errors)) + " errors" in page  # the totals count every finding


def test_a_notebook_names_the_users_own_sources(tmp_path):
    report, _ = _hostile_report(tmp_path)
    fragment = report._repr_html_()
    assert "Publisher &lt;img" in fragment  # the user's source, named (escaped), not its id alone
    assert "Guns &lt;script&gt;" in fragment


def test_each_interval_of_a_ratio_is_labelled_for_what_it_is():
    from gunflow._picture import labels

    report = gunflow.check(gunflow.load(), rules=["relations"])
    (implied,) = report.filter(severity="info")
    assert labels(implied) == ["about 2,000", "about four times", "implied, the other side"]
    page = report_html(report)
    assert ">about four times</text>" in page
    assert ">implied, the other side</text>" in page


def test_a_finding_has_one_label_per_interval():
    one = (gunflow.Interval.point(1),)
    with pytest.raises(ValueError, match="2 labels for 1 intervals"):
        gunflow.Finding(rule="r", severity="info", message="m", intervals=one, labels=("a", "b"))
    assert gunflow.Finding(rule="r", severity="info", message="m", intervals=one).labels == ()
