"""One agreement's pages, for `sitegen preview`: the docs folder of a site that holds that
agreement alone.

At 1,000 agreements a warm `sitegen build` takes ~100 s, so `mkdocs serve` shows an edit
after more than a minute. An agreement's pages need only its own file, its signed archive,
its records and reviews, its git history and its catalogue row: the preview reads those and
nothing of the other agreements (one file checked, one path for git to follow), then makes
the pages as the site makes them (`generate.prepare`, `generate.agreement_pages`), without
the working version's PDF and Word file, which would take seconds to render.

Every page opens with a banner saying that it is a preview of this agreement alone: the
catalogue and the other agreements are not in it (the "back to the catalogue" link leads to
the preview's own start page, which says so). An edit that does not check, or that stops
the pages (an unreadable record, a signed file changed), keeps the last good pages and
shows its findings, with their places, on every page above them, as escaped text; the
next good edit takes it away. Nothing here knows mkdocs.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from git.exc import GitCommandError

from sitegen import output
from sitegen.catalogue import RENEWAL_WINDOW_DAYS, catalogue_rows, read_kept
from sitegen.compose.contract import Lang
from sitegen.errors import SitegenError, UserError
from sitegen.findings import Severity
from sitegen.lint.project import InvalidProject, checked_project
from sitegen.lint.validate import relative
from sitegen.load.config import Settings
from sitegen.load.layout import AGREEMENT_FILE
from sitegen.render.page_markup import LANGS, front_matter, h, md, md_link, page_file
from sitegen.site import versions
from sitegen.site.catalogue_page import agreement_stem
from sitegen.site.generate import agreement_pages, prepare, signed_files
from sitegen.site.tree import Tree, sync
from sitegen.site.words import label
from sitegen.versions.history import git_failed

START = "index"  # the preview's start page, where the catalogue would be


def agreement_folder(root: Path, settings: Settings, agreement_id: str) -> Path:
    """The folder of agreement `agreement_id`, or a UserError naming the id and the
    agreements folder (and the ids most like it). The id is a folder name, never a path."""
    agreements = root / settings.agreements_dir
    folder = agreements / agreement_id
    plain = PurePath(agreement_id).name == agreement_id and not agreement_id.startswith(".")
    if plain and (folder / AGREEMENT_FILE).is_file():
        return folder
    known = sorted(p.parent.name for p in agreements.glob(f"*/{AGREEMENT_FILE}"))
    like = difflib.get_close_matches(agreement_id, known, n=3)
    hint = f" (did you mean {', '.join(like)}?)" if like else ""
    raise UserError(
        f"no agreement {agreement_id!r}: there is no {agreement_id}/{AGREEMENT_FILE} in this "
        f"folder{hint}",
        path=agreements,
    )


@dataclass(frozen=True)
class PreviewOptions:
    today: dt.date
    within_days: int = RENEWAL_WINDOW_DAYS


@dataclass
class Preview:
    """The pages of one agreement, made again on each `update`; the last good ones are
    kept, so a broken edit shows its problems above them."""

    root: Path
    settings: Settings
    agreement_id: str
    options: PreviewOptions
    problems: list[str] = field(default_factory=list)  # of the last update; [] when good
    _pages: dict[str, str] = field(default_factory=dict)  # the last good ones
    _copies: dict[str, Path] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return agreement_folder(self.root, self.settings, self.agreement_id)

    def page_path(self, lang: Lang) -> str:
        """The agreement page's docs file in `lang`."""
        return page_file(agreement_stem(self.agreement_id), lang)

    def update(self, docs: Path) -> list[str]:
        """Make the pages again and sync them into `docs`; returns the problems found
        (findings as `path:line:col: CODE …`, errors naming their file), [] when none."""
        try:
            self._pages, self._copies = self._made()
            self.problems = []
        except InvalidProject as invalid:
            self.problems = [
                output.as_text(relative(finding, self.root))
                for finding in invalid.report.sorted()
                if finding.severity is not Severity.INFO
            ]
        except SitegenError as error:
            self.problems = [str(error)]
        except GitCommandError as error:
            self.problems = [str(git_failed(error, self.root))]
        sync(self._tree(), docs)
        return self.problems

    def _made(self) -> tuple[dict[str, str], dict[str, Path]]:
        """The agreement's pages, and its signed files by docs path."""
        folder, settings, options = self.folder, self.settings, self.options
        checked = checked_project(self.root, settings, [folder], cached=False)
        if len(checked) != 1:
            raise UserError(f"expected one agreement, found {len(checked)}", path=folder)
        record = checked[0]
        signed = versions.signed_versions(folder)
        held = versions.held(record, signed, settings)
        kept = read_kept(folder, held.current, settings)
        (row,) = catalogue_rows(
            [held], options.today, include_restricted=True, window_days=options.within_days,
            reviews_held={held.id: kept.reviews_held},
        )  # fmt: skip
        history = versions.history(self.root, settings, record.id).get(record.id, [])
        view = prepare(
            held, record.digest, row, self.root, settings, history, False, signed,
            versions.in_git(self.root), list(kept.reports),
        )  # fmt: skip
        files = Tree()
        signed_files(files, record.id, signed)
        return agreement_pages(view), dict(files.copies)

    def _tree(self) -> Tree:
        """The docs folder: the start page and the last good pages (a stand-in agreement
        page while there are none), each with the banner and the problems."""
        tree = Tree()
        pages = dict(self._pages)
        for lang in LANGS:
            pages.setdefault(self.page_path(lang), front_matter(self.agreement_id))
            pages[page_file(START, lang)] = self._start_page(lang)
        for path, text in pages.items():
            tree.add(path, _with_banner(text, self._banner(_lang_of(path))))
        for path, source in self._copies.items():
            tree.copy(path, source)
        return tree

    def _start_page(self, lang: Lang) -> str:
        title = label("preview_title", lang, id=self.agreement_id)
        start = page_file(START, lang)
        link = md_link(self.agreement_id, start, self.page_path(lang))
        return f"{front_matter(title, searched=False)}\n# {md(title)}\n\n{link}\n"

    def _banner(self, lang: Lang) -> str:
        """The preview's note, then the problems of the last update: raw HTML, every value
        escaped (Python-Markdown leaves an HTML block as it is)."""
        note = label("preview_note", lang, id=self.agreement_id)
        parts = [
            '<div class="admonition info sitegen-preview">'
            f'<p class="admonition-title">预览 · Preview</p><p>{h(note)}</p></div>'
        ]
        if self.problems:
            lines = "\n".join(
                html.escape(line) for problem in self.problems
                for line in problem.splitlines() if line.strip()
            )  # fmt: skip
            parts.append(
                '<div class="admonition failure sitegen-preview-problems">'
                f'<p class="admonition-title">{h(label("preview_problems", lang))}</p>'
                f"<pre><code>{lines}</code></pre></div>"
            )
        return "\n\n".join(parts)


def _lang_of(path: str) -> Lang:
    return next((lang for lang in LANGS if path.endswith(f".{lang}.md")), LANGS[0])


def _with_banner(page: str, banner: str) -> str:
    """The banner placed after the page's front matter (which must stay first)."""
    if page.startswith("---\n"):
        end = page.index("\n---\n", 3) + len("\n---\n")
        return f"{page[:end]}\n{banner}\n\n{page[end:]}"
    return f"{banner}\n\n{page}"
