"""`held_reports`: every current record of an agreement, in period order, each with the
acceptance of exactly its bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.errors import UserError
from sitegen.reports.held import held_reports
from tests.helpers import REPO

SAMPLE = "SLA-2024-001"


def test_the_demo_agreement_holds_fourteen_months_all_accepted_but_the_last() -> None:
    held = held_reports(REPO / "agreements" / SAMPLE / "reports", SAMPLE)
    assert [h.period for h in held][:3] == ["2025-10", "2025-11", "2025-12"]
    assert len(held) == 14
    assert [h.period for h in held if h.accepted is None] == ["2026-11"]
    failed = [h for h in held if not h.record.figures.passed]
    assert [h.period for h in failed] == ["2025-11"]  # 99.8217% against 99.9%


def test_a_changed_record_is_no_longer_accepted_and_stray_files_are_not_records(
    tmp_path: Path,
) -> None:
    reports = tmp_path / "reports"
    shutil.copytree(REPO / "agreements" / SAMPLE / "reports", reports)
    path = reports / "2026-10.yaml"
    path.write_bytes(path.read_bytes() + b"\n")  # the same figures, other bytes
    (reports / "notes.yaml").write_text("not a record\n", encoding="utf-8")
    held = {h.period: h for h in held_reports(reports, SAMPLE)}
    assert held["2026-10"].accepted is None
    assert held["2026-09"].accepted is not None
    assert "notes" not in held


def test_no_folder_is_no_reports_and_a_broken_record_names_its_file(tmp_path: Path) -> None:
    assert held_reports(tmp_path / "reports", SAMPLE) == []
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "2026-10.yaml").write_text("agreement: [\n", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        held_reports(tmp_path / "reports", SAMPLE)
    assert "reports/2026-10.yaml:" in raised.value.message
