"""The mkdocs plugin: glue only. For a bare `mkdocs build` or `mkdocs serve` it runs
`sitegen.site.generate` before mkdocs reads its docs folder; under `sitegen build`, which
checks and generates itself and then runs mkdocs, it is handed a `Generated` instead (its
one input from outside, through `hand_off`) and generates nothing, nor indexes the site
for search (the command does); a bare build indexes it, and `mkdocs serve` once, then
only when searched pages changed (`sitegen.mkdocs.serve_search`). Either way it refuses a
`site_dir` sitegen did not build (mkdocs would empty it), makes `mkdocs serve` watch the
agreements and templates, lets go of each page once it is written, and publishes no
sitemap without `site_url`.

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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from git.exc import GitCommandError
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from sitegen.catalogue import RENEWAL_WINDOW_DAYS
from sitegen.errors import SitegenError
from sitegen.load import day
from sitegen.load.config import Settings
from sitegen.mkdocs import serve_search, sitemap
from sitegen.site import publish, search_index
from sitegen.site.words import search_words

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


@dataclass(frozen=True)
class SiteOptions:
    """The plugin's options as one run uses them, `today` parsed (the clock read) once."""

    today: dt.date
    include_restricted: bool
    within_days: int
    documents: bool


@dataclass(frozen=True)
class Generated:
    """What `sitegen build` hands the plugin before it runs mkdocs: it has generated `docs`
    itself, and `rendering` are the docs paths of the documents still rendering, each an
    empty stand-in in the site until the command puts them in place (or removes them)."""

    docs: Path
    rendering: frozenset[str] = frozenset()


class SitegenPlugin(BasePlugin[SitegenConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        super().__init__()
        self._generated: Generated | None = None  # from `hand_off`: `sitegen build`
        self._depth = 0  # builds running: mkdocs-static-i18n nests one per further language
        self._site_dir: Path | None = None
        # mkdocs-static-i18n builds each further language by running the build again with
        # the same config object: the folder is already generated for it then.
        self._generated_for: MkDocsConfig | None = None

    def options(
        self, *, today: dt.date | None = None, include_restricted: bool = False
    ) -> SiteOptions:
        """This run's options: mkdocs.yml's, with `sitegen build`'s `--today` and
        `--include-restricted` taking precedence when given."""
        return SiteOptions(
            today or self._today(),
            include_restricted or self.config.include_restricted,
            self.config.within_days,
            self.config.documents,
        )

    def hand_off(self, generated: Generated) -> None:
        """`sitegen build` has checked the agreements and generated the docs folder: the
        coming build generates nothing, and gives each document still rendering a stand-in."""
        self._generated = generated

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self._generated_for is config:
            return config
        # The search box's words, each language's, for `partials/sitegen-search.html`.
        config.extra["sitegen_search"] = search_words()
        if self._generated is None:
            self._generate(config)
        elif self._generated.docs.resolve() != self.docs_dir(config):
            raise PluginError(
                f"sitegen: {self._generated.docs} was generated, but mkdocs reads "
                f"{self.docs_dir(config)}"
            )
        self._generated_for = config
        return config

    def _generate(self, config: MkDocsConfig) -> None:
        """A bare `mkdocs build` or `mkdocs serve`: check and generate here."""
        from sitegen.site import generate

        with _shown(config):
            root, settings = self.project(config)
            options = self.options()
            summary = generate(
                root,
                settings,
                self.docs_dir(config),
                today=options.today,
                include_restricted=options.include_restricted,
                within_days=options.within_days,
                render_documents=options.documents,
            )
        log.info(f"sitegen: {summary.describe()}")

    @event_priority(-200)  # after every other plugin has seen the page
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Empty a written page's Markdown and HTML: nothing reads them again (its title was
        taken when it was rendered), and mkdocs-static-i18n builds the next language while
        this one's pages are still referenced, so at 1,000 agreements they held ~250 MB
        until the end. Emptied, not None: `Page.title` would parse the Markdown again.
        The page's language alternates leave its head: Material would fetch a sitemap
        beside each (`sitemap.without_alternate_links`)."""
        if not self.config.keep_built_pages:
            page.content, page.markdown = "", ""
        return sitemap.without_alternate_links(output)

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        """The 404 page's language selector leads to each language's 404 page: left alone
        it shows the alternates of the last page mkdocs-static-i18n built (a diff page)."""
        i18n = config.plugins.get("i18n")
        roots = getattr(i18n, "extra_alternate", None)
        if template_name == "404.html" and isinstance(roots, list):
            alternate = [{**root, "link": f"{root['link']}404.html"} for root in roots]
            # Both ways: mkdocs-static-i18n sets the attribute, which Jinja reads first.
            config.extra["alternate"] = alternate
            setattr(config.extra, "alternate", alternate)  # noqa: B010
        return context

    @event_priority(-200)
    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Each language keeps its own 404 page: mkdocs writes every build's at the top of
        the site, so the build of another language than the default one puts its page in
        its own folder (`en/404.html`) and leaves the top one to the default language."""
        if template_name != "404.html":
            return output_content
        output_content = sitemap.without_alternate_links(output_content)
        i18n = config.plugins.get("i18n")
        language = getattr(i18n, "current_language", None)
        if language in (None, getattr(i18n, "default_language", None)):
            return output_content
        own = Path(config.site_dir) / str(language) / "404.html"
        own.parent.mkdir(parents=True, exist_ok=True)
        own.write_text(output_content, encoding="utf-8")
        top = Path(config.site_dir) / "404.html"
        return top.read_text(encoding="utf-8") if top.is_file() else output_content

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Before mkdocs empties `site_dir`: refuse one sitegen did not build."""
        self._depth += 1
        if self._depth == 1:
            self._site_dir = Path(config.site_dir)
            with _shown(config):
                publish.claim_site(self._site_dir)
                publish.mark_site(self._site_dir)
            served = serve_search.session_of(self._site_dir)
            if served is not None:  # nothing may go into the folder while mkdocs empties it
                served.build_starts()

    @event_priority(50)  # before mkdocs-static-i18n (-100) sorts the files by language
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """An empty stand-in in the site for each document still rendering (the docs folder
        holds none: a stand-in there outlived a killed build). `sitegen build` replaces
        them once mkdocs is done; every language links to the same files."""
        if self._generated is not None:
            for path in sorted(self._generated.rendering):
                files.append(File.generated(config, path, abs_src_path=os.devnull))
        return files

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._depth -= 1
        if self._depth == 0 and self._site_dir is not None:
            sitemap.drop_unaddressed(self._site_dir, config.site_url)
            if self._generated is not None:  # `sitegen build` indexes the site itself
                return
            served = serve_search.session_of(self._site_dir)
            with _shown(config):  # a bare `mkdocs build` or `serve`: index it here
                if served is not None:  # a rebuild of `serve`: only if searched pages changed
                    said = served.build_done(self._site_dir)
                else:
                    said = search_index.index_site(self._site_dir).describe()
            log.info(f"sitegen: {said}")

    def on_build_error(self, *, error: Exception) -> None:
        self._depth = 0
        served = serve_search.session_of(self._site_dir) if self._site_dir else None
        if served is not None:
            served.build_failed()

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        with _shown(config):
            root, settings = self.project(config)
        for name in (settings.agreements_dir, settings.templates_dir):
            if (root / name).is_dir():
                server.watch(str(root / name))
        # the first build was indexed as `mkdocs build` does; the next ones only if needed
        serve_search.start_session(Path(config.site_dir), log.info, log.warning)
        return server

    def on_shutdown(self) -> None:
        """`serve` stops (mkdocs then removes the site folder it served): the search index
        being made beside it is waited for, so nothing writes into the folder after."""
        if self._site_dir is not None:
            serve_search.end_session(self._site_dir)

    def project(self, config: MkDocsConfig) -> tuple[Path, Settings]:
        """The project root, found from mkdocs.yml's folder, and its settings."""
        start = Path(config.config_file_path or ".").resolve().parent
        settings, root = Settings.find(start)
        return root, settings

    def docs_dir(self, config: MkDocsConfig) -> Path:
        """The folder sitegen generates: mkdocs' docs_dir (which `docs_dir` may name too)."""
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
        given = self.config.today
        if given is None:
            return day.today()
        try:
            return day.parse_day(given if isinstance(given, dt.date) else str(given))
        except ValueError as error:
            raise PluginError(f"sitegen: today: {error}") from None


@contextmanager
def _shown(config: MkDocsConfig) -> Iterator[None]:
    """The plugin's one error boundary, as `sitegen.commands.boundary` is the commands':
    sitegen's errors, and a git command that failed, become mkdocs' `PluginError`, which
    mkdocs shows as one `ERROR - sitegen: …` line without a traceback."""
    from sitegen.versions.history import git_failed

    try:
        yield
    except SitegenError as error:
        raise PluginError(f"sitegen: {error}") from None
    except GitCommandError as error:
        folder = Path(config.config_file_path or ".").resolve().parent
        raise PluginError(f"sitegen: {git_failed(error, folder)}") from None
