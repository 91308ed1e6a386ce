"""The bilingual vocabulary: the words sitegen itself says, in one place, in both languages.

Before this module they were spelt in seven places: the catalogue's statuses and states,
the diff report's statuses, the draft notice of Markdown and the site's HTML, Word's own
draft notice, the 草稿 DRAFT watermark in Word's page parts and again in the Typst layout,
and the kinds of deadline of `sitegen renewals`. The two draft notices said different
things: Word's "草稿，未签署 / DRAFT, not signed" left out what matters to a reader, that an
unsigned text does not bind the parties; every writer now says the site's full sentence
under the title 草稿 / Draft. A status, the notice and the watermark now read the same on
the site, in a PDF, in a Word file, in a diff and in the calendar.

`Words` is the one lookup of a word by key (the site's labels, the diff report's words and
the contract's period names each are a `Words` table): an unknown key raises KeyError, so a
typo fails the build instead of showing a blank label.

It sits in compose because every layer that writes words (render, diff, catalogue, site,
commands) imports from compose or above it, and the words are `Text`, the Contract's own
bilingual text. The contract's sentences are not here: they are the templates'.
"""

from __future__ import annotations

from collections.abc import Mapping

from sitegen.compose.contract import Lang, Text


class Words:
    """A table of words by key in both languages; calling it gives one language."""

    def __init__(self, table: Mapping[str, Text]) -> None:
        self.table: dict[str, Text] = dict(table)

    def __call__(self, key: str, lang: Lang, **values: object) -> str:
        """The word `key` in `lang`, with `{name}` placeholders filled from `values`."""
        text = self.table[key].get(lang)
        return text.format(**values) if values else text

    def __getitem__(self, key: str) -> Text:
        return self.table[key]

    def __contains__(self, key: object) -> bool:
        return key in self.table


# What an agreement file says it is (`status:`), as the catalogue and the history name it.
STATUS_NAMES = Words(
    {
        "draft": Text("草稿", "Draft"),
        "in_review": Text("审核中", "In review"),
        "signed": Text("已签署", "Signed"),
        "terminated": Text("已终止", "Terminated"),
    }
)

# Where an agreement stands on a day (sitegen.catalogue.standing): the statuses that are
# not in force keep their names.
STATE_NAMES = Words(
    {
        "draft": STATUS_NAMES["draft"],
        "in_review": STATUS_NAMES["in_review"],
        "upcoming": Text("尚未生效", "Not yet in effect"),
        "active": Text("生效中", "Active"),
        "in_renewal_window": Text("临近续签", "Renewal due"),
        "expired": Text("已到期", "Expired"),
        "terminated": STATUS_NAMES["terminated"],
    }
)

# The kinds of deadline, on the renewals page and in the calendar.
DEADLINE_NAMES = Words(
    {
        "objection_deadline": Text("续签异议截止", "Objection deadline"),
        "expiry": Text("协议到期", "Expiry"),
        "review": Text("定期评审", "Review due"),
    }
)
# The same kinds in the column of `sitegen renewals` (English, lower case, ≤ 18 wide).
DEADLINE_WORDS: dict[str, str] = {
    "objection_deadline": "objection deadline",
    "expiry": "expiry",
    "review": "review",
}

VISIBILITY_NAMES = Words(
    {
        "internal": Text("内部", "Internal"),
        "restricted": Text("受限", "Restricted"),
    }
)
NONE = Text("—", "—")  # where a catalogue field has no value
# After the first availability tier's target in the catalogue: 99.99% +1 tier.
MORE_TIERS = Words(
    {
        "one": Text("（另 {n} 个范围）", " +{n} tier"),
        "many": Text("（另 {n} 个范围）", " +{n} tiers"),
    }
)

# Everything unsigned carries the notice (Markdown, site HTML, Word) and the watermark
# (every page of the PDF and of the Word file).
DRAFT_TITLE = Text("草稿", "Draft")
DRAFT_NOTICE = Text(
    "本文本为草稿，尚未经双方签署，不具有约束力。",
    "This text is a draft: the parties have not signed it and it does not bind them.",
)
WATERMARK = f"{DRAFT_TITLE.zh} {DRAFT_TITLE.en.upper()}"  # 草稿 DRAFT

# Periods, frequencies and fee bases as the contract text names them.
TERM_WORDS = Words(
    {
        "hour": Text("小时", "hour"),
        "month": Text("自然月", "calendar month"),
        "quarter": Text("自然季度", "calendar quarter"),
        "year": Text("自然年", "calendar year"),
        "weekly": Text("每周", "weekly"),
        "monthly": Text("每月", "monthly"),
        "quarterly": Text("每季度", "quarterly"),
        "half_yearly": Text("每半年", "every six months"),
        "yearly": Text("每年", "yearly"),
        "per_month": Text("每月", "per month"),
        "per_quarter": Text("每季度", "per quarter"),
        "per_year": Text("每年", "per year"),
    }
)
