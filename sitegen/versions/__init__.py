"""Addressing one version of one agreement.

- `ID`: the working tree's `agreements/ID/agreement.yaml`;
- `ID@vN`: signed version N, `agreements/ID/signed/vN.yaml` in the archive;
- `ID@REV`: the agreement file at any git revision (branch, tag, commit, `HEAD~2`).

`@v` followed by digits always means a signed version, never a branch of that name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from git import Blob
from git.exc import BadName, BadObject

from sitegen.errors import UserError
from sitegen.files import NOT_REGULAR, Refusal, read_regular
from sitegen.load import Loaded, load_agreement_bytes
from sitegen.load.config import Settings
from sitegen.load.layout import AGREEMENT_FILE, SIGNED_DIR
from sitegen.versions.history import Project, open_project

# An agreement is bounded by `load.max_bytes` when it is loaded; this only stops a read
# that would never end.
READ_MAX_BYTES = 16 << 20
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_SIGNED = re.compile(r"^v([1-9][0-9]*)$")
_SIGNED_FILE = re.compile(r"^v([1-9][0-9]*)\.yaml$")


@dataclass(frozen=True)
class VersionText:
    """The bytes of one version, what to call it, and a path for messages about it."""

    agreement_id: str
    data: bytes
    label: str
    path: Path

    @property
    def text(self) -> str:
        return self.data.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class Spec:
    agreement_id: str
    revision: str | None = None
    signed: int | None = None


def parse_spec(spec: str) -> Spec:
    """`ID`, `ID@vN` or `ID@REV`."""
    agreement_id, at, rest = spec.partition("@")
    if not _ID.fullmatch(agreement_id) or ".." in agreement_id:
        raise UserError(f"not an agreement id: {agreement_id!r} (expected e.g. SLA-2024-001)")
    if not at:
        return Spec(agreement_id)
    if not rest:
        raise UserError(f"nothing after '@' in {spec!r}: write ID@vN or ID@REV")
    signed = _SIGNED.fullmatch(rest)
    if signed:
        return Spec(agreement_id, signed=int(signed[1]))
    return Spec(agreement_id, revision=rest)


def agreement_folder(root: Path, settings: Settings, agreement_id: str) -> Path:
    return root / settings.agreements_dir / agreement_id


def signed_versions(folder: Path) -> list[int]:
    """The versions with a `signed/vN.yaml` in the working tree, in order."""
    found = (_SIGNED_FILE.fullmatch(p.name) for p in (folder / SIGNED_DIR).glob("v*.yaml"))
    return sorted(int(m[1]) for m in found if m)


def resolve(spec: str, root: Path, settings: Settings) -> VersionText:
    """The text of the version `spec` names, or a UserError saying why there is none."""
    parsed = parse_spec(spec)
    folder = agreement_folder(root, settings, parsed.agreement_id)
    if parsed.revision is not None:
        return _at_revision(parsed, open_project(root), settings)
    if not folder.is_dir():
        raise UserError(
            f"unknown agreement {parsed.agreement_id}: no folder {_shown(folder, root)}"
        )
    if parsed.signed is not None:
        return _signed(parsed, folder, root)
    path = folder / AGREEMENT_FILE
    return VersionText(parsed.agreement_id, _read(path), working_label(parsed.agreement_id), path)


def working_label(agreement_id: str) -> str:
    """What the working version of an agreement is called in a comparison."""
    return f"{agreement_id} (working tree)"


def load_version(spec: str, root: Path, settings: Settings) -> tuple[VersionText, Loaded]:
    """A version and its agreement, loaded like a file: problems become findings."""
    version = resolve(spec, root, settings)
    return version, load_agreement_bytes(version.data, version.path, settings.load, upgrade=True)


def _signed(spec: Spec, folder: Path, root: Path) -> VersionText:
    path = folder / SIGNED_DIR / f"v{spec.signed}.yaml"
    if not path.is_file():
        existing = ", ".join(f"v{n}" for n in signed_versions(folder)) or "none"
        raise UserError(
            f"{spec.agreement_id} has no signed version v{spec.signed} "
            f"(signed versions: {existing})"
        )
    return VersionText(spec.agreement_id, _read(path), f"{spec.agreement_id}@v{spec.signed}", path)


def _at_revision(spec: Spec, project: Project, settings: Settings) -> VersionText:
    assert spec.revision is not None
    name = f"{settings.agreements_dir}/{spec.agreement_id}/{AGREEMENT_FILE}"
    try:
        commit = project.repo.commit(spec.revision)
    except (BadName, BadObject, ValueError):
        raise UserError(f"unknown revision {spec.revision!r}") from None
    try:
        blob = commit.tree / project.repo_path(name)
    except KeyError:
        raise UserError(
            f"{spec.agreement_id} has no {AGREEMENT_FILE} at {spec.revision} ({commit.hexsha[:12]})"
        ) from None
    if not isinstance(blob, Blob):
        raise UserError(f"{name} is not a file at {spec.revision}")
    label = f"{spec.agreement_id}@{spec.revision}"
    shown = Path(f"{project.local(project.repo_path(name))}@{spec.revision}")
    return VersionText(spec.agreement_id, blob.data_stream.read(), label, shown)


def _read(path: Path) -> bytes:
    try:
        return read_regular(path, READ_MAX_BYTES)
    except Refusal as refusal:
        raise UserError(f"{NOT_REGULAR} {refusal.reason}", path=path) from None
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror}", path=path) from None


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def signing_tag(spec: str, root: Path) -> str | None:
    """For `ID@vN`, a line naming the commit its tag `ID/vN` points at (None for any other
    spec). A tag moved to an amended signing commit holds the same files, so nothing inside
    git can tell; the commit id lets a reviewer compare it with the one they recorded."""
    parsed = parse_spec(spec)
    if parsed.signed is None:
        return None
    tag = f"{parsed.agreement_id}/v{parsed.signed}"
    project = open_project(root)
    try:
        commit = project.repo.commit(f"refs/tags/{tag}").hexsha
    except (BadName, BadObject, ValueError):
        return f"{spec}: no tag {tag}"
    return f"{spec}: tag {tag} is commit {commit}"
