"""`sitegen render`: an agreement (or all of them) as Markdown, PDF or Word."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import cast

import click

from sitegen.commands.boundary import Command
from sitegen.commands.common import checked
from sitegen.errors import UserError
from sitegen.files import write_atomic
from sitegen.load.checked import Checked
from sitegen.load.config import Settings
from sitegen.load.layout import AGREEMENT_FILE
from sitegen.load.model import Agreement
from sitegen.render.outputs import (
    EDITIONS,
    FORMATS,
    Edition,
    Format,
    contract_of,
    file_name,
    render,
)
from sitegen.versions import agreement_folder
from sitegen.versions.in_force import read_versions


@click.command("render", cls=Command)
@click.argument("agreement_id", required=False)
@click.option("--all", "everything", is_flag=True, help="Render every agreement into -o DIR.")
@click.option(
    "--lang",
    type=click.Choice(EDITIONS),
    default="bilingual",
    show_default=True,
    help="One language, or both (PDF and Word: clause by clause; Markdown: side by side).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="md, pdf or docx. Default: md for one agreement, all three with --all.",
)
@click.option("-o", "--output", "target", type=click.Path(path_type=Path),
              help="File to write (folder with --all). Default: Markdown to the terminal, "
              "PDF and Word to ID.pdf / ID.docx here.")  # fmt: skip
def render_command(
    agreement_id: str | None, everything: bool, lang: str, fmt: str | None, target: Path | None
) -> None:
    """Render the working version of an agreement (checked first) as a contract."""
    settings, root = Settings.find(Path.cwd())
    if everything == bool(agreement_id):
        raise click.UsageError("give one agreement ID, or --all with -o DIR")
    if everything:
        if target is None:
            raise click.UsageError("--all needs -o DIR")
        formats = [cast(Format, fmt)] if fmt else list(FORMATS)
        _render_all(root, settings, target, formats, cast(Edition, lang))
        return
    assert agreement_id is not None
    path = _agreement_file(root, settings, agreement_id)
    agreement = _as_archived(checked(root, settings, [path], cached=False)[0], settings)
    chosen, view = cast(Format, fmt or "md"), cast(Edition, lang)
    data = render(contract_of(agreement, root, settings), chosen, view)
    if target is None and chosen == "md":
        sys.stdout.buffer.write(data)
        return
    path = target or Path(file_name(agreement.id, chosen, view))
    write_atomic(path, data)
    click.echo(f"wrote {path}", err=True)


def _as_archived(record: Checked, settings: Settings) -> Agreement:
    """The working version as it may be rendered: signed only when the archive holds it."""
    return read_versions(record.agreement, record.path.parent, settings.load).rendered


def _agreement_file(root: Path, settings: Settings, agreement_id: str) -> Path:
    path = agreement_folder(root, settings, agreement_id) / AGREEMENT_FILE
    if not path.is_file():
        raise UserError(f"no agreement {agreement_id!r}: {path} does not exist")
    return path


def _render_all(
    root: Path, settings: Settings, folder: Path, formats: list[Format], lang: Edition
) -> None:
    records = checked(root, settings, cached=False)
    jobs = [(_as_archived(r, settings), f) for r in records for f in formats]
    with click.progressbar(jobs, label="rendering", file=sys.stderr,
                           item_show_func=lambda job: job and job[0].id) as bar:  # fmt: skip
        for agreement, fmt in bar:
            contract = contract_of(agreement, root, settings)
            write_atomic(folder / file_name(agreement.id, fmt, lang), render(contract, fmt, lang))
    click.echo(f"wrote {len(jobs)} files to {folder}", err=True)
