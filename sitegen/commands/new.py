"""`sitegen new`: a new agreement folder with a skeleton that validates."""

from __future__ import annotations

from pathlib import Path

import click

from sitegen.commands.boundary import Command
from sitegen.load.config import Settings


@click.command("new", cls=Command)
@click.argument("agreement_id")
@click.option("--template", "template", default="it-service-sla", show_default=True)
def new_command(agreement_id: str, template: str) -> None:
    """Write agreements/ID/agreement.yaml: a complete skeleton that validates."""
    from sitegen.compose.skeleton import write_skeleton

    settings, root = Settings.find(Path.cwd())
    path = write_skeleton(root, settings, agreement_id, template)
    click.echo(f"wrote {path}: fill in the parts marked 待填写 / to be completed")
