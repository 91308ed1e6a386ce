"""The customer's acceptances of an agreement's period records: `reports/acceptances.yaml`.

The guide's step 5 ends with the customer's contact accepting the service report (客户方对接人
验收服务报告). An acceptance names the period, the SHA-256 of the record accepted, the
accepting contact's role (a role, as the agreement names its contacts, never a person) and
the day. One file per agreement, append-only like the signed archive's manifest: entries are
only ever added at the end, and `validate --history` reports any other change (SG924).
Holding the record's digest, not its path, an acceptance stays true of the record when a
later re-run moves it to `reports/superseded/`.

The file is rendered from its model, so rewriting it to append keeps every earlier entry's
bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field

from sitegen.errors import UserError
from sitegen.files import NOT_REGULAR, Refusal, read_regular
from sitegen.load.base import Bilingual
from sitegen.load.layout import ACCEPTANCES
from sitegen.load.yamltree import Limits
from sitegen.reports.record import quoted
from sitegen.reports.strict_yaml import (
    PERIOD_TEXT,
    Day,
    RecordModel,
    Sha256,
    parse_yaml,
    validated,
)

ACCEPTANCES_MAX_BYTES = 4 << 20  # ~20,000 entries: a century of monthly reports, many times


class Acceptance(RecordModel):
    period: str = Field(pattern=f"^{PERIOD_TEXT}$")
    sha256: Sha256
    role: Annotated[str, Field(min_length=1)]
    date: Day


class Acceptances(RecordModel):
    agreement: str
    accepted: list[Acceptance] = Field(default_factory=list)

    def of(self, period: str, sha256: str) -> Acceptance | None:
        """The acceptance of this record of `period`, if it was accepted."""
        return next((a for a in self.accepted if a.period == period and a.sha256 == sha256), None)


def parse_acceptances(data: bytes, path: Path) -> Acceptances:
    """The acceptances from their bytes; `record_read.Unreadable` at file:line:col if not."""
    if len(data) > ACCEPTANCES_MAX_BYTES:
        raise UserError(f"{len(data):,} bytes is too large for {ACCEPTANCES}", path=path)
    return validated(Acceptances, parse_yaml(data, path, Limits(0, 4)), path)


def render_acceptances(acceptances: Acceptances) -> bytes:
    lines = [
        f"# Acceptances of the service reports of {acceptances.agreement}, written by",
        "# `sitegen report accept`. Append-only: never edit or remove an entry.",
        f"agreement: {quoted(acceptances.agreement)}",
        "accepted:" if acceptances.accepted else "accepted: []",
    ]
    for entry in acceptances.accepted:
        lines += [
            f"  - period: {quoted(entry.period)}",
            f"    sha256: {quoted(entry.sha256)}",
            f"    role: {quoted(entry.role)}",
            f"    date: {entry.date.isoformat()}",
        ]
    return ("\n".join(lines) + "\n").encode("utf-8")


@dataclass(frozen=True)
class Held:
    """An agreement's acceptances file as it is on disk: its text for places, its model."""

    path: Path
    acceptances: Acceptances
    text: str

    def line_of(self, index: int) -> int:
        """1-based line of the `index`th entry (the line of its `- period:`)."""
        seen = -1
        for number, line in enumerate(self.text.splitlines(), 1):
            if line.lstrip().startswith("- period:"):
                seen += 1
                if seen == index:
                    return number
        return 1


def read_acceptances(reports: Path, agreement_id: str) -> Held:
    """The acceptances under `reports/` (none yet: an empty list); errors name the file."""
    path = reports / ACCEPTANCES
    try:
        data = read_regular(path, ACCEPTANCES_MAX_BYTES)
    except FileNotFoundError:
        return Held(path, Acceptances(agreement=agreement_id), "")
    except Refusal as refusal:
        raise UserError(f"{NOT_REGULAR} the file {refusal.reason}", path=path) from None
    except OSError as error:
        raise UserError(f"cannot read: {error.strerror}", path=path) from None
    return Held(path, parse_acceptances(data, path), data.decode("utf-8"))


def role_as_named(role: str, roles: Sequence[Bilingual], lang: str) -> str:
    """The accepting role in `lang`, as the agreement names it: `sitegen report accept`
    takes a customer contact's role in either language, and a Chinese page should not say
    "IT Centre Manager (service liaison)已于…验收". As recorded when no role matches."""
    written = role.strip()
    found = next((r for r in roles if written in (r.zh, r.en)), None)
    return found.get(lang) if found is not None else role
