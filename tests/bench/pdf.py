"""PDF rendering figures: CPU per document end to end, the typst-only floor, both cores.

Measured on a batch of synthetic agreements (each a different ~8-page bilingual contract).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sitegen.compose.contract import Contract

# Known figures for the same contract through other engines (not installed here).
XELATEX_SECONDS = 2.1
WEASYPRINT_SECONDS = 1.2
# The route through pandoc's Typst writer (contract → pandoc JSON AST → pandoc → Typst
# source → typst), CPU per bilingual PDF with pandoc's own: measured on 2026-12-01, just
# before that route left the product, on the four sample agreements under five versions
# each (19 PDFs, two runs: 160 and 212 ms, against 116 and 129 ms for the JSON route in
# the same runs), pandoc 3.9, typst binding 0.15.2, on our shared 2-core machine.
PANDOC_TYPST_SECONDS = 0.19


@dataclass(frozen=True)
class Figures:
    count: int
    compose_cpu: float  # seconds per contract
    render_cpu: float  # seconds per PDF, warm renderer, prepare + check + compile
    floor_cpu: float  # seconds per PDF, typst compile alone of the same prepared input
    serial_wall: float  # seconds for the batch on one core (from its first half)
    parallel_wall: float  # seconds for the batch on every core


def contracts(root: Path) -> list[Contract]:
    from sitegen.lint.validate import validate
    from sitegen.load.config import Settings
    from sitegen.render.outputs import contract_of

    settings, found = Settings.find(root)
    _, loaded = validate([found / settings.agreements_dir], settings, found)
    return [contract_of(i.agreement, found, settings) for i in loaded if i.agreement]


def _cpu() -> float:
    times = os.times()
    return times.user + times.system


def measure(root: Path) -> Figures:
    from sitegen.render.pdf import PdfRenderer
    from sitegen.render.pdf_model import contract_json

    start = _cpu()
    batch = contracts(root)
    compose = (_cpu() - start) / len(batch)
    # Typst memoises across compiles: every figure is taken on documents not compiled before
    # in this process, the end-to-end ones on the first half, the floor on the second.
    half = len(batch) // 2
    with PdfRenderer() as renderer:
        renderer.render(batch[-1])  # warm: fonts and compiler caches
        wall, start = time.perf_counter(), _cpu()
        for contract in batch[:half]:
            renderer.render(contract)
        render, serial = (_cpu() - start) / half, (time.perf_counter() - wall) * 2
        prepared = [contract_json(c, "bilingual") for c in batch[half:-1]]
        start = _cpu()
        for contract, data in zip(batch[half:-1], prepared, strict=True):
            renderer.compile(contract, data=data)
        floor = (_cpu() - start) / len(prepared)
    return Figures(len(batch), compose, render, floor, serial, parallel_batch(batch))


def _render_chunk(chunk: list[Contract]) -> int:
    from sitegen.render.pdf import shared_renderer

    renderer = shared_renderer()
    return sum(len(renderer.render(contract)) for contract in chunk)


def parallel_batch(batch: list[Contract]) -> float:
    """Wall time of the batch on every core: one warm renderer per worker process."""
    workers = len(os.sched_getaffinity(0))
    chunks = [batch[i::workers] for i in range(workers)]
    # spawn, not fork: this process holds a typst compiler (threads), and a forked child
    # of a threaded process can hang on a lock held by a thread it did not inherit.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        list(pool.map(_render_chunk, [c[:1] for c in chunks]))  # start and warm the workers
        start = time.perf_counter()
        list(pool.map(_render_chunk, chunks))
        return time.perf_counter() - start


@dataclass(frozen=True)
class ReportFigures:
    count: int  # report PDFs measured, each on periods not compiled before in the process
    end_to_end_cpu: float  # seconds per PDF: view-model, glyph check, a compiler, compile
    floor_cpu: float  # seconds per PDF: typst compile alone, one warm compiler


def report_pdf() -> ReportFigures:
    """The demo's monthly report PDFs (each period of each agreement with records, its trend
    of earlier months) as `sitegen report --format pdf` makes them, against the typst compile
    alone of the same kind of data with one warm compiler. Typst memoises across compiles,
    so each figure is taken on periods not compiled before in this process: the first half
    end to end, the second half for the floor."""
    import json

    import typst

    from sitegen.load.fonts import find_fonts
    from sitegen.reports import pdf as report
    from sitegen.reports.pdf_data import report_data
    from sitegen.reports.record_store import read_record
    from tests.bench.synth import REPO

    cases = []
    for folder in sorted((REPO / "agreements").glob("*/reports")):
        for path in sorted(folder.glob("20??-??.yaml")):
            period = path.name.removesuffix(".yaml")
            figures = read_record(folder, period)[0].figures
            cases.append((figures, report.recent_figures(folder, period)))
    half = len(cases) // 2
    report.render_report_pdf(cases[-1][0], history=cases[-1][1])  # warm: library, fonts
    start = _cpu()
    for figures, history in cases[:half]:
        report.render_report_pdf(figures, history=history)
    end_to_end = (_cpu() - start) / half
    fonts = find_fonts(None)
    compiler = typst.Compiler(
        font_paths=fonts.typst_fonts, ignore_system_fonts=True, root=str(report.TYPST_DIR)
    )
    prepared = [
        (json.dumps(report_data(f, history=h), ensure_ascii=False), f) for f, h in cases[half:-1]
    ]
    start = _cpu()
    for data, figures in prepared:
        compiler.compile(
            report.MAIN.read_bytes(),
            format="pdf",
            sys_inputs={"report": data},
            pdf_standards=report.PDF_STANDARD,
            timestamp=int(figures.end.timestamp()),
        )
    return ReportFigures(len(cases), end_to_end, (_cpu() - start) / len(prepared))
