"""`sitegen review refresh`: a review being prepared brought up to date with what sitegen
computes, after a person filled in the volume or a record was added or accepted since it
was prepared.

Only the two blocks sitegen writes are replaced, `periods:` and `triggers:` (each a key at
the start of a line and the indented lines under it); every other line, the comments
included, stays as the person left it. A review that was held is a record: it is never
refreshed (`validate` says what differs, SG931–SG935). The new text is read back before it
is written, and must say what the old one said in every other field.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sitegen.errors import UserError
from sitegen.files import write_atomic
from sitegen.load.config import Settings
from sitegen.load.layout import AGREEMENT_FILE, REPORTS_DIR
from sitegen.reports.held import held_reports
from sitegen.reports.periods import Period
from sitegen.reports.review import parse_review, read_review_bytes
from sitegen.reports.review_fill import covered, triggers
from sitegen.reports.review_new import review_path, terms_of
from sitegen.reports.review_write import periods_lines, triggers_lines

_COMPUTED = ("periods", "triggers")


def refresh(root: Path, settings: Settings, agreement_id: str, period: Period) -> tuple[Path, bool]:
    """Rewrite the computed blocks of the review of `period`; its path, and whether its
    text changed."""
    folder = root / settings.agreements_dir / agreement_id
    if not (folder / AGREEMENT_FILE).is_file():
        raise UserError(f"no agreement {agreement_id}", path=folder / AGREEMENT_FILE)
    path = review_path(folder, period)
    if not path.is_file():
        raise UserError(
            f"no review of {period.label}: `sitegen review new {agreement_id} --period "
            f"{period.label}` prepares one",
            path=path,
        )
    data = read_review_bytes(path)
    read = parse_review(data, path, agreement_id)
    if read.review.held is not None:
        raise UserError(
            f"held on {read.review.held.isoformat()}: a review held is a record, and only the "
            "status of its actions may change",
            path=read.place("held"),
        )
    agreement = terms_of(folder, settings, period)
    if agreement is None:
        raise UserError(
            f"{agreement_id} had no signed or accepted version in force on "
            f"{period.last.isoformat()} (or it does not load: run `sitegen validate`)"
        )
    held = held_reports(folder / REPORTS_DIR, agreement_id)
    text = data.decode("utf-8")
    new = _replaced(text, "periods", periods_lines(covered(held, period)))
    computed = triggers(agreement, held, period, read.review.volume)
    new = _replaced(new, "triggers", triggers_lines(computed))
    if new == text:
        return path, False
    again = parse_review(new.encode("utf-8"), path, agreement_id).review
    kept = set(type(again).model_fields) - set(_COMPUTED)
    if again.model_dump(include=kept) != read.review.model_dump(include=kept):
        raise AssertionError(f"{path}: refreshing changed more than {', '.join(_COMPUTED)}")
    write_atomic(path, new.encode("utf-8"))
    return path, True


def _replaced(text: str, key: str, block: Iterable[str]) -> str:
    """`text` with the top-level block of `key` replaced by `block` (appended when the
    file has none)."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if _opens(line, key)), None)
    if start is None:
        body = text.rstrip("\n")
        return "\n".join([body, *block]) + "\n"
    end = start + 1
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line[:1] in (" ", "\t", "-"):
            end = index + 1  # a line under the key (a blank line is kept where it was)
        elif line.strip():
            break
    return "\n".join([*lines[:start], *block, *lines[end:]])


def _opens(line: str, key: str) -> bool:
    """Whether `line` is the top-level key `key` (and perhaps its value)."""
    rest = line.removeprefix(f"{key}:")
    return rest != line and (not rest or rest[0] in " \t#")
