"""Downloads of the working version (a draft PDF and a Word file) and the pages of each
agreement, both cached by content hash.

A document's cache key is the SHA-256 of everything it is made from, each input named
(`sitegen.digest.named_key`): the kind, every file of the sitegen package (the writers'
code and layout files, and the composing code, which once was left out: a changed clause
numbering kept the old documents), every file of the template version it is made with,
and the agreement file.
An unchanged agreement is never rendered again; a changed template renders every
agreement using it. Missing documents are rendered on every core (`sitegen.workers`),
each process keeping its own warm Typst compiler.

An agreement's pages (its own in both languages, and its diff pages) are cached the same
way in `.cache/pages/KEY/`, one file per page, the key hashing the agreement file, its
template version, its signed archive as checked, its git history, its catalogue row (which depends
on the day), the build's options and settings field by field, and every file of the
sitegen package; values are hashed by their fields' names (`sitegen.digest.plain`), never
as `repr()` prints them. A run deletes the entries it did not use, so a restricted
agreement's pages and documents leave the cache with it. Every entry is sealed and checked
when read (`sitegen.caches.store`).

A template's digest is that of the version folder the agreement pins or resolves to, the
one the templates held in memory are checked against (`TemplateIndex.digest`), each file
hashed once per process while it is unchanged (`sitegen.digest`): the key of a page and the
template it is built from cannot disagree.

An agreement's service reports enter its page key too, each record by the SHA-256 of its
bytes with the acceptance of exactly those bytes (`reports.held.held_reports`): a new
record or acceptance makes its pages again (the section, the report pages, the PDF links);
an unchanged reports folder leaves them cached.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sitegen.caches.store import Store
from sitegen.catalogue import Row
from sitegen.compose.templates import TemplateIndex
from sitegen.digest import file_digest, named_key, package_digest, plain
from sitegen.errors import UserError
from sitegen.load.checked import Checked
from sitegen.load.config import Settings
from sitegen.load.layout import SIGNED_DIR
from sitegen.load.model import Agreement
from sitegen.reports.held import HeldReport
from sitegen.site.progress import Progress
from sitegen.site.versions import SignedVersion
from sitegen.versions.history import Revision
from sitegen.versions.in_force import Versions
from sitegen.workers import cores, process_pool

Kind = Literal["pdf", "docx"]
KINDS: tuple[Kind, ...] = ("pdf", "docx")
DOCUMENT_KEYS = "sitegen-document-cache 2"
PAGE_KEYS = "sitegen-page-cache 2"
# Below this many missing documents, one process is quicker than starting workers.
PARALLEL_FROM = 4


@dataclass(frozen=True)
class Job:
    agreement: Agreement
    kind: Kind
    key: str

    @property
    def name(self) -> str:
        return f"{self.key}.{self.kind}"


def template_digests(root: Path, settings: Settings) -> Callable[[Agreement], bytes]:
    """The digest of the template version each agreement pins or resolves to (the newest
    when unpinned), each computed once per run (`TemplateIndex.digest`)."""
    index = TemplateIndex(root / settings.templates_dir)
    return lambda agreement: index.digest(agreement.template_name, agreement.template_version)


class Keys:
    """Document cache keys."""

    def __init__(self, root: Path, settings: Settings) -> None:
        self.root, self.settings = root, settings
        self._template = template_digests(root, settings)

    def keys(self, record: Checked, versions: Versions | None = None) -> dict[Kind, str]:
        """The key of each kind of document of the agreement (its file as checked). A file
        that says signed but that the archive does not hold (`versions`) renders as a draft:
        its key says so, as signing it may leave the file's bytes as they were."""
        inputs = {
            "sitegen": package_digest(),
            "template": self._template(record.agreement),
            "agreement": bytes.fromhex(record.sha256),  # the file as checked, not read again
        }
        if versions is not None and versions.rendered is not versions.working:
            inputs["unsigned"] = b"not in the signed archive"
        return {kind: named_key(DOCUMENT_KEYS, {"kind": kind.encode(), **inputs}) for kind in KINDS}


class PageKeys:
    """Page cache keys: what one agreement's pages are made from, hashed."""

    def __init__(
        self, root: Path, settings: Settings, with_documents: bool, *, in_git: bool
    ) -> None:
        self.root, self.settings = root, settings
        self._template = template_digests(root, settings)
        options = {"with_documents": with_documents, "in_git": in_git}
        self._common = {
            "sitegen": package_digest(),
            "settings": plain(settings),
            "options": plain(options),
        }

    def key(
        self,
        record: Checked,
        row: Row,
        revisions: Sequence[Revision],
        signed: Sequence[SignedVersion],
        reports: Sequence[HeldReport] = (),
    ) -> str:
        archive = [  # the manifest and the texts
            [path.name, file_digest(path).hex()]
            for path in sorted((record.path.parent / SIGNED_DIR).glob("*.yaml"))
        ]
        inputs = {
            **self._common,
            "template": self._template(record.agreement),
            "agreement": bytes.fromhex(record.sha256),  # the file as checked, not read again
            "archive": plain(archive),
            "row": plain(row),
            "revisions": plain(list(revisions)),
            "signed": plain(list(signed)),
            "reports": plain([_held_key(one) for one in reports]),
        }
        return named_key(PAGE_KEYS, inputs)


def _held_key(report: HeldReport) -> list[str]:
    """What a report's pages show of it: the record's bytes and who accepted them when."""
    accepted = report.accepted
    if accepted is None:
        return [report.period, report.sha256]
    return [report.period, report.sha256, accepted.role, accepted.date.isoformat()]


def render_documents(
    agreement: Agreement, kinds: Sequence[Kind], root: Path, settings: Settings
) -> dict[Kind, bytes]:
    """The working version's bilingual documents (PDF drafts carry their watermark), from
    its contract composed once."""
    from sitegen.render.outputs import contract_of, render

    contract = contract_of(agreement, root, settings)
    found = {}
    for kind in kinds:
        try:
            found[kind] = render(contract, kind, "bilingual")
        except UserError:
            raise
        except Exception as error:  # a writer failure names the agreement it was working on
            message = f"cannot render the {kind.upper()} of {agreement.id}: {error}"
            raise UserError(message) from error
    return found


def _render_into(jobs: Sequence[Job], root: Path, settings: Settings, store: Store) -> list[str]:
    """The documents of one agreement, into the store."""
    made = render_documents(jobs[0].agreement, [job.kind for job in jobs], root, settings)
    for job in jobs:
        store.put("documents", job.name, {"": made[job.kind]})
    return [job.name for job in jobs]


def workers_for(jobs: int, *, fresh: bool = False) -> ProcessPoolExecutor | None:
    """Worker processes on every core, if there are enough jobs to pay for starting them;
    in the background, so a site build running beside them is not slowed down."""
    count = cores()
    if count < 2 or jobs < PARALLEL_FROM:
        return None
    return process_pool(count, background=True, fresh=fresh)


def document_workers(jobs: int) -> ProcessPoolExecutor | None:
    """Workers for the documents, started fresh: forked from a site build that holds every
    agreement and page, each held ~290 MB, and with its typst and pandoc, a site build with
    two of them beside it went over 1.5 GB."""
    return workers_for(jobs, fresh=True)


def plan_documents(
    records: list[Checked],
    root: Path,
    settings: Settings,
    store: Store,
    versions: Mapping[str, Versions] | None = None,
) -> DocumentPlan:
    """Which documents there are and which of them the store lacks (or holds unsealed); the
    store keeps no others. `versions`: each agreement's versions as its archive has them,
    so a working version the archive does not hold renders with its DRAFT watermark."""
    keys = Keys(root, settings)
    jobs = []
    for record in records:
        held = versions.get(record.id) if versions is not None else None
        agreement = held.rendered if held is not None else record.agreement
        jobs += [Job(agreement, kind, key) for kind, key in keys.keys(record, held).items()]
    missing = [job for job in jobs if store.get("documents", job.name) is None]
    store.prune("documents", [job.name for job in jobs])
    return DocumentPlan(jobs, missing, Target(root, settings, store))


@dataclass(frozen=True)
class DocumentPlan:
    jobs: list[Job]
    missing: list[Job]
    target: Target

    @property
    def paths(self) -> dict[tuple[str, Kind], Path]:
        """Where each document is (or will be) in the store."""
        store = self.target.store
        return {(j.agreement.id, j.kind): store.place("documents", j.name) for j in self.jobs}

    def start(self, progress: Progress, pool: ProcessPoolExecutor | None) -> Pending:
        """Render the missing documents: in `pool`, which the returned Pending then owns
        and shuts down, or (None) in this process when waited for."""
        return Pending(self, progress, pool)


@dataclass(frozen=True)
class Target:
    root: Path
    settings: Settings
    store: Store


class Pending:
    """Documents being rendered in worker processes while the caller goes on."""

    def __init__(
        self, plan: DocumentPlan, progress: Progress, pool: ProcessPoolExecutor | None
    ) -> None:
        self.plan, self.progress = plan, progress
        self._groups: list[list[Job]] = []
        for job in plan.missing:  # one group per agreement: its contract is composed once
            if self._groups and self._groups[-1][0].agreement.id == job.agreement.id:
                self._groups[-1].append(job)
            else:
                self._groups.append([job])
        self._pool = pool
        self._futures: dict[Future[list[str]], list[Job]] = {}
        if self._pool is not None:
            self._futures = {
                self._pool.submit(_render_into, group, *_args(plan.target)): group
                for group in self._groups
            }

    def wait(self) -> None:
        """Every document rendered (in this process, if no workers were started)."""
        try:
            if self.plan.missing:
                self.progress.begin("rendering documents", len(self.plan.missing))
                self._collect()
                self.progress.end()
        finally:
            self.close()

    def _collect(self) -> None:
        if self._pool is None:
            for group in self._groups:
                _render_into(group, *_args(self.plan.target))
                for job in group:
                    self.progress.step(f"{job.agreement.id}.{job.kind}")
            return
        for future in as_completed(self._futures):
            future.result()
            for job in self._futures[future]:
                self.progress.step(f"{job.agreement.id}.{job.kind}")

    def close(self) -> None:
        """Stop the workers (documents not started yet are not rendered)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _args(target: Target) -> tuple[Path, Settings, Store]:
    return target.root, target.settings, target.store
