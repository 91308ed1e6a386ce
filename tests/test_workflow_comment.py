"""The comment step (.github/scripts/sla_comment.py) against the attacks it must withstand.

GitHub is out of reach, so `gh` is a fake on PATH: it serves canned API answers (keyed by
method and path, pages of a paginated list printed back to back as `gh --paginate` does)
and records every call with its JSON body. The script runs as the workflow runs it: a real
process, from a checkout of the default branch's .github/scripts, with the artifact in
`review/` and the event in GITHUB_EVENT_PATH.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import REPO

SCRIPTS = REPO / ".github" / "scripts"
MARKER = "<!-- sitegen: SLA review -->"
BOT = {"login": "github-actions[bot]", "type": "Bot"}
HEAD_SHA = "1111111111111111111111111111111111111111"
REVIEW = "### SLA changes: 1 agreement differs\n\n| a | b |\n"

FAKE_GH = """\
import json, os, sys
args = sys.argv[1:]
assert args[0] == "api", args
method, paginate, body, path = "GET", False, None, None
rest = iter(args[1:])
for arg in rest:
    if arg == "--method":
        method = next(rest)
    elif arg == "--paginate":
        paginate = True
    elif arg == "--input":
        assert next(rest) == "-"
        body = json.loads(sys.stdin.read())
    else:
        path = arg
with open(os.environ["FAKE_GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps({"method": method, "path": path, "body": body}) + "\\n")
answers = json.load(open(os.environ["FAKE_GH_ANSWERS"], encoding="utf-8"))
key = f"{method} {path}"
if key not in answers:
    if method == "GET":
        sys.exit(print("gh: Not Found (HTTP 404)", file=sys.stderr) or 1)
    answers[key] = {}
answer = answers[key]
pages = answer if paginate else [answer]
sys.stdout.write("".join(json.dumps(page) for page in pages))
"""


def pull(number: int, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "number": number,
        "state": "open",
        "head": {"sha": HEAD_SHA, "ref": "shorter-response", "repo": {"full_name": "acme/slas"}},
        "base": {"repo": {"full_name": "acme/slas"}},
    }
    for key, value in changes.items():
        part, _, field = key.partition("__")
        if field:
            data[part][field] = value
        else:
            data[key] = value
    return data


def event(**changes: Any) -> dict[str, Any]:
    run: dict[str, Any] = {
        "id": 9001,
        "event": "pull_request",
        "head_sha": HEAD_SHA,
        "head_branch": "shorter-response",
        "head_repository": {"full_name": "acme/slas"},
        "pull_requests": [{"number": 42}],
    }
    return {"workflow_run": {**run, **changes}}


def comment(id_: int, user: dict[str, str], body: str) -> dict[str, Any]:
    return {"id": id_, "user": user, "body": body}


@dataclass
class Step:
    """One run of the comment step; `calls` are what it asked of GitHub."""

    returncode: int
    stdout: str
    stderr: str
    calls: list[dict[str, Any]]

    @property
    def writes(self) -> list[dict[str, Any]]:
        return [c for c in self.calls if c["method"] != "GET"]


def run_step(
    tmp_path: Path,
    answers: dict[str, Any],
    *,
    run_event: dict[str, Any] | None = None,
    artifact: dict[str, bytes] | None = None,
    command: list[str] | None = None,
) -> Step:
    """The comment step in a fresh workspace with the default branch's scripts checked out."""
    work = tmp_path / "workspace"
    shutil.copytree(SCRIPTS, work / ".github" / "scripts")
    files = {"comment.md": REVIEW.encode(), "pr-number": b"42\n"} if artifact is None else artifact
    for name, data in files.items():
        (work / "review").mkdir(parents=True, exist_ok=True)
        (work / "review" / name).write_bytes(data)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(f"#!{sys.executable}\n{FAKE_GH}", "utf-8")
    (bin_dir / "gh").chmod(0o755)
    (tmp_path / "answers.json").write_text(json.dumps(answers), "utf-8")
    (tmp_path / "event.json").write_text(json.dumps(run_event or event()), "utf-8")
    log = tmp_path / "calls.jsonl"
    log.touch()
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_REPOSITORY": "acme/slas",
        "GITHUB_EVENT_PATH": str(tmp_path / "event.json"),
        "FAKE_GH_ANSWERS": str(tmp_path / "answers.json"),
        "FAKE_GH_LOG": str(log),
    }
    argv = command or [sys.executable, ".github/scripts/sla_comment.py", "review"]
    done = subprocess.run(argv, cwd=work, env=env, capture_output=True, text=True)
    calls = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    return Step(done.returncode, done.stdout, done.stderr, calls)


def answers_for(comments: list[dict[str, Any]]) -> dict[str, Any]:
    """Pull request 42 at the run's head; its comments on two pages."""
    return {
        "GET repos/acme/slas/pulls/42": pull(42),
        "GET repos/acme/slas/issues/42/comments?per_page=100": [comments[:1], comments[1:]],
    }


def test_updates_the_bots_own_review_comment(tmp_path: Path) -> None:
    comments = [
        comment(1, {"login": "mallory", "type": "User"}, f"{MARKER}\nplanted"),
        comment(2, BOT, "an unrelated bot comment"),
        comment(3, BOT, f"{MARKER}\nthe last review"),
    ]
    step = run_step(tmp_path, answers_for(comments))
    assert (step.returncode, step.stderr) == (0, "")
    assert step.stdout == "sla-comment: updated the review on #42 (comment 3)\n"
    assert step.writes == [
        {
            "method": "PATCH",
            "path": "repos/acme/slas/issues/comments/3",
            "body": {"body": f"{MARKER}\n{REVIEW}"},
        }
    ]


def test_a_marker_comment_by_someone_else_is_never_edited(tmp_path: Path) -> None:
    comments = [
        comment(1, {"login": "mallory", "type": "User"}, f"{MARKER}\nplanted"),
        comment(2, {"login": "github-actions", "type": "User"}, f"{MARKER}\nlook-alike"),
    ]
    step = run_step(tmp_path, answers_for(comments))
    assert step.returncode == 0, step.stderr
    assert step.stdout == "sla-comment: posted the review on #42\n"
    assert step.writes == [
        {
            "method": "POST",
            "path": "repos/acme/slas/issues/42/comments",
            "body": {"body": f"{MARKER}\n{REVIEW}"},
        }
    ]


def test_a_fork_pull_request_is_found_by_its_head(tmp_path: Path) -> None:
    """`pull_requests` is empty for forks: the open pull request with the run's head is used;
    the branch name (attacker-chosen) is quoted into the query, not spliced."""
    branch = "fix&head=acme:main#1"
    fork = {"full_name": "mallory/slas"}
    answers = {
        "GET repos/acme/slas/pulls?state=open&head=mallory%3Afix%26head%3Dacme%3Amain%231"
        "&per_page=100": [[{"number": 7}]],
        "GET repos/acme/slas/pulls/7": pull(7, head__ref=branch, head__repo=fork),
        "GET repos/acme/slas/issues/7/comments?per_page=100": [[]],
    }
    run_event = event(pull_requests=[], head_branch=branch, head_repository=fork)
    artifact = {"comment.md": REVIEW.encode(), "pr-number": b"7\n"}
    step = run_step(tmp_path, answers, run_event=run_event, artifact=artifact)
    assert step.returncode == 0, step.stderr
    assert [(c["method"], c["path"]) for c in step.writes] == [
        ("POST", "repos/acme/slas/issues/7/comments")
    ]


NOTHING_MATCHES = (
    "sla-comment: run 9001: 0 open pull requests have head " + HEAD_SHA + " on "
    "acme/slas:shorter-response (candidates: #42); need exactly one\n"
)


@pytest.mark.parametrize(
    ("case", "changes"),
    [
        ("head moved on", {"head__sha": "2" * 40}),
        ("closed", {"state": "closed"}),
        ("other branch", {"head__ref": "main"}),
        ("other head repository", {"head__repo": {"full_name": "mallory/slas"}}),
        ("other base repository", {"base__repo": {"full_name": "mallory/slas"}}),
    ],
)
def test_a_pull_request_that_is_not_the_runs_head_gets_nothing(
    tmp_path: Path, case: str, changes: dict[str, Any]
) -> None:
    answers = {"GET repos/acme/slas/pulls/42": pull(42, **changes)}
    step = run_step(tmp_path, answers)
    assert (step.returncode, step.stderr, step.writes) == (1, NOTHING_MATCHES, []), case


def test_two_candidates_for_one_head_are_refused(tmp_path: Path) -> None:
    answers = {
        "GET repos/acme/slas/pulls?state=open&head=acme%3Ashorter-response&per_page=100": [
            [{"number": 42}],
            [{"number": 43}],
        ],
        "GET repos/acme/slas/pulls/42": pull(42),
        "GET repos/acme/slas/pulls/43": pull(43),
    }
    step = run_step(tmp_path, answers, run_event=event(pull_requests=[]))
    assert step.returncode == 1
    assert step.stderr == (
        f"sla-comment: run 9001: 2 open pull requests have head {HEAD_SHA} on "
        "acme/slas:shorter-response (candidates: #42, #43); need exactly one\n"
    )
    assert step.writes == []


def test_the_artifact_cannot_name_another_pull_request(tmp_path: Path) -> None:
    artifact = {"comment.md": REVIEW.encode(), "pr-number": b"13\n"}
    step = run_step(tmp_path, answers_for([]), artifact=artifact)
    assert step.returncode == 1
    assert step.stderr == (
        "sla-comment: review/pr-number names pull request '13', but the run is for #42\n"
    )
    assert step.writes == []


def test_an_artifact_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    artifact = {"comment.md": "### SLA 变更\n".encode() + b"\xff\xfe @everyone"}
    step = run_step(tmp_path, answers_for([]), artifact=artifact)
    assert step.returncode == 1
    assert step.stderr == "sla-comment: review/comment.md: not UTF-8 text (byte 15)\n"
    assert step.writes == []


def test_an_oversized_artifact_is_replaced_by_a_pointer(tmp_path: Path) -> None:
    artifact = {"comment.md": b"### forged heading @everyone\n" + b"x" * 60_000}
    step = run_step(tmp_path, answers_for([]), artifact=artifact)
    assert step.returncode == 0, step.stderr
    body = step.writes[0]["body"]["body"]
    assert body == (
        f"{MARKER}\nThe SLA review is too long for a comment: "
        "download the sla-review artifact of this run.\n"
    )


def test_a_missing_artifact_is_refused(tmp_path: Path) -> None:
    step = run_step(tmp_path, answers_for([]), artifact={})
    assert step.returncode == 1
    assert step.stderr == (
        "sla-comment: review/comment.md: cannot be read (No such file or directory)\n"
    )
    assert step.writes == []


def test_a_run_not_started_by_a_pull_request_is_refused(tmp_path: Path) -> None:
    step = run_step(tmp_path, answers_for([]), run_event=event(event="push"))
    assert step.returncode == 1
    assert step.stderr == "sla-comment: run 9001 was not started by a pull request\n"
    assert step.calls == []


def test_the_workflow_step_runs_the_script(tmp_path: Path) -> None:
    """The comment workflow's own `run:` line, with the fake gh: the same path and folder."""
    from tests.test_workflow import workflow

    steps = workflow("agreements-comment.yml")["jobs"]["comment"]["steps"]
    (script,) = [s["run"] for s in steps if "run" in s]
    step = run_step(tmp_path, answers_for([]), command=["bash", "-eo", "pipefail", "-c", script])
    assert step.returncode == 0, step.stderr
    assert step.stdout == "sla-comment: posted the review on #42\n"
