"""The report PDF: rendered by the real Typst from a record of the demo, its text (pypdf)
holds the figures in both languages, values from input files show as the characters they
are (never Typst markup or code), and the same figures give the same bytes."""

from __future__ import annotations

import dataclasses
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader

from sitegen.cli import cli
from sitegen.errors import UserError
from sitegen.reports.figures import Event, Exclusion
from sitegen.reports.pdf import recent_figures, render_report_pdf
from tests.helpers import REPO, WITHOUT_REPORTS
from tests.report_factory import university_october

GUIDE = "SLA-2024-001"


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


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """The text without white space: pypdf places spaces and line ends as it guesses."""
    return "".join(text.split())


def test_the_demo_record_renders_with_its_figures_in_both_languages(project: Path) -> None:
    made = run("report", GUIDE, "--period", "2025-10..2025-11")
    assert made.exit_code == 0, made.output
    shown = run("report", "show", GUIDE, "2025-11", "--format", "pdf", "-o", "out.pdf")
    assert shown.exit_code == 0, shown.output
    assert "wrote out.pdf" in shown.stderr
    pdf = (project / "out.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 3
    text = flat(text_of(pdf))
    for words in [
        "服务报告", "Servicereport",
        "核心业务系统运维服务水平协议",  # the title of the version in force, both languages
        "ServiceLevelAgreementfortheOperationofCoreBusinessSystems",
        "可用性", "Availability", "响应与解决", "Responseandresolution",
        "未达标工单", "Breaches", "服务补偿", "Servicecredits",
        "未达标", "Notmet",
    ]:  # fmt: skip
        assert words in text, words
    # As the record states them (tests/test_report_command.py works them out): 77 minutes
    # down of November's 43,200 (30 days × 1,440) = 99.8217 % against 99.9 %; the 5 % band
    # of the CNY 80,000.00 monthly fee; claim by 2026-01-04.
    assert "99.8217%" in text and "99.9%" in text and "43200" in text
    assert "5%=4000.00CNY" in text and "2026-01-04" in text
    # The allowed downtime: 43,200 × 0.1 % = 43.2 minutes; 77 / 43.2 = 178.24… % → 178.2 %.
    assert "178.2%(77/43.2min)" in text
    # The trend holds October's record beside November's.
    assert "2025-10" in text


def test_pdf_needs_a_file_and_one_period_of_one_agreement(project: Path) -> None:
    shown = run("report", "show", GUIDE, "2025-11", "--format", "pdf")
    assert shown.exit_code == 2
    assert "--format pdf writes a file: give -o FILE" in shown.output
    many = run("report", "--all", "--period", "2025-11", "--format", "pdf", "-o", "x.pdf")
    assert many.exit_code == 2
    assert "-o and --format pdf take one period of one agreement" in many.output
    assert not (project / "x.pdf").exists()
    assert not (project / "agreements" / GUIDE / "reports").exists()  # nothing written


def test_a_dry_run_renders_the_pdf_without_a_record(project: Path) -> None:
    made = run(
        "report", GUIDE, "--period", "2025-11", "--dry-run", "--format", "pdf", "-o", "a.pdf"
    )
    assert made.exit_code == 0, made.output
    assert not (project / "agreements" / GUIDE / "reports").exists()
    again = run(
        "report", GUIDE, "--period", "2025-11", "--dry-run", "--format", "pdf", "-o", "b.pdf"
    )
    assert again.exit_code == 0, again.output
    assert (project / "a.pdf").read_bytes() == (project / "b.pdf").read_bytes()


def test_the_hand_worked_figures_show_in_both_languages() -> None:
    # The university's October (tests/report_factory.py works every number out): 72
    # minutes down of 9,720 service minutes = 99.2592 % against 99.9 %; P1 response 3 of 4
    # = 75.00 %; 5 % of 20,000.00 CNY = 1000.00 CNY, claim by 2026-11-30.
    text = flat(text_of(render_report_pdf(university_october())))
    assert "99.2592%" in text and "9720" in text and "72" in text
    assert "75.00%" in text and "(3/4)" in text
    assert "5%=1000.00CNY" in text and "2026-11-30" in text
    assert "INC-2041" in text and "INC-2077" in text  # the breaches, by ticket
    # Allowed downtime: 9,720 × 0.1 % = 9.72 min (9.7 shown); 72 / 9.72 = 740.74… %.
    assert "740.7%(72/9.7min)" in text
    # The late maintenance excluded as outside the service hours, with its reason.
    assert "CHG-3" in text
    for words in [
        "允许停机时间的使用比例",
        "Shareoftheallowed",
        "各级别达标率",
        "Attainmentperpriority",
    ]:
        assert words in text, words


HOSTILE = [
    "#set page(width: 1cm)",
    "*bold* _em_ $x^2$ <label> @cite",
    '#panic("x")]',
    "`raw` \\ // not a comment",
]


def test_values_from_input_files_show_as_text() -> None:
    figures = university_october()
    breaches = tuple(
        dataclasses.replace(breach, ticket=HOSTILE[i % len(HOSTILE)])
        for i, breach in enumerate(figures.breaches)
    )
    tier = figures.availability[0]
    when = tier.exclusions[0].event
    events = tuple(
        Exclusion(Event(ref, "customer", when.start, when.end, 5, "outages.csv", 9), "customer")
        for ref in HOSTILE[2:]
    )
    tier = dataclasses.replace(tier, exclusions=(*tier.exclusions, *events))
    hostile = dataclasses.replace(figures, breaches=breaches, availability=(tier,))
    pdf = render_report_pdf(hostile)
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 3  # no page set 1 cm wide
    text = flat(text_of(pdf))
    assert len(breaches) == 2  # the first two values as ticket ids, the others as refs
    for value in HOSTILE:
        assert flat(value) in text, value


def test_the_same_figures_give_the_same_bytes() -> None:
    assert render_report_pdf(university_october()) == render_report_pdf(university_october())


def test_a_character_the_fonts_cannot_draw_is_an_error() -> None:
    figures = university_october()
    odd = dataclasses.replace(figures.breaches[0], ticket="INC-\U00013000")
    with pytest.raises(UserError, match=r"no glyph for '𓀀' \(U\+13000\)"):
        render_report_pdf(dataclasses.replace(figures, breaches=(odd,)))


def test_notes_show_as_text() -> None:
    notes = ("#set text(size: 1pt) a note", "- not a list item *nor bold*")
    text = flat(text_of(render_report_pdf(dataclasses.replace(university_october(), notes=notes))))
    assert "说明" in text and "Notes" in text
    assert all(flat(note) in text for note in notes)


def test_the_trend_reads_the_last_twelve_records_up_to_the_period(project: Path) -> None:
    made = run("report", GUIDE, "--period", "2024-11..2025-11")
    assert made.exit_code == 0, made.output
    reports = project / "agreements" / GUIDE / "reports"
    # Thirteen months kept: the twelve up to 2025-11 are 2024-12 … 2025-11, oldest first;
    # the trend of 2025-06 has the twelve up to it, 2024-11 … 2025-06: eight.
    assert [f.period for f in recent_figures(reports, "2025-11")] == [
        "2024-12",
        *(f"2025-{m:02d}" for m in range(1, 12)),
    ]
    assert len(recent_figures(reports, "2025-06")) == 8
    assert recent_figures(reports, "2024-10") == []
