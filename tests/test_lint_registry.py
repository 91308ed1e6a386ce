"""The registry: every rule listed once with code, severity and summary; the samples clean."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sitegen.findings import Severity
from sitegen.lint import RULES
from sitegen.lint.registry import rule
from sitegen.lint.validate import validate
from sitegen.load.config import Settings
from tests.helpers import GUIDE_SAMPLE, LINT_TEMPLATE, REPO, build_file_tree


def test_every_rule_has_a_unique_code_in_its_range() -> None:
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"SG[3-8][0-9]{2}", code) for code in codes)
    assert all(r.summary and isinstance(r.severity, Severity) for r in RULES)


def test_registering_a_code_twice_fails() -> None:
    with pytest.raises(ValueError, match="rule SG301 is registered twice"):
        rule("SG301", Severity.ERROR, "again")(lambda subject: [])


def test_the_guide_sample_has_no_errors_or_warnings(tmp_path: Path) -> None:
    shutil.copytree(GUIDE_SAMPLE.parent, tmp_path / "agreements" / GUIDE_SAMPLE.parent.name)
    build_file_tree(tmp_path, {"templates/it-service-sla/v1/template.yaml": LINT_TEMPLATE})
    report, _ = validate([tmp_path / "agreements"], Settings(), tmp_path)
    assert [f for f in report.findings if f.severity is not Severity.INFO] == []
    assert sorted(f.code for f in report.findings) == ["SG507", "SG509", "SG510", "SG607"]


def test_the_guide_sample_with_the_repository_templates(tmp_path: Path) -> None:
    shutil.copytree(GUIDE_SAMPLE.parent, tmp_path / "agreements" / GUIDE_SAMPLE.parent.name)
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    report, _ = validate([tmp_path / "agreements"], Settings(), tmp_path)
    assert [f.message for f in report.findings if f.severity is not Severity.INFO] == []
