"""Contract → Markdown for the site (Python-Markdown / mkdocs-material).

Three views: `zh`, `en`, and `parallel`, where each clause is a pair of blocks side by side
(`<div class="sg-parallel">` holding a `sg-zh` and a `sg-en` div, both `markdown="1"` so
md_in_html reads their Markdown). Divs rather than a two-column HTML table: a clause holds
lists and tables, which Markdown inside a table cell cannot hold, and two divs stack
readably on a narrow screen or without the stylesheet (Chinese first, then English).

Every text of the Contract goes through `sitegen.render.markup.escape`; the only markup here is
this module's own (headings, list markers, table rules, the divs, the draft notice).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal, assert_never

from sitegen.compose.contract import (
    Block,
    Clause,
    Contract,
    ItemList,
    Lang,
    Paragraph,
    Section,
    Signatures,
    Table,
    Text,
)
from sitegen.compose.vocabulary import DRAFT_TITLE, OWN_CLAUSE, draft_notice
from sitegen.render.markup import escape

# The views of the contract on a web page: one language, or both side by side (the page's
# tabs). A document's languages are `sitegen.render.layout.Edition`.
PageView = Literal["zh", "en", "parallel"]
PAGE_VIEWS: tuple[PageView, ...] = ("zh", "en", "parallel")

ID = re.compile(r"^[a-z][a-z0-9]*([.-][a-z0-9]+)*$")
_HTML_LANG = {"zh": "zh-CN", "en": "en"}


def to_markdown(contract: Contract, lang: PageView) -> str:
    """The whole contract as one Markdown page."""
    if lang not in PAGE_VIEWS:
        raise ValueError(f"lang must be one of {', '.join(PAGE_VIEWS)}, not {lang!r}")
    parts = [f"# {_label(contract.title, lang)}"]
    if not contract.meta.signed:
        parts.append(_draft_notice(lang, draft_notice(contract.meta.kind)))
    for section in contract.sections:
        parts.extend(_section(section, lang))
    return "\n\n".join(parts) + "\n"


def _label(text: Text, lang: PageView) -> str:
    """A heading's text: one language, or both joined by a slash."""
    if lang == "parallel":
        return f"{escape(text.zh)} / {escape(text.en)}"
    return escape(text.get(lang))


def _anchor(identifier: str) -> str:
    """` {#id}` for attr_list, only for ids that cannot carry anything else."""
    return f" {{#{identifier}}}" if ID.match(identifier) else ""


def _draft_notice(lang: PageView, notice: Text) -> str:
    langs: tuple[Lang, ...] = ("zh", "en") if lang == "parallel" else (lang,)
    title = " / ".join(DRAFT_TITLE.get(one) for one in langs)
    body = "\n\n".join(f"    {escape(notice.get(one))}" for one in langs)
    return f'!!! warning "{title}"\n\n{body}'


def _section(section: Section, lang: PageView) -> Iterator[str]:
    yield f"## {escape(section.number)} {_label(section.title, lang)}{_anchor(section.id)}"
    for clause in section.clauses:
        yield from _clause(clause, lang)


def _clause(clause: Clause, lang: PageView) -> Iterator[str]:
    title = f" {_label(clause.title, lang)}" if clause.title else ""
    yield f"### {escape(clause.number)}{title}{_anchor(clause.id)}"
    if clause.replaced:
        yield f"*{_label(OWN_CLAUSE, lang)}*"
    if lang != "parallel":
        yield from (_block(block, lang) for block in clause.blocks)
        return
    yield '<div class="sg-parallel" markdown="1">'
    for one in ("zh", "en"):
        yield f'<div class="sg-{one}" lang="{_HTML_LANG[one]}" markdown="1">'
        yield from (_block(block, one) for block in clause.blocks)
        yield "</div>"
    yield "</div>"


def _block(block: Block, lang: Lang) -> str:
    """Every kind of block has its case: mypy proves none is missing (`assert_never`)."""
    match block:
        case Paragraph():
            return _paragraph(block, lang)
        case ItemList():
            return _list(block, lang)
        case Table():
            return _table(block, lang)
        case Signatures():
            return _signatures(block, lang)
        case _:
            assert_never(block)


def _paragraph(block: Paragraph, lang: Lang) -> str:
    return escape(block.text.get(lang))


def _list(block: ItemList, lang: Lang) -> str:
    lines = []
    for number, item in enumerate(block.items, 1):
        marker = f"{number}." if block.ordered else "-"
        lines.append(f"{marker} {escape(item.get(lang))}")
    return "\n".join(lines)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell or " " for cell in cells) + " |"


def _table(block: Table, lang: Lang) -> str:
    lines = [
        _row([escape(head.get(lang)) for head in block.header]),
        _row(["---"] * len(block.header)),
    ]
    lines += [_row([escape(cell.get(lang)) for cell in row]) for row in block.rows]
    return "\n".join(lines)


def _signatures(block: Signatures, lang: Lang) -> str:
    """One column per signing party: label, name, signature, seal and date rows."""
    parties = block.parties
    lines = [
        _row([escape(p.label.get(lang)) for p in parties]),
        _row(["---"] * len(parties)),
    ]
    for field in ("name", "role", "seal", "dated"):
        lines.append(_row([escape(getattr(p, field).get(lang)) for p in parties]))
    return "\n".join(lines)
