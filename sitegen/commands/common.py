"""What several commands share: validate first, and stop with the findings on errors."""

from __future__ import annotations

from pathlib import Path

import click

from sitegen import output
from sitegen.errors import ValidationFailed
from sitegen.findings import Severity
from sitegen.lint.validate import relative, validate
from sitegen.load.config import Settings
from sitegen.load.model import Agreement


def checked_agreements(
    paths: list[Path], settings: Settings, root: Path, *, cache: Path | None = None
) -> list[Agreement]:
    """The agreements under `paths`, validated first: errors stop the command, printed with
    their places (and the warnings, as `sitegen validate` shows them) and a summary. With
    `cache`, the results of unchanged files come from it (`sitegen.caches.checked_cache`)."""
    report, loaded = validate(paths, settings, root, cache=cache)
    if report.errors:
        for finding in report.sorted():
            if finding.severity is not Severity.INFO:
                click.echo(output.as_text(relative(finding, Path.cwd())), err=True)
        click.echo(output.summary(report), err=True)
        raise ValidationFailed(errors=report.errors, files=report.files)
    return [item.agreement for item in loaded if item.agreement is not None]
