"""A Contract as the data the Typst layout places: plain strings in JSON, never source.

The Typst main file is constant (`typst/main.typ`); it reads this JSON from `sys.inputs`
with Typst's JSON parser and places each string as text. No value from an agreement is
ever part of Typst source, so nothing needs escaping and nothing can be read as markup or
code. Every decision (which languages, their order, column widths) is made here.
"""

from __future__ import annotations

import json
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
from sitegen.compose.vocabulary import WATERMARK
from sitegen.render.layout import Edition, column_widths, edition_langs, langs_of
from sitegen.render.typography import curly_quotes

Data = dict[str, Any]
HEADING_GAP = "\u2003"  # an em space between number, Chinese and English titles


def contract_json(contract: Contract, view: Edition) -> str:
    """The sys.inputs value for one PDF."""
    return json.dumps(ContractData(view).contract(contract), ensure_ascii=False)


class ContractData:
    """Builds the view-model of one language view."""

    def __init__(self, view: Edition) -> None:
        self.langs = edition_langs(view)

    def contract(self, contract: Contract) -> Data:
        return {"meta": self.meta(contract), "body": self.body(contract)}

    def meta(self, contract: Contract) -> Data:
        meta = contract.meta
        return {
            "zh": "zh" in self.langs,
            "en": "en" in self.langs,
            "draft": None if meta.signed else WATERMARK,
            "title-zh": contract.title.zh,
            "title-en": contract.title.en,
            "agreement": meta.agreement_id,
            "version": str(meta.version),
            "pdf-title": self.joined(contract.title),
            "pdf-subject": self.joined(meta.parties),
            "pdf-author": [self.joined(meta.parties)],
            "pdf-keywords": [meta.agreement_id, *meta.keywords],
        }

    def joined(self, text: Text, sep: str = " / ") -> str:
        return sep.join(text.get(lang) for lang in langs_of(text, self.langs))

    def stacked(self, text: Text) -> list[str]:
        """The view's languages as lines, one under the other."""
        return [line for lang in langs_of(text, self.langs) for line in _lines(text.get(lang))]

    def body(self, contract: Contract) -> list[Data]:
        return [item for section in contract.sections for item in self.section(section)]

    def section(self, section: Section) -> list[Data]:
        title = section.number + HEADING_GAP + self.joined(section.title, HEADING_GAP)
        items: list[Data] = [{"kind": "heading", "level": 1, "text": _lines(title)}]
        for clause in section.clauses:
            items.extend(self.clause(clause))
        if any(item["kind"] == "signatures" for item in items):
            # The words before the signatures stay on the page with them.
            for item in items:
                item["sticky"] = item["kind"] == "lang"
        return items

    def clause(self, clause: Clause) -> list[Data]:
        items: list[Data] = []
        if clause.title is not None:
            title = clause.number + HEADING_GAP + self.joined(clause.title, HEADING_GAP)
            items.append({"kind": "heading", "level": 2, "text": _lines(title)})
        prose = [b for b in clause.blocks if isinstance(b, Paragraph | ItemList)]
        if len(prose) == len(clause.blocks):
            # A clause of prose reads as a whole in Chinese, then as a whole in English.
            return items + [self.lang_block(lang, prose) for lang in self.langs]
        for block in clause.blocks:
            items.extend(self.block(block))
        return items

    def block(self, block: Block) -> list[Data]:
        """Every kind of block has its case: mypy proves none is missing (`assert_never`)."""
        match block:
            case Paragraph() | ItemList():
                return [self.lang_block(lang, [block]) for lang in self.langs]
            case Table():
                return [self.table(block)]
            case Signatures():
                return [self.signatures(block)]
            case _:
                assert_never(block)

    def lang_block(self, lang: Lang, blocks: list[Paragraph | ItemList]) -> Data:
        return {"kind": "lang", "lang": lang, "blocks": [_prose(b, lang) for b in blocks]}

    def table(self, table: Table) -> Data:
        return {
            "kind": "table",
            "widths": column_widths(table, self.langs),
            "header": [self.stacked(cell) for cell in table.header],
            "rows": [[self.stacked(cell) for cell in row] for row in table.rows],
        }

    def signatures(self, signatures: Signatures) -> Data:
        return {"kind": "signatures", "parties": [self.party(p) for p in signatures.parties]}

    def party(self, party: SignatureParty) -> Data:
        fields = ("label", "name", "role", "seal", "date")
        data: Data = {name: self.stacked(getattr(party, name)) for name in fields}
        if party.signed is not None:  # a template without it renders as it always did
            data["signed"] = self.stacked(party.signed)
        return data


def _lines(text: str) -> list[str]:
    return curly_quotes(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _prose(block: Paragraph | ItemList, lang: Lang) -> Data:
    if isinstance(block, Paragraph):
        return {"kind": "para", "text": _lines(block.text.get(lang))}
    items = [_lines(item.get(lang)) for item in block.items]
    return {"kind": "enum" if block.ordered else "list", "items": items}
