"""What several commands share: the checked project, its findings printed on errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from sitegen import output
from sitegen.errors import ValidationFailed
from sitegen.findings import Severity
from sitegen.lint.project import InvalidProject, checked_project
from sitegen.lint.validate import relative
from sitegen.load import day
from sitegen.load.checked import Checked
from sitegen.load.config import Settings


def checked(
    root: Path, settings: Settings, paths: Sequence[Path] | None = None, *, cached: bool = True
) -> list[Checked]:
    """`checked_project`, its errors stopping the command: printed with their places (and
    the warnings, as `sitegen validate` shows them) and a summary."""
    try:
        return checked_project(root, settings, paths, cached=cached)
    except InvalidProject as invalid:
        report = invalid.report
        for finding in report.sorted():
            if finding.severity is not Severity.INFO:
                click.echo(output.as_text(relative(finding, Path.cwd())), err=True)
        click.echo(output.summary(report), err=True)
        raise ValidationFailed(errors=report.errors, files=report.files) from None


def today_option(help_text: str) -> Callable[[Any], Any]:
    """`--today DATE`: given to the command as a `datetime.date` (None: not given), parsed by
    `sitegen.load.day`, which refuses days that are too far ahead."""
    return click.option(
        "--today",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        callback=_day,
        metavar="DATE",
        help=help_text,
    )


def _day(
    context: click.Context, param: click.Parameter, value: dt.datetime | None
) -> dt.date | None:
    if value is None:
        return None
    try:
        return day.parse_day(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
