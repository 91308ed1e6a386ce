"""`sitegen validate`: check agreement files and print every finding."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sitegen import output
from sitegen.commands.boundary import Command
from sitegen.commands.findings_full import Sources, as_full, counts
from sitegen.errors import ValidationFailed
from sitegen.findings import Severity
from sitegen.lint.validate import relative, validate
from sitegen.load.config import Settings


@click.command("validate", cls=Command)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--strict",
    is_flag=True,
    help="Fail on warnings too, and report suppressions that silence nothing.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["full", "concise", "text", "json", "github"]),
    help="full: each finding with its source line and a caret, and a count per code (the "
    "default on a terminal); concise (or text): one line each (the default elsewhere); json "
    "for tools; github for workflow annotations.",
)
@click.option("-v", "--verbose", is_flag=True, help="Also print notes (such as allowed downtime).")
@click.option(
    "--history",
    is_flag=True,
    help="Also check the signed archives, the accepted service reports and the held reviews "
    "are intact and append-only (what CI runs).",
)
@click.option(
    "--base",
    "base",
    metavar="REV",
    help="With --history: compare the archives with REV "
    "(default: the merge base with main, else the root commit).",
)
def validate_command(
    paths: tuple[Path, ...],
    strict: bool,
    fmt: str | None,
    verbose: bool,
    history: bool,
    base: str | None,
) -> None:
    """Check agreement files (default: the agreements/ folder) and print every finding."""
    if base is not None and not history:
        raise click.UsageError("--base needs --history")
    settings, root = Settings.find(Path.cwd())
    targets = list(paths) or [root / settings.agreements_dir]
    report, _ = validate(targets, settings, root, unused=strict)
    from sitegen.reports.review_check import check_reviews  # the agreements' review records

    report.extend(check_reviews(root, settings, list(paths) or None))
    if history:
        from sitegen.reports.record_history import check_reports
        from sitegen.reports.review_history import check_review_history
        from sitegen.versions.archive import check_archive

        report.extend(check_archive(root, settings, base))
        report.extend(check_reports(root, settings, base))
        report.extend(check_review_history(root, settings, base))
    report.findings = [relative(f, Path.cwd()) for f in report.findings]
    shown = [f for f in report.sorted() if verbose or f.severity is not Severity.INFO]
    fmt = fmt or ("full" if sys.stdout.isatty() else "concise")
    if fmt == "json":
        click.echo(output.as_json(report))
    elif fmt == "full":
        sources = Sources()
        for finding in shown:
            click.echo(as_full(finding, sources))
        if shown:
            click.echo(counts(shown), err=True)
    else:
        render = output.as_github if fmt == "github" else output.as_text
        for finding in shown:
            click.echo(render(finding))
    click.echo(output.summary(report), err=True)
    failing = report.errors + (report.warnings if strict else 0)
    if failing:
        raise ValidationFailed(errors=failing, files=report.files)
