"""`sitegen generate` (the docs folder alone) and `sitegen build` (the whole site)."""

from __future__ import annotations

import datetime as dt
import gc
import sys
import time
from pathlib import Path
from typing import Any

import click

from sitegen.catalogue import RENEWAL_WINDOW_DAYS
from sitegen.commands.boundary import Command
from sitegen.commands.common import checked, today_option
from sitegen.commands.renewals import MAX_DAYS
from sitegen.errors import UserError
from sitegen.load import day
from sitegen.load.checked import Checked
from sitegen.load.config import Settings
from sitegen.mkdocs.languages import build_side_by_side
from sitegen.mkdocs.plugin import Generated, SitegenPlugin
from sitegen.site import DEFAULT_OUT, Progress, generate
from sitegen.site.publish import exclusive, spare, staged
from sitegen.site.search_index import index_site
from sitegen.terminal import safe
from sitegen.workers import cores

TODAY = today_option("Count deadlines and states from this day, YYYY-MM-DD (default: today).")
RESTRICTED = click.option(
    "--include-restricted",
    is_flag=True,
    help="Include agreements with visibility: restricted (for a site only they may read).",
)


class TerminalProgress(Progress):
    """Stages as lines on stderr; rendering documents as a progress bar."""

    def __init__(self) -> None:
        self._bar: Any = None

    def stage(self, message: str) -> None:
        click.echo(f"sitegen: {safe(message)}", err=True)

    def begin(self, label: str, total: int) -> None:
        self._bar = click.progressbar(
            length=total, label=f"sitegen: {safe(label)}", file=sys.stderr
        )
        self._bar.__enter__()

    def step(self, item: str) -> None:
        if self._bar is not None:
            self._bar.update(1, safe(item))

    def end(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


@click.command("generate", cls=Command)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_OUT,
    show_default=True,
    metavar="DIR",
    help="The docs folder to write (only a folder sitegen made is ever replaced).",
)
@TODAY
@RESTRICTED
@click.option("--within", type=click.IntRange(0, MAX_DAYS), default=RENEWAL_WINDOW_DAYS,
              show_default=True, metavar="DAYS",
              help="The renewals page lists what falls due in the next DAYS days.")  # fmt: skip
def generate_command(
    out: Path, today: dt.date | None, include_restricted: bool, within: int
) -> None:
    """Write the catalogue as Markdown pages and files into a docs folder (agreements are
    checked first); rewrites only what changed."""
    settings, root = Settings.find(Path.cwd())
    progress = TerminalProgress()
    out.mkdir(parents=True, exist_ok=True)
    waiting = f"waiting for another build using {out} to end"
    with exclusive(out, lambda: progress.stage(waiting)):  # builds of one folder take turns
        summary = generate(
            root,
            settings,
            out,
            today=today or day.today(),
            include_restricted=include_restricted,
            within_days=within,
            checked=checked(root, settings),
            progress=progress,
        )
    click.echo(f"sitegen: {summary.describe()}", err=True)


@click.command("build", cls=Command)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    help="The site folder to write (default: site_dir of mkdocs.yml, site/); only a "
    "folder sitegen built is ever replaced.",
)
@TODAY
@RESTRICTED
@click.option("-f", "--config-file", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("mkdocs.yml"), show_default=True, metavar="FILE",
              help="The mkdocs configuration.")  # fmt: skip
@click.option("--one-process", is_flag=True,
              help="Build the languages one after the other in one process (less memory; "
              "by default each has its own process when there are two cores or more).")  # fmt: skip
def build_command(
    out: Path | None,
    today: dt.date | None,
    include_restricted: bool,
    config_file: Path,
    one_process: bool,
) -> None:
    """Check the agreements, then build the catalogue site with mkdocs (both languages).
    The site is built beside DIR and put in its place when complete (only a folder sitegen
    built is ever replaced)."""
    settings, root = Settings.find(Path.cwd())
    progress = TerminalProgress()
    config = _mkdocs_config(config_file, out)
    site, docs = Path(config.site_dir), Path(config.docs_dir)
    waiting = f"waiting for another build using {docs} to end"
    with exclusive(docs, lambda: progress.stage(waiting)), staged(site) as staging:
        config.site_dir = str(staging)
        progress.stage("checking the agreements")
        records = checked(root, settings)
        elapsed = build_site(
            config, root, settings, records, progress, today=today,
            include_restricted=include_restricted, site=site, one_process=one_process,
        )  # fmt: skip
    click.echo(f"sitegen: built {site} in {elapsed:.1f} s", err=True)


def build_site(
    config: Any,
    root: Path,
    settings: Settings,
    records: list[Checked],
    progress: Progress,
    *,
    today: dt.date | None = None,
    include_restricted: bool = False,
    site: Path | None = None,
    one_process: bool = False,
) -> float:
    """The one build run of the checked project (`records`), in plain steps: generate →
    mkdocs `build()` → the search index, once, over every language built → finish the
    documents still rendering, which render beside mkdocs (in the background: mkdocs keeps
    its core). Returns the seconds it took. `site`: the
    folder errors name (the one the user chose; `site_dir` may be its staging folder).
    `one_process`: the languages one after the other here, never side by side.

    The `finally` is the one place that keeps an empty download from being left: each
    document still rendering has an empty stand-in in the site, replaced by `finish`, or
    removed by `cancel` when anything stops the run (even Ctrl-C). The docs folder never
    holds a stand-in, and the site is published (`staged`) only when this returns."""
    plugin = _plugin(config)
    options = plugin.options(today=today, include_restricted=include_restricted)
    started = time.monotonic()
    docs = plugin.docs_dir(config)
    late = generate(
        root,
        settings,
        docs,
        today=options.today,
        include_restricted=options.include_restricted,
        within_days=options.within_days,
        checked=records,
        render_documents=options.documents,
        progress=progress,
        late_documents=True,
    ).late
    try:
        plugin.hand_off(Generated(docs, frozenset(late.places) if late else frozenset()))
        busy = late is not None and len(late.places) > BUSY_DOCUMENTS
        _build(config, progress, site or Path(config.site_dir), one_process=one_process or busy)
        progress.stage("indexing the site for search (Pagefind)")  # once, both languages in
        index_site(Path(config.site_dir), shown=site)
        finishing, late = late, None
        if finishing is not None:  # `finish` removes the stand-ins itself if it fails
            finishing.finish(Path(config.site_dir))
    finally:
        if late is not None:
            late.cancel(Path(config.site_dir))
    return time.monotonic() - started


def _plugin(config: Any) -> SitegenPlugin:
    plugin = config.plugins.get("sitegen")
    if not isinstance(plugin, SitegenPlugin):
        raise UserError("mkdocs.yml does not use the sitegen plugin", path=config.config_file_path)
    return plugin


# More documents than this rendering beside mkdocs keep the other core busy: the languages
# are then built one after the other. At 1,000 agreements, cold (3,644 documents), each
# language in its own process took 186.9 s and 1,511 MB (PSS), one process 188.8 s and
# 1,289 MB: the documents use the second core either way. Warm, 68 s against 97 s.
BUSY_DOCUMENTS = 100


def _build(config: Any, progress: Progress, site: Path, *, one_process: bool) -> None:
    """mkdocs' build, each language in its own process on a machine with two cores or
    more (`build_side_by_side`), else one after the other in this one."""
    alone = one_process or cores() < 2
    progress.stage(
        "building the site with mkdocs" + ("" if alone else ", each language in its own process")
    )
    # What is alive now (the agreements above all) lives until the command ends: moved out
    # of the collector's sight, a full collection during the build no longer walks it (nor
    # that of the process forked to build the other language).
    gc.freeze()
    if alone:
        _mkdocs_build(config, site)
        return
    with spare(site) as beside:
        build_side_by_side(config, lambda c: _mkdocs_build(c, site), beside, shown=site)


def _mkdocs_config(config_file: Path, out: Path | None) -> Any:
    """mkdocs' configuration, with its docs folder created first: mkdocs refuses a
    docs_dir that does not exist before any plugin can write it."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    try:
        with config_file.open("rb") as handle:
            raw = yaml_load(handle) or {}
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror}", path=config_file) from None
    docs = config_file.parent / str(raw.get("docs_dir", "docs"))
    docs.mkdir(parents=True, exist_ok=True)
    try:
        return load_config(str(config_file), site_dir=str(out.resolve()) if out else None)
    except ConfigurationError as error:
        raise UserError(f"mkdocs configuration: {error}", path=config_file) from None


def _mkdocs_build(config: Any, site: Path) -> None:
    """Build into `config.site_dir`; errors name `site`, the folder the user chose."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    from sitegen.mkdocs.log import mkdocs_warnings

    try:
        with mkdocs_warnings():
            build(config)
    except MkDocsException as error:
        raise UserError(f"the site build failed: {error}") from None
    except OSError as error:  # mkdocs or a plugin writing the site (a full disk)
        raise UserError(f"the site build failed: {error.strerror}", path=site) from None
