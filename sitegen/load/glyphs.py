"""SG110: every character of every value is one the documents' fonts can draw.

The PDFs embed only Noto Serif CJK SC and Noto Sans CJK SC (`sitegen.load.fonts`), and the Word
files name the same fonts. A character outside them (an emoji, an ideograph of CJK
Extension B such as 𠀀, a script the fonts lack) validated and then failed `render`, and
`build` only after mkdocs had run. Asking the body font's character map while loading
makes it a finding at its place, so whatever validates renders. Controls and invisible
characters never get this far: the loader refuses them first (SG109). Costs nothing for
ASCII values; the character map is read once per process (`sitegen.load.fonts.find_fonts`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sitegen.findings import FieldPath, Finding, Severity
from sitegen.load.characters import label
from sitegen.load.document import Document
from sitegen.load.fonts import SANS, SERIF, find_fonts


def undrawable(document: Document) -> Iterator[Finding]:
    """A finding for each character of a value that the fonts have no glyph for. The
    document's distinct characters are asked once; only when one is missing are its
    values searched for it (asking value by value cost ~1.5 ms an agreement)."""
    values = [(f, v) for f, v in _strings(document.data, ()) if not v.isascii()]
    if not values:
        return  # the fonts draw all of printable ASCII
    fonts = find_fonts()
    if not fonts.missing({char for _, value in values for char in value}):
        return
    for field, value in values:
        for char in fonts.missing(value):
            yield document.finding(
                field,
                "SG110",
                Severity.ERROR,
                f"{label(char)} is not in the fonts the documents use ({SERIF}, {SANS}): "
                "the PDF could not draw it; remove it or write it another way",
                needle=char,
            )


def _strings(value: Any, field: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield field, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*field, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*field, index))
