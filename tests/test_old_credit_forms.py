"""Old forms of credits: one finding naming the new form in a working file, and the same
meaning when a signed or committed version in the old form is read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitegen.cli import cli
from sitegen.load import load_agreement, load_agreement_text
from sitegen.versions.lifecycle import same_terms, terms
from tests.gitrepo import SAMPLE_ID, SAMPLE_PATH, GitRepo, isolate_git, templates_tree
from tests.helpers import SAMPLES, lint_sample, replace_once, sample_text, where

GUIDE = "agreements/SLA-2024-001/agreement.yaml"
NEW_FORM = (
    "  cap: {percent: 20, of: fee}\n"
    "  form: deduction\n"
    "  cash: true\n"
    "  cash_within: 30d\n"
    "  claim: {within: 30d, from: report, channel: written_notice}\n"
)


def old_form(claim_days: bool = True) -> str:
    old = "  cap_percent: 20\n" + ("  claim_days: 30\n" if claim_days else "")
    return replace_once(sample_text(), NEW_FORM, old)


def test_each_old_form_is_one_finding_naming_the_new_form(tmp_path: Path) -> None:
    text = old_form()
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'cap_percent: 20', 'cap_percent')}: SG126 credits.cap_percent is the "
        "old form: write credits.cap: {percent: 20, of: fee}",
        f"{where(text, 'claim_days: 30', 'claim_days')}: SG127 credits.claim_days is the old "
        "form: write credits.claim: {within: 30d, from: report, channel: written_notice}",
    ]


def test_validate_on_an_old_file_fails_without_a_traceback(project: Path) -> None:
    text = old_form()
    (project / GUIDE).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", GUIDE])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stdout + result.stderr
    assert f"{where(text, 'cap_percent: 20', 'cap_percent', path=GUIDE)}: SG126 " in result.stdout


def test_an_old_version_reads_with_the_meaning_it_had() -> None:
    old = load_agreement_text(old_form(claim_days=False), Path("v1.yaml"), archived=True)
    new = load_agreement_text(sample_text(), Path("agreement.yaml"))
    assert old.agreement is not None and new.agreement is not None, old.findings
    assert terms(old.agreement) == terms(new.agreement)


def test_the_signed_archive_in_the_old_form_keeps_its_terms() -> None:
    folder = SAMPLES / "SLA-2024-001"
    signed = (folder / "signed" / "v1.yaml").read_text(encoding="utf-8")
    assert "cap_percent: 20" in signed  # archived before the change, never rewritten
    assert same_terms(signed, (folder / "agreement.yaml").read_text(encoding="utf-8"))
    assert load_agreement(folder / "signed" / "v1.yaml").agreement is None  # as a working file


def test_migrating_a_committed_and_signed_file_changes_no_term(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch)
    old = old_form()
    archive = SAMPLES / SAMPLE_ID / "signed"  # the sample's real archive: v1 in the old form
    files: dict[str, str | bytes] = {
        **templates_tree(),
        SAMPLE_PATH: old,
        **{
            f"agreements/{SAMPLE_ID}/signed/{path.name}": path.read_bytes()
            for path in sorted(archive.iterdir())
        },
    }
    repo = GitRepo.create(tmp_path / "repo", files, "Catalogue")
    monkeypatch.chdir(repo.root)

    def diff(*args: str) -> list[dict[str, Any]]:
        result = CliRunner().invoke(cli, ["diff", *args, "--format", "json"])
        assert result.exit_code == 0, result.stderr
        return list(json.loads(result.stdout))

    repo.write({SAMPLE_PATH: sample_text()})  # the migration, not yet committed
    found = diff()  # against the commit: the same terms in the new form
    assert [c for one in found for c in one["changes"]] == []
    assert all(not any(one["redlines"].values()) for one in found)
    # against signed v1 (its real archive, in the old form): only what changed since v1
    since = {c["path"] for one in diff(SAMPLE_ID) for c in one["changes"]}
    assert not any(path.startswith("credits") for path in since), since
