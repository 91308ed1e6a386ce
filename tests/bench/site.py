"""Benchmarks of the catalogue site: a cold `sitegen build`, a warm one, and the floor.

The project: N synthetic agreements × 3 git revisions; the second revision of each is signed
(archived with a stand-in PDF, as `sitegen sign` lays it out) and the third is the working
version, so every agreement page has a signed version, a history of three commits, the
working version's PDF and Word file, and a diff page (signed → draft).

- cold: empty `.cache/`, empty docs folder, no `site/`: everything is generated and every
  working-version document rendered (on every core);
- warm: the same command again with nothing changed: documents all come from the cache;
- floor: mkdocs alone building a copy of the generated docs folder as plain files, with a
  copy of mkdocs.yml that has no sitegen plugin (same theme, i18n, extensions; no search index): one
  process, the languages one after the other;
- one process: the warm build with `--one-process`, as every build ran before each language
  had its own process (`sitegen.mkdocs.languages`);
- Zensical, when installed: another engine, on the floor's pages (its search off).

Memory: `wait4` gives the build process's own peak RSS, and (Linux folds reaped
descendants in) the largest of its workers'; it says nothing of them running at once. So
the whole process tree is sampled from /proc (RSS every 50 ms, PSS every 0.5 s: reading a
process's PSS makes the kernel walk its pages) and the largest sums reported:
of PSS (proportional set size: a page shared by several processes, such as the pandoc
binary's or the pages forked workers share with the build, counted once, split among
them), which is the memory the build holds at once; and of RSS, which counts each shared
page once per process, an upper bound.

Timing: the warm build, the one-process build and the floor run three times each, in turn,
and the quickest of each counts, so slow moments of a shared machine do not decide their
ratios (two runs each were seen to give 118/87 s and 101/100 s, warm/floor: one slow run
either way moves the ratio by 15%).
"""

from __future__ import annotations

import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.bench.history import archive_signed
from tests.bench.synth import REPO, write_catalogue

VERSIONS = 3
SIGNED_REVISION = 1  # 0-based: the second commit is the signed version
TODAY = "2026-03-01"
FLOOR_CONFIG = "mkdocs-floor.yml"
FLOOR_DOCS = "floor/docs"
ZENSICAL_CONFIG = "zensical.yml"
TIMED_RUNS = 3  # of the warm build and of the floor, alternately


def sign_second(root: Path, ids: list[str], revision: int) -> None:
    """A sign hook for `signed=2`: archive the second revision only, so the third (the
    last commit) is a working draft that differs from the signed version."""
    if revision == SIGNED_REVISION:
        archive_signed(root, ids, revision)


def site_project(folder: Path, agreements: int) -> Path:
    """The synthetic catalogue as a project `sitegen build` can build (made once)."""
    if not (folder / ".git").is_dir():
        write_catalogue(
            folder, agreements, versions=VERSIONS, signed=VERSIONS - SIGNED_REVISION,
            sign=sign_second,
        )  # fmt: skip
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(REPO / "site_overrides", folder / "site_overrides", dirs_exist_ok=True)
    ignored = ["/build/", "/site/", "/.cache/", "/floor/", f"/{FLOOR_CONFIG}"]
    ignored.append(f"/{ZENSICAL_CONFIG}")
    (folder / ".gitignore").write_text("".join(f"{name}\n" for name in ignored))
    return folder


def clean(root: Path) -> None:
    """A cold start: no document cache, an empty docs folder, no site."""
    for name in (".cache", "site", "build", "floor"):
        shutil.rmtree(root / name, ignore_errors=True)
    (root / "build" / "docs").mkdir(parents=True)


# ---------------------------------------------------------------- measuring a process tree


@dataclass(frozen=True)
class TreeUsage:
    wall: float  # seconds
    cpu: float  # user + system seconds, the process and its reaped workers
    rss_mb: float  # wait4: the largest peak RSS of any one process of the tree
    tree_mb: float  # sampled: the largest sum of RSS over the whole tree at once
    pss_mb: float  # sampled: the largest sum of PSS over the whole tree at once
    stderr: str


def _processes() -> tuple[dict[int, list[int]], dict[int, int]]:
    """Every process's children, and its user+system CPU in clock ticks."""
    children: dict[int, list[int]] = {}
    ticks: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat.rsplit(b")", 1)[1].split()
        children.setdefault(int(fields[1]), []).append(int(entry.name))
        ticks[int(entry.name)] = int(fields[11]) + int(fields[12])  # utime + stime
    return children, ticks


def _proc_kb(pid: int, name: str, field: bytes) -> int:
    """A `field:` line of /proc/PID/NAME, in kB (0 once the process is gone)."""
    try:
        with open(f"/proc/{pid}/{name}", "rb") as handle:
            for line in handle:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _rss_kb(pid: int) -> int:
    return _proc_kb(pid, "status", b"VmRSS:")


def _pss_kb(pid: int) -> int:
    return _proc_kb(pid, "smaps_rollup", b"Pss:")


def _tree_kb(pid: int, read: Callable[[int], int], cpu: dict[int, int]) -> int:
    """The sum of `read` (RSS or PSS) over the process and all its descendants; the CPU
    ticks of each of them are recorded in `cpu`."""
    (children, ticks), total, todo = _processes(), 0, [pid]
    while todo:
        one = todo.pop()
        cpu[one] = ticks.get(one, cpu.get(one, 0))
        total += read(one)
        todo += children.get(one, [])
    return total


def run_tree(argv: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> TreeUsage:
    """Run a command; its rusage from wait4, its tree's RSS sampled while it runs."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err, env=env)
        peak = [0, 0]  # RSS, PSS
        done = threading.Event()

        cpu_ticks: dict[int, int] = {}  # every process seen in the tree: CPU, as last seen

        def sample() -> None:  # PSS every 0.5 s: the kernel takes ~13 ms per 800 MB for it
            ticks = 0
            while not done.wait(0.05):
                peak[0] = max(peak[0], _tree_kb(process.pid, _rss_kb, cpu_ticks))
                if ticks % 10 == 0:
                    peak[1] = max(peak[1], _tree_kb(process.pid, _pss_kb, cpu_ticks))
                ticks += 1

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
        if process.returncode != 0:
            out.seek(0)
            shown = out.read(1500).decode("utf-8", "replace") + text[-3000:]
            raise RuntimeError(f"`{' '.join(argv)}` exited with {process.returncode}:\n{shown}")
    # wait4 counts reaped descendants only: workers started by a fork server are not this
    # process's children, so the CPU the tree was seen to use counts when it is more
    sampled = sum(cpu_ticks.values()) / os.sysconf("SC_CLK_TCK")
    cpu = max(usage.ru_utime + usage.ru_stime, sampled)
    return TreeUsage(wall, cpu, usage.ru_maxrss / 1024, peak[0] / 1024, peak[1] / 1024, text)


# ---------------------------------------------------------------- the commands


def build_argv(*, one_process: bool = False) -> list[str]:
    """`sitegen build`; with `one_process`, the languages one after the other in one
    process (the build before they were built side by side)."""
    code = "from sitegen.cli import main; main()"
    alone = ["--one-process"] if one_process else []
    return [sys.executable, "-c", code, "build", "--today", TODAY, *alone]


def floor_argv() -> list[str]:
    """`mkdocs build` of the floor configuration (see `write_floor`)."""
    code = "from mkdocs.__main__ import cli; cli()"
    return [sys.executable, "-c", code, "build", "--quiet", "-f", FLOOR_CONFIG]


def zensical_argv(root: Path) -> list[str] | None:
    """Zensical (by Material's authors, reads mkdocs.yml) building the floor's docs folder
    with the floor's configuration, search off (`write_zensical`), if installed (`make
    bench` installs it): it knows neither mkdocs plugins nor the i18n suffixes, so it builds
    the same pages as pages of one language, `page.en.md` at `page.en/`."""
    found = shutil.which("zensical", path=str(Path(sys.executable).parent))
    if not found:
        return None
    write_zensical(root)
    return [found, "build", "-f", ZENSICAL_CONFIG]


def write_zensical(root: Path) -> None:
    """The floor's configuration with search off: Zensical 0.0.73's index refuses the
    catalogue page ("Search field 'text' at '/' exceeds the search index limit (68633
    bytes; maximum 32768 bytes …)") and stops the build."""
    text = (root / FLOOR_CONFIG).read_text(encoding="utf-8")
    text, found = re.subn(
        r"^plugins:\n", "plugins:\n  - search:\n      enabled: false\n", text, flags=re.MULTILINE
    )
    if found != 1:
        raise RuntimeError(f"{FLOOR_CONFIG}: cannot find the plugins to turn search off in")
    (root / ZENSICAL_CONFIG).write_text(text.replace("floor/site", "floor/zensical"), "utf-8")


def bench_env() -> dict[str, str]:
    """The environment of the measured commands: this repository importable from the
    catalogue folder (for `tests.bench.site`)."""
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path}


def cache_state(root: Path) -> dict[str, int]:
    """The document cache's files and their modification times (ns)."""
    folder = root / ".cache" / "documents"
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*")} if folder.is_dir() else {}


def rendered_between(before: dict[str, int], after: dict[str, int]) -> int:
    """Documents written to the cache between two states: new or rewritten files."""
    return sum(1 for name, when in after.items() if before.get(name) != when)


def write_floor(root: Path) -> None:
    """A copy of the generated docs folder and a mkdocs.yml without sitegen that builds
    it into `floor/site` (`floor_argv`)."""
    shutil.rmtree(root / "floor", ignore_errors=True)
    shutil.copytree(root / "build" / "docs", root / FLOOR_DOCS)
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    plugin = re.compile(r"^  - sitegen:\n(?:    .*\n)+", re.MULTILINE)
    text, found = plugin.subn("", text)
    if found != 1:
        raise RuntimeError("mkdocs.yml: cannot find the sitegen plugin to leave out")
    text = text.replace("docs_dir: build/docs", f"docs_dir: {FLOOR_DOCS}", 1)
    text = text.replace("site_dir: site", "site_dir: floor/site", 1)
    (root / FLOOR_CONFIG).write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- where the warm time goes

GROUPS = (
    ("i18n plugin", ("mkdocs_static_i18n",)),
    ("Markdown → HTML", ("markdown", "pymdownx")),
    ("theme templates (jinja2)", ("jinja2", "material.templates", "<template>")),
    ("sitegen (validate, generate)", ("sitegen",)),
    ("mkdocs itself", ("mkdocs",)),
)


def profile_build(root: Path, out: Path) -> list[str]:
    """The warm build once more, under cProfile in its own process; own time by group and
    the cumulative time of the stages that matter."""
    code = (
        "import cProfile, sys\n"
        "from sitegen.cli import cli\n"
        "profiler = cProfile.Profile()\n"
        "try:\n"
        f"    profiler.runcall(cli, ['build', '--today', {TODAY!r}], standalone_mode=False)\n"
        "finally:\n"
        f"    profiler.dump_stats({str(out)!r})\n"
    )
    run_tree([sys.executable, "-c", code], root)
    stats = pstats.Stats(str(out)).stats  # type: ignore[attr-defined]
    return describe_profile(stats)


def _package(filename: str) -> str:
    path = Path(filename)
    if "site-packages" in path.parts:
        return ".".join(path.parts[path.parts.index("site-packages") + 1 :])
    if path.is_relative_to(REPO) and ".venv" not in path.parts:
        return ".".join(path.relative_to(REPO).parts)
    return filename


def describe_profile(stats: dict) -> list[str]:  # type: ignore[type-arg]
    own: dict[str, float] = {}
    total = 0.0
    for (filename, _, _), (_, _, tottime, _, _) in stats.items():
        total += tottime
        module = _package(filename)
        group = next(
            (name for name, prefixes in GROUPS if module.startswith(prefixes)),
            "other (Python, C, libraries)",
        )
        own[group] = own.get(group, 0.0) + tottime
    lines = [f"warm build under cProfile: {total:.1f} s. Own time by group:"]
    for group, seconds in sorted(own.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {seconds / total:6.1%} {seconds:6.1f} s  {group}")
    lines.append("cumulative time of stages:")
    wanted = {
        ("sitegen/lint/project.py", "checked_project"): "validate the agreements",
        ("sitegen/site/generate.py", "generate"): "generate the docs folder",
        ("mkdocs/commands/build.py", "build"): "mkdocs build (all, incl. plugins)",
        ("mkdocs/commands/build.py", "_build_page"): "  render pages (theme)",
        ("mkdocs/commands/build.py", "_populate_page"): "  Markdown → HTML",
        ("mkdocs_static_i18n/plugin.py", "on_post_build"): "  i18n: the other language",
    }
    found: dict[str, float] = {}
    for (filename, _, name), (_, _, _, cumulative, _) in stats.items():
        for (suffix, function), label in wanted.items():
            if name == function and filename.endswith(suffix):
                found[label] = max(found.get(label, 0.0), cumulative)
    for label in wanted.values():
        if label in found:
            lines.append(f"  {found[label] / total:6.1%} {found[label]:6.1f} s  {label}")
    return lines
