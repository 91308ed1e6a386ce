"""The Word writer, read back from the .docx (word/document.xml, docProps/core.xml)."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from xml.etree import ElementTree

import pytest

from sitegen.render.docx import render_docx
from sitegen.render.typography import curly_quotes
from tests.contract_factory import HOSTILE_VALUES, factory_contract, hostile_contract

pytestmark = pytest.mark.slow

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def part(docx: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(docx)).read(name).decode("utf-8")


def texts(docx: bytes, name: str) -> str:
    """Every text run of a part, joined."""
    return "".join(
        node.text or "" for node in ElementTree.fromstring(part(docx, name)).iter(f"{W}t")
    )


def paragraphs(docx: bytes) -> list[str]:
    """The text of each paragraph, line breaks as newlines."""
    root = ElementTree.fromstring(part(docx, "word/document.xml"))
    out = []
    for p in root.iter(f"{W}p"):
        chunks = []
        for node in p.iter():
            if node.tag == f"{W}t":
                chunks.append(node.text or "")
            elif node.tag == f"{W}br":
                chunks.append("\n")
        out.append("".join(chunks))
    return out


@pytest.fixture(scope="module")
def draft() -> bytes:
    return render_docx(factory_contract())


def test_the_clause_texts_in_both_languages(draft: bytes) -> None:
    text = paragraphs(draft)
    assert "本协议以中文和英文书就，两种文本具有同等效力；如有不一致，以中文文本为准。" in text
    assert any(p.startswith("This agreement is written in Chinese and English") for p in text)
    assert "5.2\u2003响应与解决时间\u2003Response and resolution times" in text
    assert "严重故障\nCritical" in text  # a table cell, both languages


def test_a_draft_says_so_and_a_signed_one_does_not(draft: bytes) -> None:
    # The notice of every writer (sitegen.compose.vocabulary): the title, then each language.
    notice = [
        "草稿 / Draft",
        "本文本为草稿，尚未经双方签署，不具有约束力。",
        "This text is a draft: the parties have not signed it and it does not bind them.",
    ]
    text = paragraphs(draft)
    assert text[text.index(notice[0]) :][:3] == notice
    assert text.index(notice[0]) < 4
    signed = paragraphs(render_docx(factory_contract(signed=True)))
    assert "DRAFT" not in "".join(signed)
    assert not set(notice) & set(signed)


def test_an_a4_page_with_header_and_footer(draft: bytes) -> None:
    document = ElementTree.fromstring(part(draft, "word/document.xml"))
    section = list(document.iter(f"{W}sectPr"))[-1]
    size = section.find(f"{W}pgSz")
    assert size is not None and (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")
    kinds = [child.tag.removeprefix(W) for child in section]
    assert kinds[:2] == ["headerReference", "footerReference"]  # first, as the schema says
    relations = ElementTree.fromstring(part(draft, "word/_rels/document.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in relations}
    for reference in section.findall(f"{W}headerReference") + section.findall(
        f"{W}footerReference"
    ):
        assert targets[reference.get(f"{R}id")] in ("header1.xml", "footer1.xml")
    types = part(draft, "[Content_Types].xml")
    assert 'PartName="/word/header1.xml"' in types and 'PartName="/word/footer1.xml"' in types
    assert texts(draft, "word/header1.xml") == "SLA-2024-001第 2 版 · Version 2"
    footer = part(draft, "word/footer1.xml")
    assert texts(draft, "word/footer1.xml") == "第 1 页 / 共 1 页 · Page 1 of 1"
    assert footer.count('w:instr=" PAGE "') == 2 and footer.count('w:instr=" NUMPAGES "') == 2


def test_the_watermark_is_on_drafts_only(draft: bytes) -> None:
    assert 'string="草稿 DRAFT"' in part(draft, "word/header1.xml")
    signed = render_docx(factory_contract(signed=True))
    assert "DRAFT" not in part(signed, "word/header1.xml")
    assert texts(signed, "word/header1.xml").startswith("SLA-2024-001")


def test_properties_and_cjk_fonts(draft: bytes) -> None:
    core = part(draft, "docProps/core.xml")
    assert "<dc:title>核心业务系统运维服务水平协议 / Service Level Agreement" in core
    assert "<cp:keywords>SLA-2024-001, SLA, 服务水平协议, IT operations</cp:keywords>" in core
    assert ">2024-03-15T00:00:00Z</dcterms:created>" in core
    styles = part(draft, "word/styles.xml")
    # Chinese in the faces a Chinese Windows PC has, each with its Chinese name and the
    # GB2312 character set in the font table, so another machine picks a Chinese face.
    assert 'w:eastAsia="SimSun"' in styles and 'w:eastAsia="Microsoft YaHei"' in styles
    assert "eastAsiaTheme" not in styles and "Noto" not in styles
    fonts = part(draft, "word/fontTable.xml")
    assert '<w:font w:name="SimSun"><w:altName w:val="宋体"/>' in fonts
    assert '<w:font w:name="Microsoft YaHei"><w:altName w:val="微软雅黑"/>' in fonts
    assert fonts.count('<w:charset w:val="86"/>') >= 2


def test_black_headings_and_tables_with_a_grid(draft: bytes) -> None:
    styles = part(draft, "word/styles.xml")
    assert "themeColor" not in styles  # no blue headings
    root = ElementTree.fromstring(styles)
    table = next(e for e in root.iter(f"{W}style") if e.get(f"{W}styleId") == "Table")
    borders = {b.tag.removeprefix(W): b.get(f"{W}val") for b in table.iter() if b.get(f"{W}sz")}
    assert borders == dict.fromkeys(
        ("top", "left", "bottom", "right", "insideH", "insideV"), "single"
    )
    document = part(draft, "word/document.xml")
    assert document.count('<w:tblStyle w:val="Table" />') >= 3  # every table has the grid


def test_two_renders_are_byte_identical(draft: bytes) -> None:
    assert (
        hashlib.sha256(render_docx(factory_contract())).digest() == hashlib.sha256(draft).digest()
    )


def test_one_language_views() -> None:
    zh_docx, en_docx = render_docx(factory_contract(), "zh"), render_docx(factory_contract(), "en")
    zh, en = "".join(paragraphs(zh_docx)), "".join(paragraphs(en_docx))
    assert "服务目录" in zh and "Service catalogue" not in zh
    assert "Service catalogue" in en and "服务目录" not in en
    assert texts(zh_docx, "word/footer1.xml") == "第 1 页 / 共 1 页"
    assert texts(en_docx, "word/header1.xml") == "SLA-2024-001Version 2"


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_values_are_literal_text(value: str) -> None:
    docx = render_docx(hostile_contract(value))
    text = "\n".join(paragraphs(docx))
    assert text.count(curly_quotes(value)) >= 12  # as text, with typographic quotes
    document = part(docx, "word/document.xml")
    assert "<w:hyperlink" not in document and "instrText" not in document
    assert re.search(r"<w:t[^>]*>[^<]*#read\(", document) or "#read" not in value
    for name in ("word/header1.xml", "word/footer1.xml"):
        ElementTree.fromstring(part(docx, name))  # well-formed, whatever the values
