"""`sitegen renewals`: checked first, due items with overdue ones flagged, the calendar file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from sitegen.catalogue import read_kept, to_ics
from sitegen.commands.renewals import renewals_command, when
from sitegen.load.config import LoadSettings, Settings
from sitegen.versions.in_force import read_versions
from tests.helpers import SAMPLES, replace_once, sample_text
from tests.test_catalogue import samples

TITLE = (
    "核心业务系统运维服务水平协议 / "
    "Service Level Agreement for the Operation of Core Business Systems"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(renewals_command, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_due_items_overdue_first(project: Path) -> None:
    code, out, err = run("--today", "2025-02-15")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"OVERDUE  2024-07-01  review              SLA-2024-001  229 days ago  {TITLE}",
        f"         2025-03-01  objection deadline  SLA-2024-001  in 14 days    {TITLE}",
        f"         2025-03-31  expiry              SLA-2024-001  in 44 days    {TITLE}",
        "1 overdue, 2 due within 90 days of 2025-02-15",
    ]


def test_a_shorter_window(project: Path) -> None:
    code, out, _ = run("--today", "2025-02-15", "--within", "14")
    assert code == 0
    assert out.splitlines()[1:] == [
        f"         2025-03-01  objection deadline  SLA-2024-001  in 14 days    {TITLE}",
        "1 overdue, 1 due within 14 days of 2025-02-15",
    ]


def test_nothing_due(project: Path) -> None:
    code, out, _ = run("--today", "2024-03-20")
    assert (code, out) == (0, "nothing overdue or due within 90 days of 2024-03-20\n")


def test_restricted_only_when_asked(project: Path) -> None:
    code, out, _ = run("--today", "2025-06-01")
    assert code == 0 and "SLA-2024-002" not in out
    code, out, _ = run("--today", "2025-06-01", "--include-restricted")
    assert code == 0
    assert out.splitlines()[1] == (
        "         2025-07-16  review              SLA-2024-002  in 45 days    "
        "云主机与托管数据库服务水平协议 / "
        "Service Level Agreement for Cloud Hosting and Managed Database Services"
    )


def test_json(project: Path) -> None:
    code, out, _ = run("--today", "2025-02-15", "--format", "json", "--within", "14")
    assert code == 0
    assert json.loads(out) == {
        "as_of": "2025-02-15",
        "within_days": 14,
        "due": [
            {
                "agreement_id": "SLA-2024-001",
                "title": {"zh": TITLE.split(" / ")[0], "en": TITLE.split(" / ")[1]},
                "kind": kind,
                "date": date,
                "overdue": days < 0,
                "days": days,
                "ref": None,  # a date of the agreement's, not an obligation of a record
                "subject": None,
            }
            for kind, date, days in (
                ("review", "2024-07-01", -229),
                ("objection_deadline", "2025-03-01", 14),
            )
        ],
    }


def test_ics_file(project: Path) -> None:
    code, _, err = run("--today", "2025-02-15", "--ics", "out/renewals.ics")
    assert (code, err) == (0, "wrote out/renewals.ics\n")
    written = (project / "out/renewals.ics").read_bytes()
    # the deadlines of the versions in force, read from each sample's archive
    in_force = [read_versions(a, SAMPLES / a.id, LoadSettings()) for a in samples()]
    kept = {v.id: read_kept(SAMPLES / v.id, v.current, Settings()) for v in in_force}
    assert written == to_ics(in_force, dt.date(2025, 2, 15), kept=kept).encode("utf-8")
    assert b"SLA-2024-001-objection-20250301@sitegen" in written
    # SLA-2025-007: signed v1 (effective 2025-09-01, 12 months, objection 30 days) is in
    # force; the deadline of v2, in review (effective 2026-12-21: 2027-11-20), is not shown
    assert b"SLA-2025-007-objection-20260801@sitegen" in written
    assert b"SLA-2025-007-objection-20271120" not in written
    assert b"SLA-2024-002" not in written


def test_today_defaults_to_the_clock(project: Path) -> None:
    code, out, _ = run()
    assert code == 0
    assert out.splitlines()[-1].endswith(f" of {dt.date.today().isoformat()}")


def test_validation_errors_stop_it(project: Path) -> None:
    path = project / "agreements/SLA-2024-001/agreement.yaml"
    path.write_text(replace_once(sample_text(), "response: 15m", "response: 15M"), "utf-8")
    code, out, err = run("--today", "2025-02-15", "--ics", "renewals.ics")
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0].startswith("agreements/SLA-2024-001/agreement.yaml:")
    assert "SG203 slos.priorities[0].response: '15M' uses capital M" in lines[0]
    assert lines[1:] == ["7 files checked: 1 error, 0 warnings"]
    assert not (project / "renewals.ics").exists()


def test_usage_errors(project: Path) -> None:
    for args, message in (
        (["--within", "-1"], "Invalid value for '--within': -1 is not in the range 0<=x<=36525."),
        (["--today", "2025-02-30"], "Invalid value for '--today': '2025-02-30' does not match"),
        (["--format", "xml"], "Invalid value for '--format': 'xml' is not one of 'text', 'json'."),
        (["--ics"], "Option '--ics' requires an argument."),
        (["--within", "36526"], "Invalid value for '--within': 36526 is not in the range"),
        (["--today", "9999-12-31"], "Invalid value for '--today': 9999-12-31 is too far ahead"),
    ):
        code, out, err = run(*args)
        assert (code, out) == (2, ""), args
        assert f"Error: {message}" in err


def test_unwritable_ics_is_an_io_error(project: Path) -> None:
    (project / "taken").write_text("a file, not a folder", "utf-8")
    code, _, err = run("--today", "2025-02-15", "--ics", "taken/renewals.ics")
    assert code == 2
    assert err.startswith("Error: taken/renewals.ics: cannot write:")


def test_hostile_titles_stay_on_one_line(project: Path) -> None:
    path = project / "agreements/SLA-2024-001/agreement.yaml"
    text = replace_once(
        sample_text(),
        "  zh: 核心业务系统运维服务水平协议",
        '  zh: "核心\\n\\n伪造行\\t[m"',  # \r and \e are refused (SG109); line breaks are not
    )
    path.write_text(text, "utf-8")
    code, out, err = run("--today", "2025-02-15")
    assert code == 0, err
    assert out.splitlines()[1].endswith("核心\\x0a\\x0a伪造行\\x09[m / " + TITLE.split(" / ")[1])
    assert len(out.splitlines()) == 4


def test_when() -> None:
    assert [when(d) for d in (-2, -1, 0, 1, 14)] == [
        "2 days ago",
        "1 day ago",
        "today",
        "in 1 day",
        "in 14 days",
    ]
