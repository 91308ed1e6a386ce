"""`catalogue.json`: one record per agreement, for tools and for the site's own script.

The document is `{"as_of": DATE, "agreements": [RECORD, …]}`, records sorted by id, keys
sorted, UTF-8 (no \\u escapes), so the same agreements and day give the same bytes. Dates are
ISO 8601 (`2025-03-31`) or null where they do not apply; exact decimals are strings
(`"99.9"`) and whole counts are integers; bilingual texts are `{"zh": …, "en": …}`.
`CATALOGUE_JSON_FIELDS` documents every field in both languages, for the site to publish.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sitegen.catalogue.rows import Row, catalogue_rows, visible
from sitegen.catalogue.standing import last_review
from sitegen.compose.contract import Text
from sitegen.load.model import Agreement
from sitegen.load.values import Duration


@dataclass(frozen=True)
class JsonField:
    name: str
    type: str
    description: Text


def _f(name: str, kind: str, zh: str, en: str) -> JsonField:
    return JsonField(name, kind, Text(zh, en))


CATALOGUE_JSON_FIELDS: tuple[JsonField, ...] = (
    _f("id", "string", "协议编号", "Agreement number, e.g. SLA-2024-001"),
    _f("version", "integer", "版本号，每次修订或续签加 1",
       "Version: counts amendments and renewals"),
    _f("title", "{zh, en}", "协议名称", "Title"),
    _f("customer", "{zh, en}", "客户方（含部门）", "Customer, with its unit where given"),
    _f("provider", "{zh, en}", "服务方（含部门）", "Provider, with its unit where given"),
    _f("status", "string", "协议状态：draft、in_review、signed、terminated",
       "Status as written: draft, in_review, signed or terminated"),
    _f("state", "string",
       "截至 as_of 的状态：upcoming、active、in_renewal_window、expired、terminated、"
       "draft、in_review",
       "State on as_of: upcoming, active, in_renewal_window, expired, terminated, draft or "
       "in_review"),
    _f("visibility", "string", "可见范围：internal 或 restricted", "internal or restricted"),
    _f("prevailing_language", "string", "两种文本不一致时以此语言为准（zh 或 en）",
       "The language that prevails if the texts differ: zh or en"),
    _f("signed", "date | null", "签署日期", "Signing date"),
    _f("effective", "date", "生效日期", "Effective date"),
    _f("terminated", "date | null", "终止日期（最后一天）", "Last day, once terminated"),
    _f("term_months", "integer", "初始期限（月）", "Initial term in months"),
    _f("renew_months", "integer | null", "每次自动续签的月数；不自动续签为 null",
       "Months of each automatic renewal; null without renewal"),
    _f("objection_days", "integer | null", "到期前多少天内须提出不续签异议",
       "Days before expiry by which either party may object to the renewal"),
    _f("expiry", "date | null", "当前期限的最后一天；草稿与审核中为 null",
       "Last day of the current term; null for drafts and agreements in review"),
    _f("objection_deadline", "date | null", "当前期限的续签异议截止日",
       "Last day to object to the renewal of the current term"),
    _f("review_cadence", "string", "评审周期：monthly、quarterly、half_yearly、yearly",
       "Review cadence: monthly, quarterly, half_yearly or yearly"),
    _f("last_review", "date | null", "最近一次评审日期", "Date of the last review held"),
    _f("next_review", "date | null", "下次评审应在此日前举行",
       "Date the next review is due, while the agreement is in force"),
    _f("availability", "string | null", "可用性目标（百分比），如 \"99.9\"",
       "Availability target in percent, e.g. \"99.9\""),
    _f("p1_response", "string | null",
       "P1 响应时限，如 \"15m\"（m 分钟，h 小时，d 天，wd 工作日）",
       "P1 response time, e.g. \"15m\" (m minutes, h hours, d days, wd working days)"),
    _f("p1_response_minutes", "integer | null", "P1 响应时限（分钟；以工作日计时为 null）",
       "P1 response time in minutes (null when given in working days)"),
)  # fmt: skip


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _minutes(value: Duration | None) -> int | None:
    return None if value is None or value.in_working_days else value.minutes


def _text(value: Text) -> dict[str, str]:
    return {"zh": value.zh, "en": value.en}


def record(agreement: Agreement, row: Row, today: dt.date) -> dict[str, Any]:
    """The JSON record of one agreement (the fields of CATALOGUE_JSON_FIELDS)."""
    renew = agreement.term.auto_renew
    held = last_review(agreement, today)
    return {
        "id": row.id,
        "version": row.version,
        "title": _text(row.title),
        "customer": _text(row.customer),
        "provider": _text(row.provider),
        "status": row.status,
        "state": row.state,
        "visibility": row.visibility,
        "prevailing_language": agreement.prevailing_language,
        "signed": _day(agreement.dates.signed),
        "effective": _day(row.effective),
        "terminated": _day(agreement.dates.terminated),
        "term_months": agreement.term.months,
        "renew_months": renew.months if renew else None,
        "objection_days": renew.objection_days if renew else None,
        "expiry": _day(row.expiry),
        "objection_deadline": _day(row.objection_deadline),
        "review_cadence": agreement.review.cadence,
        "last_review": _day(held),
        "next_review": _day(row.next_review),
        "availability": f"{row.availability.normalize():f}"
        if row.availability is not None
        else None,
        "p1_response": str(row.p1_response) if row.p1_response is not None else None,
        "p1_response_minutes": _minutes(row.p1_response),
    }


def to_json(
    agreements: Iterable[Agreement], today: dt.date, *, include_restricted: bool = False
) -> str:
    """The catalogue as JSON text, ending with a newline."""
    shown = visible(agreements, include_restricted)
    rows = catalogue_rows(shown, today, include_restricted=True)
    document = {
        "as_of": today.isoformat(),
        "agreements": [record(a, r, today) for a, r in zip(shown, rows, strict=True)],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
