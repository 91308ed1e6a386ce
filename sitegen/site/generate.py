"""The generated docs folder, read as its pipeline:

load → choose what may be shown → check each one's signed archive, which says which
version is in force (`sitegen.versions.in_force`) → read each one's service reports and
reviews (`sitegen.catalogue.read_kept`: a record that does not read stops here) → read the
git history once → per agreement: take its pages from the page cache or queue them →
workers on every core prepare the queued pages (contract, diffs), then render the working
versions' documents missing from their cache → sync the folder (with `late_documents`, before the
documents are done: they are put in place when the site build ends). The PDFs of accepted
service reports are rendered (or taken from the store) before the folder is synced.

Both caches are keyed by the SHA-256 of everything their output is made from (see
`documents`): a build with nothing changed composes no contract, runs no
diff and no git process per agreement, and copies every page from `.cache/pages/`, so no
build holds every page in memory at once.

Nothing here knows mkdocs: the folder holds plain Markdown (Chinese `page.md`, English
`page.en.md`), the files to download, `catalogue.json` and `renewals.ics`, so any engine
that reads Markdown can build it. The mkdocs plugin only calls `generate` (and, for
`sitegen build`, finishes the late documents).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

from sitegen.caches.store import Store
from sitegen.catalogue import (
    RENEWAL_WINDOW_DAYS,
    Kept,
    Row,
    catalogue_rows,
    read_kept,
    renewals,
    to_ics,
    to_json,
)
from sitegen.catalogue.copies import SignedCopies
from sitegen.catalogue.service import Service, service_of
from sitegen.files import write_atomic
from sitegen.lint.project import checked_project
from sitegen.load.checked import Checked, FileDigest
from sitegen.load.config import Settings
from sitegen.load.model import Agreement
from sitegen.load.visibility import shown as may_show
from sitegen.render.outputs import contract_of
from sitegen.render.page_markup import LANGS, page_file
from sitegen.reports.held import HeldReport
from sitegen.site import versions
from sitegen.site.agreement_page import AgreementView, agreement_page
from sitegen.site.catalogue_page import (
    ICS_FILE,
    JSON_FILE,
    agreement_stem,
    catalogue_page,
    renewals_page,
)
from sitegen.site.diff_page import diff_page
from sitegen.site.documents import (
    DocumentPlan,
    Kind,
    PageKeys,
    Pending,
    document_workers,
    plan_documents,
    workers_for,
)
from sitegen.site.downloads import (
    download,
    scan_name,
    signed_copies,
    signed_pdf_name,
    working_name,
)
from sitegen.site.progress import Progress
from sitegen.site.report_page import report_page
from sitegen.site.report_pdfs import report_pdfs
from sitegen.site.report_views import report_views
from sitegen.site.tree import Tree, record_copies, sync
from sitegen.versions.history import Revision
from sitegen.versions.in_force import Versions

DEFAULT_OUT = Path("build/docs")


@dataclass(frozen=True)
class Summary:
    """What one run did."""

    agreements: int
    pages: int
    written: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int
    rendered: int  # documents rendered in this run (or rendering: see `late`)
    cached: int  # documents taken from the cache
    late: LateDocuments | None = None  # documents still rendering (`late_documents`)

    def describe(self) -> str:
        doing = "rendering" if self.late else "rendered"
        return (
            f"{self.agreements} agreements, {self.pages} pages: {len(self.written)} files "
            f"written, {len(self.deleted)} deleted, {self.unchanged} unchanged; documents "
            f"{self.rendered} {doing}, {self.cached} from the cache"
        )


def generate(
    root: Path,
    settings: Settings,
    out_dir: Path,
    *,
    today: dt.date,
    include_restricted: bool = False,
    within_days: int = RENEWAL_WINDOW_DAYS,
    checked: list[Checked] | None = None,
    render_documents: bool = True,
    store: Store | None = None,
    progress: Progress | None = None,
    late_documents: bool = False,
) -> Summary:
    """Write the whole catalogue into `out_dir`, touching only files whose content changed.

    `checked`: the checked project (else it is checked here: `checked_project`, whose
    `InvalidProject` stops generation). `render_documents=False` leaves out
    the working version's PDF and Word downloads (signed PDFs are always published).

    Pages missing from the page cache, then documents missing from the document cache, are
    made by worker processes on every core. With `late_documents`, this returns once the
    pages are written: each document still rendering is missing from the folder until
    `Summary.late.finish` puts it in place, so a site build runs while the documents render
    (in the background: the build keeps its core).
    """
    report = progress or Progress()
    loaded = checked if checked is not None else checked_project(root, settings)
    records, archive = _shown(loaded, root, settings, include_restricted)
    shown = [archive[record.id].versions for record in records]
    kept = {
        record.id: read_kept(record.path.parent, archive[record.id].versions.current, settings)
        for record in records
    }
    held = {key: list(value.reports) for key, value in kept.items()}
    rows = catalogue_rows(
        shown,
        today,
        include_restricted=True,
        window_days=within_days,
        reviews_held={key: value.reviews_held for key, value in kept.items()},
    )
    report.stage(f"preparing {len(shown)} agreements")
    tree = Tree()
    kinds = {record.id: record.agreement.kind for record in records}
    services = {
        key: service_of(reports, today, accepted=kinds[key] != "published")
        for key, reports in held.items()
    }
    copies = {
        record.id: found
        for record in records
        if (found := signed_copies(archive[record.id].versions, archive[record.id].signed))
    }
    _catalogue(tree, shown, rows, today, within_days, Published(services, kept, copies))
    store = store or Store.of(root)
    keys, missing = _cached_pages(tree, store, records, archive, rows, root, settings,
                                  render_documents, held)  # fmt: skip
    plan = None
    if render_documents:
        rendered = {record.id: archive[record.id].versions for record in records}
        plan = plan_documents(records, root, settings, store, rendered)
    _prepare_missing(tree, store, missing, report)
    store.prune("pages", keys)
    if render_documents:
        for path, source in report_pdfs(records, held, root, settings, store, report).items():
            tree.copy(path, source)
    pending, late = None, None
    try:
        if plan:
            pending = plan.start(report, document_workers(len(plan.missing)))
            if late_documents and plan.missing:
                late = LateDocuments(pending, out_dir, _placeholders(plan))
            else:
                pending.wait()
            _documents(tree, plan.paths, late)
        report.stage(f"writing {out_dir}")
        synced = sync(tree, out_dir)
    except BaseException:
        if pending:
            pending.close()
        raise
    return Summary(
        len(shown),
        sum(1 for path in tree.paths if path.endswith(".md")),
        synced.written,
        synced.deleted,
        synced.unchanged,
        len(plan.missing) if plan else 0,
        len(plan.jobs) - len(plan.missing) if plan else 0,
        late,
    )


@dataclass(frozen=True)
class Archived:
    """An agreement's signed versions (files checked against the manifest) and, from them,
    its version in force beside its working version."""

    signed: list[versions.SignedVersion]
    versions: Versions


def _shown(
    loaded: list[Checked], root: Path, settings: Settings, include_restricted: bool
) -> tuple[list[Checked], dict[str, Archived]]:
    """The records the site may show, sorted by id, and each one's archive: a version in
    force that is restricted keeps the agreement off a site without restricted ones."""
    records = sorted(
        (record for record in loaded if may_show(record.agreement, include_restricted)),
        key=lambda record: record.id,
    )
    archive = {}
    for record in records:
        signed = versions.signed_versions(record.path.parent)
        archive[record.id] = Archived(signed, versions.held(record, signed, settings))
    kept = [record for record in records if archive[record.id].versions.shown(include_restricted)]
    return kept, archive


class LateDocuments:
    """Documents still rendering when generation returned. The docs folder holds none of
    them until `finish` waits for them and puts each in the docs folder and the built site
    (the site build gives each an empty stand-in meanwhile, in a site not yet published);
    `cancel` stops them and removes the site's stand-ins."""

    def __init__(self, pending: Pending, out_dir: Path, places: dict[str, Path]) -> None:
        self.pending, self.out_dir, self.places = pending, out_dir, places

    def finish(self, site_dir: Path | None) -> None:
        try:
            self.pending.wait()
        except BaseException:
            self.cancel(site_dir)
            raise
        for path, source in self.places.items():
            data = source.read_bytes()
            write_atomic(self.out_dir / path, data)
            if site_dir is not None:
                write_atomic(site_dir / path, data)
        record_copies(self.out_dir, self.places)

    def cancel(self, site_dir: Path | None) -> None:
        self.pending.close()
        if site_dir is not None:
            for path in self.places:
                (site_dir / path).unlink(missing_ok=True)


@dataclass(frozen=True)
class PageJob:
    """An agreement whose pages the page cache lacks, with everything they are made from."""

    agreement: Agreement
    digest: FileDigest  # of its file as checked
    row: Row
    history: list[Revision]
    signed: list[versions.SignedVersion]
    versions: Versions
    key: str
    root: Path
    settings: Settings
    with_documents: bool
    git: bool
    store: Store
    reports: list[HeldReport]


def _prepare(job: PageJob) -> str:
    """Make one agreement's pages and store them in the page cache (in a worker)."""
    view = prepare(
        job.versions, job.digest, job.row, job.root, job.settings, job.history,
        job.with_documents, job.signed, job.git, job.reports,
    )  # fmt: skip
    pages = agreement_pages(view)
    job.store.put("pages", job.key, {name: text.encode("utf-8") for name, text in pages.items()})
    return job.key


def _cached_pages(
    tree: Tree,
    store: Store,
    records: list[Checked],
    archive: dict[str, Archived],
    rows: list[Row],
    root: Path,
    settings: Settings,
    with_documents: bool,
    held: dict[str, list[HeldReport]],
) -> tuple[list[str], list[PageJob]]:
    """Each agreement's pages found in the store and its signed files (checked against
    the manifest on every run, stored or not); returns every page key of this run and the
    agreements whose pages are missing, to be prepared. The git history is read once, for
    all of them."""
    revisions = versions.history(root, settings)
    git = versions.in_git(root)
    keys = PageKeys(root, settings, with_documents, in_git=git)
    missing, used = [], []
    for record, row in zip(records, rows, strict=True):
        agreement = record.agreement
        history = revisions.get(agreement.id, [])
        signed, versions_of = archive[record.id].signed, archive[record.id].versions
        key = keys.key(record, row, history, signed, held[record.id])
        used.append(key)
        found = store.get("pages", key)
        if found is None:
            job = PageJob(agreement, record.digest, row, history, signed, versions_of, key, root,
                          settings, with_documents, git, store, held[record.id])  # fmt: skip
            missing.append(job)
        else:
            _copy_pages(tree, found)
        signed_files(tree, agreement.id, signed)
    return used, missing


def _prepare_missing(tree: Tree, store: Store, missing: list[PageJob], report: Progress) -> None:
    """The missing pages, made by workers on every core (or here, when too few to pay for
    them), stored in the page cache and put in the tree."""
    if not missing:
        return
    report.begin("preparing pages", len(missing))
    workers = workers_for(len(missing))
    try:
        prepared = [workers.submit(_prepare, job) for job in missing] if workers else []
        for job, future in zip_longest(missing, prepared):
            key = future.result() if future is not None else _prepare(job)
            found = store.get("pages", key)
            assert found is not None
            _copy_pages(tree, found)
            report.step(job.agreement.id)
    finally:
        if workers:
            workers.shutdown(wait=True, cancel_futures=True)
    report.end()


def _copy_pages(tree: Tree, found: dict[str, Path]) -> None:
    for path, source in found.items():
        tree.copy(path, source)


def prepare(
    held: Versions,
    digest: FileDigest,
    row: Row,
    root: Path,
    settings: Settings,
    revisions: list[Revision],
    with_documents: bool,
    signed: list[versions.SignedVersion],
    git: bool,
    reports: list[HeldReport] | None = None,
) -> AgreementView:
    """One agreement's page data: its contract (the working version, never signed unless
    the archive holds it), signed versions, comparisons, history."""
    agreement = held.working
    contract = contract_of(held.rendered, root, settings)
    found = versions.comparisons(
        root, settings, agreement, signed, digest, revisions=revisions, git=git,
        working=contract,
    )  # fmt: skip
    return AgreementView(
        held,
        row,
        contract,
        signed,
        found,
        revisions,
        with_documents,
        report_views(
            agreement.id,
            row.title,
            reports or [],
            with_documents,
            tuple(c.role for c in held.current.contacts if c.party == "customer"),
            row.zone,
        ),
        settings.commit_url,
    )


@dataclass(frozen=True)
class Published:
    """What the catalogue shows beside each agreement's row, by id: its service (reports
    and credits), what its records and reviews oblige, and its signed copies."""

    services: dict[str, Service]
    kept: dict[str, Kept]
    copies: dict[str, SignedCopies]


def _catalogue(
    tree: Tree,
    shown: list[Versions],
    rows: list[Row],
    today: dt.date,
    within_days: int,
    published: Published,
) -> None:
    services, kept, copies = published.services, published.kept, published.copies
    due = renewals(shown, today, within_days, include_restricted=True, kept=kept)
    zones = {row.id: row.zone for row in rows}
    for lang in LANGS:
        page = catalogue_page(rows, lang, services, copies=copies, today=today)
        tree.add(page_file("index", lang), page)
        page = renewals_page(due, today, within_days, lang, zones)
        tree.add(page_file("renewals", lang), page)
    document = to_json(
        shown, today, include_restricted=True, services=services, kept=kept, copies=copies
    )
    tree.add(JSON_FILE, document)
    tree.add(ICS_FILE, to_ics(shown, today, include_restricted=True, kept=kept))


def agreement_pages(view: AgreementView) -> dict[str, str]:
    """The pages of one agreement in both languages: its own, one per comparison and one per
    service report."""
    pages = {}
    for lang in LANGS:
        pages[page_file(agreement_stem(view.id), lang)] = agreement_page(view, lang)
        for comparison in view.comparisons:
            pages[page_file(comparison.stem, lang)] = diff_page(comparison, lang)
        for one in view.reports:
            pages[page_file(one.stem, lang)] = report_page(one, lang)
    return pages


def signed_files(tree: Tree, agreement_id: str, signed: list[versions.SignedVersion]) -> None:
    for version in signed:
        if version.pdf is not None:
            name = signed_pdf_name(agreement_id, version.version)
            tree.copy(download(agreement_id, name), version.pdf.path)
        if version.scan is not None:
            tree.copy(download(agreement_id, scan_name(agreement_id, version)), version.scan.path)


def _documents(tree: Tree, paths: dict[tuple[str, Kind], Path], late: LateDocuments | None) -> None:
    """The working version's documents: copies from the cache, but for the ones still
    rendering (`LateDocuments`), which `finish` writes when they are done."""
    waiting = late.places if late else {}
    for (agreement_id, kind), source in paths.items():
        path = download(agreement_id, working_name(agreement_id, kind))
        if path not in waiting:
            tree.copy(path, source)


def _placeholders(plan: DocumentPlan) -> dict[str, Path]:
    """The docs paths of the documents still to render, and their place in the store."""
    place = plan.target.store.place
    return {
        download(job.agreement.id, working_name(job.agreement.id, job.kind)): place(
            "documents", job.name
        )
        for job in plan.missing
    }
