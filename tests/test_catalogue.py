"""The catalogue: states, current terms, deadlines, reviews, rows, labels and the JSON export."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

import pytest

from sitegen.catalogue import (
    CATALOGUE_JSON_FIELDS,
    ROW_FIELDS,
    Due,
    catalogue_rows,
    renewals,
    standing,
    to_json,
)
from sitegen.catalogue.standing import current_term, last_review
from sitegen.load import load_agreement
from sitegen.load.model import Agreement, AutoRenew, Term
from tests.helpers import SAMPLES

D = dt.date
TITLE_001 = (
    "核心业务系统运维服务水平协议",
    "Service Level Agreement for the Operation of Core Business Systems",
)


@cache
def sample(agreement_id: str) -> Agreement:
    loaded = load_agreement(SAMPLES / agreement_id / "agreement.yaml")
    assert loaded.agreement is not None, loaded.findings
    return loaded.agreement


def samples() -> list[Agreement]:
    return [sample(path.name) for path in sorted(SAMPLES.iterdir()) if path.is_dir()]


def build(base: str = "SLA-2024-001", **changes: Any) -> Agreement:
    """A sample with top-level fields replaced; `dates` and `review` take partial dicts."""
    agreement = sample(base)
    for name in ("dates", "review"):
        if isinstance(changes.get(name), dict):
            changes[name] = getattr(agreement, name).model_copy(update=changes[name])
    return agreement.model_copy(update=changes)


def due(items: list[Due]) -> list[tuple[str, str, dt.date, int, bool]]:
    return [(d.agreement_id, d.kind, d.date, d.days, d.overdue) for d in items]


# The guide's agreement: effective 2024-04-01, 12 months, renews 12 months, 30 days' notice.


def test_first_term_before_its_deadline() -> None:
    now = standing(sample("SLA-2024-001"), D(2025, 2, 15))
    assert (now.state, now.term_start, now.expiry) == (
        "in_renewal_window",
        D(2024, 4, 1),
        D(2025, 3, 31),
    )
    assert now.objection_deadline == D(2025, 3, 1)
    assert now.next_review == D(2024, 7, 1)  # no review held: one quarter after the start
    assert due(renewals([sample("SLA-2024-001")], D(2025, 2, 15))) == [
        ("SLA-2024-001", "review", D(2024, 7, 1), -229, True),
        ("SLA-2024-001", "objection_deadline", D(2025, 3, 1), 14, False),
        ("SLA-2024-001", "expiry", D(2025, 3, 31), 44, False),
    ]


def test_a_passed_term_renews_until_the_term_holding_today() -> None:
    now = standing(sample("SLA-2024-001"), D(2025, 6, 1))
    assert (now.state, now.term_start, now.expiry) == ("active", D(2025, 4, 1), D(2026, 3, 31))
    assert now.objection_deadline == D(2026, 3, 1)
    assert now.renews_for == 12


@pytest.mark.parametrize(
    ("today", "start", "end"),
    [
        (D(2024, 3, 1), D(2024, 4, 1), D(2025, 3, 31)),  # before the start: the first term
        (D(2025, 3, 31), D(2024, 4, 1), D(2025, 3, 31)),  # the last day still belongs to it
        (D(2025, 4, 1), D(2025, 4, 1), D(2026, 3, 31)),
        (D(2034, 6, 1), D(2034, 4, 1), D(2035, 3, 31)),  # ten renewals later
    ],
)
def test_current_term(today: dt.date, start: dt.date, end: dt.date) -> None:
    agreement = sample("SLA-2024-001")
    assert current_term(agreement.dates.effective, agreement.term, today) == (start, end)


def test_terms_from_the_31st_do_not_drift() -> None:
    term = Term(months=1, auto_renew=AutoRenew(months=1, objection_days=5))
    assert current_term(D(2024, 1, 31), term, D(2024, 2, 28)) == (D(2024, 1, 31), D(2024, 2, 28))
    assert current_term(D(2024, 1, 31), term, D(2024, 3, 1)) == (D(2024, 2, 29), D(2024, 3, 30))
    assert current_term(D(2024, 1, 31), term, D(2024, 4, 15)) == (D(2024, 3, 31), D(2024, 4, 29))
    assert current_term(D(2024, 1, 31), term, D(2024, 5, 30)) == (D(2024, 4, 30), D(2024, 5, 30))


def test_a_longer_first_term_then_shorter_renewals() -> None:
    agreement = sample("SLA-2024-002")  # 2024-07-01, 36 months, then 12, 90 days' notice
    now = standing(agreement, D(2027, 7, 1))
    assert (now.term_start, now.expiry, now.objection_deadline) == (
        D(2027, 7, 1),
        D(2028, 6, 30),
        D(2028, 4, 1),
    )


def test_upcoming_agreement_has_its_first_term() -> None:
    now = standing(sample("SLA-2024-001"), D(2024, 3, 20))
    assert (now.state, now.expiry, now.objection_deadline) == (
        "upcoming",
        D(2025, 3, 31),
        D(2025, 3, 1),
    )


def test_without_renewal_the_agreement_expires() -> None:
    agreement = build(term=Term(months=12))
    before = standing(agreement, D(2025, 3, 31))
    assert (before.state, before.expiry, before.objection_deadline) == (
        "in_renewal_window",
        D(2025, 3, 31),
        None,
    )
    after = standing(agreement, D(2025, 4, 1))
    assert (after.state, after.expiry, after.objection_deadline, after.next_review) == (
        "expired",
        D(2025, 3, 31),
        None,
        None,
    )
    assert renewals([agreement], D(2025, 4, 1)) == []


def test_without_renewal_no_review_is_due_after_the_end() -> None:
    agreement = build(term=Term(months=12), review={"records": []})
    assert standing(agreement, D(2025, 2, 1)).next_review == D(2024, 7, 1)
    shifted = build(term=Term(months=2))  # ends 2024-05-31, before a quarter has passed
    assert standing(shifted, D(2024, 5, 1)).next_review is None


def test_terminated_agreement_has_no_deadlines() -> None:
    agreement = build(status="terminated", dates={"terminated": D(2025, 1, 31)})
    now = standing(agreement, D(2025, 1, 15))
    assert (now.state, now.expiry, now.objection_deadline, now.next_review) == (
        "terminated",
        D(2025, 1, 31),
        None,
        None,
    )
    assert renewals([agreement], D(2025, 1, 15), 3650) == []


def test_notice_given_ends_the_agreement_on_its_last_day() -> None:
    agreement = build(dates={"terminated": D(2025, 1, 31)})  # still signed: notice given
    now = standing(agreement, D(2025, 1, 15))
    assert (now.state, now.expiry, now.objection_deadline) == (
        "in_renewal_window",
        D(2025, 1, 31),
        None,
    )
    assert standing(agreement, D(2025, 2, 1)).state == "terminated"


def test_drafts_and_reviews_are_listed_without_deadlines() -> None:
    rows = {row.id: row for row in catalogue_rows(samples(), D(2025, 2, 15))}
    drafts = (("OLA-2025-001", "in_review"), ("SLA-2025-004", "draft"),
              ("SLA-2025-007", "in_review"))  # fmt: skip
    for agreement_id, state in drafts:
        row = rows[agreement_id]
        assert (row.status, row.state, row.expiry, row.objection_deadline) == (
            state,
            state,
            None,
            None,
        )
    # Only the signed and the accepted agreements have deadlines (the working files alone:
    # SLA-2025-007's is v2 in review, and without its archive nothing says v1 is in force).
    listed = {d.agreement_id for d in renewals(samples(), D(2026, 1, 1), 3650)}
    assert listed == {"SLA-2024-001", "SLA-2025-005", "SLA-2025-006"}


def test_overdue_objection_deadline_is_listed_until_the_term_ends() -> None:
    agreement = sample("SLA-2024-001")
    assert due(renewals([agreement], D(2025, 3, 10), 30))[1:] == [
        ("SLA-2024-001", "objection_deadline", D(2025, 3, 1), -9, True),
        ("SLA-2024-001", "expiry", D(2025, 3, 31), 21, False),
    ]
    assert due(renewals([agreement], D(2025, 4, 1), 30))[1:] == []  # a new term, far away


def test_window_ends_are_included() -> None:
    agreement = build(review={"records": [], "cadence": "yearly"})  # review 2025-04-01
    assert [d.kind for d in renewals([agreement], D(2025, 2, 15), 14)] == ["objection_deadline"]
    assert renewals([agreement], D(2025, 2, 15), 13) == []
    on_the_day = renewals([agreement], D(2025, 3, 1), 0)
    assert due(on_the_day) == [("SLA-2024-001", "objection_deadline", D(2025, 3, 1), 0, False)]


def test_renewals_rejects_a_negative_window() -> None:
    with pytest.raises(ValueError, match="within_days must not be negative"):
        renewals(samples(), D(2025, 2, 15), -1)


@pytest.mark.parametrize(
    ("today", "last", "next_review"),
    [
        (D(2025, 3, 1), D(2025, 1, 16), D(2025, 7, 16)),  # later records: not held yet
        (D(2025, 8, 1), D(2025, 7, 15), D(2026, 1, 15)),
        (D(2026, 11, 27), D(2026, 1, 15), D(2026, 7, 15)),
    ],
)
def test_reviews_follow_the_last_record(
    today: dt.date, last: dt.date | None, next_review: dt.date
) -> None:
    agreement = sample("SLA-2024-002")  # half-yearly; held 2025-01-16, 2025-07-15, 2026-01-15
    assert last_review(agreement, today) == last
    assert standing(agreement, today).next_review == next_review


@pytest.mark.parametrize(
    ("cadence", "expected"),
    [
        ("monthly", D(2024, 5, 1)),
        ("quarterly", D(2024, 7, 1)),
        ("half_yearly", D(2024, 10, 1)),
        ("yearly", D(2025, 4, 1)),
    ],
)
def test_review_cadences(cadence: str, expected: dt.date) -> None:
    agreement = build(review={"cadence": cadence, "records": []})
    assert standing(agreement, D(2024, 4, 2)).next_review == expected


def test_in_renewal_window_when_the_deadline_is_near() -> None:
    agreement = sample("SLA-2024-001")
    assert standing(agreement, D(2024, 12, 1)).state == "in_renewal_window"  # 90 days ahead
    assert standing(agreement, D(2024, 11, 30)).state == "active"
    assert standing(agreement, D(2024, 11, 30), window_days=91).state == "in_renewal_window"


# Rows and labels


def test_rows_are_sorted_and_leave_out_restricted() -> None:
    assert [r.id for r in catalogue_rows(samples(), D(2025, 2, 15))] == [
        "OLA-2025-001",
        "SLA-2024-001",
        "SLA-2025-004",
        "SLA-2025-005",
        "SLA-2025-006",
        "SLA-2025-007",
    ]
    everything = catalogue_rows(samples(), D(2025, 2, 15), include_restricted=True)
    assert [r.id for r in everything if r.visibility == "restricted"] == ["SLA-2024-002"]


def test_row_values_and_labels() -> None:
    row = catalogue_rows([sample("SLA-2024-001")], D(2025, 2, 15))[0]
    assert (row.title.zh, row.title.en) == TITLE_001
    shown = {f: (row.label(f, "zh"), row.label(f, "en")) for f in ROW_FIELDS}
    assert shown == {
        "id": ("SLA-2024-001", "SLA-2024-001"),
        "title": TITLE_001,
        "customer": ("上海澄川科技有限公司", "Shanghai Chengchuan Technology Co., Ltd."),
        "provider": (
            "杭州云衡信息技术有限公司",
            "Hangzhou Yunheng Information Technology Co., Ltd.",
        ),
        "status": ("已签署", "Signed"),
        "state": ("临近续签", "Renewal due"),
        "effective": ("2024年4月1日", "1 April 2024"),
        "expiry": ("2025年3月31日", "31 March 2025"),
        "objection_deadline": ("2025年3月1日", "1 March 2025"),
        "next_review": ("2024年7月1日", "1 July 2024"),
        "availability": ("99.9%", "99.9%"),
        "p1_response": ("15 分钟", "15 minutes"),
        "visibility": ("内部", "Internal"),
        "version": ("1", "1"),
        "kind": ("双方签署", "Negotiated"),
        "amendment_watch": ("—", "—"),
        "rpo": ("—", "—"),
        "rto": ("—", "—"),
        "breach_notice": ("—", "—"),
    }


def test_rows_carry_the_tightest_recovery_objectives_and_the_breach_notice() -> None:
    # SLA-2025-004: one continuity entry, RPO 15m and RTO 4h; breach notice within 24h to
    # the customer's Information Security Officer (24h = 1,440 minutes, written 1d).
    row = catalogue_rows([sample("SLA-2025-004")], D(2026, 12, 2))[0]
    assert (row.label("rpo", "zh"), row.label("rto", "en")) == ("15 分钟", "4 hours")
    assert (row.label("breach_notice", "zh"), row.label("breach_notice", "en")) == (
        "24 小时",
        "24 hours",
    )
    assert row.breach_notice_to is not None
    assert row.breach_notice_to.zh == "客户方信息安全负责人"
    [record] = json.loads(to_json([sample("SLA-2025-004")], D(2026, 12, 2)))["agreements"]
    assert (record["rpo"], record["rpo_minutes"], record["rto"], record["rto_minutes"]) == (
        "15m",
        15,
        "4h",
        240,
    )
    assert record["rto_text"] == {"zh": "4 小时", "en": "4 hours"}
    assert record["breach_notice"] == {
        "within": "1d",
        "within_minutes": 1440,
        "within_text": {"zh": "24 小时", "en": "24 hours"},
        "to": {"zh": "客户方信息安全负责人", "en": "The customer's Information Security Officer"},
    }


def test_the_tightest_objective_of_several_entries_is_the_rows() -> None:
    # Two entries: RPO 1h / RTO 8h and RPO 15m / RTO 1d; the row takes 15m and 8h.
    from sitegen.load.continuity import Continuity
    from sitegen.load.values import Duration

    entries = [
        Continuity(rpo=Duration(minutes=60), rto=Duration(minutes=480), services=["crm"]),
        Continuity(rpo=Duration(minutes=15), rto=Duration(minutes=1440), tier=None),
    ]
    agreement = sample("OLA-2025-001").model_copy(update={"continuity": entries})
    row = catalogue_rows([agreement], D(2025, 2, 15))[0]
    assert (row.rpo, row.rto) == (Duration(minutes=15), Duration(minutes=480))
    without = sample("SLA-2024-001")
    [record] = json.loads(to_json([without], D(2025, 2, 15)))["agreements"]
    assert (record["rpo"], record["rto"], record["breach_notice"]) == (None, None, None)


def test_missing_values_show_a_dash_and_units_name_the_party() -> None:
    row = catalogue_rows([sample("OLA-2025-001")], D(2025, 2, 15))[0]
    assert (row.label("expiry", "zh"), row.label("objection_deadline", "en")) == ("—", "—")
    assert row.label("state", "zh") == "审核中"
    assert row.label("customer", "zh") == "无锡恒泰精密机械股份有限公司（销售运营部）"
    assert row.label("provider", "en") == (
        "Wuxi Hengtai Precision Machinery Co., Ltd. (Information Technology Department)"
    )
    with pytest.raises(KeyError, match="no catalogue field 'fee'"):
        row.label("fee", "en")


def test_without_availability_or_p1() -> None:
    agreement = build(slos=sample("SLA-2024-001").slos.model_copy(update={"availability": None}))
    row = catalogue_rows([agreement], D(2025, 2, 15))[0]
    assert (row.availability, row.label("availability", "en")) == (None, "—")


# JSON


def test_json_record_of_the_guide_agreement() -> None:
    document = json.loads(to_json(samples(), D(2025, 2, 15)))
    assert document["as_of"] == "2025-02-15"
    assert [r["id"] for r in document["agreements"]] == [
        "OLA-2025-001",
        "SLA-2024-001",
        "SLA-2025-004",
        "SLA-2025-005",
        "SLA-2025-006",
        "SLA-2025-007",
    ]
    assert document["agreements"][1] == {
        "id": "SLA-2024-001",
        "version": 1,
        "in_force": {"version": 1, "signed": "2024-03-15"},
        "working": {"version": 1, "status": "signed"},
        "title": {"zh": TITLE_001[0], "en": TITLE_001[1]},
        "customer": {
            "zh": "上海澄川科技有限公司",
            "en": "Shanghai Chengchuan Technology Co., Ltd.",
        },
        "provider": {
            "zh": "杭州云衡信息技术有限公司",
            "en": "Hangzhou Yunheng Information Technology Co., Ltd.",
        },
        "kind": "negotiated",
        "status": "signed",
        "state": "in_renewal_window",
        "visibility": "internal",
        "authentic_languages": ["zh", "en"],
        "prevailing_language": "zh",
        "signed": "2024-03-15",
        "effective": "2024-04-01",
        "terminated": None,
        "term_months": 12,
        "renew_months": 12,
        "objection_days": 30,
        "expiry": "2025-03-31",
        "objection_deadline": "2025-03-01",
        "source_updated": None,
        "amendment_notice_days": None,
        "amendment_watch": None,
        "review_cadence": "quarterly",
        "last_review": None,
        "next_review": "2024-07-01",
        "availability": "99.9",
        "availability_tiers": [
            {"id": None, "scope": None, "target": "99.9", "window": "calendar_month"}
        ],
        "p1_response": "15m",
        "p1_response_minutes": 15,
        # no continuity or data terms: null, never a default
        "rpo": None,
        "rpo_minutes": None,
        "rpo_text": None,
        "rto": None,
        "rto_minutes": None,
        "rto_text": None,
        "breach_notice": None,
        "fee": {
            "amount": "80000.00",
            "currency": "CNY",
            "per": "month",
            "text": {"zh": "人民币 80,000.00 元 每月", "en": "RMB 80,000.00 per month"},
        },
        # without its files and reports (the site passes them: tests/test_site_catalogue.py,
        # tests/test_site_reports.py)
        "signed_pdf": None,
        "signed_scan": None,
        "last_report": None,
        "credits_this_year": [],
        "credits_pending": [],
    }


def test_every_json_field_is_documented() -> None:
    document = json.loads(to_json(samples(), D(2025, 2, 15), include_restricted=True))
    documented = [field.name for field in CATALOGUE_JSON_FIELDS]
    assert len(set(documented)) == len(documented)
    for record in document["agreements"]:
        assert sorted(record) == sorted(documented)
    assert all(f.description.zh and f.description.en for f in CATALOGUE_JSON_FIELDS)


def test_json_bytes_are_stable_and_readable() -> None:
    text = to_json(samples(), D(2025, 2, 15))
    assert text == to_json(list(reversed(samples())), D(2025, 2, 15))
    assert text.endswith("}\n") and "核心业务系统" in text and "\\u" not in text
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_restricted_leaves_no_trace_in_json() -> None:
    restricted = sample("SLA-2024-002")
    text = to_json(samples(), D(2025, 2, 15))
    for unique in (restricted.id, restricted.title.zh, restricted.parties.customer.name.en):
        assert unique not in text
    assert restricted.id in to_json(samples(), D(2025, 2, 15), include_restricted=True)


def test_json_escapes_hostile_text() -> None:
    hostile = build(
        title=sample("SLA-2024-001").title.model_copy(update={"en": '"}, {"id": "x</script>\n'})
    )
    record = json.loads(to_json([hostile], D(2025, 2, 15)))["agreements"][0]
    assert record["title"]["en"] == '"}, {"id": "x</script>\n'
