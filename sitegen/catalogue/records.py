"""`catalogue.json`: one record per agreement, for tools and for the site's own script.

The document is `{"as_of": DATE, "agreements": [RECORD, …]}`, records sorted by id, keys
sorted, UTF-8 (no \\u escapes), so the same agreements and day give the same bytes. Dates are
ISO 8601 (`2025-03-31`) or null where they do not apply; exact decimals are strings
(`"99.9"`) and whole counts are integers; bilingual texts are `{"zh": …, "en": …}`.
`CATALOGUE_JSON_FIELDS` documents every field in both languages, for the site to publish.

A record describes the version in force when one is signed (its terms, dates and
deadlines), else the working version; `in_force` and `working` name the two apart, so a
tool sees an amendment in review without mistaking its terms for those that bind.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sitegen.catalogue.copies import SignedCopies
from sitegen.catalogue.due import all_deadlines, due_records
from sitegen.catalogue.obligations import Kept
from sitegen.catalogue.rows import Row, Shown, catalogue_rows, visible
from sitegen.catalogue.service import Credit, Service
from sitegen.catalogue.standing import last_review
from sitegen.compose.contract import Text
from sitegen.compose.fmt import fee_text
from sitegen.compose.resilience_view import period
from sitegen.load.model import Fee, Tier
from sitegen.load.money import round_amount
from sitegen.load.values import Duration
from sitegen.versions.in_force import Versions


@dataclass(frozen=True)
class JsonField:
    name: str
    type: str
    description: Text


def _f(name: str, kind: str, zh: str, en: str) -> JsonField:
    return JsonField(name, kind, Text(zh, en))


CATALOGUE_JSON_FIELDS: tuple[JsonField, ...] = (
    _f("id", "string", "协议编号", "Agreement number, e.g. SLA-2024-001"),
    _f("version", "integer", "工作版本的版本号，每次修订或续签加 1",
       "The working version's number: counts amendments and renewals"),
    _f("in_force", "{version, signed} | null",
       "现行有效的版本（存档中最后签署的版本）及其签署日期；尚无签署版本为 null。"
       "其余条款与日期均取自此版本",
       "The version in force (the last one the signed archive holds) and its signing date; "
       "null while none is signed. The other terms and dates are this version's"),
    _f("working", "{version, status}",
       "工作版本（仓库中的协议文件）及其状态，状态同 status",
       "The working version (the agreement file) and its status, as in status"),
    _f("title", "{zh, en}", "协议名称", "Title"),
    _f("customer", "{zh, en}", "客户方（含部门）", "Customer, with its unit where given"),
    _f("provider", "{zh, en}", "服务方（含部门）", "Provider, with its unit where given"),
    _f("kind", "string", "协议类型：negotiated（双方签署）或 published（服务方公布）",
       "negotiated (signed by both parties) or published (a provider's standard SLA)"),
    _f("status", "string",
       "工作版本的状态：draft、in_review、signed、accepted、terminated；文件写明已签署但签署存档中"
       "没有该版本时为 unsigned",
       "Status of the working version: draft, in_review, signed, accepted or terminated; "
       "unsigned when the file says signed but the signed archive does not hold that version"),
    _f("state", "string",
       "截至 as_of 的状态（现行版本的；尚无签署版本时为工作版本的）：upcoming、active、"
       "in_renewal_window、expired、terminated、draft、in_review、unsigned",
       "State on as_of (of the version in force, else of the working version): upcoming, "
       "active, in_renewal_window, expired, terminated, draft, in_review or unsigned"),
    _f("visibility", "string", "可见范围：internal 或 restricted", "internal or restricted"),
    _f("authentic_languages", "string[]", "作准文本的语言（zh、en）；未约定时为空",
       "The languages whose texts are authentic (zh, en); empty when not stated"),
    _f("prevailing_language", "string | null", "两种文本不一致时以此语言为准（zh 或 en）",
       "The language that prevails if the texts differ: zh, en or null"),
    _f("signed", "date | null", "现行版本的签署日期（以签署存档为准）",
       "Signing date of the version in force, as the signed archive records it"),
    _f("effective", "date", "生效日期", "Effective date"),
    _f("terminated", "date | null", "终止日期（最后一天）", "Last day, once terminated"),
    _f("term_months", "integer | null", "初始期限（月）；服务方公布的协议为 null",
       "Initial term in months; null for a published agreement"),
    _f("renew_months", "integer | null", "每次自动续签的月数；不自动续签为 null",
       "Months of each automatic renewal; null without renewal"),
    _f("objection_days", "integer | null", "到期前多少天内须提出不续签异议",
       "Days before expiry by which either party may object to the renewal"),
    _f("expiry", "date | null", "当前期限的最后一天；草稿与审核中为 null",
       "Last day of the current term; null for drafts and agreements in review"),
    _f("objection_deadline", "date | null", "当前期限的续签异议截止日",
       "Last day to object to the renewal of the current term"),
    _f("source_updated", "date | null", "服务方公布文本的最后更新日期",
       "The provider's 'last updated' date of a published agreement"),
    _f("amendment_notice_days", "integer | null", "服务方修改协议须提前通知的天数",
       "Days of notice the provider gives before an amendment applies"),
    _f("amendment_watch", "date | null", "应在此日前核查服务方公布的文本是否修改",
       "Look at the provider's published text for amendments by this date"),
    _f("review_cadence", "string | null",
       "评审周期：monthly、quarterly、half_yearly、yearly；不举行评审时为空",
       "Review cadence: monthly, quarterly, half_yearly, yearly, or null when none are held"),
    _f("last_review", "date | null", "最近一次评审日期", "Date of the last review held"),
    _f("next_review", "date | null", "下次评审应在此日前举行",
       "Date the next review is due, while the agreement is in force"),
    _f("availability", "string | null", "可用性目标（百分比），如 \"99.9\"",
       "Availability target in percent, e.g. \"99.9\""),
    _f("availability_tiers", "array",
       "全部可用性范围：id、scope（zh/en）、target、window；第一个即 availability",
       "Every availability tier: id, scope (zh/en), target, window; the first is availability"),
    _f("p1_response", "string | null",
       "最高级别（priorities 第一项，如 P1、Sev1）的响应时限，如 \"15m\"（m 分钟，h 小时，d 天，"
       "wd 工作日）",
       "Response time of the first (most severe) priority level, P1, Sev1 or as named, "
       "e.g. \"15m\" (m minutes, h hours, d days, wd working days)"),
    _f("p1_response_minutes", "integer | null",
       "最高级别的响应时限（分钟；以工作日计时为 null）",
       "Response time of the first priority level in minutes (null when in working days)"),
    _f("rpo", "string | null",
       "恢复点目标（RPO），各 continuity 条目中最短者，时长写法，如 \"15m\"（24h 写作 \"1d\"）；"
       "未约定为 null",
       "Recovery point objective: the shortest of the continuity entries', in duration "
       "notation, e.g. \"15m\" (24h is written \"1d\"); null when none is set"),
    _f("rpo_minutes", "integer | null", "rpo 的分钟数", "rpo in minutes"),
    _f("rpo_text", "{zh, en} | null", "rpo 按合同的写法，如 15 分钟",
       "rpo as the contract writes it, e.g. 15 minutes"),
    _f("rto", "string | null",
       "恢复时间目标（RTO），各 continuity 条目中最短者，时长写法，如 \"4h\"；未约定为 null",
       "Recovery time objective: the shortest of the continuity entries', in duration "
       "notation, e.g. \"4h\"; null when none is set"),
    _f("rto_minutes", "integer | null", "rto 的分钟数（以工作日计时为 null）",
       "rto in minutes (null when in working days)"),
    _f("rto_text", "{zh, en} | null", "rto 按合同的写法，如 4 小时",
       "rto as the contract writes it, e.g. 4 hours"),
    _f("breach_notice", "{within, within_minutes, within_text, to} | null",
       "数据泄露通知：within 为时限（时长写法，如 \"1d\"；未约定为 null），within_minutes 为其"
       "分钟数，within_text 为合同的写法（zh/en，如 24 小时），to 为被通知的岗位（zh/en）；"
       "协议未约定为 null",
       "Notice of a data breach: within, the time limit in duration notation (\"1d\"; null "
       "when the agreement gives none), within_minutes, within_text as the contract writes "
       "it (zh/en, e.g. 24 hours), and to, the role notified (zh/en); null when the "
       "agreement has no breach notice"),
    _f("fee", "{amount, currency, per, text} | null",
       "服务费：amount 为金额（字符串，按币种的最小单位，如 \"80000.00\"、日元 \"1200000\"），"
       "currency 为 ISO 4217 币种代码，per 为 month、quarter 或 year，text 为两种语言的写法；"
       "无服务费为 null",
       "Service fee: amount as a string to the currency's minor unit (\"80000.00\"; JPY "
       "\"1200000\"), currency its ISO 4217 code, per month, quarter or year, text as the "
       "contract writes it in both languages; null without a fee"),
    _f("signed_pdf", "string | null",
       "现行版本已签署 PDF 在本站的路径（相对于站点根目录，如 "
       "\"downloads/SLA-2024-001/SLA-2024-001-v1.pdf\"）；尚无签署版本、服务方公布的协议或存档中"
       "没有 PDF 时为 null",
       "Where the site publishes the signed PDF of the version in force, relative to the "
       "site's root (\"downloads/SLA-2024-001/SLA-2024-001-v1.pdf\"); null while nothing is "
       "signed, for a provider's published agreement, or when the archive holds no PDF"),
    _f("signed_scan", "string | null",
       "现行版本签署纸质文本扫描件在本站的路径（同 signed_pdf）；未附扫描件时为 null",
       "Where the site publishes the scan of the executed paper copy of the version in force "
       "(as signed_pdf); null when none is attached"),
    _f("last_report", "{period, passed, accepted} | null",
       "最近一期服务报告：period 为报告期（如 \"2026-11\"、\"2026Q3\"），passed 为是否全部达标，"
       "accepted 为客户方验收该报告的日期（尚未验收为 null）；没有服务报告为 null",
       "The latest service report: period (\"2026-11\", \"2026Q3\"), passed (every target "
       "met), accepted (the day the customer accepted that report, null while not accepted); "
       "null without reports"),
    _f("credits_this_year", "[{amount, currency}]",
       "as_of 所在年份开始的各报告期应付的服务补偿，按币种合计（amount 为字符串）："
       "双方协商的协议只计客户方已验收的报告；金额无法由数据得出的补偿不计入；没有为空",
       "Service credits due for the periods that start in the year of as_of, summed per "
       "currency (amount a string): of a negotiated agreement, those of reports the "
       "customer accepted; a credit whose amount the data cannot give is left out; empty "
       "when none"),
    _f("credits_pending", "[{amount, currency}]",
       "本年尚待客户方验收的报告中的服务补偿，按币种合计；验收后计入 credits_this_year；"
       "服务方公布的协议无需验收，其补偿全部计入 credits_this_year",
       "Service credits this year in reports the customer has not accepted yet, summed per "
       "currency; they move to credits_this_year once accepted. A provider's published "
       "agreement needs no acceptance: its credits are all in credits_this_year"),
)  # fmt: skip


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _written(value: Duration | None) -> str | None:
    """A duration as an agreement writes it: 15m, 4h, 1d, 2wd."""
    return None if value is None else str(value)


def _said(value: Duration | None) -> dict[str, str] | None:
    """A duration as the contract says it: {zh: 24 小时, en: 24 hours}."""
    return None if value is None else {"zh": period(value, "zh"), "en": period(value, "en")}


def _minutes(value: Duration | None) -> int | None:
    return None if value is None or value.in_working_days else value.minutes


def _text(value: Text) -> dict[str, str]:
    return {"zh": value.zh, "en": value.en}


def _tier(tier: Tier) -> dict[str, Any]:
    return {
        "id": tier.id,
        "scope": {"zh": tier.scope.zh, "en": tier.scope.en} if tier.scope else None,
        "target": f"{tier.target.normalize():f}",
        "window": tier.window,
    }


def record(
    versions: Versions,
    row: Row,
    today: dt.date,
    service: Service | None = None,
    reviews_held: tuple[dt.date, ...] = (),
    copies: SignedCopies | None = None,
) -> dict[str, Any]:
    """The JSON record of one agreement (the fields of CATALOGUE_JSON_FIELDS); `service`:
    its reports (`catalogue.service`), none when not given; `reviews_held`: the days its
    structured reviews were held; `copies`: its signed copies on the site, if any."""
    service = service or Service()
    agreement = versions.current
    term = agreement.term
    renew = term.auto_renew if term else None
    held = last_review(agreement, today, reviews_held)
    return {
        "id": row.id,
        "version": row.version,
        "in_force": {"version": row.in_force, "signed": _day(row.signed)}
        if row.in_force is not None
        else None,
        "working": {"version": row.version, "status": row.status},
        "title": _text(row.title),
        "customer": _text(row.customer),
        "provider": _text(row.provider),
        "kind": agreement.kind,
        "status": row.status,
        "state": row.state,
        "visibility": row.visibility,
        "authentic_languages": list(agreement.languages.authentic) if agreement.languages else [],
        "prevailing_language": agreement.languages.prevails if agreement.languages else None,
        "signed": _day(row.signed) if row.kind == "negotiated" else None,  # published: none
        "effective": _day(row.effective),
        "terminated": _day(agreement.dates.terminated),
        "term_months": term.months if term else None,
        "renew_months": renew.months if renew else None,
        "objection_days": renew.objection_days if renew else None,
        "expiry": _day(row.expiry),
        "objection_deadline": _day(row.objection_deadline),
        "source_updated": _day(agreement.source.updated if agreement.source else None),
        "amendment_notice_days": agreement.amendment_notice_days,
        "amendment_watch": _day(row.amendment_watch),
        "review_cadence": agreement.review.cadence if agreement.review else None,
        "last_review": _day(held),
        "next_review": _day(row.next_review),
        "availability": f"{row.availability.normalize():f}"
        if row.availability is not None
        else None,
        "availability_tiers": [_tier(tier) for tier in agreement.slos.tiers],
        "p1_response": str(row.p1_response.within) if row.p1_response is not None else None,
        "p1_response_minutes": _minutes(row.p1_response.within if row.p1_response else None),
        "rpo": _written(row.rpo),
        "rpo_minutes": _minutes(row.rpo),
        "rpo_text": _said(row.rpo),
        "rto": _written(row.rto),
        "rto_minutes": _minutes(row.rto),
        "rto_text": _said(row.rto),
        "breach_notice": None
        if row.breach_notice_to is None
        else {
            "within": _written(row.breach_notice),
            "within_minutes": _minutes(row.breach_notice),
            "within_text": _said(row.breach_notice),
            "to": _text(row.breach_notice_to),
        },
        "fee": _fee(agreement.fees),
        "signed_pdf": copies.pdf if copies else None,
        "signed_scan": copies.scan if copies else None,
        **_service(service),
    }


def _service(service: Service) -> dict[str, Any]:
    last = service.last
    return {
        "last_report": None
        if last is None
        else {"period": last.period, "passed": last.passed, "accepted": _day(last.accepted)},
        "credits_this_year": _amounts(service.credits_this_year),
        "credits_pending": _amounts(service.credits_pending),
    }


def _amounts(credits: Sequence[Credit]) -> list[dict[str, str]]:
    return [{"amount": f"{c.amount:f}", "currency": c.currency} for c in credits]


def _fee(fee: Fee | None) -> dict[str, Any] | None:
    if fee is None:
        return None
    return {
        "amount": f"{round_amount(fee.amount, fee.currency):f}",
        "currency": fee.currency,
        "per": fee.per,
        "text": _text(Text(fee_text(fee, "zh"), fee_text(fee, "en"))),
    }


def to_json(
    agreements: Iterable[Shown],
    today: dt.date,
    *,
    include_restricted: bool = False,
    services: Mapping[str, Service] | None = None,
    kept: Mapping[str, Kept] | None = None,
    copies: Mapping[str, SignedCopies] | None = None,
) -> str:
    """The catalogue as JSON text, ending with a newline: the agreements (`services`: each
    one's reports by id, `catalogue.service`; `copies`: each one's signed copies on the
    site, by id), and every deadline and obligation of the
    versions in force (`deadlines`, as `sitegen renewals --format json` lists them, overdue
    or not, however far ahead)."""
    shown = visible(agreements, include_restricted)
    held = {key: value.reviews_held for key, value in (kept or {}).items()}
    rows = catalogue_rows(shown, today, include_restricted=True, reviews_held=held)
    found = all_deadlines(shown, today, include_restricted=True, kept=kept)
    reports, files = services or {}, copies or {}
    document = {
        "as_of": today.isoformat(),
        "agreements": [
            record(a, r, today, reports.get(r.id), held.get(a.id, ()), files.get(r.id))
            for a, r in zip(shown, rows, strict=True)
        ],
        "deadlines": due_records(due for _, due in found),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
