"""Project settings, from an optional `sitegen.toml` at the top of the agreements repository."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sitegen.errors import UserError
from sitegen.load.invalid import first_invalid

CONFIG_NAME = "sitegen.toml"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class VagueWords(_Section):
    zh: list[str] = Field(default_factory=list, description="Chinese words added to the list")
    en: list[str] = Field(default_factory=list, description="English phrases added to the list")
    allow: list[str] = Field(default_factory=list, description="Built-in words to accept")


class LintSettings(_Section):
    ignore: list[str] = Field(default_factory=list, description="Finding codes to leave out")
    vague_words: VagueWords = Field(default_factory=VagueWords)


class LoadSettings(_Section):
    max_bytes: int = Field(default=256 * 1024, ge=1024)
    max_aliases: int = Field(default=16, ge=0)
    max_depth: int = Field(default=32, ge=4)


class Settings(_Section):
    """Everything a project can set; all of it has a default."""

    id_prefixes: list[str] = Field(default_factory=lambda: ["SLA", "OLA"])
    agreements_dir: str = "agreements"
    templates_dir: str = "templates"
    names: list[str] = Field(
        default_factory=list,
        description="Names with digits in them (21Vianet, Microsoft 365): digits SG705 does "
        "not count",
    )
    load: LoadSettings = Field(default_factory=LoadSettings)
    lint: LintSettings = Field(default_factory=LintSettings)

    @classmethod
    def find(cls, start: Path) -> tuple[Settings, Path]:
        """Settings of the project holding `start`, and that project's root folder.

        The root is the nearest folder upward with a `sitegen.toml`; failing that, with an
        `agreements/` folder; failing that, `start` itself.
        """
        start = start.resolve()
        for folder in (start, *start.parents):
            if (folder / CONFIG_NAME).is_file():
                return cls.read(folder / CONFIG_NAME), folder
        for folder in (start, *start.parents):
            if (folder / "agreements").is_dir():
                return cls(), folder
        return cls(), start

    @classmethod
    def read(cls, path: Path) -> Settings:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise UserError(f"cannot read settings: {error}", path=path) from None
        except tomllib.TOMLDecodeError as error:
            raise UserError(f"not valid TOML: {error}", path=path) from None
        try:
            return cls.model_validate(data)
        except ValidationError as error:
            raise UserError(first_invalid(error).message, path=path) from None
