"""Project settings, from an optional `sitegen.toml` at the top of the agreements repository.

tomllib keeps no line numbers, so an error's place is found again in the text: the line of
the table or key its field path names (`settings_place`), enough for a hand-written file.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from sitegen.calendars import OfficialYear
from sitegen.errors import Location, UserError
from sitegen.load.input_mappings import ReportSettings
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


class OfficialDays(_Section):
    """`[calendar.CN.2027]`: a year's official days, until the calendar library has them."""

    holidays: list[dt.date] = Field(
        default_factory=list, description="Public holidays and adjusted rest days (休息日)"
    )
    workdays: list[dt.date] = Field(
        default_factory=list, description="Make-up working days (调休上班日): weekend days worked"
    )


class SigningSettings(_Section):
    """`[signing]`: the organisation's certificate for PAdES signatures on signed PDFs. The
    passphrase is never a setting: it comes from SITEGEN_SIGNING_PASSPHRASE."""

    pkcs12: str | None = Field(
        default=None,
        description="The PKCS#12 file (.p12, .pfx) of the organisation's signing "
        "certificate, outside the repository (SITEGEN_SIGNING_PKCS12 overrides it)",
    )
    trust: list[str] = Field(
        default_factory=list,
        description="PEM or DER certificates `sitegen verify` trusts as roots",
    )


Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
Year = Annotated[int, Field(ge=1900, le=2999)]


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
    calendar: dict[Country, dict[Year, OfficialDays]] = Field(
        default_factory=dict,
        description="Official days of years the calendar library does not cover yet",
    )
    reports: ReportSettings = Field(default_factory=ReportSettings)
    signing: SigningSettings = Field(default_factory=SigningSettings)
    commit_url: str | None = Field(
        default=None,
        pattern=r"^https://[^\s\"'<>`{}]+(?:\{commit\}[^\s\"'<>`{}]*)$",
        description="A commit's address on the git host, {commit} standing for its hash: "
        "the site's history links each version's commit there",
    )

    def official_years(self, country: str) -> dict[int, OfficialYear]:
        """The years `sitegen.toml` gives for a country's working-day calendar."""
        return {
            year: OfficialYear(frozenset(days.holidays), frozenset(days.workdays))
            for year, days in self.calendar.get(country, {}).items()
        }

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
            text = path.read_text(encoding="utf-8")
            data = tomllib.loads(text)
        except (OSError, UnicodeDecodeError) as error:
            raise UserError(f"cannot read settings: {error}", path=path) from None
        except tomllib.TOMLDecodeError as error:
            raise UserError(f"not valid TOML: {_reason(error)}", path=_place(path, error)) from None
        try:
            settings = cls.model_validate(data)
        except ValidationError as error:
            invalid = first_invalid(error)
            where = settings_place(path, text, invalid.loc)
            raise UserError(invalid.message, path=where) from None
        for loc, message in settings._calendar_problems():
            raise UserError(message, path=settings_place(path, text, loc))
        return settings

    def _calendar_problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Official days outside their year, or both a holiday and a working day."""
        found: list[tuple[tuple[str | int, ...], str]] = []
        for country, years in self.calendar.items():
            for year, days in years.items():
                name = f"calendar.{country}.{year}"
                for key in ("holidays", "workdays"):
                    for day in getattr(days, key):
                        if day.year != year:
                            found.append(((*name.split("."), key),
                                          f"{name}.{key}: {day} is not in {year}"))  # fmt: skip
                both = sorted(set(days.holidays) & set(days.workdays))
                if both:
                    found.append(((*name.split("."), "workdays"), f"{name}: {both[0]} is "
                                  "both a holiday and a working day"))  # fmt: skip
        return found


_AT = re.compile(r" \(at line (\d+), column (\d+)\)$")


def _reason(error: tomllib.TOMLDecodeError) -> str:
    return _AT.sub("", str(error))


def _place(path: Path, error: tomllib.TOMLDecodeError) -> Location:
    """tomllib says where as `(at line 3, column 17)` at the end of its message."""
    found = _AT.search(str(error))
    return Location(path, int(found[1]), int(found[2])) if found else Location(path)


def settings_place(path: Path, text: str, loc: tuple[str | int, ...]) -> Location:
    """The line and column of the key or table a field path names, as near as the text
    shows it: each part is looked for from the line of the part before it."""
    lines = text.splitlines()
    row, column = None, None
    start = 0
    for part in (str(p) for p in loc):
        key = re.compile(rf'(?:^|[.\[\s"]){re.escape(part)}(?:["\s.\]=]|$)')
        for index in range(start, len(lines)):
            found = key.search(lines[index].split("#", 1)[0])
            if found:
                row, column = index + 1, found.start() + 1 + (found.group()[0] != part[0])
                start = index
                break
    return Location(path, row, column) if row is not None else Location(path)
