"""What makes a manifest entry a signed version, beyond its files' hashes.

Hashes only show that a file is what the manifest says. Before these rules
`validate --history` caught 8 of 18 tampering kinds: an entry added by hand passed (v3
without v2, v2 dated before v1 whose `v2.yaml` is a draft, v2 whose PDF is v1's or another
agreement's), as did a changed `agreement:` field and a deleted tag. An entry must now be
consecutive, dated no earlier than the one before, hold a `vN.yaml` that loads as that
agreement's version N signed on that date with that template, have its tag `ID/vN`, and a
`vN.pdf` whose XMP metadata binds it to that YAML (`sitegen.render.binding`).

Which entries: versions signed before the binding existed cannot be rewritten, so an entry
without `bound: true` is trusted as it was, but only while it is unchanged from the base
revision and no bound entry comes before it. An entry added since the base must be bound
(only `sitegen sign` writes one), and once an archive has a bound entry every later entry
must be bound too, so a forged entry cannot claim the old format even on the main branch.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from sitegen.files import Refusal
from sitegen.findings import Finding, Severity
from sitegen.load import load_agreement_bytes
from sitegen.load.config import Settings
from sitegen.load.layout import MANIFEST, SIGNED_DIR
from sitegen.load.model import Agreement
from sitegen.render.binding import Binding, Unbound, read_binding
from sitegen.versions.archive_files import (
    Entry,
    Folder,
    Manifest,
    ManifestError,
    entry_line,
    is_scan,
    only_scan_added,
    parse_manifest,
    read_archived,
    sha256_hex,
)
from sitegen.versions.history import Base, Project, blob_bytes, blobs_at

MESSAGES = {
    "SG913": "stored in git as a symbolic link (mode 120000): an archived file must be a "
    "regular file",
    "SG914": "agreement: {found} is not this folder's agreement {expected}",
    "SG915": "v{version} follows {previous}: signed versions are consecutive (expected "
    "v{expected})",
    "SG916": "v{version} is dated {date}, before v{previous} ({previous_date}): signing "
    "dates never go back",
    "SG917": "not {agreement} v{version} as signed on {date}: {problems}",
    "SG918": "no tag {tag} for v{version}: a signed version keeps its signing tag (a deleted "
    "tag cannot be told from an entry added by hand)",
    "SG919": "not bound to v{version}.yaml: the PDF {reason}",
    "SG920": "v{version} is not bound to its PDF ({why}): only `sitegen sign` adds a "
    "signed version",
    "SG921": "v{version} {problem}: a version's files are v{version}.yaml, v{version}.pdf "
    "and at most one v{version}-scan",
}


def _error(path: Path, code: str, line: int = 1, **values: object) -> Finding:
    return Finding(path, line, 1, code, Severity.ERROR, MESSAGES[code].format(**values))


def manifests_at(project: Project, base: Base | None, folders: list[Folder]) -> dict[str, Manifest]:
    """Each folder's manifest as it was at `base`, where it was readable: one git process."""
    if base is None:
        return {}
    queries = {
        folder.agreement_id: f"{base.sha}:"
        + project.repo_path((folder.signed / MANIFEST).relative_to(project.root))
        for folder in folders
    }
    blobs = blobs_at(project, list(queries.values()))
    data = dict(blob_bytes(project, [sha for sha in blobs.values() if sha]))
    found: dict[str, Manifest] = {}
    for agreement_id, query in queries.items():
        blob = blobs[query]
        try:
            if blob is not None:
                found[agreement_id] = parse_manifest(data[blob])
        except ManifestError:
            continue  # nothing at the base is trusted then
    return found


def symlinks_in_git(project: Project, settings: Settings) -> list[Finding]:
    """Files under any `signed/` that HEAD stores as symbolic links: one git process."""
    if not project.repo.head.is_valid():
        return []
    where = project.repo_path(settings.agreements_dir)
    out = project.repo.git.ls_tree("-r", "-z", "--full-tree", "HEAD", "--", where)
    findings = []
    for record in out.split("\0"):
        meta, _, path = record.partition("\t")
        if meta.startswith("120000 ") and PurePosixPath(path).parent.name == SIGNED_DIR:
            findings.append(_error(project.local(path), "SG913"))
    return findings


def check_entries(
    folders: list[Folder], at_base: dict[str, Manifest], tags: set[str], base: Base | None
) -> list[Finding]:
    """Every rule above, for every archive with a readable manifest."""
    findings: list[Finding] = []
    for folder in folders:
        if folder.manifest is not None:
            before = at_base.get(folder.agreement_id)
            findings += _folder(folder, folder.manifest, before, tags, base)
    return findings


def _folder(
    folder: Folder, manifest: Manifest, before: Manifest | None, tags: set[str], base: Base | None
) -> list[Finding]:
    path = folder.signed / MANIFEST
    findings: list[Finding] = []
    if manifest.agreement != folder.agreement_id:
        line = _line_of(folder.manifest_text, "agreement:")
        found, expected = manifest.agreement, folder.agreement_id
        findings.append(_error(path, "SG914", line, found=found, expected=expected))
    previous: Entry | None = None
    bound_before: Entry | None = None
    for entry in manifest.signed:
        old = before.entry(entry.version) if before else None
        trusted = old is not None and only_scan_added(old, entry) and bound_before is None
        if entry.bound or not trusted:
            findings += _entry(folder, entry, previous, tags)
        if not entry.bound and not trusted:
            since = base.label if base else "the first commit"
            why = (
                f"it follows the bound v{bound_before.version}"
                if bound_before is not None
                else f"it was {'added' if old is None else 'changed'} since {since}"
            )
            line = entry_line(folder.manifest_text, entry.version)
            findings.append(_error(path, "SG920", line, version=entry.version, why=why))
        bound_before = entry if entry.bound else bound_before
        previous = entry
    return findings


def _line_of(text: str, prefix: str) -> int:
    lines = text.splitlines()
    return next((n for n, line in enumerate(lines, 1) if line.startswith(prefix)), 1)


def _entry(folder: Folder, entry: Entry, previous: Entry | None, tags: set[str]) -> list[Finding]:
    path = folder.signed / MANIFEST
    line = entry_line(folder.manifest_text, entry.version)
    version = entry.version
    findings = [_error(path, "SG921", line, version=version, problem=p) for p in _names(entry)]
    expected = previous.version + 1 if previous else 1
    if version != expected:
        shown = f"v{previous.version}" if previous else "no earlier version"
        findings.append(
            _error(path, "SG915", line, version=version, previous=shown, expected=expected)
        )
    if previous is not None and entry.date < previous.date:
        findings.append(
            _error(
                path,
                "SG916",
                line,
                version=version,
                date=entry.date,
                previous=previous.version,
                previous_date=previous.date,
            )
        )
    findings += _signed_yaml(folder, entry)
    tag = f"{folder.agreement_id}/v{version}"
    if tag not in tags:
        findings.append(_error(path, "SG918", line, tag=tag, version=version))
    if entry.bound:
        findings += _binding(folder, entry)
    return findings


def _names(entry: Entry) -> list[str]:
    """What is wrong with the names of an entry's files."""
    own = {f"v{entry.version}.yaml", f"v{entry.version}.pdf"}
    problems = [f"lacks {name}" for name in sorted(own - set(entry.files))]
    for name in entry.files:
        if name not in own and not (is_scan(name) and name.startswith(f"v{entry.version}-")):
            problems.append(f"lists {name}")
    return problems


def _recorded(folder: Folder, entry: Entry, name: str) -> bytes | None:
    """A file of the entry as the manifest records it; None when it is missing, refused or
    changed (SG904, SG111, SG903 say so: its content is not what the entry claims)."""
    expected = entry.files.get(name)
    try:
        data = read_archived(folder.signed / name) if expected else None
    except (Refusal, OSError):
        return None
    return data if data is not None and sha256_hex(data) == expected else None


def _signed_yaml(folder: Folder, entry: Entry) -> list[Finding]:
    """`vN.yaml` loads as this agreement's version N, signed on the entry's date."""
    path = folder.signed / f"v{entry.version}.yaml"
    data = _recorded(folder, entry, path.name)
    if data is None:
        return []
    loaded = load_agreement_bytes(data, path, upgrade=True)
    if loaded.agreement is None:
        first = loaded.findings[0] if loaded.findings else None
        problems = [f"it does not load ({first.code} {first.message})" if first else "no data"]
    else:
        problems = _differences(loaded.agreement, folder.agreement_id, entry)
    if not problems:
        return []
    shown = "; ".join(problems)
    values = {"agreement": folder.agreement_id, "version": entry.version, "date": entry.date}
    return [_error(path, "SG917", 1, problems=shown, **values)]


def _differences(agreement: Agreement, agreement_id: str, entry: Entry) -> list[str]:
    signed = agreement.dates.signed
    checks = [
        (agreement.id == agreement_id, f"its id is {agreement.id}"),
        (agreement.version == entry.version, f"its version is {agreement.version}"),
        (agreement.status == "signed", f"its status is {agreement.status}"),
        (signed == entry.date, f"its signing date is {signed or 'missing'}"),
        (agreement.template == entry.template, f"its template is {agreement.template}"),
    ]
    return [problem for ok, problem in checks if not ok]


def _binding(folder: Folder, entry: Entry) -> list[Finding]:
    """`vN.pdf` names, in its XMP metadata, this agreement, version N and vN.yaml's hash."""
    path = folder.signed / f"v{entry.version}.pdf"
    yaml_sha = entry.files.get(f"v{entry.version}.yaml")
    data = _recorded(folder, entry, path.name)
    if data is None or yaml_sha is None:
        return []
    expected = Binding(folder.agreement_id, entry.version, yaml_sha)
    try:
        found = read_binding(data)
    except Unbound as unbound:
        return [_error(path, "SG919", version=entry.version, reason=str(unbound))]
    if found == expected:
        return []
    reason = f"is bound to {found.describe()}, not {expected.describe()}"
    return [_error(path, "SG919", version=entry.version, reason=reason)]
