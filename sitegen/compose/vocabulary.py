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

from babel import Locale

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


# The places whose public holidays an agreement's calendar (`calendar:`) follows, where the
# general rule (CLDR's country name, the subdivision's English name) reads wrong: the
# mainland is not all of 中国, and the nations of the United Kingdom have Chinese names.
_PLACES: dict[str, Text] = {
    "CN": Text("中国大陆", "mainland China"),
    "GB-ENG": Text("英格兰", "England"),
    "GB-SCT": Text("苏格兰", "Scotland"),
    "GB-WLS": Text("威尔士", "Wales"),
    "GB-NIR": Text("北爱尔兰", "Northern Ireland"),
}
# English country names read with "the": the United States, the Netherlands.
_WITH_THE = ("United ", "Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives")


def country_name(country: str) -> Text:
    """美国 / the United States: CLDR's names through Babel, with the article English needs."""
    zh = Locale("zh").territories.get(country, country)  # a code CLDR lacks stays a code
    en = Locale("en").territories.get(country, country)
    if en.startswith(_WITH_THE) or en.endswith((" Islands", " Republic")):
        en = "the " + en
    return Text(zh, en)


def calendar_place(country: str, subdivision: str | None, subdivision_en: str | None) -> Text:
    """中国大陆 / mainland China; 英格兰 / England; 美国（California） / California, the
    United States (`subdivision_en`: the subdivision's English name, when known)."""
    key = f"{country}-{subdivision}" if subdivision else country
    if key in _PLACES:
        return _PLACES[key]
    name = country_name(country)
    if subdivision is None:
        return name
    local = subdivision_en or subdivision
    return Text(f"{name.zh}（{local}）", f"{local}, {name.en}")


def public_holidays(country: str, subdivision: str | None, place: Text) -> tuple[Text, Text]:
    """The public holidays a calendar counts, plural and singular: 中国大陆法定节假日 /
    public holidays in mainland China; 美国联邦公众假日 / a federal public holiday in the
    United States (the US calendar without a state has the federal holidays only)."""
    if country == "CN":
        return Text("中国大陆法定节假日", "public holidays in mainland China"), Text(
            "中国大陆法定节假日", "public holiday in mainland China"
        )
    if country == "US" and subdivision is None:
        zh = f"{place.zh}联邦公众假日"
        return Text(zh, f"federal public holidays in {place.en}"), Text(
            zh, f"federal public holiday in {place.en}"
        )
    zh = f"{place.zh}的公众假日"
    return Text(zh, f"public holidays in {place.en}"), Text(zh, f"public holiday in {place.en}")
