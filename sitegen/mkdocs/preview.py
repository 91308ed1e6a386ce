"""`sitegen preview ID`: one agreement's pages, served by mkdocs' own live-reload server.

`mkdocs serve` builds the whole catalogue: at 1,000 agreements an edit shows after more
than a minute. Here the docs folder (a temporary one) holds only what `sitegen.site.preview`
makes for the one agreement, and mkdocs builds it with the project's own configuration
(theme, overrides, CSS and scripts, both languages through mkdocs-static-i18n), but for
the folders, a navigation of the preview's start page alone, no search (`_plugins`), and
the sitegen plugin handed the generated folder (`Generated`), so it generates nothing.

This does what `mkdocs.commands.serve.serve` does (a temporary site folder, the
configuration read again for each build, `build(serve_url=…)`, the site's 404 page,
`on_startup`/`on_shutdown`), with three changes: each build first makes the agreement's
pages again; the first build, which the first page waits for, builds the languages side by
side on two cores (`_mkdocs_build`); and only what the pages are made from is watched (the
agreement's folder, the templates, the theme's overrides, mkdocs.yml and sitegen.toml).
The plugins' `on_serve` is not run: the sitegen plugin's would watch every agreement, and
mkdocs' polling observer would then stat thousands of files twice a second.

A build never stops the server: a broken edit shows its findings in the terminal and on
the pages (`Preview.update`), an error of mkdocs itself in the terminal, and the next save
builds again. Ctrl-C or SIGTERM stops it and removes its temporary folder.
"""

from __future__ import annotations

import datetime as dt
import shutil
import signal
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer

from sitegen.catalogue import RENEWAL_WINDOW_DAYS
from sitegen.compose.contract import Lang
from sitegen.errors import SitegenError, UserError
from sitegen.load import day
from sitegen.load.config import CONFIG_NAME, Settings
from sitegen.mkdocs.languages import build_side_by_side
from sitegen.mkdocs.log import mkdocs_warnings
from sitegen.mkdocs.plugin import Generated, SitegenPlugin
from sitegen.render.page_markup import url
from sitegen.site.preview import START, Preview, PreviewOptions
from sitegen.site.publish import claim_site
from sitegen.workers import cores

HOST = "127.0.0.1"  # the preview is for the person editing: never served to the network

Show = Callable[[str], None]  # a line for the terminal
Target = tuple[Path, Settings, str]  # the project's root, its settings, the agreement's id


@dataclass(frozen=True)
class Served:
    """Where the preview is served."""

    host: str
    port: int
    lang: Lang  # the agreement page's language named on the terminal

    def address(self, path: str = "") -> str:
        return f"http://{self.host}:{self.port}/{path}"


def page_address(preview: Preview, served: Served) -> str:
    """The agreement page's address (`/agreements/ID/`, `/en/agreements/ID/`)."""
    stem = preview.page_path("zh").removesuffix(".md")
    prefix = "" if served.lang == "zh" else f"{served.lang}/"
    return served.address(url(f"{prefix}{stem}/"))


def serve_preview(
    config_file: Path, target: Target, served: Served, show: Show, *, today: dt.date | None
) -> None:
    """Build the agreement's pages, serve them at `served`, and build again on each saved
    change of what they are made from, until interrupted. `today`: `--today`, else the
    sitegen plugin's `today`, else the clock."""
    _port_free(served)  # before seconds of building, not after
    work = Path(tempfile.mkdtemp(prefix="sitegen-preview-")).resolve()
    docs, site = work / "docs", work / "site"
    docs.mkdir()
    try:
        with mkdocs_warnings(), _interrupted_by_sigterm():
            first = _config(config_file, docs, site, served)
            plugin = first.plugins.get("sitegen")
            within = RENEWAL_WINDOW_DAYS
            if isinstance(plugin, SitegenPlugin):
                options = plugin.options(today=today)
                today, within = options.today, options.within_days
            preview = Preview(*target, PreviewOptions(today or day.today(), within))
            _serve(first, config_file, preview, served, show, docs, site)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _serve(
    first: MkDocsConfig,
    config_file: Path,
    preview: Preview,
    served: Served,
    show: Show,
    docs: Path,
    site: Path,
) -> None:
    first.plugins.on_startup(command="serve", dirty=False)

    def builder(config: MkDocsConfig | None = None) -> None:
        try:  # mkdocs.yml is read again for each build: an edit may have broken it
            config = config or _config(config_file, docs, site, served)
        except SitegenError as error:
            show(str(error))
            return
        _build(config, preview, show, docs)

    server = LiveReloadServer(builder=builder, host=served.host, port=served.port, root=str(site))
    server.error_handler = lambda code: _error_page(site, code)
    try:
        builder(first)
        for path in _watched(preview, config_file, first):
            server.watch(str(path))
        show(f"previewing {preview.agreement_id} at {page_address(preview, served)}")
        show("saving the agreement, a template or the theme rebuilds it; Ctrl-C stops")
        try:
            server.serve()  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            pass
        except OSError as error:
            raise UserError(f"cannot serve at {served.address()}: {error.strerror}") from None
        finally:
            server.shutdown()
    finally:
        first.plugins.on_shutdown()


def _build(config: MkDocsConfig, preview: Preview, show: Show, docs: Path) -> None:
    """The agreement's pages, then mkdocs' build of them; problems of either on the
    terminal (and the agreement's on the pages), never raised."""
    started = time.monotonic()
    problems = preview.update(docs)
    for line in problems:
        show(line)
    try:
        _mkdocs_build(config)
    except (MkDocsException, SitegenError) as error:
        show(f"the site build failed: {error}")
        return
    except OSError as error:
        show(f"the site build failed: {error.strerror}: {error.filename}")
        return
    state = "with the problems above" if problems else "built"
    show(f"{preview.agreement_id} {state} in {time.monotonic() - started:.1f} s")


def _mkdocs_build(config: MkDocsConfig) -> None:
    """mkdocs' build, for the live-reload server. The first build, before the server has
    started a thread, builds the other language in a forked process, side by side, as
    `sitegen build` does on two cores (`languages.build_side_by_side`): the first page
    comes sooner. Later builds run beside the server's threads, and a process forked then
    could inherit a lock one of them holds: they build the languages one after the other."""
    from mkdocs.commands.build import build

    def one(c: MkDocsConfig) -> None:
        build(c, serve_url=c.site_url)

    if cores() < 2 or threading.active_count() > 1:
        one(config)
        return
    site = Path(config.site_dir)
    beside = Path(tempfile.mkdtemp(prefix="languages-", dir=site.parent))
    try:
        build_side_by_side(config, one, beside, shown=site)
    finally:
        shutil.rmtree(beside, ignore_errors=True)


def _config(config_file: Path, docs: Path, site: Path, served: Served) -> MkDocsConfig:
    """The project's mkdocs configuration for the preview's folders and start page, its
    sitegen plugin handed the generated folder."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    claim_site(site)
    try:
        plugins = _plugins(config_file)
        config = load_config(
            str(config_file), docs_dir=str(docs), site_dir=str(site), nav=[f"{START}.md"],
            plugins=plugins,
        )  # fmt: skip
    except ConfigurationError as error:
        raise UserError(f"mkdocs configuration: {error}", path=config_file) from None
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror}", path=config_file) from None
    config.site_url = served.address()
    plugin = config.plugins.get("sitegen")
    if isinstance(plugin, SitegenPlugin):
        plugin.hand_off(Generated(docs))
    return config


def _plugins(config_file: Path) -> list[Any] | dict[str, Any]:
    """mkdocs.yml's plugins (a list or a mapping, as mkdocs reads them), but Material's
    search, should a configuration still name it: one agreement needs no search, and it
    would index every page before the first page is served. (The site's own search,
    Pagefind, runs after a build the plugin was not handed: never in a preview.)"""
    from mkdocs.utils.yaml import yaml_load

    with config_file.open("rb") as handle:
        raw = yaml_load(handle) or {}
    listed = raw.get("plugins") if isinstance(raw, dict) else None
    if isinstance(listed, dict):
        return {name: value for name, value in listed.items() if name != "search"}
    if not isinstance(listed, list):
        return []  # mkdocs' default plugins are search alone
    return [p for p in listed if p != "search" and not (isinstance(p, dict) and "search" in p)]


def _watched(preview: Preview, config_file: Path, config: MkDocsConfig) -> Iterator[Path]:
    """What the pages are made from: the agreement's folder, the templates, the theme's
    overrides (`custom_dir`), the configurations."""
    root, settings = preview.root, preview.settings
    yield preview.folder
    overrides = config.theme.custom_dir
    for path in (root / settings.templates_dir, root / CONFIG_NAME):
        if path.exists():
            yield path
    if overrides:
        yield Path(overrides)
    yield config_file


def _port_free(served: Served) -> None:
    """A UserError when the address cannot be listened on (another server holds it). The
    server binds it again once the pages are built: this only says so early."""
    try:
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
            probe.bind((served.host, served.port))
    except OSError as error:
        raise UserError(f"cannot serve at {served.address()}: {error.strerror}") from None


def _error_page(site: Path, code: int) -> bytes | None:
    page = site / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None


@contextmanager
def _interrupted_by_sigterm() -> Iterator[None]:
    """SIGTERM as Ctrl-C: the server stops and the temporary folder is removed (Python's
    default for SIGTERM ends the process at once)."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
