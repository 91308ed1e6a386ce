"""Checking on every core gives exactly the findings of checking in one process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.lint import validate as validate_module
from sitegen.lint.validate import validate
from sitegen.load.config import Settings
from sitegen.output import as_text
from tests.helpers import replace_once, sample_text


def lines(root: Path) -> list[str]:
    report, loaded = validate([root / "agreements"], Settings(), root)
    assert len(loaded) == report.files
    return [as_text(f) for f in report.sorted()]


def test_parallel_and_serial_agree(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(project / "agreements/SLA-2024-001", project / "agreements/SLA-2024-009")
    broken = project / "agreements/SLA-2024-010/agreement.yaml"
    broken.parent.mkdir()
    broken.write_text(replace_once(sample_text(), "response: 15m", "response: 15M"), "utf-8")
    serial = lines(project)
    monkeypatch.setattr(validate_module, "PARALLEL_FROM", 2)
    parallel = lines(project)
    assert parallel == serial
    assert any("SG203" in line for line in serial)
    assert any("SG801" in line for line in serial)  # the copy's id is SLA-2024-001
    assert sum("SG803" in line for line in serial) == 2  # which both files then share
