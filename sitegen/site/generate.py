"""The generated docs folder, read as its pipeline:

load → choose what may be shown → prepare each agreement (contract, signed archive, diffs,
history) → render the working version's documents (cached) → write pages → sync the folder.

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
from sitegen.site.documents import Rendered, documents
from sitegen.site.markup import LANGS, page_file
from sitegen.site.progress import Progress
from sitegen.site.tree import Tree, sync
from sitegen.validate import validate

DEFAULT_OUT = Path("build/docs")
DEFAULT_CACHE = Path(".cache/documents")


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
    revisions = versions.history(root, settings)
    views = [
        prepare(a, row, root, settings, revisions.get(a.id, []), render_documents)
        for a, row in zip(shown, rows, strict=True)
    ]
    rendered = None
    if render_documents:
        cache = cache_dir or root / DEFAULT_CACHE
        rendered = documents(shown, root, settings, cache, report)
    tree = Tree()
    _catalogue(tree, shown, rows, today, within_days)
    for view in views:
        _agreement(tree, view, rendered)
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
) -> AgreementView:
    """One agreement's page data: its contract, signed versions, comparisons, history."""
    signed = versions.signed_versions(root, settings, agreement.id)
    return AgreementView(
        agreement,
        row,
        contract_of(agreement, root, settings),
        signed,
        versions.comparisons(root, settings, agreement.id, signed),
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


def _agreement(tree: Tree, view: AgreementView, rendered: Rendered | None) -> None:
    for lang in LANGS:
        tree.add(page_file(agreement_stem(view.id), lang), agreement_page(view, lang))
        for comparison in view.comparisons:
            tree.add(page_file(comparison.stem, lang), diff_page(comparison, lang))
    for version in view.signed:
        if version.pdf is not None:
            name = signed_pdf_name(view.id, version.version)
            tree.copy(download(view.id, name), version.pdf.path)
        if version.scan is not None:
            tree.copy(download(view.id, scan_name(view.id, version)), version.scan.path)
    if rendered is not None:
        for kind in ("pdf", "docx"):
            path = rendered.paths[(view.id, kind)]
            tree.copy(download(view.id, working_name(view.id, kind)), path)
