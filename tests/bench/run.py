"""Speed and memory figures, printed as a table: `make bench`.

    python -m tests.bench.run [--only NAME …] [--agreements N] [--keep]

Each benchmark is a function of a `Workspace` (a temporary folder that makes synthetic
catalogues on demand and keeps them for the next benchmark) returning a `Result`: rows of
the table and notes on where the time goes. Add one by appending it to `BENCHMARKS`.

A missed target prints MISSED and still exits 0; a benchmark that cannot run (an exception,
a command that fails) prints ERROR and makes the exit status 1.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import math
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tests.bench.synth import REPO, write_catalogue

if TYPE_CHECKING:
    from tests.bench.browser import Found

REPEATS = 3  # timed runs after one warm-up; the best wall time counts


# ---------------------------------------------------------------- the frame


@dataclass(frozen=True)
class Row:
    """One line of the table. `target` is an upper bound; None means only a figure."""

    name: str
    figure: float
    unit: str
    target: float | None = None

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        return "pass" if self.figure < self.target else "MISSED"


@dataclass
class Result:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class BenchError(Exception):
    """The benchmark could not run: its figures would mean nothing."""


@dataclass
class Workspace:
    """A temporary folder and the synthetic catalogues made in it, made once each."""

    root: Path
    agreements: int
    made: dict[tuple[int, int], Path] = field(default_factory=dict)

    def catalogue(self, agreements: int | None = None, versions: int = 0) -> Path:
        count = agreements or self.agreements
        key = (count, versions)
        if key not in self.made:
            folder = self.root / f"catalogue-{count}-v{versions}"
            start = time.perf_counter()
            write_catalogue(folder, count, versions=versions)
            took = time.perf_counter() - start
            history = f" with {versions} commits" if versions else ""
            print(f"  (made {count:,} synthetic agreements{history} in {took:.1f} s)")
            self.made[key] = folder
        return self.made[key]


Benchmark = Callable[[Workspace], Result]


# ---------------------------------------------------------------- measuring a command


@dataclass(frozen=True)
class Usage:
    wall: float  # seconds
    cpu: float  # user + system seconds
    rss_mb: float  # peak resident set size


def sitegen_command(*args: str) -> list[str]:
    """The installed `sitegen` script next to this Python, or the CLI through `-c`."""
    script = Path(sys.executable).with_name("sitegen")
    if script.is_file():
        return [str(script), *args]
    return [sys.executable, "-c", "from sitegen.cli import main; main()", *args]


def measure(argv: Sequence[str], cwd: Path) -> Usage:
    """Run a command once; its own rusage comes from wait4, so no other child counts."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            err.seek(0)
            out.seek(0)
            shown = (out.read(1500) + err.read(1500)).decode("utf-8", "replace")
            raise BenchError(f"`{' '.join(argv)}` exited with {process.returncode}:\n{shown}")
    return Usage(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def best_of(argv: Sequence[str], cwd: Path, repeats: int = REPEATS) -> tuple[Usage, float]:
    """Best wall time (and that run's CPU) of `repeats` after a warm-up; the peak RSS."""
    measure(argv, cwd)
    runs = [measure(argv, cwd) for _ in range(repeats)]
    return min(runs, key=lambda u: u.wall), max(u.rss_mb for u in runs)


# ---------------------------------------------------------------- benchmarks


def bench_validate(ws: Workspace) -> Result:
    """`sitegen validate` on the whole synthetic catalogue, as a user runs it."""
    folder = ws.catalogue()
    label = f"validate {ws.agreements:,} agreements"
    best, peak = best_of(sitegen_command("validate", "agreements"), folder)
    startup, _ = best_of(sitegen_command("--version"), folder)
    return Result(
        rows=[
            Row(f"{label}: wall, best of {REPEATS}", best.wall, "s", 3.0),
            Row(f"{label}: CPU (user+sys)", best.cpu, "s"),
            Row(f"{label}: peak RSS", peak, "MB", 300.0),
            Row("sitegen --version (start-up and imports)", startup.wall, "s"),
        ],
        notes=[f"start-up is {startup.wall / best.wall:.0%} of the validate wall time"],
    )


def bench_stages(ws: Workspace) -> Result:
    """Per-agreement cost of load (parse), schema and lint, in-process; then a profile."""
    from sitegen.compose.templates import TemplateIndex
    from sitegen.lint import LintContext, lint_agreement, lint_catalogue
    from sitegen.lint.validate import find_agreement_files, validate
    from sitegen.load import load_agreement
    from sitegen.load.config import Settings
    from sitegen.load.model import Agreement

    folder = ws.catalogue()
    settings, root = Settings.find(folder)
    context = LintContext(settings, root, TemplateIndex(root / settings.templates_dir))
    files = find_agreement_files([root / settings.agreements_dir])
    load = schema = lint = 0.0
    loaded = []
    for path in files:
        start = time.perf_counter()
        item = load_agreement(path, settings.load)
        load += time.perf_counter() - start
        if item.agreement is None or item.document is None:
            raise BenchError(f"{path}: does not load: {item.findings[:3]}")
        start = time.perf_counter()
        Agreement.model_validate(item.document.data)
        schema += time.perf_counter() - start
        start = time.perf_counter()
        lint_agreement(item, context)
        lint += time.perf_counter() - start
        loaded.append(item)
    start = time.perf_counter()
    lint_catalogue(loaded, context)
    catalogue = time.perf_counter() - start

    per = 1000 / len(files)  # seconds in total -> ms per agreement
    profile = _profile(lambda: validate([root / settings.agreements_dir], settings, root))
    return Result(
        rows=[
            Row("per agreement: YAML read, scan, compose", (load - schema) * per, "ms"),
            Row("per agreement: schema (pydantic)", schema * per, "ms"),
            Row("per agreement: lint rules", lint * per, "ms"),
            Row(f"catalogue lint, {len(files):,} agreements", catalogue * 1000, "ms"),
        ],
        notes=profile,
    )


def _profile(work: Callable[[], object], top: int = 10) -> list[str]:
    """Where in-process time goes: own time per module, then sitegen's costliest functions."""
    profiler = cProfile.Profile()
    profiler.runcall(work)
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    by_module: dict[str, float] = {}
    for (filename, _, _), (_, _, own, _, _) in stats.items():
        module = _module_of(filename)
        by_module[module] = by_module.get(module, 0.0) + own
    total = max([sum(by_module.values()), *(row[3] for row in stats.values())]) or 1.0
    lines = [f"in-process validate under cProfile: {total:.2f} s. Own time by module:"]
    for module, own in sorted(by_module.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {own / total:6.1%} {own:6.2f} s  {module}")
    lines.append("sitegen functions by cumulative time (calls):")
    ours = [(key, row) for key, row in stats.items() if _module_of(key[0]).startswith("sitegen")]
    for (filename, line, name), (_, calls, _, cumulative, _) in sorted(
        ours, key=lambda kv: -kv[1][3]
    )[: top + 4]:
        where = f"{_module_of(filename)}:{line} {name}"
        lines.append(f"  {cumulative / total:6.1%} {cumulative:6.2f} s  {where} ({calls:,})")
    return lines


def _module_of(filename: str) -> str:
    """`…/site-packages/ruamel/yaml/scanner.py` -> `ruamel.yaml.scanner`; builtins as is."""
    path = Path(filename)
    if "site-packages" in path.parts:
        parts = path.parts[path.parts.index("site-packages") + 1 :]
    elif path.is_relative_to(REPO) and ".venv" not in path.parts:
        parts = path.relative_to(REPO).parts
    else:
        return "built-in functions (C)" if filename == "~" else filename
    return ".".join(parts).removesuffix(".py")


def bench_history(ws: Workspace) -> Result:
    """Versions from git: every revision in one pass, `validate --history`, the PR diff."""
    from tests.bench import history

    count = ws.agreements
    start = time.perf_counter()
    root = history.signed_repository(ws.root / f"history-{count}", count)
    made = time.perf_counter() - start
    reads = [history.read_all_revisions(root) for _ in range(REPEATS)]
    read, revisions = min(r[0] for r in reads), reads[0][1]
    loop = history.per_file_log_loop(root)
    checked, _ = best_of(sitegen_command("validate", "--history", "--base", "main"), root)
    history.change_some(root, history.CHANGED)
    diffed, _ = best_of(sitegen_command("diff", "--base", "main", "--format", "md"), root)
    label = f"{count:,} agreements × {history.VERSIONS} revisions"
    return Result(
        rows=[
            Row(f"read all revisions ({revisions:,}), one pass", read, "s", 2.0),
            Row("per-file `git log` loop, same files", loop, "s"),
            Row("  ratio: loop / one pass", loop / read, "×"),
            Row("validate --history, wall", checked.wall, "s", 5.0),
            Row(f"diff --base, {history.CHANGED} changed, md", diffed.wall, "s", 5.0),
        ],
        notes=[f"{label}, 1 signed version each: repository made in {made:.1f} s"],
    )


def bench_pdf(ws: Workspace) -> Result:
    """Bilingual PDFs of 200 different agreements: CPU per PDF, the typst floor, both cores;
    and the demo's report PDFs against their typst floor."""
    from tests.bench import pdf

    found = pdf.measure(ws.catalogue(200))
    reports = pdf.report_pdf()
    per = 1000  # seconds -> ms
    end_to_end = found.compose_cpu + found.render_cpu
    return Result(
        rows=[
            Row(f"PDF end to end, CPU per PDF ({found.count} PDFs)", end_to_end * per, "ms", 70),
            Row("  compose (agreement → contract)", found.compose_cpu * per, "ms"),
            Row("  render (prepare, glyph check, compile)", found.render_cpu * per, "ms"),
            Row("  typst compile alone (the floor)", found.floor_cpu * per, "ms"),
            Row("  ratio: end to end / floor", end_to_end / found.floor_cpu, "×"),
            Row("PDFs per second, one core", found.count / found.serial_wall, "/s"),
            Row("PDFs per second, every core", found.count / found.parallel_wall, "/s"),
            Row("pandoc → typst route (recorded figure)", pdf.PANDOC_TYPST_SECONDS * per, "ms"),
            Row("pandoc → xelatex (known figure)", pdf.XELATEX_SECONDS * per, "ms"),
            Row("weasyprint (known figure)", pdf.WEASYPRINT_SECONDS * per, "ms"),
            Row(
                f"report PDF end to end, CPU per PDF ({reports.count} periods)",
                reports.end_to_end_cpu * per,
                "ms",
            ),
            Row("  typst compile alone (the floor)", reports.floor_cpu * per, "ms"),
            Row("  ratio: end to end / floor", reports.end_to_end_cpu / reports.floor_cpu, "×"),
        ],
        notes=[
            "The JSON route hands typst the contract as data for a constant layout; pandoc's "
            "typst writer alone costs more than the whole JSON route's overhead."
        ],
    )


def bench_site(ws: Workspace) -> Result:
    """`sitegen build` of the whole catalogue: cold, warm, and mkdocs alone on the same pages."""
    from tests.bench import site

    count, env = ws.agreements, site.bench_env()
    start = time.perf_counter()
    root = site.site_project(ws.root / f"site-{count}", count)
    print(f"  (made the site project, {count:,} agreements × 3 revisions, "
          f"in {time.perf_counter() - start:.1f} s)", flush=True)  # fmt: skip
    site.clean(root)
    cold = site.run_tree(site.build_argv(), root, env)
    site.clean(root)
    cold_alone = site.run_tree(site.build_argv(one_process=True), root, env)
    cached = site.cache_state(root)
    site.write_floor(root)
    warms, alones, floors = [], [], []
    for _ in range(site.TIMED_RUNS):  # in turn; the quickest of each counts
        warms.append(site.run_tree(site.build_argv(), root, env))
        alones.append(site.run_tree(site.build_argv(one_process=True), root, env))
        floors.append(site.run_tree(site.floor_argv(), root, env))
    warm, alone, floor = (min(runs, key=lambda u: u.wall) for runs in (warms, alones, floors))
    if site.rendered_between(cached, site.cache_state(root)):
        raise BenchError("the warm build rendered documents: they should come from the cache")
    pages = sum(1 for _ in (root / "build" / "docs").rglob("*.md"))
    zensical = site.zensical_argv(root)
    engine = [site.run_tree(zensical, root, env) for _ in range(2)] if zensical else []
    profile = site.profile_build(root, ws.root / "warm-build.prof")
    label = f"site, {count:,} agreements"
    memory = max(cold.pss_mb, warm.pss_mb)
    return Result(
        rows=[
            Row(f"{label}: cold build, wall", cold.wall, "s", 100.0),
            Row("  cold: CPU (user+sys, with workers)", cold.cpu, "s"),
            Row("  cold: CPU / wall (cores in use)", cold.cpu / cold.wall, "×"),
            Row("  cold, one process (the build before)", cold_alone.wall, "s"),
            Row(f"{label}: warm build, wall", warm.wall, "s"),
            Row("  warm, one process (the build before)", alone.wall, "s"),
            Row(f"mkdocs alone, same {pages:,} pages, one process (floor)", floor.wall, "s"),
            Row("  ratio: warm build / floor", warm.wall / floor.wall, "×", 0.7),
            Row("  ratio: warm, one process / floor", alone.wall / floor.wall, "×"),
            Row("peak RSS, one process (wait4)", max(cold.rss_mb, warm.rss_mb), "MB"),
            Row("peak memory, whole tree at once (PSS, sampled)", memory, "MB", 1500.0),
            Row("  the same as RSS (shared pages once per process)",
                max(cold.tree_mb, warm.tree_mb), "MB"),
            Row("  one process: PSS, cold / warm", max(cold_alone.pss_mb, alone.pss_mb), "MB"),
            Row("  floor: peak RSS", floor.rss_mb, "MB"),
            *([Row(f"Zensical {_zensical_version()}, same pages, search off (best of 2)",
                   min(u.wall for u in engine), "s")] if engine else []),
        ],
        notes=[
            f"cold: {len(cached):,} documents rendered into the cache; warm: all from it",
            f"wait4 RSS: cold {cold.rss_mb:.0f} MB, warm {warm.rss_mb:.0f} MB; tree sampled: "
            f"cold {cold.pss_mb:.0f} MB PSS / {cold.tree_mb:.0f} MB RSS, warm "
            f"{warm.pss_mb:.0f} MB PSS / {warm.tree_mb:.0f} MB RSS (sum of every process); "
            f"one process: cold {cold_alone.pss_mb:.0f} MB PSS, warm {alone.pss_mb:.0f} MB PSS",
            "warm / one process / floor, run by run (s): "
            + ", ".join(
                f"{w.wall:.0f}/{a.wall:.0f}/{f.wall:.0f}"
                for w, a, f in zip(warms, alones, floors, strict=True)
            ),
            "cold CPU bounds its wall time: at best CPU / cores "
            f"({cold.cpu:.0f} s / {os.cpu_count()} = {cold.cpu / (os.cpu_count() or 1):.0f} s)",
            *(["Zensical builds the pages as one language (it runs no mkdocs plugin: no i18n, "
               "no sitegen) and without search (its index refused the catalogue page): a "
               "figure for the engine, not a site we could publish"] if engine
              else ["Zensical is not installed (`make bench` installs it): no figure"]),
            *profile,
        ],
    )  # fmt: skip


def _zensical_version() -> str:
    from importlib.metadata import version

    return version("zensical")


def bench_preview(ws: Workspace) -> Result:
    """`sitegen preview ID` on the synthetic site project: the first page served, and an
    edit of the agreement shown, where a warm `sitegen build` (`bench_site`) takes minutes."""
    from tests.bench import preview, site

    count, env = ws.agreements, site.bench_env()
    root = site.site_project(ws.root / f"site-{count}", count)
    agreement_id = preview.agreement_of(count)
    runs = [
        preview.run_once(root, agreement_id, site.TODAY, mark, env)
        for mark in preview.MARKS[: 1 + REPEATS]
    ][1:]  # the first run warms the file system's caches
    first = min(run.first_page for run in runs)
    edit = min(run.edit for run in runs)
    label = f"preview, {count:,} agreements"
    return Result(
        rows=[
            Row(f"{label}: start to first page, best of {REPEATS}", first, "s", 3.0),
            Row(f"{label}: save to rebuilt page, best of {REPEATS}", edit, "s"),
        ],
        notes=[
            f"{agreement_id}: first page / edit, run by run (s): "
            + ", ".join(f"{run.first_page:.2f}/{run.edit:.2f}" for run in runs),
            "the edit's time includes up to 0.5 s of mkdocs' polling observer",
        ],
    )


def bench_reports(ws: Workspace) -> Result:
    """`sitegen report`'s work at scale: a year of data for every agreement (1,000 tickets
    and 100 outages each), read from Parquet, and every period's figures computed."""
    from tests.bench import reports

    folder = ws.catalogue()
    start = time.perf_counter()
    reports.write_data(folder)
    print(f"  (wrote a year of data in {time.perf_counter() - start:.1f} s)", flush=True)
    argv = [sys.executable, "-m", "tests.bench.reports", str(folder)]
    runs = []
    for _ in range(2):
        with tempfile.TemporaryFile() as out:
            start = time.perf_counter()
            process = subprocess.Popen(argv, cwd=REPO, stdout=out)
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
            if os.waitstatus_to_exitcode(status) != 0:
                raise BenchError(f"`{' '.join(argv)}` failed")
            out.seek(0)
            runs.append((wall, usage.ru_maxrss / 1024, json.loads(out.read())))
    wall, peak, steps = min(runs, key=lambda run: run[0])
    label = f"report: {steps['jobs']:,} periods, {steps['tickets']:,} tickets"
    computing = steps["read"] + steps["figures"]
    return Result(
        rows=[
            Row(f"{label}: read + figures, wall", computing, "s", 10.0),
            Row("report: peak RSS (the whole run)", peak, "MB", 1000.0),
            Row("report: load the agreements", steps["load agreements"], "s"),
            Row("report: read outages and tickets (Parquet)", steps["read"], "s"),
            Row("  CPU, every thread", steps["read cpu"], "s"),
            Row("report: compute every period's figures", steps["figures"], "s"),
            Row("  CPU, every thread", steps["figures cpu"], "s"),
        ],
        notes=[f"whole run {wall:.1f} s, {steps['outages']:,} outages"],
    )


def bench_browser(ws: Workspace) -> Result:
    """The built site in chromium: the search index, a query's first results and bytes,
    the catalogue's first screen, bytes, sort and filter keystroke (`tests.bench.browser`)."""
    from tests.bench import browser, site

    count, env = ws.agreements, site.bench_env()
    root = site.site_project(ws.root / f"site-{count}", count)
    built = root / "site"
    if not (built / browser.BUNDLE / "pagefind-entry.json").is_file():  # bench_site's build
        start = time.perf_counter()
        site.run_tree(site.build_argv(), root, env)
        print(f"  (built the site in {time.perf_counter() - start:.1f} s)", flush=True)
    found = browser.measure(built)
    if found.outside:
        raise BenchError(f"the pages asked another host: {sorted(set(found.outside))[:5]}")
    return Result(rows=browser_rows(found, count), notes=browser_notes(found))


# Today's figures before Pagefind and the catalogue's rework (docs/FINDINGS "Search at
# scale": Material's lunr index of 911 agreements, Chinese pages only).
BEFORE = {
    "index": "32.6 MB",
    "query": "17.6 s",
    "page": "1.25 MB",
    "load": "3.6 s",
    "filter": "0.5-0.7 s",
}


def browser_rows(found: Found, count: int) -> list[Row]:
    kb = 1 / 1024
    rows = [
        Row(f"search index, {count:,} agreements, zh+en (was {BEFORE['index']})",
            found.index_bytes / 1024 / 1024, "MB"),
        Row("  files of the index", found.index_files, "files"),
    ]  # fmt: skip
    for lang in ("zh", "en"):
        loads = found.catalogues[lang]
        rows.append(Row(f"  {lang}: index fetched before the box is used",
                        max(c.search_bytes for c in loads) * kb, "KB", 0.001))  # fmt: skip
    for key, runs in found.queries.items():
        lang, when = key.split()
        words = runs[0].words
        before = f" (was {BEFORE['query']})" if key == "zh first" else ""
        rows.append(Row(f"search {lang}, {when} query, {words}: results{before}",
                        min(q.first_ms for q in runs) / 1000, "s", 0.5))  # fmt: skip
        rows.append(Row("  bytes fetched for it, gzip (most of 3)", max(q.bytes for q in runs) * kb,
                        "KB", 200))  # fmt: skip
    for lang, catalogue in found.catalogues.items():
        rows += [
            Row(f"catalogue {lang}: first rows visible{_was('load', lang)}",
                min(c.first_rows_ms for c in catalogue) / 1000, "s", 1.0),
            Row(f"  page + all it fetched, gzip{_was('page', lang)}",
                min(c.gzip_bytes for c in catalogue) * kb, "KB", 300),
            Row(f"  a sort -> table drawn{_was('filter', lang)}",
                min(c.sort_ms for c in catalogue), "ms", 50),
            Row("  a filter keystroke -> table drawn", min(c.filter_ms for c in catalogue),
                "ms", 50),
        ]  # fmt: skip
    return rows


def _was(name: str, lang: str) -> str:
    """Today's figure beside the Chinese row (the figures before were of Chinese pages)."""
    return f" (was {BEFORE[name]})" if lang == "zh" else ""


def browser_notes(found: Found) -> list[str]:
    languages = ", ".join(f"{k} {v / 1024 / 1024:.1f} MB" for k, v in found.by_language.items())
    notes = [
        f"index by language: {languages}",
        "before (Material's lunr search, 911 agreements, Chinese pages only): index 32.6 MB, "
        "first results for 可用性 17.6 s; catalogue 1.25 MB of HTML, load 3.6 s, "
        "filter or sort 0.5-0.7 s",
    ]
    for lang, runs in found.catalogues.items():
        raw = min(c.raw_bytes for c in runs) / 1024
        notes.append(
            f"catalogue {lang}: {runs[0].requests} requests, {raw:.0f} KB uncompressed; "
            "run by run, first rows / sort / keystroke (ms): "
            + ", ".join(f"{c.first_rows_ms:.0f}/{c.sort_ms:.0f}/{c.filter_ms:.0f}" for c in runs)
        )
    for key, queries in found.queries.items():
        notes.append(
            f"search {key}, run by run (ms, KB gzip/uncompressed): "
            + ", ".join(
                f"{q.first_ms:.0f}/{q.bytes / 1024:.0f}/{q.raw_bytes / 1024:.0f}" for q in queries
            )
        )
    notes.append(
        "a first query loads Pagefind (script, WebAssembly, the language's index "
        "entry); the next one on the same page fetches only its chunks and fragments"
    )
    return notes


BENCHMARKS: list[tuple[str, Benchmark]] = [
    ("validate", bench_validate),
    ("stages", bench_stages),
    ("history", bench_history),
    ("pdf", bench_pdf),
    ("site", bench_site),
    ("preview", bench_preview),
    ("reports", bench_reports),
    ("browser", bench_browser),
]


# ---------------------------------------------------------------- the table


def _table(rows: list[tuple[str, Row | str]]) -> str:
    lines = [f"{'benchmark':<52} {'figure':>10}  {'target':<10} result"]
    lines.append("-" * len(lines[0]))
    for _, row in rows:
        if isinstance(row, str):
            lines.append(f"{row[:52]:<52} {'':>10}  {'':<10} ERROR")
            continue
        figure = f"{_number(row.figure)} {row.unit}"
        target = f"< {row.target:g} {row.unit}" if row.target is not None else ""
        lines.append(f"{row.name:<52} {figure:>10}  {target:<10} {row.verdict}")
    return "\n".join(lines)


def _number(value: float) -> str:
    """Three significant digits, without switching to exponents: 0.489, 2.09, 11.0, 170."""
    if value >= 100:
        return f"{value:.0f}"
    return f"{value:.{max(0, 2 - math.floor(math.log10(value)))}f}" if value > 0 else "0"


def _environment() -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {load}"
    )


def run(names: Sequence[str], agreements: int, keep: bool) -> int:
    chosen = [(n, b) for n, b in BENCHMARKS if not names or n in names]
    root = Path(tempfile.mkdtemp(prefix="sitegen-bench-"))
    ws = Workspace(root, agreements)
    table: list[tuple[str, Row | str]] = []
    notes: list[str] = []
    failed = 0
    print(_environment())
    try:
        for name, benchmark in chosen:
            print(f"running {name} …", flush=True)
            try:
                result = benchmark(ws)
            except Exception as error:  # one broken benchmark must not hide the others
                failed += 1
                table.append((name, f"{name}: {type(error).__name__}"))
                notes.append(f"{name} failed:\n" + "".join(traceback.format_exception(error)))
                continue
            table.extend((name, row) for row in result.rows)
            notes.extend(f"[{name}] {line}" for line in result.notes)
    finally:
        if keep:
            print(f"catalogues kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    print()
    print(_table(table))
    print()
    print("\n".join(notes))
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    names = [name for name, _ in BENCHMARKS]
    parser.add_argument(
        "--only",
        action="append",
        choices=names,
        default=[],
        help="run only this benchmark (repeatable)",
    )
    parser.add_argument(
        "--agreements",
        "-n",
        type=int,
        default=1000,
        metavar="N",
        help="size of the synthetic catalogue (default 1000)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    sys.exit(run(args.only, args.agreements, args.keep))


if __name__ == "__main__":
    main()
