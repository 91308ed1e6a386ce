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


def _old_revision() -> str:
    text = replace_once(sample_text(), "  minutes_within: 5wd\n", "")
    text = replace_once(
        text,
        "revision: {volume_change: 50, new_services: true, missed_periods: 2, "
        "meeting_within: 15wd}\n",
        "",
    )
    return replace_once(text, "retention_years: 3\n", "")


def test_reviews_without_revision_terms_are_named_with_the_terms_once_stated(
    tmp_path: Path,
) -> None:
    text = _old_revision()
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'review:', 'review')}: SG136 review without revision is the old form "
        "(the template stated that the minutes follow within 5 working days, that revision "
        "may be proposed on 50% more business volume, new services or 2 failed periods in a "
        "row, with a meeting within 15 working days, and that records are kept 3 years): write "
        "revision: {volume_change: 50, missed_periods: 2, new_services: true, meeting_within: "
        "15wd}, retention_years: 3 and review.minutes_within: 5wd, or the terms agreed (leave "
        "out any not agreed: revision: {} when none is)"
    ]
    agreed_none = replace_once(text, "\nsignatories:", "\nrevision: {}\nsignatories:")
    assert lint_sample(tmp_path, agreed_none) == []


def test_an_archived_version_with_reviews_keeps_the_revision_terms_it_was_signed_with() -> None:
    loaded = load_agreement_text(_old_revision(), Path("signed/v1.yaml"), archived=True)
    working = load_agreement(SAMPLES / "SLA-2024-001" / "agreement.yaml").agreement
    assert loaded.findings == [] and loaded.agreement is not None and working is not None
    assert loaded.agreement.revision == working.revision
    assert loaded.agreement.retention_years == 3
    assert loaded.agreement.review is not None and working.review is not None
    assert loaded.agreement.review.minutes_within == working.review.minutes_within
