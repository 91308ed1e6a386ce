"""Every revision of every agreement, from one walk over a real git history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import git
import pytest

from sitegen.load.config import Settings
from sitegen.versions.history import open_project, read_history, scan_header
from tests.gitrepo import AUTHOR, EMAIL, GitRepo, isolate_git


@pytest.fixture(autouse=True)
def _git_env(monkeypatch: pytest.MonkeyPatch) -> None:
    isolate_git(monkeypatch)


def agreement(agreement_id: str, version: int, status: str = "draft") -> str:
    return f"# {agreement_id}\nid: {agreement_id}\nversion: {version}\nstatus: {status}\n"


def catalogue(root: Path, count: int, revisions: int) -> GitRepo:
    """`count` agreements, each changed in `revisions` commits, plus files that are not ones."""
    ids = [f"SLA-2024-{n:03d}" for n in range(1, count + 1)]
    repo = GitRepo.create(root, {"README.md": "catalogue\n"})
    for version in range(1, revisions + 1):
        files: dict[str, str | bytes] = {
            f"agreements/{i}/agreement.yaml": agreement(i, version) for i in ids
        }
        files[f"agreements/{ids[0]}/notes.md"] = f"notes {version}\n"
        repo.commit(f"Revision {version}", files)
    return repo


def count_git_processes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Every git process gitpython starts (its persistent cat-file process included)."""
    calls: list[tuple[Any, ...]] = []
    original: Callable[..., Any] = git.cmd.Git.execute

    def execute(self: git.cmd.Git, command: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(tuple(command))
        return original(self, command, *args, **kwargs)

    monkeypatch.setattr(git.cmd.Git, "execute", execute)
    return calls


def test_every_revision_of_every_agreement(tmp_path: Path) -> None:
    repo = catalogue(tmp_path, 3, 3)
    repo.remove("agreements/SLA-2024-003")
    deleted = repo.commit("Retire SLA-2024-003")

    history = read_history(open_project(repo.root), Settings())

    assert sorted(history) == ["SLA-2024-001", "SLA-2024-002", "SLA-2024-003"]
    first = history["SLA-2024-001"]
    assert [r.version for r in first] == [3, 2, 1]  # newest first
    assert [r.subject for r in first] == ["Revision 3", "Revision 2", "Revision 1"]
    assert {r.author for r in first} == {AUTHOR}
    assert all(EMAIL not in repr(r) for r in first)
    assert first[0].date == dt.datetime.fromisoformat("2024-03-01T10:00:00+08:00")
    assert first[0].status == "draft"
    assert (
        first[0].blob
        == repo.git("rev-parse", "HEAD:agreements/SLA-2024-001/agreement.yaml").strip()
    )
    gone = history["SLA-2024-003"][0]
    assert (gone.commit, gone.deleted, gone.version) == (deleted, True, None)


def test_one_pass_whatever_the_number_of_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = catalogue(tmp_path / "small", 2, 2)
    large = catalogue(tmp_path / "large", 40, 5)
    calls = count_git_processes(monkeypatch)

    read_history(open_project(small.root), Settings())
    small_calls = len(calls)
    calls.clear()
    history = read_history(open_project(large.root), Settings())

    assert sum(len(revisions) for revisions in history.values()) == 200
    # one log, and the cat-file --batch-check and --batch processes gitpython keeps open
    assert len(calls) == small_calls == 3, calls


def test_one_agreement_s_revisions_alone(tmp_path: Path) -> None:
    """`sitegen preview` asks for one agreement: the same revisions as in the whole
    history, and no other agreement's (a `*` or `[` in the id is no pattern)."""
    repo = catalogue(tmp_path, 3, 2)
    repo.commit("Add one named like a pattern", {"agreements/SLA-*/agreement.yaml": "id: x\n"})
    project = open_project(repo.root)

    whole = read_history(project, Settings())
    alone = read_history(project, Settings(), "SLA-2024-002")
    pattern = read_history(project, Settings(), "SLA-*")

    assert alone == {"SLA-2024-002": whole["SLA-2024-002"]}
    assert [r.subject for r in alone["SLA-2024-002"]] == ["Revision 2", "Revision 1"]
    assert list(pattern) == ["SLA-*"]
    assert read_history(project, Settings(), "SLA-2024-009") == {}


def test_a_merge_that_resolves_a_conflict_is_a_revision(tmp_path: Path) -> None:
    repo = GitRepo.create(
        tmp_path, {"agreements/A-2024-001/agreement.yaml": agreement("A-2024-001", 1)}
    )
    repo.checkout("amend", new=True)
    repo.commit("Raise to 2", {"agreements/A-2024-001/agreement.yaml": agreement("A-2024-001", 2)})
    repo.checkout("main")
    repo.commit("Raise to 3", {"agreements/A-2024-001/agreement.yaml": agreement("A-2024-001", 3)})
    with pytest.raises(Exception):  # noqa: B017  (the conflict is the point)
        repo.git("merge", "--quiet", "amend")
    repo.commit("Merge amend", {"agreements/A-2024-001/agreement.yaml": agreement("A-2024-001", 4)})

    history = read_history(open_project(repo.root), Settings())

    assert history["A-2024-001"][0].subject == "Merge amend"
    assert sorted(r.version or 0 for r in history["A-2024-001"]) == [1, 2, 3, 4]


def test_a_project_inside_a_larger_repository(tmp_path: Path) -> None:
    repo = GitRepo.create(
        tmp_path,
        {
            "contracts/agreements/B-2024-001/agreement.yaml": agreement("B-2024-001", 1),
            "agreements/ELSEWHERE-2024-001/agreement.yaml": agreement("ELSEWHERE-2024-001", 1),
        },
    )

    history = read_history(open_project(repo.root / "contracts"), Settings())

    assert list(history) == ["B-2024-001"]


def test_an_empty_repository_has_no_history(tmp_path: Path) -> None:
    repo = GitRepo.create(tmp_path, {})
    assert read_history(open_project(repo.root), Settings()) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: X\nversion: 3\nstatus: signed\n", (3, "signed")),
        ("version: '2'  # amended\nstatus: \"in_review\"\n", (2, "in_review")),
        ("term:\n  version: 9\nnotes: |\n  status: signed\n", (None, None)),
        ("version: two\n", (None, None)),
        ("version: 3\r\nstatus: signed\r\n", (3, "signed")),
        ('"version": 3\nstatus: signed\n', (3, "signed")),
        ("version : 3\nstatus: signed\n", (3, "signed")),
        ("version: !!int 3\nstatus: signed\n", (3, "signed")),
        ("version: 0x3\nstatus: signed\n", (None, "signed")),  # not decimal: SG203
        ("version:\n  3\nstatus: signed\n", (3, "signed")),
    ],
)
def test_version_and_status_come_from_top_level_keys(
    text: str, expected: tuple[int | None, str | None]
) -> None:
    assert scan_header(text) == expected
