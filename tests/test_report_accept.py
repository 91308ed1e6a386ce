"""`sitegen report accept` and `sitegen report show`: the customer's contact accepts a
period's record, on the agreement's own terms, append-only."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from sitegen.cli import cli
from sitegen.commands.report import supersede_options, superseding
from sitegen.reports.record import render_record
from sitegen.reports.record_store import write_record
from tests.helpers import REPO, WITHOUT_REPORTS, replace_once
from tests.report_factory import SAMPLE_ID, record_of, university_october

REPORTS = f"agreements/{SAMPLE_ID}/reports"
ZH_ROLE = "信息中心经理（服务对接人）"
EN_ROLE = "IT Centre Manager (service liaison)"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The guide's agreement (v1 signed, its archive beside it) and October's record."""
    shutil.copytree(
        REPO / "agreements" / SAMPLE_ID, tmp_path / "agreements" / SAMPLE_ID, ignore=WITHOUT_REPORTS
    )
    write_record(tmp_path / REPORTS, record_of(university_october()))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.stderr
    return result


def accept(role: str = ZH_ROLE, date: str = "2026-11-05", today: str = "2026-11-05") -> Result:
    return run(
        "report", "accept", SAMPLE_ID, "2026-10", "--role", role, "--date", date, "--today", today
    )


def record_sha(root: Path) -> str:
    return hashlib.sha256((root / REPORTS / "2026-10.yaml").read_bytes()).hexdigest()


def test_the_customer_contact_accepts_and_the_acceptance_is_recorded(project: Path) -> None:
    result = accept()
    sha = record_sha(project)
    assert result.exit_code == 0
    assert result.stdout == f"accepted 2026-10 on 2026-11-05 by {ZH_ROLE} ({sha[:12]})\n"
    assert (project / REPORTS / "acceptances.yaml").read_text(encoding="utf-8") == (
        "# Acceptances of the service reports of SLA-2024-001, written by\n"
        "# `sitegen report accept`. Append-only: never edit or remove an entry.\n"
        'agreement: "SLA-2024-001"\n'
        "accepted:\n"
        '  - period: "2026-10"\n'
        f'    sha256: "{sha}"\n'
        f'    role: "{ZH_ROLE}"\n'
        "    date: 2026-11-05\n"
    )
    shown = run("report", "show", SAMPLE_ID, "2026-10", "--format", "json")
    assert shown.exit_code == 0
    assert shown.stderr == f"2026-10: accepted on 2026-11-05 by {ZH_ROLE}\n"


def test_the_role_may_be_written_in_english(project: Path) -> None:
    assert accept(EN_ROLE).exit_code == 0


def test_a_role_that_is_not_a_customer_contact_is_refused(project: Path) -> None:
    before = sorted(p.name for p in (project / REPORTS).iterdir())
    result = accept("客户服务经理")  # the provider's contact: not the one who accepts
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: cannot accept the record of 2026-10: '客户服务经理' is not a customer "
        f"contact's role of {SAMPLE_ID} v1 (its customer contacts: {ZH_ROLE} / {EN_ROLE})\n"
    )
    assert sorted(p.name for p in (project / REPORTS).iterdir()) == before


def test_the_role_is_the_one_of_the_version_the_record_was_computed_for(project: Path) -> None:
    """v2 is being drafted with a new customer contact; October's figures are v1's."""
    living = project / "agreements" / SAMPLE_ID / "agreement.yaml"
    text = replace_once(living.read_text(encoding="utf-8"), ZH_ROLE, "信息化办公室主任")
    living.write_text(replace_once(text, "version: 1\n", "version: 2\n"), encoding="utf-8")
    assert "is not a customer contact's role" in accept("信息化办公室主任").stderr
    assert accept(ZH_ROLE).exit_code == 0


@pytest.mark.parametrize(
    ("date", "today", "message"),
    [
        (
            "2026-10-31",
            "2026-11-05",
            "cannot accept the record of 2026-10 on 2026-10-31: the period ends with "
            "2026-10-31; a report is accepted after its period",
        ),
        (
            "2026-11-06",
            "2026-11-05",
            "cannot accept the record of 2026-10 on 2026-11-06: the day is in the future "
            "(today is 2026-11-05)",
        ),
    ],
    ids=["on the period's last day", "in the future"],
)
def test_a_day_before_the_period_ends_or_in_the_future_is_refused(
    project: Path, date: str, today: str, message: str
) -> None:
    result = accept(date=date, today=today)
    assert (result.exit_code, result.stderr) == (2, f"Error: {message}\n")
    assert not (project / REPORTS / "acceptances.yaml").exists()


def test_accepting_twice_is_refused(project: Path) -> None:
    assert accept().exit_code == 0
    before = (project / REPORTS / "acceptances.yaml").read_bytes()
    result = accept(EN_ROLE, "2026-11-07", "2026-11-07")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: cannot accept the record of 2026-10: it was accepted on 2026-11-05 by "
        f"{ZH_ROLE} already\n"
    )
    assert (project / REPORTS / "acceptances.yaml").read_bytes() == before


def test_a_superseding_record_is_accepted_in_its_turn_and_both_stay(project: Path) -> None:
    assert accept().exit_code == 0
    first = record_sha(project)
    fixed = dataclasses.replace(university_october(), passed=True)
    write_record(project / REPORTS, record_of(fixed), supersede="INC-7 was the customer's")
    assert accept(EN_ROLE, "2026-11-12", "2026-11-12").exit_code == 0
    text = (project / REPORTS / "acceptances.yaml").read_text(encoding="utf-8")
    assert text.count('  - period: "2026-10"\n') == 2
    assert f'sha256: "{first}"' in text and f'sha256: "{record_sha(project)}"' in text


def test_a_period_without_a_record_or_a_bad_period_is_refused(project: Path) -> None:
    result = run(
        "report",
        "accept",
        SAMPLE_ID,
        "2026-09",
        "--role",
        ZH_ROLE,
        "--date",
        "2026-10-05",
        "--today",
        "2026-10-05",
    )
    path = Path(REPORTS, "2026-09.yaml")
    assert (
        result.stderr
        == f"Error: {project / path}: no record of 2026-09: `sitegen report` writes one\n"
    )
    result = run("report", "show", SAMPLE_ID, "2026-9")
    assert (
        result.stderr == "Error: period '2026-9': write a month as 2026-10 or a quarter as 2026Q3\n"
    )
    result = run("report", "show", "../x", "2026-10")
    assert result.stderr == "Error: not an agreement id: '../x' (expected e.g. SLA-2024-001)\n"


def test_a_hand_edited_record_is_not_accepted(project: Path) -> None:
    path = project / REPORTS / "2026-10.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(replace_once(text, "passed: false", "passed: yes"), encoding="utf-8")
    result = accept()
    line = text[: text.index("passed: false")].count("\n") + 1
    assert result.stderr == f"Error: {path}:{line}:9: passed: Input should be a valid boolean\n"
    assert not (project / REPORTS / "acceptances.yaml").exists()


def test_show_prints_each_format(project: Path) -> None:
    for fmt in ("text", "json", "md"):
        result = run("report", "show", SAMPLE_ID, "2026-10", "--format", fmt)
        assert result.exit_code == 0
        assert result.stderr == "2026-10: not accepted yet\n"
    data = render_record(record_of(university_october()))
    assert (project / REPORTS / "2026-10.yaml").read_bytes() == data


@pytest.mark.parametrize(
    ("agreement", "role"),
    [
        ("SLA-2024-002", "Information Security Officer"),  # the second customer contact
        ("SLA-2025-004", "IT 运营经理（合同对接人）"),  # an outsourcing draft: the living file
    ],
)
def test_other_agreements_accept_their_own_customer_contacts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, agreement: str, role: str
) -> None:
    shutil.copytree(
        REPO / "agreements" / agreement, tmp_path / "agreements" / agreement, ignore=WITHOUT_REPORTS
    )
    reports = tmp_path / "agreements" / agreement / "reports"
    write_record(reports, record_of(dataclasses.replace(university_october(), agreement=agreement)))
    monkeypatch.chdir(tmp_path)
    args = (
        "report",
        "accept",
        agreement,
        "2026-10",
        "--date",
        "2026-11-02",
        "--today",
        "2026-11-02",
    )
    refused = run(*args, "--role", ZH_ROLE)  # the guide's agreement's contact, not this one's
    assert "is not a customer contact's role of" in refused.stderr
    assert run(*args, "--role", role).exit_code == 0


@pytest.mark.parametrize(("date", "code"), [("2026-09-30", 2), ("2026-10-01", 0)])
def test_a_quarter_is_accepted_after_its_last_day(project: Path, date: str, code: int) -> None:
    q3 = dataclasses.replace(university_october(), period="2026Q3")
    write_record(project / REPORTS, record_of(q3))
    result = run(
        "report",
        "accept",
        SAMPLE_ID,
        "2026Q3",
        "--role",
        ZH_ROLE,
        "--date",
        date,
        "--today",
        "2026-10-08",
    )
    assert result.exit_code == code, result.stderr


@click.command()
@supersede_options
def rerun(supersede: bool, reason: str | None) -> None:
    """October again, now passed: what the computing command does with the options."""
    fixed = dataclasses.replace(university_october(), passed=True)
    write_record(Path(REPORTS), record_of(fixed), supersede=superseding(supersede, reason))


def test_the_supersede_options_go_together(project: Path) -> None:
    assert accept().exit_code == 0
    alone = CliRunner().invoke(rerun, ["--supersede"])
    assert alone.exit_code == 2
    assert 'Error: --supersede needs --reason "why the figures change"' in alone.stderr
    assert (
        "Error: --reason goes with --supersede"
        in CliRunner().invoke(rerun, ["--reason", "x"]).stderr
    )
    both = CliRunner().invoke(rerun, ["--supersede", "--reason", "INC-7 was the customer's"])
    assert both.exit_code == 0, both.stderr
    assert (project / REPORTS / "superseded" / "2026-10.1.yaml").is_file()
