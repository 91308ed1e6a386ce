"""The printed documents' typography: tables sized to their content, and typographic
quotation marks, checked on real PDFs (poppler) and a real Word file."""

from __future__ import annotations

import io
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from sitegen.compose.contract import Contract, Table, Text
from sitegen.render.docx import render_docx
from sitegen.render.layout import CELL_PADDING, TABLE_UNITS, column_widths, unbreakable_width
from sitegen.render.pdf import PdfRenderer
from sitegen.render.typography import curly_quotes
from tests.contract_factory import factory_contract, para

BOTH = ("zh", "en")


def t(zh: str, en: str) -> Text:
    return Text(zh=zh, en=en)


def priorities() -> Table:
    """A university's priority table: a short name column beside a long definition."""
    return Table(
        header=(t("级别", "Priority"), t("名称", "Name"), t("定义", "Definition"),
                t("响应时限", "Response within"), t("解决时限", "Resolution within")),
        rows=((t("P1", "P1"), t("严重故障", "Critical"),
               t("核心业务系统全部中断，或全部用户无法使用",
                 "The core business systems are down, or no user can work"),
               t("15 分钟", "15 minutes"), t("4 小时", "4 hours")),
              (t("P2", "P2"), t("重要故障", "Major"),
               t("核心功能部分中断，或多个部门的用户受影响",
                 "Core functions are partly down, or users in several departments are "
                 "affected"),
               t("30 分钟", "30 minutes"), t("8 小时", "8 hours"))),
    )  # fmt: skip


def test_a_short_term_and_a_word_are_never_split() -> None:
    assert unbreakable_width("严重故障") == 8  # a Chinese term: the whole line
    assert unbreakable_width("Response within") == 8  # its widest word
    # A Chinese sentence breaks between any two characters; its Latin words do not.
    assert unbreakable_width("核心业务系统全部中断，或全部用户无法使用") == 2
    assert unbreakable_width("由 Provider 负责的核心业务系统全部中断") == 8


def test_columns_get_their_minimum_and_share_the_rest_by_what_they_hold() -> None:
    widths = column_widths(priorities(), BOTH)
    units = [w * TABLE_UNITS for w in widths]
    assert abs(sum(widths) - 1) < 0.001
    # The lines are wider than the page (the definitions: 2 × 40 units): each column gets
    # at least its widest unbreakable piece plus padding: 严重故障 (8) and "Critical" (8),
    # "Resolution" (10); the definition column takes most of what remains.
    assert units[1] >= 8 + CELL_PADDING - 0.01
    assert units[4] >= 10 + CELL_PADDING - 0.01
    assert units[2] == max(units)
    # The old rule (each column as wide as its longest line, capped) gave the time
    # columns more room than the names: "Resolution within" is 17 units, 严重故障 8.
    assert units[1] < units[3] < units[2]


def test_a_table_that_fits_keeps_every_line_whole() -> None:
    small = Table(header=(t("级别", "Level"), t("时限", "Limit")),
                  rows=((t("P1", "P1"), t("15 分钟", "15 minutes")),))  # fmt: skip
    # Longest lines: "Level" 5 and "15 minutes" 10, each with 3 of padding: 8 and 13.
    assert column_widths(small, BOTH) == [round(8 / 21, 4), round(13 / 21, 4)]


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ('"Downtime" means', "“Downtime” means"),
        ("the Customer's report", "the Customer’s report"),
        ('under "Service Hours".', "under “Service Hours”."),
        ("('quoted')", "(‘quoted’)"),
        ("“服务时间”一节", "“服务时间”一节"),  # Chinese quotes are already typographic
        ("no quotes at all", "no quotes at all"),
    ],
)
def test_curly_quotes(typed: str, printed: str) -> None:
    assert curly_quotes(typed) == printed


def quoted_contract() -> Contract:
    """The sample with a definition typed with straight quotes as its first clause's text."""
    base = factory_contract()
    first = base.sections[0]
    clause = replace(
        first.clauses[0],
        blocks=(
            para(
                "“服务时间”指服务方提供服务的时段。", '"Service Hours" means the Provider\'s hours.'
            ),
        ),
    )
    return replace(
        base, sections=(replace(first, clauses=(clause, *first.clauses[1:])), *base.sections[1:])
    )


@pytest.mark.slow
def test_the_pdf_sets_typographic_quotes_and_keeps_short_terms_whole(tmp_path: Path) -> None:
    pdf = tmp_path / "contract.pdf"
    pdf.write_bytes(PdfRenderer().render(quoted_contract()))
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "“Service Hours” means the Provider’s hours." in text
    assert "“服务时间”指服务方提供服务的时段。" in text
    assert '"' not in text and "'" not in text
    # The priority table's names are whole: a split would print 严重故 and 障 apart.
    assert "严重故障" in text and "咨询与请求" in text


@pytest.mark.slow
def test_the_word_file_sets_typographic_quotes() -> None:
    docx = render_docx(quoted_contract())
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode("utf-8")
    assert "“Service Hours”" in xml and "Provider’s" in xml
    assert "&quot;Service" not in xml


@pytest.mark.slow
def test_justified_english_is_hyphenated_and_chinese_never(tmp_path: Path) -> None:
    """A justified English line breaks inside a long word rather than gaping (Typst's
    `hyphenate: auto` with `justify`): the break is marked with a soft hyphen (U+00AD).
    Chinese lines never get one."""
    long_words = (
        "Notwithstanding extraordinary circumstances, the Provider maintains comprehensive "
        "infrastructure instrumentation, internationalization considerations and "
        "telecommunications interoperability documentation, "
    ) * 4
    base = quoted_contract()
    first = base.sections[0]
    clause = replace(
        first.clauses[0], blocks=(para("服务方应保证基础设施监控全面覆盖。" * 12, long_words),)
    )
    contract = replace(
        base, sections=(replace(first, clauses=(clause, *first.clauses[1:])), *base.sections[1:])
    )
    pdf = tmp_path / "contract.pdf"
    pdf.write_bytes(PdfRenderer().render(contract))
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    broken = [line for line in text.splitlines() if line.endswith("\u00ad")]
    assert broken, "no English word was hyphenated"
    assert all(line[-2].isascii() and line[-2].isalpha() for line in broken)
