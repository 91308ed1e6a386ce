"""Deadlines and obligations: what an agreement's records and reviews oblige, on the page,
in `sitegen renewals`, the calendar and catalogue.json. The guide's agreement SLA-2024-001
(mainland calendar; a monthly report due 5 working days after the month; revision meeting
within 15 working days) with records and reviews written for each test."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from sitegen.catalogue import Due, read_kept, renewals, to_ics, to_json
from sitegen.catalogue.ics import uid
from sitegen.load import load_agreement
from sitegen.load.config import Settings
from sitegen.reports.figures import CreditsDue
from sitegen.reports.record import render_record
from sitegen.versions.in_force import Versions, read_versions
from tests.report_factory import SAMPLE_ID, record_of, university_october
from tests.test_reviews import ACTION, FOLDER, REVIEW, _month, _project, run

D = dt.date
NEW = ("report_due", "action_due", "claim_window", "revision_triggered")


def _held(root: Path) -> tuple[Versions, dict[str, object]]:
    folder = root / FOLDER
    loaded = load_agreement(folder / "agreement.yaml", Settings().load)
    assert loaded.agreement is not None
    versions = read_versions(loaded.agreement, folder, Settings().load)
    return versions, {SAMPLE_ID: read_kept(folder, versions.current, Settings())}


def _obligations(root: Path, today: dt.date) -> list[tuple[str, str, dt.date, bool]]:
    versions, kept = _held(root)
    items = renewals([versions], today, 366, kept=kept)  # type: ignore[arg-type]
    return [(d.kind, d.ref, d.date, d.overdue) for d in items if d.kind in NEW]


def test_a_report_is_overdue_the_day_after_its_due_day_and_a_holiday_moves_it(
    tmp_path: Path,
) -> None:
    # Records of August only: September and October are missing. September ends on
    # Wednesday 30 September; 1–7 October is the National Day holiday and Saturday
    # 10 October a make-up working day, so its 5 working days are 8, 9, 10, 12 and
    # 13 October: due on 2026-10-13 (on weekdays alone it would be 2026-10-07).
    _project(tmp_path, {"2026-08": True})
    assert _obligations(tmp_path, D(2026, 10, 13)) == [
        ("report_due", "2026-09", D(2026, 10, 13), False)  # due today: not overdue yet
    ]
    assert _obligations(tmp_path, D(2026, 10, 14)) == [
        ("report_due", "2026-09", D(2026, 10, 14) - dt.timedelta(days=1), True)
    ]
    # October ends on Saturday 31 October: due 5 working days later, 2, 3, 4, 5 and
    # 6 November. Reports are counted from the first month with a record (August).
    assert _obligations(tmp_path, D(2026, 11, 7)) == [
        ("report_due", "2026-09", D(2026, 10, 13), True),
        ("report_due", "2026-10", D(2026, 11, 6), True),
    ]
    # September's record is written: only October's is still owed.
    (tmp_path / FOLDER / "reports" / "2026-09.yaml").write_bytes(_month("2026-09", True))
    assert _obligations(tmp_path, D(2026, 11, 7)) == [
        ("report_due", "2026-10", D(2026, 11, 6), True)
    ]


def _review(root: Path, monkeypatch: pytest.MonkeyPatch, *, held: bool, volume: str) -> None:
    """The Q3 review with action A1 (due 2026-11-30), held on 2026-10-20 or not, with
    the business volume grown from 1200 to `volume` tickets a month."""
    monkeypatch.chdir(root)
    run("review", "new", SAMPLE_ID, "--period", "2026Q3", "--today", "2026-10-19")
    path = root / REVIEW
    text = path.read_text(encoding="utf-8")
    if held:
        text = text.replace("held: null", "held: 2026-10-20")
    text = text.replace("actions: []", ACTION % "Provider head of operations")
    unit = '{zh: "工单/月", en: "tickets a month"}'
    text = text.replace("volume: null", f"volume: {{before: 1200, after: {volume}, unit: {unit}}}")
    path.write_text(text, encoding="utf-8")


MONTHS = {"2026-07": True, "2026-08": True, "2026-09": True, "2026-10": True}


def test_open_actions_of_a_held_review_fall_due_and_a_fired_trigger_asks_for_a_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(tmp_path, MONTHS)
    # 1200 → 1800 tickets a month is +50%: the trigger of 50% fires. The parties meet
    # within 15 working days of the review of Tuesday 20 October: 21–23 October (3),
    # 26–30 October (8), 2–6 November (13), 9 and 10 November (15): 2026-11-10.
    _review(tmp_path, monkeypatch, held=True, volume="1800")
    text = (tmp_path / REVIEW).read_text(encoding="utf-8")
    text = text.replace("    change: null", "    change: 50.00").replace(
        "    fired: false", "    fired: true", 1
    )
    (tmp_path / REVIEW).write_text(text, encoding="utf-8")
    assert run("validate").exit_code == 0
    assert _obligations(tmp_path, D(2026, 11, 30)) == [
        ("revision_triggered", "2026Q3", D(2026, 11, 10), True),
        ("action_due", "2026Q3-A1", D(2026, 11, 30), False),  # due today
    ]
    # November has ended: its report is due 5 working days later, 2–4 and 7 December.
    assert _obligations(tmp_path, D(2026, 12, 1)) == [
        ("revision_triggered", "2026Q3", D(2026, 11, 10), True),
        ("action_due", "2026Q3-A1", D(2026, 11, 30), True),
        ("report_due", "2026-11", D(2026, 12, 7), False),
    ]
    versions, kept = _held(tmp_path)
    calendar = to_ics([versions], D(2026, 12, 1), kept=kept)  # type: ignore[arg-type]
    assert "UID:SLA-2024-001-action-2026Q3-A1-20261130@sitegen" in calendar
    assert "UID:SLA-2024-001-revision-2026Q3-20261110@sitegen" in calendar
    assert "CATEGORIES:ACTION" in calendar
    unfolded = calendar.replace("\r\n ", "")
    assert "SUMMARY:改进措施到期 / Improvement action due: 2026Q3-A1 SLA-2024-001 " in unfolded
    # the review held on 2026-10-20 is the last one: the next is a quarter later
    catalogue = json.loads(to_json([versions], D(2026, 12, 1), kept=kept))  # type: ignore[arg-type]
    (row,) = catalogue["agreements"]
    assert (row["last_review"], row["next_review"]) == ("2026-10-20", "2027-01-20")
    kinds = [(d["kind"], d["ref"]) for d in catalogue["deadlines"]]
    assert ("action_due", "2026Q3-A1") in kinds and ("revision_triggered", "2026Q3") in kinds
    # the action is done: it is no longer owed
    (tmp_path / REVIEW).write_text(text.replace("status: open", "status: done"), "utf-8")
    assert [k for k, *_ in _obligations(tmp_path, D(2026, 12, 1))] == [
        "revision_triggered",
        "report_due",
    ]


def test_a_review_being_prepared_obliges_nothing_yet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(tmp_path, MONTHS)
    _review(tmp_path, monkeypatch, held=False, volume="1812")  # +51%, not yet held
    assert _obligations(tmp_path, D(2026, 11, 30)) == []


def test_a_credit_claim_window_shows_until_its_last_day(tmp_path: Path) -> None:
    _project(tmp_path, MONTHS)
    # October failed: 5% of the CNY 80,000 monthly fee is CNY 4000.00, to be claimed
    # within 30 days of the report: by 2026-12-06.
    credits = CreditsDue(Decimal("5"), Decimal("4000.00"), "CNY", D(2026, 12, 6))
    figures = dataclasses.replace(
        university_october(), period="2026-10", passed=False, credits=credits
    )
    (tmp_path / FOLDER / "reports" / "2026-10.yaml").write_bytes(render_record(record_of(figures)))
    # (November's report is due on Monday 7 December: 1–4 and 7 December)
    assert _obligations(tmp_path, D(2026, 12, 6)) == [
        ("claim_window", "2026-10", D(2026, 12, 6), False),
        ("report_due", "2026-11", D(2026, 12, 7), False),
    ]
    assert _obligations(tmp_path, D(2026, 12, 7)) == [  # the window has closed
        ("report_due", "2026-11", D(2026, 12, 7), False)
    ]
    versions, kept = _held(tmp_path)
    (due,) = [
        d
        for d in renewals([versions], D(2026, 12, 1), 30, kept=kept)  # type: ignore[arg-type]
        if d.kind == "claim_window"
    ]
    assert due.subject is not None and due.subject.en == "2026-10: 4000.00 CNY"
    assert uid(due) == "SLA-2024-001-claim-2026-10-20261206@sitegen"


def test_the_page_and_the_command_show_what_an_obligation_is_about(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitegen.commands.renewals import text_lines
    from sitegen.site.catalogue_page import renewals_page

    _project(tmp_path, {"2026-08": True})
    versions, kept = _held(tmp_path)
    items: list[Due] = renewals([versions], D(2026, 10, 14), 0, kept=kept)  # type: ignore[arg-type]
    page = renewals_page(items, D(2026, 10, 14), 0, "en")
    assert page.splitlines()[:3] == ["---", 'title: "Deadlines and obligations"', "hide:"]
    assert '<td data-label="What"><span>Service report due<br>2026-09</span></td>' in page
    zh = renewals_page(items, D(2026, 10, 14), 0, "zh")
    assert "<span>服务报告到期<br>2026-09</span>" in zh and "# 期限与义务" in zh
    line = next(line for line in text_lines(items, D(2026, 10, 14), 0) if "report due" in line)
    assert line.startswith("OVERDUE  2026-10-13  report due          SLA-2024-001  1 day ago")
    assert line.endswith(" — 2026-09")


def test_an_agreement_whose_reports_the_project_does_not_keep_owes_none(tmp_path: Path) -> None:
    _project(tmp_path, {})  # report terms, but no record at all
    assert _obligations(tmp_path, D(2026, 12, 1)) == []


def test_a_version_signed_after_the_review_answers_its_trigger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitegen.catalogue.obligations import obligations

    _project(tmp_path, MONTHS)
    _review(tmp_path, monkeypatch, held=True, volume="1812")  # +51% ≥ 50%: fired
    path = tmp_path / REVIEW
    text = path.read_text(encoding="utf-8").replace("    change: null", "    change: 51.00")
    path.write_text(text.replace("    fired: false", "    fired: true", 1), encoding="utf-8")
    assert run("validate").exit_code == 0
    versions, kept = _held(tmp_path)
    held = kept[SAMPLE_ID]
    agreement = versions.current

    def kinds(signed: dt.date) -> list[str]:
        found = obligations(agreement, held, D(2026, 11, 1), expiry=None, signed=signed)  # type: ignore[arg-type]
        return [item.kind for item in found]

    assert kinds(D(2024, 3, 15)) == ["action_due", "revision_triggered"]  # v1 only
    assert kinds(D(2026, 10, 20)) == ["action_due", "revision_triggered"]  # the same day
    assert kinds(D(2026, 10, 28)) == ["action_due"]  # v2 signed since: the revision is made
