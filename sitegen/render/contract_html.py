"""The contract text of an agreement page, shown in three views (中文 / English / 对照) by
the page's tabs.

The page carries its contract twice:
- in its own language, as HTML: what search indexes, and what shows without JavaScript;
- in both languages, as the text of an inert `<script type="text/html">`, which
  `contract.js` puts in place of the first when the page loads. There each heading holds
  both titles and each clause a Chinese and an English block; the checked tab hides one
  language (CSS in `sitegen.css`) or sets both side by side.

Why: Python-Markdown runs Python's HTMLParser over every tag of a page, and the contract is
nearly all of a page's tags. The text of a script element is one token to it (and the
search index, Pagefind, skips it), so the page costs them its own language only, where
three Markdown views (`to_markdown` zh, en and parallel) cost them each text twice: at
1,000 agreements those views were most of what mkdocs spent. The shown contract is marked
`data-pagefind-body`: the page's search text is its own language's.

Every text of the Contract goes through `h` (escaped, one line); the markup is this
module's own, so the script's text can never hold `</script` (an escaped value's `<` is
`&lt;`). Python-Markdown passes the block through untouched (a raw HTML block with no
blank line and no `markdown` attribute).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import assert_never

from sitegen.compose.contract import (
    LANGS,
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
from sitegen.render.markdown import ID, PageView
from sitegen.render.page_markup import h, html_table

HTML_LANG = {"zh": "zh-CN", "en": "en"}
PERMALINK = "Permanent link"  # the title Python-Markdown's toc gives its permalinks


def contract_views(contract: Contract, page: Lang, labels: dict[PageView, str]) -> str:
    """The tab set: three radio buttons and their labels (Material's tab styles and
    indicator, `data-tabs`), then the contract. The page's own language is first and
    checked; `labels` names each view in the page's language."""
    views: tuple[PageView, ...] = (
        ("zh", "en", "parallel") if page == "zh" else ("en", "zh", "parallel")
    )
    inputs = "".join(
        f'<input{" checked" if n == 0 else ""} class="sg-show-{view}" id="sg-view-{view}" '
        f'name="sg-view" type="radio">'
        for n, view in enumerate(views)
    )
    tabs = "".join(f'<label for="sg-view-{view}">{h(labels[view])}</label>' for view in views)
    return "\n".join(
        [
            f'<div class="tabbed-set tabbed-alternate sg-views" data-tabs="1:3">{inputs}',
            f'<div class="tabbed-labels">{tabs}</div>',
            '<div class="sg-contract" data-pagefind-body>',  # searched (the script is not)
            *contract_html(contract, (page,)),
            "</div>",
            '<script type="text/html" class="sg-contract-both">',
            *contract_html(contract, LANGS),
            "</script>",
            "</div>",
        ]
    )


def contract_html(contract: Contract, langs: tuple[Lang, ...]) -> Iterator[str]:
    """The contract's lines of HTML in `langs` (one language, or both in order)."""
    write = _Writer(langs)
    yield f"<h2>{write.both(contract.title)}</h2>"
    if not contract.meta.signed:
        yield write.draft_notice(draft_notice(contract.meta.kind))
    for section in contract.sections:
        yield from write.section(section)


class _Writer:
    def __init__(self, langs: tuple[Lang, ...]) -> None:
        self.langs = langs
        self.attrs = {lang: f' class="sg-{lang}" lang="{HTML_LANG[lang]}"' for lang in LANGS}

    def both(self, text: Text) -> str:
        """A title in each language: one shows, or both with a slash between them."""
        spans = [f"<span{self.attrs[lang]}>{h(text.get(lang))}</span>" for lang in self.langs]
        return '<span class="sg-sep"> / </span>'.join(spans)

    def heading(self, level: int, number: str, title: Text | None, identifier: str) -> str:
        shown = h(number) + (f" {self.both(title)}" if title else "")
        if not ID.match(identifier):
            return f"<h{level}>{shown}</h{level}>"
        anchor = h(identifier)
        # the mark is no word of the heading's: left out of the search index and its results
        link = (
            f'<a class="headerlink" href="#{anchor}" title="{PERMALINK}" '
            f"data-pagefind-ignore>&para;</a>"
        )
        return f'<h{level} id="{anchor}">{shown}{link}</h{level}>'

    def draft_notice(self, notice: Text) -> str:
        title = self.both(DRAFT_TITLE)
        body = "".join(f"<p{self.attrs[lang]}>{h(notice.get(lang))}</p>" for lang in self.langs)
        title = f'<p class="admonition-title">{title}</p>'
        return f'<div class="admonition warning">{title}{body}</div>'

    def section(self, section: Section) -> Iterator[str]:
        yield self.heading(3, section.number, section.title, section.id)
        for clause in section.clauses:
            yield self.heading(4, clause.number, clause.title, clause.id)
            if clause.replaced:
                yield f'<p class="sg-own">{self.both(OWN_CLAUSE)}</p>'
            yield self.clause(clause)

    def clause(self, clause: Clause) -> str:
        blocks = (
            f"<div{self.attrs[lang]}>{''.join(_block(b, lang) for b in clause.blocks)}</div>"
            for lang in self.langs
        )
        return f'<div class="sg-parallel">{"".join(blocks)}</div>'


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
    return f"<p>{h(block.text.get(lang))}</p>"


def _list(block: ItemList, lang: Lang) -> str:
    tag = "ol" if block.ordered else "ul"
    items = "".join(f"<li>{h(item.get(lang))}</li>" for item in block.items)
    return f"<{tag}>{items}</{tag}>"


def _table(block: Table, lang: Lang) -> str:
    return html_table(
        [h(cell.get(lang)) for cell in block.header],
        [[h(cell.get(lang)) for cell in row] for row in block.rows],
    )


def _signatures(block: Signatures, lang: Lang) -> str:
    """One column per signing party: label, name, signature, seal and date rows."""
    parties = block.parties
    return html_table(
        [h(party.label.get(lang)) for party in parties],
        [
            [h(getattr(party, field).get(lang)) for party in parties]
            for field in ("name", "role", "seal", "dated")
        ],
    )
