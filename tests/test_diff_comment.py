"""The pull-request comment (`sitegen diff --format md`): no mention, no cross-reference, and
restricted agreements shown by ID and kinds of change only.

GitHub renders the comment as GFM and links mentions in the text of the resulting HTML,
after entities are decoded. pandoc's gfm reader stands in for it here: the comment goes
through it to HTML, and the text of that HTML (entities decoded, as a browser and GitHub's
mention filter see it) is searched with GitHub's patterns.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pypandoc
import pytest
from click.testing import CliRunner

from sitegen.cli import cli
from sitegen.compose.contract import Text
from sitegen.diff.fields import Change
from sitegen.diff.model import AgreementDiff, Side
from sitegen.diff.redline import ClauseRedline, compare
from sitegen.diff.report import as_markdown
from tests.gitrepo import GitRepo, isolate_git, templates_tree
from tests.helpers import REPO, replace_once

MENTIONS = ["@octocat", "@acme/legal-team", "#12", "acme/slas#3", "cc @ghost, see #7."]
# GitHub's mention and issue-reference patterns, loosely: an @ or # not after a word.
MENTION = re.compile(r"(?<![\w`])@[A-Za-z0-9]")
REFERENCE = re.compile(r"#\d")
CLOUD = "agreements/SLA-2024-002/agreement.yaml"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def shown_on_github(markdown: str) -> str:
    """The text a reader (and GitHub's mention filter) sees of a GFM comment."""
    parser = _Text()
    parser.feed(pypandoc.convert_text(markdown, "html", format="gfm"))
    return "".join(parser.parts)


def a_diff(value: str, *, restricted: bool = False) -> AgreementDiff:
    change = Change(
        "slos.priorities.P1.name",
        Text("P1 级别名称", "P1 name"),
        Text(value, value),
        Text("紧急", "Critical"),
        True,
        "looser",
    )
    red = ClauseRedline("scope.included", "3.1", value, "changed", compare(value, "safe", "en"))
    return AgreementDiff(
        "SLA-2024-002",
        f"{value} / {value}",
        Side("SLA-2024-002@v1", 1, "signed", changed_by=value, restricted=restricted),
        Side("SLA-2024-002", 2, "draft", restricted=restricted),
        (change,),
        {"en": (red,), "zh": ()},
    )


@pytest.mark.parametrize("value", MENTIONS)
def test_no_mention_or_reference_reaches_github(value: str) -> None:
    text = shown_on_github(as_markdown([a_diff(value)], include_restricted=True))
    assert not MENTION.search(text), text
    assert not REFERENCE.search(text), text
    # what the reader sees is the value: only an invisible word joiner was added
    assert text.count(value.replace("@", "@\u2060").replace("#", "#\u2060")) >= 4


def test_a_restricted_agreement_shows_its_id_and_kinds_of_change_only() -> None:
    comment = as_markdown([a_diff("confidential rebate 12%", restricted=True)])
    assert comment == (
        "### SLA changes: 1 agreement differs: 1 material term change, 1 needs attention\n"
        "\n"
        "**Needs attention** (looser on the provider):\n"
        "\n"
        "- ⚠️ <code>SLA&#45;2024&#45;002</code> 1 material and 0 editorial term change "
        "(1 looser on the provider, 0 stricter)\n"
        "\n"
        "<details open>\n"
        "<summary>SLA&#45;2024&#45;002 (changed, restricted)</summary>\n"
        "\n"
        "1 material and 0 editorial term change (1 looser on the provider, 0 stricter); "
        "clauses changed: 1 in English\n"
        "\n"
        "A restricted agreement: only its ID and the kinds of change are shown here. "
        "Run `sitegen diff --include-restricted` for the full comparison.\n"
        "\n"
        "</details>\n"
    )


def test_a_restricted_agreement_in_chinese() -> None:
    comment = as_markdown([a_diff("返利 12%", restricted=True)], "zh")
    assert "SLA&#45;2024&#45;002 (修改，受限)" in comment
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
    assert "<summary>SLA&#45;2024&#45;002 (changed, restricted)</summary>" in result.stdout
    assert "Cloud Hosting" not in result.stdout and "10" not in result.stdout
    result = CliRunner().invoke(
        cli, ["diff", "--base", "main", "--format", "md", "--include-restricted"]
    )
    assert result.exit_code == 0, result.stderr
    assert "Cloud Hosting" in result.stdout and "<del>10</del><ins>5</ins>" in result.stdout
