"""The PDF writer, read back from real PDFs with poppler (pdftotext, pdffonts, pdfinfo)."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.render.pdf import PdfRenderer, render_pdf
from sitegen.render.typography import curly_quotes
from tests.contract_factory import HOSTILE_VALUES, factory_contract, hostile_contract
from tests.helpers import REPO

pytestmark = pytest.mark.slow

CLAUSE_ZH = "本协议以中文和英文书就，两种文本具有同等效力；如有不一致，以中文文本为准。"
CLAUSE_EN = "both texts are equally authentic, and the Chinese text prevails where they differ."


def poppler(tool: str, pdf: bytes, tmp: Path, *args: str) -> str:
    path = tmp / f"{hashlib.sha256(pdf).hexdigest()[:12]}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        [tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def flat(text: str) -> str:
    """Text without whitespace: pdftotext breaks lines where the layout did."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def renderer() -> PdfRenderer:
    return PdfRenderer()


@pytest.fixture(scope="module")
def draft(renderer: PdfRenderer) -> bytes:
    return renderer.render(factory_contract())


@pytest.fixture(scope="module")
def signed(renderer: PdfRenderer) -> bytes:
    return renderer.render(factory_contract(signed=True))


def pages(pdf: bytes, tmp: Path) -> list[str]:
    return poppler("pdftotext", pdf, tmp, "-raw").split("\f")[:-1]


def test_a_noto_cjk_font_is_embedded(draft: bytes, tmp_path: Path) -> None:
    fonts = poppler("pdffonts", draft, tmp_path).splitlines()[2:]
    serif = [line for line in fonts if "NotoSerifCJKsc-Regular" in line]
    assert serif and serif[0].split()[-5:-2] == ["yes", "yes", "yes"]  # emb sub uni
    assert all("Noto" in line for line in fonts)


def test_the_chinese_and_english_of_a_clause_are_in_the_text(draft: bytes, tmp_path: Path) -> None:
    text = flat(poppler("pdftotext", draft, tmp_path))
    assert flat(CLAUSE_ZH) in text and flat(CLAUSE_EN) in text


def test_a_draft_carries_the_watermark_on_every_page(draft: bytes, tmp_path: Path) -> None:
    assert all("草稿DRAFT" in flat(page) for page in pages(draft, tmp_path))


def test_a_signed_contract_has_no_watermark(signed: bytes, tmp_path: Path) -> None:
    text = poppler("pdftotext", signed, tmp_path)
    assert "DRAFT" not in text and "草稿" not in text


def test_header_and_footer_on_every_page(draft: bytes, tmp_path: Path) -> None:
    all_pages = pages(draft, tmp_path)
    assert len(all_pages) >= 8
    for n, page in enumerate(all_pages, 1):
        assert "SLA-2024-001" in page and "第 2 版 · Version 2" in page
        assert f"第 {n} 页 / 共 {len(all_pages)} 页 · Page {n} of {len(all_pages)}" in page


def test_the_long_table_repeats_its_header(draft: bytes, tmp_path: Path) -> None:
    # The apostrophe is printed typographic: Provider’s.
    with_rows = [p for p in pages(draft, tmp_path) if "Provider’s operations engineer" in p]
    assert len(with_rows) >= 2
    assert all("责任人" in p and "Owner" in p for p in with_rows)


def test_the_signature_block_is_on_one_page(draft: bytes, tmp_path: Path) -> None:
    [page] = [p for p in pages(draft, tmp_path) if "Party A (Customer)" in p and "签署" in p]
    assert page.count("(Seal)") == 2 and page.count("Date:") == 2
    assert "General Manager" in page


def test_document_metadata_a4_and_pdfa(signed: bytes, tmp_path: Path) -> None:
    info = poppler("pdfinfo", signed, tmp_path)
    assert "Title:           核心业务系统运维服务水平协议 / Service Level Agreement" in info
    assert "Subject:         上海澄川科技有限公司 与 杭州云衡信息技术有限公司 / Shanghai" in info
    assert "Author:          上海澄川科技有限公司 与 杭州云衡信息技术有限公司" in info
    assert "Keywords:        SLA-2024-001, SLA, 服务水平协议, IT operations" in info
    assert "Page size:       595.276 x 841.89 pts (A4)" in info
    assert "CreationDate:    Fri Mar 15 00:00:00 2024 UTC" in info
    assert b"pdfaid:part>2<" in signed or b'pdfaid:part="2"' in signed


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_language_views(renderer: PdfRenderer, lang: str, tmp_path: Path) -> None:
    text = flat(poppler("pdftotext", renderer.render(factory_contract(), lang), tmp_path))  # type: ignore[arg-type]
    assert (flat(CLAUSE_ZH) in text) == (lang == "zh")
    assert (flat(CLAUSE_EN) in text) == (lang == "en")


def test_two_renders_are_byte_identical(draft: bytes, renderer: PdfRenderer) -> None:
    assert renderer.render(factory_contract()) == draft
    assert render_pdf(factory_contract()) == draft  # the shared renderer too


def test_a_separate_process_gives_the_same_bytes(draft: bytes, tmp_path: Path) -> None:
    code = (
        "import hashlib, sys; from sitegen.render.pdf import render_pdf; "
        "from tests.contract_factory import factory_contract; "
        "sys.stdout.write(hashlib.sha256(render_pdf(factory_contract())).hexdigest())"
    )
    other = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert other.stdout == hashlib.sha256(draft).hexdigest()


def test_the_compile_root_holds_only_the_layout(renderer: PdfRenderer) -> None:
    assert sorted(p.name for p in renderer.root.iterdir()) == ["contract.typ"]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_values_are_shown_literally(
    renderer: PdfRenderer, value: str, tmp_path: Path
) -> None:
    pdf = renderer.render(hostile_contract(value))
    text = poppler("pdftotext", pdf, tmp_path)
    for line in curly_quotes(value).split("\n"):
        # Title, section and clause titles, paragraphs, cells, signature fields, the id;
        # as text, its straight quotes printed as typographic ones.
        assert flat(text).count(flat(line)) >= 12, line
    assert "root:" not in text  # nothing read /etc/passwd
    info = poppler("pdfinfo", pdf, tmp_path)
    assert value.split("\n")[0] in info  # title, subject, keywords: the literal value
