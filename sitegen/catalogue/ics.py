"""The calendar of deadlines and obligations as iCalendar (RFC 5545): one all-day event
per deadline.

Reproducible: the same agreements and day give the same bytes. UIDs are derived from the
agreement id, the kind of deadline and its date (`SLA-2024-001-objection-20250301@sitegen`),
and for an obligation what it is about (`SLA-2024-001-report-2026-11-20261207@sitegen`,
`SLA-2024-001-action-2026Q3-A1-20261130@sitegen`), so a calendar that subscribes keeps each
event, and DTSTAMP comes from the agreement's own dates, never the clock.

Agreement text is untrusted: every TEXT value is escaped (backslash, semicolon, comma, line
breaks) and stripped of control characters, so no value can end its line or start a
property or component of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping

from sitegen.catalogue.due import Due, all_deadlines
from sitegen.catalogue.obligations import Kept
from sitegen.catalogue.rows import Shown, party_name
from sitegen.catalogue.standing import standing
from sitegen.compose import fmt
from sitegen.compose.vocabulary import DEADLINE_NAMES
from sitegen.load.model import Agreement

PRODID = "-//sitegen//Agreement renewals//EN"
UID_DOMAIN = "sitegen"
UID_KINDS = {
    "objection_deadline": "objection",
    "expiry": "expiry",
    "review": "review",
    "amendment_watch": "amendment",
    "report_due": "report",
    "action_due": "action",
    "claim_window": "claim",
    "revision_triggered": "revision",
    "drill_due": "drill",
}
LINE_OCTETS = 75
_BREAKS = ("\r\n", "\r", "\x85", "\u2028", "\u2029")
# Unicode's control characters (category Cc) and surrogates (Cs), but tab and line feed
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def escape_text(value: str) -> str:
    """A TEXT value: line breaks become \\n, control characters go, \\ ; , are escaped."""
    for brk in _BREAKS:
        value = value.replace(brk, "\n")
    kept = _CONTROL.sub("", value)
    return kept.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into parts of at most 75 octets, never inside a UTF-8 character;
    each continuation starts with one space."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return line
    parts, start, room = [], 0, LINE_OCTETS
    while len(data) - start > room:
        end = start + room
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, room = end, LINE_OCTETS - 1  # a continuation line starts with a space
    parts.append(data[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def uid(due: Due) -> str:
    """`SLA-2024-001-objection-20250301@sitegen`: stable for the same deadline."""
    ref = f"{due.ref}-" if due.ref else ""
    return f"{due.agreement_id}-{UID_KINDS[due.kind]}-{ref}{due.date:%Y%m%d}@{UID_DOMAIN}"


def stamp(agreement: Agreement) -> str:
    """DTSTAMP from the data: the latest date written in the agreement, at 00:00 UTC."""
    dates = agreement.dates
    written = [dates.signed, dates.effective, dates.terminated]
    if agreement.source is not None:
        written += [agreement.source.updated, agreement.source.checked]
    written += [record.date for record in agreement.review.records] if agreement.review else []
    latest = max(day for day in written if day is not None)
    return f"{latest:%Y%m%d}T000000Z"


def _summary(agreement: Agreement, due: Due) -> str:
    kind = DEADLINE_NAMES[due.kind]
    title = agreement.title
    about = f" {due.ref}" if due.ref else ""
    return f"{kind.zh} / {kind.en}:{about} {agreement.id} {title.zh} / {title.en}"


def _description(agreement: Agreement, due: Due, today: dt.date) -> str:
    now = standing(agreement, today)
    customer, provider = (
        party_name(agreement.parties.customer),
        party_name(agreement.parties.provider),
    )
    lines = [
        f"{agreement.title.zh}\n{agreement.title.en}",
        f"客户方 / Customer: {customer.zh} / {customer.en}",
        f"服务方 / Provider: {provider.zh} / {provider.en}",
    ]
    if due.kind == "objection_deadline" and now.renews_for and now.expiry:
        months = now.renews_for
        lines.append(
            f"最后一天可提出不续签异议；否则协议于{fmt.date(now.expiry, 'zh')}到期后自动续签 "
            f"{months} 个月。 / Last day to object to the renewal; otherwise the agreement "
            f"renews for {fmt.count(months, '个月', 'month', 'months', 'en')} after "
            f"{fmt.date(now.expiry, 'en')}."
        )
    if due.subject is not None:
        lines.append(f"{due.subject.zh}\n{due.subject.en}")
    if due.kind == "amendment_watch" and agreement.source and agreement.amendment_notice_days:
        lines.append(_watch_line(agreement.source.checked or agreement.source.updated,
                                 agreement.amendment_notice_days))  # fmt: skip
    return "\n".join(lines)


def _watch_line(last: dt.date, notice: int) -> str:
    return (
        f"服务方可提前 {notice} 日通知修改本协议；"
        f"上次核查服务方公布的文本：{fmt.date(last, 'zh')}。"
        f" / The provider may amend this agreement with "
        f"{fmt.count(notice, '日', 'day', 'days', 'en')}' notice; its published text was last "
        f"checked on {fmt.date(last, 'en')}."
    )


def _event(agreement: Agreement, due: Due, today: dt.date) -> Iterator[str]:
    yield "BEGIN:VEVENT"
    yield f"UID:{uid(due)}"
    yield f"DTSTAMP:{stamp(agreement)}"
    yield f"DTSTART;VALUE=DATE:{due.date:%Y%m%d}"
    yield f"DTEND;VALUE=DATE:{due.date + dt.timedelta(days=1):%Y%m%d}"
    yield f"SUMMARY:{escape_text(_summary(agreement, due))}"
    yield f"DESCRIPTION:{escape_text(_description(agreement, due, today))}"
    yield f"CATEGORIES:{UID_KINDS[due.kind].upper()}"
    yield "TRANSP:TRANSPARENT"
    yield "END:VEVENT"


def to_ics(
    agreements: Iterable[Shown],
    today: dt.date,
    *,
    include_restricted: bool = False,
    kept: Mapping[str, Kept] | None = None,
) -> str:
    """The calendar: every objection deadline, expiry and next review of the versions in
    force on `today` (restricted agreements only when asked for), and with `kept` every
    obligation of their records and reviews, CRLF line endings."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text('期限与义务 / Deadlines and obligations')}",
    ]
    found = all_deadlines(agreements, today, include_restricted=include_restricted, kept=kept)
    for agreement, due in found:
        lines.extend(_event(agreement, due, today))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
