"""The site folder is replaced whole or not at all (`sitegen.site.publish`), in one
process: the real builds under fault are in test_site_faults."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from sitegen.errors import UserError
from sitegen.site import publish
from sitegen.site.publish import SITE_MARKER, exclusive, remove_stale, staged


def old_site(folder: Path) -> Path:
    site = folder / "site"
    (site / "en").mkdir(parents=True)
    (site / SITE_MARKER).write_text("old", encoding="utf-8")
    (site / "index.html").write_text("old", encoding="utf-8")
    (site / "en/index.html").write_text("old", encoding="utf-8")
    return site


def files(folder: Path) -> dict[str, str]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            found[path.relative_to(folder).as_posix()] = path.read_text(encoding="utf-8")
    return found


def siblings(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p != site)


def test_a_complete_build_replaces_the_site_whole(tmp_path: Path) -> None:
    site = old_site(tmp_path)
    with staged(site) as staging:
        assert staging.parent == tmp_path and staging.name.startswith(".site.sitegen-")
        assert oct(staging.stat().st_mode & 0o777) == oct(publish.FOLDER_MODE)
        (staging / "index.html").write_text("new", encoding="utf-8")
        assert files(site)["index.html"] == "old"  # not visible until complete
    assert files(site) == {SITE_MARKER: publish.MARKER_TEXT.decode(), "index.html": "new"}
    assert siblings(site) == []


def test_a_failed_build_leaves_the_old_site(tmp_path: Path) -> None:
    site = old_site(tmp_path)
    before = files(site)
    with pytest.raises(OSError, match="No space left on device"), staged(site) as staging:
        (staging / "index.html").write_text("half", encoding="utf-8")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert files(site) == before
    assert siblings(site) == []


def test_without_an_exchange_two_renames_replace_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        publish, "_exchange", lambda first, second: False
    )  # as on some file systems
    site = old_site(tmp_path)
    with staged(site) as staging:
        (staging / "index.html").write_text("new", encoding="utf-8")
    assert files(site)["index.html"] == "new" and "en/index.html" not in files(site)
    assert siblings(site) == []


def test_a_new_site_folder_is_made(tmp_path: Path) -> None:
    site = tmp_path / "out" / "site"
    with staged(site) as staging:
        (staging / "index.html").write_text("new", encoding="utf-8")
    assert files(site)["index.html"] == "new"


def test_a_file_in_place_of_the_site_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.write_text("notes", encoding="utf-8")
    with pytest.raises(UserError) as caught, staged(site):
        pass
    assert caught.value.message == f"{site}: not a folder: refusing to replace it with the site"
    assert site.read_text(encoding="utf-8") == "notes"


def test_leftovers_of_killed_builds_go_and_a_running_build_keeps_its_own(tmp_path: Path) -> None:
    site = old_site(tmp_path)
    stale = tmp_path / ".site.sitegen-dead1234"
    (stale / "en").mkdir(parents=True)
    (stale / "index.html").write_text("half", encoding="utf-8")
    running = tmp_path / ".site.sitegen-live5678"
    running.mkdir()
    other = tmp_path / ".other.sitegen-dead0000"  # another site's: not ours to judge
    other.mkdir()
    with exclusive(running, waiting=lambda: pytest.fail("free")):
        assert remove_stale(site) == [stale]
    assert siblings(site) == [other.name, running.name]


def test_a_held_folder_cannot_be_taken_without_waiting(tmp_path: Path) -> None:
    with exclusive(tmp_path, waiting=lambda: pytest.fail("free")), pytest.raises(BlockingIOError):
        publish._lock(tmp_path, wait=False)
    os.close(publish._lock(tmp_path, wait=False))  # free again once the holder is done
