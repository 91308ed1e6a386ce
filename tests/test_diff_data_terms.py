"""`sitegen diff` on the continuity, data and liability terms: each change of an
outsourcing contract's terms (RPO 15m, RTO 4h, data in mainland China, breach notice 24h,
a cap of 12 months' fees that a data breach and confidentiality escape, termination after
3 failed months in 6) with its direction on the provider."""

from __future__ import annotations

from sitegen.diff.comment import as_markdown
from sitegen.diff.fields import diff_terms
from sitegen.diff.model import AgreementDiff, Side
from tests.helpers import loaded_agreement as agreement
from tests.helpers import replace_once, sample_text
from tests.helpers import term_rows as rows
from tests.real_data_terms import OLA_TERMS, outsourcing_terms, with_terms

Row = tuple[str, str, str, str, str | None]
BEFORE = outsourcing_terms()


def changed(*edits: tuple[str, str]) -> str:
    text = BEFORE
    for old, new in edits:
        text = replace_once(text, old, new)
    return text


SERVICES = "monitoring, incident-handling"


def test_shorter_recovery_objectives_are_stricter_longer_ones_looser() -> None:
    new = changed(("rpo: 15m", "rpo: 5m"), ("rto: 4h", "rto: 8h"))
    assert rows(BEFORE, new) == [
        (
            "continuity[incident-handling,monitoring].rto",
            f"Recovery time objective (RTO) “{SERVICES}”",
            "4 hours",
            "8 hours",
            "looser",  # looser first: it needs the customer's attention
        ),
        (
            "continuity[incident-handling,monitoring].rpo",
            f"Recovery point objective (RPO) “{SERVICES}”",
            "15 minutes",
            "5 minutes",
            "stricter",
        ),
    ]


def test_backups_and_drills_rated_by_what_they_give_the_customer() -> None:
    new = changed(
        ("every: 15m", "every: 1h"),
        ("retained: 30d", "retained: 90d"),
        ("cadence: half_yearly", "cadence: quarterly"),
    )
    assert [(r[0].split("].")[1], r[2], r[3], r[4]) for r in rows(BEFORE, new)] == [
        ("backup.every", "15 minutes", "1 hour", "looser"),
        ("backup.retained", "30 days", "90 days", "stricter"),
        ("drill.cadence", "every six months", "quarterly", "stricter"),
    ]


def test_an_entry_added_is_a_new_commitment_and_matched_by_what_it_covers() -> None:
    # The same services listed in another order: the same entry, no change.
    same = changed((f"[{SERVICES}]", "[incident-handling, monitoring]"))
    assert rows(BEFORE, same) == []
    assert rows(sample_text(), with_terms(OLA_TERMS))[:1] == [
        (
            "continuity[*]",
            "Continuity “all services”",
            "—",
            "RPO 1 hour, RTO 2 hours, backup every hour, drill yearly",
            "stricter",
        )
    ]


def test_data_terms_rated_on_the_provider() -> None:
    new = changed(
        ("processed_in: [CN]", "processed_in: [CN, SG]"),
        ("cross_border: not_allowed", "cross_border: with_consent"),
        ("    within: 24h", "    within: 72h"),
        ("return_within: 30d", "return_within: 15d"),
        ("confidentiality_years: 3", "confidentiality_years: 5"),
    )
    assert rows(BEFORE, new) == [
        ("data.processed_in[SG]", "Data processed in “SG”", "—", "Singapore", "looser"),
        (
            "data.cross_border",
            "Cross-border transfer",
            "no cross-border transfer",
            "cross-border transfer only with the Customer's prior written consent",
            "looser",
        ),
        ("data.breach_notice.within", "Data breach notice within", "1 day", "3 days", "looser"),
        ("data.return_within", "Data returned within", "30 days", "15 days", "stricter"),
        (
            "data.confidentiality_years",
            "Confidentiality after the end",
            "3 years",
            "5 years",
            "stricter",
        ),
    ]


def test_data_terms_given_where_there_were_none() -> None:
    found = rows(sample_text(), with_terms(OLA_TERMS))
    data = [row for row in found if row[0].startswith("data.")]
    assert data == [
        ("data.stored_in", "Data stored in", "—", "China", None),  # silence is no weaker
        (
            "data.cross_border",
            "Cross-border transfer",
            "—",
            "no cross-border transfer",
            "stricter",
        ),
        ("data.breach_notice.within", "Data breach notice within", "—", "2 hours", "stricter"),
        (
            "data.breach_notice.to",
            "Data breach notified to",
            "—",
            "The business department's manager",
            None,
        ),
    ]


def test_liability_and_remedies_rated_on_the_provider() -> None:
    new = changed(
        ("exclusions: [data_breach, confidentiality]", "exclusions: [data_breach]"),
        (
            "credits_sole_remedy: true\n  sole_remedy_except: [data_breach]\n",
            "credits_sole_remedy: true\n  sole_remedy_except: [data_breach, gross_negligence]\n",
        ),
        ("{failed: 3, within: 6, notice_days: 30}", "{failed: 2, within: 6, notice_days: 60}"),
        ("months_of_fees: 12", "months_of_fees: 6"),
    )
    assert rows(BEFORE, new) == [
        (
            "liability_cap",
            "Liability cap",
            # 12 × CNY 80,000 a month = 960,000; 6 × 80,000 = 480,000.
            "Provider: the service fees for 12 months, that is, RMB 960,000.00",
            "Provider: the service fees for 6 months, that is, RMB 480,000.00",
            "looser",
        ),
        (
            "liability_cap.exclusions[confidentiality]",
            "Liability outside the cap “breach of confidentiality”",
            "breach of confidentiality",
            "—",
            "looser",
        ),
        ("remedies.termination.notice_days", "Termination notice", "30 days", "60 days", "looser"),
        (
            "remedies.sole_remedy_except[gross_negligence]",
            "Case where credits are not the sole remedy “gross negligence”",
            "—",
            "gross negligence",
            "stricter",
        ),
        (
            "remedies.termination.failed",
            "Termination: periods failed",
            "3 measurement periods",
            "2 measurement periods",
            "stricter",
        ),
    ]


def test_credits_becoming_the_sole_remedy_is_looser_and_termination_given_up_too() -> None:
    old = with_terms("remedies:\n  termination: {failed: 3, within: 6, notice_days: 30}\n")
    new = with_terms("remedies:\n  credits_sole_remedy: true\n")
    assert rows(old, new) == [
        ("remedies.credits_sole_remedy", "Credits the sole remedy", "—", "yes", "looser"),
        (
            "remedies.termination",
            "Termination for repeated misses",
            "3 failed in 6 measurement periods, 30 days' notice",
            "—",
            "looser",
        ),
    ]


def test_the_pull_request_comment_flags_the_looser_terms_and_shows_both_languages() -> None:
    new = changed(
        ("rto: 4h", "rto: 8h"),
        ("cross_border: not_allowed", "cross_border: allowed"),
        ("{failed: 3, within: 6, notice_days: 30}", "{failed: 2, within: 6, notice_days: 30}"),
    )
    found = tuple(diff_terms(agreement(BEFORE), agreement(new)))
    diff = AgreementDiff(
        "SLA-2024-001", "标题 / Title", Side("SLA-2024-001@v1", 1), Side("SLA-2024-001", 2), found
    )
    comment = as_markdown([diff])
    rows = [line for line in comment.splitlines() if line.startswith("| ")][2:]
    assert rows == [
        f"| 恢复时间目标（RTO）「{SERVICES}」<br>Recovery time objective (RTO) “{SERVICES}” "
        "| 4 小时<br>4 hours | 8 小时<br>8 hours | ⚠️ looser on the provider<br>material |",
        "| 数据跨境传输<br>Cross-border transfer | 不得跨境传输<br>no cross-border transfer "
        "| 允许跨境传输<br>cross-border transfer allowed "
        "| ⚠️ looser on the provider<br>material |",
        "| 解除条件：未达标周期数<br>Termination: periods failed "
        "| 3 个统计周期<br>3 measurement periods | 2 个统计周期<br>2 measurement periods "
        "| stricter on the provider<br>material |",
    ]
