"""The loader refuses hostile or broken files with a message at the right place."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sitegen.load import load_agreement
from sitegen.load.config import LoadSettings
from sitegen.output import as_text
from tests.helpers import line_of, replace_once, sample_text


def findings_of(tmp_path: Path, content: str | bytes) -> list[str]:
    path = tmp_path / "agreement.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    loaded = load_agreement(path)
    return [as_text(f).replace(str(path), "F") for f in loaded.findings]


def test_the_guide_sample_loads_with_no_finding(tmp_path: Path) -> None:
    assert findings_of(tmp_path, sample_text()) == []


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "version: 1\n", "version: 1\nversion: 2\n")
    line = line_of(text, "version: 2")
    assert findings_of(tmp_path, text) == [
        f"F:{line}:1: SG102 duplicate key 'version' (first defined on line {line - 1}): "
        "keep one, a YAML reader would silently drop the other"
    ]


def test_python_tag_is_refused_before_anything_is_built(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(), "version: 1", "version: !!python/object/apply:os.system [id]"
    )
    assert findings_of(tmp_path, text) == [
        f"F:{line_of(text, 'python/object')}:10: SG103 tag !!python/object/apply:os.system is not "
        "allowed: agreements hold plain text, numbers, dates, lists and mappings only"
    ]


def test_custom_tag_is_refused(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "status: signed", "status: !signed yes")
    assert findings_of(tmp_path, text) == [
        f"F:{line_of(text, '!signed')}:9: SG103 tag !signed is not allowed: agreements hold "
        "plain text, numbers, dates, lists and mappings only"
    ]


def test_core_tags_are_accepted(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "version: 1", "version: !!int 1")
    assert findings_of(tmp_path, text) == []


ALIAS_BOMB = "\n".join(
    ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
)


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    start = time.perf_counter()
    found = findings_of(tmp_path, ALIAS_BOMB + "\n")
    elapsed = time.perf_counter() - start
    assert found == [
        "F:3:45: SG104 more than 16 aliases (*name): write the values out instead of "
        "repeating anchors"
    ]
    assert elapsed < 0.5  # a guard against expansion, not a benchmark


def test_alias_limit_is_a_setting(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a: &x 1\nb: *x\n", encoding="utf-8")
    loaded = load_agreement(path, LoadSettings(max_aliases=0))
    assert [f.code for f in loaded.findings] == ["SG104"]


def test_bad_encoding_names_the_place_of_the_byte(tmp_path: Path) -> None:
    data = (
        sample_text()
        .encode("utf-8")
        .replace("核心业务系统运维".encode(), "核心".encode() + b"\xff")
    )
    line = line_of(sample_text(), "核心业务系统运维")
    assert findings_of(tmp_path, data) == [
        f"F:{line}:9: SG105 not UTF-8 text: byte 0xff cannot be decoded; save the file as UTF-8"
    ]


def test_gbk_file_is_refused(tmp_path: Path) -> None:
    found = findings_of(tmp_path, "title: 协议\n".encode("gbk"))
    assert found[0].startswith("F:1:9: SG105 not UTF-8 text: byte 0xd2")


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    assert findings_of(tmp_path, "\ufeff".encode() + sample_text().encode()) == []


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 300_000 + "\n", encoding="utf-8")
    loaded = load_agreement(path)
    assert [as_text(f).replace(str(path), "F") for f in loaded.findings] == [
        "F:1:1: SG106 file is 300,004 bytes, over the limit of 262,144: an agreement is text, "
        "split attachments out"
    ]


def test_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    assert findings_of(tmp_path, "id: SLA-2024-001\ntitle: {zh: a, en: b\nversion: 1\n") == [
        "F:3:8: SG101 not valid YAML: did not find expected ',' or '}' while parsing a flow mapping"
    ]


def test_tab_indentation_is_a_syntax_error(tmp_path: Path) -> None:
    found = findings_of(tmp_path, "id: x\ntitle:\n\tzh: a\n")
    assert len(found) == 1 and found[0].startswith("F:3:1: SG101 not valid YAML")


def test_two_documents_are_refused(tmp_path: Path) -> None:
    assert findings_of(tmp_path, "id: a\n---\nid: b\n") == [
        "F:2:1: SG101 one agreement per file: remove the second document (after ---)"
    ]


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    found = findings_of(tmp_path, "a: " + "[" * 200 + "]" * 200 + "\n")
    assert found == ["F:1:35: SG108 nested more than 32 levels deep"]


@pytest.mark.parametrize("content", ["", "just text\n", "- a\n- b\n", "42\n"])
def test_a_file_that_is_not_a_mapping(tmp_path: Path, content: str) -> None:
    assert findings_of(tmp_path, content) == [
        "F:1:1: SG107 an agreement file must be a mapping of keys (id:, version:, …)"
    ]


def test_unreadable_path_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    loaded = load_agreement(tmp_path / "missing.yaml")
    assert [f.code for f in loaded.findings] == ["SG100"]


# Schema errors: mapped back to the node that caused them.


def test_wrong_types_are_placed_at_their_values(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "version: 1", "version: one")
    text = replace_once(text, "  months: 12\n  auto_renew", "  months: 1.5\n  auto_renew")
    assert findings_of(tmp_path, text) == [
        f"F:{line_of(text, 'version: one')}:10: SG203 version: Input should be a valid integer "
        "(found 'one')",
        f"F:{line_of(text, 'months: 1.5')}:11: SG203 term.months: Input should be a valid "
        "integer (found 1.5)",
    ]


def test_a_boolean_is_not_a_number(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "version: 1", "version: yes")
    assert findings_of(tmp_path, text)[0].endswith(
        "SG203 version: Input should be a valid integer (found 'yes')"
    )
    text = replace_once(sample_text(), "version: 1", "version: true")
    assert findings_of(tmp_path, text)[0].endswith(
        "SG203 version: Input should be a valid integer (found True)"
    )


def test_unknown_key_is_placed_at_the_key_with_a_suggestion(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "  cadence: quarterly", "  cadense: quarterly")
    line = line_of(text, "cadense")
    assert findings_of(tmp_path, text) == [
        f"F:{line - 1}:1: SG201 review: required key 'cadence' is missing",
        f"F:{line}:3: SG202 review.cadense: unknown key 'cadense'; did you mean 'cadence'?",
    ]


def test_missing_top_level_key(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "status: signed\n", "")
    assert findings_of(tmp_path, text) == ["F:1:1: SG201 required key 'status' is missing"]


def test_invalid_date_is_placed_at_the_date(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "effective: 2024-04-01", "effective: 2024-02-30")
    assert findings_of(tmp_path, text) == [
        f"F:{line_of(text, '2024-02-30')}:14: SG203 dates.effective: Input should be a valid "
        "date or datetime, day value is outside expected range (found '2024-02-30')"
    ]


def test_capital_m_duration_says_which_is_meant(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "response: 15m", "response: 15M")
    assert findings_of(tmp_path, text) == [
        f"F:{line_of(text, 'response: 15M')}:17: SG203 slos.priorities[0].response: "
        "'15M' uses capital M, which some SLO formats read as months and others as minutes: "
        "write minutes as lower-case m (15m); periods of months belong in `term.months`"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("15", "a duration must be text such as 15m, 4h or 2d, not a number"),
        (
            "15 min",
            "'15 min' is not a duration: write a whole number and a unit, m (minutes), "
            "h (hours), d (days) or wd (working days), e.g. 15m, 4h, 2d, 1h30m or 2wd",
        ),
        ("30m1h", "'30m1h': give each unit once, largest first (e.g. 1d4h, 1h30m)"),
        ("0m", "'0m': a duration must be longer than zero"),
    ],
)
def test_bad_durations(tmp_path: Path, value: str, message: str) -> None:
    text = replace_once(sample_text(), "response: 15m", f"response: {value}")
    found = findings_of(tmp_path, text)
    assert found == [
        f"F:{line_of(text, 'response: ' + value)}:17: SG203 slos.priorities[0].response: " + message
    ]


def test_service_hours_schedule_errors_are_precise(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(),
        "service_hours: 7x24",
        "service_hours:\n  timezone: Asia/Shanghia\n  windows:\n"
        "    - {days: mon-fri, start: '09:00', end: '25:00'}",
    )
    assert findings_of(tmp_path, text) == [
        f"F:{line_of(text, 'Shanghia')}:13: SG203 service_hours.timezone: unknown time zone "
        "'Asia/Shanghai' ".replace("Shanghai", "Shanghia").rstrip()
        + ": use an IANA name like Asia/Shanghai",
        f"F:{line_of(text, '25:00')}:44: SG203 service_hours.windows[0].end: String should "
        "match pattern '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' (found '25:00')",
    ]


@pytest.mark.parametrize("spelling", ["7x24", "7×24", "24x7", "24/7"])
def test_round_the_clock_spellings(tmp_path: Path, spelling: str) -> None:
    text = replace_once(sample_text(), "service_hours: 7x24", f"service_hours: '{spelling}'")
    assert findings_of(tmp_path, text) == []
