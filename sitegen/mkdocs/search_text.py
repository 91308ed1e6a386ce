"""Words in neighbouring table cells stay apart in the search index.

Material for MkDocs 9.8.2's search plugin reads a page's text with its own HTML parser,
which drops every tag but a few (p, li, code, …) and keeps the whitespace between tags. A
table or a definition list written without whitespace between its cells
(`<th>Party B (Provider)</th></tr>…<td>Hangzhou Yunheng …</td>`, as sitegen's contract
and catalogue are) reached the index as one word, "(Provider)Hangzhou" or
"Ltd.Hangzhou": an English search for "Hangzhou" found none of the 4 entries holding it.
A browser shows the cells apart; Chinese text was spared only because jieba splits it.

`install()` gives Material the same parser with one rule more: the end of a block
element, and a line break, is a space, as it is on screen. Whitespace is collapsed by the
parser itself, so nothing else changes. With another version of Material it changes
nothing (tests/test_i18n_search.py fails then, to be looked at again).
"""

from __future__ import annotations

from typing import Any

MATERIAL = "9.8.2"

# Elements a browser lays out as blocks or cells, and that Material's parser drops.
TABLES = ("caption", "table", "thead", "tbody", "tfoot", "tr", "th", "td")
LISTS = ("dl", "dt", "dd", "ol", "ul", "li", "option")
SECTIONS = ("address", "article", "aside", "blockquote", "details", "div", "figcaption")
SECTIONS_TOO = ("figure", "footer", "form", "header", "main", "nav", "p", "pre", "section")
BLOCKS = frozenset({*TABLES, *LISTS, *SECTIONS, *SECTIONS_TOO, "summary"})
BREAKS = frozenset({"br", "hr"})  # void elements: they have no end tag


def spaced(parser: type[Any]) -> type[Any]:
    """Material's parser class, with a space for the end of each block and each break."""

    class SpacedParser(parser):  # type: ignore[misc]
        material = parser  # the class it extends, which `install` does not extend twice

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            super().handle_starttag(tag, attrs)
            if tag in BREAKS:
                self.handle_data(" ")

        def handle_endtag(self, tag: str) -> None:
            super().handle_endtag(tag)
            if tag in BLOCKS and self.section is not None:
                self.handle_data(" ")

    return SpacedParser


def install() -> None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        from material.plugins.search import plugin  # type: ignore[import-untyped]

        found = version("mkdocs-material")
    except (ImportError, PackageNotFoundError):  # pragma: no cover - a dependency
        return
    if found != MATERIAL or hasattr(plugin.Parser, "material"):
        return
    plugin.Parser = spaced(plugin.Parser)
