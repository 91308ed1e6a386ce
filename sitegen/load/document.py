"""A loaded YAML document that still knows where every value came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitegen.findings import FieldPath, Finding, Severity
from sitegen.load.suppressions import Suppression
from sitegen.load.yamltree import Position

# How many lines below a value to look for a word inside it (block scalars span lines).
_NEEDLE_LINES = 40


@dataclass(frozen=True)
class Document:
    """The text of one file, its plain data, and the 0-based position of every value."""

    path: Path
    text: str
    data: dict[str, Any]
    positions: dict[FieldPath, Position]
    suppressions: tuple[Suppression, ...] = ()  # `# sitegen: ignore[…]` comments

    def locate(self, field: FieldPath, *, key: bool = False, needle: str = "") -> tuple[int, int]:
        """1-based (line, column) of a field's value, of its key, or of a word inside it.

        Parts of the path that are not in the file (pydantic's union tags, a missing key)
        are passed over, so a missing key points at the mapping that lacks it.
        """
        present = self.present(field)
        key_line, key_col, line, col = self.positions.get(present, (0, 0, 0, 0))
        if key and present and present[-1] == field[-1]:
            line, col = key_line, key_col
        if needle:
            line, col = self._find(needle, line, col)
        return line + 1, col + 1

    def present(self, field: FieldPath) -> FieldPath:
        """The part of a path that exists in the file (without pydantic's union tags)."""
        matched: list[str | int] = []
        for part in field:
            candidate = (*matched, part)
            if candidate in self.positions:
                matched.append(part)
        return tuple(matched)

    def _find(self, needle: str, line: int, col: int) -> tuple[int, int]:
        lines = self.text.splitlines()
        for number in range(line, min(line + _NEEDLE_LINES, len(lines))):
            start = col if number == line else 0
            found = lines[number].find(needle, start)
            if found >= 0:
                return number, found
        return line, col

    def finding(
        self,
        field: FieldPath,
        code: str,
        severity: Severity,
        message: str,
        *,
        key: bool = False,
        needle: str = "",
        context: str = "",
    ) -> Finding:
        line, column = self.locate(field, key=key, needle=needle)
        return Finding(self.path, line, column, code, severity, message, field, context)
