"""Golden files: the Markdown of every sample agreement in every view, byte for byte.

Refresh with `pytest --update-golden` and review the diff of tests/golden/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.compose import compose, select_template
from sitegen.compose.templates import TemplateIndex
from sitegen.load import load_agreement
from sitegen.render.markdown import PAGE_VIEWS, to_markdown
from tests.helpers import REPO, SAMPLES

GOLDEN = Path(__file__).parent / "golden"
CASES = [
    pytest.param(path, view, id=f"{path.parent.name}.{view}")
    for path in sorted(SAMPLES.glob("*/agreement.yaml"))
    for view in PAGE_VIEWS
]


@pytest.mark.parametrize(("path", "view"), CASES)
def test_markdown_matches_golden(path: Path, view: str, update_golden: bool) -> None:
    loaded = load_agreement(path)
    assert loaded.agreement is not None, loaded.findings
    agreement = loaded.agreement
    contract = compose(agreement, select_template(agreement, TemplateIndex(REPO / "templates")))
    text = to_markdown(contract, view)  # type: ignore[arg-type]
    golden = GOLDEN / f"{agreement.id}.{view}.md"
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(text.encode("utf-8"))
        return
    assert golden.exists(), f"no golden file {golden.name}: run pytest --update-golden"
    assert text.encode("utf-8") == golden.read_bytes(), f"{golden.name} differs"


def test_no_stale_golden_files() -> None:
    expected = {f"{path.parent.name}.{view}.md" for path, view in (c.values for c in CASES)}
    found = {p.name for p in GOLDEN.glob("*.md")} if GOLDEN.is_dir() else set()
    assert found <= expected, f"golden files without a sample: {sorted(found - expected)}"
