"""Real temporary git repositories for tests: built from {path: text}, committed, tagged.

Author, committer and dates are fixed through git's environment variables, so commit ids
are the same on every run; the user's own git configuration is kept out.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import REPO, build_file_tree, replace_once, sample_text

AUTHOR = "Zhang Wei"
EMAIL = "zhang.wei@example.com"
DATE = "2024-03-01T10:00:00+08:00"
SAMPLE_ID = "SLA-2024-001"
SAMPLE_PATH = f"agreements/{SAMPLE_ID}/agreement.yaml"

GIT_ENV = {
    "GIT_AUTHOR_NAME": AUTHOR,
    "GIT_AUTHOR_EMAIL": EMAIL,
    "GIT_AUTHOR_DATE": DATE,
    "GIT_COMMITTER_NAME": AUTHOR,
    "GIT_COMMITTER_EMAIL": EMAIL,
    "GIT_COMMITTER_DATE": DATE,
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
}


class GitRepo:
    """A git repository in a folder, driven through the `git` command."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def create(cls, root: Path, files: dict[str, str | bytes], message: str = "Start") -> GitRepo:
        root.mkdir(parents=True, exist_ok=True)
        repo = cls(root)
        repo.git("init", "--quiet", "--initial-branch=main")
        if files:
            repo.commit(message, files)
        return repo

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=self.root, capture_output=True, text=True, check=True
        )
        return done.stdout

    def write(self, files: dict[str, str | bytes]) -> None:
        build_file_tree(self.root, files)

    def read(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def commit(self, message: str, files: dict[str, str | bytes] | None = None) -> str:
        """Write `files` (if any), stage everything, commit; the new commit id."""
        if files:
            self.write(files)
        self.git("add", "--all")
        self.git("commit", "--quiet", "--allow-empty", "-m", message)
        return self.head()

    def remove(self, *paths: str) -> None:
        self.git("rm", "--quiet", "-r", "--force", "--", *paths)

    def tag(self, name: str, ref: str = "HEAD", message: str | None = None) -> None:
        annotated = ["-a", "-m", message] if message else []
        self.git("tag", "--force", *annotated, name, ref)

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def branch(self, name: str, ref: str = "HEAD") -> None:
        self.git("branch", "--force", name, ref)

    def checkout(self, name: str, *, new: bool = False) -> None:
        self.git("checkout", "--quiet", *(["-b"] if new else []), name)


def unsigned_sample() -> str:
    """The guide's sample agreement as it stands before signing: in review, unpinned."""
    text = replace_once(sample_text(), "status: signed", "status: in_review")
    text = replace_once(text, "  signed: 2024-03-15\n", "")
    return replace_once(text, "template: it-service-sla@1", "template: it-service-sla")


def templates_tree() -> dict[str, str | bytes]:
    """Every file of the repository's templates/ folder, for a test repository."""
    found: dict[str, str | bytes] = {}
    for path in sorted((REPO / "templates").rglob("*")):
        if path.is_file():
            found[path.relative_to(REPO).as_posix()] = path.read_bytes()
    return found


def isolate_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fixed identity and dates for every git process, this one's children included."""
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)


def sample_repository(root: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """A repository (made the cwd) with templates/ and the sample agreement, not yet signed."""
    isolate_git(monkeypatch)
    files = {**templates_tree(), SAMPLE_PATH: unsigned_sample()}
    repo = GitRepo.create(root, files, "Add SLA-2024-001 for review")
    monkeypatch.chdir(repo.root)
    return repo


def copy_samples(repo: GitRepo) -> None:
    """All sample agreements of this repository into `repo` (not committed)."""
    shutil.copytree(REPO / "agreements", repo.root / "agreements", dirs_exist_ok=True)


def change_branch(origin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """A copy of the `origin` repository on a new branch `change`, the working folder: what
    a pull request's `validate --history` sees."""
    isolate_git(monkeypatch)
    shutil.copytree(origin, tmp_path / "repo", symlinks=True)
    made = GitRepo(tmp_path / "repo")
    made.checkout("change", new=True)
    monkeypatch.chdir(made.root)
    return made


def validate_history() -> tuple[int, list[str]]:
    """`sitegen validate --history` in the working folder: its exit code and its lines."""
    from click.testing import CliRunner

    from sitegen.commands.validate import validate_command

    result = CliRunner().invoke(validate_command, ["--history"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.stderr
    return result.exit_code, result.stdout.splitlines()
