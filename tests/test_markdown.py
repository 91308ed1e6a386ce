"""Agreement text is data: no value ever becomes Markdown or HTML on the site."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from sitegen.compose import compose, select_template
from sitegen.compose.contract import LANGS, Contract, ItemList, Lang, Paragraph, Signatures, Table
from sitegen.compose.templates import TemplateIndex
from sitegen.load import load_agreement
from sitegen.render.markdown import PAGE_VIEWS, to_markdown
from sitegen.render.markup import escape, one_line
from tests.helpers import REPO, build_file_tree, replace_once, sample_text

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    '{: onclick="alert(1)" }',
    "line\n# heading",
    "a | b",
    '`#read("/etc/passwd")`{=typst}',
    '```{=typst}\n#read("/etc/passwd")\n```',
    '[x]{typst:text:fill="red"}',
    "@ref",
    "$x$",
    "\\",
    "*",
    "_",
    "- item",
    "1. item",
    "> quote",
    "!!! note",
    "&lt;b&gt; &amp;",
    "~~gone~~ ==mark== ^sup^",
    '<div markdown="1">*x*</div>',
]
# YAML itself refuses control characters, so these reach only the escaping tests: STX/ETX
# are Python-Markdown's own placeholder markers.
CONTROL = ["a\x02klzzwxh:0000\x03b", "tab\there", "nul\x00byte"]
EXTENSIONS = ["attr_list", "tables", "md_in_html", "admonition", "toc"]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


class _Page(HTMLParser):
    """The visible text of a page, and every tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def assert_inert(page: str) -> None:
    """No script, no event handler, no javascript: URL anywhere in the markup itself."""
    assert "<script" not in page.lower()
    for tag, attrs in parse(page).tags:
        assert tag not in {"script", "img", "iframe", "a", "style", "object"}, tag
        for name, value in attrs:
            assert not name.lower().startswith("on"), (tag, name)
            assert "javascript:" not in (value or "").lower(), (tag, name, value)
            assert name in {"id", "class", "lang"}, (tag, name)
    markup_only = "".join(
        f"<{tag} " + " ".join(f'{n}="{v}"' for n, v in attrs) + ">"
        for tag, attrs in parse(page).tags
    )
    for needle in ("<script", "onerror=", "javascript:", "onclick="):
        assert needle not in markup_only


@pytest.mark.parametrize("value", HOSTILE + CONTROL)
@pytest.mark.parametrize(
    "place",
    ["{}", "# {}", "- {}", "1. {}", "| h |\n| --- |\n| {} |", "text {} text", "## x {}"],
)
def test_escape_shows_the_literal_text(value: str, place: str) -> None:
    page = render(place.format(escape(value)))
    assert_inert(page)
    shown = "".join(parse(page).text)
    assert one_line(value) in shown


@pytest.mark.parametrize("value", HOSTILE)
def test_escape_is_one_line(value: str) -> None:
    assert "\n" not in escape(value)


def test_escape_examples() -> None:
    assert escape("a | b") == "a \\| b"
    assert escape("<b>") == "&lt;b&gt;"
    assert escape("line\n# heading") == "line \\# heading"
    assert escape("99.9%") == "99\\.9%"
    assert escape("$x$") == "&#36;x&#36;"
    assert escape("中文，全角：标点") == "中文，全角：标点"


HOSTILE_AGREEMENT = {
    # every kind of field: names, roles, duties, scope, exclusions, priority texts, sources,
    # criteria, obligations, review participants, signatories, own clause title and text
    "      zh: 上海澄川科技有限公司": "      zh: {v}",
    "      en: IT Centre Manager (service liaison)": "      en: {v}",
    "      zh: 确认故障级别，验收服务报告": "      zh: {v}",
    "      en: 7×24 monitoring of the core business systems": "      en: {v}",
    "      zh: 第三方系统故障导致的业务中断": "      zh: {v}",
    "      en: Interruptions caused by the customer or by force majeure": "      en: {v}",
    "      name: {zh: 严重故障, en: Critical}": "      name: {{zh: {v}, en: {v}}}",
    "        en: The core business systems are down, or no user can work": "        en: {v}",
    "    - zh: 工单系统记录": "    - zh: {v}",
    "    zh: 当月可用性及各级故障的响应与解决时间均达到本协议目标，视为达标": "    zh: {v}",
    "      en: Names a business contact and notifies the provider in writing within 2 working days of any change": "      en: {v}",  # noqa: E501
    "      en: Legal officers of both parties": "      en: {v}",
    "      zh: 授权代表（总经理）": "      zh: {v}",
}


def hostile_agreement(tmp_path: Path, value: str) -> Path:
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    text = sample_text()
    for old, new in HOSTILE_AGREEMENT.items():
        text = replace_once(text, old, new.format(v=quoted))
    text += (
        "clauses:\n  - id: extra\n    at: scope\n"
        f"    title: {{zh: {quoted}, en: {quoted}}}\n"
        f"    text: {{zh: {quoted}, en: {quoted}}}\n"
    )
    return build_file_tree(tmp_path, {"agreement.yaml": text}) / "agreement.yaml"


def contract_texts(contract: Contract, lang: Lang) -> Iterator[str]:
    """Every text of one language in a contract, in any block."""
    yield contract.title.get(lang)
    for section in contract.sections:
        yield section.title.get(lang)
        for clause in section.clauses:
            if clause.title:
                yield clause.title.get(lang)
            for block in clause.blocks:
                if isinstance(block, Paragraph):
                    yield block.text.get(lang)
                elif isinstance(block, ItemList):
                    yield from (item.get(lang) for item in block.items)
                elif isinstance(block, Table):
                    yield from (t.get(lang) for t in block.header)
                    yield from (t.get(lang) for row in block.rows for t in row)
                elif isinstance(block, Signatures):
                    for party in block.parties:
                        for field in ("label", "name", "role", "seal", "date"):
                            yield getattr(party, field).get(lang)


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_in_every_field_stay_text(tmp_path: Path, value: str) -> None:
    loaded = load_agreement(hostile_agreement(tmp_path, value))
    assert loaded.agreement is not None, loaded.findings
    index = TemplateIndex(REPO / "templates")
    contract = compose(loaded.agreement, select_template(loaded.agreement, index))
    needle = one_line(value)
    placed = {
        lang: sum(one_line(t).count(needle) for t in contract_texts(contract, lang))
        for lang in LANGS
    }
    assert placed["zh"] >= 7 and placed["en"] >= 7, placed
    for view in PAGE_VIEWS:
        page = render(to_markdown(contract, view))
        assert_inert(page)
        shown = "".join(parse(page).text)
        expected = placed["zh"] + placed["en"] if view == "parallel" else placed[view]
        assert shown.count(needle) == expected, view


def test_parallel_pairs_each_clause(tmp_path: Path) -> None:
    loaded = load_agreement(REPO / "agreements" / "SLA-2024-001" / "agreement.yaml")
    assert loaded.agreement is not None
    contract = compose(
        loaded.agreement, select_template(loaded.agreement, TemplateIndex(REPO / "templates"))
    )
    page = render(to_markdown(contract, "parallel"))
    clauses = len(contract.clauses())
    assert page.count('<div class="sg-parallel">') == clauses
    assert page.count('<div class="sg-zh" lang="zh-CN">') == clauses
    assert page.count('<div class="sg-en" lang="en">') == clauses
    assert '<h3 id="service-levels.priorities">5.3 故障级别与处理时限 / Incident Priorities' in page


def test_draft_notice_only_when_not_signed() -> None:
    index = TemplateIndex(REPO / "templates")
    signed = load_agreement(REPO / "agreements" / "SLA-2024-001" / "agreement.yaml").agreement
    assert signed is not None
    assert "!!! warning" not in to_markdown(compose(signed, select_template(signed, index)), "zh")
    draft = signed.model_copy(update={"status": "draft"})
    text = to_markdown(compose(draft, select_template(draft, index)), "zh")
    assert '!!! warning "草稿"\n\n    本文本为草稿，尚未经双方签署，不具有约束力。' in text


def test_unknown_view_is_refused() -> None:
    with pytest.raises(ValueError, match="lang must be one of zh, en, parallel"):
        to_markdown(None, "fr")  # type: ignore[arg-type]
