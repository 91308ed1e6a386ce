"""`sitegen report ID --period P`: the demo's data measured against the samples in force,
end to end through a real DuckDB, kept as records, refused without writing anything.

The figures checked here are the ones the samples' review records state: SLA-2024-001
failed one month of Q4 2025 at 99.82% and passed every month of 2026 up to Q3.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sitegen.cli import cli
from tests.helpers import REPO, WITHOUT_REPORTS

GUIDE = "SLA-2024-001"
REPORTS = Path("agreements") / GUIDE / "reports"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The samples, their templates, the demo data and the demo's sitegen.toml."""
    for name in ("agreements", "templates", "service-data"):
        shutil.copytree(REPO / name, tmp_path / name, ignore=WITHOUT_REPORTS)
    shutil.copy(REPO / "sitegen.toml", tmp_path / "sitegen.toml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_a_month_is_measured_kept_and_the_same_bytes_again(project: Path) -> None:
    result = run("report", GUIDE, "--period", "2025-11", "--format", "json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    # 77 minutes down of November's 43,200 (30 days × 1,440): 99.8217% against 99.9%.
    assert figures["availability"][0]["attained"] == "99.8217"
    assert figures["availability"][0]["downtime_minutes"] == 77
    assert figures["passed"] is False
    # The 5% band of the CNY 80,000.00 monthly fee; claimed within 30 days of the report,
    # due 5 working days after 30 November (Friday 5 December): 4 January 2026.
    assert figures["credits"]["percent"] == "5"
    assert figures["credits"]["amount"] == "4000.00"
    assert figures["credits"]["claim_by"] == "2026-01-04"
    assert f"wrote {REPORTS.as_posix()}/2025-11.yaml" in result.stderr
    record = (project / REPORTS / "2025-11.yaml").read_bytes()
    assert b"service-data/outages.csv" in record and b"service-data/tickets.csv" in record
    # Its counted outages and breached tickets name their files as its inputs do, never
    # where this project happens to be: the same inputs give the same bytes anywhere.
    assert str(project).encode() not in record
    assert b'file: "service-data/outages.csv"\n          row: ' in record
    again = run("report", GUIDE, "--period", "2025-11")
    assert again.exit_code == 0 and "wrote" not in again.stderr
    assert (project / REPORTS / "2025-11.yaml").read_bytes() == record


def test_the_reviewed_quarters_pass_and_fail_as_their_records_say(project: Path) -> None:
    result = run("report", GUIDE, "--period", "2025-10..2026-09", "--dry-run")
    assert result.exit_code == 0, result.output
    failed = [line.split(":")[0] for line in result.stdout.splitlines() if "FAILED" in line]
    assert failed == [f"{GUIDE} 2025-11"]
    assert len(result.stdout.splitlines()) == 12
    assert not (project / REPORTS).exists()


def test_all_reports_on_the_agreements_in_force_and_skips_the_others(project: Path) -> None:
    result = run("report", "--all", "--period", "2026-10")
    assert result.exit_code == 0, result.output
    assert sorted((project / "agreements").glob("*/reports/2026-10.yaml")) == [
        project / "agreements" / name / "reports" / "2026-10.yaml"
        for name in ("SLA-2024-001", "SLA-2024-002", "SLA-2025-005", "SLA-2025-006", "SLA-2025-007")
    ]  # the signed ones and the provider's accepted text; v1 of SLA-2025-007 (v2 in review)
    skipped = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert skipped == [
        f"{name} 2026-10: skipped: no signed or accepted version had taken effect by 2026-10-01"
        for name in ("OLA-2025-001", "SLA-2025-004")
    ]


def test_a_period_is_measured_against_the_version_then_in_force(project: Path) -> None:
    # SLA-2025-005's provider text v2 applies from 15 July 2026: July is v1's, August v2's.
    result = run("report", "SLA-2025-005", "--period", "2026-07..2026-08", "--dry-run")
    assert result.exit_code == 0, result.output
    july = run("report", "SLA-2025-005", "--period", "2026-07", "--format", "json", "--dry-run")
    august = run("report", "SLA-2025-005", "--period", "2026-08", "--format", "json", "--dry-run")
    assert json.loads(july.stdout)["version"] == 1
    assert json.loads(august.stdout)["version"] == 2
    # 250 minutes down of an instance's 44,640: 99.4399%, below 99.5%: 10% of the
    # instance's August bill (charges.csv: CNY 1,335.58), 133.558, half up 133.56; claimed
    # within 60 days of the month's end (31 August + 30 of September + 30 of October).
    credits = json.loads(august.stdout)["credits"]
    assert (credits["percent"], credits["amount"], credits["claim_by"]) == (
        "10",
        "133.56",
        "2026-10-30",
    )
    # no band reached: nothing due and nothing to claim
    september = run("report", "SLA-2025-005", "--period", "2026-09", "--format", "json",
                    "--dry-run")  # fmt: skip
    quiet = json.loads(september.stdout)["credits"]
    assert (quiet["percent"], quiet["claim_by"]) == ("0", None)


def test_a_draft_has_nothing_to_report(project: Path) -> None:
    result = run("report", "SLA-2025-004", "--period", "2026-10")
    assert result.exit_code == 2
    assert "SLA-2025-004 2026-10: no signed or accepted version had taken effect" in result.stderr


def test_an_accepted_record_is_kept_unless_superseded_with_a_reason(project: Path) -> None:
    assert run("report", GUIDE, "--period", "2026-10").exit_code == 0
    role = "IT Centre Manager (service liaison)"
    accepted = run("report", "accept", GUIDE, "2026-10", "--role", role, "--date", "2026-11-06",
                   "--today", "2026-11-06")  # fmt: skip
    assert accepted.exit_code == 0, accepted.output
    kept = (project / REPORTS / "2026-10.yaml").read_bytes()
    refused = run("report", GUIDE, "--period", "2026-10")
    assert refused.exit_code == 2
    assert "was accepted on 2026-11-06" in refused.stderr
    assert (project / REPORTS / "2026-10.yaml").read_bytes() == kept
    superseded = run("report", GUIDE, "--period", "2026-10", "--supersede", "--reason",
                     "a late export of tickets")  # fmt: skip
    assert superseded.exit_code == 0, superseded.output
    assert (project / REPORTS / "superseded" / "2026-10.1.yaml").read_bytes() == kept


def test_a_bad_row_names_its_place_and_nothing_is_written(project: Path) -> None:
    bad = project / "outages.csv"
    bad.write_text(
        "agreement,tier,start,end,kind,notified,ref\n"
        f"{GUIDE},,2026-10-03T10:00:00+08:00,2026-10-03T09:00:00+08:00,outage,,X-1\n",
        encoding="utf-8",
    )
    result = run("report", GUIDE, "--period", "2026-10", "--outages", str(bad),
                 "--tickets", "service-data/tickets.csv")  # fmt: skip
    assert result.exit_code == 2
    assert "outages.csv:1: column end" in result.stderr
    assert "Traceback" not in result.output
    assert not (project / REPORTS).exists()


def test_a_period_the_agreement_does_not_measure_by_is_refused(project: Path) -> None:
    result = run("report", GUIDE, "--period", "2026Q3")
    assert result.exit_code == 2
    assert "SLA-2024-001 measures by month (measurement.period): give a month" in result.stderr


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "--period", "2026-10"], "give agreement IDs or --all"),
        (["report", GUIDE, "--period", "2026-13"], "write a month as 2026-10"),
        (["report", GUIDE, "--period", "2026-10..2026-01"], "runs from a month to a later"),
        (["report", GUIDE, "--period", "2026-10", "--reason", "x"], "--reason goes with"),
    ],
)
def test_usage_errors(project: Path, argv: list[str], message: str) -> None:
    result = run(*argv)
    assert result.exit_code == 2
    assert message in result.stderr


def test_the_business_hours_samples_read_as_their_reviews_say(project: Path) -> None:
    result = run("report", "SLA-2025-006", "SLA-2025-007", "--period", "2025-10..2026-06",
                 "--dry-run")  # fmt: skip
    assert result.exit_code == 0, result.output
    failed = [line for line in result.stdout.splitlines() if "FAILED" in line]
    # London: 19 of January's 10,710 service minutes (21 working days of England × 8.5 h);
    # the university: December's P1 restored in 5 service hours against 4.
    assert failed == [
        "SLA-2025-006 2026-01: FAILED (availability 99.8225%), credit 5% = GBP 242.50",
        "SLA-2025-007 2025-12: FAILED (availability 99.7735%)",
    ]
    december = json.loads(
        run("report", "SLA-2025-007", "--period", "2025-12", "--format", "json", "--dry-run").stdout
    )
    assert [
        (b["level"], b["allowed_minutes"], b["elapsed_minutes"]) for b in december["breaches"]
    ] == [("P1", 240, 300)]


def test_a_ticket_across_the_spring_festival_meets_two_working_days(project: Path) -> None:
    # Opened Friday 13 February 2026 at 16:00; the make-up Saturday 14 February is the first
    # working day after it, Tuesday 24 February (after the holiday) the second: resolved on
    # the 24th at 09:00 is within 2wd.
    february = json.loads(
        run("report", "SLA-2025-007", "--period", "2026-02", "--format", "json", "--dry-run").stdout
    )
    p3 = next(p for p in february["priorities"] if p["level"] == "P3")
    assert p3["resolution"]["tickets"] == p3["resolution"]["within"]
    assert february["breaches"] == []
