"""Downloads of the working version: a draft PDF and a Word file, cached by content hash.

A document's cache key is the SHA-256 of everything it is made from: the agreement file,
every file of its template, and the writer's own layout files. An unchanged agreement is
never rendered again; a changed template renders every agreement using it. Missing
documents are rendered on every core (`sitegen.workers`), each process keeping its own warm
Typst compiler.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import Future, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sitegen.config import Settings
from sitegen.errors import UserError
from sitegen.files import write_atomic
from sitegen.model import Agreement
from sitegen.site.progress import Progress
from sitegen.workers import cores, process_pool

Kind = Literal["pdf", "docx"]
KINDS: tuple[Kind, ...] = ("pdf", "docx")
CACHE_VERSION = b"sitegen-document-cache 1\n"
WRITER_FILES = (Path(__file__).parent.parent / "render").resolve()
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


def _folder_digest(folder: Path) -> bytes:
    digest = hashlib.sha256()
    for path in sorted(
        p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


class Keys:
    """Cache keys, hashing each template folder and the writers once per run."""

    def __init__(self, root: Path, settings: Settings) -> None:
        self.root, self.settings = root, settings
        self._templates: dict[str, bytes] = {}
        self._writers = _folder_digest(WRITER_FILES)

    def key(self, agreement: Agreement, kind: Kind) -> str:
        source = self.root / self.settings.agreements_dir / agreement.id / "agreement.yaml"
        name = agreement.template.partition("@")[0]
        if name not in self._templates:
            self._templates[name] = _folder_digest(self.root / self.settings.templates_dir / name)
        digest = hashlib.sha256(CACHE_VERSION + kind.encode() + b"\0")
        digest.update(self._writers + self._templates[name])
        digest.update(hashlib.sha256(source.read_bytes()).digest())
        return digest.hexdigest()


def render_document(agreement: Agreement, kind: Kind, root: Path, settings: Settings) -> bytes:
    """One bilingual document of the working version (PDF drafts carry their watermark)."""
    from sitegen.outputs import contract_of, render

    return render(contract_of(agreement, root, settings), kind, "bilingual")


def _render_into(job: Job, root: Path, settings: Settings, cache: Path) -> str:
    try:
        data = render_document(job.agreement, job.kind, root, settings)
    except UserError:
        raise
    except Exception as error:  # a writer failure names the agreement it was working on
        message = f"cannot render the {job.kind.upper()} of {job.agreement.id}: {error}"
        raise UserError(message) from error
    write_atomic(cache / job.name, data)
    return job.name


@dataclass(frozen=True)
class Rendered:
    paths: dict[tuple[str, Kind], Path]  # (agreement id, kind) → cached file
    rendered: int
    cached: int


def documents(
    agreements: list[Agreement],
    root: Path,
    settings: Settings,
    cache: Path,
    progress: Progress,
) -> Rendered:
    """Every agreement's PDF and Word file, from the cache or freshly rendered."""
    keys = Keys(root, settings)
    jobs = [Job(a, kind, keys.key(a, kind)) for a in agreements for kind in KINDS]
    missing = [job for job in jobs if not (cache / job.name).is_file()]
    cache.mkdir(parents=True, exist_ok=True)
    _render_missing(missing, root, settings, cache, progress)
    paths = {(job.agreement.id, job.kind): cache / job.name for job in jobs}
    return Rendered(paths, len(missing), len(jobs) - len(missing))


def _render_missing(
    jobs: list[Job], root: Path, settings: Settings, cache: Path, progress: Progress
) -> None:
    if not jobs:
        return
    progress.begin("rendering documents", len(jobs))
    _run(jobs, root, settings, cache, progress)
    progress.end()


def _run(jobs: list[Job], root: Path, settings: Settings, cache: Path, progress: Progress) -> None:
    workers = cores()
    if len(jobs) < PARALLEL_FROM or workers < 2:
        for job in jobs:
            _render_into(job, root, settings, cache)
            progress.step(f"{job.agreement.id}.{job.kind}")
        return
    with process_pool(workers) as pool:
        futures: dict[Future[str], Job] = {
            pool.submit(_render_into, job, root, settings, cache): job for job in jobs
        }
        for future in as_completed(futures):
            future.result()
            job = futures[future]
            progress.step(f"{job.agreement.id}.{job.kind}")
