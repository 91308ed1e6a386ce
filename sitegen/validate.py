"""Validation of many files: load each, lint each, lint the catalogue, report everything."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sitegen.config import Settings
from sitegen.errors import UserError
from sitegen.findings import Finding, Report
from sitegen.lint import LintContext, lint_agreement, lint_catalogue
from sitegen.load import Loaded, load_agreement
from sitegen.templates import TemplateIndex

AGREEMENT_FILE = "agreement.yaml"


def find_agreement_files(paths: Iterable[Path]) -> list[Path]:
    """`agreement.yaml` files named directly or found under the given folders."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.glob(f"**/{AGREEMENT_FILE}")))
        elif path.is_file():
            found.append(path)
        else:
            raise UserError("no such file or folder", path=path)
    return list(dict.fromkeys(found))


def load_all(files: list[Path], settings: Settings) -> list[Loaded]:
    return [load_agreement(path, settings.load) for path in files]


def validate(paths: Iterable[Path], settings: Settings, root: Path) -> tuple[Report, list[Loaded]]:
    """Every finding of every file, collected before anything is reported."""
    files = find_agreement_files(paths)
    context = LintContext(settings, root, TemplateIndex(root / settings.templates_dir))
    loaded = load_all(files, settings)
    report = Report(files=len(files))
    for item in loaded:
        report.extend(item.findings)
        if item.agreement is not None:
            report.extend(lint_agreement(item, context))
    report.extend(lint_catalogue([i for i in loaded if i.agreement is not None], context))
    ignored = set(settings.lint.ignore)
    report.findings = [f for f in report.findings if f.code not in ignored]
    return report, loaded


def relative(finding: Finding, base: Path) -> Finding:
    """The same finding with its path shown relative to `base` where it lies below it."""
    try:
        shown = finding.path.resolve().relative_to(base.resolve())
    except ValueError:
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
