"""SG508 and SG509: days the agreement counts working days from, on its calendar."""

from __future__ import annotations

from pathlib import Path

from sitegen.load.config import OfficialDays, Settings
from tests.helpers import lint_lines, lint_sample, replace_once, sample_text, where

NOT_COVERED = (
    "the CN working-day calendar has no data for 2027 (chinese-calendar covers 2004–2026): "
    "give 2027's official holidays and make-up working days in sitegen.toml under "
    "[calendar.CN.2027] until chinese-calendar publishes them"
)


def _in_2027(text: str) -> str:
    text = replace_once(text, "signed: 2024-03-15", "signed: 2027-01-15")
    text = replace_once(text, "effective: 2024-04-01", "effective: 2027-02-01")
    return replace_once(text, "- date: 2025-10-09", "- date: 2027-10-09")


def test_days_in_a_year_without_data_are_warnings_naming_it(tmp_path: Path) -> None:
    text = _in_2027(sample_text())
    found = [line for line in lint_sample(tmp_path, text) if "SG508" in line]
    assert found == [
        f"{where(text, 'signed: 2027-01-15', '2027')}: SG508 [warning] dates.signed: 2027-01-15: "
        + NOT_COVERED
    ]


def test_the_first_report_counted_into_a_year_without_data(tmp_path: Path) -> None:
    """Effective in December 2026: the report is due in January 2027, not announced yet.
    A note says which year to add; nothing fails (`sitegen new` in December validates)."""
    text = replace_once(sample_text(), "effective: 2024-04-01", "effective: 2026-12-01")
    text = replace_once(text, "signed: 2024-03-15", "signed: 2026-11-15")
    text = replace_once(text, "- date: 2025-10-09", "- date: 2026-12-09")
    assert lint_sample(tmp_path, text) == []
    files: dict[str, str | bytes] = {"agreements/SLA-2024-001/agreement.yaml": text}
    found = [line for line in lint_lines(tmp_path, files) if "SG509" in line]
    assert found == [
        f"{where(text, 'report_due_days: 5', '5')}: SG509 [info] measurement.report_due_days: "
        f"the first report's due date cannot be counted yet ({NOT_COVERED})"
    ]


def test_a_year_from_sitegen_toml_covers_it(tmp_path: Path) -> None:
    import datetime as dt

    official = OfficialDays(
        holidays=[dt.date(2027, 1, 1), dt.date(2027, 2, 5), dt.date(2027, 2, 8)],
        workdays=[dt.date(2027, 2, 20)],
    )
    settings = Settings(calendar={"CN": {2027: official}})
    text = _in_2027(sample_text())
    files: dict[str, str | bytes] = {"agreements/SLA-2024-001/agreement.yaml": text}
    found = lint_lines(tmp_path, files, settings=settings)
    assert not [line for line in found if "SG508" in line]
    assert [line for line in found if "SG509" in line] == [
        f"{where(text, 'report_due_days: 5', '5')}: SG509 [info] measurement.report_due_days: "
        "the first report's due date on the agreement's calendar (the first reporting period "
        "ends 2027-02-28; its report is due 2027-03-05, 5 working days later on the CN "
        "calendar)"
    ]


def test_the_first_report_waits_for_national_day(tmp_path: Path) -> None:
    """September 2026's report, 5 working days after the 30th: 1–7 October are off, so
    8, 9 and 10 (a make-up Saturday), 12 and 13 October."""
    text = replace_once(sample_text(), "effective: 2024-04-01", "effective: 2026-09-01")
    text = replace_once(text, "signed: 2024-03-15", "signed: 2026-08-15")
    text = replace_once(text, "- date: 2025-10-09", "- date: 2026-10-09")
    files: dict[str, str | bytes] = {"agreements/SLA-2024-001/agreement.yaml": text}
    found = [line for line in lint_lines(tmp_path, files) if "SG509" in line]
    assert len(found) == 1
    assert "ends 2026-09-30; its report is due 2026-10-13, 5 working days later" in found[0]


def test_a_uk_agreement_counts_english_bank_holidays(tmp_path: Path) -> None:
    """March 2026's report in England: Good Friday (3 April) and Easter Monday (6 April)
    fall inside the count: 1, 2, 7, 8 and 9 April."""
    text = replace_once(sample_text(), "effective: 2024-04-01", "effective: 2026-03-01")
    text = replace_once(text, "signed: 2024-03-15", "signed: 2026-02-15")
    text = replace_once(text, "- date: 2025-10-09", "- date: 2026-03-09")
    england = "calendar: {country: GB, subdivision: ENG}\n"
    text = replace_once(text, "service_hours: 7x24\n", england + "service_hours: 7x24\n")
    files: dict[str, str | bytes] = {"agreements/SLA-2024-001/agreement.yaml": text}
    found = lint_lines(tmp_path, files)
    assert not [line for line in found if "SG508" in line]
    sg509 = [line for line in found if "SG509" in line]
    assert (
        "ends 2026-03-31; its report is due 2026-04-09, 5 working days later on the GB ENG"
        in (sg509[0])
    )


def test_kept_results_follow_the_official_years_and_the_calendar_data() -> None:
    from sitegen.caches.checked_cache import LIBRARIES, common_key

    given = Settings(calendar={"CN": {2027: OfficialDays()}})
    assert common_key(Settings(), b"") != common_key(given, b"")
    assert {"chinese-calendar", "holidays"} <= set(LIBRARIES)


UNIVERSITY_HOURS = """calendar: {country: CN}
service_hours:
  timezone: Asia/Shanghai
  windows:
    - {days: working_days, start: "08:30", end: "17:30"}
"""
UNIVERSITY_LEVELS = """      response: 2h
      resolution: 2wd
    - level: P4
      name: {zh: 轻微故障, en: Low}
      definition:
        zh: 单个用户的非核心功能异常
        en: A non-core function fails for one user
      response: 4h
      resolution: 5wd
    - level: P5
      name: {zh: 服务请求, en: Service request}
      definition:
        zh: 开通账号、授予权限或安装软件的服务请求
        en: A service request such as an account, a permission or a software installation
      response: 1wd
      resolution: 10wd
"""


def _university(resolution_p4: str = "5wd") -> str:
    """A university's IT service SLA: 8×5 on the mainland working days, P1–P5, the less
    severe ones resolved in working days."""
    text = replace_once(sample_text(), "service_hours: 7x24\n", UNIVERSITY_HOURS)
    levels = UNIVERSITY_LEVELS.replace("resolution: 5wd", f"resolution: {resolution_p4}")
    return replace_once(text, "      response: 2h\n      resolution: 3d\n", levels)


def test_a_university_sla_in_working_days_validates_clean(tmp_path: Path) -> None:
    assert lint_sample(tmp_path, _university()) == []


def test_a_less_severe_level_faster_than_working_days_is_found(tmp_path: Path) -> None:
    text = _university(resolution_p4="1d")
    found = lint_sample(tmp_path, text)
    assert found == [
        f"{where(text, 'resolution: 1d', '1d')}: SG604 slos.priorities[3].resolution: P4 "
        "resolution 1d is faster than P3's 2wd: a less severe incident may not be handled "
        "faster; give P4 at least 2wd"
    ]


def test_the_university_contract_states_working_day_targets(tmp_path: Path) -> None:
    from sitegen.compose import compose, select_template
    from sitegen.compose.contract import Table
    from sitegen.compose.templates import TemplateIndex
    from sitegen.load import load_agreement
    from tests.helpers import REPO, build_file_tree

    path = build_file_tree(tmp_path, {"a.yaml": _university()}) / "a.yaml"
    agreement = load_agreement(path).agreement
    assert agreement is not None
    contract = compose(agreement, select_template(agreement, TemplateIndex(REPO / "templates")))
    clause = next(c for c in contract.clauses() if c.id == "service-levels.priorities")
    table = next(b for b in clause.blocks if isinstance(b, Table))
    cells = [[cell.en for cell in row] for row in table.rows]
    assert cells[2][-1] == "2 working days" and cells[4][-2:] == [
        "1 working day",
        "10 working days",
    ]
    assert [row[-1].zh for row in table.rows][2:] == ["2 个工作日", "5 个工作日", "10 个工作日"]


def _objection_lines(tmp_path: Path, text: str) -> list[str]:
    files: dict[str, str | bytes] = {"agreements/SLA-2024-001/agreement.yaml": text}
    return [line for line in lint_lines(tmp_path, files) if "SG510" in line]


def test_an_objection_deadline_on_national_day(tmp_path: Path) -> None:
    """Effective 2025-11-01 for 12 months: the term ends 2026-10-31, and 30 days before it
    is 1 October, National Day; the last working day before it is 30 September."""
    text = replace_once(sample_text(), "effective: 2024-04-01", "effective: 2025-11-01")
    text = replace_once(text, "signed: 2024-03-15", "signed: 2025-10-15")
    assert _objection_lines(tmp_path, text) == [
        f"{where(text, 'objection_days: 30', '30')}: SG510 [info] term.auto_renew."
        "objection_days: the objection deadline is no working day on the agreement's calendar "
        "(2026-10-01 is a Thursday, National Day; the last working day before it is 2026-09-30)"
    ]


def test_an_objection_deadline_on_a_working_day_says_nothing(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "effective: 2024-04-01", "effective: 2024-04-03")
    assert _objection_lines(tmp_path, text) == []  # 2025-03-03, a Monday


def test_an_objection_deadline_in_a_year_without_data_says_nothing(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "effective: 2024-04-01", "effective: 2026-04-01")
    text = replace_once(text, "signed: 2024-03-15", "signed: 2026-03-15")
    assert _objection_lines(tmp_path, text) == []  # 2027-03-01: no data for 2027 yet
