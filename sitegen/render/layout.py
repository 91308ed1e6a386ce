"""Layout decisions shared by the PDF and Word writers, made in Python, not in templates."""

from __future__ import annotations

import re
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


# A table's width in `display_width` units of 5 pt: an A4 text block (16.6 cm, 470 pt)
# holds 94 of them. A Latin letter of the 9 pt table text is about 4.7 pt wide in Noto
# Serif CJK, a Chinese one 9 pt (two units); a cell's 10 pt of padding and its rules take
# 3 units. (At 4.5 pt a unit, "Customer" touched its column's rule.)
TABLE_UNITS = 94
CELL_PADDING = 3
# A Chinese cell line this wide or narrower is a term (严重故障, 工作日): never broken inside.
CJK_TERM_UNITS = 12
_BREAKS = re.compile(r"[\s/]+")


def unbreakable_width(line: str) -> int:
    """The widest piece of a line that must not be split: a word of Latin script, a
    number with its unit, or a short Chinese term (the whole line up to `CJK_TERM_UNITS`);
    a longer Chinese line breaks between any two characters, so its widest piece is its
    widest Latin word or two units."""
    width = display_width(line)
    if width <= CJK_TERM_UNITS or not any(east_asian_width(c) in "WF" for c in line):
        pieces = [line] if width <= CJK_TERM_UNITS else _BREAKS.split(line)
        return max((display_width(piece) for piece in pieces if piece), default=0)
    latin = [piece for piece in re.split(r"[^\x00-\u02ff]+|\s+", line) if piece]
    return max([2, *(display_width(piece) for piece in latin)])


def column_widths(table: Table, langs: tuple[Lang, ...]) -> list[float]:
    """Relative column widths, as a browser sizes an automatic table: each column gets at
    least its widest unbreakable piece (so 严重故障 and "Response" are never split), at
    most its longest line; what the page has beyond the minimums goes to the columns in
    proportion to how much wider their lines are than their minimums. A table that fits
    keeps every line whole, and its spare width goes to the columns in proportion to
    their lines."""

    def cells(index: int) -> list[str]:
        column = [table.header[index], *(row[index] for row in table.rows if index < len(row))]
        return [
            line
            for text in column
            for lang in langs_of(text, langs)
            for line in text.get(lang).split("\n")
        ]

    count = len(table.header)
    lines = [cells(index) for index in range(count)]
    least = [max(unbreakable_width(line) for line in column) + CELL_PADDING for column in lines]
    most = [max(display_width(line) for line in column) + CELL_PADDING for column in lines]
    room = TABLE_UNITS
    if sum(most) <= room:
        widths = [float(w) for w in most]
    elif sum(least) >= room:
        widths = [float(w) for w in least]
    else:
        spare, stretch = room - sum(least), sum(most) - sum(least)
        widths = [lo + (hi - lo) * spare / stretch for lo, hi in zip(least, most, strict=True)]
    total = sum(widths)
    return [round(w / total, 4) for w in widths]
