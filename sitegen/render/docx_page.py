"""The page of a Word contract, as the PDF's: A4 with its margins, a header (the agreement
number at the left, the version at the right, a rule below), the footer 第 X 页 / 共 Y 页 ·
Page X of Y, and on every page of anything unsigned the 草稿 DRAFT watermark.

pandoc writes the body and a section with no page size (Word then takes its own default,
often US Letter); this adds the header and footer parts, their relationships and content
types, and the page to the document's last section. Every value is XML-escaped; page
numbers are Word fields (PAGE, NUMPAGES) in the footer only, never in the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from sitegen.compose.contract import Lang, Meta
from sitegen.compose.vocabulary import WATERMARK
from sitegen.errors import ToolFailed
from sitegen.load.fonts import WORD_SANS

HEADER, FOOTER = "word/header1.xml", "word/footer1.xml"
HEADER_ID, FOOTER_ID = "rIdSitegenHeader", "rIdSitegenFooter"
RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"'
)
# A4 in twentieths of a point, and the PDF's margins (2.2 cm at the sides, 2.6 cm at the
# top, 2.3 cm at the bottom); the header and footer stand 1.2 cm from the edge.
PAGE = (
    '<w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1474" w:right="1247" w:bottom="1304" w:left="1247" '
    'w:header="680" w:footer="680" w:gutter="0"/>'
)
TEXT_WIDTH = 11906 - 2 * 1247
SMALL = f'<w:rFonts w:ascii="{WORD_SANS}" w:hAnsi="{WORD_SANS}" w:eastAsia="{WORD_SANS}"/><w:color w:val="5A5A5A"/><w:sz w:val="16"/><w:szCs w:val="16"/>'  # noqa: E501
_LAST_SECTION = re.compile(r"<w:sectPr>(.*?)</w:sectPr>(?=\s*</w:body>)", re.DOTALL)


def page_parts(meta: Meta, langs: tuple[Lang, ...]) -> dict[str, str]:
    """The header and footer parts to add."""
    return {HEADER: _header(meta, langs), FOOTER: _footer(langs)}


def _with_page(xml: str) -> str:
    """The last section (pandoc's one) with the header, the footer and the page."""
    references = (
        f'<w:headerReference w:type="default" r:id="{HEADER_ID}"/>'
        f'<w:footerReference w:type="default" r:id="{FOOTER_ID}"/>'
    )
    found = _LAST_SECTION.search(xml)
    if found is None:
        raise ToolFailed(
            tool="pandoc", message="wrote a Word document with no final section to give its page"
        )
    section = f"<w:sectPr>{references}{found[1]}{PAGE}</w:sectPr>"
    return xml[: found.start()] + section + xml[found.end() :]


def _with_relationships(xml: str) -> str:
    added = (
        f'<Relationship Type="{RELATION}header" Id="{HEADER_ID}" Target="header1.xml"/>'
        f'<Relationship Type="{RELATION}footer" Id="{FOOTER_ID}" Target="footer1.xml"/>'
    )
    return _before(xml, "</Relationships>", added)


def _with_content_types(xml: str) -> str:
    added = (
        f'<Override PartName="/{HEADER}" ContentType="{CONTENT}header+xml"/>'
        f'<Override PartName="/{FOOTER}" ContentType="{CONTENT}footer+xml"/>'
    )
    return _before(xml, "</Types>", added)


def _before(xml: str, end: str, added: str) -> str:
    if xml.count(end) != 1:
        raise ToolFailed(tool="pandoc", message=f"wrote a Word document: {end} expected once")
    return xml.replace(end, added + end)


def _both(langs: tuple[Lang, ...], zh: str, en: str, between: str = " · ") -> str:
    return between.join(text for lang, text in (("zh", zh), ("en", en)) if lang in langs)


def _run(text: str) -> str:
    return f'<w:r><w:rPr>{SMALL}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _field(code: str) -> str:
    return f'<w:fldSimple w:instr=" {code} ">{_run("1")}</w:fldSimple>'


def _header(meta: Meta, langs: tuple[Lang, ...]) -> str:
    version = _both(langs, f"第 {meta.version} 版", f"Version {meta.version}")
    line = (
        '<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="969696"/>'
        f'</w:pBdr><w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>'
        f'<w:spacing w:after="0"/></w:pPr>{_run(meta.agreement_id)}'
        f"<w:r><w:tab/></w:r>{_run(version)}{'' if meta.signed else _watermark()}</w:p>"
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {NAMESPACES}>{line}</w:hdr>'
    )


def _footer(langs: tuple[Lang, ...]) -> str:
    page, total = _field("PAGE"), _field("NUMPAGES")
    parts = []
    if "zh" in langs:
        parts += [_run("第 "), page, _run(" 页 / 共 "), total, _run(" 页")]
    if len(langs) == 2:
        parts.append(_run(" · "))
    if "en" in langs:
        parts += [_run("Page "), page, _run(" of "), total]
    line = (
        f'<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:after="0"/></w:pPr>{"".join(parts)}</w:p>'
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {NAMESPACES}>{line}</w:ftr>'
    )


# Edits of pandoc's parts that give the document its page and point to the header and footer
EDITS: dict[str, Callable[[str], str]] = {
    "word/document.xml": _with_page,
    "word/_rels/document.xml.rels": _with_relationships,
    "[Content_Types].xml": _with_content_types,
}


# Word's own text watermark: a WordArt shape (VML shape type 136) behind the text of every
# page, anchored in the header, as Word's Design › Watermark makes it.
_FORMULAS = [
    "sum #0 0 10800",
    "prod #0 2 1",
    "sum 21600 0 @1",
    "sum 0 0 @2",
    "sum 21600 0 @3",
    "if @0 @3 0",
    "if @0 21600 @1",
    "if @0 0 @2",
    "if @0 @4 21600",
    "mid @5 @6",
    "mid @8 @5",
    "mid @7 @8",
    "mid @6 @7",
    "sum @6 0 @5",
]
_WORDART = (
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
    + "".join(f'<v:f eqn="{eqn}"/>' for eqn in _FORMULAS)
    + '</v:formulas><v:path textpathok="t" o:connecttype="custom" '
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" '
    'xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/>'
    "</v:shapetype>"
)


def _watermark() -> str:
    style = (
        "position:absolute;margin-left:0;margin-top:0;width:440pt;height:110pt;rotation:320;"
        "z-index:-251657216;mso-position-horizontal:center;"
        "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
        "mso-position-vertical-relative:margin"
    )
    text = f'font-family:"{WORD_SANS}";font-size:1pt;font-weight:bold'
    return (
        f"<w:r><w:pict>{_WORDART}"
        f'<v:shape id="SitegenDraftWatermark" o:spid="_x0000_s1025" type="#_x0000_t136" '
        f'style="{style}" o:allowincell="f" fillcolor="#e1e1e1" stroked="f">'
        f"<v:textpath style={quoteattr(text)} string={quoteattr(WATERMARK)}/>"
        '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>'
    )
