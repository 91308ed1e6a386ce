"""Reading untrusted files: links, special files and files past their bound are refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitegen.files import Refusal, read_regular

LINK = "is a symbolic link: sitegen reads only regular files, never what a link points at"


def refusal(path: Path, limit: int = 100) -> Refusal:
    with pytest.raises(Refusal) as caught:
        read_regular(path, limit)
    return caught.value


def test_a_regular_file_within_its_bound(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"x" * 100)
    assert read_regular(tmp_path / "a.yaml", 100) == b"x" * 100


def test_a_file_past_its_bound(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"x" * 101)
    found = refusal(tmp_path / "a.yaml")
    assert (found.reason, found.size) == ("is larger than the limit of 100 bytes", 101)


def test_a_link_is_never_followed(tmp_path: Path) -> None:
    (tmp_path / "target").write_bytes(b"secret")
    (tmp_path / "link").symlink_to(tmp_path / "target")
    assert refusal(tmp_path / "link").reason == LINK


def test_a_link_to_dev_zero(tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to("/dev/zero")
    assert refusal(tmp_path / "link").reason == LINK


def test_dev_zero_itself_reports_no_size_and_is_refused() -> None:
    assert refusal(Path("/dev/zero")).reason == (
        "is a character device, not a regular file: sitegen reads only regular files"
    )


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert refusal(tmp_path / "pipe").reason == (
        "is a FIFO (named pipe), not a regular file: sitegen reads only regular files"
    )


def test_a_folder(tmp_path: Path) -> None:
    assert refusal(tmp_path).reason == (
        "is a folder, not a regular file: sitegen reads only regular files"
    )


def test_a_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_regular(tmp_path / "none", 100)


def test_a_signed_version_that_is_a_link_is_not_read(tmp_path: Path) -> None:
    from sitegen.errors import UserError
    from sitegen.load.config import Settings
    from sitegen.versions import resolve

    signed = tmp_path / "agreements" / "SLA-2024-001" / "signed"
    signed.mkdir(parents=True)
    (signed / "v1.yaml").symlink_to("/etc/passwd")
    with pytest.raises(UserError) as caught:
        resolve("SLA-2024-001@v1", tmp_path, Settings())
    assert caught.value.message == f"{signed / 'v1.yaml'}: SG111 {LINK}"
