"""`sitegen review new` and `refresh`: a structured review record, pre-filled from the
period records and brought up to date with them while it is being prepared."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from sitegen.commands.boundary import Command, Group
from sitegen.commands.common import today_option
from sitegen.errors import UserError
from sitegen.load import day as clock
from sitegen.load.config import Settings
from sitegen.reports.periods import Period
from sitegen.terminal import safe
from sitegen.versions import parse_spec


@click.group("review", cls=Group)
def review_group() -> None:
    """Service reviews (step 6 of the guide): the record of a review at the agreed cadence,
    kept as agreements/ID/reviews/PERIOD.yaml."""


_PERIOD_HELP = (
    "The period reviewed: a quarter 2026Q3, a half-year 2026H1, a month 2026-09 or a year 2026."
)


@review_group.command("new", cls=Command)
@click.argument("agreement_id", metavar="ID")
@click.option("--period", "period_text", required=True, metavar="P", help=_PERIOD_HELP)
@today_option("The day the review is prepared, YYYY-MM-DD (default: today).")
def new_command(agreement_id: str, period_text: str, today: dt.date | None) -> None:
    """Write agreements/ID/reviews/PERIOD.yaml, pre-filled from the period records: the
    periods covered (pass or fail, credits, acceptance) and the revision triggers; the rest
    is left empty to fill in. Never overwrites an existing review."""
    from sitegen.reports.review_new import prepare

    agreement, period = _arguments(agreement_id, period_text)
    settings, root = _project()
    path = prepare(root, settings, agreement, period, today or clock.today())
    click.echo(safe(f"wrote {path.relative_to(root).as_posix()}"))


@review_group.command("refresh", cls=Command)
@click.argument("agreement_id", metavar="ID")
@click.option("--period", "period_text", required=True, metavar="P", help=_PERIOD_HELP)
def refresh_command(agreement_id: str, period_text: str) -> None:
    """Bring a review being prepared up to date: its periods from the records (one added or
    accepted since) and its revision triggers from the records and the volume filled in.
    Nothing else in the file changes; a review held is never refreshed."""
    from sitegen.reports.review_refresh import refresh

    agreement, period = _arguments(agreement_id, period_text)
    settings, root = _project()
    path, changed = refresh(root, settings, agreement, period)
    shown = path.relative_to(root).as_posix()
    click.echo(safe(f"updated {shown}" if changed else f"{shown} is up to date"))


def _project() -> tuple[Settings, Path]:
    """The project's settings and its root as a path from here, so that an error names
    the file as the user would type it."""
    settings, root = Settings.find(Path.cwd())
    return settings, Path(os.path.relpath(root))


def _arguments(agreement_id: str, period_text: str) -> tuple[str, Period]:
    spec = parse_spec(agreement_id)
    if spec.revision is not None or spec.signed is not None:
        raise UserError(f"not an agreement id: {agreement_id!r} (expected e.g. SLA-2024-001)")
    try:
        return spec.agreement_id, Period.parse(period_text)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--period") from None
