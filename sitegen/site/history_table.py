"""The agreement page's history: what each version changed, for the people who agree to it.

One row per version as git saw it come about (a version number and a status: v2 in review,
then v2 signed), newest first: the version, the day of its last commit, who committed it
(git's author names: untrusted, escaped), what it changed, and its commit. What it changed is
sitegen's own reading, never the commit's message (a subject may name a restricted
agreement): for a version that is a new number, the summary of its comparison with the
version before (`diff.summary.change_summary`, linking to that comparison's page), the very
comparison the diff pages show, so the history costs no comparison of its own; else what the
files say changed (status signed → in review, deleted, restored).

The commit is its short hash, on one line, linking to the commit on the git host when
`commit_url` names it (`https://git.example.com/slas/commit/{commit}`), with the full hash
as its title either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from sitegen.compose import SIGNED_STATUSES, fmt
from sitegen.compose.contract import Lang
from sitegen.compose.vocabulary import WORKING_NAMES
from sitegen.diff.summary import change_summary
from sitegen.render.page_markup import h, md, md_link, md_table, page_file
from sitegen.site.versions import Comparison
from sitegen.site.words import label
from sitegen.versions.history import Revision

SHORT = 8  # hex digits of a commit shown
_SHA = re.compile(r"[0-9a-f]{40}")
Group = list[Revision]  # one version's revisions, newest first


def history_table(
    revisions: Sequence[Revision],
    comparisons: Sequence[Comparison],
    lang: Lang,
    source: str,
    *,
    archived: frozenset[int] = frozenset(),
    commit_url: str | None = None,
) -> str:
    """The table (Markdown), or a sentence when git holds no history. `archived`: the
    versions the signed archive holds (a file that says signed is not, without them);
    `source`: the page's docs file, for links."""
    if not revisions:
        return md(label("no_history", lang))
    by_new = {comparison.new: comparison for comparison in comparisons}
    groups = list(_groups(revisions, archived))
    rows = []
    for group, before in zip(groups, [*(g[0] for g in groups[1:]), None], strict=True):
        newest = group[0]
        rows.append(
            [
                md(_version(newest, lang, archived)),
                md(fmt.date(newest.date.date(), lang)),
                md(_authors(group, lang)),
                _change(group[-1], before, by_new, lang, source, archived),
                _commit(newest.commit, commit_url),
            ]
        )
    head = [md(label(key, lang)) for key in ("version", "date", "author", "change", "commit")]
    return md_table(head, rows)


def _groups(revisions: Sequence[Revision], archived: frozenset[int]) -> Iterator[Group]:
    """Consecutive revisions of one version in one status (and deletion), newest first."""
    group: Group = []
    for rev in revisions:
        if group and _kind(group[0], archived) != _kind(rev, archived):
            yield group
            group = []
        group.append(rev)
    if group:
        yield group


def _kind(rev: Revision, archived: frozenset[int]) -> tuple[int | None, str | None, bool]:
    return rev.version, status_of(rev, archived), rev.deleted


def _version(rev: Revision, lang: Lang, archived: frozenset[int]) -> str:
    """v2（审核中） / v2 (in review)."""
    number = f"v{rev.version}" if rev.version else "—"
    status = status_of(rev, archived)
    if rev.deleted or status is None or status not in WORKING_NAMES:
        return number
    name = WORKING_NAMES(status, lang)
    return f"{number}（{name}）" if lang == "zh" else f"{number} ({name.lower()})"


def _authors(group: Group, lang: Lang) -> str:
    names = list(dict.fromkeys(rev.author for rev in group))
    return ("、" if lang == "zh" else ", ").join(names)


def _change(
    rev: Revision,
    before: Revision | None,
    by_new: dict[str, Comparison],
    lang: Lang,
    source: str,
    archived: frozenset[int],
) -> str:
    """What the version's first revision (`rev`) changed from the one before it."""
    if rev.deleted:
        return md(label("change_deleted", lang))
    if before is None:
        return md(label("change_added", lang))
    if before.deleted:
        return md(label("change_restored", lang))
    if rev.version and rev.version != before.version:
        name = f"v{rev.version}"
        found = by_new.get(name) or (by_new.get("draft") if rev.version not in archived else None)
        said = change_summary(found.diff, lang) if found else ""
        if found and said:
            return md_link(said, source, page_file(found.stem, lang))
    return md(_files_change(rev, before, lang, archived))


def _files_change(rev: Revision, before: Revision, lang: Lang, archived: frozenset[int]) -> str:
    """What the files say changed: version, status, or an edit."""
    found = []
    if rev.version != before.version and rev.version and before.version:
        found.append(label("change_version", lang, old=before.version, new=rev.version))
    old, new = status_of(before, archived), status_of(rev, archived)
    if old != new and old in WORKING_NAMES and new in WORKING_NAMES:
        words = (WORKING_NAMES(old, lang), WORKING_NAMES(new, lang))  # type: ignore[arg-type]
        found.append(label("change_status", lang, old=words[0], new=words[1]))
    return "; ".join(found) or label("change_edited", lang)


def _commit(commit: str, commit_url: str | None) -> str:
    """The short hash on one line, a link to the commit when the host is named."""
    if not _SHA.fullmatch(commit):
        return ""
    short = f'<code class="sg-commit" title="{commit}">{commit[:SHORT]}</code>'
    if commit_url is None:
        return short
    return (
        f'<a class="sg-commit-link" href="{h(commit_url.replace("{commit}", commit))}">{short}</a>'
    )


def status_of(rev: Revision, archived: frozenset[int]) -> str | None:
    """The revision's status, but never signed for a version the archive does not hold."""
    status = rev.status
    if status in SIGNED_STATUSES and rev.version not in archived:
        return "unsigned"  # only the archive makes a version signed
    return status
