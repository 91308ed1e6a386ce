"""Diff reports: a pull-request comment that agreement text cannot break."""

from __future__ import annotations

import html
import json
import re

import click
import markdown
import pytest

from sitegen.compose.contract import Text
from sitegen.diff.fields import Change
from sitegen.diff.model import AgreementDiff, Side
from sitegen.diff.redline import ClauseRedline, compare
from sitegen.diff.report import as_json, as_markdown, as_text, code

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


@pytest.mark.parametrize("value", HOSTILE)
def test_markdown_comment_shows_values_literally(value: str) -> None:
    text = as_markdown([hostile_diff(value)])
    rendered = markdown.markdown(text, extensions=["tables", "md_in_html"])
    assert "<script" not in rendered
    assert "<img" not in rendered
    assert 'href="javascript' not in rendered
    assert "<h1" not in rendered
    assert rendered.count("<details") == 1
    assert "<!--" not in rendered.replace("&lt;!--", "")


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("extensions", [["tables"], ["tables", "md_in_html"]])
def test_values_survive_either_reading_of_the_details_block(
    value: str, extensions: list[str]
) -> None:
    rendered = markdown.markdown(as_markdown([hostile_diff(value)]), extensions=extensions)
    shown = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    # U+2060 (an invisible word joiner) follows each @ and #, so GitHub links no mention
    shown = shown.replace("\u2060", "")
    assert value.replace("\n", " ") in shown.replace("\n", " ")
    assert "<script" not in rendered and "<img" not in rendered


@pytest.mark.parametrize("value", HOSTILE)
def test_code_is_one_line_without_markup(value: str) -> None:
    span = code(value)
    inner = span.removeprefix("<code>").removesuffix("</code>")
    assert "\n" not in span
    assert not re.search(r"[<>|`*_\[\]]", inner)


def test_summary_and_flag_come_first() -> None:
    text = as_markdown([hostile_diff("plain")])
    lines = text.splitlines()
    assert (
        lines[0]
        == "### SLA changes: 1 agreement differs: 1 material term change, 1 needs attention"
    )
    assert lines[2] == "**Needs attention** (looser on the provider):"
    assert lines[4] == (
        "- ⚠️ <code>SLA&#45;2024&#45;001</code> <code>Included service</code>: "
        "<code>plain</code><br><code>plain</code> → <code>安全</code><br><code>safe</code>"
    )


def test_text_report_marks_deletions_and_insertions() -> None:
    text = click.unstyle(as_text([hostile_diff("15 minutes")]))
    assert "[-15 minutes-]{+safe+}" in text
    assert "! 服务内容 / Included service: 15 minutes → 安全 / 15 minutes → safe" in text


def test_json_report_is_complete() -> None:
    [record] = json.loads(as_json([hostile_diff("x")]))
    assert record["id"] == "SLA-2024-001"
    assert record["changes"][0]["attention"] is True
    assert record["redlines"]["en"][0]["segments"] == [["delete", "x"], ["insert", "safe"]]


def test_chinese_words_for_the_chinese_site() -> None:
    text = as_markdown([hostile_diff("plain")], "zh")
    lines = text.splitlines()
    assert lines[0] == "### SLA 变更: 1 份协议有变更：实质性条款变更 1 处，其中 1 处需关注"
    assert lines[2] == "**需关注**（对服务方放宽）："
    assert "| 状态 | <code>已签署</code> | <code>草稿</code> |" in lines
    assert "实质性，对服务方放宽（对客户不利）" in text
    assert "(修改)" in text
