"""Contract → Word (.docx) through pandoc, from pandoc's JSON AST (`pandoc_ast`),
written by this process's running pandoc (`pandoc_process`).

pandoc reads its JSON AST, never Markdown, so no value is read as markup. The reference
document is pandoc's own with the look of the PDF: black headings, tables with a grid, and
Chinese in the Song and sans faces a Chinese Windows PC has (`_STYLE_FONTS`).
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import tempfile
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pypandoc

from sitegen.compose.contract import Contract, Lang, Meta, Text
from sitegen.compose.vocabulary import DRAFT_TITLE, draft_notice
from sitegen.errors import ToolFailed
from sitegen.load.fonts import WORD_SANS, WORD_SERIF
from sitegen.render import docx_page
from sitegen.render.layout import Edition, edition_langs, langs_of
from sitegen.render.pandoc_ast import (
    AstBuilder,
    Json,
    document,
    meta_inlines,
    meta_list,
)
from sitegen.render.pandoc_process import PandocProcess

__all__ = ["reference_docx", "render_docx"]

# Chinese in the faces every Chinese Windows PC has: the body in SimSun, headings in
# Microsoft YaHei (`load.fonts`). Each is declared in the font table with its Chinese name
# and the GB2312 character set, so a machine without it (LibreOffice on Linux) takes another
# Chinese face of its kind instead of a Latin one.
_STYLE_FONTS = {
    'w:eastAsiaTheme="minorEastAsia"': f'w:eastAsia="{WORD_SERIF}"',
    'w:eastAsiaTheme="majorEastAsia"': f'w:eastAsia="{WORD_SANS}"',
}
_FONT_TABLE = (
    f'<w:font w:name="{WORD_SERIF}"><w:altName w:val="宋体"/>'
    '<w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/>'
    '<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
    f'<w:font w:name="{WORD_SANS}"><w:altName w:val="微软雅黑"/>'
    '<w:panose1 w:val="020B0503020204020204"/><w:charset w:val="86"/>'
    '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
)
# A contract is black on white: the theme's blue headings go, and tables get a grid, as
# in the PDF.
_THEME_COLOUR = re.compile(r'<w:color\s[^>]*w:themeColor="[^"]*"[^>]*/>')
_TABLE_STYLE_PR = '<w:style w:type="table" w:default="1" w:styleId="Table">'
_GRID = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_CREATED = re.compile(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
_reference: dict[str, Path] = {}
_process: dict[str, PandocProcess] = {}
_lock = threading.RLock()


def render_docx(contract: Contract, lang: Edition = "bilingual") -> bytes:
    """The contract as a .docx (bilingual: each clause in Chinese, then in English)."""
    build = AstBuilder(lang)
    notice = draft_notice(contract.meta.kind)
    blocks = _draft_notice(build, notice) if not contract.meta.signed else []
    blocks += build.contract(contract)
    ast = document(_metadata(contract, lang, build), blocks)
    docx = _pandoc().convert(json.dumps(ast, ensure_ascii=False), "docx")
    return _finished(docx, contract.meta, edition_langs(lang))


def _pandoc() -> PandocProcess:
    """The running pandoc of this process, with our reference document."""
    with _lock:
        if "process" not in _process:
            _process["process"] = PandocProcess(reference_docx())
        return _process["process"]


def _metadata(contract: Contract, lang: Edition, build: AstBuilder) -> dict[str, Json]:
    langs = edition_langs(lang)
    meta = contract.meta

    def joined(text: Text) -> Json:
        return meta_inlines(build.inlines(" / ".join(text.get(x) for x in langs_of(text, langs))))

    return {
        "title": joined(contract.title),
        "subtitle": meta_inlines(build.inlines(f"{meta.agreement_id} · v{meta.version}")),
        "subject": joined(meta.parties),
        "author": meta_list([joined(meta.parties)]),
        "keywords": meta_list(
            meta_inlines(build.inlines(k)) for k in (meta.agreement_id, *meta.keywords)
        ),
    }


def _finished(docx: bytes, meta: Meta, langs: tuple[Lang, ...]) -> bytes:
    """pandoc's document with its page, header and footer (`docx_page`), dated from
    `Meta.date`, not the clock, in the properties and the zip, so identical input gives
    identical bytes."""
    stamp = f"{meta.date}T00:00:00Z"
    when = (*(int(part) for part in meta.date.split("-")), 0, 0, 0)
    edits = {"docProps/core.xml": lambda xml: _CREATED.sub(rf"\g<1>{stamp}\g<2>", xml)}
    return _rewrite(
        docx, edits | docx_page.EDITS, date_time=when, added=docx_page.page_parts(meta, langs)
    )


def _draft_notice(build: AstBuilder, notice: Text) -> list[Json]:
    """The title in bold, then the notice in each language of the document."""
    title = {"t": "Para", "c": [{"t": "Strong", "c": build.text(DRAFT_TITLE)}]}
    return [
        title,
        *({"t": "Para", "c": build.inlines(notice.get(lang))} for lang in build.langs),
    ]


def reference_docx() -> Path:
    """pandoc's reference.docx with the CJK fonts set, written once per process."""
    with _lock:
        if "path" not in _reference:
            folder = Path(tempfile.mkdtemp(prefix="sitegen-docx-ref-"))
            path = folder / "reference.docx"
            path.write_bytes(_with_cjk_fonts(_default_reference()))
            _reference["path"] = path
        return _reference["path"]


def _default_reference() -> bytes:
    command = [pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"]
    result = subprocess.run(command, capture_output=True, check=False)
    if result.returncode != 0:
        raise ToolFailed(
            tool="pandoc", message=f"could not give its reference.docx: {result.stderr!r}"
        )
    return result.stdout


def _with_cjk_fonts(docx: bytes) -> bytes:
    """pandoc's reference with the styles of a printed contract (see `_STYLE_FONTS`)."""

    def styles(xml: str) -> str:
        for old, new in _STYLE_FONTS.items():
            xml = xml.replace(old, new)
        xml = _THEME_COLOUR.sub('<w:color w:val="000000"/>', xml)
        start = xml.index(_TABLE_STYLE_PR)
        at = xml.index("<w:tblPr>", start) + len("<w:tblPr>")
        return f"{xml[:at]}<w:tblBorders>{_GRID}</w:tblBorders>{xml[at:]}"

    def font_table(xml: str) -> str:
        return xml.replace("</w:fonts>", f"{_FONT_TABLE}</w:fonts>")

    return _rewrite(docx, {"word/styles.xml": styles, "word/fontTable.xml": font_table})


def _rewrite(
    docx: bytes,
    edits: dict[str, Callable[[str], str]],
    date_time: tuple[int, ...] | None = None,
    added: dict[str, str] | None = None,
) -> bytes:
    """The zip with some XML parts edited and others `added`, and every entry dated
    `date_time` if given."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename in edits:
                data = edits[info.filename](data.decode("utf-8")).encode("utf-8")
            if date_time is not None:
                info.date_time = date_time  # type: ignore[assignment]
            target.writestr(info, data)
        for name, text in (added or {}).items():
            entry = zipfile.ZipInfo(name, date_time=date_time or (1980, 1, 1, 0, 0, 0))  # type: ignore[arg-type]
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, text.encode("utf-8"))
    return out.getvalue()
