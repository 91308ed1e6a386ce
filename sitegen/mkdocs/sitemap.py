"""No sitemap without an address: mkdocs writes `sitemap.xml` (and its `.gz`) with every
location prefixed by `site_url`, and without one (an internal catalogue often has no fixed
address) each location starts with "None". Such a file is wrong, not just incomplete, so it
is removed; with `site_url` set in mkdocs.yml the sitemap is published as mkdocs made it."""

from __future__ import annotations

from pathlib import Path

NAMES = ("sitemap.xml", "sitemap.xml.gz")


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
