"""Contract templates on disk: `templates/<name>/v<N>/template.yaml` plus its clause texts.

Templates are trusted (reviewed like code); this module only finds them and reads their
manifest: the template's version and its ordered sections.

A template read is kept for the process under its folder, and used again only while the
folder's content digest (`sitegen.digest.folder_digest`, the digest the cache keys are
made of) is the same: `mkdocs serve` generating again after an edit reads the edited
template, and so do the workers it forks. Checking the digest of a kept template costs
~50 µs (a `stat` per file); reading the manifest again ~1 ms.

Every key that depends on templates hashes them in one shape, given here: the digest of the
version folder `templates/<name>/v<N>` an agreement pins or resolves to
(`TemplateIndex.digest`, the page and document keys, and `Template.digest`), and for
validation, which checks against every version, those digests by name and version
(`TemplateIndex.digest_all`). There were three shapes (the whole `templates/` folder,
`templates/<name>` with all its versions, and the version folder): a new v2 then changed the
key of every page of an agreement pinned to v1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from sitegen.digest import folder_digest, named_key
from sitegen.errors import UserError
from sitegen.files import NOT_REGULAR, TEMPLATE_MAX_BYTES, Refusal, read_regular
from sitegen.load.invalid import first_invalid
from sitegen.load.model import Bilingual

MANIFEST = "template.yaml"
INDEX_KEYS = "sitegen-template-index 1"
_VERSION_DIR = re.compile(r"v([1-9][0-9]*)")


class SectionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: Bilingual
    optional: bool = Field(default=False, description="An agreement may omit it")
    needs: list[str] = Field(
        default_factory=list, description="Agreement fields the section cannot do without"
    )
    kinds: list[Literal["negotiated", "published"]] = Field(
        default=["negotiated", "published"],
        description="The kinds of agreement whose contract has this section",
    )
    titles: dict[Literal["negotiated", "published"], Bilingual] = Field(
        default_factory=dict, description="The section's title in the contract of one kind"
    )


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    version: int
    title: Bilingual
    sections: list[SectionSpec]

    @property
    def section_ids(self) -> list[str]:
        return [s.id for s in self.sections]


@dataclass(frozen=True)
class Template:
    folder: Path
    manifest: Manifest
    digest: bytes  # of every file of `folder`, when the manifest was read

    @property
    def name(self) -> str:
        return self.manifest.name

    @property
    def version(self) -> int:
        return self.manifest.version


@dataclass(frozen=True)
class TemplateIndex:
    """Every template version under one `templates/` folder, read once."""

    root: Path

    @cached_property
    def _versions(self) -> dict[str, dict[int, Path]]:
        found: dict[str, dict[int, Path]] = {}
        if not self.root.is_dir():
            return found
        for folder in sorted(self.root.glob(f"*/v*/{MANIFEST}")):
            match = _VERSION_DIR.fullmatch(folder.parent.name)
            if match:
                found.setdefault(folder.parent.parent.name, {})[int(match[1])] = folder.parent
        return found

    @cached_property
    def _digests(self) -> dict[Path, bytes]:
        return {}

    def names(self) -> list[str]:
        return sorted(self._versions)

    def versions(self, name: str) -> list[int]:
        return sorted(self._versions.get(name, {}))

    def folder(self, name: str, version: int | None = None) -> Path | None:
        """A template version's folder; the newest when `version` is None. None when not
        there."""
        versions = self._versions.get(name, {})
        if not versions:
            return None
        chosen = max(versions) if version is None else version
        return versions.get(chosen)

    def get(self, name: str, version: int | None = None) -> Template | None:
        """A template version; the newest when `version` is None. None when not there."""
        folder = self.folder(name, version)
        return None if folder is None else self._read(folder)

    def digest(self, name: str, version: int | None = None) -> bytes:
        """The digest of the version an agreement naming `name` (and `version`, if pinned)
        is made with: the one its `Template.digest` has, and every key of it uses. A
        version not there has the digest of nothing (such an agreement does not validate).
        Computed once per index: a run's keys all hash a folder as it was when first asked."""
        folder = self.folder(name, version)
        return b"" if folder is None else self._digest_of(folder)

    def digest_all(self) -> bytes:
        """The digest of every version (what validation checks agreements against), made of
        the digests `digest` gives, each framed by its name and version."""
        inputs = {
            f"{name}@{version}": self.digest(name, version)
            for name in self.names()
            for version, folder in sorted(self._versions[name].items())
        }
        return bytes.fromhex(named_key(INDEX_KEYS, inputs))

    def _read(self, folder: Path) -> Template:
        return _read_template(folder, self._digest_of(folder))

    def _digest_of(self, folder: Path) -> bytes:
        """A version folder's digest, computed once per index: walking and checking its
        files on every look-up cost ~1.1 ms, five look-ups per agreement validated."""
        if folder not in self._digests:
            self._digests[folder] = folder_digest(folder)
        return self._digests[folder]


_CACHE: dict[Path, Template] = {}


def _read_template(folder: Path, digest: bytes) -> Template:
    """The template in `folder`, read again whenever its digest (a file of it) changed."""
    kept = _CACHE.get(folder)
    if kept is None or kept.digest != digest:
        path = folder / MANIFEST
        try:
            text = read_regular(path, TEMPLATE_MAX_BYTES).decode("utf-8")
            manifest = Manifest.model_validate(YAML(typ="safe").load(text))
        except Refusal as refusal:
            raise UserError(
                f"{NOT_REGULAR} the template manifest {refusal.reason}", path=path
            ) from None
        except (OSError, YAMLError, UnicodeDecodeError) as error:
            raise UserError(f"cannot read the template manifest: {error}", path=path) from None
        except ValidationError as error:
            raise UserError(first_invalid(error).message, path=path) from None
        _CACHE[folder] = kept = Template(folder, manifest, digest)
    return kept
