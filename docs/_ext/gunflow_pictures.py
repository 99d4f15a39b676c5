"""Sphinx extension: the ``picture`` directive draws a picture from the data at build time.

The directive's content is Python that leaves a matplotlib figure in ``fig``; the page shows
the code, then the picture, so a reader sees how it was drawn and can draw it again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

FOLDER = "_pictures"  # beside the pages, ignored by git, rewritten at every build


class Picture(SphinxDirective):
    """Run the code, show it, and show the figure it leaves in ``fig``."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"alt": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        """The code as a literal block, then the picture it draws."""
        code = "\n".join(self.content)
        namespace: dict[str, Any] = {}
        exec(compile(code, self.get_source_info()[0], "exec"), namespace)  # noqa: S102
        figure = namespace["fig"]
        name = f"{self.env.docname}-{self.env.new_serialno('picture')}.png"
        folder = Path(self.env.srcdir) / FOLDER
        folder.mkdir(exist_ok=True)
        figure.savefig(folder / name, dpi=110, bbox_inches="tight")
        source = nodes.literal_block(code, code, language="python")
        image = nodes.image(uri=f"{FOLDER}/{name}", alt=self.options.get("alt", ""))
        self.env.images.add_file(self.env.docname, f"{FOLDER}/{name}")
        return [source, image]


def setup(app: Any) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("picture", Picture)
    return {"parallel_read_safe": True}
