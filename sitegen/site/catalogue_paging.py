"""The catalogue's rows a page at a time: the first page in its table, the others inert.

Why, measured at 911 agreements (`tests.bench.synth`, 1,000 generated, 3 versions each: a
2.8 MB page, 168 KB gzipped; Debian's Chromium, on two cores other builds kept busy, so
the figures are high). With every row in the table, at 1280 px, the page took 4.1–6.2 s
to load, of which 1.8–3.1 s was layout: a browser lays out every row of a table, again as
the rows arrive, again when the script moved them; a filter keystroke took 0.14–0.6 s to
paint, clearing it or a sort 0.8–2.3 s: one layout of all the rows cost 0.3–1.2 s,
whatever the script did. At 390 px (cards) it was 5.3–6.8 s, 0.6–1 s and 1.5–2.4 s.
With the first `PAGE_ROWS` rows in the table and the others in a `<template>` (parsed,
never styled or laid out) the page loads in 0.7–1.5 s, its first rows painted after
0.35–0.75 s, and a keystroke, a sort or a turn of the page is painted in 35–170 ms at
1280 px, of which the script takes 3–35 ms; at 390 px, where an off-screen card is not
laid out either (`content-visibility` in `sitegen.css`), in 35–65 ms. On a quiet machine
(`make bench`'s browser rows, best of 3 loads) a page of 50 rows drew a sort in 42–57 ms
and a keystroke in 42–59 ms, over the 50 ms the catalogue must keep; a page of 25 in
34–42 ms and 33–39 ms. So a page is 25 rows: about two screens at 1280 px.

The script (`site_overrides/assets/sitegen/catalogue.js`) filters and sorts every row,
those in the template too, and moves the rows of the page shown into the table; the page
number is in the address with the filters and the sort. The rows keep the markup the
build wrote, every value escaped by `h`: the script builds no cell and writes no HTML.
Without the script the table shows its first page and a line says where all the rows are
(the catalogue's JSON). Search loses nothing: the index never held this page (Pagefind
reads only `data-pagefind-body`, which the agreement pages carry: `search_index`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sitegen.compose.contract import Lang
from sitegen.render.page_markup import h
from sitegen.site.words import label

PAGE_ROWS = 25  # the rows laid out at once
PAGE_KEYS = ("first", "last", "page", "pages")  # what the script fills in "1–25 · page 1 of 37"


def other_pages(rows: Sequence[str], lang: Lang, json_link: str) -> Iterator[str]:
    """What follows a table of more rows than a page (the rows' HTML, in order; the first
    `PAGE_ROWS` of them are in the table): the line that says where all of them are, which
    the script hides; the buttons that turn the pages, hidden until it runs; the other rows
    in a template. Nothing for a table of one page."""
    if len(rows) <= PAGE_ROWS:
        return
    shown = label("first_rows", lang, shown=PAGE_ROWS, total=len(rows))
    yield (
        f'<p class="sg-more" data-sg-more>{h(shown)} '
        f'<a href="{h(json_link)}">{h(label("json_link", lang))}</a></p>'
    )
    yield f'<nav class="sg-pages" data-sg-pages hidden aria-label="{h(label("pages", lang))}">'
    yield _button("previous", lang)
    template = label("page_of", lang, **{key: f"{{{key}}}" for key in PAGE_KEYS})
    yield f'<output aria-live="polite" data-template="{h(template)}"></output>'
    yield _button("next", lang)
    yield "</nav>"
    yield "<template data-sg-rows>"
    yield from rows[PAGE_ROWS:]
    yield "</template>"


def _button(which: str, lang: Lang) -> str:
    says = h(label(f"page_{which}", lang))
    return f'<button type="button" data-sg-page="{which}">{says}</button>'
