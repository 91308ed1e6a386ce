"""`sitegen build` under fault: a real build process on the samples (with three more
agreements, so pages and documents are made by worker processes), killed at several points,
run out of disk, run twice at once, and pointed at a folder that is not a site.

What must hold after each: the old site whole (byte for byte), no process of the build
left, no empty download in the site or the docs folder, and the next build succeeding.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.site.publish import SITE_MARKER, exclusive
from sitegen.workers import cores
from tests.helpers import REPO, replace_once
from tests.test_site_fixtures import site_project

pytestmark = pytest.mark.slow

SITEGEN = str(Path(sys.executable).parent / "sitegen")
TODAY = ["--today", "2025-02-10"]
EXTRA_IDS = ("SLA-2025-005", "SLA-2025-006", "SLA-2025-007")
EDITED_TITLE = "桌面运维与 IT 服务台外包服务水平协议（第二版）"
Snapshot = dict[str, str]


def extra_agreement(agreement_id: str) -> str:
    text = (REPO / "agreements/SLA-2025-004/agreement.yaml").read_text(encoding="utf-8")
    return replace_once(text, "id: SLA-2025-004", f"id: {agreement_id}")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The samples, three more agreements, mkdocs.yml: committed, then built once."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        root = tmp_path_factory.mktemp("faults") / "project"
        repo = site_project(root, monkeypatch)
        extra: dict[str, str | bytes] = {
            f"agreements/{i}/agreement.yaml": extra_agreement(i) for i in EXTRA_IDS
        }
        repo.commit("Three more agreements", extra)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(REPO / "site_overrides", root / "site_overrides")
        done = sitegen_build(root)
        assert done.returncode == 0, done.stderr
        yield root


@pytest.fixture
def project(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the built project whose next build renders every document again (its
    document and page caches emptied) and changes a page (a title is edited)."""
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    for name in ("documents", "pages"):
        shutil.rmtree(root / ".cache" / name, ignore_errors=True)
    path = root / "agreements/SLA-2025-004/agreement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        replace_once(
            text, "  zh: 桌面运维与 IT 服务台外包服务水平协议\n", f"  zh: {EDITED_TITLE}\n"
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    return root


def sitegen_build(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SITEGEN, "build", *TODAY, *args], cwd=root, capture_output=True, text=True
    )


def shape(folder: Path) -> list[str]:
    """The site's file names, those of the search index without the digest of their content
    (`zh_5682e5d.pf_fragment`: an edited page is another file of the same kind)."""
    return sorted(re.sub(r"_[0-9a-f]+\.pf_", "_*.pf_", name) for name in snapshot(folder))


def snapshot(folder: Path) -> Snapshot:
    """Every file under `folder` (dot files included) and the SHA-256 of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def empty_files(*folders: Path) -> list[Path]:
    """Empty files that would be published (a temporary `.name.XXXX` of a write cut short
    is not: mkdocs leaves dot files out, and the next sync deletes it)."""
    return [
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.is_file() and not path.name.startswith(".") and path.stat().st_size == 0
    ]


def dot_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob(".*"))


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}."))


def session_processes(session: int) -> list[str]:
    """The living processes (not zombies) of a session, as "pid command line"."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:  # ended meanwhile
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[3]) == session:
            found.append(f"{entry.name} {command.strip()}")
    return sorted(found)


def left_after(session: int, seconds: float = 5.0) -> list[str]:
    """The processes of `session` still running `seconds` after it lost its leader."""
    end = time.monotonic() + seconds
    while (found := session_processes(session)) and time.monotonic() < end:
        time.sleep(0.1)
    return found


def start_build(root: Path) -> subprocess.Popen[str]:
    """A build in a session of its own (so each process it starts can be found)."""
    return subprocess.Popen(
        [SITEGEN, "build", *TODAY], cwd=root, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip


def kill_at(build: subprocess.Popen[str], line: str) -> tuple[list[str], str]:
    """Kill -9 the build once it prints `line`: the processes it had then, and what it said
    (the rest of its output is not awaited: a process it left would hold the pipe open)."""
    assert build.stderr is not None
    said = []
    for said_line in build.stderr:
        said.append(said_line)
        if said_line.startswith(line):
            running = session_processes(build.pid)
            os.kill(build.pid, signal.SIGKILL)
            break
    else:
        pytest.fail(f"the build never said {line!r}:\n{''.join(said)}")
    build.wait()
    build.stderr.close()
    return running, "".join(said)


def test_a_folder_sitegen_did_not_build_is_refused(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "d"
    (out / "photos").mkdir(parents=True)
    (out / "thesis.docx").write_text("t", encoding="utf-8")
    done = sitegen_build(project, "--out", str(out))
    assert done.returncode == 2
    assert done.stderr.endswith(
        f"Error: {out}: not a folder sitegen built (no {SITE_MARKER}): refusing to replace its "
        "files (a site built before sitegen marked its sites: delete it once)\n"
    )
    assert snapshot(out) == {"thesis.docx": hashlib.sha256(b"t").hexdigest()}
    assert (out / "photos").is_dir()
    assert leftovers(out) == []


def test_mkdocs_build_refuses_a_site_dir_sitegen_did_not_build(project: Path) -> None:
    site = project / "site"
    shutil.rmtree(site)
    (site / "photos").mkdir(parents=True)
    (site / "thesis.docx").write_text("t", encoding="utf-8")
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    done = subprocess.run([mkdocs, "build"], cwd=project, capture_output=True, text=True)
    assert done.returncode == 1
    assert (
        f"ERROR   -  sitegen: {site}: not a folder sitegen built (no {SITE_MARKER}): "
        "refusing to replace its files (a site built before sitegen marked its sites: "
        "delete it once)\n"
    ) in done.stderr
    assert snapshot(site) == {"thesis.docx": hashlib.sha256(b"t").hexdigest()}


@pytest.mark.parametrize(
    "line",
    [
        "sitegen: preparing pages",  # generating the docs folder, pages in workers
        "sitegen: writing ",  # mkdocs starts while the documents render in workers
        "sitegen: building the site with mkdocs",  # each language in its process (2 cores)
        "sitegen: rendering documents",  # mkdocs is done; the late documents are awaited
    ],
)
def test_a_killed_build_leaves_the_old_site_and_no_process(project: Path, line: str) -> None:
    site, docs = project / "site", project / "build/docs"
    before = snapshot(site)
    build = start_build(project)
    running, said = kill_at(build, line)
    if line != "sitegen: preparing pages" and cores() > 1:
        assert len(running) > 2, running  # workers were rendering when it was killed
    assert left_after(build.pid) == []
    assert snapshot(site) == before, said
    # the half-built site, hidden beside it, and, once mkdocs has started, the other
    # language's build beside that (the build runs on while the kill is sent: on a loaded
    # machine it was seen to get that far after "writing")
    assert len(leftovers(site)) in (1, 2)
    assert empty_files(site, docs) == []
    done = sitegen_build(project)
    assert done.returncode == 0, done.stderr
    assert leftovers(site) == []
    assert empty_files(site, docs) == []
    assert dot_files(docs) == [".sitegen-copies.json", ".sitegen-generated"]
    assert dot_files(site) == [SITE_MARKER]
    assert EDITED_TITLE in (site / "agreements/SLA-2025-004/index.html").read_text("utf-8")


@pytest.fixture
def small_disk(tmp_path: Path, built: Path) -> Iterator[Path]:
    """A tmpfs with room for one site and a quarter of another: a second build runs out
    while mkdocs writes it."""
    pages = sum(-(-p.stat().st_size // 4096) for p in (built / "site").rglob("*") if p.is_file())
    disk = tmp_path / "disk"
    disk.mkdir()
    size = pages * 4096 * 5 // 4
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)],
        capture_output=True, text=True,
    )  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_full_disk_leaves_the_old_site(project: Path, small_disk: Path) -> None:
    site = small_disk / "site"
    first = sitegen_build(project, "--out", str(site))
    assert first.returncode == 0, first.stderr
    before = snapshot(site)
    (project / "agreements/SLA-2025-007/agreement.yaml").unlink()  # a different site
    done = sitegen_build(project, "--out", str(site))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.endswith(f"Error: {site}: the site build failed: No space left on device\n")
    assert snapshot(site) == before
    assert leftovers(site) == []


def test_two_builds_at_once_both_end_and_one_site_stands(project: Path, built: Path) -> None:
    site, docs = project / "site", project / "build/docs"
    builds = [start_build(project) for _ in range(2)]
    said = [build.communicate()[1] for build in builds]
    assert [build.returncode for build in builds] == [0, 0], said
    assert leftovers(site) == []
    assert empty_files(site, docs) == []
    assert shape(site) == shape(built / "site")
    assert EDITED_TITLE in (site / "agreements/SLA-2025-004/index.html").read_text("utf-8")


def test_a_build_waits_while_another_holds_the_docs_folder(project: Path) -> None:
    site = project / "site"
    before = snapshot(site)
    with exclusive(project / "build/docs", waiting=lambda: pytest.fail("not held")):
        build = start_build(project)
        assert build.stderr is not None
        line = build.stderr.readline()
        assert line == f"sitegen: waiting for another build using {project}/build/docs to end\n"
        assert snapshot(site) == before  # nothing done while it waits
    assert build.wait() == 0, build.stderr.read()
    assert EDITED_TITLE in (site / "agreements/SLA-2025-004/index.html").read_text("utf-8")


def test_generate_waits_while_a_build_holds_the_docs_folder(project: Path) -> None:
    docs = project / "build/docs"
    with exclusive(docs, waiting=lambda: pytest.fail("not held")):
        generate = subprocess.Popen(
            [SITEGEN, "generate", *TODAY], cwd=project, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert generate.stderr is not None
        line = generate.stderr.readline()
        assert line == "sitegen: waiting for another build using build/docs to end\n"
        assert generate.poll() is None  # nothing done while it waits
    assert generate.wait() == 0, generate.stderr.read()
