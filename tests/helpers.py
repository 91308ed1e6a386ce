"""Test helpers: file trees written from {path: text}, and the sample agreements."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "agreements"
GUIDE_SAMPLE = SAMPLES / "SLA-2024-001" / "agreement.yaml"


def build_file_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write each {relative path: content} under root; return root."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def sample_text() -> str:
    """The guide's own agreement (SLA-2024-001), a valid file to mutate in tests."""
    return GUIDE_SAMPLE.read_text(encoding="utf-8")


def replace_once(text: str, old: str, new: str) -> str:
    """Replace text that must occur exactly once, so a test fails loudly if the sample moves."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """1-based line number of the single line containing needle."""
    lines = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(lines) == 1, f"{needle!r} is on lines {lines}"
    return lines[0]
