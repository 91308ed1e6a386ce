"""Validation of many files: load each, lint each, lint the catalogue, report everything."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from sitegen.caches import checked_cache
from sitegen.caches.checked_cache import CheckedCache, Result
from sitegen.compose.templates import TemplateIndex
from sitegen.errors import UserError
from sitegen.findings import Finding, Report
from sitegen.lint import LintContext, lint_agreement, lint_catalogue
from sitegen.lint.suppress import unsuppressed
from sitegen.load import Loaded, load_agreement_bytes, read_agreement
from sitegen.load.config import Settings
from sitegen.load.layout import AGREEMENT_FILE
from sitegen.workers import cores, process_pool

Kept = str | None  # what the cache keeps of a file (`checked_cache.entry`)
Read = bytes | Loaded  # a file's bytes, or its refusal (`read_agreement`)


def find_agreement_files(paths: Iterable[Path]) -> list[Path]:
    """`agreement.yaml` files named directly or found under the given folders."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(_below_folder(path))
        elif path.is_file():
            found.append(path)
        else:
            raise UserError("no such file or folder", path=path)
    return list(dict.fromkeys(found))


def _below_folder(folder: Path) -> list[Path]:
    """`agreement.yaml` files below `folder`, never reached through a link: a linked folder
    that leads to one is listed itself, so that reading it is refused (SG111) instead of
    followed out of the repository (`Path.glob("**")` follows links on Python 3.11). A
    linked `signed/` folder is the archive check's to refuse."""
    found: list[Path] = []
    for top, folders, files in os.walk(folder):  # followlinks=False: links stay in folders
        here = Path(top)
        linked = (here / name for name in folders if (here / name).is_symlink())
        found += [link for link in linked if (link / AGREEMENT_FILE).exists()]
        if AGREEMENT_FILE in files:
            found.append(here / AGREEMENT_FILE)
    return sorted(found)


# Below this many files one process is quicker than starting workers.
PARALLEL_FROM = 200


def check_files(
    files: list[tuple[Path, Read]],
    settings: Settings,
    root: Path,
    *,
    slim: bool = False,
    keep: bool = False,
) -> list[tuple[Result, Kept]]:
    """Load and lint each file on its own (everything but the catalogue rules). `slim`
    keeps of each document only what the catalogue rules read (for workers to send back);
    `keep` also gives what the cache keeps of each file."""
    context = LintContext(settings, root, TemplateIndex(root / settings.templates_dir))
    checked: list[tuple[Result, Kept]] = []
    for path, read in files:
        item = read if isinstance(read, Loaded) else load_agreement_bytes(read, path, settings.load)
        findings = item.findings + lint_agreement(item, context)
        kept = checked_cache.entry(item, findings) if keep else None
        checked.append(((item.slim() if slim else item, findings), kept))
    return checked


def check_all(
    files: list[tuple[Path, Read]], settings: Settings, root: Path, *, keep: bool = False
) -> list[tuple[Result, Kept]]:
    """`check_files` over every file, on every core for a large catalogue; order is kept."""
    workers = cores()
    if len(files) < PARALLEL_FROM or workers < 2:
        return check_files(files, settings, root, keep=keep)
    size = -(-len(files) // (workers * 4))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    check = partial(check_files, settings=settings, root=root, slim=True, keep=keep)
    with process_pool(workers) as pool:
        return [item for chunk in pool.map(check, chunks) for item in chunk]


def validate(
    paths: Iterable[Path],
    settings: Settings,
    root: Path,
    *,
    cache: Path | None = None,
    unused: bool = False,
) -> tuple[Report, list[Loaded]]:
    """Every finding of every file, collected before anything is reported, less what
    `[lint] ignore` and the files' suppressions leave out (`sitegen.lint.suppress`; with
    `unused`, suppressions that silence nothing are reported). With `cache` (a file), the
    results of files unchanged since they were kept there are taken from it (see
    `sitegen.caches.checked_cache`); the catalogue rules always run. Each file is read
    once: its cache key, its load and the digest its record carries come from those bytes."""
    files = find_agreement_files(paths)
    read = {path: read_agreement(path, settings.load) for path in files}
    index = TemplateIndex(root / settings.templates_dir)
    kept = CheckedCache(cache, settings, index.digest_all()) if cache is not None else None
    readable = {path: data for path, data in read.items() if isinstance(data, bytes)}
    found = kept.lookup(readable) if kept is not None else {}
    missing = [(path, read[path]) for path in files if path not in found]
    results = check_all(missing, settings, root, keep=kept is not None)
    fresh = dict(zip((path for path, _ in missing), results, strict=True))
    if kept is not None:
        kept.save({path: entry for path, (_, entry) in fresh.items()})
    checked = [found[path] if path in found else fresh[path][0] for path in files]
    loaded = [item for item, _ in checked]
    report = Report(files=len(files))
    for _, findings in checked:
        report.extend(findings)
    context = LintContext(settings, root, index)
    report.extend(lint_catalogue([i for i in loaded if i.agreement is not None], context))
    found_in = {item.path: item.document.suppressions for item in loaded if item.document}
    report.findings = unsuppressed(report.findings, found_in, settings, unused=unused)
    return report, loaded


def relative(finding: Finding, base: Path) -> Finding:
    """The same finding with its path shown relative to `base` where it lies below it."""
    shown = _below(finding.path, base)
    if shown is None:
        return finding
    return Finding(
        shown,
        finding.line,
        finding.column,
        finding.code,
        finding.severity,
        finding.message,
        finding.field,
        finding.context,
    )


def _below(path: Path, base: Path) -> Path | None:
    """`path` relative to `base`, its links not followed (a link in the archive is shown
    where it is, not where it points), else with both resolved; None when not below."""
    plain, plain_base = Path(os.path.abspath(path)), Path(os.path.abspath(base))
    if plain.is_relative_to(plain_base):
        return plain.relative_to(plain_base)
    resolved, resolved_base = path.resolve(), base.resolve()  # stats: only when needed
    if resolved.is_relative_to(resolved_base):
        return resolved.relative_to(resolved_base)
    return None
