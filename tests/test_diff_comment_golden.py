"""The pull-request comment of a real change, as GitHub shows it and as e-mail shows it raw.

main holds the guide sample, signed (v1, archived); the pull request's working tree makes
v2 with a figure changed (P1 response 15 → 30 minutes), a duty reworded (the P1
escalation after 60 minutes instead of 30, and only on the customer's written request), a
priority dropped from the pass criteria (every priority → P1 and P2), the availability
tier split in two named tiers (core systems 99.9% → 99.5%, and reporting 99%), and a
clause of the contract redlined by these. `sitegen diff --base main --format md` is the
comment; it is compared raw with tests/golden_comment/SLA-2024-001.md and, rendered by
cmark-gfm and sanitised with GitHub's allowlist (tests/github_render.py), with
tests/golden_comment/SLA-2024-001.html. Refresh with `pytest --update-golden` and read the
diff of both before accepting it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.cli import cli
from tests.github_render import linkable, render, text_of
from tests.gitrepo import SAMPLE_ID, SAMPLE_PATH, GitRepo, isolate_git, templates_tree
from tests.helpers import REPO, replace_once, sample_text

GOLDEN = REPO / "tests" / "golden_comment"
SIGNED_V1 = f"agreements/{SAMPLE_ID}/signed/v1.yaml"

ESCALATION = (
    "    - zh: P1 故障 30 分钟内未恢复的，升级至服务方技术总监\n"
    "      en: Escalates a P1 incident not restored within 30 minutes to the provider's "
    "Technical Director\n",
    "    - zh: 经客户方书面要求，P1 故障 60 分钟内未恢复的，升级至服务方技术总监\n"
    "      en: On the customer's written request, escalates a P1 incident not restored "
    "within 60 minutes to the provider's Technical Director\n",
)
CRITERIA = (
    "    zh: 当月可用性及各级故障的响应与解决时间均达到本协议目标，视为达标\n"
    "    en: A month passes when availability and the response and resolution times of every "
    "priority meet the targets of this agreement\n",
    "    zh: 当月可用性及 P1、P2 故障的响应与解决时间均达到本协议目标，视为达标\n"
    "    en: A month passes when availability and the response and resolution times of P1 "
    "and P2 incidents meet the targets of this agreement\n",
)
TIERS = (
    "  availability:\n    target: 99.9\n    window: calendar_month\n    exclusions:\n",
    "  availability:\n"
    "    - id: core\n"
    "      scope: {zh: 核心业务系统, en: Core business systems}\n"
    "      target: 99.5\n"
    "      window: calendar_month\n"
    "      exclusions:\n",
)


def working_version() -> str:
    text = replace_once(sample_text(), "version: 1\n", "version: 2\n")
    text = replace_once(text, "status: signed", "status: draft")
    text = replace_once(text, "  signed: 2024-03-15\n", "")
    text = replace_once(text, "      response: 15m\n", "      response: 30m\n")
    for old, new in (ESCALATION, CRITERIA, TIERS):
        text = replace_once(text, old, new)
    # the single tier's exclusions move into the core tier: two more spaces each
    start = text.index("      exclusions:\n") + len("      exclusions:\n")
    end = text.index("  priorities:\n")
    reporting = (
        "    - id: reporting\n"
        "      scope: {zh: 报表系统, en: Reporting systems}\n"
        "      target: 99.0\n"
    )
    moved = re.sub(r"(?m)^(?=.)", "  ", text[start:end])
    return text[:start] + moved + reporting + text[end:]


@pytest.fixture
def comment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    isolate_git(monkeypatch)
    files = {**templates_tree(), SAMPLE_PATH: sample_text(), SIGNED_V1: sample_text()}
    repo = GitRepo.create(tmp_path / "repo", files, "Catalogue")
    repo.write({SAMPLE_PATH: working_version()})
    monkeypatch.chdir(repo.root)
    result = CliRunner().invoke(cli, ["diff", "--base", "main", "--format", "md"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _golden(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run pytest --update-golden"
    assert text == path.read_text(encoding="utf-8")


def test_the_raw_comment_matches_its_golden_file(comment: str, update_golden: bool) -> None:
    _golden(f"{SAMPLE_ID}.md", comment, update_golden)


def test_the_comment_as_github_shows_it_matches_its_golden_file(
    comment: str, update_golden: bool
) -> None:
    _golden(f"{SAMPLE_ID}.html", render(comment), update_golden)


def test_the_raw_comment_has_no_entity_and_no_code(comment: str) -> None:
    """What e-mail notifications and `gh pr view` show: no `&#45;`, no `<code>`; the only
    HTML is the redline's `<del>`/`<ins>`, line breaks in cells, and the clauses folded."""
    assert not re.search(r"&#?\w+;", comment)
    assert "<code>" not in comment and "`" not in comment
    assert set(re.findall(r"</?(\w+)", comment)) == {"del", "ins", "br", "details", "summary"}


def test_what_the_reviewer_reads(comment: str) -> None:
    html = render(comment)
    shown = text_of(html)
    assert not linkable(shown)
    assert html.count("<table>") == 1  # one table for the one agreement
    # a value both languages give alike, once; the term in both languages
    assert "<td>99.9%</td>\n<td>99.5%</td>" in html
    assert "<td>P1 响应时间<br>P1 response time</td>" in html
    # the duty is one row, paired with its old self and judged, and flagged
    assert shown.count("Provider duty") == 2  # the attention list and the table
    row = html[html.index("<td>服务方责任<br>Provider duty</td>") :].split("</tr>")[0]
    assert "<td>⚠️ looser on the provider<br>material</td>" in row
    assert "<del>[-30-]</del><ins>{+60+}</ins>" in row
    # the redline reads right without colour: 15 struck and marked, 30 inserted and marked
    assert "[-15-]{+30+}" in shown
    # the header lists only what changed: the template and the effective date did not
    assert "v1 → v2" in shown and "it-service-sla" not in shown.split("|")[0]
    assert "effective" not in shown.split("| term |")[0]
