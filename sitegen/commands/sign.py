"""`sitegen sign` and `sitegen attach`: put a version into the signed archive."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from sitegen.commands.boundary import Command
from sitegen.load.config import Settings


@click.command("sign", cls=Command)
@click.argument("agreement_id")
@click.option(
    "--date",
    "date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Signing date, YYYY-MM-DD (default: today).",
)
@click.option(
    "--snapshot",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="A published agreement: the provider's page, saved as PDF or HTML, to archive.",
)
def sign_command(agreement_id: str, date: dt.datetime | None, snapshot: Path | None) -> None:
    """Sign agreement ID: archive it with its PDF under signed/, commit and tag it. A
    provider's published agreement is archived as accepted, with the provider's text."""
    from sitegen.versions.sign import sign

    settings, root = Settings.find(Path.cwd())
    done = sign(root, settings, agreement_id, date.date() if date else None, snapshot=snapshot)
    for path in done.files:
        click.echo(f"wrote {_shown(path)}")
    click.echo(f"committed {done.commit[:12]} and tagged {done.tag}")


@click.command("attach", cls=Command)
@click.argument("agreement_id")
@click.argument("version")
@click.argument("scan", type=click.Path(path_type=Path, exists=True, dir_okay=False))
def attach_command(agreement_id: str, version: str, scan: Path) -> None:
    """Archive SCAN, the executed paper copy of signed VERSION (v1, v2, …) of ID."""
    from sitegen.versions.sign import attach

    settings, root = Settings.find(Path.cwd())
    done = attach(root, settings, agreement_id, version, scan)
    for path in done.files:
        click.echo(f"wrote {_shown(path)}")
    click.echo(f"committed {done.commit[:12]}")


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
