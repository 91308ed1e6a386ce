"""`sitegen review new`: a review file for a period that has ended, pre-filled from the
period records, written where `load.layout` says and never over an existing one (a review
held is a record; one being prepared holds a person's work)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitegen.errors import UserError
from sitegen.files import write_atomic
from sitegen.load import load_agreement
from sitegen.load.config import Settings
from sitegen.load.layout import AGREEMENT_FILE, REPORTS_DIR, REVIEWS_DIR
from sitegen.load.model import Agreement
from sitegen.reports.held import held_reports
from sitegen.reports.periods import Period
from sitegen.reports.review_fill import covered, triggers
from sitegen.reports.review_write import render_review
from sitegen.versions.in_force import in_force_on


def review_path(folder: Path, period: Period) -> Path:
    return folder / REVIEWS_DIR / f"{period.label}.yaml"


def new_review(folder: Path, agreement: Agreement, period: Period, today: dt.date) -> Path:
    """Write the pre-filled review of `period` into the agreement's folder; its path."""
    if period.last >= today:
        raise UserError(
            f"{period.label} ends on {period.last.isoformat()}: a review covers a period that "
            f"has ended (today is {today.isoformat()})"
        )
    path = review_path(folder, period)
    if path.exists() or path.is_symlink():
        raise UserError("a review of this period exists already: edit it", path=path)
    held = held_reports(folder / REPORTS_DIR, agreement.id)
    drills = any(entry.drill is not None for entry in agreement.continuity or ())
    data = render_review(
        agreement.id, period.label, covered(held, period), triggers(agreement, held, period, None),
        today, drills=drills,
    )  # fmt: skip
    write_atomic(path, data)
    return path


def terms_of(folder: Path, settings: Settings, period: Period) -> Agreement | None:
    """The agreement's version in force on the period's last day (its revision triggers are
    the ones the review weighs); None when the agreement does not load or none was in
    force then."""
    loaded = load_agreement(folder / AGREEMENT_FILE, settings.load)
    if loaded.agreement is None:
        return None
    found = in_force_on(loaded.agreement, folder, settings.load, period.last)
    return found.agreement if found is not None else None


def prepare(
    root: Path, settings: Settings, agreement_id: str, period: Period, today: dt.date
) -> Path:
    """`sitegen review new`: the agreement found by its id, the file written; its path."""
    folder = root / settings.agreements_dir / agreement_id
    if not (folder / AGREEMENT_FILE).is_file():
        raise UserError(f"no agreement {agreement_id}", path=folder / AGREEMENT_FILE)
    agreement = terms_of(folder, settings, period)
    if agreement is None:
        raise UserError(
            f"{agreement_id} had no signed or accepted version in force on "
            f"{period.last.isoformat()} (or it does not load: run `sitegen validate`)"
        )
    return new_review(folder, agreement, period, today)
