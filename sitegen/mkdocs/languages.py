"""Both languages at once: the default language built by this process, each other language
by a forked one, beside it, then the outputs merged.

mkdocs-static-i18n builds the second language as a whole second mkdocs build, after the
first, in the same process (from its `on_post_build`). Nothing in one language's build
needs the other's: each reads the same generated docs folder, and the language switcher,
hreflang links and the sitemap's alternates come from the files, not from the other build.
So on two cores the two builds run side by side:

- this process builds the default language into `site_dir`, with mkdocs-static-i18n told
  it is already building (`building`), so it starts no second build;
- a child forked just before builds one other language into a sibling folder, writing
  only that language's pages (`OneLanguage` excludes every file outside `<lang>/`: the
  theme's assets and the downloads are the default build's);
- the child's `<lang>/` folder is moved into `site_dir`, and the sitemap (each build wrote
  its own language's) is merged as mkdocs-static-i18n merges it: the default language's
  entries first. The search index is made after, over both (`sitegen build` runs it).

The child is forked once the project is loaded and generated (it shares those pages with
this process, `gc.freeze` keeping its collector off them), dies with this process
(`watch_parent`), and is killed when this process stops for any reason.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files, InclusionLevel

from sitegen.errors import SitegenError, UserError
from sitegen.mkdocs import sitemap
from sitegen.workers import watch_parent

Build = Callable[[MkDocsConfig], None]


@dataclass(frozen=True)
class Languages:
    """The languages mkdocs-static-i18n builds: the default one and the others."""

    i18n: Any  # mkdocs-static-i18n's plugin, whose state only this module sets
    default: str
    others: tuple[str, ...]


def languages(config: MkDocsConfig) -> Languages | None:
    """The languages of `config` when mkdocs-static-i18n builds more than one."""
    i18n = config.plugins.get("i18n")
    if i18n is None or not hasattr(i18n, "build_languages"):
        return None
    default = i18n.default_language
    others = tuple(lang for lang in i18n.build_languages if lang != default)
    if i18n.current_language not in (None, default) or not others:
        return None
    return Languages(i18n, default, others)


def build_side_by_side(config: MkDocsConfig, build: Build, beside: Path, *, shown: Path) -> None:
    """Build the site of `config` with `build` (mkdocs' own, its errors shown by the
    caller): the default language here, the others in one forked process writing into
    `beside` (an empty folder, which it leaves empty). Without a second language (or
    mkdocs-static-i18n), one build. Errors name `shown`, the folder the user chose."""
    found = languages(config)
    if found is None:
        build(config)
        return
    site = Path(config.site_dir)
    with _forked(config, build, found.others, beside) as wait:
        found.i18n.building = True  # it builds no other language after this one
        try:
            build(config)
        finally:
            found.i18n.building = False
        wait()
    try:
        for lang in found.others:
            os.rename(beside / lang, site / lang)
        if config.site_url:
            sitemap.merge(site, beside)
    except OSError as error:  # a full disk while the merged sitemap is written
        raise UserError(f"the site build failed: {error.strerror}", path=shown) from None


@contextmanager
def _forked(
    config: MkDocsConfig, build: Build, others: tuple[str, ...], beside: Path
) -> Iterator[Callable[[], None]]:
    """A child building `others` into `beside`; yields the wait for it, which raises what
    the child raised. The child is killed if the block ends before it."""
    receiving, sending = multiprocessing.Pipe(duplex=False)
    context = multiprocessing.get_context("fork")
    child = context.Process(
        target=_child,
        args=(config, build, others, beside, sending, os.getpid()),
        name="sitegen: other languages",
    )
    child.start()
    sending.close()
    done = False

    def wait() -> None:
        nonlocal done
        try:
            outcome = receiving.recv()
        except EOFError:  # it ended without a word: killed
            outcome = STOPPED
        child.join()
        done = True
        if isinstance(outcome, SitegenError):
            raise outcome
        if outcome is STOPPED:
            raise UserError(
                f"the site build failed: the build of {', '.join(others)} stopped "
                f"(exit status {child.exitcode})"
            )
        if outcome is not None:
            raise ChildFailed(outcome)

    try:
        yield wait
    finally:
        receiving.close()
        if not done:
            child.kill()
            child.join()


STOPPED = object()


class ChildFailed(Exception):
    """The other languages' build failed with a bug: its traceback."""


def _child(
    config: MkDocsConfig,
    build: Build,
    others: tuple[str, ...],
    beside: Path,
    sending: Connection,
    parent: int,
) -> None:
    """In the forked child: build each of `others` into `beside`; send None when done, else
    what went wrong."""
    watch_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which kills this
    outcome: SitegenError | str | None = None
    try:
        i18n: Any = config.plugins["i18n"]
        config.site_dir = str(beside)
        for lang in others:
            keep = OneLanguage(lang)
            config.plugins[f"sitegen-only-{lang}"] = keep
            i18n.current_language, i18n.building = lang, True
            build(config)
            keep.enabled = False
    except SitegenError as error:  # shown by the parent, as its own would be
        outcome = error
    except Exception as error:  # a bug: the parent shows where
        outcome = "".join(traceback.format_exception(error))
    sending.send(outcome)
    sending.close()


class OneLanguage(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """In the child: write only the pages and files of `lang` (under `lang/`); the default
    build writes the theme's assets and the downloads the pages link to."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.prefix = f"{lang}/"
        self.enabled = True

    @event_priority(-150)  # after mkdocs-static-i18n (-100) has placed each file
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self.enabled:
            for file in files:
                if not file.dest_uri.startswith(self.prefix):
                    file.inclusion = InclusionLevel.EXCLUDED
        return files
