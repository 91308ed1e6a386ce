"""No sitemap without an address: mkdocs writes `sitemap.xml` (and its `.gz`) with every
location prefixed by `site_url`, and without one (an internal catalogue often has no fixed
address) each location starts with "None". Such a file is wrong, not just incomplete, so it
is removed; with `site_url` set in mkdocs.yml the sitemap is published as mkdocs made it."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from sitegen.errors import UserError

NAMES = ("sitemap.xml", "sitemap.xml.gz")
CLOSING = "\n</urlset>"  # how mkdocs-static-i18n's sitemap template ends


# Material's script fetches `sitemap.xml` beside the address of every `<link rel="alternate"
# hreflang>` of a page, taking it for a language's root; mkdocs-static-i18n makes those links
# the page itself in each language, so every page asked for two sitemaps that do not exist
# (404s in the server's log, and in a browser's console). The language selector in the header
# is built from the same settings and stays; only these head links go.
_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"<>]*" hreflang="[^"<>]*">\n?')


def without_alternate_links(html: str) -> str:
    """A page's HTML without the language alternates of its head (see `_ALTERNATE`)."""
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    return _ALTERNATE.sub("", html[:head_end]) + html[head_end:]


def drop_unaddressed(site_dir: Path, site_url: str | None) -> list[Path]:
    """Remove the sitemaps (at the top and in each language's folder) of a site built
    without `site_url`; returns what it removed."""
    if site_url:
        return []
    folders = [site_dir, *sorted(p for p in site_dir.iterdir() if p.is_dir())]  # languages
    removed = [folder / name for folder in folders for name in NAMES if (folder / name).is_file()]
    for path in removed:
        path.unlink()
    return removed


def merge(site_dir: Path, other: Path) -> None:
    """Add the pages of the sitemap in `other` (another language's build) to the one in
    `site_dir`, as one build of every language lists them: this build's pages first. The
    `.gz` copy is written again, with the modification time its header had."""
    mine, theirs = site_dir / NAMES[0], other / NAMES[0]
    if not mine.is_file() or not theirs.is_file():
        return
    text = mine.read_text(encoding="utf-8")
    end = text.rfind(CLOSING)
    if end < 0:  # a theme's own sitemap template: its languages cannot be merged safely
        raise UserError(
            "the site build failed: this sitemap does not end as mkdocs-static-i18n's does, "
            "so the other language's pages cannot be added to it (build with --one-process)",
            path=mine,
        )
    body = _urls(theirs.read_text(encoding="utf-8"), theirs)
    merged = text[:end] + body + text[end:]
    mine.write_text(merged, encoding="utf-8")
    packed = site_dir / NAMES[1]
    when = _gzip_mtime(packed) if packed.is_file() else 0
    with (
        packed.open("wb") as handle,
        gzip.GzipFile(fileobj=handle, filename=str(packed), mode="wb", mtime=when) as out,
    ):
        out.write(merged.encode("utf-8"))


def _urls(text: str, path: Path) -> str:
    """The `<url>` entries of a sitemap, as written (between `<urlset …>` and its end)."""
    start = text.find("<url>")
    end = text.rfind(CLOSING)
    if start < 0 or end < start:
        return ""
    return "\n    " + text[start:end].rstrip()


def _gzip_mtime(path: Path) -> int:
    with path.open("rb") as handle:
        return int.from_bytes(handle.read(8)[4:8], "little")
