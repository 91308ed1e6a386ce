"""A Contract as pandoc's JSON AST for the Word writer, built directly: no value is ever
read as markup.

pandoc's Markdown readers pass raw markup through (raw attributes, `{=openxml}` blocks), so
the Word writer never hands pandoc Markdown. Every text from the Contract becomes
`Str`/`Space`/`LineBreak` nodes here and pandoc's docx writer escapes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, assert_never

from sitegen.compose.contract import (
    Block,
    Clause,
    Contract,
    ItemList,
    Lang,
    Paragraph,
    Section,
    SignatureParty,
    Signatures,
    Table,
    Text,
)
from sitegen.render.layout import Edition, column_widths, edition_langs, langs_of
from sitegen.render.typography import curly_quotes

Json = dict[str, Any]
API_VERSION = [1, 23, 1]

_SPACES = re.compile(r"[ \t]+")
_LABEL = re.compile(r"[A-Za-z][A-Za-z0-9._-]{0,80}")
_NO_ATTR: list[Any] = ["", [], []]
_LANG_TAG = {"zh": "zh-CN", "en": "en"}


class AstBuilder:
    """Builds blocks for one language view."""

    def __init__(self, view: Edition) -> None:
        self.langs = edition_langs(view)

    # -- inlines --------------------------------------------------------------------

    def inlines(self, text: str) -> list[Json]:
        """Plain text as pandoc inlines: words, spaces, and line breaks for newlines."""
        out: list[Json] = []
        text = curly_quotes(text)
        for n, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
            if n:
                out.append({"t": "LineBreak"})
            for m, word in enumerate(_SPACES.split(line)):
                if m:
                    out.append({"t": "Space"})
                if word:
                    out.append({"t": "Str", "c": word})
        return out

    def text(self, text: Text, *, sep: str = " / ") -> list[Json]:
        """Both languages of the view on one line, joined by `sep`."""
        out: list[Json] = []
        for n, lang in enumerate(langs_of(text, self.langs)):
            if n:
                out.extend(self.inlines(sep))
            out.extend(self.inlines(text.get(lang)))
        return out

    def stacked(self, text: Text) -> list[Json]:
        """The view's languages one under the other (table cells, signature lines)."""
        out: list[Json] = []
        for n, lang in enumerate(langs_of(text, self.langs)):
            if n:
                out.append({"t": "LineBreak"})
            out.extend(self.inlines(text.get(lang)))
        return out

    # -- blocks ---------------------------------------------------------------------

    def contract(self, contract: Contract) -> list[Json]:
        return [block for section in contract.sections for block in self.section(section)]

    def section(self, section: Section) -> list[Json]:
        title = self.inlines(f"{section.number}\u2003") + self.text(section.title, sep="\u2003")
        blocks: list[Json] = [{"t": "Header", "c": [1, self._anchor(section.id), title]}]
        for clause in section.clauses:
            blocks.extend(self.clause(clause))
        return blocks

    def clause(self, clause: Clause) -> list[Json]:
        blocks: list[Json] = []
        if clause.title is not None:
            title = self.inlines(f"{clause.number}\u2003") + self.text(clause.title, sep="\u2003")
            blocks.append({"t": "Header", "c": [2, self._anchor(clause.id), title]})
        prose = [b for b in clause.blocks if isinstance(b, Paragraph | ItemList)]
        if len(prose) == len(clause.blocks):
            # Each language of the clause as a whole: the Chinese text, then the English.
            for lang in self.langs:
                blocks.append(self._lang_div(lang, [self._prose(b, lang) for b in prose]))
            return blocks
        for block in clause.blocks:
            blocks.extend(self.block(block))
        return blocks

    def block(self, block: Block) -> list[Json]:
        """Every kind of block has its case: mypy proves none is missing (`assert_never`)."""
        match block:
            case Paragraph() | ItemList():
                return [self._lang_div(lang, [self._prose(block, lang)]) for lang in self.langs]
            case Table():
                return [self.table(block)]
            case Signatures():
                return [self.signatures(block)]
            case _:
                assert_never(block)

    def _prose(self, block: Paragraph | ItemList, lang: Lang) -> Json:
        if isinstance(block, Paragraph):
            return {"t": "Para", "c": self.inlines(block.text.get(lang))}
        items = [[{"t": "Plain", "c": self.inlines(item.get(lang))}] for item in block.items]
        if block.ordered:
            return {"t": "OrderedList", "c": [[1, {"t": "Decimal"}, {"t": "Period"}], items]}
        return {"t": "BulletList", "c": items}

    def _lang_div(self, lang: Lang, blocks: list[Json]) -> Json:
        """Blocks in one language. The inner Div keeps a list off the line where pandoc's
        Typst writer puts `#set text(lang: …);` (a list marker there would be plain text)."""
        inner = {"t": "Div", "c": [_NO_ATTR, blocks]}
        return {"t": "Div", "c": [["", [f"lang-{lang}"], [["lang", _LANG_TAG[lang]]]], [inner]]}

    def _anchor(self, ident: str) -> list[Any]:
        """Clause ids as anchors, only when they are plain identifiers."""
        return [ident if _LABEL.fullmatch(ident) else "", [], []]

    def table(self, table: Table) -> Json:
        specs = [
            [{"t": "AlignDefault"}, {"t": "ColWidth", "c": w}]
            for w in column_widths(table, self.langs)
        ]
        head = [_NO_ATTR, [self._row(table.header, strong=True)]]
        body = [[_NO_ATTR, 0, [], [self._row(row) for row in table.rows]]]
        return {"t": "Table", "c": [_NO_ATTR, [None, []], specs, head, body, [_NO_ATTR, []]]}

    def _row(self, cells: Sequence[Text], *, strong: bool = False) -> list[Any]:
        row = []
        for cell in cells:
            inlines = self.stacked(cell)
            if strong:
                inlines = [{"t": "Strong", "c": inlines}]
            row.append(self._cell([{"t": "Plain", "c": inlines}]))
        return [_NO_ATTR, row]

    def _cell(self, blocks: list[Json]) -> list[Any]:
        return [_NO_ATTR, {"t": "AlignDefault"}, 1, 1, blocks]

    def signatures(self, signatures: Signatures) -> Json:
        """One column per party."""
        columns = [self._cell(self._party(party)) for party in signatures.parties]
        width = max(len(columns), 1)
        specs = [
            [{"t": "AlignDefault"}, {"t": "ColWidth", "c": 0.92 / width}] for _ in range(width)
        ]
        body = [[_NO_ATTR, 0, [], [[_NO_ATTR, columns]]]]
        table = {
            "t": "Table",
            "c": [_NO_ATTR, [None, []], specs, [_NO_ATTR, []], body, [_NO_ATTR, []]],
        }
        return {"t": "Div", "c": [["", ["signatures"], []], [table]]}

    def _party(self, party: SignatureParty) -> list[Json]:
        """Label, name, then lines to sign, seal and date on (the date filled in once
        signed)."""
        line = [{"t": "Str", "c": "_" * 24}]
        date = (
            [*self.stacked(party.date), {"t": "Space"}, *line]
            if party.signed is None
            else self.stacked(party.signed)
        )
        return [
            {"t": "Para", "c": [{"t": "Strong", "c": self.stacked(party.label)}]},
            {"t": "Para", "c": self.stacked(party.name)},
            {"t": "Para", "c": self.stacked(party.role)},
            {"t": "Para", "c": line},
            {"t": "Para", "c": self.stacked(party.seal)},
            {"t": "Para", "c": date},
        ]


def meta_inlines(inlines: list[Json]) -> Json:
    return {"t": "MetaInlines", "c": inlines}


def meta_list(values: Iterable[Json]) -> Json:
    return {"t": "MetaList", "c": list(values)}


def document(meta: dict[str, Json], blocks: list[Json]) -> Json:
    return {"pandoc-api-version": API_VERSION, "meta": meta, "blocks": blocks}
