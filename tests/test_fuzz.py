"""Property tests: whatever the file holds, validation ends in findings, never a traceback."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from sitegen.lint.validate import validate
from sitegen.load.config import Settings
from tests.helpers import REPO, sample_text

SAMPLE = sample_text()
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(content: str | bytes) -> None:
    """Validate one file in a throwaway project; it must not raise."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        target = root / "agreements" / "SLA-2024-001" / "agreement.yaml"
        target.parent.mkdir(parents=True)
        (root / "templates").symlink_to(REPO / "templates")
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        report, _ = validate([root / "agreements"], Settings(), root)
        for finding in report.findings:
            assert finding.line >= 1 and finding.column >= 1, finding
            assert finding.message


@FUZZ
@given(st.data())
def test_character_mutations(data: st.DataObject) -> None:
    text = SAMPLE
    for _ in range(data.draw(st.integers(1, 5))):
        at = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = data.draw(
            st.text(alphabet=":-[]{}&*!|>'\"#\n\t %@`,?0123456789mMhd尽快", max_size=3)
        )
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + len(piece) + 1 :]
        else:
            text = text[:at] + piece + text[at + len(piece) :]
    check(text)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    check(data)


def yaml_values() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**20), 10**20),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=30),
        st.dates().map(str),
        st.sampled_from(["15m", "4h", "2d", "P1", "7x24", "99.9", "mon-fri", "", "尽快"]),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3),
            st.dictionaries(st.sampled_from(["zh", "en", "id", "level", "x"]), inner, max_size=3),
        ),
        max_leaves=6,
    )


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(paths(value, (*prefix, index)))
    return found


SAMPLE_PATHS = paths(YAML(typ="safe").load(SAMPLE))


@FUZZ
@given(st.sampled_from(SAMPLE_PATHS), yaml_values())
def test_any_value_at_any_place(path: tuple[Any, ...], value: Any) -> None:
    yaml = YAML(typ="rt")
    root = yaml.load(SAMPLE)
    node = root
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    out = io.StringIO()
    yaml.dump(root, out)
    check(out.getvalue())
