"""`sitegen sign` and `sitegen attach`: how a version enters the append-only archive.

Signing reads like its steps: refuse unless the agreement is valid, committed and not yet
signed at this version; open the organisation's certificate when one is named
(`pades.py`); mark it signed (a round-trip YAML edit that keeps comments and layout);
render the PDF and add the organisation's digital signature to it; write the agreement,
its archived copy, the PDF and the manifest all at once; commit; tag. Everything that can
fail runs before the first file is written, and a failed write or commit puts every file
back as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sitegen import output
from sitegen.compose.templates import TemplateIndex
from sitegen.errors import SitegenError, UserError
from sitegen.files import NOT_REGULAR, Refusal, read_regular
from sitegen.findings import Severity
from sitegen.lint import LintContext, lint_agreement
from sitegen.lint.suppress import unsuppressed
from sitegen.lint.validate import relative, validate
from sitegen.load import day, load_agreement_text
from sitegen.load.config import Settings
from sitegen.load.layout import AGREEMENT_FILE, MANIFEST, SIGNED_DIR
from sitegen.load.model import Agreement
from sitegen.render.binding import Binding
from sitegen.versions import agreement_folder, parse_spec
from sitegen.versions.archive import (
    ARCHIVE_MAX_BYTES,
    MANIFEST_MAX_BYTES,
    SCAN_EXTENSIONS,
    Entry,
    Manifest,
    ManifestError,
    parse_manifest,
    render_manifest,
    sha256_hex,
)
from sitegen.versions.history import Project, open_project
from sitegen.versions.marking import mark_accepted, mark_signed
from sitegen.versions.pades import credentials, load_signer, sign_pdf
from sitegen.versions.provider_text import provider_text

Renderer = Callable[[Agreement, Path, Settings, Binding], bytes]


@dataclass(frozen=True)
class Signed:
    """What `sign` or `attach` did: the commit, the tag (sign only) and the files written."""

    agreement_id: str
    version: int
    commit: str
    files: tuple[Path, ...]
    tag: str | None = None


def sign(
    root: Path,
    settings: Settings,
    agreement_id: str,
    date: dt.date | None = None,
    render: Renderer | None = None,
    snapshot: Path | None = None,
) -> Signed:
    """Sign the current version of an agreement: archive, commit and tag it. A provider's
    published agreement is archived as accepted, with the provider's text (`snapshot`)."""
    project, folder = _open(root, settings, agreement_id)
    refuse = _refusal(f"cannot sign {agreement_id}")
    _require_clean(project, folder, refuse)
    agreement, text = _require_valid(folder, root, settings, refuse)
    manifest = _read_manifest(folder, agreement_id, refuse)
    tag = f"{agreement_id}/v{agreement.version}"
    _require_new_version(project, agreement.version, manifest, tag, refuse)
    provider = provider_text(agreement, manifest, snapshot, date, refuse)
    pin = _pinned_template(agreement, root, settings, refuse)
    # The organisation's certificate, opened before anything is written; never on a
    # provider's published text, which is the provider's, not ours to sign.
    found = credentials(settings, root) if provider is None else None
    signer = load_signer(found) if found is not None else None
    if provider is None:
        when = date or _existing_date(agreement) or day.today()
        signed_text, done = mark_signed(text, when, pin, refuse), "signed"
    else:
        when, signed_text, done = provider.date, mark_accepted(text, pin, refuse), "accepted"
    signed = _require_valid_text(signed_text, folder, root, settings, refuse)
    data = signed_text.encode("utf-8")
    binding = Binding(agreement_id, agreement.version, sha256_hex(data))
    pdf = _render(render, signed, root, settings, binding, refuse)
    version = agreement.version
    if signer is not None:
        pdf = sign_pdf(pdf, signer, f"{agreement_id} v{version}")
    extra = {provider.name: provider.data} if provider else {}
    files = _archive_files(folder, signed, data, pdf, when, manifest, extra)
    verb = "Sign" if provider is None else "Archive the provider's text of"
    message = f"{verb} {agreement_id} v{version} ({when.isoformat()})"
    commit = _commit(project, files, message, refuse)
    _tag(project, tag, commit, f"{agreement_id} v{version}, {done} {when.isoformat()}", refuse)
    return Signed(agreement_id, version, commit, tuple(files), tag)


def attach(root: Path, settings: Settings, agreement_id: str, version: str, scan: Path) -> Signed:
    """Archive the scan of the executed paper copy of a signed version, and commit it."""
    project, folder = _open(root, settings, agreement_id)
    refuse = _refusal(f"cannot attach to {agreement_id} {version}")
    number = _version_number(version, refuse)
    _require_clean(project, folder / SIGNED_DIR, refuse)
    manifest = _read_manifest(folder, agreement_id, refuse)
    entry = manifest.entry(number) if manifest else None
    if manifest is None or entry is None:
        listed = ", ".join(f"v{e.version}" for e in manifest.signed) if manifest else ""
        raise refuse(f"v{number} is not signed (signed versions: {listed or 'none'})")
    if entry.scan is not None:
        raise refuse(f"v{number} already has a scan ({entry.scan}); the archive is append-only")
    extension = scan.suffix.lower().removeprefix(".")
    if extension not in SCAN_EXTENSIONS:
        allowed = ", ".join(f".{e}" for e in SCAN_EXTENSIONS)
        raise refuse(f"{scan.name} is not a scan: the file must end in {allowed}")
    try:
        data = read_regular(scan, ARCHIVE_MAX_BYTES)
    except Refusal as refusal:
        raise UserError(f"{NOT_REGULAR} {refusal.reason}", path=scan) from None
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror}", path=scan) from None
    name = f"v{number}-scan.{extension}"
    updated = entry.model_copy(update={"files": {**entry.files, name: sha256_hex(data)}})
    entries = [updated if e.version == number else e for e in manifest.signed]
    files = {
        folder / SIGNED_DIR / name: data,
        folder / SIGNED_DIR / MANIFEST: render_manifest(
            manifest.model_copy(update={"signed": entries})
        ).encode("utf-8"),
    }
    commit = _commit(project, files, f"Attach the signed scan of {agreement_id} v{number}", refuse)
    return Signed(agreement_id, number, commit, tuple(files))


# --- the checks before anything is written ----------------------------------------------


def _refusal(prefix: str) -> Callable[[str], UserError]:
    return lambda reason: UserError(f"{prefix}: {reason}")


def _open(root: Path, settings: Settings, agreement_id: str) -> tuple[Project, Path]:
    spec = parse_spec(agreement_id)
    if spec.revision or spec.signed:
        raise UserError(f"name the agreement without a version: {spec.agreement_id}")
    folder = agreement_folder(root, settings, agreement_id)
    if not (folder / AGREEMENT_FILE).is_file():
        shown = f"{settings.agreements_dir}/{agreement_id}/{AGREEMENT_FILE}"
        raise UserError(f"unknown agreement {agreement_id}: no {shown}")
    return open_project(root), folder.resolve()


def _require_clean(project: Project, folder: Path, refuse: Callable[[str], UserError]) -> None:
    where = project.repo_path(folder.relative_to(project.root))
    status = project.repo.git.status("--porcelain", "--untracked-files=all", "--", where)
    if status.strip():
        raise refuse(f"{where} has uncommitted changes; commit or stash them first")


def _require_valid(
    folder: Path, root: Path, settings: Settings, refuse: Callable[[str], UserError]
) -> tuple[Agreement, str]:
    path = folder / AGREEMENT_FILE
    report, loaded = validate([path], settings, root)
    if report.errors or loaded[0].agreement is None or loaded[0].document is None:
        noun = "error" if report.errors == 1 else "errors"
        shown = path.relative_to(root.resolve())
        raise refuse(f"{AGREEMENT_FILE} has {report.errors} {noun}; run `sitegen validate {shown}`")
    return loaded[0].agreement, loaded[0].document.text


def _require_valid_text(
    text: str, folder: Path, root: Path, settings: Settings, refuse: Callable[[str], UserError]
) -> Agreement:
    """The agreement as it will be signed must validate too (a signing date after the
    effective date, for one, is an error only once it is set)."""
    loaded = load_agreement_text(text, folder / AGREEMENT_FILE, settings.load)
    context = LintContext(settings, root, TemplateIndex(root / settings.templates_dir))
    found = [*loaded.findings, *lint_agreement(loaded, context)]
    suppressions = {loaded.path: loaded.document.suppressions} if loaded.document else {}
    errors = [
        f for f in unsuppressed(found, suppressions, settings) if f.severity is Severity.ERROR
    ]
    if errors or loaded.agreement is None:
        shown = output.as_text(relative(errors[0], root)) if errors else "it does not load"
        raise refuse(f"signed, it would not validate: {shown}")
    return loaded.agreement


def _read_manifest(
    folder: Path, agreement_id: str, refuse: Callable[[str], UserError]
) -> Manifest | None:
    path = folder / SIGNED_DIR / MANIFEST
    if not path.exists() and not path.is_symlink():
        return None
    try:
        return parse_manifest(read_regular(path, MANIFEST_MAX_BYTES))
    except Refusal as refusal:
        raise refuse(f"{SIGNED_DIR}/{MANIFEST} {refusal.reason}") from None
    except (ManifestError, OSError) as error:
        raise refuse(f"{SIGNED_DIR}/{MANIFEST} cannot be read: {error}") from None


def _require_new_version(
    project: Project,
    version: int,
    manifest: Manifest | None,
    tag: str,
    refuse: Callable[[str], UserError],
) -> None:
    last = manifest.last.version if manifest and manifest.last else 0
    if manifest and manifest.entry(version):
        raise refuse(
            f"version {version} is already signed ({SIGNED_DIR}/v{version}.yaml); "
            "raise `version` in agreement.yaml to sign an amendment"
        )
    if version < last:
        raise refuse(f"version {version} is lower than the last signed version {last}")
    if version != last + 1:
        raise refuse(
            f"version {version} would skip v{last + 1}: signed versions are consecutive; "
            f"set `version: {last + 1}` in agreement.yaml"
        )
    if any(t.name == tag for t in project.repo.tags):
        raise refuse(f"tag {tag} already exists")


def _existing_date(agreement: Agreement) -> dt.date | None:
    """An agreement marked signed before it was archived keeps its recorded date."""
    # a published agreement is dated by its provider (`provider_text`), never here
    return agreement.dates.signed if agreement.status == "signed" else None


def _pinned_template(
    agreement: Agreement, root: Path, settings: Settings, refuse: Callable[[str], UserError]
) -> str:
    name = agreement.template_name
    if agreement.template_version is not None:
        return agreement.template
    versions = TemplateIndex(root / settings.templates_dir).versions(name)
    if not versions:
        raise refuse(f"template {name} not found under {settings.templates_dir}/")
    return f"{name}@{max(versions)}"


def _version_number(text: str, refuse: Callable[[str], UserError]) -> int:
    match = re.fullmatch(r"v?([1-9][0-9]*)", text)
    if not match:
        raise refuse(f"{text!r} is not a version: write it as v1, v2, …")
    return int(match[1])


def _render(
    render: Renderer | None,
    agreement: Agreement,
    root: Path,
    settings: Settings,
    binding: Binding,
    refuse: Callable[[str], UserError],
) -> bytes:
    if render is None:
        from sitegen.versions.publish import signed_pdf

        render = signed_pdf
    try:
        return render(agreement, root, settings, binding)
    except SitegenError as error:
        raise refuse(f"the PDF could not be made: {error}") from None


def _archive_files(
    folder: Path,
    agreement: Agreement,
    text: bytes,
    pdf: bytes,
    date: dt.date,
    manifest: Manifest | None,
    extra: dict[str, bytes],
) -> dict[Path, bytes]:
    """Every file signing writes: the agreement, its archived copy, the PDF (and a
    published agreement's provider text), the manifest."""
    archived = {f"v{agreement.version}.yaml": text, f"v{agreement.version}.pdf": pdf, **extra}
    entry = Entry(
        version=agreement.version,
        date=date,
        template=agreement.template,
        files={name: sha256_hex(data) for name, data in archived.items()},
        bound=True,
    )
    entries = [*(manifest.signed if manifest else []), entry]
    listed = render_manifest(Manifest(agreement=agreement.id, signed=entries))
    return {
        folder / AGREEMENT_FILE: text,
        **{folder / SIGNED_DIR / name: data for name, data in archived.items()},
        folder / SIGNED_DIR / MANIFEST: listed.encode("utf-8"),
    }


# --- writing, committing, tagging --------------------------------------------------------


def _commit(
    project: Project, files: dict[Path, bytes], message: str, refuse: Callable[[str], UserError]
) -> str:
    """Write every file, then commit exactly those; on any failure put everything back.

    Only the named paths are committed (whatever else is staged stays staged), and commit
    hooks are skipped: a hook that reformats a file would break the byte-identity of the
    agreement and its archived copy.
    """
    names = [project.repo_path(path.relative_to(project.root)) for path in files]
    restore = write_all(files)
    try:
        project.repo.git.add("--", *names)
        project.repo.git.commit("--quiet", "--no-verify", "-m", message, "--", *names)
    except Exception as error:
        restore()
        project.repo.git.reset("--quiet", "--", *names)
        detail = getattr(error, "stderr", "") or str(error)
        raise refuse(f"git commit failed, nothing was changed: {detail.strip()}") from None
    return str(project.repo.head.commit.hexsha)


def _tag(
    project: Project, tag: str, commit: str, message: str, refuse: Callable[[str], UserError]
) -> None:
    try:
        project.repo.create_tag(tag, ref=commit, message=message)
    except Exception as error:
        detail = getattr(error, "stderr", "") or str(error)
        raise refuse(
            f"committed {commit[:12]} but could not create tag {tag}: {detail.strip()}; "
            f"create it with `git tag -a {tag} {commit[:12]}`"
        ) from None


def write_all(files: dict[Path, bytes]) -> Callable[[], None]:
    """Write files all or nothing (temp file, then rename); return a function undoing it."""
    originals = {path: path.read_bytes() if path.exists() else None for path in files}
    staged: dict[Path, Path] = {}
    done: list[Path] = []

    def undo() -> None:
        for temp in staged.values():
            temp.unlink(missing_ok=True)
        for path in done:
            old = originals[path]
            if old is None:
                path.unlink(missing_ok=True)
            else:
                _atomic_write(path, old)

    try:
        for path, data in files.items():
            staged[path] = _temp_copy(path, data)
        for path, temp in staged.items():
            os.replace(temp, path)
            done.append(path)
    except BaseException:
        undo()
        raise
    staged.clear()
    return undo


def _temp_copy(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    return Path(name)


def _atomic_write(path: Path, data: bytes) -> None:
    os.replace(_temp_copy(path, data), path)
