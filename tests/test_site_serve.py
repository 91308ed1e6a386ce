"""`mkdocs serve` builds the catalogue and rebuilds it when an agreement changes."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers import REPO

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


@contextmanager
def served(root: Path, page_path: str, first: str) -> Iterator[str]:
    """`mkdocs serve` on a copy of the repository in `root`, once it serves `first` at
    `page_path`: the page's address; the server stops when the block ends."""
    for name in ("agreements", "templates", "site_overrides", "build"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for extra in (root / "build").iterdir():
        if extra.name != "docs":
            shutil.rmtree(extra)
    port = free_port()
    mkdocs = Path(sys.executable).parent / "mkdocs"
    server = subprocess.Popen(
        [str(mkdocs), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    page = f"http://127.0.0.1:{port}/{page_path}"
    try:
        if not wait_for(page, first):
            server.terminate()
            pytest.fail(f"the first build did not serve:\n{server.communicate()[1][-2000:]}")
        yield page
    finally:  # Ctrl-C, so that mkdocs removes its temporary site folder
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)


def test_editing_an_agreement_refreshes_its_page(tmp_path: Path) -> None:
    first = "销售运营业务系统内部运营级别协议"
    with served(tmp_path, "agreements/OLA-2025-001/", first) as page:
        path = tmp_path / "agreements/OLA-2025-001/agreement.yaml"
        text = path.read_text(encoding="utf-8")
        edited = text.replace("内部运营级别协议\n", "内部运营级别协议（修订）\n", 1)
        path.write_text(edited, encoding="utf-8")
        assert wait_for(page, "内部运营级别协议（修订）"), "the edit was not picked up"


def test_editing_a_template_clause_refreshes_the_pages_using_it(tmp_path: Path) -> None:
    """The server generates again in its own process, whose caches held the template as it
    was: the page shows the edited clause (see tests/test_stale_template.py)."""
    with served(tmp_path, "agreements/SLA-2024-001/", "本协议一式两份") as page:
        path = tmp_path / "templates/it-service-sla/v1/sections/language.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("本协议一式两份", "本协议一式三份", 1), encoding="utf-8")
        assert wait_for(page, "本协议一式三份"), "the edit was not picked up"
        assert "本协议一式两份" not in fetch(page)
