"""`validate --history` over period records: every change to what was accepted that git can
witness is a finding, and what the commands do (rewrite a period nobody accepted, supersede
an accepted one with a reason) is none.

One real repository is made once, on main: the guide's agreement with
- 2026-09: accepted, superseded with a reason, the new record accepted too;
- 2026-10: accepted;
- 2026-11: written, not accepted.
Each kind is done on a copy, on a pull-request branch, and the findings must be exactly those
expected.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

import pytest

from sitegen.load.config import Settings
from sitegen.reports.accept import accept
from sitegen.reports.figures import PeriodFigures
from sitegen.reports.record import render_record
from sitegen.reports.record_store import write_record
from tests.gitrepo import (
    SAMPLE_ID,
    GitRepo,
    change_branch,
    sample_repository,
    validate_history,
)
from tests.helpers import replace_once
from tests.report_factory import record_of, university_october

REPORTS = f"agreements/{SAMPLE_ID}/reports"
ACCEPTED = f"{REPORTS}/acceptances.yaml"
ROLE = "信息中心经理（服务对接人）"


def month(period: str, **changes: object) -> PeriodFigures:
    figures = dataclasses.replace(university_october(), period=period)
    return dataclasses.replace(figures, **changes)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("origin") / "repo"
    with pytest.MonkeyPatch.context() as patch:
        repo = sample_repository(root, patch)
        reports = root / REPORTS
        settings = Settings()
        for period in ("2026-09", "2026-10"):
            write_record(reports, record_of(month(period)))
            accept(
                root, settings, SAMPLE_ID, period, ROLE, dt.date(2026, 11, 5), dt.date(2026, 11, 5)
            )
        write_record(
            reports, record_of(month("2026-09", passed=True)), supersede="INC-7 was the customer's"
        )
        accept(
            root, settings, SAMPLE_ID, "2026-09", ROLE, dt.date(2026, 11, 9), dt.date(2026, 11, 9)
        )
        write_record(reports, record_of(month("2026-11")))
        repo.commit("Service reports of September to November")
    return root


@pytest.fixture
def repo(origin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    return change_branch(origin, tmp_path, monkeypatch)


def validate() -> tuple[int, list[str]]:
    return validate_history()


def base(repo: GitRepo) -> str:
    return f"the merge base with main ({repo.git('rev-parse', 'main').strip()[:12]})"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def entry_line(repo: GitRepo, index: int) -> int:
    lines = repo.read(ACCEPTED).splitlines()
    return [n for n, line in enumerate(lines, 1) if line.startswith("  - period:")][index]


def sg926(repo: GitRepo, index: int, period: str, date: str, digest: str) -> str:
    return (
        f"{ACCEPTED}:{entry_line(repo, index)}:1: SG926 the acceptance of {period} ({date}) "
        f"matches no record of {period} (accepted SHA-256 {digest[:12]}…): the record was "
        "changed after it was accepted"
    )


def sg923(repo: GitRepo, what: str) -> str:
    return (
        f"{REPORTS}/2026-10.yaml:1:1: SG923 the record of 2026-10 accepted on 2026-11-05 was "
        f"{what} since {base(repo)}, and its accepted text is nowhere under reports/: an "
        'accepted record is kept as it was; restore it, or re-run with --supersede --reason "…"'
    )


def test_the_reports_as_the_commands_wrote_them_pass(repo: GitRepo) -> None:
    assert validate() == (0, [])


def test_rewriting_a_period_nobody_accepted_passes(repo: GitRepo) -> None:
    write_record(repo.root / REPORTS, record_of(month("2026-11", passed=True)))
    repo.commit("Re-run November with the corrected export")
    assert validate() == (0, [])


def test_superseding_with_a_reason_passes(repo: GitRepo) -> None:
    fixed = month("2026-10", passed=True)
    write_record(repo.root / REPORTS, record_of(fixed), supersede="CHG-3 was announced in time")
    repo.commit("Supersede October")
    assert validate() == (0, [])


def test_an_accepted_record_changed_in_place(repo: GitRepo) -> None:
    path = repo.root / REPORTS / "2026-10.yaml"
    old = path.read_bytes()
    repo.commit(
        "Fix October", {f"{REPORTS}/2026-10.yaml": old.replace(b"passed: false", b"passed: true")}
    )
    assert validate() == (
        1,
        [sg923(repo, "changed"), sg926(repo, 1, "2026-10", "2026-11-05", sha(old))],
    )


def test_an_accepted_record_deleted(repo: GitRepo) -> None:
    old = (repo.root / REPORTS / "2026-10.yaml").read_bytes()
    repo.remove(f"{REPORTS}/2026-10.yaml")
    repo.commit("Drop October")
    assert validate() == (
        1,
        [sg923(repo, "deleted"), sg926(repo, 1, "2026-10", "2026-11-05", sha(old))],
    )


def test_an_acceptance_edited(repo: GitRepo) -> None:
    text = repo.read(ACCEPTED)
    edited = text.replace("    date: 2026-11-05\n", "    date: 2026-11-04\n", 1)
    repo.commit("Backdate", {ACCEPTED: edited})
    assert validate() == (
        1,
        [
            f"{ACCEPTED}:{entry_line(repo, 0)}:1: SG924 the acceptance of 2026-09 (2026-11-05) "
            f"was edited since {base(repo)}: acceptances are append-only; restore it"
        ],
    )


def test_an_acceptance_removed(repo: GitRepo) -> None:
    text = repo.read(ACCEPTED)
    start = text.index('  - period: "2026-09"', text.index('  - period: "2026-10"'))
    repo.commit("Withdraw", {ACCEPTED: text[:start]})
    assert validate() == (
        1,
        [
            f"{ACCEPTED}:1:1: SG924 the acceptance of 2026-09 (2026-11-09) was removed since "
            f"{base(repo)}: acceptances are append-only; restore it"
        ],
    )


def test_the_acceptances_deleted(repo: GitRepo) -> None:
    repo.remove(ACCEPTED)
    repo.commit("No acceptances")
    assert validate() == (
        1,
        [
            f"{ACCEPTED}:1:1: SG924 acceptances.yaml was deleted since {base(repo)}: "
            "acceptances are append-only; restore it"
        ],
    )


def test_a_superseded_record_deleted(repo: GitRepo) -> None:
    kept = f"{REPORTS}/superseded/2026-09.1.yaml"
    old = (repo.root / kept).read_bytes()
    line = repo.read(f"{REPORTS}/2026-09.yaml").splitlines().index("supersedes:") + 1
    repo.remove(kept)
    repo.commit("Tidy up")
    assert validate() == (
        1,
        [
            f"{REPORTS}/2026-09.yaml:{line}:1: SG925 it supersedes superseded/2026-09.1.yaml, "
            "which is missing: a superseded record is kept as it was; restore it",
            sg926(repo, 0, "2026-09", "2026-11-05", sha(old)),
            f"{kept}:1:1: SG925 {kept} was deleted since {base(repo)}: a superseded record is "
            "kept as it was; restore it",
        ],
    )


def test_a_superseded_record_changed(repo: GitRepo) -> None:
    kept = f"{REPORTS}/superseded/2026-09.1.yaml"
    old = (repo.root / kept).read_bytes()
    line = repo.read(f"{REPORTS}/2026-09.yaml").splitlines().index("supersedes:") + 1
    repo.commit("Edit", {kept: old.replace(b"attained: 99.2592", b"attained: 99.9592")})
    assert validate() == (
        1,
        [
            f"{REPORTS}/2026-09.yaml:{line}:1: SG925 it supersedes superseded/2026-09.1.yaml, "
            "which is no longer the record it replaced: a superseded record is kept as it "
            "was; restore it",
            sg926(repo, 0, "2026-09", "2026-11-05", sha(old)),
            f"{kept}:1:1: SG925 {kept} was changed since {base(repo)}: a superseded record is "
            "kept as it was; restore it",
        ],
    )


def test_a_record_changed_after_acceptance_in_the_same_change(repo: GitRepo) -> None:
    """Written, accepted and then edited on one branch: git has no base to compare with,
    and the digest still shows it (and the edit is not even committed)."""
    reports = repo.root / REPORTS
    write_record(reports, record_of(month("2026-12")))
    accept(
        repo.root, Settings(), SAMPLE_ID, "2026-12", ROLE, dt.date(2027, 1, 6), dt.date(2027, 1, 6)
    )
    repo.commit("December")
    old = (reports / "2026-12.yaml").read_bytes()
    (reports / "2026-12.yaml").write_bytes(old.replace(b"passed: false", b"passed: true"))
    assert validate() == (1, [sg926(repo, 3, "2026-12", "2027-01-06", sha(old))])


def test_a_record_or_acceptances_edited_into_a_wrong_shape(repo: GitRepo) -> None:
    text = repo.read(f"{REPORTS}/2026-11.yaml")
    line = text.splitlines().index("passed: false") + 1
    broken = replace_once(text, "passed: false", "passed: 0")
    accepted = repo.read(ACCEPTED).replace("    role:", "    rol:", 1)
    repo.commit("Break", {f"{REPORTS}/2026-11.yaml": broken, ACCEPTED: accepted})
    role_line = entry_line(repo, 0) + 2
    code, lines = validate()
    assert code == 1
    assert lines == [
        f"{REPORTS}/2026-11.yaml:{line}:9: SG927 cannot be read: passed: Input should be a "
        "valid boolean",
        f"{ACCEPTED}:{role_line}:5: SG927 cannot be read: accepted.0.rol: Extra inputs are not "
        "permitted",
    ]


def test_the_superseding_record_is_what_it_says(repo: GitRepo) -> None:
    """The record written by supersede names the old one's digest: the bytes kept."""
    text = repo.read(f"{REPORTS}/2026-09.yaml")
    kept = (repo.root / REPORTS / "superseded" / "2026-09.1.yaml").read_bytes()
    assert kept == render_record(record_of(month("2026-09")))
    assert f'  sha256: "{sha(kept)}"\n' in text
    assert '  reason: "INC-7 was the customer\'s"\n' in text
