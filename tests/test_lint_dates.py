"""SG5xx: signing, effect and termination dates, status, term and objection period."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import lint_lines, lint_sample, replace_once, sample_text, where

FILE = "agreements/SLA-2024-001/agreement.yaml"


def test_signed_after_effective(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "signed: 2024-03-15", "signed: 2024-04-02")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'signed: 2024-04-02', '2024')}: SG501 dates.signed: signed on "
        "2024-04-02, after the effective date 2024-04-01: an agreement takes effect on or "
        "after signing; correct one of the dates"
    ]


def test_signed_on_the_effective_date_is_fine(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "signed: 2024-03-15", "signed: 2024-04-01")
    assert lint_sample(tmp_path, text) == []


def test_terminated_before_effective(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "status: signed", "status: terminated")
    text = replace_once(
        text, "effective: 2024-04-01", "effective: 2024-04-01\n  terminated: 2024-03-31"
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'terminated: 2024-03-31', '2024')}: SG502 dates.terminated: terminated "
        "on 2024-03-31, before the effective date 2024-04-01: the last day falls on or after "
        "it; correct the date"
    ]


def test_terminated_agreement_with_its_date_is_fine(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "status: signed", "status: terminated")
    text = replace_once(
        text, "effective: 2024-04-01", "effective: 2024-04-01\n  terminated: 2025-03-31"
    )
    assert lint_sample(tmp_path, text) == []


def test_terminated_status_needs_the_date(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "status: signed", "status: terminated")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'status: terminated', 'terminated')}: SG506 status: status is "
        "terminated but dates.terminated is missing: add the last day of the agreement"
    ]


def test_signed_status_needs_a_signing_date(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "  signed: 2024-03-15\n", "")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'status: signed', 'signed')}: SG504 status: status is signed but "
        "dates.signed is missing: add the signing date, or set the status to draft or in_review"
    ]


def test_draft_without_a_signing_date_is_fine(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "  signed: 2024-03-15\n", "")
    text = replace_once(text, "status: signed", "status: draft")
    assert lint_sample(tmp_path, text) == []


def test_draft_with_a_signing_date_is_a_warning(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "status: signed", "status: in_review")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'signed: 2024-03-15', '2024')}: SG505 [warning] dates.signed: status is "
        "in_review but the agreement has a signing date: set the status to signed, or remove "
        "dates.signed until it is signed"
    ]


def test_objection_period_longer_than_the_term(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "  months: 12\n  auto_renew:", "  months: 1\n  auto_renew:")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'objection_days: 30', '30')}: SG503 term.auto_renew.objection_days: 30 "
        "days' notice is not shorter than the 30-day term: the objection deadline would fall "
        "before the term begins; shorten objection_days"
    ]


def test_objection_period_longer_than_the_renewal(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(),
        "    months: 12\n    objection_days: 30",
        "    months: 1\n    objection_days: 31",
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'objection_days: 31', '31')}: SG503 term.auto_renew.objection_days: 31 "
        "days' notice is not shorter than the 30-day renewal: the objection deadline would "
        "fall before the renewal begins; shorten objection_days"
    ]


def test_term_dates_are_given_as_a_note(tmp_path: Path) -> None:
    lines = lint_lines(tmp_path, {FILE: sample_text()})
    assert (
        f"{FILE}:26:11: SG507 [info] term.months: dates derived from "
        "the term (term ends 2025-03-31; objection deadline 2025-03-01; otherwise renews for "
        "12 months)" in lines
    )


def test_term_without_renewal_says_so(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(), "  auto_renew:\n    months: 12\n    objection_days: 30\n", ""
    )
    lines = lint_lines(tmp_path, {FILE: text})
    assert (
        f"{where(text, '  months: 12', '12')}: SG507 [info] term.months: dates derived from "
        "the term (term ends 2025-03-31; no automatic renewal)" in lines
    )
