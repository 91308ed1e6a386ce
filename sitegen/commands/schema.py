"""`sitegen schema`: the JSON Schema of agreement files."""

from __future__ import annotations

from pathlib import Path

import click

from sitegen.commands.boundary import Command
from sitegen.errors import UserError


@click.command("schema", cls=Command)
@click.option("-o", "--output", "target", type=click.Path(path_type=Path), help="Write to FILE.")
def schema_command(target: Path | None) -> None:
    """Print the JSON Schema of agreement files (draft-07, for editors)."""
    from sitegen.load.schema import schema_text

    text = schema_text()
    if target is None:
        click.echo(text, nl=False)
        return
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UserError(f"cannot write: {error.strerror}", path=target) from None
