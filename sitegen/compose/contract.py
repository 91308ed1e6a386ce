"""The Contract: what every writer (Markdown, PDF, Word) and the clause redline work from.

A contract is sections of clauses; each clause has a stable id and its text in both
languages, so the two languages stay aligned clause by clause and a redline compares the
same clause across versions. All text here is plain text: writers escape it for their
format; nothing in a Contract is markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, Lang] = ("zh", "en")


@dataclass(frozen=True, slots=True)
class Text:
    """Plain text in both languages."""

    zh: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: Text


@dataclass(frozen=True, slots=True)
class ItemList:
    items: tuple[Text, ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[Text, ...]
    rows: tuple[tuple[Text, ...], ...]


@dataclass(frozen=True, slots=True)
class SignatureParty:
    """One side of the signature block: party label, legal name, signing role; the lines
    to sign and seal on; the date line, blank for ink, or `signed` once the agreement holds
    its signing date (a template without `signed` keeps the blank line, as v1 did)."""

    label: Text  # 甲方（客户方） / Party A (Customer)
    name: Text
    role: Text
    seal: Text  # （盖章） / (Seal)
    date: Text  # 日期 / Date
    signed: Text | None = None  # 签署日期：2026年3月1日 / Signed on: 1 March 2026

    @property
    def dated(self) -> Text:
        """The date row: the signing date once signed, else the label of the blank line."""
        return self.date if self.signed is None else self.signed


@dataclass(frozen=True, slots=True)
class Signatures:
    parties: tuple[SignatureParty, ...]


Block = Paragraph | ItemList | Table | Signatures


@dataclass(frozen=True, slots=True)
class Clause:
    id: str  # stable across versions: "service-levels.response-times"
    number: str  # "5.2"
    title: Text | None
    blocks: tuple[Block, ...]
    replaced: bool = False  # the agreement's own text in place of the template's clause


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    number: str  # "5"
    title: Text
    clauses: tuple[Clause, ...]


@dataclass(frozen=True, slots=True)
class Meta:
    """What headers, footers and document metadata need."""

    agreement_id: str
    version: int
    status: str
    signed: bool  # False: every page carries the DRAFT / 草稿 watermark
    date: str  # ISO date for the document metadata: signing date, or a fixed date for drafts
    template: str  # name@version actually used
    prevailing_language: Lang | None  # None: both texts equal, or one text alone authentic
    parties: Text  # "甲方 与 乙方" / "A and B", for the PDF subject
    keywords: tuple[str, ...] = ()
    kind: str = "negotiated"  # or published: its draft notice speaks of acceptance, not signing


@dataclass(frozen=True, slots=True)
class Contract:
    title: Text
    meta: Meta
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def clauses(self) -> list[Clause]:
        return [clause for section in self.sections for clause in section.clauses]
