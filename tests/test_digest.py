"""`sitegen.digest`: keys that name their inputs, and each file hashed once while unchanged."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import shutil
from decimal import Decimal
from pathlib import Path
from typing import IO

import pytest

from sitegen import digest
from sitegen.compose.templates import TemplateIndex
from sitegen.digest import file_digest, folder_digest, named_key, plain
from sitegen.load import load_agreement
from sitegen.load.config import Settings
from sitegen.site import generate
from sitegen.site.documents import Keys
from tests.gitrepo import GitRepo
from tests.test_site_fixtures import site_project


@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    when: dt.date
    share: Decimal | None


def test_plain_names_every_field() -> None:
    assert plain(Point(1, dt.date(2025, 2, 10), Decimal("99.9"))) == (
        b'{"share": "99.9", "when": "2025-02-10", "x": 1}'
    )
    assert plain(Settings(id_prefixes=["SLA"])).startswith(b'{"agreements_dir": "agreements", ')


def test_plain_refuses_a_value_it_cannot_name() -> None:
    with pytest.raises(TypeError, match=r"^no plain form for a key: object$"):
        plain([object()])


def test_named_inputs_are_framed() -> None:
    assert named_key("k", {"a": b"bc"}) != named_key("k", {"ab": b"c"})
    assert named_key("k", {"a": b"", "b": b"x"}) != named_key("k", {"a": b"x", "b": b""})
    assert named_key("k", {"a": b"x"}) != named_key("other", {"a": b"x"})


def test_a_file_is_hashed_again_when_it_changed(tmp_path: Path) -> None:
    path = tmp_path / "clause.yaml"
    path.write_text("two\n", encoding="utf-8")
    first = file_digest(path)
    path.write_text("six\n", encoding="utf-8")  # same size, written at once
    assert file_digest(path) == hashlib.sha256(b"six\n").digest() != first


def test_a_run_hashes_each_template_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The validation cache, the page keys, the document keys and the templates held in
    memory all use the same digest of a template folder, each file read once."""
    repo: GitRepo = site_project(tmp_path / "project", monkeypatch)
    past = 1_600_000_000
    for path in (repo.root / "templates").rglob("*"):
        os.utime(path, (past, past))
    monkeypatch.setattr(digest, "RACY_NS", -(10**20))  # the change times are new as well
    read: list[str] = []
    hash_file = hashlib.file_digest

    def spy(source: IO[bytes], name: str) -> hashlib._Hash:
        read.append(str(source.name))
        return hash_file(source, name)

    monkeypatch.setattr(digest.hashlib, "file_digest", spy)
    generate(repo.root, Settings(), repo.root / "out", today=dt.date(2025, 2, 10))
    templates = [name for name in read if "/templates/" in name]
    assert len(templates) == len([p for p in (repo.root / "templates").rglob("*") if p.is_file()])
    assert len(set(templates)) == len(templates)


def test_every_key_hashes_the_template_version_it_is_made_with(project: Path) -> None:
    """One shape: the digest of `templates/<name>/v<N>`, the one the template read into
    memory carries."""
    index = TemplateIndex(project / "templates")
    version_folder = project / "templates" / "it-service-sla" / "v1"
    template = index.get("it-service-sla", 1)
    assert template is not None
    assert index.digest("it-service-sla", 1) == template.digest == folder_digest(version_folder)
    newest = project / "templates" / "it-service-sla" / "v3"
    assert index.digest("it-service-sla") == folder_digest(newest)  # unpinned: the newest
    assert index.digest("it-service-sla", 3) == folder_digest(newest) != template.digest
    second = project / "templates" / "it-service-sla" / "v2"
    assert index.digest("it-service-sla", 2) == folder_digest(second) != folder_digest(newest)
    assert index.digest("it-service-sla", 4) == b""


def test_a_new_template_version_changes_the_keys_of_unpinned_agreements_only(
    project: Path,
) -> None:
    def keys() -> dict[str, dict[str, str]]:
        found = {}
        for agreement_id in ("SLA-2024-001", "SLA-2025-004"):  # pinned to @1, unpinned
            record = load_agreement(project / "agreements" / agreement_id / "agreement.yaml")
            checked = record.checked()
            assert checked is not None
            found[agreement_id] = dict(Keys(project, Settings()).keys(checked))
        return found

    before = keys()
    every_version = TemplateIndex(project / "templates").digest_all()
    templates = project / "templates" / "it-service-sla"
    shutil.copytree(templates / "v3", templates / "v4")
    manifest = templates / "v4" / "template.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("version: 3", "version: 4"), "utf-8")
    after = keys()
    assert after["SLA-2024-001"] == before["SLA-2024-001"]
    assert after["SLA-2025-004"] != before["SLA-2025-004"]
    assert TemplateIndex(project / "templates").digest_all() != every_version
