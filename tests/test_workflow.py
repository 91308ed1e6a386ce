"""The pull-request workflows: safe permissions, and their commands run here for real.

GitHub is out of reach from our machines, so the review job's `run:` steps are executed in
a real repository with a base branch, as the runner would (the install step excepted: the
package is installed already).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.gitrepo import SAMPLE_PATH, GitRepo, isolate_git, templates_tree
from tests.helpers import REPO, replace_once, sample_text

WORKFLOWS = REPO / ".github" / "workflows"


def workflow(name: str) -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load((WORKFLOWS / name).read_text("utf-8"))
    return data


def test_review_runs_the_pull_request_with_read_permission_only() -> None:
    review = workflow("agreements.yml")
    assert list(review["on"]) == ["pull_request"]  # never pull_request_target
    assert review["permissions"] == {"contents": "read"}


def test_comment_job_never_checks_out_code() -> None:
    comment = workflow("agreements-comment.yml")
    assert comment["permissions"] == {"pull-requests": "write", "actions": "read"}
    steps = comment["jobs"]["comment"]["steps"]
    uses = [step.get("uses", "") for step in steps]
    assert not any(u.startswith("actions/checkout") for u in uses)
    assert not any("pip install" in step.get("run", "") for step in steps)


def review_steps() -> list[str]:
    steps = workflow("agreements.yml")["jobs"]["review"]["steps"]
    return [s["run"] for s in steps if "run" in s and "pip install" not in s["run"]]


def test_review_commands_run_against_a_base_branch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch)
    repo = GitRepo.create(tmp_path / "repo", {**templates_tree(), SAMPLE_PATH: sample_text()})
    repo.git("update-ref", "refs/remotes/origin/main", "main")
    repo.checkout("shorter-response", new=True)
    text = replace_once(sample_text(), "version: 1\n", "version: 2\n")
    text = replace_once(text, "status: signed", "status: draft")
    text = replace_once(text, "  signed: 2024-03-15\n", "")
    repo.commit(
        "Shorter P1 response", {SAMPLE_PATH: replace_once(text, "response: 15m", "response: 10m")}
    )
    env = {
        **os.environ,
        "BASE_REF": "main",
        "PR_NUMBER": "42",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    for script in review_steps():
        done = subprocess.run(
            ["bash", "-eo", "pipefail", "-c", script], cwd=repo.root, env=env,
            capture_output=True, text=True,
        )  # fmt: skip
        assert done.returncode == 0, f"{script}\n{done.stdout}\n{done.stderr}"
    comment = (repo.root / "review" / "comment.md").read_text("utf-8")
    assert comment.startswith("### SLA changes: 1 agreement differs")
    assert "<del>15</del><ins>10</ins>" in comment
    assert (repo.root / "review" / "pr-number").read_text() == "42\n"
