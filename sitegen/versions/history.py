"""Every revision of every agreement, read from git in one pass.

One `git log --raw` walk over all `agreements/*/agreement.yaml` files lists each change
(commit, author, date, subject, blob); the blobs are then read through gitpython's single
`git cat-file --batch` process. Asking git per file (`iter_commits(paths=…)`) costs a
process and a history walk per agreement: ~100 times slower on a real catalogue.

Merge commits are listed with `--diff-merges=combined`, so a merge appears only where it
resolved a conflict into content no parent had; a clean merge adds no revision of its own.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from git import Repo
from git.exc import BadName, BadObject, GitCommandError, InvalidGitRepositoryError, NoSuchPathError

from sitegen.errors import GitFailed, NotARepository, UserError
from sitegen.load.config import LoadSettings, Settings
from sitegen.load.layout import AGREEMENT_FILE
from sitegen.load.yamltree import Limits, Refused, parse_tree

NULL_SHA = "0" * 40

# Only the two top-level scalars are needed per revision, so they are read with anchored
# regular expressions: a full YAML parse of thousands of revisions would cost seconds. A
# file whose header they cannot read is parsed (see `scan_header`).
_VERSION = re.compile(r"^version:[ \t]*['\"]?([0-9]+)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)
_STATUS = re.compile(r"^status:[ \t]*['\"]?([a-z_]+)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)

_RECORD, _FIELD = "\x1e", "\x1f"
_FORMAT = f"--format={_RECORD}%H{_FIELD}%an{_FIELD}%aI{_FIELD}%s{_FIELD}"


@dataclass(frozen=True)
class Project:
    """A git repository and where the sitegen project (`root`) sits inside it."""

    repo: Repo
    root: Path
    prefix: str  # the root's path inside the repository: "" or "sub/dir/"

    def repo_path(self, path: Path | str) -> str:
        """A path under `root` as git names it (relative to the top of the repository)."""
        return self.prefix + PurePosixPath(Path(path)).as_posix()

    def local(self, repo_path: str) -> Path:
        """A path as git names it, as a path on disk."""
        return self.root / repo_path.removeprefix(self.prefix)


def git_failed(error: GitCommandError, root: Path) -> GitFailed:
    """A git command that failed, as an error naming the folder it ran for: the last line of
    defence, as each stage checks what git needs first (a commit, a known revision)."""
    command = error.command[1] if isinstance(error.command, list | tuple) else "command"
    said = str(error.stderr).strip().removeprefix("stderr: '").removesuffix("'")
    return GitFailed(path=root, command=str(command), detail=said)


def open_project(root: Path) -> Project:
    """The git repository holding `root`, or a UserError saying it is not in one."""
    try:
        repo = Repo(root, search_parent_directories=True)
    except (InvalidGitRepositoryError, NoSuchPathError):
        raise NotARepository(path=root) from None
    if repo.working_tree_dir is None:
        raise UserError("a bare repository has no working tree", path=root)
    top = Path(repo.working_tree_dir).resolve()
    inside = root.resolve().relative_to(top).as_posix()
    return Project(repo, root.resolve(), "" if inside == "." else inside + "/")


@dataclass(frozen=True, slots=True)
class Revision:
    """One committed state of one agreement file. `blob` is None where the file was deleted."""

    agreement_id: str
    commit: str
    author: str
    date: dt.datetime
    subject: str
    blob: str | None
    version: int | None = None
    status: str | None = None

    @property
    def deleted(self) -> bool:
        return self.blob is None


@dataclass(frozen=True, slots=True)
class _Change:
    commit: str
    author: str
    date: dt.datetime
    subject: str
    path: str
    blob: str | None


def read_history(
    project: Project, settings: Settings, agreement_id: str | None = None
) -> dict[str, list[Revision]]:
    """Every revision of every agreement, newest first, keyed by agreement id; with
    `agreement_id`, of that agreement's file only (`sitegen preview`: git follows one path,
    and reads one agreement's blobs, not every agreement's)."""
    changes = list(_log(project, settings, agreement_id))
    texts = read_blobs(project, {c.blob for c in changes if c.blob})
    history: dict[str, list[Revision]] = {}
    for change in changes:
        agreement_id = PurePosixPath(change.path).parent.name
        text = texts.get(change.blob, "") if change.blob else ""
        history.setdefault(agreement_id, []).append(
            Revision(
                agreement_id,
                change.commit,
                change.author,
                change.date,
                change.subject,
                change.blob,
                *scan_header(text),
            )
        )
    return history


def scan_header(text: str) -> tuple[int | None, str | None]:
    """The top-level `version` and `status` of an agreement text: by the patterns when both
    match, else from the parsed YAML (CRLF line ends, a quoted key, `!!int 1`, `0x1`, the
    value on the next line: files the patterns cannot read are parsed, and only those)."""
    version = _VERSION.search(text)
    status = _STATUS.search(text)
    if version and status:
        return int(version[1]), status[1]
    return _parsed_header(text)


def _parsed_header(text: str) -> tuple[int | None, str | None]:
    limits = LoadSettings()
    try:
        data = parse_tree(text, Limits(limits.max_aliases, limits.max_depth)).data
    except Refused:
        return None, None
    if not isinstance(data, dict):
        return None, None
    version, status = data.get("version"), data.get("status")
    return (
        version if isinstance(version, int) and not isinstance(version, bool) else None,
        status if isinstance(status, str) else None,
    )


def read_blobs(project: Project, shas: Iterable[str]) -> dict[str, str]:
    """Blob texts by sha, through gitpython's one persistent `cat-file --batch` process."""
    return {sha: data.decode("utf-8", errors="replace") for sha, data in blob_bytes(project, shas)}


def blob_bytes(project: Project, shas: Iterable[str]) -> Iterator[tuple[str, bytes]]:
    odb = project.repo.odb
    for sha in sorted(set(shas)):
        yield sha, odb.stream(bytes.fromhex(sha)).read()


def _log(project: Project, settings: Settings, agreement_id: str | None) -> Iterator[_Change]:
    if agreement_id is None:
        pathspec = ":(glob)" + project.repo_path(f"{settings.agreements_dir}/*/{AGREEMENT_FILE}")
    else:  # the id as written: no pattern, whatever characters it holds
        folder = f"{settings.agreements_dir}/{agreement_id}"
        pathspec = ":(literal)" + project.repo_path(f"{folder}/{AGREEMENT_FILE}")
    if not project.repo.head.is_valid():
        return
    out = project.repo.git.log(
        "--raw",
        "--no-abbrev",
        "--no-renames",
        "--diff-merges=combined",
        "-z",
        _FORMAT,
        "HEAD",
        "--",
        pathspec,
        strip_newline_in_stdout=False,
    )
    for record in out.split(_RECORD)[1:]:
        yield from _parse_record(record)


def _parse_record(record: str) -> Iterator[_Change]:
    header, _, raw = record.partition(_FIELD + "\0")
    commit, author, date, subject = header.split(_FIELD, 3)
    when = dt.datetime.fromisoformat(date)
    parts = raw.lstrip("\n\0").split("\0")
    for meta, path in zip(parts[0::2], parts[1::2], strict=False):
        # ":old_mode new_mode old_sha new_sha S", or "::m m m a b c MM" for a merge:
        # the resulting blob is always the last sha before the status letters.
        if not meta.startswith(":"):
            continue
        sha = meta.lstrip(":").split()[-2]
        yield _Change(commit, author, when, subject, path, None if sha == NULL_SHA else sha)


# --- what the archive checks ask of git: a fixed number of processes in all ---------------


@dataclass(frozen=True)
class Base:
    """The revision the archive is compared with, and how messages name it."""

    sha: str
    label: str


MAIN_BRANCHES = ("main", "origin/main", "master", "origin/master")


def resolve_base(project: Project, base: str | None) -> Base | None:
    """`base`, else the merge base with the main branch, else the root commit.

    None when the repository has no commit yet (nothing can have changed since).
    """
    repo = project.repo
    if not repo.head.is_valid():
        return None
    if base is not None:
        sha = commit_sha(project, base)
        if sha is None:
            raise UserError(f"unknown revision {base!r} (--base)")
        return Base(sha, f"{base} ({sha[:12]})")
    for branch in MAIN_BRANCHES:
        if commit_sha(project, branch) is None:
            continue
        try:
            sha = repo.git.merge_base("HEAD", branch)
        except GitCommandError:
            continue
        return Base(sha, f"the merge base with {branch} ({sha[:12]})")
    sha = repo.git.rev_list("--max-parents=0", "HEAD").splitlines()[-1]
    return Base(sha, f"the root commit ({sha[:12]})")


def commit_sha(project: Project, revision: str) -> str | None:
    try:
        return project.repo.commit(revision).hexsha
    except (BadName, BadObject, ValueError):
        return None


@dataclass(frozen=True, slots=True)
class Change:
    """A path that differs between a revision and the working tree: status A, M, D or T."""

    status: str
    old_blob: str | None
    path: str


def changes_since(project: Project, base: Base, pattern: str) -> list[Change]:
    """Tracked files matching a glob under root that differ from `base` in the working tree."""
    out = project.repo.git.diff(
        "--raw",
        "--no-abbrev",
        "--no-renames",
        "-z",
        base.sha,
        "--",
        f":(glob){project.repo_path(pattern)}",
        strip_newline_in_stdout=False,
    )
    parts = out.split("\0")
    changes = []
    for meta, path in zip(parts[0::2], parts[1::2], strict=False):
        fields = meta.lstrip(":").split()
        if len(fields) == 5:
            old = None if fields[2] == NULL_SHA else fields[2]
            changes.append(Change(fields[4][0], old, path))
    return changes


def tag_names(project: Project) -> list[str]:
    """Every tag, as `refs/tags/` names it (`SLA-2024-001/v1`)."""
    out: str = project.repo.git.for_each_ref("--format=%(refname:strip=2)", "refs/tags/")
    return out.splitlines()


def blobs_at(project: Project, names: list[str]) -> dict[str, str | None]:
    """The blob id of each `REV:path` (None where there is none): one `cat-file` process."""
    if not names:
        return {}
    with tempfile.TemporaryFile() as stdin:
        stdin.write("".join(f"{name}\n" for name in names).encode("utf-8"))
        stdin.seek(0)
        out = project.repo.git.cat_file("--batch-check=%(objectname) %(objecttype)", istream=stdin)
    found: dict[str, str | None] = {}
    for name, line in zip(names, out.splitlines(), strict=True):
        sha, _, kind = line.partition(" ")
        found[name] = sha if kind == "blob" else None
    return found
