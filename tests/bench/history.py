"""Benchmarks of versions from git: reading every revision, `validate --history`, and the
pull-request diff, on a synthetic repository (N agreements × 5 revisions, 1 signed each).

Signed versions are archived here the way `sitegen sign` lays them out (vN.yaml, a PDF,
the manifest with SHA-256, a tag), but with a small stand-in PDF: these benchmarks measure
git and the archive checks, not PDF rendering (that has its own benchmark).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import time
from pathlib import Path

from sitegen.versions.archive import Entry, Manifest, render_manifest, sha256_hex
from tests.bench.synth import _commit, _git, write_catalogue

VERSIONS = 5
CHANGED = 50


def archive_signed(root: Path, ids: list[str], revision: int) -> None:
    """Archive the current revision of every agreement as its signed version, commit, tag."""
    updates: list[str] = []
    for agreement_id in ids:
        folder = root / "agreements" / agreement_id
        text = (folder / "agreement.yaml").read_bytes()
        version = int(text.split(b"\nversion: ", 1)[1].split(b"\n", 1)[0])
        pdf = f"%PDF-1.7\n% stand-in for {agreement_id} v{version}\n".encode()
        files = {f"v{version}.yaml": text, f"v{version}.pdf": pdf}
        signed = folder / "signed"
        signed.mkdir(exist_ok=True)
        for name, data in files.items():
            (signed / name).write_bytes(data)
        entry = Entry(
            version=version,
            date=dt.date(2026, 1, 1) + dt.timedelta(days=revision),
            template="it-service-sla@1",
            files={name: sha256_hex(data) for name, data in files.items()},
        )
        manifest = Manifest(agreement=agreement_id, signed=[entry])
        (signed / "manifest.yaml").write_text(render_manifest(manifest), encoding="utf-8")
        updates.append(f"{agreement_id}/v{version}")
    _commit(root, revision, f"synth: sign revision {revision + 1}")
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.strip()
    stdin = "".join(f"create refs/tags/{tag} {head}\n" for tag in updates)
    subprocess.run(["git", "update-ref", "--stdin"], cwd=root, input=stdin, text=True, check=True)


def signed_repository(folder: Path, agreements: int) -> Path:
    if not (folder / ".git").is_dir():
        write_catalogue(folder, agreements, versions=VERSIONS, signed=1, sign=archive_signed)
    return folder


def change_some(root: Path, count: int) -> None:
    """A pull request: on a branch, `count` agreements get a shorter P1 response time."""
    _git(root, "checkout", "-q", "-B", "review", "main")
    paths = sorted((root / "agreements").glob("*/agreement.yaml"))[:count]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        marker = "\nversion: "
        head, _, rest = text.partition(marker)
        number, _, tail = rest.partition("\n")
        text = f"{head}{marker}{int(number) + 1}\n{tail}".replace("response: ", "response: 1", 1)
        path.write_text(text, encoding="utf-8")
    _commit(root, VERSIONS + 1, f"synth: {count} agreements amended")


def per_file_log_loop(root: Path) -> float:
    """The slow way, for the ratio: one `git log --raw` per agreement file (no blob read)."""
    start = time.perf_counter()
    for path in sorted((root / "agreements").glob("*/agreement.yaml")):
        name = path.relative_to(root).as_posix()
        subprocess.run(
            ["git", "log", "--raw", "--no-abbrev", "--format=%H %an %aI %s", "--", name],
            cwd=root, capture_output=True, check=True,
        )  # fmt: skip
    return time.perf_counter() - start


def read_all_revisions(root: Path) -> tuple[float, int]:
    from sitegen.load.config import Settings
    from sitegen.versions.history import open_project, read_history

    settings, found = Settings.find(root)
    start = time.perf_counter()
    history = read_history(open_project(found), settings)
    took = time.perf_counter() - start
    return took, sum(len(revisions) for revisions in history.values())
