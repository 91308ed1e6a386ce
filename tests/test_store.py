"""`sitegen.caches.store`: one interface to the page, document and checked entries."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from sitegen.caches.store import Records, Store


def messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records]


def test_pages_and_documents_come_back_as_stored(tmp_path: Path) -> None:
    store = Store(tmp_path / ".cache")
    pages = store.put("pages", "k1", {"agreements/A.md": b"# A", "agreements/A.en.md": b"# A"})
    assert sorted(pages) == ["agreements/A.en.md", "agreements/A.md"]
    assert store.get("pages", "k1") == pages
    document = store.put("documents", "k2.pdf", {"": b"%PDF"})
    assert document == {"": tmp_path / ".cache" / "documents" / "k2.pdf"}
    assert store.get("documents", "k2.pdf") == document
    assert store.get("documents", "k3.pdf") is None


def test_prune_keeps_only_the_keys_given(tmp_path: Path) -> None:
    store = Store(tmp_path / ".cache")
    for key in ("a.pdf", "b.pdf"):
        store.put("documents", key, {"": key.encode()})
    store.put("pages", "a", {"x.md": b"x"})
    store.put("pages", "b", {"x.md": b"x"})
    store.prune("documents", ["b.pdf"])
    store.prune("pages", ["a"])
    assert sorted(p.name for p in (tmp_path / ".cache/documents").iterdir()) == [
        "b.pdf",
        "b.pdf.seal",
    ]
    assert [p.name for p in (tmp_path / ".cache/pages").iterdir()] == ["a"]


def test_a_changed_document_is_discarded_with_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = Store(tmp_path / ".cache")
    store.put("documents", "k.pdf", {"": b"%PDF-1.7 whole"})
    place = store.place("documents", "k.pdf")
    place.write_bytes(b"%PDF")
    with caplog.at_level(logging.WARNING, logger="sitegen"):
        assert store.get("documents", "k.pdf") is None
    assert messages(caplog) == [f"{place}: changed since it was sealed: discarded, made again"]
    assert not place.exists() and not Path(f"{place}.seal").exists()


def test_records_keep_what_was_got_or_put_and_refuse_a_forged_value(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    file = tmp_path / "checked.json"
    first = Records(file, "checked", "f 1")
    first.put("a", {"n": 1})
    first.put("b", {"n": 2})
    first.save()
    stored = json.loads(file.read_bytes())
    stored["entries"]["b"]["value"] = {"n": 3}
    file.write_text(json.dumps(stored), "utf-8")
    again = Records(file, "checked", "f 1")
    with caplog.at_level(logging.WARNING, logger="sitegen"):
        assert again.get("a", "A") == {"n": 1}
        assert again.get("b", "B") is None
    assert messages(caplog) == [f"{file}: the entry of B does not match its seal: checked again"]
    again.save()
    assert list(json.loads(file.read_bytes())["entries"]) == ["a"]
    assert Records(file, "checked", "f 2").get("a", "A") is None  # another format: none
