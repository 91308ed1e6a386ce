"""docs/ARCHITECTURE.md stays true: its picture is the package's import graph.

`pytest tests/test_architecture_doc.py --update-golden` rewrites the picture.
"""

from __future__ import annotations

from tests.helpers import REPO
from tests.import_graph import BEGIN, END, mermaid

DOC = REPO / "docs" / "ARCHITECTURE.md"


def test_the_picture_is_the_import_graph(update_golden: bool) -> None:
    text = DOC.read_text("utf-8")
    start = text.index(BEGIN)
    end = text.index(END, start + len(BEGIN)) + len(END)
    if update_golden:
        DOC.write_text(text[:start] + mermaid() + text[end:], "utf-8")
        text = DOC.read_text("utf-8")
        end = start + len(mermaid())
    refresh = "pytest tests/test_architecture_doc.py --update-golden"
    assert text[start:end] == mermaid(), f"the picture is not the import graph: run {refresh}"


def test_every_stage_package_is_described() -> None:
    text = DOC.read_text("utf-8")
    packages = sorted(p.name for p in (REPO / "sitegen").iterdir() if (p / "__init__.py").is_file())
    missing = [name for name in packages if f"`{name}/`" not in text]
    assert not missing, f"docs/ARCHITECTURE.md does not describe {missing}"
