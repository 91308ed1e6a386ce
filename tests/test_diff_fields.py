"""Term changes: readable values, materiality and direction, matched by identity."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.diff.fields import Change, diff_terms
from sitegen.load import load_agreement
from sitegen.load.model import Agreement
from tests.helpers import replace_once, sample_text


def agreement(tmp_path: Path, text: str, name: str = "a.yaml") -> Agreement:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    loaded = load_agreement(path)
    assert loaded.agreement is not None, loaded.findings
    return loaded.agreement


def changes(tmp_path: Path, *edits: tuple[str, str]) -> list[Change]:
    text = sample_text()
    for old, new in edits:
        text = replace_once(text, old, new)
    return diff_terms(agreement(tmp_path, sample_text(), "old.yaml"), agreement(tmp_path, text))


def row(change: Change) -> tuple[str, str, str, str, str, bool, str | None]:
    before = change.before.zh + " / " + change.before.en if change.before else "—"
    after = change.after.zh + " / " + change.after.en if change.after else "—"
    return (change.path, change.label.en, before, after, change.kind, change.material,
            change.direction)  # fmt: skip


def test_identical_versions_have_no_change(tmp_path: Path) -> None:
    assert changes(tmp_path) == []


def test_shorter_p1_response_is_stricter_and_readable(tmp_path: Path) -> None:
    found = changes(tmp_path, ("response: 15m", "response: 10m"))
    assert [row(c) for c in found] == [
        ("slos.priorities[P1].response", "P1 response time", "15 分钟 / 15 minutes",
         "10 分钟 / 10 minutes", "changed", True, "stricter"),
    ]  # fmt: skip
    assert not found[0].attention


@pytest.mark.parametrize(
    ("edit", "path", "before", "after"),
    [
        (("target: 99.9\n", "target: 99.5\n"), "slos.availability.target", "99.9%", "99.5%"),
        (("resolution: 4h", "resolution: 6h"), "slos.priorities[P1].resolution", "4 小时",
         "6 小时"),
        (("objection_days: 30", "objection_days: 15"), "term.auto_renew.objection_days",
         "30 日", "15 日"),
        (("cap: {percent: 20, of: fee}", "cap: {percent: 15, of: fee}"), "credits.cap",
         "上限 服务费的 20%", "上限 服务费的 15%"),
        (("{below: 99.5, percent: 10}", "{below: 99.5, percent: 8}"), "credits.bands[99.5]",
         "10%", "8%"),
    ],
)  # fmt: skip
def test_looser_terms_need_attention(
    tmp_path: Path, edit: tuple[str, str], path: str, before: str, after: str
) -> None:
    found = changes(tmp_path, edit)
    assert [(c.path, c.before and c.before.zh, c.after and c.after.zh) for c in found] == [
        (path, before, after)
    ]
    assert found[0].direction == "looser" and found[0].attention


def test_removed_included_service_needs_attention(tmp_path: Path) -> None:
    found = changes(
        tmp_path,
        ("    - id: inspection\n      zh: 每月 1 次系统巡检\n"
         "      en: A system inspection 1 time per month\n", ""),
    )  # fmt: skip
    assert [row(c) for c in found] == [
        ("scope.included[inspection]", "Included service “inspection”",
         "每月 1 次系统巡检 / A system inspection 1 time per month", "—", "removed", True,
         "looser"),
    ]  # fmt: skip


def test_lists_are_matched_by_identity_not_position(tmp_path: Path) -> None:
    text = sample_text()
    monitoring = (
        "    - id: monitoring\n      zh: 核心业务系统 7×24 小时监控\n"
        "      en: 7×24 monitoring of the core business systems\n"
    )
    moved = replace_once(text, monitoring, "")
    moved = replace_once(moved, "  excluded:\n", monitoring + "  excluded:\n")
    assert moved != text
    assert diff_terms(agreement(tmp_path, text, "o.yaml"), agreement(tmp_path, moved)) == []


def test_added_exclusion_is_looser(tmp_path: Path) -> None:
    found = changes(
        tmp_path,
        ("      en: Urgent changes outside working hours\n",
         "      en: Urgent changes outside working hours\n"
         "    - id: data-recovery\n      zh: 数据恢复\n      en: Data recovery\n"),
    )  # fmt: skip
    assert [(c.path, c.kind, c.direction) for c in found] == [
        ("scope.excluded[data-recovery]", "added", "looser")
    ]


def test_title_change_is_editorial(tmp_path: Path) -> None:
    found = changes(
        tmp_path, ("  zh: 核心业务系统运维服务水平协议", "  zh: 核心系统运维服务水平协议")
    )
    assert [(c.path, c.material, c.direction, c.attention) for c in found] == [
        ("title", False, None, False)
    ]


def test_business_hours_instead_of_round_the_clock_is_looser(tmp_path: Path) -> None:
    found = changes(
        tmp_path,
        ("service_hours: 7x24", "service_hours:\n  timezone: Asia/Shanghai\n  windows:\n"
         "    - {days: mon-fri, start: '09:00', end: '18:00'}"),
    )  # fmt: skip
    assert [row(c) for c in found] == [
        ("service_hours", "Service hours",
         "7×24 小时 / 24 hours a day, 7 days a week",
         "周一至周五 09:00–18:00（北京时间） / Monday to Friday 09:00–18:00 (Asia/Shanghai)",
         "changed", True, "looser"),
    ]  # fmt: skip


def test_attention_changes_come_first(tmp_path: Path) -> None:
    found = changes(
        tmp_path, ("response: 15m", "response: 10m"), ("target: 99.9\n", "target: 99.8\n")
    )
    assert [c.path for c in found] == ["slos.availability.target", "slos.priorities[P1].response"]
