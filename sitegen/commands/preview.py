"""`sitegen preview ID`: one agreement's pages with the site's theme, rebuilt on each save."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from sitegen.commands.boundary import Command
from sitegen.commands.common import today_option
from sitegen.compose.contract import Lang
from sitegen.load.config import Settings
from sitegen.mkdocs.preview import HOST, Served, serve_preview
from sitegen.site.preview import agreement_folder
from sitegen.terminal import safe


@click.command("preview", cls=Command)
@click.argument("agreement_id", metavar="ID")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              metavar="N", help=f"Serve at http://{HOST}:N/.")  # fmt: skip
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="The language of the page address shown (both are served).")  # fmt: skip
@today_option("Count deadlines and states from this day, YYYY-MM-DD (default: today).")
@click.option("-f", "--config-file", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("mkdocs.yml"), show_default=True, metavar="FILE",
              help="The mkdocs configuration.")  # fmt: skip
def preview_command(
    agreement_id: str, port: int, lang: Lang, today: dt.date | None, config_file: Path
) -> None:
    """Serve agreement ID's pages alone with the site's theme, in both languages, and
    rebuild them when its file, a template or the theme is saved (seconds, where `mkdocs
    serve` builds the whole catalogue); a broken edit shows its findings on the page."""
    settings, root = Settings.find(Path.cwd())
    agreement_folder(root, settings, agreement_id)  # an unknown id stops here
    target = (root, settings, agreement_id)
    serve_preview(config_file, target, Served(HOST, port, lang), _show, today=today)


def _show(text: str) -> None:
    """A message of the server on stderr, each of its lines (mkdocs' errors have several)
    a line of its own."""
    for line in text.splitlines():
        click.echo(f"sitegen: {safe(line)}", err=True)
