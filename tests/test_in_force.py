"""Versions in force: the archive, never the file's `status:`, says what is signed.

Each test is a real git repository: the guide's agreement signed as v1 (on 15 March 2024,
effective 1 April 2024 for 12 months, renewing for 12 unless a party objects 30 days
before), then the next version drafted, reviewed and signed; an agreement never signed that
says it is; and a terminated agreement with a draft.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.catalogue import catalogue_rows, renewals, to_ics, to_json
from sitegen.commands.diff import diff_command
from sitegen.commands.render import render_command
from sitegen.commands.renewals import renewals_command
from sitegen.compose.vocabulary import VERSION_WORDS, WORKING_NAMES
from sitegen.diff.compare import diff_specs
from sitegen.load import load_agreement
from sitegen.load.config import LoadSettings, Settings
from sitegen.load.model import Agreement
from sitegen.render.outputs import contract_of
from sitegen.render.pdf_model import contract_json
from sitegen.site import documents as documents_module
from sitegen.site import generate
from sitegen.site.documents import Keys
from sitegen.versions.in_force import WORKING_STATUSES, Versions, read_versions
from sitegen.versions.sign import sign
from tests.gitrepo import (
    SAMPLE_ID,
    SAMPLE_PATH,
    GitRepo,
    isolate_git,
    sample_repository,
    templates_tree,
)
from tests.helpers import REPO, replace_once
from tests.test_sign import fake_pdf

TODAY = dt.date(2025, 2, 10)  # v1's objection deadline (1 March 2025) is 19 days away
V1, V2 = dt.date(2024, 3, 15), dt.date(2024, 3, 20)
IN_FORCE_V1 = ("v1 现行有效（2024年3月15日签署）", "v1 in force (signed 15 March 2024)")
SIGNED_ON_V1 = ("本协议于 2024年3月15日签署", "This agreement was signed on 15 March 2024")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """The guide's agreement, v1 signed and archived."""
    made = sample_repository(tmp_path / "repo", monkeypatch)
    sign(made.root, Settings(), SAMPLE_ID, V1, render=fake_pdf)
    return made


def next_version(repo: GitRepo, status: str, *edits: tuple[str, str]) -> None:
    """v2 committed with `status` (and v1's signing date kept when it says signed), and the
    edits: what an amendment looks like before it is signed."""
    text = replace_once(repo.read(SAMPLE_PATH), "version: 1", "version: 2")
    text = replace_once(text, "status: signed", f"status: {status}")
    if status not in ("signed", "terminated"):
        text = replace_once(text, "  signed: 2024-03-15\n", "")
    for old, new in edits:
        text = replace_once(text, old, new)
    repo.commit(f"Amend {SAMPLE_ID}", {SAMPLE_PATH: text})


LONGER = (
    ("  months: 12\n  auto_renew:\n    months: 12\n    objection_days: 30\n",
     "  months: 24\n  auto_renew:\n    months: 24\n    objection_days: 60\n"),
    ("target: 99.9\n", "target: 99.95\n"),
    ("  cadence: quarterly\n", "  cadence: monthly\n"),
)  # fmt: skip


def versions(repo: GitRepo) -> Versions:
    loaded = load_agreement(repo.root / SAMPLE_PATH)
    assert loaded.agreement is not None, loaded.findings
    return read_versions(loaded.agreement, (repo.root / SAMPLE_PATH).parent, LoadSettings())


def both(row_versions: object) -> tuple[str, str]:
    assert callable(row_versions)
    return row_versions("zh"), row_versions("en")


def record(held: Versions) -> dict[str, object]:
    found = json.loads(to_json([held], TODAY))["agreements"]
    assert isinstance(found, list) and len(found) == 1
    return dict(found[0])


def deadlines(held: Versions) -> list[tuple[str, dt.date]]:
    return [(due.kind, due.date) for due in renewals([held], TODAY, 500)]


def test_a_draft_of_v2_that_still_says_signed_is_not_signed(repo: GitRepo) -> None:
    next_version(repo, "signed", *LONGER)
    held = versions(repo)
    assert (held.working.status, held.working_status) == ("signed", "unsigned")
    [row] = catalogue_rows([held], TODAY)
    assert both(row.versions) == (
        f"{IN_FORCE_V1[0]} · v2 未签署",
        f"{IN_FORCE_V1[1]} · v2 not signed",
    )
    assert (row.status, row.state, row.signed, row.in_force, row.version) == (
        "unsigned", "in_renewal_window", V1, 1, 2
    )  # fmt: skip
    assert (row.label("status", "zh"), row.label("status", "en")) == ("未签署", "Not signed")
    assert (row.objection_deadline, row.expiry, str(row.availability)) == (
        dt.date(2025, 3, 1), dt.date(2025, 3, 31), "99.9"
    )  # fmt: skip
    # its contract: the draft notice and watermark, no signing date
    rendered = contract_of(held.rendered, repo.root, Settings())
    assert not rendered.meta.signed
    assert json.loads(contract_json(rendered, "bilingual"))["meta"]["draft"] == "草稿 DRAFT"
    text = json.dumps(contract_json(rendered, "bilingual"), ensure_ascii=False)
    assert all(sentence not in text for sentence in SIGNED_ON_V1)
    # its documents are made again once it is signed, even if signing leaves its bytes
    record_ = load_agreement(repo.root / SAMPLE_PATH).checked()
    assert record_ is not None
    keys = Keys(repo.root, Settings())
    assert keys.keys(record_, held) != keys.keys(record_)


def test_the_render_command_watermarks_a_version_the_archive_does_not_hold(
    repo: GitRepo,
) -> None:
    signed_v1 = CliRunner().invoke(render_command, [SAMPLE_ID, "--lang", "en"])
    assert signed_v1.exit_code == 0, signed_v1.output
    assert "!!! warning" not in signed_v1.stdout and SIGNED_ON_V1[1] in signed_v1.stdout
    next_version(repo, "signed", *LONGER)
    draft = CliRunner().invoke(render_command, [SAMPLE_ID, "--lang", "en"])
    assert draft.exit_code == 0, draft.output
    assert '!!! warning "Draft"' in draft.stdout
    assert SIGNED_ON_V1[1] not in draft.stdout


def test_an_amendment_in_review_keeps_the_deadlines_of_the_version_in_force(
    repo: GitRepo,
) -> None:
    next_version(repo, "in_review", *LONGER)
    held = versions(repo)
    [row] = catalogue_rows([held], TODAY)
    assert both(row.versions) == (
        f"{IN_FORCE_V1[0]} · v2 审核中",
        f"{IN_FORCE_V1[1]} · v2 in review",
    )
    assert deadlines(held) == [
        ("review", dt.date(2024, 7, 1)),  # quarterly (the draft's monthly), none held yet
        ("objection_deadline", dt.date(2025, 3, 1)),  # 30 days, not the draft's 60
        ("expiry", dt.date(2025, 3, 31)),  # 12 months, not the draft's 24
    ]
    found = record(held)
    assert {key: found[key] for key in ("in_force", "working", "status", "state")} == {
        "in_force": {"version": 1, "signed": "2024-03-15"},
        "working": {"version": 2, "status": "in_review"},
        "status": "in_review",
        "state": "in_renewal_window",
    }
    assert (found["version"], found["signed"], found["objection_days"], found["term_months"]) == (
        2, "2024-03-15", 30, 12
    )  # fmt: skip
    assert (found["objection_deadline"], found["availability"]) == ("2025-03-01", "99.9")
    calendar = to_ics([held], TODAY)
    assert "UID:SLA-2024-001-objection-20250301@sitegen" in calendar
    assert "DTSTART;VALUE=DATE:20250301" in calendar and "20250130" not in calendar
    assert "renews for 12 months" in calendar.replace("\r\n ", "")


def test_the_renewals_command_reads_the_archive(repo: GitRepo) -> None:
    next_version(repo, "in_review", *LONGER)
    result = CliRunner().invoke(renewals_command, ["--today", "2025-02-10", "--format", "json"])
    assert result.exit_code == 0, result.output
    due = json.loads(result.stdout)["due"]
    assert [(d["kind"], d["date"]) for d in due] == [
        ("review", "2024-07-01"),
        ("objection_deadline", "2025-03-01"),
        ("expiry", "2025-03-31"),
    ]


def test_once_v2_is_signed_it_is_in_force(repo: GitRepo) -> None:
    next_version(repo, "in_review", *LONGER)
    sign(repo.root, Settings(), SAMPLE_ID, V2, render=fake_pdf)
    held = versions(repo)
    assert held.working_signed and held.rendered is held.working
    [row] = catalogue_rows([held], TODAY)
    assert both(row.versions) == (
        "v2 现行有效（2024年3月20日签署）",
        "v2 in force (signed 20 March 2024)",
    )
    assert deadlines(held) == [
        ("review", dt.date(2024, 5, 1)),  # monthly now
        ("objection_deadline", dt.date(2026, 1, 30)),  # 60 days before the 24 months end
        ("expiry", dt.date(2026, 3, 31)),
    ]
    found = record(held)
    assert (found["in_force"], found["working"]) == (
        {"version": 2, "signed": "2024-03-20"},
        {"version": 2, "status": "signed"},
    )
    assert contract_of(held.rendered, repo.root, Settings()).meta.signed


def test_a_version_never_signed_that_says_signed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = sample_repository(tmp_path / "repo", monkeypatch)
    text = replace_once(repo.read(SAMPLE_PATH), "status: in_review", "status: signed")
    text = replace_once(text, "  effective:", "  signed: 2024-03-15\n  effective:")
    text = replace_once(text, "template: it-service-sla\n", "template: it-service-sla@1\n")
    repo.commit("Marked signed by hand", {SAMPLE_PATH: text})
    held = versions(repo)
    assert held.in_force is None and held.working_status == "unsigned"
    [row] = catalogue_rows([held], TODAY)
    assert (row.state, row.status, row.signed, row.expiry) == ("unsigned", "unsigned", None, None)
    assert both(row.versions) == ("v1 未签署", "v1 not signed")
    assert (row.label("state", "zh"), row.label("state", "en")) == ("未签署", "Not signed")
    assert deadlines(held) == [] and "BEGIN:VEVENT" not in to_ics([held], TODAY)
    assert record(held)["in_force"] is None and record(held)["signed"] is None
    assert not contract_of(held.rendered, repo.root, Settings()).meta.signed
    # what the file says, without the archive, is what a caller with no archive gets
    assert catalogue_rows([held.working], TODAY)[0].state == "in_renewal_window"


def test_a_terminated_agreement_with_a_draft(repo: GitRepo) -> None:
    """v1 was terminated on 31 January 2025 while v2 was being drafted: the termination is
    recorded in the living file, and v1's archived text stays as signed."""
    next_version(repo, "draft", *LONGER, ("  effective: 2024-04-01\n",
                 "  effective: 2024-04-01\n  terminated: 2025-01-31\n"))  # fmt: skip
    held = versions(repo)
    assert held.in_force is not None and held.in_force.agreement.dates.terminated == (
        dt.date(2025, 1, 31)
    )
    [row] = catalogue_rows([held], TODAY)
    assert (row.state, row.status, row.expiry) == ("terminated", "draft", dt.date(2025, 1, 31))
    assert both(row.versions) == (
        "v1 已终止（2024年3月15日签署） · v2 草稿",
        "v1 terminated (signed 15 March 2024) · v2 draft",
    )
    assert deadlines(held) == []
    # before the day it ends, notice is given: v1 ends then and does not renew
    [before] = catalogue_rows([held], dt.date(2025, 1, 10))
    assert (before.state, before.expiry, before.objection_deadline) == (
        "in_renewal_window", dt.date(2025, 1, 31), None
    )  # fmt: skip


def test_the_site_shows_the_version_in_force_and_the_draft(repo: GitRepo) -> None:
    next_version(repo, "signed", *LONGER)
    out = repo.root / "build" / "docs"
    generate(repo.root, Settings(), out, today=TODAY, render_documents=False)
    for lang, page in (("zh", "SLA-2024-001.md"), ("en", "SLA-2024-001.en.md")):
        text = (out / "agreements" / page).read_text("utf-8")
        card = text[text.index('<div class="sg-card" data-pagefind-body>') : text.index("</dl>")]
        index = 0 if lang == "zh" else 1
        line = (f"{IN_FORCE_V1[0]} · v2 未签署", f"{IN_FORCE_V1[1]} · v2 not signed")[index]
        assert f"<dd>{line}</dd>" in card
        assert ("<dd>2024年3月15日</dd>", "<dd>15 March 2024</dd>")[index] in card
        assert ("<dd>99.9%</dd>", "<dd>99.9%</dd>")[index] in card  # v1's, not the draft's
        contract = text[text.index("{#sg-contract}") : text.index("{#sg-versions}")]
        assert ("本文本为草稿", "This text is a draft")[index] in contract
        assert SIGNED_ON_V1[index] not in contract
        standing = ("| — | 现行有效 |", "| — | In force |")[index]
        assert re.search(rf"\| v1 \| [^\n]*{re.escape(standing)}", text)
        history = text[text.index("{#sg-history}") :]
        newest = history.splitlines()[4]  # heading, blank, table head, rule, the newest
        # v2, not signed whatever its file says; what it changes is its comparison with v1
        assert newest.startswith(("| v2（未签署） | ", "| v2 \\(not signed\\) | ")[index])
        assert "](../diffs/SLA-2024-001/v1-draft" in newest
    catalogue = (out / "index.en.md").read_text("utf-8")
    assert f'<span class="sg-versions">{IN_FORCE_V1[1]} · v2 not signed</span>' in catalogue
    assert json.loads((out / "catalogue.json").read_text("utf-8"))["agreements"][0]["working"] == {
        "version": 2,
        "status": "unsigned",
    }
    assert "UID:SLA-2024-001-objection-20250301@sitegen" in (out / "renewals.ics").read_text()


def test_the_site_names_a_superseded_version(repo: GitRepo) -> None:
    next_version(repo, "in_review", *LONGER)
    sign(repo.root, Settings(), SAMPLE_ID, V2, render=fake_pdf)
    out = repo.root / "build" / "docs"
    generate(repo.root, Settings(), out, today=TODAY, render_documents=False)
    text = (out / "agreements" / "SLA-2024-001.en.md").read_text("utf-8")
    assert re.search(r"\| v1 \| 15 March 2024 \|[^\n]*\| Superseded by v2 \|", text)
    assert re.search(r"\| v2 \| 20 March 2024 \|[^\n]*\| In force \|", text)
    assert "<dd>v2 in force (signed 20 March 2024)</dd>" in text
    contract = text[text.index("{#sg-contract}") : text.index("{#sg-versions}")]
    assert "This text is a draft" not in contract


def test_the_diff_names_a_draft_that_says_signed_as_not_signed(repo: GitRepo) -> None:
    next_version(repo, "signed", *LONGER)
    diff = diff_specs(f"{SAMPLE_ID}@v1", SAMPLE_ID, repo.root, Settings())
    assert diff.old is not None and diff.new is not None
    assert (diff.old.status, diff.old.signed) == ("signed", "2024-03-15")
    assert (diff.new.version, diff.new.status, diff.new.signed) == (2, "unsigned", "")
    # v1 says when it was signed; v2, not signed, says nothing of it
    segments = [segment for clause in diff.redlines["en"] for segment in clause.segments]
    before = "".join(segment.text for segment in segments if segment.op != "insert")
    after = "".join(segment.text for segment in segments if segment.op != "delete")
    assert SIGNED_ON_V1[1] in before and SIGNED_ON_V1[1] not in after
    shown = CliRunner().invoke(diff_command, [SAMPLE_ID])
    assert "(working tree) (v2, unsigned, it-service-sla@3," in shown.stdout, shown.output


def test_the_working_documents_are_drafts_until_the_archive_holds_them(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Signing a v2 that already said signed leaves its file as it was: its working PDF and
    Word file are made again all the same, now without the watermark."""
    made: list[tuple[int, str, dt.date | None]] = []

    def fake(agreement: Agreement, kinds: list[str], root: Path, settings: Settings) -> dict:
        made.append((agreement.version, agreement.status, agreement.dates.signed))
        return {
            kind: f"{kind} of v{agreement.version} {agreement.status}".encode() for kind in kinds
        }

    monkeypatch.setattr(documents_module, "render_documents", fake)
    monkeypatch.setattr(documents_module, "PARALLEL_FROM", 1_000)
    next_version(repo, "signed", *LONGER)
    before = repo.read(SAMPLE_PATH)
    out = repo.root / "build" / "docs"
    generate(repo.root, Settings(), out, today=TODAY, render_documents=True)
    assert made == [(2, "draft", None)]
    working = out / "downloads" / SAMPLE_ID / f"{SAMPLE_ID}-working.pdf"
    assert working.read_bytes() == b"pdf of v2 draft"
    sign(repo.root, Settings(), SAMPLE_ID, V1, render=fake_pdf)  # v2 signed the same day
    assert repo.read(SAMPLE_PATH) == before
    generate(repo.root, Settings(), out, today=TODAY, render_documents=True)
    assert made == [(2, "draft", None), (2, "signed", V1)]
    assert working.read_bytes() == b"pdf of v2 signed"


OLA_ID = "OLA-2025-001"
OLA_PATH = f"agreements/{OLA_ID}/agreement.yaml"
P4_P5 = """    - level: P4
      name: {zh: 较低, en: Low}
      definition:
        zh: 咨询与使用指导
        en: A question or a request for guidance
      response: 1d
      resolution: 5d
    - level: P5
      name: {zh: 计划, en: Planned}
      definition:
        zh: 可排期的变更请求
        en: A change request that can be scheduled
      response: 2d
      resolution: 10d
measurement:
"""


def test_an_internal_ola_amended_to_five_priorities_keeps_its_three_until_signed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An IT department's OLA with its business unit (P1–P3, one year, no renewal), amended
    to P1–P5 with a slower P1 response: the card and the catalogue keep v1's levels."""
    isolate_git(monkeypatch)
    text = (REPO / OLA_PATH).read_text("utf-8")
    repo = GitRepo.create(tmp_path / "repo", {**templates_tree(), OLA_PATH: text}, "Add the OLA")
    monkeypatch.chdir(repo.root)
    sign(repo.root, Settings(), OLA_ID, dt.date(2025, 3, 20), render=fake_pdf)
    amended = replace_once(repo.read(OLA_PATH), "version: 1", "version: 2")
    amended = replace_once(amended, "status: signed", "status: in_review")
    amended = replace_once(amended, "  signed: 2025-03-20\n", "")
    amended = replace_once(amended, "      response: 15m\n", "      response: 30m\n")
    amended = replace_once(amended, "measurement:\n", P4_P5)
    repo.commit("P4 and P5", {OLA_PATH: amended})
    loaded = load_agreement(repo.root / OLA_PATH)
    assert loaded.agreement is not None, loaded.findings
    held = read_versions(loaded.agreement, (repo.root / OLA_PATH).parent, LoadSettings())
    today = dt.date(2025, 6, 1)
    [row] = catalogue_rows([held], today)
    first = str(row.p1_response.within) if row.p1_response else None
    assert (row.state, first, row.expiry, row.objection_deadline) == (
        "active", "15m", dt.date(2026, 3, 31), None
    )  # fmt: skip
    assert row.versions("en") == "v1 in force (signed 20 March 2025) · v2 in review"
    out = repo.root / "build" / "docs"
    generate(repo.root, Settings(), out, today=today, render_documents=False)
    page = (out / "agreements" / f"{OLA_ID}.en.md").read_text("utf-8")
    card = page[
        page.index('<div class="sg-card" data-pagefind-body>') : page.index("{#sg-contract}")
    ]
    assert re.findall(r"<tr><td>(P[0-9])</td>", card) == ["P1", "P2", "P3"]
    assert "<td>15 minutes</td>" in card and "<td>30 minutes</td>" not in card
    contract = page[page.index("{#sg-contract}") : page.index("{#sg-versions}")]
    assert "P5" in contract and "This text is a draft" in contract  # the working version


def test_a_diff_still_shows_when_the_archive_cannot_be_read(repo: GitRepo) -> None:
    """The pull-request review goes on (validate --history reports the manifest); what the
    archive cannot confirm is not called signed."""
    next_version(repo, "signed", *LONGER)
    (repo.root / f"agreements/{SAMPLE_ID}/signed/manifest.yaml").write_text("signed: [", "utf-8")
    diff = diff_specs(f"{SAMPLE_ID}@v1", SAMPLE_ID, repo.root, Settings())
    assert diff.new is not None and (diff.new.status, diff.new.signed) == ("unsigned", "")


def test_every_working_status_has_its_words() -> None:
    assert list(WORKING_NAMES.table) == list(WORKING_STATUSES)
    final = ("signed", "accepted", "terminated")  # accepted: a provider's published agreement
    pending = [status for status in WORKING_STATUSES if status not in final]
    assert all(status in VERSION_WORDS for status in pending)
    assert all(state in VERSION_WORDS for state in ("in_force", "expired", "terminated"))
