"""`sitegen review new` and the review records `validate` checks: the guide's agreement
(SLA-2024-001, v1 signed, in force from 2024-04-01; revision triggers: volume +50%, two
consecutive periods missed) with monthly records written for the test."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sitegen.cli import cli
from sitegen.reports.acceptance import Acceptance, Acceptances, render_acceptances
from sitegen.reports.figures import CreditsDue
from sitegen.reports.periods import Period
from sitegen.reports.record import render_record
from sitegen.reports.review import read_review
from tests.helpers import REPO, replace_once
from tests.report_factory import SAMPLE_ID, record_of, university_october

FOLDER = f"agreements/{SAMPLE_ID}"
REVIEW = f"{FOLDER}/reviews/2026Q3.yaml"
CONTACT = "信息中心经理（服务对接人）"


def _month(period: str, passed: bool, credit: str | None = None) -> bytes:
    """A record of `period`: passed (no credit) or not, with a credit of `credit` CNY (5%
    of the fee); no claim window."""
    credits = CreditsDue(Decimal("0"), Decimal("0.00"), "CNY", None)
    if credit is not None:
        credits = CreditsDue(Decimal("5"), Decimal(credit), "CNY", None)
    figures = dataclasses.replace(
        university_october(), period=period, passed=passed, credits=credits
    )
    return render_record(record_of(figures))


def _project(root: Path, months: dict[str, bool], accepted: tuple[str, ...] = ()) -> Path:
    """The guide's agreement with one record per month (True: passed), the months in
    `accepted` accepted by the customer's contact on 2026-10-12."""
    shutil.copytree(REPO / FOLDER, root / FOLDER)
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.rmtree(root / FOLDER / "reviews", ignore_errors=True)  # the demo's own
    reports = root / FOLDER / "reports"
    shutil.rmtree(reports)
    reports.mkdir()
    entries = []
    for period, passed in months.items():
        data = _month(period, passed, None if passed else "4000.00")
        (reports / f"{period}.yaml").write_bytes(data)
        if period in accepted:
            digest = hashlib.sha256(data).hexdigest()
            entries.append(
                Acceptance(period=period, sha256=digest, role=CONTACT, date="2026-10-12")
            )  # type: ignore[arg-type]
    acceptances = Acceptances(agreement=SAMPLE_ID, accepted=entries)
    (reports / "acceptances.yaml").write_bytes(render_acceptances(acceptances))
    return root


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.stderr
    return result


# July failed (a credit of CNY 4000.00), August and September passed; July and August were
# accepted, September not yet.
QUARTER = {"2026-06": True, "2026-07": False, "2026-08": True, "2026-09": True}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _project(tmp_path, QUARTER, accepted=("2026-06", "2026-07", "2026-08"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_review_new_writes_the_quarter_pre_filled_from_its_records(project: Path) -> None:
    result = run("review", "new", SAMPLE_ID, "--period", "2026Q3", "--today", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {REVIEW}\n"
    review = read_review(project / REVIEW, SAMPLE_ID).review
    assert review.held is None  # being prepared
    assert [(p.period, p.passed, p.accepted) for p in review.periods] == [
        ("2026-07", False, True),
        ("2026-08", True, True),
        ("2026-09", True, False),  # June is in Q2: not covered
    ]
    july = review.periods[0].credit
    assert july is not None and (july.percent, july.amount, july.currency) == (
        Decimal("5"),
        Decimal("4000.00"),
        "CNY",
    )
    volume = review.triggers.volume_change
    assert (volume.threshold, volume.change, volume.fired) == (Decimal("50"), None, False)
    missed = review.triggers.missed_periods
    # One failed month (July), June and August passed: a run of 1 against 2.
    assert (missed.threshold, missed.run, missed.periods, missed.fired) == (
        2,
        1,
        ["2026-07"],
        False,
    )
    assert run("validate").exit_code == 0  # the fresh file is a valid prepared review


def test_review_new_never_overwrites_and_reviews_only_ended_periods(project: Path) -> None:
    run("review", "new", SAMPLE_ID, "--period", "2026Q3", "--today", "2026-12-01")
    before = (project / REVIEW).read_bytes()
    again = run("review", "new", SAMPLE_ID, "--period", "2026Q3", "--today", "2026-12-01")
    assert again.exit_code == 2
    assert "a review of this period exists already: edit it" in again.stderr
    assert (project / REVIEW).read_bytes() == before
    early = run("review", "new", SAMPLE_ID, "--period", "2026Q4", "--today", "2026-12-01")
    assert early.exit_code == 2
    assert early.stderr == (
        "Error: 2026Q4 ends on 2026-12-31: a review covers a period that has ended "
        "(today is 2026-12-01)\n"
    )
    half = run("review", "new", SAMPLE_ID, "--period", "2026H2", "--today", "2027-01-04")
    assert half.exit_code == 0, half.output  # July to December: the four months held
    review = read_review(project / FOLDER / "reviews" / "2026H2.yaml", SAMPLE_ID).review
    assert [p.period for p in review.periods] == ["2026-07", "2026-08", "2026-09"]
    bad = run("review", "new", SAMPLE_ID, "--period", "2026Q5")
    assert bad.exit_code == 2 and "2026H1" in bad.stderr
    assert not (project / FOLDER / "reviews" / "2026Q5.yaml").exists()


def test_half_years_and_years_are_periods() -> None:
    first = Period.parse("2026H1")
    assert (first.first.isoformat(), first.last.isoformat(), first.kind) == (
        "2026-01-01",
        "2026-06-30",
        "half_year",
    )
    year = Period.parse("2026")
    assert (year.first.isoformat(), year.last.isoformat(), year.kind) == (
        "2026-01-01",
        "2026-12-31",
        "year",
    )
    assert Period.parse("2026H2").holds(Period.parse("2026Q3"))
    assert not Period.parse("2026Q3").holds(Period.parse("2026-06"))


@pytest.mark.parametrize(
    ("after", "change", "fired"),
    [
        # 1200 tickets a month when the agreement took effect:
        ("1788", "49.00", "false"),  # (1788 - 1200) / 1200 = 588 / 1200 = 49%
        ("1800", "50.00", "true"),  # 600 / 1200 = 50%: at the threshold, fired
        ("1812", "51.00", "true"),  # 612 / 1200 = 51%
        ("1799.99", "49.99", "false"),  # 599.99 / 1200 = 49.99916…%: shown 49.99, below
        ("900", "-25.00", "false"),  # a fall: the contract speaks of growth
    ],
)
def test_the_volume_trigger_fires_at_the_agreements_threshold(
    project: Path, after: str, change: str, fired: str
) -> None:
    run("review", "new", SAMPLE_ID, "--period", "2026Q3", "--today", "2026-12-01")
    path = project / REVIEW
    text = replace_once(
        path.read_text(encoding="utf-8"),
        "volume: null",
        f'volume: {{before: 1200, after: {after}, unit: {{zh: "工单/月", en: "tickets a month"}}}}',
    )
    path.write_text(text, encoding="utf-8")
    result = run("validate")
    lines = result.stdout.splitlines()
    line = text.splitlines().index("    change: null") + 1
    assert lines[0] == (
        f"{REVIEW}:{line}:13: SG932 triggers.volume_change.change: sitegen computes {change} "
        f"from the records and the volume; write change: {change}"
    )
    written = replace_once(text, "    change: null", f"    change: {change}")
    path.write_text(written.replace("    fired: false", f"    fired: {fired}", 1), "utf-8")
    assert run("validate").exit_code == 0


@pytest.mark.parametrize(
    ("months", "run_", "periods", "fired"),
    [
        # June (Q2) and July failed: consecutive across the quarter's start, 2 ≥ 2.
        ({"2026-06": False, "2026-07": False, "2026-08": True}, 2, ["2026-06", "2026-07"], True),
        # July and September failed, August passed between them: two runs of 1.
        ({"2026-07": False, "2026-08": True, "2026-09": False}, 1, ["2026-09"], False),
        # July and September failed, August has no record: a gap breaks the run.
        ({"2026-07": False, "2026-09": False}, 1, ["2026-09"], False),
        # May and June failed (Q2 only): nothing of the run reaches into Q3.
        ({"2026-05": False, "2026-06": False, "2026-07": True}, 0, [], False),
        # August and September failed, and so did October (after Q3): counted up to Q3's end.
        ({"2026-08": False, "2026-09": False, "2026-10": False}, 2, ["2026-08", "2026-09"], True),
    ],
)
def test_the_missed_periods_trigger_counts_consecutive_failed_records(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    months: dict[str, bool],
    run_: int,
    periods: list[str],
    fired: bool,
) -> None:
    _project(tmp_path, months)
    monkeypatch.chdir(tmp_path)
    run("review", "new", SAMPLE_ID, "--period", "2026Q3", "--today", "2026-12-01")
    missed = read_review(tmp_path / REVIEW, SAMPLE_ID).review.triggers.missed_periods
    assert (missed.run, missed.periods, missed.fired) == (run_, periods, fired)


def _edited(project: Path, old: str, new: str) -> tuple[Result, str]:
    run("review", "new", SAMPLE_ID, "--period", "2026Q3", "--today", "2026-12-01")
    path = project / REVIEW
    text = replace_once(path.read_text(encoding="utf-8"), old, new)
    path.write_text(text, encoding="utf-8")
    return run("validate"), text


def _line(text: str, needle: str) -> int:
    """The first line that starts (past its indent) with `needle`: comments never do."""
    found = (i for i, line in enumerate(text.splitlines(), 1) if line.lstrip().startswith(needle))
    return next(found)


def test_a_review_that_says_a_failed_period_passed_is_an_error(project: Path) -> None:
    result, text = _edited(project, "    passed: false", "    passed: true")
    line = _line(text, "passed: true")  # July's, the first period
    assert result.exit_code == 1
    assert result.stdout == (
        f"{REVIEW}:{line}:13: SG931 periods[0].passed: true, but the record of 2026-07 failed\n"
    )


def test_a_review_cannot_claim_an_acceptance_the_customer_did_not_give(project: Path) -> None:
    run("review", "new", SAMPLE_ID, "--period", "2026Q3", "--today", "2026-12-01")
    path = project / REVIEW
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    last = max(i for i, line in enumerate(lines) if line == "    accepted: false")
    lines[last] = "    accepted: true"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("validate")
    assert result.stdout == (
        f"{REVIEW}:{last + 1}:15: SG931 periods[2].accepted: true, but the customer has not "
        "accepted the record of 2026-09\n"
    )


@pytest.mark.parametrize(
    ("old", "new", "needle", "column", "message"),
    [
        (
            "held: null",
            "held: 2026-02-30",
            "held:",
            7,
            "held: Value error, 2026-02-30 is not a real day",
        ),
        (
            "held: null",
            "held: null\nchair: x",
            "chair:",
            1,
            "chair: Extra inputs are not permitted",
        ),
    ],
)
def test_a_wrong_value_or_key_is_named_at_its_line_and_column(
    project: Path, old: str, new: str, needle: str, column: int, message: str
) -> None:
    result, text = _edited(project, old, new)
    assert result.exit_code == 1
    line = _line(text, needle)
    assert result.stdout == f"{REVIEW}:{line}:{column}: SG930 cannot be read: {message}\n"


ACTION = """actions:
  - id: A1
    text: {zh: "在值班交接清单中加入未结工单跟进。", en: "Add open tickets to the shift handover."}
    owner: {zh: "服务方运维负责人", en: "%s"}
    due: 2026-11-30
    status: open"""


def test_an_action_owner_is_a_role_never_an_e_mail_address(project: Path) -> None:
    result, text = _edited(project, "actions: []", ACTION % "ops.lead@example.com")
    assert result.exit_code == 1
    line = _line(text, "owner:")
    column = text.splitlines()[line - 1].index('"ops.lead') + 1  # the quoted value
    assert result.stdout == (
        f"{REVIEW}:{line}:{column}: SG933 actions.0.owner.en: e-mail address "
        "'ops.lead@example.com': a review names roles, not ways to reach a person; keep "
        "contacts outside the project\n"
    )
    fine, _ = _edited_again(project, text, "ops.lead@example.com", "Provider head of operations")
    assert fine.exit_code == 0, fine.stdout


def _edited_again(project: Path, text: str, old: str, new: str) -> tuple[Result, str]:
    changed = replace_once(text, old, new)
    (project / REVIEW).write_text(changed, encoding="utf-8")
    return run("validate"), changed


def test_an_unknown_status_is_refused(project: Path) -> None:
    result, text = _edited(project, "actions: []", ACTION.replace("open", "started") % "Manager")
    line = _line(text, "status:")
    assert result.stdout == (
        f"{REVIEW}:{line}:13: SG930 cannot be read: actions.0.status: Input should be "
        "'open', 'done' or 'dropped'\n"
    )


HELD = "held: 2026-10-20"


def test_a_held_review_once_committed_changes_only_in_its_actions_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitegen.load.config import Settings
    from sitegen.reports.review_history import check_review_history
    from tests.gitrepo import GitRepo, isolate_git

    isolate_git(monkeypatch)
    _project(tmp_path, QUARTER, accepted=("2026-06", "2026-07", "2026-08"))
    monkeypatch.chdir(tmp_path)
    run("review", "new", SAMPLE_ID, "--period", "2026Q3", "--today", "2026-12-01")
    path = tmp_path / REVIEW
    held = replace_once(path.read_text(encoding="utf-8"), "held: null", HELD)
    held = replace_once(held, "actions: []", ACTION % "Provider head of operations")
    path.write_text(held, encoding="utf-8")
    repo = GitRepo.create(tmp_path, {}, "")
    repo.commit("The Q3 review, held on 2026-10-20")
    settings = Settings()

    def findings() -> list[str]:
        found = check_review_history(tmp_path, settings, "HEAD")
        base = f"HEAD ({repo.head()[:12]})"
        return [f"{f.code} {f.message}".replace(base, "HEAD") for f in found]

    path.write_text(held.replace("status: open", "status: done"), encoding="utf-8")
    assert findings() == []  # the action is done: the one change a held review takes
    path.write_text(held.replace("2026-11-30", "2026-12-31"), encoding="utf-8")
    assert findings() == [
        "SG935 the review of 2026Q3 held on 2026-10-20 was changed since HEAD: once held, "
        "only the status of its actions may change; restore the rest"
    ]
    path.unlink()
    assert findings() == [
        "SG935 the review of 2026Q3 held on 2026-10-20 was deleted since HEAD: a held review "
        "is kept as it was; restore it"
    ]
    prepared = replace_once(held, HELD, "held: null")
    path.write_text(prepared, encoding="utf-8")
    repo.commit("Back to a prepared review")
    path.write_text(prepared.replace("2026-11-30", "2026-12-31"), encoding="utf-8")
    assert findings() == []  # a review being prepared is edited freely


def test_a_review_is_held_after_its_period_and_names_roles_not_people(project: Path) -> None:
    result, text = _edited(project, "held: null", "held: 2026-09-30")
    assert result.stdout == (
        f"{REVIEW}:5:1: SG930 cannot be read: Value error, held: 2026-09-30 is not after "
        "2026Q3, which ends on 2026-09-30: a review is held once its period has ended\n"
    )
    participants = 'participants:\n  - {zh: "李经理", en: "Mr Li"}'
    result, text = _edited_again(project, text, "held: 2026-09-30", "held: 2026-10-20")
    result, text = _edited_again(project, text, "participants: []", participants)
    line = _line(text, '- {zh: "李经理"')
    assert result.exit_code == 0  # a warning: fails only with --strict
    assert result.stdout.splitlines() == [
        f"{REVIEW}:{line}:10: SG934 [warning] participants.0.zh: '李经理' looks like a person "
        "(surname and title): write the role instead (e.g. 服务经理 / Service manager)",
        f"{REVIEW}:{line}:21: SG934 [warning] participants.0.en: 'Mr' addresses a person: write "
        "the role instead (e.g. 服务经理 / Service manager)",
    ]


def test_a_held_review_keeps_the_figures_of_a_record_superseded_since(project: Path) -> None:
    run("review", "new", SAMPLE_ID, "--period", "2026Q3", "--today", "2026-12-01")
    path = project / REVIEW
    held = replace_once(path.read_text(encoding="utf-8"), "held: null", HELD)
    path.write_text(held, encoding="utf-8")
    # July is measured again (the outage was the customer's own): it passes now, and the
    # record the review weighed (failed, CNY 4000.00) is kept under reports/superseded/.
    reports = project / FOLDER / "reports"
    (reports / "superseded").mkdir()
    (reports / "2026-07.yaml").rename(reports / "superseded" / "2026-07.1.yaml")
    (reports / "2026-07.yaml").write_bytes(_month("2026-07", True))
    fine = run("validate")
    assert fine.exit_code == 0, fine.stdout
    # a review still being prepared must state the current record
    path.write_text(replace_once(held, HELD, "held: null"), encoding="utf-8")
    result = run("validate")
    assert result.stdout.splitlines()[0].endswith(
        "SG931 periods[0].passed: false, but the record of 2026-07 passed"
    )


def test_review_refresh_recomputes_the_triggers_and_periods_and_keeps_the_rest(
    project: Path,
) -> None:
    """A person fills in the volume and the participants; a record is accepted meanwhile.
    `review refresh` writes the change and whether the trigger fired, and the newly
    accepted month; every other line, comments included, is as the person left it."""
    run("review", "new", SAMPLE_ID, "--period", "2026Q3", "--today", "2026-12-01")
    path = project / REVIEW
    volume = 'volume: {before: 1200, after: 1800, unit: {zh: "工单/月", en: "tickets a month"}}'
    people = 'participants:\n  - {zh: "服务经理", en: "Service manager"}\n# our own note'
    filled = replace_once(path.read_text(encoding="utf-8"), "volume: null", volume)
    filled = replace_once(filled, "participants: []", people)
    path.write_text(filled, encoding="utf-8")
    assert run("validate").exit_code == 1  # SG932: the change is not written yet
    _project(project / "later", QUARTER, accepted=("2026-06", "2026-07", "2026-08", "2026-09"))
    acceptances = f"{FOLDER}/reports/acceptances.yaml"
    shutil.copyfile(project / "later" / acceptances, project / acceptances)
    result = run("review", "refresh", SAMPLE_ID, "--period", "2026Q3")
    assert (result.exit_code, result.stdout) == (0, f"updated {REVIEW}\n")
    text = path.read_text(encoding="utf-8")
    review = read_review(path, SAMPLE_ID).review
    # (1800 − 1200) / 1200 = 50.00%: at the agreement's threshold of 50%, it fires.
    volume_change = review.triggers.volume_change
    assert (volume_change.change, volume_change.fired) == (Decimal("50.00"), True)
    assert [p.accepted for p in review.periods] == [True, True, True]  # September too
    computed = ("periods:", "triggers:")
    kept = [line for line in filled.splitlines() if not line.startswith((" ", "-", *computed))]
    assert [line for line in text.splitlines() if not line.startswith((" ", "-", *computed))] == (
        kept
    )
    assert "# our own note" in text and volume in text
    assert run("validate").exit_code == 0
    again = run("review", "refresh", SAMPLE_ID, "--period", "2026Q3")
    assert (again.exit_code, again.stdout) == (0, f"{REVIEW} is up to date\n")


def test_review_refresh_never_touches_a_held_review_or_a_missing_one(project: Path) -> None:
    run("review", "new", SAMPLE_ID, "--period", "2026Q3", "--today", "2026-12-01")
    path = project / REVIEW
    held = replace_once(path.read_text(encoding="utf-8"), "held: null", HELD)
    path.write_text(held, encoding="utf-8")
    result = run("review", "refresh", SAMPLE_ID, "--period", "2026Q3")
    line = _line(held, "held:")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {REVIEW}:{line}:7: held on 2026-10-20: a review held is a record, and only "
        "the status of its actions may change\n"
    )
    assert path.read_text(encoding="utf-8") == held
    missing = run("review", "refresh", SAMPLE_ID, "--period", "2026Q2")
    assert missing.exit_code == 2
    assert f"no review of 2026Q2: `sitegen review new {SAMPLE_ID} --period 2026Q2`" in (
        missing.stderr
    )


def test_validate_given_an_agreement_checks_its_reviews_too(project: Path) -> None:
    """`validate agreements/ID` (or its agreement.yaml) checks that agreement's reviews, as
    a run over the whole project does; a path naming other agreements does not."""
    result, text = _edited(
        project,
        '  - period: "2026-07"\n    passed: false',
        '  - period: "2026-07"\n    passed: true',
    )
    finding = f"{REVIEW}:{_line(text, 'passed: true')}:13: SG931"
    assert result.exit_code == 1 and finding in result.stdout
    for target in (FOLDER, f"{FOLDER}/agreement.yaml", "agreements"):
        named = run("validate", target)
        assert named.exit_code == 1 and finding in named.stdout, target
    shutil.copytree(REPO / "agreements/SLA-2025-004", project / "agreements/SLA-2025-004")
    other = run("validate", "agreements/SLA-2025-004")
    assert other.exit_code == 0 and "SG93" not in other.stdout
