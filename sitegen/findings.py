"""Findings: what validation reports, each at a place a person can open."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

FieldPath = tuple[str | int, ...]


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem (or note) in one file, 1-based line and column."""

    path: Path
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    field: FieldPath = ()
    context: str = ""

    @property
    def field_text(self) -> str:
        return format_field(self.field)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.path), self.line, self.column, self.code)


def format_field(path: FieldPath) -> str:
    """('slos', 'priorities', 0, 'response') -> 'slos.priorities[0].response'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass
class Report:
    """Every finding of one run, in file order."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0

    def extend(self, findings: list[Finding]) -> None:
        self.findings.extend(findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=Finding.sort_key)
