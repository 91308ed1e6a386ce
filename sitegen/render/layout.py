"""Layout decisions shared by the PDF and Word writers, made in Python, not in templates."""

from __future__ import annotations

from typing import Literal
from unicodedata import east_asian_width

from sitegen.compose.contract import Lang, Table, Text

# The languages of one document (PDF, Word, `sitegen render`): one, or both clause by
# clause. (A web page's views are `sitegen.render.markdown.PageView`; a template's values
# are `sitegen.compose.view.ViewModel`.)
Edition = Literal["zh", "en", "bilingual"]
EDITIONS: tuple[Edition, ...] = ("bilingual", "zh", "en")


def edition_langs(edition: Edition) -> tuple[Lang, ...]:
    if edition not in EDITIONS:
        raise ValueError(f"unknown language view {edition!r}: use zh, en or bilingual")
    return ("zh", "en") if edition == "bilingual" else (edition,)


def langs_of(text: Text, langs: tuple[Lang, ...]) -> tuple[Lang, ...]:
    """The view's languages, once only when both say the same (codes, numbers)."""
    return langs[:1] if text.zh == text.en else langs


def display_width(text: str) -> int:
    """Width of the longest line, counting East Asian wide characters twice."""
    return max(
        sum(2 if east_asian_width(c) in "WF" else 1 for c in line) for line in text.split("\n")
    )


def column_widths(table: Table, langs: tuple[Lang, ...]) -> list[float]:
    """Relative column widths from the longest line in each column, so a table spans the
    page, short columns (numbers, codes) stay narrow and a header word is never split."""

    def longest(text: Text) -> float:
        return float(max(display_width(text.get(lang)) for lang in langs_of(text, langs)))

    weights = [min(2.0 + longest(h), 40.0) for h in table.header]
    for row in table.rows:
        for i, cell in enumerate(row[: len(weights)]):
            weights[i] = max(weights[i], min(longest(cell), 40.0))
    total = sum(weights)
    return [round(w / total, 4) for w in weights]
