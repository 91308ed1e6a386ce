"""The pull-request workflows: safe permissions, and their commands run here for real.

GitHub is out of reach from our machines, so the review job's `run:` steps are executed in
a real repository with a base branch, as the runner would (the install step excepted: the
package is installed already).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

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


def test_comment_job_runs_only_the_default_branchs_script() -> None:
    """It checks out the default branch's .github/scripts (never the pull request), without
    keeping the token, installs nothing, and its one command is the script
    (tests/test_workflow_comment.py runs it against a fake gh)."""
    comment = workflow("agreements-comment.yml")
    assert comment["permissions"] == {"pull-requests": "write", "actions": "read"}
    steps = comment["jobs"]["comment"]["steps"]
    checkouts = [s for s in steps if s.get("uses", "").startswith("actions/checkout")]
    assert [c["with"] for c in checkouts] == [
        {
            "ref": "${{ github.event.repository.default_branch }}",
            "sparse-checkout": ".github/scripts",
            "persist-credentials": False,
        }
    ]
    assert [s["run"] for s in steps if "run" in s] == [
        "python3 .github/scripts/sla_comment.py review"
    ]


def test_review_installs_sitegen_from_the_base_branch() -> None:
    """A pull request may change sitegen/: the commands that judge it run the base's code."""
    steps = workflow("agreements.yml")["jobs"]["review"]["steps"]
    checkouts = [
        s.get("with", {}) for s in steps if s.get("uses", "").startswith("actions/checkout")
    ]
    assert checkouts == [
        {"fetch-depth": 0, "persist-credentials": False},
        {"ref": "${{ github.base_ref }}", "path": ".sitegen-base", "persist-credentials": False},
    ]
    installs = [s["run"] for s in steps if "pip install" in s.get("run", "")]
    assert installs == [
        'python -m venv "$RUNNER_TEMP/sitegen"\n'
        '"$RUNNER_TEMP/sitegen/bin/python" -m pip install --quiet ./.sitegen-base\n'
        "rm -rf .sitegen-base\n"
        'echo "$RUNNER_TEMP/sitegen/bin" >> "$GITHUB_PATH"\n'
    ]


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
    assert "<del>[-15-]</del><ins>{+10+}</ins>" in comment
    assert (repo.root / "review" / "pr-number").read_text() == "42\n"


def test_the_site_is_rebuilt_every_day_and_published_with_pages_permission_only() -> None:
    """Daily (the countdowns' built text and renewals.ics are counted from the build's day),
    on a push and by hand; reading the repository only, but for the deploy job's Pages."""
    site = workflow("site.yml")
    assert set(site["on"]) == {"schedule", "push", "workflow_dispatch"}
    (cron,) = (entry["cron"] for entry in site["on"]["schedule"])
    minute, hour, *every = cron.split()
    assert every == ["*", "*", "*"] and minute.isdigit() and hour.isdigit()  # once a day
    assert site["permissions"] == {"contents": "read"}
    assert site["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in site["jobs"]["build"]
    checkout = site["jobs"]["build"]["steps"][0]
    assert checkout["with"] == {"fetch-depth": 0, "persist-credentials": False}


@pytest.mark.slow
def test_the_site_build_step_runs_and_counts_from_today_in_beijing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build step's command, run for real on a project with one agreement in force
    (SLA-2025-006, its days in London): the site and its calendar are written, and the
    catalogue's countdown is counted from the day it is in Beijing now."""
    isolate_git(monkeypatch)
    london = "agreements/SLA-2025-006"
    root = tmp_path / "repo"
    files = {
        **templates_tree(),
        **{
            f"{london}/{path.relative_to(REPO / london).as_posix()}": path.read_bytes()
            for path in (REPO / london).rglob("*")
            if path.is_file() and "reports" not in path.parts
        },
        "mkdocs.yml": (REPO / "mkdocs.yml").read_text("utf-8"),
        # as the repository commits it: the docs folder's marker, nothing else
        "build/docs/.sitegen-generated": (REPO / "build/docs/.sitegen-generated").read_bytes(),
        **{
            f"site_overrides/{p.relative_to(REPO / 'site_overrides').as_posix()}": p.read_bytes()
            for p in (REPO / "site_overrides").rglob("*")
            if p.is_file()
        },
    }
    repo = GitRepo.create(root, files)
    steps = workflow("site.yml")["jobs"]["build"]["steps"]
    (build,) = [s["run"] for s in steps if "sitegen build" in s.get("run", "")]
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", "-eo", "pipefail", "-c", build], cwd=repo.root, env=env,
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, f"{build}\n{done.stdout}\n{done.stderr}"
    site = repo.root / "site"
    assert (site / "renewals.ics").read_text("utf-8").startswith("BEGIN:VCALENDAR")
    # SLA-2025-006 expires on 2028-05-31: the build's text counts from Beijing's today
    beijing = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()
    days = (dt.date(2028, 5, 31) - beijing).days
    page = (site / "en" / "index.html").read_text("utf-8")
    assert (
        f'<time class="sg-countdown" datetime="2028-05-31" data-sg-zone="Europe/London" '
        f'data-sg-past="ago">in {days} days</time>'
    ) in page
