"""SG620–SG623, and the rules every text and role already has, on continuity and data
terms: an outsourcing contract on the guide sample (P1 resolution 4h, 7x24 service hours),
a university's SLA (P1 resolution 4h round the clock, 08:30–17:30 service hours) and an
internal IT SLA whose P1 resolution runs on its business hours."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import lint_sample, replace_once, where
from tests.real_credit_slas import cloud_sla
from tests.real_data_terms import (
    OUTSOURCING_CONTINUITY,
    OUTSOURCING_DATA,
    outsourcing_terms,
    with_terms,
)
from tests.real_slas import UNIVERSITY_HOURS, university, with_priorities

FIX = "state a concrete time, quantity or condition (e.g. 'within 30 minutes', '30 分钟内') instead"
NO_REASON = (
    "rto_reason:\n      zh: 恢复时间目标针对主数据中心整体失效，不适用于单个 P1 事件\n"
    "      en: The RTO covers the loss of the primary data centre, not a single P1 incident\n"
)
CONTINUITY = replace_once(OUTSOURCING_CONTINUITY, "    " + NO_REASON, "")

BUSINESS_HOURS_P1 = """\
  priorities:
    - level: P1
      name: {zh: 紧急, en: Critical}
      definition: {zh: 全员无法办公, en: Nobody can work}
      response: 30m
      resolution: 4h
"""


def test_an_outsourcing_contract_s_terms_are_clean(tmp_path: Path) -> None:
    assert lint_sample(tmp_path, outsourcing_terms()) == []


def test_an_rto_longer_than_p1_s_resolution_needs_its_reason(tmp_path: Path) -> None:
    # 4h equals P1's 4h: not longer. 8h round the clock against 4h round the clock (7x24
    # service hours are calendar time): longer for every incident.
    assert lint_sample(tmp_path, with_terms(CONTINUITY)) == []
    text = with_terms(replace_once(CONTINUITY, "rto: 4h", "rto: 8h"))
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'rto: 8h', '8h')}: SG620 [warning] continuity[0].rto: RTO 8h (round the "
        "clock) is longer than P1's resolution 4h (of service hours): shorten the RTO, or say "
        "in `rto_reason` why a disaster may take longer than the most severe incident"
    ]


def test_a_university_s_calendar_resolution_is_compared_as_it_runs(tmp_path: Path) -> None:
    within = with_terms("continuity:\n  - rto: 4h\n", text=university())
    assert lint_sample(tmp_path, within) == []
    # 4h30m = 270 minutes, P1's resolution 4h = 240 minutes round the clock.
    longer = with_terms("continuity:\n  - rto: 4h30m\n", text=university())
    assert lint_sample(tmp_path, longer) == [
        f"{where(longer, 'rto: 4h30m', '4h30m')}: SG620 [warning] continuity[0].rto: RTO 4h30m "
        "(round the clock) is longer than P1's resolution 4h (round the clock): shorten the "
        "RTO, or say in `rto_reason` why a disaster may take longer than the most severe "
        "incident"
    ]


def test_a_business_hours_resolution_is_longer_only_where_every_start_says_so(
    tmp_path: Path,
) -> None:
    base = with_priorities(BUSINESS_HOURS_P1, UNIVERSITY_HOURS)
    # 1wd lasts at least a whole day (1440 minutes): longer than 4h of service hours,
    # which an incident at 08:30 on a Monday uses up by 12:30.
    text = with_terms("continuity:\n  - rto: 1wd\n", text=base)
    found = lint_sample(tmp_path, text)
    assert found == [
        f"{where(text, 'rto: 1wd', '1wd')}: SG620 [warning] continuity[0].rto: RTO 1wd (round "
        "the clock) is longer than P1's resolution 4h (of service hours): shorten the RTO, or "
        "say in `rto_reason` why a disaster may take longer than the most severe incident"
    ]
    # 3h is never longer: 4h of service hours last at least 4 hours.
    assert lint_sample(tmp_path, with_terms("continuity:\n  - rto: 3h\n", text=base)) == []


def test_backups_less_frequent_than_the_rpo_cannot_meet_it(tmp_path: Path) -> None:
    text = with_terms(replace_once(OUTSOURCING_CONTINUITY, "every: 15m", "every: 1d"))
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'every: 1d', '1d')}: SG621 [warning] continuity[0].backup.every: a "
        "backup every 1d cannot meet an RPO of 15m: a failure just before a backup loses up "
        "to 1d of data; back up at least every 15m, or lengthen the RPO"
    ]
    hourly = with_terms("continuity:\n  - {rpo: 1h, backup: {every: 1h, retained: 7d}}\n")
    assert lint_sample(tmp_path, hourly) == []  # every hour meets 1h exactly


def test_a_breach_notice_without_a_time_limit_is_an_error(tmp_path: Path) -> None:
    text = with_terms(replace_once(OUTSOURCING_DATA, "    within: 24h\n", ""))
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'breach_notice:')}: SG622 data.breach_notice: a breach notice without "
        "a time limit cannot be checked: give `within`, how soon after the provider learns of "
        "a breach it notifies, e.g. 24h"
    ]


def test_confidentiality_says_how_long_it_lasts(tmp_path: Path) -> None:
    text = with_terms(replace_once(OUTSOURCING_DATA, "  confidentiality_years: 3\n", ""))
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'confidential: true', 'true')}: SG623 [warning] data.confidential: "
        "confidentiality without a duration leaves open how long it binds once the agreement "
        "ends: give `confidentiality_years`, e.g. 3"
    ]


def test_vague_words_in_the_new_texts_are_found(tmp_path: Path) -> None:
    text = with_terms(
        replace_once(
            OUTSOURCING_CONTINUITY,
            "not a single P1 incident",
            "not a single P1 incident restored promptly",
        )
    )
    text = replace_once(
        text, "      location: {zh: 同城灾备机房,", "      location: {zh: 及时同步的同城灾备机房,"
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'restored promptly', 'promptly')}: SG301 continuity[0].rto_reason.en: "
        f"vague wording 'promptly': {FIX}",
        f"{where(text, '及时同步', '及时')}: SG301 continuity[0].backup.location.zh: vague "
        f"wording '及时': {FIX}",
    ]


def test_a_breach_is_notified_to_a_role_never_a_person(tmp_path: Path) -> None:
    text = with_terms(
        replace_once(
            OUTSOURCING_DATA,
            "to: {zh: 客户方信息安全负责人, en: The customer's Information Security Officer}",
            "to: {zh: 王经理, en: Mr Wang (wang@example.com)}",
        )
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, '王经理')}: SG408 [warning] data.breach_notice.to.zh: '王经理' looks "
        "like a person (surname and title): write the role instead (e.g. 客户服务经理 / "
        "Customer Service Manager)",
        f"{where(text, 'Mr Wang')}: SG408 [warning] data.breach_notice.to.en: 'Mr' addresses a "
        "person: write the role instead (e.g. 客户服务经理 / Customer Service Manager)",
        f"{where(text, 'wang@example.com')}: SG406 data.breach_notice.to.en: e-mail address "
        "'wang@example.com': an agreement names roles, not mailboxes; keep addresses in the "
        "contact list outside the agreement",
    ]


def test_no_cross_border_transfer_for_data_kept_in_two_regions(tmp_path: Path) -> None:
    text = with_terms(
        replace_once(OUTSOURCING_DATA, "processed_in: [CN]", "processed_in: [CN, HK]")
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'cross_border: not_allowed', 'not_allowed')}: SG624 [warning] "
        "data.cross_border: cross_border: not_allowed, but the data is stored or processed in "
        "CN, HK: moving it between them crosses a border; allow the transfer between these "
        "regions (with_consent, allowed) or keep the data in one"
    ]


CLOUD_TERMS = """\
continuity:
  - tier: region
    rto: 1h
    backup: {every: 1d, retained: 7d}
  - tier: instance
    rpo: 1d
    backup: {every: 1d, retained: 7d}
data:
  stored_in: [SG]
  processed_in: [SG, US]
  cross_border: with_consent
  breach_notice:
    within: 72h
    to: {zh: 客户方账号管理员, en: The customer's account administrator}
remedies:
  credits_sole_remedy: true
"""


def test_a_cloud_provider_s_published_terms_per_tier_are_clean(tmp_path: Path) -> None:
    # Tiers by id (region, instance); RTO 1h within P1's 4h; a daily backup meets RPO 1d;
    # two regions with transfer by consent.
    found = lint_sample(tmp_path, with_terms(CLOUD_TERMS, text=cloud_sla()))
    # The lint tests' template asks fees of a credits section; the repository's does not.
    assert [line for line in found if ": SG810 " not in line] == []
