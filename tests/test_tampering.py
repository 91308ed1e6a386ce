"""The tampering corpus: every kind of tampering with a signed archive that git can witness.

One real repository is made once: SLA-2024-001 signed as v1 and v2 by a real `sitegen sign`
(real Typst PDFs, bound to their YAML), and SLA-2024-002 with a v1 archived before the
binding existed plus a v2 signed now. Each kind is tried on a copy, on a pull-request
branch, and `sitegen validate --history` must print exactly the expected findings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitegen.load.config import Settings
from sitegen.render.binding import Binding
from sitegen.versions.archive import Entry, parse_manifest, render_manifest
from sitegen.versions.sign import sign
from tests.gitrepo import (
    SAMPLE_ID,
    SAMPLE_PATH,
    GitRepo,
    change_branch,
    sample_repository,
    validate_history,
)
from tests.helpers import REPO, minimal_pdf, replace_once

OTHER = "SLA-2024-002"
SIGNED = f"agreements/{SAMPLE_ID}/signed"
MANIFEST = f"{SIGNED}/manifest.yaml"
OTHER_SIGNED = f"agreements/{OTHER}/signed"
OTHER_PATH = f"agreements/{OTHER}/agreement.yaml"
V1, V2 = dt.date(2024, 3, 15), dt.date(2024, 3, 20)
LATER = dt.date(2024, 3, 25)


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The signed repository every kind starts from (main holds all of it)."""
    root = tmp_path_factory.mktemp("origin") / "repo"
    with pytest.MonkeyPatch.context() as patch:
        repo = sample_repository(root, patch)
        shutil.copytree(REPO / "agreements" / OTHER, root / "agreements" / OTHER)
        repo.commit(f"Add {OTHER}, signed before PDFs were bound")
        sign(root, Settings(), SAMPLE_ID, V1)
        text = replace_once(repo.read(SAMPLE_PATH), "version: 1\n", "version: 2\n")
        repo.commit("Amend", {SAMPLE_PATH: replace_once(text, "response: 15m", "response: 10m")})
        sign(root, Settings(), SAMPLE_ID, V2)
        other = replace_once(repo.read(OTHER_PATH), "version: 1\n", "version: 2\n")
        repo.commit(f"Amend {OTHER}", {OTHER_PATH: other})
        sign(root, Settings(), OTHER)
    return root


@pytest.fixture
def repo(origin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    return change_branch(origin, tmp_path, monkeypatch)


def validate() -> tuple[int, list[str]]:
    return validate_history()


def test_the_signed_repository_passes(repo: GitRepo) -> None:
    assert validate() == (0, [])


# --- helpers the kinds use ---------------------------------------------------------------


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def base(repo: GitRepo) -> str:
    return f"the merge base with main ({repo.git('rev-parse', 'main').strip()[:12]})"


def entry_at(repo: GitRepo, version: int, manifest: str = MANIFEST) -> str:
    """`path:line:1` of a manifest entry, as findings name it."""
    line = repo.read(manifest).splitlines().index(f"  - version: {version}") + 1
    return f"{manifest}:{line}:1"


def forge(
    repo: GitRepo,
    version: int,
    date: dt.date,
    *,
    edits: tuple[tuple[str, str], ...] = (),
    pdf: bytes | None = None,
    bound: bool = True,
    tag: bool = True,
    pdf_name: str | None = None,
) -> None:
    """What a forger who knows every rule can do by hand: a new version's YAML (v2's with
    the version and date changed), a PDF bound to it, the entry, the living file, a tag."""
    text = replace_once(repo.read(f"{SIGNED}/v2.yaml"), "version: 2\n", f"version: {version}\n")
    text = replace_once(text, f"  signed: {V2}\n", f"  signed: {date}\n")
    for old, new in edits:
        text = replace_once(text, old, new)
    data = text.encode()
    keyword = Binding(SAMPLE_ID, version, sha(data)).keyword
    files = {
        f"v{version}.yaml": data,
        pdf_name or f"v{version}.pdf": minimal_pdf(f"v{version}", [keyword])
        if pdf is None
        else pdf,
    }
    manifest = parse_manifest((repo.root / MANIFEST).read_bytes())
    hashes = {name: sha(content) for name, content in files.items()}
    pinned = manifest.signed[-1].template  # the version v2 was signed with
    entry = Entry(version=version, date=date, template=pinned, files=hashes, bound=bound)
    listed = render_manifest(manifest.model_copy(update={"signed": [*manifest.signed, entry]}))
    written: dict[str, str | bytes] = {
        f"{SIGNED}/{name}": content for name, content in files.items()
    }
    repo.commit(f"Sign v{version}", {**written, SAMPLE_PATH: text, MANIFEST: listed})
    if tag:
        repo.tag(f"{SAMPLE_ID}/v{version}", "HEAD", "signed")


def living_version(repo: GitRepo, old: str, new: str, crlf: bool = False) -> None:
    text = replace_once(repo.read(SAMPLE_PATH), old, new)
    data = text.replace("\n", "\r\n").encode() if crlf else text.encode()
    repo.commit("Edit the living agreement", {SAMPLE_PATH: data})


def link(repo: GitRepo, path: str, target: str) -> None:
    (repo.root / path).unlink(missing_ok=True)
    (repo.root / path).symlink_to(target)


# --- the kinds ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    name: str
    tamper: Callable[[GitRepo], list[str]]  # does it; returns the exact lines expected
    new: bool = True  # False: caught before the archive checks of issue 10


KINDS: list[Kind] = []


def kind(new: bool = True) -> Callable[[Callable[[GitRepo], list[str]]], Callable[..., list[str]]]:
    def register(tamper: Callable[[GitRepo], list[str]]) -> Callable[..., list[str]]:
        KINDS.append(Kind(tamper.__name__, tamper, new))
        return tamper

    return register


SG905 = (
    "not recorded in manifest.yaml: only `sitegen sign` and `sitegen attach` add files to "
    "the archive"
)
FIFO = "the file is a FIFO (named pipe), not a regular file: sitegen reads only regular files"
LINK = "the file is a symbolic link: sitegen reads only regular files, never what a link points at"
GIT_LINK = "stored in git as a symbolic link (mode 120000): an archived file must be a regular file"


# The kinds caught before: the files against the manifest and the base, tags, the living file.


@kind(new=False)
def changed_signed_yaml(repo: GitRepo) -> list[str]:
    old = (repo.root / SIGNED / "v1.yaml").read_bytes()
    new = old.replace(b"response: 15m", b"response: 5m")
    repo.commit("Fix v1", {f"{SIGNED}/v1.yaml": new})
    return [
        f"{SIGNED}/v1.yaml:1:1: SG901 archived file changed since {base(repo)}: signed files "
        "are append-only; restore it and raise `version` to sign an amendment",
        f"{SIGNED}/v1.yaml:1:1: SG903 SHA-256 differs from the manifest (recorded "
        f"{sha(old)[:12]}…, file {sha(new)[:12]}…): the file was changed after signing",
    ]


@kind(new=False)
def deleted_pdf(repo: GitRepo) -> list[str]:
    repo.remove(f"{SIGNED}/v2.pdf")
    repo.commit("Remove v2.pdf")
    return [
        f"{SIGNED}/v2.pdf:1:1: SG902 archived file deleted since {base(repo)}: signed files "
        "are append-only; restore it",
        f"{SIGNED}/v2.pdf:1:1: SG904 missing: manifest.yaml lists it for v2",
    ]


@kind(new=False)
def backdated_entry(repo: GitRepo) -> list[str]:
    text = replace_once(repo.read(MANIFEST), f"date: {V1}", "date: 2024-03-01")
    repo.commit("Backdate v1", {MANIFEST: text})
    return [
        f"{entry_at(repo, 1)}: SG906 manifest entry for v1 was altered since {base(repo)}: "
        "entries are append-only",
        f"{SIGNED}/v1.yaml:1:1: SG917 not {SAMPLE_ID} v1 as signed on 2024-03-01: its signing "
        f"date is {V1}",
    ]


@kind(new=False)
def removed_entry(repo: GitRepo) -> list[str]:
    manifest = parse_manifest((repo.root / MANIFEST).read_bytes())
    shorter = manifest.model_copy(update={"signed": manifest.signed[:1]})
    repo.commit("Forget v2", {MANIFEST: render_manifest(shorter)})
    return [
        f"{MANIFEST}:1:1: SG907 manifest entry for v2 was removed since {base(repo)}: entries "
        "are append-only",
        f"{MANIFEST}:1:1: SG912 tag {SAMPLE_ID}/v2 names v2, which manifest.yaml does not list",
        f"{SIGNED}/v2.pdf:1:1: SG905 {SG905}",
        f"{SIGNED}/v2.yaml:1:1: SG905 {SG905}",
    ]


@kind(new=False)
def unreadable_manifest(repo: GitRepo) -> list[str]:
    text = replace_once(repo.read(MANIFEST), "version: 2", "version: two")
    repo.commit("Break the manifest", {MANIFEST: text})
    line = text.splitlines().index("  - version: two") + 1
    return [
        f"{MANIFEST}:{line}:1: SG908 manifest cannot be read: signed.1.version: Input should "
        "be a valid integer",
    ]


@kind(new=False)
def unrecorded_file(repo: GitRepo) -> list[str]:
    repo.commit("Add a PDF", {f"{SIGNED}/v3.pdf": b"%PDF"})
    return [f"{SIGNED}/v3.pdf:1:1: SG905 {SG905}"]


@kind(new=False)
def moved_tag(repo: GitRepo) -> list[str]:
    repo.tag(f"{SAMPLE_ID}/v1", f"{SAMPLE_ID}/v2^{{commit}}", "moved")
    # v1.pdf is the same in v2's commit: the agreement there is v2, not what v1 signed
    return [
        f"{SIGNED}/v1.yaml:1:1: SG909 tag {SAMPLE_ID}/v1 points at content that differs from "
        "the archive: a signed tag must not move"
    ]


@kind(new=False)
def tag_for_a_version_never_signed(repo: GitRepo) -> list[str]:
    repo.tag(f"{SAMPLE_ID}/v7", "HEAD", "never signed")
    return [f"{MANIFEST}:1:1: SG912 tag {SAMPLE_ID}/v7 names v7, which manifest.yaml does not list"]


@kind(new=False)
def living_version_lowered(repo: GitRepo) -> list[str]:
    living_version(repo, "version: 2\n", "version: 1\n")
    return [
        f"{SAMPLE_PATH}:3:10: SG910 version 1 is lower than the last signed version 2: "
        "version numbers never go back",
    ]


@kind(new=False)
def living_term_changed_keeping_the_version(repo: GitRepo) -> list[str]:
    living_version(repo, "response: 10m", "response: 30m")
    return [
        f"{SAMPLE_PATH}:3:10: SG911 differs from signed/v2.yaml but keeps version 2: raise "
        "`version` to amend a signed agreement",
    ]


# The version of the living file, however YAML writes it (a line pattern missed all six).

LOWERED = "SG910 version 1 is lower than the last signed version 2: version numbers never go back"


@kind()
def version_with_crlf_line_ends(repo: GitRepo) -> list[str]:
    living_version(repo, "version: 2\n", "version: 1\n", crlf=True)
    return [f"{SAMPLE_PATH}:3:10: {LOWERED}"]


@kind()
def version_as_a_quoted_key(repo: GitRepo) -> list[str]:
    living_version(repo, "version: 2\n", '"version": 1\n')
    return [f"{SAMPLE_PATH}:3:12: {LOWERED}"]


@kind()
def version_with_a_space_before_the_colon(repo: GitRepo) -> list[str]:
    living_version(repo, "version: 2\n", "version : 1\n")
    return [f"{SAMPLE_PATH}:3:11: {LOWERED}"]


@kind()
def version_with_an_int_tag(repo: GitRepo) -> list[str]:
    living_version(repo, "version: 2\n", "version: !!int 1\n")
    return [f"{SAMPLE_PATH}:3:10: {LOWERED}"]


@kind()
def version_in_hexadecimal(repo: GitRepo) -> list[str]:
    living_version(repo, "version: 2\n", "version: 0x1\n")
    # YAML 1.2 reads only decimal numbers: 0x1 is text, refused where it is read
    return [f"{SAMPLE_PATH}:3:10: SG203 version: Input should be a valid integer (found '0x1')"]


@kind()
def version_on_the_next_line(repo: GitRepo) -> list[str]:
    living_version(repo, "version: 2\n", "version:\n  1\n")
    return [f"{SAMPLE_PATH}:4:3: {LOWERED}"]


# Entries added by hand, each made to break exactly one rule.


@kind()
def v4_without_v3(repo: GitRepo) -> list[str]:
    forge(repo, 4, LATER)
    return [
        f"{entry_at(repo, 4)}: SG915 v4 follows v2: signed versions are consecutive (expected v3)"
    ]


@kind()
def v3_dated_before_v2(repo: GitRepo) -> list[str]:
    forge(repo, 3, dt.date(2024, 3, 16))
    return [
        f"{entry_at(repo, 3)}: SG916 v3 is dated 2024-03-16, before v2 ({V2}): signing dates "
        "never go back"
    ]


@kind()
def draft_yaml_without_a_signing_date(repo: GitRepo) -> list[str]:
    forge(repo, 3, LATER, edits=(("status: signed", "status: draft"), (f"  signed: {LATER}\n", "")))
    return [
        f"{SIGNED}/v3.yaml:1:1: SG917 not {SAMPLE_ID} v3 as signed on {LATER}: its status is "
        "draft; its signing date is missing"
    ]


@kind()
def yaml_of_another_agreement(repo: GitRepo) -> list[str]:
    forge(repo, 3, LATER, edits=((f"id: {SAMPLE_ID}", f"id: {OTHER}"),))
    twice = "every agreement needs its own ID; give one of them the next free number"
    return [
        f"{SIGNED}/v3.yaml:1:1: SG917 not {SAMPLE_ID} v3 as signed on {LATER}: its id is {OTHER}",
        # the forger wrote it into the living file too, as `sitegen sign` would have
        f"{SAMPLE_PATH}:2:5: SG801 id: the ID is {OTHER} but the file is in the folder "
        f"{SAMPLE_ID}/: rename the folder to {OTHER}/ or correct the ID",
        f"{SAMPLE_PATH}:2:5: SG803 id: {OTHER} is also the ID of {OTHER_PATH}: {twice}",
        f"{OTHER_PATH}:2:5: SG803 id: {OTHER} is also the ID of {SAMPLE_PATH}: {twice}",
    ]


@kind()
def pdf_of_the_version_before(repo: GitRepo) -> list[str]:
    pdf = (repo.root / SIGNED / "v2.pdf").read_bytes()
    forge(repo, 3, LATER, pdf=pdf)
    yaml = sha((repo.root / SIGNED / "v3.yaml").read_bytes())
    v2 = sha((repo.root / SIGNED / "v2.yaml").read_bytes())
    return [
        f"{SIGNED}/v3.pdf:1:1: SG919 not bound to v3.yaml: the PDF is bound to {SAMPLE_ID} v2 "
        f"(YAML {v2[:12]}…), not {SAMPLE_ID} v3 (YAML {yaml[:12]}…)"
    ]


@kind()
def pdf_of_another_agreement(repo: GitRepo) -> list[str]:
    pdf = (repo.root / OTHER_SIGNED / "v2.pdf").read_bytes()
    forge(repo, 3, LATER, pdf=pdf)
    yaml = sha((repo.root / SIGNED / "v3.yaml").read_bytes())
    other = sha((repo.root / OTHER_SIGNED / "v2.yaml").read_bytes())
    return [
        f"{SIGNED}/v3.pdf:1:1: SG919 not bound to v3.yaml: the PDF is bound to {OTHER} v2 "
        f"(YAML {other[:12]}…), not {SAMPLE_ID} v3 (YAML {yaml[:12]}…)"
    ]


@kind()
def pdf_made_before_binding(repo: GitRepo) -> list[str]:
    pdf = (repo.root / OTHER_SIGNED / "v1.pdf").read_bytes()
    forge(repo, 3, LATER, pdf=pdf)
    return [
        f"{SIGNED}/v3.pdf:1:1: SG919 not bound to v3.yaml: the PDF has no sitegen binding in "
        "its XMP metadata"
    ]


@kind()
def pdf_that_is_no_pdf(repo: GitRepo) -> list[str]:
    forge(repo, 3, LATER, pdf=b"%PDF-1.7\n% not really\n")
    return [
        f"{SIGNED}/v3.pdf:1:1: SG919 not bound to v3.yaml: the PDF cannot be read as a PDF "
        "(PdfStreamError)"
    ]


@kind()
def entry_naming_another_versions_pdf(repo: GitRepo) -> list[str]:
    forge(repo, 3, LATER)
    manifest = parse_manifest((repo.root / MANIFEST).read_bytes())
    v3 = manifest.signed[2]
    v2_pdf = manifest.signed[1].files["v2.pdf"]
    files = {"v3.yaml": v3.files["v3.yaml"], "v2.pdf": v2_pdf}
    entries = [*manifest.signed[:2], v3.model_copy(update={"files": files})]
    repo.remove(f"{SIGNED}/v3.pdf")
    text = render_manifest(manifest.model_copy(update={"signed": entries}))
    repo.commit("v3 is v2's PDF", {MANIFEST: text})
    rule = "a version's files are v3.yaml, v3.pdf and at most one v3-scan"
    return [
        f"{entry_at(repo, 3)}: SG921 v3 lacks v3.pdf: {rule}",
        f"{entry_at(repo, 3)}: SG921 v3 lists v2.pdf: {rule}",
    ]


@kind()
def entry_claiming_the_old_format(repo: GitRepo) -> list[str]:
    forge(repo, 3, LATER, bound=False)
    return [
        f"{entry_at(repo, 3)}: SG920 v3 is not bound to its PDF (it follows the bound v2): "
        "only `sitegen sign` adds a signed version"
    ]


@kind()
def bound_entry_rewritten_as_old_format(repo: GitRepo) -> list[str]:
    manifest = f"{OTHER_SIGNED}/manifest.yaml"
    repo.commit("Unbind", {manifest: replace_once(repo.read(manifest), "    bound: true\n", "")})
    return [
        f"{entry_at(repo, 2, manifest)}: SG906 manifest entry for v2 was altered since "
        f"{base(repo)}: entries are append-only",
        f"{entry_at(repo, 2, manifest)}: SG920 v2 is not bound to its PDF (it was changed "
        f"since {base(repo)}): only `sitegen sign` adds a signed version",
    ]


@kind()
def old_format_entry_committed_on_main(repo: GitRepo) -> list[str]:
    repo.checkout("main")  # the base is HEAD itself: the forged entry is already there
    forge(repo, 3, LATER, bound=False)
    return [
        f"{entry_at(repo, 3)}: SG920 v3 is not bound to its PDF (it follows the bound v2): "
        "only `sitegen sign` adds a signed version"
    ]


@kind()
def changed_agreement_field(repo: GitRepo) -> list[str]:
    text = replace_once(repo.read(MANIFEST), f"agreement: {SAMPLE_ID}", f"agreement: {OTHER}")
    repo.commit("Rename", {MANIFEST: text})
    return [f"{MANIFEST}:3:1: SG914 agreement: {OTHER} is not this folder's agreement {SAMPLE_ID}"]


@kind()
def deleted_tag(repo: GitRepo) -> list[str]:
    repo.git("tag", "--delete", f"{SAMPLE_ID}/v2")
    return [
        f"{entry_at(repo, 2)}: SG918 no tag {SAMPLE_ID}/v2 for v2: a signed version keeps its "
        "signing tag (a deleted tag cannot be told from an entry added by hand)"
    ]


# Links and special files, on disk and in git.


@kind()
def scan_linked_to_a_system_file(repo: GitRepo) -> list[str]:
    target = Path("/etc/passwd")
    manifest = parse_manifest((repo.root / MANIFEST).read_bytes())
    v2 = manifest.signed[1]
    files = {**v2.files, "v2-scan.pdf": sha(target.read_bytes())}
    entries = [manifest.signed[0], v2.model_copy(update={"files": files})]
    repo.write({MANIFEST: render_manifest(manifest.model_copy(update={"signed": entries}))})
    link(repo, f"{SIGNED}/v2-scan.pdf", str(target))
    repo.commit("Attach a scan")
    return [
        f"{SIGNED}/v2-scan.pdf:1:1: SG111 {LINK}",
        f"{SIGNED}/v2-scan.pdf:1:1: SG913 {GIT_LINK}",
    ]


@kind()
def pdf_linked_to_dev_zero(repo: GitRepo) -> list[str]:
    link(repo, f"{SIGNED}/v2.pdf", "/dev/zero")
    repo.commit("Link the PDF")
    return [
        f"{SIGNED}/v2.pdf:1:1: SG111 {LINK}",
        f"{SIGNED}/v2.pdf:1:1: SG901 archived file changed since {base(repo)}: signed files "
        "are append-only; restore it and raise `version` to sign an amendment",
        f"{SIGNED}/v2.pdf:1:1: SG913 {GIT_LINK}",
    ]


@kind()
def pdf_replaced_by_a_fifo(repo: GitRepo) -> list[str]:
    (repo.root / SIGNED / "v2.pdf").unlink()
    os.mkfifo(repo.root / SIGNED / "v2.pdf")
    return [
        f"{SIGNED}/v2.pdf:1:1: SG111 {FIFO}",
        f"{SIGNED}/v2.pdf:1:1: SG901 archived file changed since {base(repo)}: signed files "
        "are append-only; restore it and raise `version` to sign an amendment",
    ]


@kind()
def agreement_linked_outside_the_repository(repo: GitRepo) -> list[str]:
    outside = repo.root.parent / "elsewhere.yaml"
    outside.write_bytes((repo.root / SAMPLE_PATH).read_bytes())
    link(repo, SAMPLE_PATH, str(outside))
    repo.commit("Link the agreement")
    return [f"{SAMPLE_PATH}:1:1: SG111 {LINK}"]


@kind()
def agreement_linked_to_dev_zero(repo: GitRepo) -> list[str]:
    link(repo, SAMPLE_PATH, "/dev/zero")
    repo.commit("Link the agreement")
    return [f"{SAMPLE_PATH}:1:1: SG111 {LINK}"]


@kind()
def agreement_replaced_by_a_fifo(repo: GitRepo) -> list[str]:
    (repo.root / SAMPLE_PATH).unlink()
    os.mkfifo(repo.root / SAMPLE_PATH)
    return [f"{SAMPLE_PATH}:1:1: SG111 {FIFO}"]


@kind()
def agreement_folder_linked_outside_the_repository(repo: GitRepo) -> list[str]:
    outside = repo.root.parent / "elsewhere"
    outside.mkdir()
    (outside / "agreement.yaml").write_bytes((repo.root / OTHER_PATH).read_bytes())
    link(repo, "agreements/SLA-2099-777", str(outside))
    repo.commit("Link an agreement folder")
    return [f"agreements/SLA-2099-777:1:1: SG111 the folder {LINK[9:]}"]


@kind()
def manifest_with_a_direction_control(repo: GitRepo) -> list[str]:
    text = replace_once(
        repo.read(MANIFEST), f"agreement: {SAMPLE_ID}", "agreement: \u202e" + SAMPLE_ID
    )
    repo.commit("Hide a control in the manifest", {MANIFEST: text})
    return [
        f"{MANIFEST}:3:1: SG908 manifest cannot be read: U+202E RIGHT-TO-LEFT OVERRIDE is a "
        "direction control (it changes the order the text is shown in): remove it"
    ]


@kind()
def archive_folder_linked_to_another(repo: GitRepo) -> list[str]:
    repo.remove(OTHER_SIGNED)
    link(repo, OTHER_SIGNED, "../" + SAMPLE_ID + "/signed")
    repo.commit("Share an archive")
    deleted = "signed files are append-only; restore it"
    return [
        f"{OTHER_SIGNED}:1:1: SG111 the folder is a symbolic link: an archive is a folder of "
        "its own, never a link",
        *(
            f"{OTHER_SIGNED}/{name}:1:1: SG902 archived file deleted since {base(repo)}: {deleted}"
            for name in ("manifest.yaml", "v1.pdf", "v1.yaml", "v2.pdf", "v2.yaml")
        ),
        f"{OTHER_SIGNED}/manifest.yaml:1:1: SG912 tag {OTHER}/v2 names v2, which manifest.yaml "
        "does not list",
    ]


@kind()
def pdf_stored_in_git_as_a_link(repo: GitRepo) -> list[str]:
    blob = repo.git("hash-object", "-w", f"{SIGNED}/v2.pdf").strip()
    repo.git("update-index", "--cacheinfo", f"120000,{blob},{SIGNED}/v2.pdf")
    repo.git("commit", "--quiet", "-m", "Store the PDF as a link")
    return [f"{SIGNED}/v2.pdf:1:1: SG913 {GIT_LINK}"]


@kind()
def template_linked_outside_the_repository(repo: GitRepo) -> list[str]:
    # The sample is signed on the newest version (v3), the other agreement pins v1.
    refused = {}
    for version in (1, 3):
        path = f"templates/it-service-sla/v{version}/template.yaml"
        outside = repo.root.parent / f"template-v{version}.yaml"
        outside.write_bytes((repo.root / path).read_bytes())
        link(repo, path, str(outside))
        refused[version] = (
            f"template: the template cannot be read: {repo.root / path}: SG111 the template "
            f"manifest {LINK.removeprefix('the file ')}"
        )
    repo.commit("Link the templates")
    return [f"{SAMPLE_PATH}:5:11: SG804 {refused[3]}", f"{OTHER_PATH}:5:11: SG804 {refused[1]}"]


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_each_kind_of_tampering_is_caught(repo: GitRepo, kind: Kind) -> None:
    expected = kind.tamper(repo)
    code, lines = validate()
    assert sorted(lines) == sorted(expected)
    assert code == 1


def test_the_corpus_counts() -> None:
    """The figures the README's reliability section quotes."""
    assert (len(KINDS), sum(not k.new for k in KINDS)) == (41, 10)
