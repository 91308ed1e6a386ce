"""The site's search index: Pagefind run over the built site, once both languages are in it.

Why Pagefind, measured (docs/FINDINGS "Search at scale", 911 agreements, Chinese only):
Material's lunr index was one 32.6 MB file that every page load fetched and indexed in the
browser (17.6 s to the first results); Pagefind indexed the same 913 pages in 8.3 s into
chunks of which a query fetched 45–111 KB, answering in 0.13–0.36 s. Its extended binary
(`pagefind_bin_extended`, a wheel on the package index) segments Chinese; it stems English.

What is indexed is said by the pages themselves: Pagefind indexes only the elements marked
`data-pagefind-body` once any page has one (the agreement pages mark their card and their
contract text: `sitegen.site.agreement_page`), so the catalogue table, the deadlines, the
report and diff pages and the 404 pages are left out by having no such mark. Pagefind
splits its index by each page's `<html lang>`: each language searches its own pages.

The binary is run as a command, not through the package's asyncio `pagefind.index` API: in
pagefind 1.5.2 that API waits forever on a binary that dies (its reader task ends, the
request's future is never resolved), where the command ends with a status and its message.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import ToolFailed, UserError

BUNDLE = "pagefind"  # the folder Pagefind writes in the site: /pagefind/pagefind.js
ENTRY = "pagefind-entry.json"  # the bundle's list of languages, read first by pagefind.js
TIMEOUT = 600  # seconds; 1,000 agreements in two languages take about 20
# Pagefind's own search interfaces, written beside its engine: the site's search box is
# sitegen's (site_overrides/assets/sitegen/search.js), so they are removed (420 KB).
UI_KITS = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


@dataclass(frozen=True)
class SearchIndex:
    """What was indexed: the pages (one fragment each) in the bundle folder."""

    bundle: Path
    pages: int

    def describe(self) -> str:
        return f"search index of {self.pages} pages"


def pagefind_binary() -> Path:
    """The extended Pagefind binary of the installed `pagefind[extended]` (the one that
    segments Chinese): never the plain one, nor one found on PATH."""
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]

        found: Path = get_executable()
    except (ImportError, FileNotFoundError):
        raise UserError(
            "the search index needs Pagefind's extended binary: install the package "
            "'pagefind[extended]' (pyproject.toml names it)"
        ) from None
    return found


def index_site(site: Path, *, shown: Path | None = None) -> SearchIndex:
    """Index the built site in `site` into `site/pagefind/`, replacing an earlier index.
    Errors name `shown` (the folder the user chose; `site` may be its staging folder)."""
    binary = pagefind_binary()
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)  # an earlier build's (mkdocs serve)
    command = [str(binary), "--site", str(site), "--output-subdir", BUNDLE, "--silent"]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, errors="replace", timeout=TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        raise ToolFailed(
            tool="pagefind", message=f"did not index the site in {TIMEOUT} s", where=shown or site
        ) from None
    except OSError as error:
        raise ToolFailed(
            tool="pagefind", message=f"cannot run: {error.strerror}", where=binary
        ) from None
    if done.returncode != 0:
        said = _said(done.stderr + done.stdout)
        raise ToolFailed(
            tool="pagefind", message=f"could not index the site: {said}", where=shown or site
        )
    for name in UI_KITS:
        (bundle / name).unlink(missing_ok=True)
    _steady_entry(bundle / ENTRY)
    fragments = bundle / "fragment"
    pages = sum(1 for _ in fragments.iterdir()) if fragments.is_dir() else 0
    return SearchIndex(bundle, pages)


def _said(output: str) -> str:
    """Pagefind's message, each line once (1.5.2 prints its errors twice), on one line."""
    lines = dict.fromkeys(line.strip() for line in output.splitlines() if line.strip())
    text = " ".join(line.removeprefix("Error: ") for line in lines)
    return text or "Pagefind ended without a message"


def _steady_entry(entry: Path) -> None:
    """The bundle's entry file with its languages in a steady order. Pagefind 1.5.2 writes
    them in a random one (four runs over the same site gave zh, en, en, zh first): the
    same pages would make another file, and the side-by-side build another site than the
    one-process build. Every other file it writes is the same, run after run."""
    if not entry.is_file():
        return
    data = json.loads(entry.read_bytes())
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
