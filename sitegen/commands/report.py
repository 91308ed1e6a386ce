"""`sitegen report show` and `sitegen report accept`: a period's record, and its acceptance."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from sitegen.commands.boundary import Command, Group
from sitegen.commands.common import today_option
from sitegen.commands.report_output import SHOWN, emit, needs_output, output_option
from sitegen.errors import UserError
from sitegen.load import day as clock
from sitegen.load.config import Settings
from sitegen.load.input_mappings import InputFiles
from sitegen.reports.forms import summary_line
from sitegen.reports.periods import Period
from sitegen.terminal import safe
from sitegen.versions import parse_spec

if TYPE_CHECKING:
    from sitegen.reports.run import Skipped


class _ReportGroup(Group):
    """`sitegen report ID --period P` computes and keeps a period's figures; `show` and
    `accept` are the group's other commands. Anything that is not one of their names is
    the computing command's arguments."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["make", *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(
            ctx.command_path, "[ID…|--all] --period P [options] | show … | accept …"
        )


@click.group("report", cls=_ReportGroup)
def report_group() -> None:
    """Service reports: measure each agreement's period against its terms from outage and
    ticket data (`sitegen report ID --period 2026-10`, see `sitegen report make -h`), show a
    period's record, record the customer's acceptance."""


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


def _periods(values: tuple[str, ...]) -> list[Period]:
    """Each --period, a month, a quarter or a range of months (2025-10..2026-09)."""
    try:
        return list(dict.fromkeys(p for value in values for p in Period.parse_span(value)))
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--period") from None


_KINDS = ("outages", "tickets", "charges")


def _inputs(
    files_of: dict[str, tuple[str, ...]],
    mapping_of: dict[str, str | None],
    default: str | None,
    settings: Settings,
) -> list[InputFiles]:
    """The files given, or else the project's `[[reports.inputs]]`."""
    for rows in _KINDS:
        if mapping_of[rows] and not files_of[rows]:
            raise click.UsageError(
                f"--{rows}-mapping goes with the files it reads: give them with --{rows}"
            )
    if not any(files_of.values()):
        return list(settings.reports.inputs)
    given = []
    for rows in _KINDS:
        files, mapping = files_of[rows], mapping_of[rows]
        if files:
            given.append(
                InputFiles(rows=rows, files=list(files), mapping=mapping, agreement=default)
            )
    return given


@report_group.command("make", cls=Command)
@click.argument("agreement_ids", nargs=-1, metavar="[ID]…")
@click.option("--all", "every", is_flag=True, help="Every agreement with a version in force.")
@click.option(
    "--period",
    "period_texts",
    multiple=True,
    required=True,
    metavar="P",
    help="A month (2026-10), a quarter (2026Q3) or months (2025-10..2026-09); repeatable.",
)
@click.option(
    "--outages",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Outage rows (CSV, JSON Lines, Parquet, Prometheus JSON); repeatable.",
)
@click.option(
    "--tickets",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Ticket rows; repeatable. Without files: sitegen.toml's [[reports.inputs]].",
)
@click.option(
    "--charges",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Billing rows (what each tier's service cost in a period), for credits on charges; "
    "repeatable.",
)
@click.option("--outages-mapping", metavar="NAME", help="The mapping of the outage files.")
@click.option(
    "--tickets-mapping",
    metavar="NAME",
    help="The mapping of the ticket files (jira-service-management, servicenow…).",
)
@click.option("--charges-mapping", metavar="NAME", help="The mapping of the billing files.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(SHOWN),
    default="text",
    show_default=True,
    help="How to print the figures (one period of one agreement), else a summary; pdf "
    "writes -o FILE.",
)
@output_option
@click.option("--dry-run", is_flag=True, help="Compute and print; write no record.")
@supersede_options
def make_command(
    agreement_ids: tuple[str, ...],
    every: bool,
    period_texts: tuple[str, ...],
    outages: tuple[str, ...],
    tickets: tuple[str, ...],
    charges: tuple[str, ...],
    outages_mapping: str | None,
    tickets_mapping: str | None,
    charges_mapping: str | None,
    fmt: str,
    target: Path | None,
    dry_run: bool,
    supersede: bool,
    reason: str | None,
) -> None:
    """Measure agreement ID (or --all) over each --period against the version in force
    then, from outage and ticket files, and keep the figures as
    agreements/ID/reports/PERIOD.yaml."""
    from sitegen.reports.run import report

    if bool(agreement_ids) == every:
        raise click.UsageError("give agreement IDs or --all (not both)")
    ids = [_agreement_id(value) for value in agreement_ids]
    periods = _periods(period_texts)
    needs_output(fmt, target)
    if (fmt == "pdf" or target is not None) and (len(ids) != 1 or len(periods) != 1):
        raise click.UsageError("-o and --format pdf take one period of one agreement")
    settings, root = Settings.find(Path.cwd())
    default = ids[0] if len(ids) == 1 else None
    inputs = _inputs(
        {"outages": outages, "tickets": tickets, "charges": charges},
        {"outages": outages_mapping, "tickets": tickets_mapping, "charges": charges_mapping},
        default,
        settings,
    )
    outcomes, skipped = report(
        root,
        settings,
        ids,
        periods,
        inputs,
        supersede=superseding(supersede, reason),
        write=not dry_run,
    )
    for line in skipped_lines(skipped):
        click.echo(safe(line), err=True)
    if len(outcomes) == 1:
        emit(root, settings, outcomes[0].figures, fmt, target)
    else:
        for outcome in outcomes:
            click.echo(safe(summary_line(outcome.figures)))
    for outcome in outcomes:
        if outcome.written is not None and outcome.written.changed:
            name = outcome.written.path.relative_to(root).as_posix()
            click.echo(safe(f"wrote {name}"), err=True)


def skipped_lines(skipped: list[Skipped]) -> list[str]:
    """One line per agreement skipped: its first period's reason, and how many more."""
    lines, seen = [], set()
    for item in skipped:
        if item.agreement in seen:
            continue
        seen.add(item.agreement)
        periods = [s.period for s in skipped if s.agreement == item.agreement]
        span = periods[0] if len(periods) == 1 else f"{periods[0]}..{periods[-1]}"
        lines.append(f"{item.agreement} {span}: skipped: {item.why}")
    return lines


@report_group.command("show", cls=Command)
@click.argument("agreement_id")
@click.argument("period")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(SHOWN),
    default="text",
    show_default=True,
    help="text for people, json for tools (the README's stable interface), md for a page, "
    "pdf for the customer (with -o).",
)
@output_option
def show_command(agreement_id: str, period: str, fmt: str, target: Path | None) -> None:
    """Print the record of PERIOD (2026-10, 2026Q3) of agreement ID, or write it to -o
    FILE; its acceptance, if any, on standard error."""
    from sitegen.reports.acceptance import read_acceptances
    from sitegen.reports.record_store import read_record, reports_folder

    settings, root = Settings.find(Path.cwd())
    needs_output(fmt, target)
    reports = reports_folder(root, settings, _agreement_id(agreement_id))
    record, data = read_record(reports, period)
    emit(root, settings, record.figures, fmt, target)
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
