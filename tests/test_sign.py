"""Signing and attaching: the files, the manifest, the commit, the tag, and every refusal.

Most tests render the PDF with a stand-in (`fake_pdf`): they are about the archive, not the
PDF. The command tests and `test_the_real_pdf_*` render the real PDF.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.commands.sign import attach_command, sign_command
from sitegen.errors import UserError
from sitegen.load.config import Settings
from sitegen.load.model import Agreement
from sitegen.render.binding import Binding, read_binding
from sitegen.versions.archive import Entry, Manifest, parse_manifest, render_manifest
from sitegen.versions.sign import attach, sign, write_all
from tests.gitrepo import (
    AUTHOR,
    SAMPLE_ID,
    SAMPLE_PATH,
    GitRepo,
    sample_repository,
    unsigned_sample,
)
from tests.helpers import minimal_pdf, replace_once


@pytest.fixture
def sample_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    return sample_repository(tmp_path / "repo", monkeypatch)


SIGNED = f"agreements/{SAMPLE_ID}/signed"
DATE = dt.date(2024, 3, 15)


def fake_pdf(agreement: Agreement, root: Path, settings: Settings, binding: Binding) -> bytes:
    """A stand-in for the real PDF: reproducible bytes that depend on the agreement, bound
    to its YAML in the XMP metadata as the real one is."""
    signed = agreement.dates.signed
    return minimal_pdf(f"stand-in {agreement.id} v{agreement.version} {signed}", [binding.keyword])


def signed(repo: GitRepo, date: dt.date | None = DATE) -> None:
    sign(repo.root, Settings(), SAMPLE_ID, date, render=fake_pdf)


def refusal(repo: GitRepo, date: dt.date | None = DATE) -> str:
    with pytest.raises(UserError) as caught:
        signed(repo, date)
    assert caught.value.exit_code == 2
    return caught.value.message


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sign_writes_the_archive_commits_and_tags(sample_repo: GitRepo) -> None:
    done = sign(sample_repo.root, Settings(), SAMPLE_ID, DATE, render=fake_pdf)
    root = sample_repo.root

    living = (root / SAMPLE_PATH).read_bytes()
    assert (root / SIGNED / "v1.yaml").read_bytes() == living
    assert sample_repo.git("show", f"HEAD:{SAMPLE_PATH}").encode() == living
    assert (root / SIGNED / "v1.pdf").read_bytes().startswith(b"%PDF")
    manifest = parse_manifest((root / SIGNED / "manifest.yaml").read_bytes())
    assert manifest.agreement == SAMPLE_ID
    [entry] = manifest.signed
    # signing pins the newest template version
    assert (entry.version, entry.date, entry.template) == (1, DATE, "it-service-sla@3")
    assert entry.files == {
        "v1.yaml": sha256(root / SIGNED / "v1.yaml"),
        "v1.pdf": sha256(root / SIGNED / "v1.pdf"),
    }
    assert sample_repo.git("log", "-1", "--format=%s|%an").strip() == (
        f"Sign {SAMPLE_ID} v1 (2024-03-15)|{AUTHOR}"
    )
    assert sample_repo.git("status", "--porcelain") == ""
    assert sorted(sample_repo.git("show", "--name-only", "--format=", "HEAD").split()) == sorted(
        [SAMPLE_PATH, f"{SIGNED}/manifest.yaml", f"{SIGNED}/v1.pdf", f"{SIGNED}/v1.yaml"]
    )
    assert sample_repo.git("cat-file", "-t", f"{SAMPLE_ID}/v1").strip() == "tag"
    assert sample_repo.git("rev-parse", f"{SAMPLE_ID}/v1^{{commit}}").strip() == done.commit
    assert (done.version, done.tag) == (1, f"{SAMPLE_ID}/v1")


def test_sign_edits_only_status_date_and_template(sample_repo: GitRepo) -> None:
    before = unsigned_sample()
    signed(sample_repo)
    after = sample_repo.read(SAMPLE_PATH)

    expected = replace_once(before, "status: in_review", "status: signed")
    expected = replace_once(expected, "template: it-service-sla\n", "template: it-service-sla@3\n")
    expected = replace_once(expected, "dates:\n", "dates:\n  signed: 2024-03-15\n")
    assert after == expected
    assert after.startswith("# yaml-language-server:")  # the comment stays


def test_sign_commits_only_its_own_files(sample_repo: GitRepo) -> None:
    sample_repo.write({"README.md": "staged, not signed\n"})
    sample_repo.git("add", "README.md")
    signed(sample_repo)
    assert "README.md" not in sample_repo.git("show", "--name-only", "--format=", "HEAD")
    assert sample_repo.git("status", "--porcelain") == "A  README.md\n"


def test_the_date_defaults_to_today(sample_repo: GitRepo) -> None:
    text = replace_once(unsigned_sample(), "effective: 2024-04-01", "effective: 2099-01-01")
    sample_repo.commit("Later start", {SAMPLE_PATH: text})
    signed(sample_repo, None)
    manifest = parse_manifest((sample_repo.root / SIGNED / "manifest.yaml").read_bytes())
    assert manifest.signed[0].date == dt.date.today()


def test_a_second_signature_needs_a_raised_version(sample_repo: GitRepo) -> None:
    signed(sample_repo)
    assert refusal(sample_repo) == (
        f"cannot sign {SAMPLE_ID}: version 1 is already signed (signed/v1.yaml); "
        "raise `version` in agreement.yaml to sign an amendment"
    )
    text = replace_once(sample_repo.read(SAMPLE_PATH), "version: 1", "version: 2")
    sample_repo.commit("Amendment", {SAMPLE_PATH: text})
    signed(sample_repo, dt.date(2024, 3, 20))

    manifest = parse_manifest((sample_repo.root / SIGNED / "manifest.yaml").read_bytes())
    assert [e.version for e in manifest.signed] == [1, 2]
    assert (sample_repo.root / SIGNED / "v1.yaml").read_text() != sample_repo.read(SAMPLE_PATH)
    assert sample_repo.git("tag", "--list").split() == [f"{SAMPLE_ID}/v1", f"{SAMPLE_ID}/v2"]


def test_refuses_uncommitted_changes(sample_repo: GitRepo) -> None:
    sample_repo.write({SAMPLE_PATH: unsigned_sample() + "# note\n"})
    assert refusal(sample_repo) == (
        f"cannot sign {SAMPLE_ID}: agreements/{SAMPLE_ID} has uncommitted changes; "
        "commit or stash them first"
    )


def test_refuses_untracked_files(sample_repo: GitRepo) -> None:
    sample_repo.write({f"{SIGNED}/v1.pdf": b"%PDF"})
    assert "has uncommitted changes" in refusal(sample_repo)


def test_refuses_an_invalid_agreement(sample_repo: GitRepo) -> None:
    text = replace_once(unsigned_sample(), "response: 15m", "response: 15M")
    sample_repo.commit("Typo", {SAMPLE_PATH: text})
    assert refusal(sample_repo) == (
        f"cannot sign {SAMPLE_ID}: agreement.yaml has 1 error; "
        f"run `sitegen validate agreements/{SAMPLE_ID}/agreement.yaml`"
    )


def test_refuses_a_signature_that_would_not_validate(sample_repo: GitRepo) -> None:
    message = refusal(sample_repo, dt.date(2024, 5, 1))
    assert message.startswith(  # the rest is the lint rule's own advice
        f"cannot sign {SAMPLE_ID}: signed, it would not validate: "
        f"agreements/{SAMPLE_ID}/agreement.yaml:23:11: SG501 dates.signed: signed on 2024-05-01"
    )
    assert sample_repo.git("status", "--porcelain") == ""
    assert sample_repo.git("status", "--porcelain") == ""


def test_refuses_a_lower_version(sample_repo: GitRepo) -> None:
    # an archive signed before versions had to be consecutive: v3 alone
    entry = Entry(version=3, date=DATE, template="it-service-sla@1", files={"v3.yaml": "a" * 64})
    listed = render_manifest(Manifest(agreement=SAMPLE_ID, signed=[entry]))
    sample_repo.commit("Archive of v3", {f"{SIGNED}/manifest.yaml": listed})
    text = replace_once(sample_repo.read(SAMPLE_PATH), "version: 1", "version: 2")
    sample_repo.commit("Version 2", {SAMPLE_PATH: text})
    assert refusal(sample_repo) == (
        f"cannot sign {SAMPLE_ID}: version 2 is lower than the last signed version 3"
    )


def test_refuses_to_skip_a_version(sample_repo: GitRepo) -> None:
    text = replace_once(unsigned_sample(), "version: 1", "version: 3")
    sample_repo.commit("Version 3", {SAMPLE_PATH: text})
    assert refusal(sample_repo) == (
        f"cannot sign {SAMPLE_ID}: version 3 would skip v1: signed versions are consecutive; "
        "set `version: 1` in agreement.yaml"
    )


def test_refuses_when_the_tag_exists(sample_repo: GitRepo) -> None:
    sample_repo.tag(f"{SAMPLE_ID}/v1")
    assert refusal(sample_repo) == f"cannot sign {SAMPLE_ID}: tag {SAMPLE_ID}/v1 already exists"


def test_refuses_an_unknown_agreement(sample_repo: GitRepo) -> None:
    with pytest.raises(UserError) as caught:
        sign(sample_repo.root, Settings(), "SLA-2099-001", DATE, render=fake_pdf)
    assert caught.value.message == (
        "unknown agreement SLA-2099-001: no agreements/SLA-2099-001/agreement.yaml"
    )


def test_nothing_is_written_when_the_pdf_fails(sample_repo: GitRepo) -> None:
    def broken(agreement: Agreement, root: Path, settings: Settings, binding: Binding) -> bytes:
        raise UserError("typst: font not found")

    head = sample_repo.head()
    with pytest.raises(UserError) as caught:
        sign(sample_repo.root, Settings(), SAMPLE_ID, DATE, render=broken)
    assert caught.value.message == (
        f"cannot sign {SAMPLE_ID}: the PDF could not be made: typst: font not found"
    )
    assert sample_repo.head() == head
    assert sample_repo.git("status", "--porcelain", "--untracked-files=all", "--ignored") == ""


def test_a_failed_commit_puts_everything_back(
    sample_repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_AUTHOR_NAME", "")  # git refuses an empty identity
    head = sample_repo.head()
    message = refusal(sample_repo)
    assert message.startswith(f"cannot sign {SAMPLE_ID}: git commit failed, nothing was changed:")
    assert sample_repo.head() == head
    assert sample_repo.git("status", "--porcelain", "--untracked-files=all") == ""
    assert sample_repo.read(SAMPLE_PATH) == unsigned_sample()
    assert sample_repo.git("tag", "--list") == ""


def test_write_all_is_all_or_nothing(tmp_path: Path) -> None:
    (tmp_path / "kept.txt").write_text("before")
    (tmp_path / "blocker").write_text("a file where a folder should be")
    with pytest.raises(OSError):
        write_all({tmp_path / "kept.txt": b"after", tmp_path / "blocker" / "x.txt": b"x"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker", "kept.txt"]
    assert (tmp_path / "kept.txt").read_text() == "before"


def test_write_all_can_be_undone(tmp_path: Path) -> None:
    (tmp_path / "kept.txt").write_text("before")
    undo = write_all({tmp_path / "kept.txt": b"after", tmp_path / "new.txt": b"new"})
    assert (tmp_path / "kept.txt").read_text() == "after"
    undo()
    assert [p.name for p in tmp_path.iterdir()] == ["kept.txt"]
    assert (tmp_path / "kept.txt").read_text() == "before"


# --- attach ---------------------------------------------------------------------------


def test_attach_archives_the_scan(sample_repo: GitRepo, tmp_path: Path) -> None:
    signed(sample_repo)
    scan = tmp_path / "Executed copy.PDF"
    scan.write_bytes(b"%PDF scanned with seals")

    done = attach(sample_repo.root, Settings(), SAMPLE_ID, "v1", scan)

    archived = sample_repo.root / SIGNED / "v1-scan.pdf"
    assert archived.read_bytes() == scan.read_bytes()
    entry = parse_manifest((sample_repo.root / SIGNED / "manifest.yaml").read_bytes()).signed[0]
    assert entry.files["v1-scan.pdf"] == sha256(archived)
    assert entry.scan == "v1-scan.pdf"
    assert sample_repo.git("log", "-1", "--format=%s").strip() == (
        f"Attach the signed scan of {SAMPLE_ID} v1"
    )
    assert done.commit == sample_repo.head()
    assert sample_repo.git("status", "--porcelain") == ""


@pytest.mark.parametrize(
    ("version", "name", "message"),
    [
        (
            "v2",
            "scan.pdf",
            f"cannot attach to {SAMPLE_ID} v2: v2 is not signed (signed versions: v1)",
        ),
        (
            "two",
            "scan.pdf",
            f"cannot attach to {SAMPLE_ID} two: 'two' is not a version: write it as v1, v2, …",
        ),
        (
            "v1",
            "scan.docx",
            f"cannot attach to {SAMPLE_ID} v1: scan.docx is not a scan: the file must end in "
            ".pdf, .png, .jpg, .jpeg, .tif, .tiff",
        ),
    ],
)
def test_attach_refusals(
    sample_repo: GitRepo, tmp_path: Path, version: str, name: str, message: str
) -> None:
    signed(sample_repo)
    scan = tmp_path / name
    scan.write_bytes(b"scan")
    with pytest.raises(UserError) as caught:
        attach(sample_repo.root, Settings(), SAMPLE_ID, version, scan)
    assert caught.value.message == message


def test_a_scan_is_attached_once(sample_repo: GitRepo, tmp_path: Path) -> None:
    signed(sample_repo)
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"png")
    attach(sample_repo.root, Settings(), SAMPLE_ID, "v1", scan)
    with pytest.raises(UserError) as caught:
        attach(sample_repo.root, Settings(), SAMPLE_ID, "1", scan)
    assert caught.value.message == (
        f"cannot attach to {SAMPLE_ID} 1: v1 already has a scan (v1-scan.png); "
        "the archive is append-only"
    )


def test_attach_before_any_signature(sample_repo: GitRepo, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"scan")
    with pytest.raises(UserError) as caught:
        attach(sample_repo.root, Settings(), SAMPLE_ID, "v1", scan)
    assert caught.value.message == (
        f"cannot attach to {SAMPLE_ID} v1: v1 is not signed (signed versions: none)"
    )


# --- the commands -----------------------------------------------------------------------


def test_sign_command(sample_repo: GitRepo) -> None:
    result = CliRunner().invoke(sign_command, [SAMPLE_ID, "--date", "2024-03-15"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"wrote agreements/{SAMPLE_ID}/agreement.yaml",
        f"wrote {SIGNED}/v1.yaml",
        f"wrote {SIGNED}/v1.pdf",
        f"wrote {SIGNED}/manifest.yaml",
        f"committed {sample_repo.head()[:12]} and tagged {SAMPLE_ID}/v1",
    ]


def test_sign_command_refusal_exits_2(sample_repo: GitRepo) -> None:
    sample_repo.write({SAMPLE_PATH: "changed\n"})
    result = CliRunner().invoke(sign_command, [SAMPLE_ID, "--date", "2024-03-15"])
    assert result.exit_code == 2
    assert result.output == (
        f"Error: cannot sign {SAMPLE_ID}: agreements/{SAMPLE_ID} has uncommitted changes; "
        "commit or stash them first\n"
    )


def test_sign_command_rejects_a_bad_date(sample_repo: GitRepo) -> None:
    result = CliRunner().invoke(sign_command, [SAMPLE_ID, "--date", "15.03.2024"])
    assert result.exit_code == 2
    assert "'15.03.2024' does not match the format '%Y-%m-%d'" in result.output


def test_attach_command(sample_repo: GitRepo, tmp_path: Path) -> None:
    signed(sample_repo)
    scan = tmp_path / "scan.jpg"
    scan.write_bytes(b"jpeg")
    result = CliRunner().invoke(attach_command, [SAMPLE_ID, "v1", str(scan)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"wrote {SIGNED}/v1-scan.jpg",
        f"wrote {SIGNED}/manifest.yaml",
        f"committed {sample_repo.head()[:12]}",
    ]


# --- the real PDF -----------------------------------------------------------------------


@pytest.mark.slow
def test_the_real_pdf_is_archived_and_reproducible(sample_repo: GitRepo) -> None:
    from sitegen.versions.publish import signed_pdf

    sign(sample_repo.root, Settings(), SAMPLE_ID, DATE)
    archived = (sample_repo.root / SIGNED / "v1.pdf").read_bytes()
    assert archived.startswith(b"%PDF")
    assert b"pdfaid:part" in archived  # PDF/A metadata
    from sitegen.load import load_agreement

    yaml = (sample_repo.root / SIGNED / "v1.yaml").read_bytes()
    agreement = load_agreement(sample_repo.root / SIGNED / "v1.yaml").agreement
    assert agreement is not None
    binding = Binding(SAMPLE_ID, 1, hashlib.sha256(yaml).hexdigest())
    assert read_binding(archived) == binding  # the PDF names the YAML it renders
    assert signed_pdf(agreement, sample_repo.root, Settings(), binding) == archived


def test_attach_refuses_a_scan_that_is_a_link(sample_repo: GitRepo, tmp_path: Path) -> None:
    signed(sample_repo)
    scan = tmp_path / "scan.pdf"
    scan.symlink_to("/etc/passwd")
    with pytest.raises(UserError) as caught:
        attach(sample_repo.root, Settings(), SAMPLE_ID, "v1", scan)
    assert caught.value.message == (
        f"{scan}: SG111 is a symbolic link: sitegen reads only regular files, never what a "
        "link points at"
    )
