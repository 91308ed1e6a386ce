"""The one error boundary: every command, run as the user runs it (the installed `sitegen` in a
subprocess), in a folder that is not a git repository and in a repository with no commit
yet, ends with one `Error: …` line naming the place and exit 2, or does its work; never a
traceback. The same for a bare `mkdocs build` through the plugin."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from git import Repo
from git.exc import GitCommandError

from sitegen.errors import (
    GitFailed,
    Location,
    NoCommit,
    NotARepository,
    SitegenError,
    ToolFailed,
    UserError,
    ValidationFailed,
)
from sitegen.versions.history import git_failed
from tests.gitrepo import GitRepo, isolate_git
from tests.helpers import REPO

BIN = Path(sys.executable).parent
TODAY = ["--today", "2025-02-10"]
SAMPLE = "SLA-2024-001"
NOT_A_REPOSITORY = "not inside a git repository"
NOTHING_TO_COMPARE = "the repository has no commit yet: nothing to compare with"
UNCOMMITTED = (
    f"cannot sign {SAMPLE}: agreements/{SAMPLE} has uncommitted changes; commit or stash them first"
)


def copy_project(root: Path) -> Path:
    root.mkdir()
    for name in ("agreements", "templates", "site_overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture
def no_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The samples and mkdocs.yml in a folder that is not inside a git repository."""
    isolate_git(monkeypatch)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    return copy_project(tmp_path / "project")


@pytest.fixture
def no_commit(no_git: Path) -> Path:
    """The same in a git repository with no commit yet."""
    GitRepo.create(no_git, {})
    return no_git


def run(root: Path, program: str, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(BIN / program), *args], cwd=root, capture_output=True, text=True, timeout=600
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


# The commands that read git history name the folder and stop; the others do their work.
OUTSIDE_GIT = [
    (["diff"], NOT_A_REPOSITORY),
    (["diff", SAMPLE], NOT_A_REPOSITORY),
    (["diff", "--base", "HEAD"], NOT_A_REPOSITORY),
    (["sign", SAMPLE], NOT_A_REPOSITORY),
    (["validate", "--history"], NOT_A_REPOSITORY),
    (["render", SAMPLE], None),
    (["renewals", *TODAY], None),
    (["generate", *TODAY], None),
    (["build", *TODAY], None),
]


@pytest.mark.parametrize(("args", "error"), OUTSIDE_GIT, ids=lambda v: " ".join(v or ["ok"]))
def test_outside_a_git_repository(no_git: Path, args: list[str], error: str | None) -> None:
    done = run(no_git, "sitegen", *args)
    if error is None:
        assert (done.returncode, done.stderr.count("Error")) == (0, 0), done.stderr
    else:
        assert (done.returncode, done.stderr) == (2, f"Error: {no_git}: {error}\n")


# Before: `diff ID`, `generate` and `build` stopped with a GitCommandError traceback (`git log
# HEAD` in a repository without HEAD); the working files are simply uncommitted.
NO_COMMIT = [
    (["diff"], f"{{root}}: {NOTHING_TO_COMPARE}"),
    (["diff", "--base", "HEAD"], f"{{root}}: {NOTHING_TO_COMPARE}"),
    (["sign", SAMPLE], UNCOMMITTED),
    (["diff", SAMPLE], None),
    (["render", SAMPLE], None),
    (["renewals", *TODAY], None),
    (["generate", *TODAY], None),
    (["build", *TODAY], None),
]


@pytest.mark.parametrize(("args", "error"), NO_COMMIT, ids=lambda v: " ".join(v or ["ok"]))
def test_in_a_repository_with_no_commit(
    no_commit: Path, args: list[str], error: str | None
) -> None:
    done = run(no_commit, "sitegen", *args)
    if error is None:
        assert (done.returncode, done.stderr.count("Error")) == (0, 0), done.stderr
    else:
        assert (done.returncode, done.stderr) == (2, f"Error: {error.format(root=no_commit)}\n")


def test_diff_in_a_repository_with_no_commit_shows_the_working_file_uncommitted(
    no_commit: Path,
) -> None:
    done = run(no_commit, "sitegen", "diff", SAMPLE)
    assert f"  to   {SAMPLE} (working tree) (v1, signed, it-service-sla@1, (uncommitted " in (
        done.stdout
    )


def test_validate_history_in_a_repository_with_no_commit_reports_findings(
    no_commit: Path,
) -> None:
    done = run(no_commit, "sitegen", "validate", "--history")
    # No tag names any of the 7 signed versions (SG918), and the 2 entries of the old,
    # unbound kind count as added since the first commit (SG920): 7 + 2 errors.
    assert (done.returncode, done.stderr) == (1, "7 files checked: 9 errors, 0 warnings\n")


def test_mkdocs_build_in_a_repository_with_no_commit(no_commit: Path) -> None:
    (no_commit / "build" / "docs").mkdir(parents=True)  # mkdocs checks docs_dir first
    done = run(no_commit, "mkdocs", "build")
    assert done.returncode == 0, done.stderr
    assert (no_commit / "site" / "index.html").is_file()


def test_mkdocs_build_shows_a_sitegen_error_as_one_mkdocs_error(no_commit: Path) -> None:
    (no_commit / "sitegen.toml").write_text("agreements_dir = 3\n", encoding="utf-8")
    (no_commit / "build" / "docs").mkdir(parents=True)
    done = run(no_commit, "mkdocs", "build")
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [
        f"ERROR   -  sitegen: {no_commit / 'sitegen.toml'}:1:1: agreements_dir: "
        "Input should be a valid string"
    ]


# The family itself: each kind builds its own message; a place is a Location.


def test_a_location_shows_as_the_findings_do() -> None:
    assert str(Location(Path("a/b.yaml"), 3, 7)) == "a/b.yaml:3:7"
    assert str(Location("a/b.yaml", 3)) == "a/b.yaml:3"
    assert str(Location("a/b.yaml")) == "a/b.yaml"


def test_the_named_kinds_build_their_messages() -> None:
    where = Location("x.yaml", 2, 1)
    assert str(UserError("bad", path=where)) == "x.yaml:2:1: bad"
    assert str(NotARepository(path=Path("/p"))) == "/p: not inside a git repository"
    assert str(NoCommit(path="/p", needed_for="nothing to sign")) == (
        "/p: the repository has no commit yet: nothing to sign"
    )
    assert str(ToolFailed(tool="typst", message="failed: x", where=SAMPLE)) == (
        f"{SAMPLE}: typst failed: x"
    )
    assert str(ValidationFailed(errors=1, files=2)) == "1 error in 2 files"
    assert [k.exit_code for k in (SitegenError, UserError, ToolFailed, ValidationFailed)] == [
        2,
        2,
        2,
        1,
    ]
    assert not isinstance(UserError("x"), click.ClickException)


def test_a_failed_git_command_is_one_line_naming_the_folder(tmp_path: Path) -> None:
    GitRepo.create(tmp_path, {})
    with pytest.raises(GitCommandError) as raised:
        Repo(tmp_path).git.log("-1", "HEAD")
    error = git_failed(raised.value, tmp_path)
    assert isinstance(error, GitFailed)
    assert str(error) == (
        f"{tmp_path}: git log failed: fatal: ambiguous argument 'HEAD': unknown revision "
        "or path not in the working tree. Use '--' to separate paths from revisions, like "
        "this: 'git <command> [<revision>...] -- [<file>...]'"
    )


def test_the_first_pydantic_error_is_one_message() -> None:
    from pydantic import BaseModel, ValidationError

    from sitegen.load.invalid import first_invalid

    class Inner(BaseModel):
        version: int

    class Outer(BaseModel):
        signed: list[Inner]

    with pytest.raises(ValidationError) as nested:
        Outer.model_validate({"signed": [{"version": 1}, {"version": "x"}]})
    assert first_invalid(nested.value).loc == ("signed", 1, "version")
    assert first_invalid(nested.value).message == (
        "signed.1.version: Input should be a valid integer, unable to parse string as an integer"
    )
    with pytest.raises(ValidationError) as whole:
        Outer.model_validate([1])
    assert first_invalid(whole.value).message == (
        "Input should be a valid dictionary or instance of Outer"
    )


def test_a_clause_file_error_names_its_line_through_a_location(tmp_path: Path) -> None:
    from sitegen.compose.clauses import read_section

    path = tmp_path / "sections" / "scope.yaml"
    path.parent.mkdir()
    path.write_text("clauses:\n  - id: a\n    blocks: []\n    colour: red\n", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        read_section(tmp_path, "scope")
    assert raised.value.where == Location(path, 4)
    assert str(raised.value) == (
        f"{path}:4: unknown key 'colour'; expected one of blocks, id, title, when"
    )


@pytest.mark.parametrize(
    "error",
    [
        UserError("bad", path=Location("x.yaml", 2, 1)),
        ValidationFailed(errors=2, files=1),
        NotARepository(path=Path("/p")),
        NoCommit(path="/p", needed_for="nothing to sign"),
        GitFailed(path="/p", command="log", detail="fatal: x"),
        ToolFailed(tool="typst", message="failed: x", where=SAMPLE),
    ],
    ids=lambda error: type(error).__name__,
)
def test_each_kind_crosses_a_process_boundary_whole(error: SitegenError) -> None:
    """Documents render in worker processes, whose errors come back pickled."""
    import pickle

    back = pickle.loads(pickle.dumps(error))
    assert (type(back), str(back), back.where, back.reason) == (
        type(error),
        str(error),
        error.where,
        error.reason,
    )
