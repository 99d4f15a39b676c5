"""A real browser for tests: headless Chromium renders a page, and we read the DOM it ends with."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def need_chromium() -> str:
    """The browser's path; skip without one, unless GUNFLOW_REQUIRE_BROWSER says to fail."""
    if CHROMIUM is None:
        if os.environ.get("GUNFLOW_REQUIRE_BROWSER"):
            pytest.fail("GUNFLOW_REQUIRE_BROWSER is set, but chromium is not installed")
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    return CHROMIUM


def render(page: Path, *args: str) -> str:
    """Open *page* in headless Chromium; return its standard output (the DOM for --dump-dom)."""
    browser = need_chromium()
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    return done.stdout


class Dom(HTMLParser):
    """The elements (tag and attributes) and the visible text of a page."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self._skip = 0
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in {"style", "title"}:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in {"style", "title"}:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.texts.append(data)

    @property
    def text(self) -> str:
        """The visible text, with runs of white space made one space."""
        return " ".join("".join(self.texts).split())

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attributes for tag, attributes in self.elements if tag == name]


def dump_dom(markup: str, folder: Path) -> Dom:
    """Write *markup* to a file in *folder*, let Chromium load it, and parse what it shows."""
    page = folder / "page.html"
    page.write_text(markup, encoding="utf-8")
    return Dom(render(page, "--dump-dom"))
