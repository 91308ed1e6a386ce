"""What `validate --history` checks of the review records: a review held is a record.

SG935: a review that was held at the base revision (`held:` set) was deleted since, or
changed in anything but the status of its actions. A review is prepared in the open (any
edit is fine while `held: null`); once the meeting's record is committed it is kept as it
was, and what happens to its actions afterwards (done, dropped) is the one thing that moves.
New actions belong in the next review. Comments and layout may change: the content is
compared, not the bytes.

The git work is a fixed number of processes (one diff, one read of the old blobs), whatever
the number of agreements.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitegen.errors import SitegenError
from sitegen.findings import Finding, Severity
from sitegen.load.config import Settings
from sitegen.load.layout import REVIEWS_DIR
from sitegen.reports.review import ReviewFile, parse_review, read_review
from sitegen.versions.history import blob_bytes, changes_since, open_project, resolve_base

MESSAGE = "the review of {period} held on {held} was {what} since {base}: {why}"
_KEPT = "a held review is kept as it was; restore it"
_STATUS = "once held, only the status of its actions may change; restore the rest"


def check_review_history(root: Path, settings: Settings, base: str | None) -> list[Finding]:
    project = open_project(root)
    resolved = resolve_base(project, base)
    if resolved is None:
        return []
    changes = changes_since(project, resolved, f"{settings.agreements_dir}/*/{REVIEWS_DIR}/*")
    old = dict(blob_bytes(project, [c.old_blob for c in changes if c.old_blob]))
    findings: list[Finding] = []
    for change in changes:
        if change.old_blob is None or change.status == "A":
            continue
        path = project.local(change.path)
        agreement_id = path.parent.parent.name
        try:
            before = parse_review(old[change.old_blob], path, agreement_id).review
        except SitegenError:
            continue  # not a review at the base: nothing held to keep
        if before.held is None:
            continue
        what, why = _change(path, agreement_id, before, change.status)
        if what:
            message = MESSAGE.format(
                period=before.period, held=before.held, what=what, base=resolved.label, why=why
            )
            findings.append(Finding(path, 1, 1, "SG935", Severity.ERROR, message))
    return findings


def _change(path: Path, agreement_id: str, before: ReviewFile, status: str) -> tuple[str, str]:
    if status == "D" or not path.is_file():
        return "deleted", _KEPT
    try:
        now = read_review(path, agreement_id).review
    except SitegenError:
        return "", ""  # SG930 says why it cannot be read
    if _content(now) != _content(before):
        return "changed", _STATUS
    return "", ""


def _content(review: ReviewFile) -> dict[str, Any]:
    """The review as data, each action's status left out."""
    data = review.model_dump()
    for action in data["actions"]:
        action.pop("status")
    return data
