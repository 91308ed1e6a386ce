"""`sitegen report show` and `sitegen report accept`: a period's record, and its acceptance."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import click

from sitegen.commands.boundary import Command
from sitegen.commands.common import today_option
from sitegen.errors import UserError
from sitegen.load import day as clock
from sitegen.load.config import Settings
from sitegen.reports.forms import FORMATS, Format, render_report
from sitegen.terminal import safe
from sitegen.versions import parse_spec


@click.group("report")
def report_group() -> None:
    """Service reports: show a period's record, record the customer's acceptance."""


def _agreement_id(value: str) -> str:
    spec = parse_spec(value)
    if spec.revision is not None or spec.signed is not None:
        raise UserError(f"not an agreement id: {value!r} (expected e.g. SLA-2024-001)")
    return spec.agreement_id


def supersede_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--supersede` and `--reason TEXT` for the command that writes a period's record; the
    command passes `superseding(supersede, reason)` to `record_store.write_record`."""
    command = click.option(
        "--reason",
        metavar="TEXT",
        help="With --supersede: why the figures change (kept in the new record).",
    )(command)
    return click.option(
        "--supersede",
        is_flag=True,
        help="Replace an accepted record; the accepted one is kept under reports/superseded/.",
    )(command)


def superseding(supersede: bool, reason: str | None) -> str | None:
    """The reason to supersede, or None; a usage error for one option without the other."""
    if supersede and not (reason and reason.strip()):
        raise click.UsageError('--supersede needs --reason "why the figures change"')
    if reason is not None and not supersede:
        raise click.UsageError("--reason goes with --supersede")
    return reason if supersede else None


@report_group.command("show", cls=Command)
@click.argument("agreement_id")
@click.argument("period")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for people, json for tools (the README's stable interface), md for a page.",
)
def show_command(agreement_id: str, period: str, fmt: str) -> None:
    """Print the record of PERIOD (2026-10, 2026Q3) of agreement ID; its acceptance, if
    any, on standard error."""
    from sitegen.reports.acceptance import read_acceptances
    from sitegen.reports.record_store import read_record, reports_folder

    settings, root = Settings.find(Path.cwd())
    reports = reports_folder(root, settings, _agreement_id(agreement_id))
    record, data = read_record(reports, period)
    click.echo(render_report(record.figures, cast(Format, fmt)), nl=False)
    held = read_acceptances(reports, reports.parent.name)
    accepted = held.acceptances.of(period, hashlib.sha256(data).hexdigest())
    if accepted is None:
        click.echo(f"{period}: not accepted yet", err=True)
    else:
        click.echo(safe(f"{period}: accepted on {accepted.date} by {accepted.role}"), err=True)


@report_group.command("accept", cls=Command)
@click.argument("agreement_id")
@click.argument("period")
@click.option(
    "--role",
    required=True,
    help="The accepting customer contact's role, as the agreement names it (中文 or English).",
)
@click.option(
    "--date",
    "date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day of the acceptance, YYYY-MM-DD, after the period (default: today).",
)
@today_option("Count 'the future' from this day, YYYY-MM-DD (default: today).")
def accept_command(
    agreement_id: str, period: str, role: str, date: dt.datetime | None, today: dt.date | None
) -> None:
    """Record that the customer's contact accepted the record of PERIOD of agreement ID."""
    from sitegen.reports.accept import accept

    settings, root = Settings.find(Path.cwd())
    day = today or clock.today()
    when = date.date() if date else day
    entry = accept(root, settings, _agreement_id(agreement_id), period, role, when, day)
    click.echo(safe(f"accepted {period} on {entry.date} by {entry.role} ({entry.sha256[:12]})"))
