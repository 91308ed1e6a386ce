"""Diff reports: the terminal text, JSON and the site's diff page, which agreement text
cannot break; the words of the comment in Chinese (its safety: test_diff_comment.py)."""

from __future__ import annotations

import html
import json
import re

import click
import pytest

from sitegen.compose.contract import Text
from sitegen.diff.comment import as_markdown
from sitegen.diff.fields import Change
from sitegen.diff.model import AgreementDiff, Side
from sitegen.diff.redline import ClauseRedline, Segment, compare
from sitegen.diff.report import as_json, as_text
from sitegen.site.diff_page import report_html

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "a | b",
    "line\n# heading",
    "``` fence",
    "`code` and ``more``",
    "**bold** _it_ <!-- c -->",
    "</details><details open>",
    'the customer\'s "quoted" & more',
]


def hostile_diff(value: str) -> AgreementDiff:
    change = Change(
        "scope.included[x]",
        Text("服务内容", "Included service"),
        Text(value, value),
        Text("安全", "safe"),
        True,
        "looser",
    )
    red = ClauseRedline("scope.included", "3.1", value, "changed", compare(value, "safe", "en"))
    return AgreementDiff(
        "SLA-2024-001",
        f"{value} / {value}",
        Side("SLA-2024-001@v1", 1, "signed", template="it-service-sla@1", changed_by=value),
        Side("SLA-2024-001", 2, "draft"),
        (change,),
        {"en": (red,), "zh": ()},
    )


_OUR_TAGS = {"details", "summary", "p", "div", "table", "thead", "tbody", "tr", "th", "td"}
_OUR_TAGS |= {"br", "del", "ins", "b", "strong"}


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_site_diff_page_shows_values_as_text(value: str, lang: str) -> None:
    """Term, values, author, title and redlines from the agreement stay text: the only
    tags are the page's own, and the block has no blank line (Python-Markdown passes a
    raw HTML block through only whole)."""
    page = report_html(hostile_diff(value), lang)  # type: ignore[arg-type]
    assert {tag.lower() for tag in re.findall(r"</?([A-Za-z]+)", page)} <= _OUR_TAGS
    assert "\n\n" not in page and "<!--" not in page
    if lang == "en":
        shown = re.sub(r"<[^>]+>", "", page)
        assert html.unescape(shown).count(value.split("\n")[0]) >= 1


def test_summary_and_flag_come_first() -> None:
    text = as_markdown([hostile_diff("plain")])
    lines = text.splitlines()
    assert (
        lines[0]
        == "### SLA changes: 1 agreement differs: 1 material term change, 1 needs attention"
    )
    assert lines[2] == "**Needs attention** (looser on the provider):"
    assert lines[4] == "- ⚠️ **SLA-2024-001** Included service: plain → safe"


def test_text_report_marks_deletions_and_insertions() -> None:
    text = click.unstyle(as_text([hostile_diff("15 minutes")]))
    assert "[-15 minutes-]{+safe+}" in text
    assert "! 服务内容 / Included service: 15 minutes → 安全 / 15 minutes → safe" in text
    assert "(material, looser on the provider)" in text


def test_text_report_shows_a_value_once_when_both_languages_agree() -> None:
    diff = hostile_diff("x")
    change = Change("slos.availability.target", Text("可用性目标", "Availability target"),
                    Text("99.9%", "99.9%"), Text("99.5%", "99.5%"), True, None)  # fmt: skip
    text = click.unstyle(as_text([AgreementDiff(diff.agreement_id, "t", diff.old, diff.new,
                                                (change,))]))  # fmt: skip
    assert "  可用性目标 / Availability target: 99.9% → 99.5% (material, changed; judge it)" in text


def test_json_report_is_complete() -> None:
    [record] = json.loads(as_json([hostile_diff("x")]))
    assert record["id"] == "SLA-2024-001"
    assert record["changes"][0]["attention"] is True
    assert record["changes"][0]["effect"] == "looser"
    assert record["redlines"]["en"][0]["segments"] == [["delete", "x"], ["insert", "safe"]]


def test_chinese_words_for_the_chinese_site() -> None:
    text = as_markdown([hostile_diff("plain")], "zh")
    lines = text.splitlines()
    assert lines[0] == "### SLA 变更: 1 份协议有变更：实质性条款变更 1 处，其中 1 处需关注"
    assert lines[2] == "**需关注**（对服务方放宽）："
    assert "v1 → v2 · 状态 已签署 → 草稿 · 合同模板 it-service-sla@1 → —" in lines
    assert "| 条款 | 变更前 | 变更后 | 影响 |" in lines
    assert "对服务方放宽（对客户不利）<br>实质性" in text
    assert "(修改)" in text


def test_an_added_or_removed_clause_is_one_insertion_or_one_deletion() -> None:
    """Not an empty line deleted before the clause added (split gives [""] for "")."""
    assert compare("", "Scope\nThe provider", "en") == (Segment("insert", "Scope\nThe provider"),)
    assert compare("范围\n服务方", "", "zh") == (Segment("delete", "范围\n服务方"),)
    assert compare("", "", "en") == ()
