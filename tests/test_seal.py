"""`sitegen.caches.seal` and `sitegen.caches`: the secret, what a seal covers, and a cache that
cannot be used."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest

from sitegen import caches
from sitegen.caches import seal


@pytest.fixture
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(caches, "_folders", {})
    return tmp_path / "user-cache"


def test_the_secret_is_made_once_for_this_user_alone(user_home: Path) -> None:
    first = seal.machine_secret()
    key = user_home / "sitegen" / "key"
    assert key.read_bytes() == first and len(first) == 32
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    seal._secrets.clear()
    assert seal.machine_secret() == first


def test_a_seal_names_its_kind_its_key_and_its_content(user_home: Path) -> None:
    made = seal.tag("pages", "k1", {"a": ["00", [1, 2, 3, 4]]})
    assert seal.matches("pages", "k1", {"a": ["00", [1, 2, 3, 4]]}, made)
    assert not seal.matches("pages", "k2", {"a": ["00", [1, 2, 3, 4]]}, made)
    assert not seal.matches("documents", "k1", {"a": ["00", [1, 2, 3, 4]]}, made)
    assert not seal.matches("pages", "k1", {"a": ["01", [1, 2, 3, 4]]}, made)
    assert not seal.matches("pages", "k1", {"a": ["00", [1, 2, 3, 4]]}, None)


def test_a_sealed_file_passes_until_its_bytes_change(user_home: Path, tmp_path: Path) -> None:
    entry = tmp_path / "entry.pdf"
    entry.write_bytes(b"%PDF-1.7 the true one")
    sealed = seal.seal_files("documents", "k", {"": entry})
    seal.check_files("documents", "k", {"": entry}, sealed)
    entry.write_bytes(b"%PDF-1.7 the true one")  # rewritten, same bytes: hashed, passes
    seal.check_files("documents", "k", {"": entry}, sealed)
    entry.write_bytes(b"%PDF-1.7 the true on")
    with pytest.raises(seal.Unsealed, match=r"^changed since it was sealed$"):
        seal.check_files("documents", "k", {"": entry}, sealed)
    with pytest.raises(seal.Unsealed, match=r"^its seal cannot be read$"):
        seal.check_files("documents", "k", {"": entry}, b"{")


def test_a_file_added_to_an_entry_fails_it(user_home: Path, tmp_path: Path) -> None:
    page = tmp_path / "index.md"
    page.write_text("# 目录")
    sealed = seal.seal_files("pages", "k", {"index.md": page})
    extra = tmp_path / "extra.md"
    extra.write_text("<script>")
    with pytest.raises(seal.Unsealed, match=r"^it holds other files than were sealed$"):
        seal.check_files("pages", "k", {"index.md": page, "extra.md": extra}, sealed)


def test_a_key_file_that_is_not_one_means_building_without_the_cache(
    user_home: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (user_home / "sitegen").mkdir(parents=True)
    (user_home / "sitegen" / "key").write_bytes(b"short")
    with caplog.at_level(logging.WARNING, logger="sitegen"):
        folder = caches.cache_folder(tmp_path / "project")
    assert folder != tmp_path / "project" / ".cache" and folder.is_dir()
    key = user_home / "sitegen" / "key"
    assert [r.getMessage() for r in caplog.records] == [
        f"{key}: cannot keep the cache's key ({key}: not a sitegen key (5 bytes, not 32)): "
        "building without the cache"
    ]
    assert caches.cache_folder(tmp_path / "project") == folder  # warned once
    assert len(caplog.records) == 1
