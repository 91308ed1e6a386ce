"""The renewals calendar: RFC 5545 structure, folding, escaping, stable UIDs, no restricted."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitegen.catalogue import to_ics
from sitegen.catalogue.ics import LINE_OCTETS, escape_text, fold
from sitegen.load.model import Bilingual
from tests.test_catalogue import build, sample, samples

D = dt.date
Event = dict[str, list[tuple[str, str]]]  # name -> [(parameters, value)]


def unfold(text: str) -> list[str]:
    """Content lines: CRLF-separated, a line starting with a space continues the one before."""
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in physical)
    lines: list[str] = []
    for line in physical:
        assert len(line.encode("utf-8")) <= 75, line
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append("\n" if following in "nN" else following)
        else:
            out.append(char)
    return "".join(out)


def parse(text: str) -> list[Event]:
    """The events of a calendar; checks components nest and nothing sits outside them."""
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    events: list[Event] = []
    current: Event | None = None
    for line in lines[1:-1]:
        name_params, _, value = line.partition(":")
        name, _, params = name_params.partition(";")
        if line == "BEGIN:VEVENT":
            assert current is None, "nested VEVENT"
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            current.setdefault(name, []).append((params, value))
        else:
            assert name in {"VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME"}, line
    assert current is None
    return events


def one(event: Event, name: str) -> str:
    assert len(event[name]) == 1, event[name]
    return event[name][0][1]


def test_events_of_the_guide_agreement() -> None:
    events = parse(to_ics(samples(), D(2025, 2, 15)))
    assert [one(e, "UID") for e in events] == [
        "SLA-2024-001-review-20240701@sitegen",
        "SLA-2024-001-objection-20250301@sitegen",
        "SLA-2024-001-expiry-20250331@sitegen",
        # the other samples' deadlines: the drafts and the one in review have none
        "SLA-2025-006-review-20260901@sitegen",
        "SLA-2025-005-amendment-20261216@sitegen",
        "SLA-2025-005-review-20270715@sitegen",
        "SLA-2025-006-objection-20280302@sitegen",
        "SLA-2025-006-expiry-20280531@sitegen",
    ]
    objection = events[1]
    assert objection["DTSTART"] == [("VALUE=DATE", "20250301")]
    assert objection["DTEND"] == [("VALUE=DATE", "20250302")]
    assert one(objection, "DTSTAMP") == "20261012T000000Z"  # the latest date in the file
    assert unescape(one(objection, "SUMMARY")) == (
        "续签异议截止 / Objection deadline: SLA-2024-001 核心业务系统运维服务水平协议 / "
        "Service Level Agreement for the Operation of Core Business Systems"
    )
    assert unescape(one(objection, "DESCRIPTION")).splitlines() == [
        "核心业务系统运维服务水平协议",
        "Service Level Agreement for the Operation of Core Business Systems",
        "客户方 / Customer: 上海澄川科技有限公司 / Shanghai Chengchuan Technology Co., Ltd.",
        "服务方 / Provider: 杭州云衡信息技术有限公司 / Hangzhou Yunheng Information Technology "
        "Co., Ltd.",
        "最后一天可提出不续签异议；否则协议于2025年3月31日到期后自动续签 12 个月。 / Last day "
        "to object to the renewal; otherwise the agreement renews for 12 months after "
        "31 March 2025.",
    ]
    assert unescape(one(events[2], "SUMMARY")).startswith("协议到期 / Expiry: SLA-2024-001 ")
    assert unescape(one(events[0], "SUMMARY")).startswith("定期评审 / Review due: SLA-2024-001 ")


def test_calendar_header_and_line_endings() -> None:
    text = to_ics(samples(), D(2025, 2, 15))
    assert text.startswith(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//sitegen//Agreement renewals//EN\r\n"
    )
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")


def test_the_same_data_gives_the_same_bytes() -> None:
    first = to_ics(samples(), D(2025, 2, 15))
    assert first == to_ics(list(reversed(samples())), D(2025, 2, 15))
    assert first == to_ics(samples(), D(2025, 2, 20))  # the day does not stamp the file


def test_uids_follow_the_term() -> None:
    events = parse(to_ics([sample("SLA-2024-001")], D(2025, 6, 1)))
    assert [one(e, "UID") for e in events] == [
        "SLA-2024-001-review-20240701@sitegen",
        "SLA-2024-001-objection-20260301@sitegen",
        "SLA-2024-001-expiry-20260331@sitegen",
    ]


def test_restricted_agreements_leave_no_event() -> None:
    restricted = sample("SLA-2024-002")
    text = to_ics(samples(), D(2025, 2, 15))
    for unique in (restricted.id, restricted.title.zh, restricted.parties.provider.name.zh):
        assert unique not in unfold_text(text)
    shown = parse(to_ics(samples(), D(2025, 2, 15), include_restricted=True))
    assert [one(e, "UID") for e in shown if "2024-002" in one(e, "UID")] == [
        "SLA-2024-002-review-20250716@sitegen",
        "SLA-2024-002-objection-20270401@sitegen",
        "SLA-2024-002-expiry-20270630@sitegen",
    ]


def unfold_text(text: str) -> str:
    return "\n".join(unfold(text))


def test_drafts_expired_and_terminated_have_no_events() -> None:
    assert parse(to_ics([sample("OLA-2025-001"), sample("SLA-2025-004")], D(2025, 2, 15))) == []
    terminated = build(status="terminated", dates={"terminated": D(2025, 1, 31)})
    assert parse(to_ics([terminated], D(2025, 1, 15))) == []


HOSTILE = Bilingual(
    zh="攻击\r\nBEGIN:VEVENT\r\nUID:evil@x\r\nEND:VEVENT",
    en='a;b,c\\d\nEND:VCALENDAR\rX-INJECT:1\u2028DTSTART:19700101 "q" \x00\x1b[31m',
)


def test_hostile_text_cannot_add_properties_or_events() -> None:
    text = to_ics([build(title=HOSTILE)], D(2025, 2, 15))
    events = parse(text)
    assert len(events) == 3
    lines = unfold(text)
    assert not any(line.startswith(("UID:evil", "X-INJECT", "DTSTART:1970")) for line in lines)
    assert sum(line == "BEGIN:VEVENT" for line in lines) == 3
    summary = unescape(one(events[1], "SUMMARY"))
    assert summary == (
        "续签异议截止 / Objection deadline: SLA-2024-001 攻击\nBEGIN:VEVENT\nUID:evil@x\n"
        'END:VEVENT / a;b,c\\d\nEND:VCALENDAR\nX-INJECT:1\nDTSTART:19700101 "q" [31m'
    )
    for event in events:
        assert set(event) == {
            "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "CATEGORIES", "TRANSP"
        }  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a;b", "a\\;b"),
        ("a,b", "a\\,b"),
        ("a\\b", "a\\\\b"),
        ("a\\;", "a\\\\\\;"),
        ("one\r\ntwo\rthree\nfour", "one\\ntwo\\nthree\\nfour"),
        ("tab\there", "tab\there"),
        ("bell\x07 nul\x00 del\x7f", "bell nul del"),
        ("中文：冒号", "中文：冒号"),
    ],
)
def test_escape_text(raw: str, escaped: str) -> None:
    assert escape_text(raw) == escaped


def test_fold_counts_octets_and_keeps_characters_whole() -> None:
    ascii_line = "X" * 75
    assert fold(ascii_line) == ascii_line
    assert fold(ascii_line + "Y") == ascii_line + "\r\n Y"
    chinese = "SUMMARY:" + "协议" * 40  # 8 + 240 octets
    parts = fold(chinese).split("\r\n")
    assert [len(p.encode("utf-8")) for p in parts] == [74, 73, 73, 31]
    assert all(p.startswith(" ") for p in parts[1:])
    assert parts[0] + "".join(p[1:] for p in parts[1:]) == chinese
    assert all(len(p.encode("utf-8")) % 3 == 1 for p in parts[1:])  # a space, then whole 协/议


def folded_char_by_char(line: str) -> str:
    """The rule as RFC 5545 states it, one character at a time (what `fold` must equal)."""
    parts, current, size = [], "", 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > LINE_OCTETS:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += octets
    return "\r\n".join([*parts, current])


@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=400))
def test_fold_is_the_character_by_character_rule(line: str) -> None:
    assert fold(line) == folded_char_by_char(line)


@given(st.text(max_size=200))
def test_escaped_text_has_no_control_character(raw: str) -> None:
    kept = [c for c in escape_text(raw) if c == "\t" or unicodedata.category(c) not in ("Cc", "Cs")]
    assert "".join(kept) == escape_text(raw)
