"""What `validate` checks of the structured review records (`agreements/<ID>/reviews/`).

- SG930: a review that cannot be read (file:line:col of the first wrong key or value: an
  unknown field, a day that is no day, a status that is none of open/done/dropped), or
  whose agreement's records cannot be read to check it against;
- SG931: a covered period that says other than its record: passed when the record failed
  (or the reverse), another credit, accepted when the customer has not accepted it (not
  accepted when it has since is fine: the review states what was true when it was held),
  a period without a record, a record within the review's period that it leaves out (a
  held review whose figures are those of a record superseded since is right: it states
  what the parties weighed on its day);
- SG932: a revision trigger that says other than sitegen computes (`review_fill`): the
  message says what to write;
- SG933: a participant or an action owner holding an e-mail address or a phone number
  (the agreement's rule SG405/SG406: a review names roles, never ways to reach a person);
- SG934 (warning): a participant or owner that reads as a person's name or names no role
  (the agreement's SG408).

The revision thresholds are those of the version in force on the review period's last
day, as `sitegen review new` read them; when none was in force (or the agreement does not
load: its own findings say why) the triggers are not checked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from sitegen.errors import Location, SitegenError
from sitegen.findings import Finding, Severity
from sitegen.lint.personal import contact_details, not_a_role
from sitegen.load.config import Settings
from sitegen.load.layout import AGREEMENT_FILE, REPORTS_DIR, REVIEWS_DIR
from sitegen.reports.held import HeldReport, held_reports
from sitegen.reports.record_read import parse_record
from sitegen.reports.record_store import read_record_bytes, superseded_records
from sitegen.reports.review import Covered, Credit, ReadReview, Words, read_review, review_files
from sitegen.reports.review_fill import covered, triggers
from sitegen.reports.review_new import terms_of
from sitegen.reports.strict_yaml import Unreadable

_SEVERITY = {"SG934": Severity.WARNING}
_ROLE_FIX = "write the role instead (e.g. 服务经理 / Service manager)"


def _at(where: Location, code: str, message: str) -> Finding:
    severity = _SEVERITY.get(code, Severity.ERROR)
    return Finding(Path(where.path), where.line or 1, where.column or 1, code, severity, message)


def check_reviews(
    root: Path, settings: Settings, paths: Sequence[Path] | None = None
) -> list[Finding]:
    """Every rule above, for every agreement's `reviews/` folder under `root`; or, given
    the `paths` `validate` was given, for the agreements they name: an agreement's file or
    folder, or a folder of agreements."""
    folders: set[Path] = set()
    for path in [root / settings.agreements_dir] if paths is None else paths:
        if path.is_file() and path.name == AGREEMENT_FILE:
            folders.add(path.parent)
        elif (path / AGREEMENT_FILE).is_file():
            folders.add(path)
        elif path.is_dir():
            folders |= {found.parent for found in path.glob(f"*/{AGREEMENT_FILE}")}
    findings: list[Finding] = []
    for folder in sorted(folders):
        if (folder / REVIEWS_DIR).is_dir():
            findings += check_folder(folder, settings)
    return findings


def check_folder(folder: Path, settings: Settings) -> list[Finding]:
    paths = review_files(folder / REVIEWS_DIR)
    if not paths:
        return []
    try:
        held = held_reports(folder / REPORTS_DIR, folder.name)
    except SitegenError as error:
        where = Location(paths[0])
        return [_at(where, "SG930", f"cannot check it against the records: {error}")]
    findings: list[Finding] = []
    for path in paths:
        try:
            read = read_review(path, folder.name)
        except Unreadable as error:
            findings.append(_at(error.location, "SG930", f"cannot be read: {error.problem}"))
            continue
        except SitegenError as error:
            findings.append(_at(Location(path), "SG930", f"cannot be read: {error}"))
            continue
        findings += check_review(read, held, folder, settings)
    return findings


def check_review(
    read: ReadReview, held: list[HeldReport], folder: Path, settings: Settings
) -> list[Finding]:
    findings = list(_periods(read, held, folder / REPORTS_DIR))
    agreement = terms_of(folder, settings, read.period)
    if agreement is not None:
        review = read.review
        stated = review.periods if review.held is not None else ()
        findings += _triggers(read, triggers(agreement, held, read.period, review.volume, stated))
    findings += _roles(read)
    return findings


def _periods(read: ReadReview, held: list[HeldReport], reports: Path) -> Iterator[Finding]:
    records = {c.period: c for c in covered(held, read.period)}
    listed = {c.period for c in read.review.periods}
    for index, said in enumerate(read.review.periods):
        record = records.get(said.period)
        if record is not None and read.review.held is not None and _as_superseded(said, reports):
            continue  # the record the review weighed was superseded since: it still says so
        if record is None:
            yield _at(
                read.place("periods", index, "period"),
                "SG931",
                f"{said.period}: there is no record of this period under reports/",
            )
            continue
        if said.passed != record.passed:
            result = "passed" if record.passed else "failed"
            yield _at(
                read.place("periods", index, "passed"),
                "SG931",
                f"periods[{index}].passed: {str(said.passed).lower()}, but the record of "
                f"{said.period} {result}",
            )
        if said.credit != record.credit:
            yield _at(
                read.place("periods", index, "credit"),
                "SG931",
                f"periods[{index}].credit: {_credit(said.credit)}, but the record of "
                f"{said.period} states {_credit(record.credit)}",
            )
        if said.accepted and not record.accepted:
            yield _at(
                read.place("periods", index, "accepted"),
                "SG931",
                f"periods[{index}].accepted: true, but the customer has not accepted "
                f"the record of {said.period}",
            )
    for period in records:
        if period not in listed:
            yield _at(
                read.place("periods"),
                "SG931",
                f"periods: the record of {period} lies within {read.review.period} but "
                "is not listed",
            )


def _as_superseded(said: Covered, reports: Path) -> bool:
    """Whether a superseded record of the period says what the review says: a held review
    states the figures of its day, and a record superseded after it does not change it."""
    for path in superseded_records(reports, said.period):
        try:
            figures = parse_record(read_record_bytes(path), path).figures
        except SitegenError:
            continue  # SG927 of `validate --history` names it
        credit = figures.credits
        was = (
            None
            if credit is None
            else Credit(percent=credit.percent, amount=credit.amount, currency=credit.currency)
        )
        if (figures.passed, was) == (said.passed, said.credit):
            return True
    return False


def _credit(credit: object) -> str:
    if credit is None:
        return "none"
    amount = getattr(credit, "amount", None)
    money = f" ({amount} {getattr(credit, 'currency', '')})" if amount is not None else ""
    return f"{getattr(credit, 'percent', '')}%{money}"


def _triggers(read: ReadReview, computed: object) -> Iterator[Finding]:
    said = read.review.triggers
    for name in ("volume_change", "missed_periods"):
        written, right = getattr(said, name), getattr(computed, name)
        for key in type(written).model_fields:
            if getattr(written, key) != getattr(right, key):
                expected = _yaml(getattr(right, key))
                yield _at(
                    read.place("triggers", name, key),
                    "SG932",
                    f"triggers.{name}.{key}: sitegen computes {expected} from the "
                    f"records and the volume; write {key}: {expected}",
                )


def _yaml(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(f'"{item}"' for item in value) + "]"
    return str(value)


def _roles(read: ReadReview) -> Iterator[Finding]:
    review = read.review
    roles: list[tuple[tuple[str | int, ...], Words]] = [
        *((("participants", i), role) for i, role in enumerate(review.participants)),
        *((("actions", i, "owner"), action.owner) for i, action in enumerate(review.actions)),
    ]
    for field, role in roles:
        for lang in ("zh", "en"):
            text = role.zh if lang == "zh" else role.en
            where = read.place(*field, lang)
            shown = ".".join(str(part) for part in (*field, lang))
            details = contact_details(text)
            if details:
                yield _at(
                    where,
                    "SG933",
                    f"{shown}: {details}: a review names roles, not "
                    "ways to reach a person; keep contacts outside the project",
                )
                continue
            problem = not_a_role(text, lang)
            if problem:
                yield _at(where, "SG934", f"{shown}: {problem}: {_ROLE_FIX}")
