"""The mkdocs plugin: glue only. It runs `sitegen.site.generate` before mkdocs reads its
docs folder, refuses a `site_dir` sitegen did not build (mkdocs would empty it), makes
`mkdocs serve` watch the agreements and templates, lets go of each page once it is written,
and publishes no sitemap without `site_url`.

    plugins:
      - sitegen:
          include_restricted: false
          today: 2025-02-10      # default: the day of the build
          within_days: 90
          keep_built_pages: false  # true for a plugin that reads pages after the build
      - i18n: …                  # after sitegen: it reads the files sitegen writes

`on_config` runs at a high priority, so the files exist before any other plugin (such as
mkdocs-static-i18n) looks at the folder. The docs folder is mkdocs' own `docs_dir` unless
`docs_dir` is set here (it must then be the same folder).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from git.exc import GitCommandError
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sitegen.catalogue import RENEWAL_WINDOW_DAYS
from sitegen.errors import SitegenError
from sitegen.load.config import Settings
from sitegen.load.model import Agreement
from sitegen.mkdocs import i18n_search, search_text, sitemap
from sitegen.site import publish
from sitegen.site.progress import Progress

if TYPE_CHECKING:
    from sitegen.site.generate import LateDocuments

log = logging.getLogger("mkdocs.plugins.sitegen")


class SitegenConfig(base.Config):  # type: ignore[no-untyped-call]
    include_restricted = c.Type(bool, default=False)
    # YYYY-MM-DD (YAML reads an unquoted one as a date); default: the day of the build
    today = c.Optional(c.Type((str, dt.date)))
    docs_dir = c.Optional(c.Type(str))  # default: mkdocs' docs_dir
    within_days = c.Type(int, default=RENEWAL_WINDOW_DAYS)
    documents = c.Type(bool, default=True)  # the working version's PDF and Word downloads
    # Keep each page's Markdown and HTML once it is written (see `on_post_page`): only for
    # a plugin that reads them after the build.
    keep_built_pages = c.Type(bool, default=False)


class SitegenPlugin(BasePlugin[SitegenConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        super().__init__()
        # Set by `sitegen build`, which validates first: no second validation here.
        self.agreements: list[Agreement] | None = None
        self.root: Path | None = None
        self.progress: Progress | None = None
        # Set by `sitegen build`: the site is built while the documents render; they are
        # put in place when the last language is built (see `on_post_build`).
        self.late_documents = False
        self._late: LateDocuments | None = None
        self._depth = 0  # builds running: mkdocs-static-i18n nests one per further language
        self._site_dir: Path | None = None
        # mkdocs-static-i18n builds each further language by running the build again with
        # the same config object: the folder is already generated for it then.
        self._generated_for: MkDocsConfig | None = None

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self._generated_for is config:
            return config
        _quiet_jieba()
        i18n_search.install()
        search_text.install()
        self._generate(config)
        self._generated_for = config
        return config

    def _generate(self, config: MkDocsConfig) -> None:
        from sitegen.site import generate

        with _shown(config):
            root, settings = self._project(config)
            out = self._docs_dir(config)
            summary = generate(
                root,
                settings,
                out,
                today=self._today(),
                include_restricted=self.config.include_restricted,
                within_days=self.config.within_days,
                agreements=self.agreements,
                render_documents=self.config.documents,
                progress=self.progress,
                late_documents=self.late_documents,
            )
        self._late = summary.late
        log.info(f"sitegen: {summary.describe()}")

    @event_priority(-200)  # after every other plugin has seen the page
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Empty a written page's Markdown and HTML: nothing reads them again (its title was
        taken when it was rendered), and mkdocs-static-i18n builds the next language while
        this one's pages are still referenced, so at 1,000 agreements they held ~250 MB
        until the end. Emptied, not None: `Page.title` would parse the Markdown again."""
        if not self.config.keep_built_pages:
            page.content, page.markdown = "", ""
        return output

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Before mkdocs empties `site_dir`: refuse one sitegen did not build."""
        self._depth += 1
        if self._depth == 1:
            self._site_dir = Path(config.site_dir)
            with _shown(config):
                publish.claim_site(self._site_dir)
                publish.mark_site(self._site_dir)

    @event_priority(50)  # before mkdocs-static-i18n (-100) sorts the files by language
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """An empty stand-in in the site for each document still rendering (the docs folder
        holds none: a stand-in there outlived a killed build). `finish` replaces them
        when the last language is built; every language links to the same files."""
        if self._late is not None:
            for path in self._late.places:
                files.append(File.generated(config, path, abs_src_path=os.devnull))
        return files

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._depth -= 1
        if self._depth > 0:
            return
        if self._site_dir is not None:
            sitemap.drop_unaddressed(self._site_dir, config.site_url)
        if self._late is None:
            return
        late, self._late = self._late, None
        with _shown(config):
            late.finish(self._site_dir)

    def on_build_error(self, *, error: Exception) -> None:
        self.cancel_late()

    def cancel_late(self) -> None:
        """Stop documents still rendering and remove their stand-ins (nothing to do once
        they are in place)."""
        self._depth = 0
        late, self._late = self._late, None
        if late is not None:
            late.cancel(self._site_dir)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        with _shown(config):
            root, settings = self._project(config)
        for name in (settings.agreements_dir, settings.templates_dir):
            if (root / name).is_dir():
                server.watch(str(root / name))
        return server

    def _project(self, config: MkDocsConfig) -> tuple[Path, Settings]:
        start = Path(config.config_file_path or ".").resolve().parent
        settings, root = Settings.find(self.root or start)
        return root, settings

    def _docs_dir(self, config: MkDocsConfig) -> Path:
        mkdocs_dir = Path(config.docs_dir).resolve()
        if self.config.docs_dir is None:
            return mkdocs_dir
        chosen = (Path(config.config_file_path or ".").parent / self.config.docs_dir).resolve()
        if chosen != mkdocs_dir:
            raise PluginError(
                f"sitegen: docs_dir {chosen} differs from mkdocs' docs_dir {mkdocs_dir}: "
                "mkdocs would not read what sitegen writes"
            )
        return chosen

    def _today(self) -> dt.date:
        today = self.config.today
        if today is None:
            return dt.date.today()
        if isinstance(today, dt.date):  # unquoted in mkdocs.yml (a time of day is dropped)
            return today.date() if isinstance(today, dt.datetime) else today
        try:
            return dt.date.fromisoformat(str(today))
        except ValueError:
            raise PluginError(f"sitegen: today: {today!r} is not YYYY-MM-DD") from None


@contextmanager
def _shown(config: MkDocsConfig) -> Iterator[None]:
    """The plugin's one error boundary, as `sitegen.cli` is the command's: sitegen's errors,
    and a git command that failed, become mkdocs' `PluginError`, which mkdocs shows as one
    `ERROR - sitegen: …` line without a traceback."""
    from sitegen.versions.history import git_failed

    try:
        yield
    except SitegenError as error:
        raise PluginError(f"sitegen: {error}") from None
    except GitCommandError as error:
        folder = Path(config.config_file_path or ".").resolve().parent
        raise PluginError(f"sitegen: {git_failed(error, folder)}") from None


def _quiet_jieba() -> None:
    """Material's search loads jieba for Chinese; keep its loading chatter off the terminal."""
    try:
        import jieba
    except ImportError:  # pragma: no cover - a dependency, but search works without it
        return
    jieba.setLogLevel(logging.WARNING)
