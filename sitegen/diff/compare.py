"""Which versions to compare, and the comparison of two: the pipeline behind `sitegen diff`.

- two named versions (`ID@v1 ID@v2`, `ID@main ID`);
- one agreement: its working version against its last signed version (the renewal review);
- a base revision: every agreement that differs between it and the working tree, added and
  removed ones included (the pull-request review).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sitegen.compose.contract import LANGS, Contract
from sitegen.diff.fields import diff_terms
from sitegen.diff.model import AgreementDiff, Side
from sitegen.diff.redline import redline
from sitegen.errors import NoCommit, UserError
from sitegen.load.config import Settings
from sitegen.load.layout import AGREEMENT_FILE
from sitegen.load.model import Agreement
from sitegen.load.visibility import restricted
from sitegen.output import as_text
from sitegen.render.outputs import contract_of
from sitegen.versions import (
    Spec,
    agreement_folder,
    load_version,
    parse_spec,
    signed_versions,
    working_label,
)
from sitegen.versions.history import Project, changes_since, open_project, resolve_base
from sitegen.versions.in_force import Versions, read_versions


class Compared:
    """One end of a comparison: what the version is called, its agreement, its side."""

    def __init__(self, label: str, agreement: Agreement, side: Side) -> None:
        self.label, self.agreement, self.side = label, agreement, side


def diff_specs(
    old: str,
    new: str,
    root: Path,
    settings: Settings,
    *,
    last_changes: Mapping[str, tuple[str, str]] | None = None,
    contracts: Mapping[str, Contract] | None = None,
    working: Agreement | None = None,
) -> AgreementDiff:
    """Two named versions of one agreement.

    What the caller already has, it may pass, keyed by spec: `last_changes`, who last
    committed the file and when (ISO date), as the history (`sitegen.versions.history.read_history`)
    says, so no git process is started; `contracts`, the version composed; `working`, the
    working version as validation checked it, so its file is not read again."""
    known = last_changes or {}
    a = _open(old, root, settings, known.get(old), working)
    b = _open(new, root, settings, known.get(new), working)
    if a.agreement.id != b.agreement.id:
        raise UserError(f"{old} and {new} are different agreements: compare versions of one")
    composed = contracts or {}
    return compare(a, b, root, settings, contracts=(composed.get(old), composed.get(new)))


def diff_renewal(agreement_id: str, root: Path, settings: Settings) -> AgreementDiff:
    """The working version against the last signed one."""
    signed = signed_versions(agreement_folder(root, settings, agreement_id))
    if not signed:
        raise UserError(
            f"{agreement_id} has no signed version yet: name two versions "
            f"(e.g. {agreement_id}@main {agreement_id}) or use --base"
        )
    return diff_specs(f"{agreement_id}@v{signed[-1]}", agreement_id, root, settings)


def diff_since(base: str | None, root: Path, settings: Settings) -> list[AgreementDiff]:
    """Every agreement that differs between `base` and the working tree."""
    project = open_project(root)
    resolved = resolve_base(project, base)
    if resolved is None:
        raise NoCommit(path=root, needed_for="nothing to compare with")
    pattern = f"{settings.agreements_dir}/*/{AGREEMENT_FILE}"
    ids = sorted(
        Path(change.path).parent.name for change in changes_since(project, resolved, pattern)
    )
    ids += _untracked(project, root, settings)
    diffs = []
    for agreement_id in sorted(set(ids)):
        old = _maybe(f"{agreement_id}@{resolved.sha}", root, settings)
        new = _maybe(agreement_id, root, settings)
        if old is None and new is None:
            continue
        diffs.append(compare(old, new, root, settings))
    return diffs


def compare(
    old: Compared | None,
    new: Compared | None,
    root: Path,
    settings: Settings,
    *,
    contracts: tuple[Contract | None, Contract | None] = (None, None),
) -> AgreementDiff:
    """Term changes and clause redlines of two versions (either may be absent);
    `contracts`: either version already composed, if the caller has it."""
    shown = new or old
    assert shown is not None
    title = f"{shown.agreement.title.zh} / {shown.agreement.title.en}"
    changes = diff_terms(old.agreement, new.agreement) if old and new else []
    before = (contracts[0] or contract_of(old.agreement, root, settings)) if old else None
    after = (contracts[1] or contract_of(new.agreement, root, settings)) if new else None
    redlines = {lang: tuple(redline(before, after, lang)) for lang in LANGS}
    return AgreementDiff(
        shown.agreement.id,
        title,
        old.side if old else None,
        new.side if new else None,
        tuple(changes),
        redlines,
    )


def _open(
    spec: str,
    root: Path,
    settings: Settings,
    last_change: tuple[str, str] | None = None,
    working: Agreement | None = None,
) -> Compared:
    parsed = parse_spec(spec)
    if working is not None and parsed == Spec(working.id):  # the working version, as checked
        agreement, label = working, working_label(working.id)
    else:
        version, loaded = load_version(spec, root, settings)
        if loaded.agreement is None:
            first = as_text(loaded.findings[0]) if loaded.findings else "it does not load"
            raise UserError(f"{version.label} cannot be compared: {first}")
        agreement, label = loaded.agreement, version.label
    status: str = agreement.status
    if parsed.revision is None and parsed.signed is None:  # the working version: the
        # archive says whether it is signed (a draft of v2 that says signed is not)
        folder = agreement_folder(root, settings, parsed.agreement_id)
        try:
            held = read_versions(agreement, folder, settings.load)
        except UserError:  # an archive that cannot be read (`validate --history` says why)
            held = Versions(agreement)  # holds nothing signed: the review still shows
        agreement, status = held.rendered, held.working_status
    side = Side(
        label,
        agreement.version,
        status,
        agreement.dates.effective.isoformat(),
        agreement.dates.signed.isoformat() if agreement.dates.signed else "",
        agreement.template,
        *(last_change or _last_change(spec, root, settings)),
        restricted=restricted(agreement),
    )
    return Compared(label, agreement, side)


def _maybe(spec: str, root: Path, settings: Settings) -> Compared | None:
    """A version that may not exist (an added or removed agreement)."""
    parsed = parse_spec(spec)
    folder = agreement_folder(root, settings, parsed.agreement_id)
    if parsed.revision is None and not (folder / AGREEMENT_FILE).is_file():
        return None
    try:
        return _open(spec, root, settings)
    except UserError as error:
        if parsed.revision is not None and "has no" in str(error):
            return None
        raise


def _last_change(spec: str, root: Path, settings: Settings) -> tuple[str, str]:
    """Who last committed the file, and when (ISO date), at the revision the spec names."""
    parsed = parse_spec(spec)
    if parsed.signed is not None:
        return "", ""
    project = open_project(root)
    name = project.repo_path(f"{settings.agreements_dir}/{parsed.agreement_id}/{AGREEMENT_FILE}")
    if parsed.revision is None and not project.repo.head.is_valid():
        return "(uncommitted changes)", ""  # no commit yet: the working file is all there is
    out = project.repo.git.log("-1", "--format=%an%x1f%as", parsed.revision or "HEAD", "--", name)
    author, _, date = out.partition("\x1f")
    if parsed.revision is None and _dirty(project, name):
        return "(uncommitted changes)", ""
    return author, date


def _dirty(project: Project, name: str) -> bool:
    return bool(project.repo.git.status("--porcelain", "--", name))


def _untracked(project: Project, root: Path, settings: Settings) -> list[str]:
    """New agreement folders not yet added to git: they are part of the change too."""
    pattern = project.repo_path(f"{settings.agreements_dir}/*/{AGREEMENT_FILE}")
    out = project.repo.git.ls_files("--others", "--exclude-standard", "--", f":(glob){pattern}")
    return [Path(line).parent.name for line in out.splitlines()]
