"""Post or update the SLA review comment of a pull request from an `agreements` run's artifact.

agreements-comment.yml runs this with write permission on pull requests, from the default
branch's checkout, so nothing of the pull request runs here. What it trusts and what not:

- The pull request comes from the `workflow_run` event (written by GitHub), never from the
  artifact: the run's `pull_requests` (empty when the pull request comes from a fork), else
  the open pull requests whose head is the run's head repository and branch. Exactly one
  must be open, on this repository, with the run's head SHA and branch; anything else stops
  the step and nothing is posted. A `pr-number` in the artifact must name that pull request.
- The artifact is written by the pull request's own workflow (which the pull request may
  change), so it is untrusted text: `comment.md` must be UTF-8 and at most 60,000 bytes
  (GitHub refuses bodies over 65,536 characters); a longer one is replaced by a pointer to
  the artifact, with none of its text.
- Only a comment written by github-actions[bot] (the workflow's own account) that starts
  with the marker is updated: anyone can post a comment carrying the marker.

Standard library only, so the step installs nothing; `gh` does the HTTP. Exit 0 when the
comment is posted, 1 (with one `sla-comment: …` line on stderr) when anything is refused.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

MARKER = "<!-- sitegen: SLA review -->"
BOT = "github-actions[bot]"
MAX_BYTES = 60_000
TOO_LONG = "The SLA review is too long for a comment: download the sla-review artifact of this run."


class Refused(Exception):
    """Something the step will not act on; the message says what and nothing is posted."""


@dataclass(frozen=True)
class Run:
    """The `agreements` run, as the workflow_run event describes it."""

    run_id: int
    head_sha: str
    head_branch: str
    head_repo: str  # owner/name of the repository the pull request comes from
    numbers: tuple[int, ...]  # the event's pull_requests (empty for forks)


def read_run(event_path: Path) -> Run:
    event = json.loads(event_path.read_text("utf-8"))
    run = event.get("workflow_run") or {}
    if run.get("event") != "pull_request":
        raise Refused(f"run {run.get('id')} was not started by a pull request")
    return Run(
        run_id=int(run["id"]),
        head_sha=str(run["head_sha"]),
        head_branch=str(run["head_branch"]),
        head_repo=str((run.get("head_repository") or {}).get("full_name", "")),
        numbers=tuple(int(pr["number"]) for pr in run.get("pull_requests") or ()),
    )


def gh(*args: str, body: dict[str, str] | None = None) -> str:
    """`gh` with arguments as a list (no shell); a body goes as JSON on stdin."""
    stdin = None if body is None else json.dumps(body)
    done = subprocess.run(
        ["gh", *args, *(["--input", "-"] if body is not None else [])],
        input=stdin, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise Refused(f"gh {' '.join(args[:3])} failed: {reason}")
    return done.stdout


def api_pages(path: str) -> list[Any]:
    """Every item of a paginated list (`gh --paginate` prints one JSON array per page)."""
    text, items, decoder, at = gh("api", "--paginate", path), [], json.JSONDecoder(), 0
    while (at := _skip_space(text, at)) < len(text):
        page, at = decoder.raw_decode(text, at)
        items += page
    return items


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def find_pull_request(repo: str, run: Run) -> int:
    """The one open pull request of `repo` whose head is the run's commit."""
    numbers = run.numbers or _numbers_by_head(repo, run)
    matching = [n for n in numbers if _is_head_of(repo, n, run)]
    if len(matching) != 1:
        found = ", ".join(f"#{n}" for n in numbers) or "none"
        raise Refused(
            f"run {run.run_id}: {len(matching)} open pull requests have head {run.head_sha} "
            f"on {run.head_repo}:{run.head_branch} (candidates: {found}); need exactly one"
        )
    return matching[0]


def _numbers_by_head(repo: str, run: Run) -> tuple[int, ...]:
    owner = run.head_repo.partition("/")[0]
    head = quote(f"{owner}:{run.head_branch}", safe="")
    pulls = api_pages(f"repos/{repo}/pulls?state=open&head={head}&per_page=100")
    return tuple(int(pull["number"]) for pull in pulls)


def _is_head_of(repo: str, number: int, run: Run) -> bool:
    pull = json.loads(gh("api", f"repos/{repo}/pulls/{number}"))
    head, base = pull.get("head") or {}, pull.get("base") or {}
    return (
        pull.get("state") == "open"
        and head.get("sha") == run.head_sha
        and head.get("ref") == run.head_branch
        and (head.get("repo") or {}).get("full_name") == run.head_repo
        and (base.get("repo") or {}).get("full_name") == repo
    )


def read_body(folder: Path, number: int) -> str:
    """The comment: the marker, then comment.md (or the pointer when it is too long)."""
    _check_number(folder / "pr-number", number)
    path = folder / "comment.md"
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise Refused(f"{path}: cannot be read ({error.strerror})") from None
    if len(data) > MAX_BYTES:
        return f"{MARKER}\n{TOO_LONG}\n"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Refused(f"{path}: not UTF-8 text (byte {error.start})") from None
    return f"{MARKER}\n{text}"


def _check_number(path: Path, number: int) -> None:
    if not path.exists():
        return
    named = path.read_bytes()[:20].decode("ascii", "replace").strip()
    if named != str(number):
        raise Refused(f"{path} names pull request {named!r}, but the run is for #{number}")


def own_comment(repo: str, number: int) -> int | None:
    """The id of the review comment the bot wrote on the pull request, if any."""
    for comment in api_pages(f"repos/{repo}/issues/{number}/comments?per_page=100"):
        user = comment.get("user") or {}
        body = comment.get("body") or ""
        if user.get("login") == BOT and user.get("type") == "Bot" and body.startswith(MARKER):
            return int(comment["id"])
    return None


def post(repo: str, number: int, body: str) -> str:
    existing = own_comment(repo, number)
    if existing is None:
        gh("api", "--method", "POST", f"repos/{repo}/issues/{number}/comments", body={"body": body})
        return f"posted the review on #{number}"
    gh("api", "--method", "PATCH", f"repos/{repo}/issues/comments/{existing}", body={"body": body})
    return f"updated the review on #{number} (comment {existing})"


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "review")
    try:
        repo = os.environ["GITHUB_REPOSITORY"]
        run = read_run(Path(os.environ["GITHUB_EVENT_PATH"]))
        number = find_pull_request(repo, run)
        body = read_body(folder, number)
        print(f"sla-comment: {post(repo, number, body)}")
    except Refused as refused:
        print(f"sla-comment: {refused}", file=sys.stderr)
        return 1
    except (KeyError, ValueError, TypeError) as error:
        print(
            f"sla-comment: the workflow_run event is not as expected ({error!r})", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
