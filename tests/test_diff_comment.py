"""The pull-request comment (`sitegen diff --format md`): a hostile value in every position
shows as written and does nothing on GitHub (no markup, no HTML, no mention, no reference,
no link), and restricted agreements are shown by ID and kinds of change only.

GitHub renders the comment with cmark-gfm, sanitises it with its allowlist and then links
mentions, references and URLs in the text; tests/github_render.py does the first two as
GitHub does, and `linkable` finds in the text what the last would link.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.cli import cli
from sitegen.compose.contract import Text
from sitegen.diff.comment import as_markdown
from sitegen.diff.fields import Change
from sitegen.diff.md_escape import JOINER
from sitegen.diff.model import AgreementDiff, Side
from sitegen.diff.redline import ClauseRedline, compare
from sitegen.load import load_agreement
from tests.github_render import linkable, render, text_of
from tests.gitrepo import GitRepo, isolate_git, templates_tree
from tests.helpers import REPO, replace_once, sample_text

CLOUD = "agreements/SLA-2024-002/agreement.yaml"
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![x](https://evil.example/x.png)",
    "@octocat",
    "cc @acme/legal-team, see #7.",
    "#12",
    "GH-12",
    "acme/slas#3",
    "https://evil.example/ and www.evil.example and a@b.example",
    "a | b",
    "line\n# heading\n- item",
    "``` fence",
    "`code` and ``more``",
    "**bold** _it_ ~~gone~~ $x$ <!-- c -->",
    "</td></tr></table><table>",
    'the customer\'s "quoted" &amp; &#64;team &lt;b&gt; & more',
    "back\\slash\\",
    "<http://evil.example>",
]


def a_diff(value: str, *, restricted: bool = False) -> AgreementDiff:
    """The value as a term's name, its before and after, a clause's title and text, the
    agreement's title and the author of the change."""
    change = Change(
        "scope.included[x]",
        Text(value, value),
        Text(value, value),
        Text(f"{value} 之后", f"{value} after"),
        True,
        "looser",
    )
    red = ClauseRedline("scope.included", "3.1", value, "changed", compare(value, "safe", "en"))
    return AgreementDiff(
        "SLA-2024-002",
        f"{value} / {value}",
        Side("SLA-2024-002@v1", 1, "signed", changed_by=value, restricted=restricted),
        Side("SLA-2024-002", 2, "draft", changed_by=value, changed_at="2026-11-30",
             restricted=restricted),
        (change,),
        {"en": (red,), "zh": ()},
    )  # fmt: skip


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_value_shows_as_written_and_does_nothing(value: str) -> None:
    comment = as_markdown([a_diff(value)], include_restricted=True)
    html = render(comment)
    # no element of the value's: the comment's own blocks, as for a plain value; inside
    # them only line breaks and the redline's marks
    assert _blocks(html) == _blocks(render(as_markdown([a_diff("plain")])))
    assert set(re.findall(r"<(\w+)", html)) - set(_blocks(html)) <= {"br", "del", "ins"}
    assert "<a " not in html and "<img" not in html and "<script" not in html
    shown = text_of(html)
    assert not linkable(shown), linkable(shown)
    # what the reader sees is the value, in every place (a newline is a line break):
    # the term, before, after, the clause's title and text, the title, the author
    seen = shown.replace(JOINER, "")
    assert seen.count(value.replace("\n", "")) >= 7, seen
    # one line per table row: nothing of the value ends a row or starts a block
    rows = [line for line in comment.splitlines() if line.startswith("| ")]
    assert len(rows) == 3 and all(line.endswith(" |") for line in rows)
    assert html.count("<tr>") == 2 and html.count("<td>") == 4


def _blocks(html: str) -> list[str]:
    return [tag for tag in re.findall(r"<(\w+)", html) if tag not in ("br", "del", "ins")]


def test_a_plain_value_is_written_as_it_is() -> None:
    """No entity and no escape where nothing would act: the raw comment reads as the value."""
    value = "P1 故障 30 分钟内未恢复的，升级至服务方技术总监 (snake_case, 99.9%, a-b.c)"
    comment = as_markdown([a_diff(value)])
    assert comment.count(value) >= 5
    assert not re.search(r"&#?\w+;", comment)


def test_hidden_characters_are_refused_where_they_are_read(tmp_path: Path) -> None:
    """A direction control in a title never reaches the comment: loading refuses it."""
    path = tmp_path / "a.yaml"
    text = replace_once(
        sample_text(), "  en: Service Level Agreement", "  en: \u202eService Level Agreement"
    )
    path.write_text(text, encoding="utf-8")
    loaded = load_agreement(path)
    assert loaded.agreement is None
    assert any("SG109" in str(finding) for finding in loaded.findings)


def test_a_restricted_agreement_shows_its_id_and_kinds_of_change_only() -> None:
    comment = as_markdown([a_diff("confidential rebate 12%", restricted=True)])
    assert comment == (
        "### SLA changes: 1 agreement differs: 1 material term change, 1 needs attention\n"
        "\n"
        "**Needs attention** (looser on the provider):\n"
        "\n"
        "- ⚠️ **SLA-2024-002** 1 material and 0 editorial term change "
        "(1 looser on the provider, 0 stricter)\n"
        "\n"
        "#### SLA-2024-002 (changed, restricted)\n"
        "\n"
        "1 material and 0 editorial term change (1 looser on the provider, 0 stricter); "
        "clauses changed: 1 in English\n"
        "\n"
        "A restricted agreement: only its ID and the kinds of change are shown here. "
        "Run `sitegen diff --include-restricted` for the full comparison.\n"
    )


def test_a_restricted_agreement_in_chinese() -> None:
    comment = as_markdown([a_diff("返利 12%", restricted=True)], "zh")
    assert "#### SLA-2024-002 (修改，受限)" in comment
    assert (
        "实质性条款变更 1 处，文字性 0 处（对服务方放宽 1 处，更严 0 处）；条款对照：English 1 条"
    ) in comment
    assert "返利" not in comment


def test_include_restricted_shows_it_in_full() -> None:
    comment = as_markdown([a_diff("confidential rebate", restricted=True)], include_restricted=True)
    assert comment.count("confidential rebate") >= 4
    assert "restricted" not in comment


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """main: the restricted cloud sample; the working tree shortens its P1 response."""
    isolate_git(monkeypatch)
    text = (REPO / CLOUD).read_text("utf-8")
    made = GitRepo.create(tmp_path / "repo", {**templates_tree(), CLOUD: text}, "Catalogue")
    made.write({CLOUD: replace_once(text, "response: 10m", "response: 5m")})
    monkeypatch.chdir(made.root)
    return made


def test_the_command_hides_restricted_agreements_unless_asked(repo: GitRepo) -> None:
    result = CliRunner().invoke(cli, ["diff", "--base", "main", "--format", "md"])
    assert result.exit_code == 0, result.stderr
    assert "#### SLA-2024-002 (changed, restricted)" in result.stdout
    assert "Cloud Hosting" not in result.stdout and "10" not in result.stdout
    result = CliRunner().invoke(
        cli, ["diff", "--base", "main", "--format", "md", "--include-restricted"]
    )
    assert result.exit_code == 0, result.stderr
    assert "Cloud Hosting" in result.stdout and "<del>[-10-]</del><ins>{+5+}</ins>" in result.stdout


def test_an_added_agreement_shows_its_facts_once_and_its_clauses_folded() -> None:
    red = ClauseRedline("scope.included", "3.1", "范围", "added", compare("", "服务内容", "zh"))
    diff = AgreementDiff(
        "SLA-2026-001",
        "新协议 / New agreement",
        None,
        Side("SLA-2026-001", 1, "draft", effective="2027-01-01", template="it-service-sla@1",
             changed_by="Li Na", changed_at="2026-11-30"),
        (),
        {"zh": (red,), "en": ()},
    )  # fmt: skip
    assert as_markdown([diff]) == (
        "### SLA changes: 1 agreement differs: 0 material term changes\n"
        "\n"
        "#### SLA-2026-001 新协议 · New agreement (added)\n"
        "\n"
        "v1 · status draft · template it-service-sla@1 · effective 2027-01-01 · "
        "changed by Li Na (2026-11-30)\n"
        "\n"
        "<details><summary>Clauses (中文): 1 changed</summary>\n"
        "\n"
        "**3.1 范围** (added)<br><ins>{+服务内容+}</ins>\n"
        "\n"
        "</details>\n"
    )
