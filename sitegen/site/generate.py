"""The generated docs folder, read as its pipeline:

load → choose what may be shown → read the git history once → per agreement: check its
signed archive, then take its pages from the page cache or prepare them (contract, diffs)
→ render the working version's documents (cached) → sync the folder.

Both caches are keyed by the SHA-256 of everything their output is made from (see
`documents`): a build with nothing changed composes no contract, runs no
diff and no git process per agreement, and copies every page from `.cache/pages/`, so no
build holds every page in memory at once.

Nothing here knows mkdocs: the folder holds plain Markdown (Chinese `page.md`, English
`page.en.md`), the files to download, `catalogue.json` and `renewals.ics`, so any engine
that reads Markdown can build it. The mkdocs plugin only calls `generate`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sitegen import output
from sitegen.catalogue import RENEWAL_WINDOW_DAYS, Row, catalogue_rows, renewals, to_ics, to_json
from sitegen.config import Settings
from sitegen.errors import UserError
from sitegen.history import Revision
from sitegen.model import Agreement
from sitegen.outputs import contract_of
from sitegen.site import versions
from sitegen.site.agreement_page import (
    AgreementView,
    agreement_page,
    download,
    scan_name,
    signed_pdf_name,
    working_name,
)
from sitegen.site.catalogue_page import (
    ICS_FILE,
    JSON_FILE,
    agreement_stem,
    catalogue_page,
    renewals_page,
)
from sitegen.site.diff_page import diff_page
from sitegen.site.documents import PageCache, PageKeys, Rendered, start_documents
from sitegen.site.markup import LANGS, page_file
from sitegen.site.progress import Progress
from sitegen.site.tree import Tree, sync
from sitegen.validate import validate

DEFAULT_OUT = Path("build/docs")
DEFAULT_CACHE = Path(".cache/documents")
DEFAULT_PAGE_CACHE = Path(".cache/pages")


@dataclass(frozen=True)
class Summary:
    """What one run did."""

    agreements: int
    pages: int
    written: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int
    rendered: int  # documents rendered in this run
    cached: int  # documents taken from the cache

    def describe(self) -> str:
        return (
            f"{self.agreements} agreements, {self.pages} pages: {len(self.written)} files "
            f"written, {len(self.deleted)} deleted, {self.unchanged} unchanged; documents "
            f"{self.rendered} rendered, {self.cached} from the cache"
        )


def generate(
    root: Path,
    settings: Settings,
    out_dir: Path,
    *,
    today: dt.date,
    include_restricted: bool = False,
    within_days: int = RENEWAL_WINDOW_DAYS,
    agreements: list[Agreement] | None = None,
    render_documents: bool = True,
    cache_dir: Path | None = None,
    page_cache_dir: Path | None = None,
    progress: Progress | None = None,
) -> Summary:
    """Write the whole catalogue into `out_dir`, touching only files whose content changed.

    `agreements`: already validated agreements (else every agreement under the project is
    loaded and validated here; errors stop generation). `render_documents=False` leaves out
    the working version's PDF and Word downloads (signed PDFs are always published).
    """
    report = progress or Progress()
    loaded = agreements if agreements is not None else load_agreements(root, settings)
    shown = sorted(
        (a for a in loaded if include_restricted or a.visibility != "restricted"),
        key=lambda agreement: agreement.id,
    )
    rows = catalogue_rows(shown, today, include_restricted=True, window_days=within_days)
    report.stage(f"preparing {len(shown)} agreements")
    pending = None
    if render_documents:  # rendered in worker processes while the pages are prepared
        cache = cache_dir or root / DEFAULT_CACHE
        pending = start_documents(shown, root, settings, cache, report)
    tree = Tree()
    try:
        _catalogue(tree, shown, rows, today, within_days)
        pages = PageCache(page_cache_dir or root / DEFAULT_PAGE_CACHE)
        _agreements(tree, pages, shown, rows, root, settings, render_documents)
        pages.prune()
        rendered = pending.wait() if pending else None
    finally:
        if pending:
            pending.close()
    if rendered is not None:
        _documents(tree, shown, rendered)
    report.stage(f"writing {out_dir}")
    synced = sync(tree, out_dir)
    return Summary(
        len(shown),
        sum(1 for path in tree.paths if path.endswith(".md")),
        synced.written,
        synced.deleted,
        synced.unchanged,
        rendered.rendered if rendered else 0,
        rendered.cached if rendered else 0,
    )


def _agreements(
    tree: Tree,
    pages: PageCache,
    shown: list[Agreement],
    rows: list[Row],
    root: Path,
    settings: Settings,
    with_documents: bool,
) -> None:
    """Each agreement's pages, from the page cache or prepared afresh, and its signed
    files (checked against the manifest on every run, cached or not)."""
    revisions = versions.history(root, settings)
    git = versions.in_git(root)
    keys = PageKeys(root, settings, with_documents, in_git=git)
    for agreement, row in zip(shown, rows, strict=True):
        history = revisions.get(agreement.id, [])
        signed = versions.signed_versions(root, settings, agreement.id)
        key = keys.key(agreement, row, history, signed)
        found = pages.get(key)
        if found is None:
            view = prepare(agreement, row, root, settings, history, with_documents, signed, git)
            found = pages.put(key, agreement_pages(view))
        for path, source in found.items():
            tree.copy(path, source)
        _signed_files(tree, agreement.id, signed)


def load_agreements(root: Path, settings: Settings) -> list[Agreement]:
    """Every agreement of the project, validated; errors stop generation, with their places."""
    report, loaded = validate([root / settings.agreements_dir], settings, root)
    if report.errors:
        errors = [f for f in report.sorted() if f.severity.name == "ERROR"]
        shown = "\n".join(output.as_text(f) for f in errors[:20])
        more = f"\n… and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise UserError(f"the agreements have errors ({output.summary(report)}):\n{shown}{more}")
    return [item.agreement for item in loaded if item.agreement is not None]


def prepare(
    agreement: Agreement,
    row: Row,
    root: Path,
    settings: Settings,
    revisions: list[Revision],
    with_documents: bool,
    signed: list[versions.SignedVersion] | None = None,
    git: bool | None = None,
) -> AgreementView:
    """One agreement's page data: its contract, signed versions, comparisons, history."""
    if signed is None:
        signed = versions.signed_versions(root, settings, agreement.id)
    contract = contract_of(agreement, root, settings)
    found = versions.comparisons(
        root, settings, agreement.id, signed, revisions=revisions, git=git, working=contract
    )
    return AgreementView(
        agreement,
        row,
        contract,
        signed,
        found,
        revisions,
        with_documents,
    )


def _catalogue(
    tree: Tree, shown: list[Agreement], rows: list[Row], today: dt.date, within_days: int
) -> None:
    due = renewals(shown, today, within_days, include_restricted=True)
    for lang in LANGS:
        tree.add(page_file("index", lang), catalogue_page(rows, lang))
        tree.add(page_file("renewals", lang), renewals_page(due, today, within_days, lang))
    tree.add(JSON_FILE, to_json(shown, today, include_restricted=True))
    tree.add(ICS_FILE, to_ics(shown, today, include_restricted=True))


def agreement_pages(view: AgreementView) -> dict[str, str]:
    """The pages of one agreement in both languages: its own, and one per comparison."""
    pages = {}
    for lang in LANGS:
        pages[page_file(agreement_stem(view.id), lang)] = agreement_page(view, lang)
        for comparison in view.comparisons:
            pages[page_file(comparison.stem, lang)] = diff_page(comparison, lang)
    return pages


def _signed_files(tree: Tree, agreement_id: str, signed: list[versions.SignedVersion]) -> None:
    for version in signed:
        if version.pdf is not None:
            name = signed_pdf_name(agreement_id, version.version)
            tree.copy(download(agreement_id, name), version.pdf.path)
        if version.scan is not None:
            tree.copy(download(agreement_id, scan_name(agreement_id, version)), version.scan.path)


def _documents(tree: Tree, shown: list[Agreement], rendered: Rendered) -> None:
    for agreement in shown:
        for kind in ("pdf", "docx"):
            path = rendered.paths[(agreement.id, kind)]
            tree.copy(download(agreement.id, working_name(agreement.id, kind)), path)
