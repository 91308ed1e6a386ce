"""Addressing versions: ID (working tree), ID@REV (git), ID@vN (signed archive)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.errors import UserError
from sitegen.load.config import Settings
from sitegen.versions import load_version, parse_spec, resolve
from tests.gitrepo import SAMPLE_ID, SAMPLE_PATH, GitRepo, sample_repository
from tests.helpers import replace_once


@pytest.fixture
def sample_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    return sample_repository(tmp_path / "repo", monkeypatch)


SIGNED = f"agreements/{SAMPLE_ID}/signed"


@pytest.fixture
def repo(sample_repo: GitRepo) -> GitRepo:
    """The sample at three commits (tagged first, a branch at the second), v1 archived."""
    text = sample_repo.read(SAMPLE_PATH)
    sample_repo.tag("first")
    second = replace_once(text, "response: 15m", "response: 10m")
    sample_repo.commit("Faster P1 response", {SAMPLE_PATH: second})
    sample_repo.branch("review")
    third = replace_once(second, "version: 1", "version: 2")
    sample_repo.commit("Version 2", {SAMPLE_PATH: third, f"{SIGNED}/v1.yaml": text})
    sample_repo.write({SAMPLE_PATH: replace_once(third, "resolution: 4h", "resolution: 2h")})
    return sample_repo


def test_plain_id_is_the_working_tree(repo: GitRepo) -> None:
    version = resolve(SAMPLE_ID, repo.root, Settings())
    assert "resolution: 2h" in version.text
    assert version.label == f"{SAMPLE_ID} (working tree)"
    assert version.path == repo.root / SAMPLE_PATH


@pytest.mark.parametrize(
    ("revision", "response"),
    [("first", "15m"), ("review", "10m"), ("HEAD", "10m"), ("HEAD~2", "15m")],
)
def test_at_revision_is_the_file_at_that_revision(
    repo: GitRepo, revision: str, response: str
) -> None:
    version = resolve(f"{SAMPLE_ID}@{revision}", repo.root, Settings())
    assert f"response: {response}" in version.text
    assert "resolution: 2h" not in version.text
    assert version.label == f"{SAMPLE_ID}@{revision}"
    assert str(version.path) == f"{repo.root / SAMPLE_PATH}@{revision}"


def test_at_a_commit_id(repo: GitRepo) -> None:
    commit = repo.git("rev-parse", "HEAD~1").strip()
    assert "response: 10m" in resolve(f"{SAMPLE_ID}@{commit[:10]}", repo.root, Settings()).text


def test_at_vn_is_the_signed_archive(repo: GitRepo) -> None:
    version = resolve(f"{SAMPLE_ID}@v1", repo.root, Settings())
    assert version.data == (repo.root / SIGNED / "v1.yaml").read_bytes()
    assert version.label == f"{SAMPLE_ID}@v1"


def test_a_version_loads_like_a_file(repo: GitRepo) -> None:
    version, loaded = load_version(f"{SAMPLE_ID}@first", repo.root, Settings())
    assert loaded.agreement is not None
    response = loaded.agreement.slos.priorities[0].response
    assert response is not None and response.within.minutes == 15
    assert loaded.path == version.path


def test_a_broken_revision_becomes_findings_with_its_label(repo: GitRepo) -> None:
    repo.commit("Break it", {SAMPLE_PATH: "id: [unclosed\n"})
    _, loaded = load_version(f"{SAMPLE_ID}@HEAD", repo.root, Settings())
    assert loaded.agreement is None
    assert [(str(f.path), f.code) for f in loaded.findings] == [
        (f"{repo.root / SAMPLE_PATH}@HEAD", "SG101")
    ]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("SLA-2099-001", "unknown agreement SLA-2099-001: no folder agreements/SLA-2099-001"),
        (f"{SAMPLE_ID}@v3", f"{SAMPLE_ID} has no signed version v3 (signed versions: v1)"),
        (f"{SAMPLE_ID}@nowhere", "unknown revision 'nowhere'"),
        (f"{SAMPLE_ID}@", f"nothing after '@' in '{SAMPLE_ID}@': write ID@vN or ID@REV"),
        ("../etc", "not an agreement id: '../etc' (expected e.g. SLA-2024-001)"),
    ],
)
def test_errors_say_what_is_missing(repo: GitRepo, spec: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        resolve(spec, repo.root, Settings())
    assert caught.value.message == message


def test_an_agreement_missing_at_a_revision(repo: GitRepo) -> None:
    repo.commit("Another", {"agreements/SLA-2025-009/agreement.yaml": "id: SLA-2025-009\n"})
    with pytest.raises(UserError) as caught:
        resolve("SLA-2025-009@first", repo.root, Settings())
    commit = repo.git("rev-parse", "first^{commit}").strip()
    assert caught.value.message == (f"SLA-2025-009 has no agreement.yaml at first ({commit[:12]})")


def test_no_signed_versions_at_all(repo: GitRepo) -> None:
    repo.write({"agreements/SLA-2025-009/agreement.yaml": "id: SLA-2025-009\n"})
    with pytest.raises(UserError) as caught:
        resolve("SLA-2025-009@v1", repo.root, Settings())
    assert caught.value.message == "SLA-2025-009 has no signed version v1 (signed versions: none)"


def test_an_agreement_removed_from_the_working_tree_is_still_there_at_a_revision(
    repo: GitRepo,
) -> None:
    repo.remove(f"agreements/{SAMPLE_ID}")
    assert "response: 15m" in resolve(f"{SAMPLE_ID}@first", repo.root, Settings()).text


def test_spec_forms() -> None:
    assert parse_spec("SLA-2024-001@v12").signed == 12
    assert parse_spec("SLA-2024-001@v0").revision == "v0"
    assert parse_spec("SLA-2024-001@origin/main").revision == "origin/main"
    assert parse_spec("SLA-2024-001") == parse_spec("SLA-2024-001")


def test_outside_a_repository(tmp_path: Path) -> None:
    (tmp_path / "agreements" / SAMPLE_ID).mkdir(parents=True)
    with pytest.raises(UserError) as caught:
        resolve(f"{SAMPLE_ID}@HEAD", tmp_path, Settings())
    assert caught.value.message == f"{tmp_path.resolve()}: not inside a git repository"
