"""A loaded YAML document that still knows where every value came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from sitegen.findings import FieldPath, Finding, Severity

# How many lines below a value to look for a word inside it (block scalars span lines).
_NEEDLE_LINES = 40


@dataclass(frozen=True)
class Document:
    """The text of one file and its round-trip tree (ruamel keeps 0-based positions)."""

    path: Path
    text: str
    root: CommentedMap

    def locate(self, field: FieldPath, *, key: bool = False, needle: str = "") -> tuple[int, int]:
        """1-based (line, column) of a field's value, of its key, or of a word inside it."""
        line, col, _ = self._walk(field, key)
        if needle:
            line, col = self._find(needle, line, col)
        return line + 1, col + 1

    def present(self, field: FieldPath) -> FieldPath:
        """The part of a path that exists in the file (without pydantic's union tags)."""
        return self._walk(field, False)[2]

    def _walk(self, field: FieldPath, key: bool) -> tuple[int, int, FieldPath]:
        """Follow a path down the tree. Parts that are not in the tree (pydantic's union tags,
        a missing key) are passed over, so a missing key points at the mapping that lacks it.
        """
        node: Any = self.root
        line, col = self.root.lc.line, self.root.lc.col
        matched: list[str | int] = []
        for i, part in enumerate(field):
            last = i == len(field) - 1
            if isinstance(node, CommentedMap) and part in node:
                line, col = node.lc.key(part) if (key and last) else node.lc.value(part)
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                line, col = node.lc.item(part)
                node = node[part]
            else:
                continue
            matched.append(part)
            if isinstance(node, CommentedMap | CommentedSeq) and not (key and last):
                line, col = node.lc.line, node.lc.col
        return line, col, tuple(matched)

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
