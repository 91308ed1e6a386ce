"""Writing values into the generated pages: every value is text, never markup.

Two contexts, two functions:

- `h`: a value inside our own raw HTML (the catalogue table, the summary card), including
  attribute values: one line, then `& < > " '` as entities. Python-Markdown passes raw HTML
  blocks through untouched, so an escaped value stays text.
- `md`: a value inside Markdown (tables, headings, link texts): `sitegen.render.markup.escape`.

Links are built from agreement ids (schema-checked) and our own file names; `url` still
percent-encodes them so no id can leave its attribute.
"""

from __future__ import annotations

import html
import json
import posixpath
from collections.abc import Iterable
from urllib.parse import quote

from sitegen.compose.contract import Lang
from sitegen.render.markup import escape, one_line

LANGS: tuple[Lang, Lang] = ("zh", "en")
DEFAULT_LANG: Lang = "zh"


def h(value: object) -> str:
    """Plain text as HTML text or attribute value (quoted with double quotes)."""
    return html.escape(one_line(str(value)), quote=True)


def md(value: object) -> str:
    """Plain text as Markdown that shows exactly that text."""
    return escape(str(value))


def url(path: str) -> str:
    """A relative URL path, percent-encoded (slashes kept)."""
    return quote(path, safe="/-._~")


def page_file(stem: str, lang: Lang) -> str:
    """The docs file of a page in one language (mkdocs-static-i18n's suffix structure):
    `agreements/SLA-2024-001.md` (Chinese, the default) or `….en.md`."""
    return f"{stem}.md" if lang == DEFAULT_LANG else f"{stem}.{lang}.md"


def link(source: str, target: str) -> str:
    """A Markdown link target from docs file `source` to docs file `target`; mkdocs checks
    and rewrites it into the URL of the built page."""
    return url(posixpath.relpath(target, posixpath.dirname(source) or "."))


def served_link(source: str, target: str) -> str:
    """A link from the page built from docs file `source` to the file `target`, for our raw
    HTML, which mkdocs passes through without rewriting (as it rewrites `link`'s Markdown
    links): a page is served at a folder address (`use_directory_urls`), the default
    language's at its stem (`agreements/SLA-2024-001/`), another's under its code
    (`en/agreements/SLA-2024-001/`); `index` at its folder's address. A file (a download)
    is served at its own path, in no language's folder."""
    stem, folder = source.removesuffix(".md"), ""
    for lang in LANGS:
        if lang != DEFAULT_LANG and stem.endswith(f".{lang}"):
            stem, folder = stem.removesuffix(f".{lang}"), f"{lang}/"
    if posixpath.basename(stem) != "index":
        folder += f"{stem}/"
    elif posixpath.dirname(stem):
        folder += f"{posixpath.dirname(stem)}/"
    return url(posixpath.relpath(target, folder or "."))


def md_link(text: str, source: str, target: str) -> str:
    return f"[{md(text)}]({link(source, target)})"


def md_table(head: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A Markdown table from cells that are already Markdown (escaped values, our links)."""
    head = list(head)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def html_table(
    head: Iterable[str], rows: Iterable[Iterable[str]], labels: Iterable[str] | None = None
) -> str:
    """An HTML table from cells that are already HTML (escaped values, our own tags).
    `labels`: each column's head as plain text, given to its cells as `data-label`, which a
    table that becomes cards on a phone shows before each value (`sitegen.css`)."""
    top = "".join(f"<th>{cell}</th>" for cell in head)
    opens = [f'<td data-label="{h(text)}">' for text in labels] if labels is not None else []
    body = "".join(
        "<tr>"
        + "".join(
            f"{opens[i] if i < len(opens) else '<td>'}{cell}</td>" for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{top}</tr></thead><tbody>{body}</tbody></table>"


def front_matter(title: str, hide: Iterable[str] = (), *, searched: bool = True) -> str:
    """YAML front matter with a title and the Material `hide` list.

    mkdocs hands a front-matter title to the theme as HTML (its templates do not escape
    it: `<title>`, the header, the navigation), so the title is HTML-escaped here, then
    JSON-quoted, which makes any text a valid YAML string. `searched=False` leaves the page
    out of Material's search index."""
    lines = ["---", f"title: {json.dumps(h(title), ensure_ascii=False)}"]
    hidden = list(hide)
    if hidden:
        lines.append("hide:")
        lines += [f"  - {name}" for name in hidden]
    if not searched:
        lines += ["search:", "  exclude: true"]
    return "\n".join([*lines, "---", ""])
