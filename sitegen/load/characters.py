"""Characters that make a text show one thing and say another (SG109).

A bidi control reorders what is displayed without changing what is stored: logical
`ecnailpmoc-non` inside U+202E … U+202C shows as "non-compliance" in the PDF, and logical
`06` shows as `60`, so a reviewer reads one number while the rules compare another.
Zero-width characters, the soft hyphen, tag characters and the like are drawn as nothing,
so two texts that look the same differ; C0/C1 controls made typst fail with a traceback
at render time (`"\\0"`, `"\\x01"`, `"\\x7f"`), and private-use and non-characters have no
agreed meaning (U+E000 and U+FFFF failed late). None of them belongs in a contract, so an
agreement file holding one anywhere (text, key, value, comment) is refused at its place.

What counts, by Unicode general category (unicodedata of the running Python):
- Cc, controls, except tab, line feed and (in the file, as part of a line break) carriage
  return;
- Cf, format characters: the bidi embeddings, overrides and isolates (U+202A–202E,
  U+2066–2069), the marks U+200E/200F/061C, zero-width space, joiners, word joiner
  (U+200B–200D, U+2060), U+FEFF after the first character, the soft hyphen U+00AD, the
  tag characters U+E0001–E007F, invisible operators, interlinear annotation marks;
- Zl and Zp, U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: line breaks that YAML
  does not count as one;
- Co, private use (U+E000–F8FF and planes 15–16), and the 66 non-characters (U+FDD0–FDEF
  and the last two code points of every plane);
- a few letters drawn as blank space: U+034F, U+115F, U+1160, U+3164, U+FFA0.
Everything else is left to the font check (SG110): a character a font covers is drawn.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

_BIDI = frozenset(
    chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)
)
_BLANK_LETTERS = frozenset("\u034f\u115f\u1160\u3164\uffa0")
_ALLOWED_CONTROLS = frozenset("\t\n")


def is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


@lru_cache(maxsize=4096)
def kind(char: str) -> str | None:
    """Why `char` is refused (a phrase), or None when it may stand in a text."""
    if char in _ALLOWED_CONTROLS:
        return None
    if char in _BIDI:
        return "a direction control (it changes the order the text is shown in)"
    category = unicodedata.category(char)
    if category == "Cc":
        return "a control character"
    if category == "Co":
        return "a private-use character (it has no agreed meaning)"
    if is_noncharacter(ord(char)):
        return "a non-character"
    if category == "Cs":
        return "a lone surrogate"
    if category in ("Cf", "Zl", "Zp") or char in _BLANK_LETTERS:
        return "an invisible character (it is drawn as nothing)"
    return None


def label(char: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`; controls and unnamed points as Unicode writes them."""
    code = ord(char)
    name = unicodedata.name(char, "")
    if not name:
        category = unicodedata.category(char)
        if category == "Cc":
            name = "<control>"
        elif category == "Co":
            name = "<private-use>"
        elif is_noncharacter(code):
            name = "<noncharacter>"
        else:
            name = "<unassigned>"
    return f"U+{code:04X} {name}"


def refusal(char: str) -> str:
    """The message for a refused character."""
    return f"{label(char)} is {kind(char)}: remove it"


def hidden(text: str, *, in_file: bool = False) -> Iterator[tuple[int, str]]:
    """Each refused character of `text` with its index. `in_file`: a carriage return is
    part of a line break (YAML reads CR LF as one), not a character of the text."""
    refused = {c for c in set(text) if kind(c) is not None}  # each distinct character once
    if in_file:
        refused.discard("\r")
    if not refused:
        return
    for index, char in enumerate(text):
        if char in refused:
            yield index, char


def places(text: str) -> Iterator[tuple[int, int, str]]:
    """Each refused character of a file's text: 0-based line, column and the character."""
    line_start, line = 0, 0
    for index, char in hidden(text, in_file=True):
        line += text.count("\n", line_start, index)
        line_start = text.rfind("\n", 0, index) + 1
        yield line, index - line_start, char


_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))", re.S)
_SHORT = {"0": "\0", "a": "\a", "b": "\b", "v": "\v", "f": "\f", "r": "\r", "e": "\x1b"}
_SHORT |= {"N": "\x85", "L": "\u2028", "P": "\u2029"}


def escapes(source: str) -> Iterator[tuple[int, str]]:
    """The escapes of a double-quoted YAML scalar's source: index of the backslash, and the
    character it stands for (`\\x01`, `\\u202E`, `\\0`, …)."""
    for match in _ESCAPE.finditer(source):
        digits = match.group(1) or match.group(2) or match.group(3)
        if digits:
            yield match.start(), chr(int(digits, 16)) if int(digits, 16) <= 0x10FFFF else ""
        else:
            yield match.start(), _SHORT.get(match.group(4), match.group(4))
