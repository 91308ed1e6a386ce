"""`sitegen diff` in real git repositories: renewal review and pull-request review."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitegen.cli import cli
from tests.github_render import render, text_of
from tests.gitrepo import SAMPLE_ID, SAMPLE_PATH, GitRepo, isolate_git, templates_tree
from tests.helpers import REPO, replace_once, sample_text

SIGNED_V1 = f"agreements/{SAMPLE_ID}/signed/v1.yaml"
CLOUD = "agreements/SLA-2024-002/agreement.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """main: the guide sample (signed v1 archived) and the cloud sample."""
    isolate_git(monkeypatch)
    files = {
        **templates_tree(),
        SAMPLE_PATH: sample_text(),
        SIGNED_V1: sample_text(),
        CLOUD: (REPO / CLOUD).read_text(encoding="utf-8"),
    }
    made = GitRepo.create(tmp_path / "repo", files, "Catalogue")
    monkeypatch.chdir(made.root)
    return made


def amend(repo: GitRepo, *edits: tuple[str, str]) -> None:
    text = replace_once(sample_text(), "version: 1\n", "version: 2\n")
    text = replace_once(text, "status: signed", "status: draft")
    text = replace_once(text, "  signed: 2024-03-15\n", "")
    for old, new in edits:
        text = replace_once(text, old, new)
    repo.write({SAMPLE_PATH: text})


def json_diff(*args: str) -> list[dict[str, Any]]:
    code, out, err = run("diff", *args, "--format", "json")
    assert code == 0, err
    result: list[dict[str, Any]] = json.loads(out)
    return result


def test_renewal_review_against_the_last_signed_version(repo: GitRepo) -> None:
    amend(repo, ("response: 15m", "response: 10m"))
    [found] = json_diff(SAMPLE_ID)
    assert found["old"]["label"] == f"{SAMPLE_ID}@v1"
    assert found["new"]["label"] == f"{SAMPLE_ID} (working tree)"
    terms = [(c["path"], c["before"]["zh"], c["after"]["en"], c["material"], c["direction"])
             for c in found["changes"]]  # fmt: skip
    assert terms == [
        ("slos.priorities[P1].response", "15 分钟", "10 minutes", True, "stricter"),
    ]


def test_a_one_number_change_marks_only_the_number(repo: GitRepo) -> None:
    amend(repo, ("response: 15m", "response: 10m"))
    [found] = json_diff(SAMPLE_ID)
    for lang, unit in (("zh", " 分钟"), ("en", " minutes")):
        changed = [c for c in found["redlines"][lang] if c["clause"] == "service-levels.priorities"]
        marked = [s for c in changed for s in c["segments"] if s[0] != "equal"]
        assert marked == [["delete", "15"], ["insert", "10"]], lang
        after = [s[1] for c in changed for s in c["segments"]]
        assert any(text.startswith(unit) for text in after)


def test_metadata_names_versions_and_who_changed_them(repo: GitRepo) -> None:
    amend(repo, ("response: 15m", "response: 10m"))
    repo.commit("Shorter P1 response")
    [found] = json_diff(f"{SAMPLE_ID}@v1", f"{SAMPLE_ID}@HEAD")
    assert (found["old"]["version"], found["old"]["status"]) == (1, "signed")
    assert (found["new"]["version"], found["new"]["status"]) == (2, "draft")
    assert (found["new"]["changed_by"], found["new"]["changed_at"]) == ("Zhang Wei", "2024-03-01")


def test_pull_request_review_finds_changed_added_and_removed(repo: GitRepo) -> None:
    repo.checkout("change", new=True)
    amend(
        repo,
        ("target: 99.9\n", "target: 99.5\n"),
        ("{below: 99.9, percent: 5}", "{below: 99.5, percent: 5}"),
        ("{below: 99.5, percent: 10}", "{below: 99.2, percent: 10}"),
    )
    repo.remove(CLOUD)
    shutil.copytree(REPO / "agreements/OLA-2025-001", repo.root / "agreements/OLA-2025-001")
    code, out, _ = run("diff", "--base", "main", "--format", "json", "--exit-code")
    assert code == 1
    found = {d["id"]: d for d in json.loads(out)}
    assert {k: d["kind"] for k, d in found.items()} == {
        "OLA-2025-001": "added",
        "SLA-2024-001": "changed",
        "SLA-2024-002": "removed",
    }
    attention = [c["path"] for c in found[SAMPLE_ID]["changes"] if c["attention"]]
    assert attention[0] == "slos.availability.target"


def test_no_difference_exits_0_even_with_exit_code(repo: GitRepo) -> None:
    code, out, _ = run("diff", "--base", "main", "--exit-code")
    assert code == 0
    assert out.startswith("0 agreements differ")


def test_markdown_comment_of_hostile_values_stays_text(repo: GitRepo) -> None:
    hostile = "<script>alert(1)</script> `x` | [l](javascript:alert(1))"
    amend(repo, ("      en: Monthly service report\n", f"      en: '{hostile}'\n"))
    code, out, _ = run("diff", SAMPLE_ID, "--format", "md")
    assert code == 0
    html = render(out)
    assert "<script" not in html and "<a " not in html and "<code>" not in html
    shown = text_of(html)  # the redline marks words: the value is shown in its pieces
    assert "{+<script>alert(1)</script>+}" in shown and "{+`x`+}" in shown
    assert "{+| [l](javascript:alert(1))+}" in shown
    assert "{+\\<script>alert(1)\\</script>+}" in out  # escaped with backslashes, no entity


def test_a_renamed_clause_shows_as_removed_and_added(repo: GitRepo) -> None:
    v3 = {
        name.replace("/v1/", "/v3/"): data
        for name, data in templates_tree().items()
        if "/v1/" in name
    }
    manifest = "templates/it-service-sla/v3/template.yaml"
    v3[manifest] = str(v3[manifest], "utf-8").replace("version: 1", "version: 3")
    scope = "templates/it-service-sla/v3/sections/scope.yaml"
    text = str(v3[scope], "utf-8")
    v3[scope] = text.replace("id: other-services", "id: services-outside-scope", 1)
    repo.write(v3)
    amend(repo, ("template: it-service-sla@1", "template: it-service-sla@3"))
    [found] = json_diff(SAMPLE_ID)
    kinds = {(c["clause"], c["kind"]) for c in found["redlines"]["en"]}
    assert ("scope.other-services", "removed") in kinds
    assert ("scope.services-outside-scope", "added") in kinds
    assert [c["path"] for c in found["changes"]] == ["template"]


def test_unsigned_agreement_has_no_renewal_review(repo: GitRepo) -> None:
    code, _, err = run("diff", "SLA-2024-002")
    assert code == 2
    assert err == (
        "Error: SLA-2024-002 has no signed version yet: name two versions "
        "(e.g. SLA-2024-002@main SLA-2024-002) or use --base\n"
    )


def test_unknown_revision_is_a_usage_error(repo: GitRepo) -> None:
    code, _, err = run("diff", f"{SAMPLE_ID}@nowhere", SAMPLE_ID)
    assert code == 2
    assert err == "Error: unknown revision 'nowhere'\n"


def test_versions_and_base_together_is_a_usage_error(repo: GitRepo) -> None:
    code, _, _ = run("diff", SAMPLE_ID, "--base", "main")
    assert code == 2


def test_a_signed_version_names_the_commit_its_tag_points_at(repo: GitRepo) -> None:
    amend(repo, ("response: 15m", "response: 10m"))
    _, _, err = run("diff", f"{SAMPLE_ID}@v1", SAMPLE_ID)
    assert err.splitlines()[0] == f"{SAMPLE_ID}@v1: no tag {SAMPLE_ID}/v1"
    repo.tag(f"{SAMPLE_ID}/v1", "HEAD", "signed")
    commit = repo.head()
    code, out, err = run("diff", f"{SAMPLE_ID}@v1", SAMPLE_ID, "--format", "md")
    assert code == 0, err
    assert err.splitlines()[0] == f"{SAMPLE_ID}@v1: tag {SAMPLE_ID}/v1 is commit {commit}"
    assert commit not in out  # the pull-request comment is unchanged
