"""`sitegen review new`: a structured review record, pre-filled from the period records."""

from __future__ import annotations

import datetime as dt
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


@review_group.command("new", cls=Command)
@click.argument("agreement_id", metavar="ID")
@click.option(
    "--period",
    "period_text",
    required=True,
    metavar="P",
    help="The period reviewed: a quarter 2026Q3, a half-year 2026H1, a month 2026-09 or a "
    "year 2026.",
)
@today_option("The day the review is prepared, YYYY-MM-DD (default: today).")
def new_command(agreement_id: str, period_text: str, today: dt.date | None) -> None:
    """Write agreements/ID/reviews/PERIOD.yaml, pre-filled from the period records: the
    periods covered (pass or fail, credits, acceptance) and the revision triggers; the rest
    is left empty to fill in. Never overwrites an existing review."""
    from sitegen.reports.review_new import prepare

    spec = parse_spec(agreement_id)
    if spec.revision is not None or spec.signed is not None:
        raise UserError(f"not an agreement id: {agreement_id!r} (expected e.g. SLA-2024-001)")
    try:
        period = Period.parse(period_text)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--period") from None
    settings, root = Settings.find(Path.cwd())
    path = prepare(root, settings, spec.agreement_id, period, today or clock.today())
    click.echo(safe(f"wrote {path.relative_to(root).as_posix()}"))
