"""`sitegen new`: a complete skeleton agreement that validates, ready to be filled in.

The text is the package data file `sitegen/data/skeleton.yaml`, commented for the person
filling it. This module checks the request, fills in four values (each checked first, and
each a plain word that cannot change the YAML around it) and writes the file, never over an
existing one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from contextlib import suppress
from importlib import resources
from pathlib import Path

from sitegen.compose.templates import Template, TemplateIndex
from sitegen.errors import UserError
from sitegen.load import day
from sitegen.load.config import Settings
from sitegen.load.layout import AGREEMENT_FILE

SKELETON = "skeleton.yaml"

ID_PATTERN = re.compile(r"[A-Z]{2,10}-[0-9]{4}-[0-9]{3,6}")
_TEMPLATE = re.compile(r"(?P<name>[a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:@(?P<version>[1-9][0-9]*))?")
_SLUG = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_TOKEN = re.compile(r"__([A-Z]+(?:_[A-Z]+)*)__")


def write_skeleton(
    root: Path,
    settings: Settings,
    agreement_id: str,
    template: str,
    *,
    today: dt.date | None = None,
) -> Path:
    """Write `<root>/<agreements_dir>/<ID>/agreement.yaml`; return its path.

    Refuses with a UserError, writing nothing, when the ID is malformed or has a prefix the
    project does not use, when the agreement's folder exists, or when the template does not.
    """
    check_id(agreement_id, settings)
    folder = root / settings.agreements_dir / agreement_id
    if folder.exists():
        raise _exists(folder, root)
    pinned, chosen = find_template(root / settings.templates_dir, template, settings.templates_dir)
    text = fill(
        skeleton_text(),
        {
            "AGREEMENT_ID": agreement_id,
            "TEMPLATE": pinned,
            "EFFECTIVE_DATE": (today or day.today()).isoformat(),
            "SECTIONS": ", ".join(s for s in chosen.manifest.section_ids if _SLUG.fullmatch(s)),
        },
    )
    return _write(folder, text, root)


def check_id(agreement_id: str, settings: Settings) -> None:
    """The ID must have the agreed shape and one of the project's prefixes."""
    if not ID_PATTERN.fullmatch(agreement_id):
        raise UserError(
            f"{agreement_id!r} is not an agreement ID: write 2 to 10 capital letters, a 4-digit "
            "year and a 3- to 6-digit number, joined by hyphens, e.g. SLA-2025-001"
        )
    prefix = agreement_id.partition("-")[0]
    if prefix not in settings.id_prefixes:
        allowed = ", ".join(settings.id_prefixes) or "none"
        raise UserError(
            f"the prefix {prefix} is not one of the project's ID prefixes ({allowed}): use one "
            "of them, or add it to id_prefixes in sitegen.toml"
        )


def find_template(folder: Path, requested: str, shown: str) -> tuple[str, Template]:
    """The template `name` (its newest version) or `name@N` under `folder`, and the pinned
    reference an agreement uses for it: `name@N`, after the folders it was found in."""
    index = TemplateIndex(folder)
    match = _TEMPLATE.fullmatch(requested)
    if match and index.versions(match["name"]):
        name, versions = match["name"], index.versions(match["name"])
        version = int(match["version"]) if match["version"] else versions[-1]
        found = index.get(name, version) if version in versions else None
        if found is not None:
            return f"{name}@{version}", found
    available = [f"{name}@{v}" for name in index.names() for v in index.versions(name)]
    if not available:
        raise UserError(
            f"there is no template {requested!r} under {shown}/, and that folder holds no "
            f"templates: add one as {shown}/<name>/v1/template.yaml"
        )
    raise UserError(
        f"there is no template {requested!r} under {shown}/: use one of {', '.join(available)}"
    )


def skeleton_text() -> str:
    """The commented skeleton shipped with the package, before its values are filled in."""
    return resources.files("sitegen").joinpath("data", SKELETON).read_text(encoding="utf-8")


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace each `__NAME__` by its value in one pass, so a value is never read again."""
    unknown = set(_TOKEN.findall(text)) - set(values)
    if unknown:
        raise ValueError(f"{SKELETON} has no value for {', '.join(sorted(unknown))}")
    return _TOKEN.sub(lambda match: values[match[1]], text)


def _write(folder: Path, text: str, root: Path) -> Path:
    """Create the folder and the file; both must be new. Nothing is left behind on failure."""
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        raise _exists(folder, root) from None
    except OSError as error:
        raise UserError(
            f"cannot create the folder: {error.strerror}", path=_shown(folder, root)
        ) from None
    path = folder / AGREEMENT_FILE
    try:
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as error:
        with suppress(OSError):
            path.unlink(missing_ok=True)
            folder.rmdir()
        raise UserError(f"cannot write: {error.strerror}", path=_shown(path, root)) from None
    return path


def _exists(folder: Path, root: Path) -> UserError:
    return UserError(
        "already exists, and an existing agreement is never overwritten: choose another ID",
        path=_shown(folder, root),
    )


def _shown(path: Path, root: Path) -> str:
    """The path as a person finds it from the project's root."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
