"""`sitegen renewals`: what falls due (objection deadlines, expiries, reviews, and the
obligations of the records and reviews: reports, improvement actions, credit claims,
revisions), and the calendar."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from sitegen.catalogue import RENEWAL_WINDOW_DAYS, Due, due_records, read_kept, renewals, to_ics
from sitegen.commands.boundary import Command
from sitegen.commands.common import checked, today_option
from sitegen.compose.vocabulary import DEADLINE_WORDS
from sitegen.files import write_atomic
from sitegen.load import day as clock
from sitegen.load.config import Settings
from sitegen.terminal import json_text, safe
from sitegen.versions.in_force import read_versions

MAX_DAYS = 36525  # a century: enough for any window, and dates stay in range


@click.command("renewals", cls=Command)
@click.option(
    "--within",
    "within",
    type=click.IntRange(min=0, max=MAX_DAYS),
    default=RENEWAL_WINDOW_DAYS,
    show_default=True,
    metavar="DAYS",
    help="Show what falls due in the next DAYS days (overdue items are always shown).",
)
@today_option("Count from this day, YYYY-MM-DD (default: today).")
@click.option(
    "--ics",
    "ics",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    help="Also write every deadline of the agreements in force as an iCalendar file.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for tools.",
)
@click.option(
    "--include-restricted", is_flag=True, help="Include agreements with visibility: restricted."
)
def renewals_command(
    within: int, today: dt.date | None, ics: Path | None, fmt: str, include_restricted: bool
) -> None:
    """Print the deadlines and obligations due soon, overdue ones first: objection
    deadlines, expiries, reviews, amendment watches, service reports, improvement actions,
    credit claim windows and revisions triggered (agreements are checked first)."""
    settings, root = Settings.find(Path.cwd())
    day = today or clock.today()
    records = checked(root, settings, cached=False)
    agreements = [  # the deadlines of the versions in force, never a draft's
        read_versions(record.agreement, record.path.parent, settings.load) for record in records
    ]
    kept = {
        versions.id: read_kept(record.path.parent, versions.current, settings)
        for record, versions in zip(records, agreements, strict=True)
    }
    items = renewals(agreements, day, within, include_restricted=include_restricted, kept=kept)
    if fmt == "json":
        document = {"as_of": day.isoformat(), "within_days": within, "due": due_records(items)}
        click.echo(json_text(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)))
    else:
        for line in text_lines(items, day, within):
            click.echo(line)
    if ics is not None:
        calendar = to_ics(agreements, day, include_restricted=include_restricted, kept=kept)
        write_atomic(ics, calendar.encode("utf-8"))
        click.echo(f"wrote {ics}", err=True)


def when(days: int) -> str:
    """`today`, `in 1 day`, `in 14 days`, `229 days ago`."""
    if days == 0:
        return "today"
    count = f"{abs(days)} day{'s' if abs(days) != 1 else ''}"
    return f"in {count}" if days > 0 else f"{count} ago"


def _about(due: Due) -> str:
    """What an obligation is about, after the title: ` — 2026-11`, ` — A1: the action`."""
    return f" — {safe(due.subject.en)}" if due.subject is not None else ""


def text_lines(items: list[Due], today: dt.date, within: int) -> list[str]:
    """One aligned line per item (overdue ones flagged OVERDUE), then a summary line."""
    if not items:
        return [f"nothing overdue or due within {within} days of {today}"]
    width_id = max(len(safe(due.agreement_id)) for due in items)
    width_when = max(len(when(due.days)) for due in items)
    lines = [
        f"{'OVERDUE' if due.overdue else '':7}  {due.date}  {DEADLINE_WORDS[due.kind]:18}  "
        f"{safe(due.agreement_id):{width_id}}  {when(due.days):{width_when}}  "
        f"{safe(due.title.zh)} / {safe(due.title.en)}{_about(due)}"
        for due in items
    ]
    overdue = sum(due.overdue for due in items)
    lines.append(f"{overdue} overdue, {len(items) - overdue} due within {within} days of {today}")
    return lines
