"""The append-only archive: every kind of tampering is caught, naming the file."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.commands.validate import validate_command
from sitegen.errors import UserError
from sitegen.findings import Finding
from sitegen.load.config import Settings
from sitegen.versions.archive import check_archive, parse_manifest, render_manifest
from sitegen.versions.sign import attach, sign
from tests.gitrepo import SAMPLE_ID, SAMPLE_PATH, GitRepo, sample_repository
from tests.helpers import replace_once
from tests.test_sign import fake_pdf


@pytest.fixture
def sample_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    return sample_repository(tmp_path / "repo", monkeypatch)


SIGNED = f"agreements/{SAMPLE_ID}/signed"
MANIFEST = f"{SIGNED}/manifest.yaml"
TAG = f"{SAMPLE_ID}/v1"


@pytest.fixture
def repo(sample_repo: GitRepo) -> GitRepo:
    """v1 signed and tagged on main; work goes on in a branch, as in a pull request."""
    sign(sample_repo.root, Settings(), SAMPLE_ID, dt.date(2024, 3, 15), render=fake_pdf)
    sample_repo.checkout("change", new=True)
    return sample_repo


def check(repo: GitRepo, base: str | None = None) -> list[Finding]:
    return check_archive(repo.root, Settings(), base)


def found(repo: GitRepo, base: str | None = None) -> list[tuple[str, int, str]]:
    """(path under the repository, line, code) of each finding, sorted."""
    return sorted(
        (f.path.relative_to(repo.root.resolve()).as_posix(), f.line, f.code)
        for f in check(repo, base)
    )


def merge_base(repo: GitRepo) -> str:
    return f"the merge base with main ({repo.git('rev-parse', 'main').strip()[:12]})"


def test_an_intact_archive_has_no_findings(repo: GitRepo) -> None:
    assert check(repo) == []


def test_a_changed_archived_file(repo: GitRepo) -> None:
    repo.commit("Fix a typo in the signed copy", {f"{SIGNED}/v1.yaml": "tampered\n"})
    assert found(repo) == [(f"{SIGNED}/v1.yaml", 1, "SG901"), (f"{SIGNED}/v1.yaml", 1, "SG903")]
    messages = {f.code: f.message for f in check(repo)}
    assert messages["SG901"] == (
        f"archived file changed since {merge_base(repo)}: signed files are append-only; "
        "restore it and raise `version` to sign an amendment"
    )
    assert messages["SG903"].startswith("SHA-256 differs from the manifest (recorded ")
    assert messages["SG903"].endswith("…): the file was changed after signing")


def test_an_uncommitted_change_counts_too(repo: GitRepo) -> None:
    repo.write({f"{SIGNED}/v1.pdf": b"%PDF edited"})
    assert found(repo) == [(f"{SIGNED}/v1.pdf", 1, "SG901"), (f"{SIGNED}/v1.pdf", 1, "SG903")]


def test_a_deleted_archived_file(repo: GitRepo) -> None:
    repo.remove(f"{SIGNED}/v1.pdf")
    repo.commit("Remove the PDF")
    assert found(repo) == [(f"{SIGNED}/v1.pdf", 1, "SG902"), (f"{SIGNED}/v1.pdf", 1, "SG904")]
    messages = {f.code: f.message for f in check(repo)}
    assert messages["SG902"] == (
        f"archived file deleted since {merge_base(repo)}: signed files are append-only; restore it"
    )
    assert messages["SG904"] == "missing: manifest.yaml lists it for v1"


def test_a_hash_that_differs_from_the_manifest_without_a_base(repo: GitRepo) -> None:
    repo.commit("Tamper", {f"{SIGNED}/v1.pdf": b"%PDF other"})
    repo.git("checkout", "--quiet", "main")
    repo.git("merge", "--quiet", "--ff-only", "change")
    # on main itself the base is HEAD: only the hash gives it away
    assert found(repo) == [(f"{SIGNED}/v1.pdf", 1, "SG903")]


def manifest_text(repo: GitRepo) -> str:
    return repo.read(MANIFEST)


def test_an_altered_manifest_entry(repo: GitRepo) -> None:
    text = replace_once(manifest_text(repo), "date: 2024-03-15", "date: 2024-03-10")
    repo.commit("Backdate", {MANIFEST: text})
    line = text.splitlines().index("  - version: 1") + 1
    assert found(repo) == [(MANIFEST, line, "SG906"), (f"{SIGNED}/v1.yaml", 1, "SG917")]
    messages = {f.code: f.message for f in check(repo)}
    assert messages["SG906"] == (
        f"manifest entry for v1 was altered since {merge_base(repo)}: entries are append-only"
    )
    assert messages["SG917"] == (
        f"not {SAMPLE_ID} v1 as signed on 2024-03-10: its signing date is 2024-03-15"
    )


def test_a_hash_rewritten_to_match_a_changed_file(repo: GitRepo) -> None:
    new = b"%PDF replaced"
    old_sha = parse_manifest((repo.root / MANIFEST).read_bytes()).signed[0].files["v1.pdf"]
    text = replace_once(manifest_text(repo), old_sha, hashlib.sha256(new).hexdigest())
    repo.commit("Replace the PDF", {MANIFEST: text, f"{SIGNED}/v1.pdf": new})
    assert [(p, c) for p, _, c in found(repo)] == [
        (MANIFEST, "SG906"),
        (f"{SIGNED}/v1.pdf", "SG901"),
        (f"{SIGNED}/v1.pdf", "SG909"),  # the tag still holds the PDF as signed
        (f"{SIGNED}/v1.pdf", "SG919"),  # and the new PDF is not bound to v1.yaml
    ]


def test_a_removed_manifest_entry(repo: GitRepo) -> None:
    manifest = parse_manifest((repo.root / MANIFEST).read_bytes())
    emptied = render_manifest(manifest.model_copy(update={"signed": []}))
    repo.commit("Forget v1", {MANIFEST: emptied})
    assert found(repo) == [
        (MANIFEST, 1, "SG907"),
        (MANIFEST, 1, "SG912"),  # the tag names a version the manifest no longer lists
        (f"{SIGNED}/v1.pdf", 1, "SG905"),
        (f"{SIGNED}/v1.yaml", 1, "SG905"),
    ]
    messages = {f.code: f.message for f in check(repo)}
    assert messages["SG907"] == (
        f"manifest entry for v1 was removed since {merge_base(repo)}: entries are append-only"
    )
    assert messages["SG905"] == (
        "not recorded in manifest.yaml: only `sitegen sign` and `sitegen attach` add files "
        "to the archive"
    )


def test_a_deleted_manifest(repo: GitRepo) -> None:
    repo.remove(MANIFEST)
    repo.commit("No manifest")
    assert found(repo) == [
        (f"{SIGNED}/manifest.yaml", 1, "SG902"),
        (f"{SIGNED}/manifest.yaml", 1, "SG912"),
        (f"{SIGNED}/v1.pdf", 1, "SG905"),
        (f"{SIGNED}/v1.yaml", 1, "SG905"),
    ]


def test_an_unreadable_manifest(repo: GitRepo) -> None:
    text = manifest_text(repo).replace("version: 1", "version: one")
    repo.commit("Break the manifest", {MANIFEST: text})
    line = text.splitlines().index("  - version: one") + 1
    assert found(repo) == [(MANIFEST, line, "SG908")]
    [finding] = check(repo)
    assert (
        finding.message
        == "manifest cannot be read: signed.0.version: Input should be a valid integer"
    )


def test_an_unrecorded_file_in_the_archive(repo: GitRepo) -> None:
    repo.write({f"{SIGNED}/v2.pdf": b"%PDF"})
    assert found(repo) == [(f"{SIGNED}/v2.pdf", 1, "SG905")]


def test_a_moved_tag(repo: GitRepo) -> None:
    repo.commit("Tamper", {f"{SIGNED}/v1.yaml": "tampered\n"})
    repo.tag(TAG, "HEAD", "moved")
    repo.commit("Restore", {f"{SIGNED}/v1.yaml": repo.git("show", f"main:{SIGNED}/v1.yaml")})
    assert found(repo) == [(f"{SIGNED}/v1.yaml", 1, "SG909")]
    [finding] = check(repo)
    assert finding.message == (
        f"tag {TAG} points at content that differs from the archive: a signed tag must not move"
    )


def test_a_tag_moved_to_a_commit_before_signing(repo: GitRepo) -> None:
    repo.tag(TAG, "main~1", "moved back")
    assert found(repo) == [(f"{SIGNED}/v1.pdf", 1, "SG909"), (f"{SIGNED}/v1.yaml", 1, "SG909")]


def test_a_tag_on_a_commit_whose_agreement_differs(repo: GitRepo) -> None:
    text = amendment(repo.read(SAMPLE_PATH))
    repo.commit("Amend", {SAMPLE_PATH: text})
    repo.tag(TAG, "HEAD", "moved")
    assert found(repo) == [(f"{SIGNED}/v1.yaml", 1, "SG909")]


def test_a_deleted_tag(repo: GitRepo) -> None:
    repo.git("tag", "--delete", TAG)
    line = manifest_text(repo).splitlines().index("  - version: 1") + 1
    assert found(repo) == [(MANIFEST, line, "SG918")]
    [finding] = check(repo)
    assert finding.message == (
        f"no tag {TAG} for v1: a signed version keeps its signing tag (a deleted tag cannot "
        "be told from an entry added by hand)"
    )


def test_a_tag_for_a_version_never_signed(repo: GitRepo) -> None:
    repo.tag(f"{SAMPLE_ID}/v7", "HEAD", "wrong")
    assert found(repo) == [(MANIFEST, 1, "SG912")]
    assert (
        check(repo)[0].message == f"tag {SAMPLE_ID}/v7 names v7, which manifest.yaml does not list"
    )


def test_a_tag_whose_archive_is_gone(repo: GitRepo) -> None:
    repo.remove(SIGNED)
    repo.commit("Drop the archive")
    repo.git("branch", "--force", "main")  # merged: the base no longer has it either
    assert found(repo) == [(MANIFEST, 1, "SG912")]


def test_tags_of_other_shapes_are_ignored(repo: GitRepo) -> None:
    repo.tag("release/v7", "HEAD", "a release")
    repo.tag(f"{SAMPLE_ID}/v1-draft", "HEAD~1", "not a signature")
    assert check(repo) == []


def test_a_living_version_lower_than_the_last_signed(repo: GitRepo) -> None:
    text = repo.read(SAMPLE_PATH).replace("version: 1", "version: 0")
    repo.commit("Back", {SAMPLE_PATH: text})
    line = text.splitlines().index("version: 0") + 1
    assert found(repo) == [(SAMPLE_PATH, line, "SG910")]
    assert check(repo)[0].message == (
        "version 0 is lower than the last signed version 1: version numbers never go back"
    )


def test_a_signed_version_edited_without_raising_it(repo: GitRepo) -> None:
    text = replace_once(repo.read(SAMPLE_PATH), "response: 15m", "response: 30m")
    repo.commit("Slower response", {SAMPLE_PATH: text})
    line = text.splitlines().index("version: 1") + 1
    assert found(repo) == [(SAMPLE_PATH, line, "SG911")]
    assert check(repo)[0].message == (
        "differs from signed/v1.yaml but keeps version 1: raise `version` to amend a signed "
        "agreement"
    )


def amendment(text: str, status: str = "in_review") -> str:
    """The next version of a signed agreement while it is drafted or reviewed."""
    text = replace_once(text, "version: 1", "version: 2")
    text = replace_once(text, "status: signed", f"status: {status}")
    return replace_once(text, "  signed: 2024-03-15\n", "")


def test_an_amendment_with_a_raised_version_is_fine(repo: GitRepo) -> None:
    # v2 in review (it once kept `status: signed` here: SG922 now, the test below)
    text = amendment(replace_once(repo.read(SAMPLE_PATH), "response: 15m", "response: 30m"))
    repo.commit("Amendment", {SAMPLE_PATH: text})
    assert check(repo) == []


def test_an_amendment_that_still_says_signed(repo: GitRepo) -> None:
    text = replace_once(repo.read(SAMPLE_PATH), "response: 15m", "response: 30m")
    text = replace_once(text, "version: 1", "version: 2")
    repo.commit("Amendment", {SAMPLE_PATH: text})
    line = text.splitlines().index("status: signed") + 1
    assert found(repo) == [(SAMPLE_PATH, line, "SG922")]
    assert check(repo)[0].message == (
        "status is signed but the signed archive does not hold v2 (the last signed version is "
        "v1): sign it with `sitegen sign SLA-2024-001`, or set the status to draft or "
        "in_review until it is signed"
    )
    sign(repo.root, Settings(), SAMPLE_ID, dt.date(2024, 3, 20), render=fake_pdf)
    assert check(repo) == []  # signed now: the archive holds v2


def test_a_termination_recorded_on_an_unsigned_version(repo: GitRepo) -> None:
    text = amendment(repo.read(SAMPLE_PATH), "terminated")
    text = replace_once(text, "  effective: 2024-04-01\n", "  effective: 2024-04-01\n"
                        "  terminated: 2025-03-31\n")  # fmt: skip
    repo.commit("Terminated", {SAMPLE_PATH: text})
    line = text.splitlines().index("status: terminated") + 1
    assert [(f.line, f.code, f.message) for f in check(repo)] == [
        (
            line,
            "SG922",
            "status is terminated but the signed archive does not hold v2 (the last signed "
            "version is v1): record the termination on the signed version (`version: 1`), or "
            "set the status to draft or in_review until v2 is signed",
        )
    ]


def test_a_version_never_signed_that_says_signed(sample_repo: GitRepo) -> None:
    """No archive at all: the file alone never makes an agreement signed."""
    text = replace_once(sample_repo.read(SAMPLE_PATH), "status: in_review", "status: signed")
    text = replace_once(text, "  effective:", "  signed: 2024-03-15\n  effective:")
    sample_repo.commit("Signed on paper", {SAMPLE_PATH: text})
    line = text.splitlines().index("status: signed") + 1
    assert [(f.line, f.column, f.code) for f in check(sample_repo)] == [(line, 9, "SG922")]
    assert check(sample_repo)[0].message == (
        "status is signed but the signed archive does not hold v1 (no version is signed yet): "
        "sign it with `sitegen sign SLA-2024-001`, or set the status to draft or in_review "
        "until it is signed"
    )


def test_signing_and_attaching_again_are_fine(repo: GitRepo, tmp_path: Path) -> None:
    text = replace_once(repo.read(SAMPLE_PATH), "version: 1", "version: 2")
    repo.commit("Amendment", {SAMPLE_PATH: text})
    sign(repo.root, Settings(), SAMPLE_ID, dt.date(2024, 3, 20), render=fake_pdf)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF scan")
    attach(repo.root, Settings(), SAMPLE_ID, "v1", scan)
    assert check(repo) == []


def test_an_attached_scan_is_append_only_too(repo: GitRepo, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF scan")
    attach(repo.root, Settings(), SAMPLE_ID, "v1", scan)
    repo.git("branch", "--force", "main")
    repo.commit("Another scan", {f"{SIGNED}/v1-scan.pdf": b"%PDF other scan"})
    assert found(repo) == [
        (f"{SIGNED}/v1-scan.pdf", 1, "SG901"),
        (f"{SIGNED}/v1-scan.pdf", 1, "SG903"),
    ]


def test_an_explicit_base(repo: GitRepo) -> None:
    repo.commit("Tamper", {f"{SIGNED}/v1.yaml": "tampered\n"})
    repo.git("branch", "--force", "main")  # main has the tampering too now
    codes = [c for _, _, c in found(repo)]
    assert codes == ["SG903"]
    assert [c for _, _, c in found(repo, "HEAD~1")] == ["SG901", "SG903"]
    [changed] = [f for f in check(repo, "HEAD~1") if f.code == "SG901"]
    before = repo.git("rev-parse", "HEAD~1")[:12]
    assert changed.message.startswith(f"archived file changed since HEAD~1 ({before}):")


def test_without_a_main_branch_the_base_is_the_root_commit(repo: GitRepo) -> None:
    repo.git("branch", "--move", "main", "trunk")
    repo.commit("Tamper", {f"{SIGNED}/v1.yaml": "tampered\n"})
    root = repo.git("rev-list", "--max-parents=0", "HEAD").strip()
    # v1.yaml did not exist in the root commit: an addition, so only the hash tells
    assert [c for _, _, c in found(repo)] == ["SG903"]
    assert root


def test_an_unknown_base(repo: GitRepo) -> None:
    with pytest.raises(UserError) as caught:
        check(repo, "nowhere")
    assert caught.value.message == "unknown revision 'nowhere' (--base)"


# --- the command ------------------------------------------------------------------------


def test_validate_history_command(repo: GitRepo) -> None:
    runner = CliRunner()
    clean = runner.invoke(validate_command, ["--history"])
    assert clean.exit_code == 0, clean.output

    repo.commit("Tamper", {f"{SIGNED}/v1.yaml": "tampered\n"})
    result = runner.invoke(validate_command, ["--history", "--base", "main"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("agreements/")]
    main = repo.git("rev-parse", "main").strip()[:12]
    assert lines[0] == (
        f"{SIGNED}/v1.yaml:1:1: SG901 archived file changed since main ({main}): signed files "
        "are append-only; restore it and raise `version` to sign an amendment"
    )
    assert lines[1].startswith(f"{SIGNED}/v1.yaml:1:1: SG903 SHA-256 differs from the manifest")


def test_base_needs_history() -> None:
    result = CliRunner().invoke(validate_command, ["--base", "main"])
    assert result.exit_code == 2
    assert "--base needs --history" in result.output


def test_review_records_and_termination_need_no_new_version(repo: GitRepo) -> None:
    text = replace_once(
        repo.read(SAMPLE_PATH),
        "  records:\n",
        "  records:\n    - date: 2024-07-05\n"
        "      summary: {zh: 第 1 季度评审：全部达标, en: 'Review of quarter 1: all met'}\n",
    )
    text = text.replace("status: signed", "status: terminated").replace(
        "  effective: 2024-04-01\n", "  effective: 2024-04-01\n  terminated: 2025-03-31\n"
    )
    repo.commit("Review held; agreement terminated", {SAMPLE_PATH: text})
    assert found(repo) == []


def test_a_term_changed_together_with_a_review_record_is_caught(repo: GitRepo) -> None:
    text = replace_once(
        repo.read(SAMPLE_PATH).replace("response: 15m", "response: 30m"),
        "  records:\n",
        "  records:\n    - date: 2024-07-05\n      summary: {zh: 评审, en: Review}\n",
    )
    repo.commit("Review and a quiet change", {SAMPLE_PATH: text})
    assert [code for _, _, code in found(repo)] == ["SG911"]
