"""Old forms of fields: one finding naming the old form and the new one; archives read as new."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from sitegen.cli import cli
from sitegen.load import load_agreement, load_agreement_text
from sitegen.load.model import Languages
from tests.helpers import SAMPLES, lint_sample, replace_once, sample_text, where

LANGUAGES = "languages: {authentic: [zh, en], prevails: zh}"


def _old_languages(prevailing: str = "zh") -> str:
    line = next(line for line in sample_text().splitlines() if line.startswith("languages:"))
    return replace_once(sample_text(), line, f"prevailing_language: {prevailing}")


def _old_report() -> str:
    return replace_once(sample_text(), "  report_due_days: 5\n", "")


def test_prevailing_language_is_named_as_the_old_form(tmp_path: Path) -> None:
    text = _old_languages("en")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'prevailing_language')}: SG134 prevailing_language is the old form: "
        "write languages: {authentic: [zh, en], prevails: en}"
    ]


def test_a_report_relying_on_the_old_default_deadline_is_named(tmp_path: Path) -> None:
    text = _old_report()
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'report: monthly', 'report')}: SG135 measurement.report without "
        "report_due_days is the old form (the report was due 5 working days after the period "
        "by default): write report_due_days: 5, or the days agreed"
    ]


def test_validate_on_an_old_file_fails_with_the_place_and_no_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "agreements" / "SLA-2024-001"
    folder.mkdir(parents=True)
    (folder / "agreement.yaml").write_text(_old_languages(), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(folder / "agreement.yaml")])
    assert result.exit_code == 1
    assert "agreement.yaml:6:1: SG134 prevailing_language is the old form" in result.output
    assert "Traceback" not in result.output


def test_an_old_file_gives_no_agreement_and_no_schema_finding() -> None:
    loaded = load_agreement_text(_old_languages(), Path("agreement.yaml"))
    assert loaded.agreement is None
    assert [f.code for f in loaded.findings] == ["SG134"]


def test_an_archived_version_is_read_in_the_new_form() -> None:
    loaded = load_agreement_text(_old_languages("en"), Path("signed/v1.yaml"), archived=True)
    assert loaded.findings == []
    assert loaded.agreement is not None
    assert loaded.agreement.languages == Languages(authentic=["zh", "en"], prevails="en")
    report = load_agreement_text(_old_report(), Path("signed/v1.yaml"), archived=True)
    assert report.agreement is not None and report.agreement.measurement.report_due_days == 5


def test_the_signed_sample_reads_with_the_terms_it_was_signed_with() -> None:
    signed = SAMPLES / "SLA-2024-001" / "signed" / "v1.yaml"
    text = signed.read_text(encoding="utf-8")
    assert "prevailing_language: zh" in text  # signed before the new form: never rewritten
    archived = load_agreement_text(text, signed, archived=True).agreement
    working = load_agreement(SAMPLES / "SLA-2024-001" / "agreement.yaml").agreement
    assert archived is not None and working is not None
    assert archived.languages == working.languages
    assert archived.measurement.report_due_days == 5


def test_the_new_form_loads_without_finding() -> None:
    assert LANGUAGES in sample_text()
    loaded = load_agreement_text(sample_text(), Path("agreement.yaml"))
    assert loaded.findings == [] and loaded.agreement is not None
