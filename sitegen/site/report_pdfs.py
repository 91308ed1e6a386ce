"""The PDFs of accepted service reports, rendered at build time and cached by content hash.

The issue asks for "the PDF of accepted ones": the report the customer received, so only
a record with an acceptance of exactly its bytes is published; the site never offers a PDF
of figures nobody accepted. The PDF is the one `sitegen report show --format pdf` writes
(`reports.pdf.project_report_pdf`): the record, the agreement's title in the version the
figures name, the trend of the records before it.

Its key names everything it is made from (`sitegen.digest.named_key`): the sitegen
package (the layout and its data), the agreement file and its signed archive (the title),
and the record with every record of the agreement up to it (the trend), by their
SHA-256. A new acceptance adds a PDF and renders nothing else; the store keeps only the
PDFs this build publishes (kind "reports").

Measured on the demo (2 cores shared by four builds, load average 9, niced): 0.78 s a PDF
(`project_report_pdf`: a fresh Typst compiler and its fonts per report, and the earlier
records read again for the trend); the demo's 39 accepted reports made a cold `sitegen
generate` take 33 s with the 12 contract documents, in workers on both cores, and 3 s once
cached. Rendered before the site build, not beside it like the contract documents
(`late_documents`): that is the next step if a project with hundreds of reports finds the
first build slow.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

from sitegen.caches.store import Store
from sitegen.digest import file_digest, named_key, package_digest, plain
from sitegen.load.checked import Checked
from sitegen.load.config import Settings
from sitegen.load.layout import SIGNED_DIR
from sitegen.reports.figures import PeriodFigures
from sitegen.reports.held import HeldReport
from sitegen.reports.pdf import project_report_pdf
from sitegen.site.documents import workers_for
from sitegen.site.downloads import download
from sitegen.site.progress import Progress
from sitegen.site.report_page import report_pdf_name

REPORT_PDF_KEYS = "sitegen-report-pdf 1"


@dataclass(frozen=True)
class ReportPdf:
    agreement_id: str
    figures: PeriodFigures
    key: str
    root: Path
    settings: Settings
    store: Store

    @property
    def path(self) -> str:
        """Its place in the docs folder."""
        return download(self.agreement_id, report_pdf_name(self.agreement_id, self.figures.period))


def _render(job: ReportPdf) -> str:
    """One report's PDF into the store (in a worker)."""
    data = project_report_pdf(job.root, job.settings, job.figures)
    job.store.put("reports", job.key, {"": data})
    return job.key


def report_pdfs(
    records: Sequence[Checked],
    held: Mapping[str, Sequence[HeldReport]],
    root: Path,
    settings: Settings,
    store: Store,
    progress: Progress,
) -> dict[str, Path]:
    """The docs path of each accepted report's PDF and its file in the store, rendering
    the ones the store lacks; the store keeps no others."""
    jobs = [
        job for record in records for job in _jobs(record, held[record.id], root, settings, store)
    ]
    missing = [job for job in jobs if store.get("reports", job.key) is None]
    if missing:
        progress.begin("rendering report PDFs", len(missing))
        workers = workers_for(len(missing), fresh=True)
        try:
            futures = [workers.submit(_render, job) for job in missing] if workers else []
            for job, future in zip_longest(missing, futures):
                future.result() if future is not None else _render(job)
                progress.step(f"{job.agreement_id} {job.figures.period}")
        finally:
            if workers:
                workers.shutdown(wait=True, cancel_futures=True)
        progress.end()
    store.prune("reports", [job.key for job in jobs])
    return {job.path: store.place("reports", job.key) for job in jobs}


def _jobs(
    record: Checked, held: Sequence[HeldReport], root: Path, settings: Settings, store: Store
) -> list[ReportPdf]:
    archive = [
        [path.name, file_digest(path).hex()]
        for path in sorted((record.path.parent / SIGNED_DIR).glob("*.yaml"))
    ]
    common = {
        "sitegen": package_digest(),
        "agreement": bytes.fromhex(record.sha256),
        "archive": plain(archive),
    }
    jobs = []
    for index, report in enumerate(held):
        if report.accepted is None:
            continue
        records = [[r.period, r.sha256] for r in held[: index + 1]]
        key = named_key(REPORT_PDF_KEYS, {**common, "records": plain(records)}) + ".pdf"
        jobs.append(ReportPdf(record.id, report.record.figures, key, root, settings, store))
    return jobs
