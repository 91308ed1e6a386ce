"""`sitegen.render.pandoc_process`: one running pandoc converting document after document."""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Iterator

import pytest

from sitegen.errors import SitegenError
from sitegen.render.pandoc_process import PandocProcess


def ast(text: str) -> str:
    """A pandoc JSON AST of one paragraph."""
    words = [{"t": "Str", "c": text}]
    return json.dumps({"pandoc-api-version": [1, 23, 1], "meta": {}, "blocks": [
        {"t": "Para", "c": words}
    ]})  # fmt: skip


@pytest.fixture
def pandoc() -> Iterator[PandocProcess]:
    running = PandocProcess()
    yield running
    running.close()


def test_converts_one_document_after_another(pandoc: PandocProcess) -> None:
    first = pandoc.convert(ast("第一份 first"), "docx")
    second = pandoc.convert(ast("second <b>"), "html")
    body = zipfile.ZipFile(io.BytesIO(first)).read("word/document.xml").decode("utf-8")
    assert ">第一份</w:t>" in body and "> first</w:t>" in body
    assert second.decode("utf-8").strip() == "<p>second &lt;b&gt;</p>"


def test_an_error_names_pandocs_message_and_the_process_goes_on(pandoc: PandocProcess) -> None:
    with pytest.raises(SitegenError, match="pandoc could not write docx: JSON parse error"):
        pandoc.convert("{not json", "docx")
    with pytest.raises(SitegenError, match="pandoc could not write nosuchformat"):
        pandoc.convert(ast("x"), "nosuchformat")
    assert pandoc.convert(ast("still here"), "plain").decode("utf-8").strip() == "still here"


def test_a_stopped_process_is_started_again(pandoc: PandocProcess) -> None:
    pandoc.convert(ast("one"), "plain")
    process = pandoc._process
    assert process is not None
    process.kill()
    process.wait()
    assert pandoc.convert(ast("two"), "plain").decode("utf-8").strip() == "two"
    assert pandoc._process is not process


def test_a_forked_child_starts_its_own_pandoc(pandoc: PandocProcess) -> None:
    pandoc.convert(ast("parent"), "plain")
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        try:
            answer = pandoc.convert(ast("child"), "plain").strip()
            os.write(write, answer if pandoc._process is not None else b"?")
        finally:
            os._exit(0)
    os.close(write)
    os.waitpid(child, 0)
    assert os.read(read, 100) == b"child"
    assert pandoc.convert(ast("parent again"), "plain").strip() == b"parent again"
