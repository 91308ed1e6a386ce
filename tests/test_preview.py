"""`sitegen preview ID` serves one agreement's pages with the site's theme and rebuilds them
when the agreement is saved: a real server process on a free port, over the samples in a
real git repository (SLA-2024-001's working version 2 differs from its signed v1, so it has
a diff page, and it holds fourteen monthly service reports)."""

from __future__ import annotations

import html
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.helpers import REPO, line_of, replace_once
from tests.test_site_fixtures import CHANGED_ID, site_project
from tests.test_site_serve import free_port

pytestmark = pytest.mark.slow

TODAY = "2026-12-02"
TITLE_ZH = "核心业务系统运维服务水平协议"
TITLE_EN = "Service Level Agreement for the Operation of Core Business Systems"
BANNER = "预览 · Preview"
WAIT = 60.0  # seconds: a bound, not a target (the machine may be busy)


def get(url: str) -> tuple[int, str]:
    """The status and body of a GET (0 and "" when nothing answers)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return int(error.code), ""
    except OSError:
        return 0, ""


def wait_for(url: str, text: str, *, absent: str | None = None) -> str:
    """The page at `url` once it holds `text` (and not `absent`), within `WAIT` seconds."""
    end, body = time.monotonic() + WAIT, ""
    while time.monotonic() < end:
        status, body = get(url)
        if status == 200 and text in body and (absent is None or absent not in body):
            return body
        time.sleep(0.3)
    pytest.fail(f"{url} did not show {text!r} within {WAIT} s; it showed:\n{body[-2000:]}")


@dataclass
class Server:
    process: subprocess.Popen[str]
    base: str
    tmp: Path  # the server's temporary folder (TMPDIR)
    lines: list[str] = field(default_factory=list)  # what it said on stderr so far

    def page(self, path: str) -> str:
        return f"{self.base}/{path}"

    @property
    def said(self) -> str:
        return "".join(self.lines)

    def wait_said(self, text: str) -> None:
        end = time.monotonic() + WAIT
        while time.monotonic() < end:
            if text in self.said:
                return
            time.sleep(0.2)
        pytest.fail(f"the server did not say {text!r} within {WAIT} s; it said:\n{self.said}")


def _ctrl_c_default() -> None:
    """A shell starts a background job with SIGINT ignored, and Python then never raises
    KeyboardInterrupt: the server gets Ctrl-C as a terminal would give it, however the tests
    were started."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def sitegen(*args: str) -> list[str]:
    return [sys.executable, "-c", "from sitegen.cli import main; main()", *args]


@contextmanager
def previewing(
    root: Path, agreement_id: str, *extra: str, stop: signal.Signals = signal.SIGINT
) -> Iterator[Server]:
    """`sitegen preview` of the project in `root`, stopped by `stop` (Ctrl-C) when the
    block ends."""
    shutil.copytree(REPO / "site_overrides", root / "site_overrides")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    port, tmp = free_port(), root.parent / "tmp"
    tmp.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(tmp)}
    argv = sitegen("preview", agreement_id, "--port", str(port), "--today", TODAY, *extra)
    process = subprocess.Popen(
        argv, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_ctrl_c_default,
    )  # fmt: skip
    server = Server(process, f"http://127.0.0.1:{port}", tmp)
    assert process.stderr is not None
    reader = threading.Thread(target=lambda: server.lines.extend(process.stderr or ()))
    reader.start()
    try:
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(stop)
        try:
            process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            reader.join(timeout=30)


def test_the_agreement_is_served_alone_with_the_theme_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    site_project(root, monkeypatch)
    with previewing(root, CHANGED_ID, "--lang", "en", stop=signal.SIGTERM) as server:
        zh = wait_for(server.page(f"agreements/{CHANGED_ID}/"), TITLE_ZH)
        en = wait_for(server.page(f"en/agreements/{CHANGED_ID}/"), TITLE_EN)
        for page in (zh, en):
            assert BANNER in page
            assert "assets/sitegen/sitegen.css" in page  # the site's own styles
            assert 'class="md-header' in page  # Material's theme
            assert 'hreflang="zh"' in page and 'hreflang="en"' in page  # the language switch
            assert "livereload" in page  # mkdocs' live reload
        assert "Only SLA-2024-001 is previewed" in en
        assert "仅预览 SLA-2024-001" in zh
        # its other pages: the diff of the working version, a service report
        diff = get(server.page(f"diffs/{CHANGED_ID}/v1-draft/"))
        report = get(server.page(f"en/agreements/{CHANGED_ID}/reports/2025-11/"))
        assert diff[0] == 200 and BANNER in diff[1]
        assert report[0] == 200 and "99.8217" in report[1]
        # the start page stands for the catalogue; other agreements are not built
        start = get(server.page(""))
        assert start[0] == 200 and f"预览：{CHANGED_ID}" in start[1]
        assert get(server.page("agreements/SLA-2024-002/"))[0] == 404
        assert get(server.page("renewals/"))[0] == 404
        assert not (root / "build").exists()  # the project's docs folder is left alone
    assert server.process.returncode == 0
    said = server.said
    address = f"{server.base}/en/agreements/{CHANGED_ID}/"
    assert f"sitegen: previewing {CHANGED_ID} at {address}\n" in said
    assert "Traceback" not in said
    # no warning of the build (a link to a page the preview lacks, say): only the server's
    # own lines for the pages asked for above that it does not have
    warned = [line for line in said.splitlines() if "WARNING" in line]
    assert [line for line in warned if not line.endswith('HTTP/1.1" code 404')] == []
    assert len(warned) == 2
    assert list(server.tmp.glob("sitegen-preview-*")) == []  # its folder removed


def test_an_edit_shows_a_broken_edit_shows_its_finding_and_a_good_one_mends_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    site_project(root, monkeypatch)
    path = root / "agreements" / CHANGED_ID / "agreement.yaml"
    text = path.read_text(encoding="utf-8")
    with previewing(root, CHANGED_ID) as server:
        page = server.page(f"agreements/{CHANGED_ID}/")
        wait_for(page, TITLE_ZH)

        edited = replace_once(text, f"  zh: {TITLE_ZH}\n", f"  zh: {TITLE_ZH}（修订）\n")
        path.write_text(edited, encoding="utf-8")
        wait_for(page, f"{TITLE_ZH}（修订）")

        # `target: 99.9` under slos.availability becomes text: a schema error at the
        # value, 1-based line of the key, column 13 ("    target: " is 12 characters).
        line = line_of(edited, "    target: 99.9")
        broken = replace_once(edited, "    target: 99.9\n", "    target: <b>high</b>\n")
        path.write_text(broken, encoding="utf-8")
        place = f"agreements/{CHANGED_ID}/agreement.yaml:{line}:13: "
        shown = wait_for(page, place)
        assert "最近一次保存有误" in shown
        finding = (
            f"{place}SG203 slos.availability.target: write a number in decimal digits with a "
            "point, e.g. 99.9 or 1000 (found '<b>high</b>')"
        )
        assert html.escape(finding) in shown  # the whole finding, as text
        assert "<b>high</b>" not in shown
        assert f"{TITLE_ZH}（修订）" in shown  # the last good page stays under the finding
        en = wait_for(server.page(f"en/agreements/{CHANGED_ID}/"), place)
        assert "The last save has problems" in en

        mended = replace_once(edited, f"{TITLE_ZH}（修订）", f"{TITLE_ZH}（再修订）")
        path.write_text(mended, encoding="utf-8")
        wait_for(page, f"{TITLE_ZH}（再修订）", absent=place)
    said = server.said
    assert f"sitegen: {finding}\n" in said  # the finding on the terminal too
    assert "Traceback" not in said
    assert server.process.returncode == 0


def test_editing_a_template_clause_rebuilds_the_page_using_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The templates are watched, and the server's process composes with the edited clause
    (the templates it holds are checked against their files' digest)."""
    root = tmp_path / "project"
    site_project(root, monkeypatch)
    with previewing(root, CHANGED_ID) as server:
        page = server.page(f"agreements/{CHANGED_ID}/")
        wait_for(page, "本协议一式两份")
        path = root / "templates/it-service-sla/v1/sections/language.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(replace_once(text, "本协议一式两份", "本协议一式三份"), encoding="utf-8")
        wait_for(page, "本协议一式三份", absent="本协议一式两份")

        # mkdocs.yml is read again for each build: a broken one is said, then mended
        config = root / "mkdocs.yml"
        good = config.read_text(encoding="utf-8")
        config.write_text(good + "nav: [\n", encoding="utf-8")
        server.wait_said("sitegen: mkdocs.yml: mkdocs configuration: MkDocs encountered an error")
        config.write_text(good, encoding="utf-8")
        path.write_text(text, encoding="utf-8")
        wait_for(page, "本协议一式两份", absent="本协议一式三份")
    said = server.said
    # mkdocs names the place; each line of its message is a line of the terminal
    # `nav: [` is the line after the good file's last; the parser finds the end of the file
    # at the start of the line after it, still looking for the sequence's first item
    end = len(good.splitlines()) + 2
    assert f'sitegen:   in "mkdocs.yml", line {end}, column 1\n' in said
    assert "Traceback" not in said
    assert server.process.returncode == 0


def test_a_broken_file_at_the_start_is_served_with_its_finding_then_mended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Invalid YAML before the first build: a stand-in page names the place; the next
    good save builds the pages."""
    root = tmp_path / "project"
    site_project(root, monkeypatch)
    path = root / "agreements" / CHANGED_ID / "agreement.yaml"
    text = path.read_text(encoding="utf-8")
    # `visibility: [internal` opens a flow sequence never closed: the parser stops at the
    # next line's key, 1-based line of `title:`, column 6 (after "title").
    broken = replace_once(text, "visibility: internal\n", "visibility: [internal\n")
    path.write_text(broken, encoding="utf-8")
    line = line_of(broken, "title:")
    with previewing(root, CHANGED_ID) as server:
        page = server.page(f"agreements/{CHANGED_ID}/")
        place = f"agreements/{CHANGED_ID}/agreement.yaml:{line}:6: SG101 not valid YAML"
        shown = wait_for(page, place)
        assert BANNER in shown
        path.write_text(text, encoding="utf-8")
        wait_for(page, TITLE_ZH, absent=place)
    assert server.process.returncode == 0


def test_an_unknown_id_fails_naming_it_and_the_agreements_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    site_project(root, monkeypatch)
    done = subprocess.run(
        sitegen("preview", "SLA-2024-01", "--port", str(free_port())),
        cwd=root, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"Error: {root / 'agreements'}: no agreement 'SLA-2024-01': there is no "
        "SLA-2024-01/agreement.yaml in this folder (did you mean SLA-2024-001, "
        "SLA-2024-002, SLA-2025-007?)\n"
    )


def test_a_port_in_use_fails_before_building(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    site_project(root, monkeypatch)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            sitegen("preview", CHANGED_ID, "--port", str(port)),
            cwd=root, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert done.returncode == 2
    assert (
        done.stderr == f"Error: cannot serve at http://127.0.0.1:{port}/: Address already in use\n"
    )


def test_an_id_that_is_a_path_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "project"
    site_project(root, monkeypatch)
    done = subprocess.run(
        sitegen("preview", f"../agreements/{CHANGED_ID}"), cwd=root,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "no agreement '../agreements/SLA-2024-001'" in done.stderr
    assert "Traceback" not in done.stderr
