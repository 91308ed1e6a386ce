"""Text from agreements, keys, paths and git as terminal-safe text: one rule for every writer
a person reads (validate and diff text, renewals, error messages, progress lines).

A key or text holding ESC, BEL, CR or a line feed, printed raw, can recolour or clear the
terminal, rewrite the line it is on (a forged `path:1:1: …` finding) or start a line of
its own that a GitHub runner reads as a workflow command (`::warning::…`, `::add-mask::`,
`::stop-commands::`). So every control character (C0, DEL, C1 such as U+0085 and U+009B,
the line and paragraph separators U+2028/U+2029, and the bidirectional controls that
reorder what a reader sees) is written as its escape, `\\x1b` or `\\u2028`: shown, never
acted on. A value that would begin a line with `::` (after any whitespace, which the
runner skips) has its first colon written `\\x3a`.

Backslashes are left as they are: the text stays readable, and nothing a terminal or a
runner acts on can be spelt with printable characters alone.

`style` writes the only escapes we mean, ANSI colour and bold, byte for byte as click's
`style` does (the command's `click.echo` strips them when not on a terminal), so the stages
that colour text need not import click.
"""

from __future__ import annotations

import re
from typing import Any

_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_COMMAND_START = re.compile(r"^(\s*):(?=:)")
# JSON escapes C0 itself; these it passes through raw (U+009B is a CSI to many terminals).
_JSON_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


_COLOURS = {"red": 31, "green": 32}
_RESET = "\x1b[0m"


def style(text: str, *, fg: str | None = None, bold: bool = False) -> str:
    """`text` in a colour (red or green) and/or bold, then every attribute reset."""
    colour = f"\x1b[{_COLOURS[fg]}m" if fg is not None else ""
    weight = "\x1b[1m" if bold else ""
    return f"{colour}{weight}{text}{_RESET}"


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str, *, keep_line_feeds: bool = False) -> str:
    """Every control character as its escape (line feeds kept when asked): for writers
    with escaping of their own to follow, such as the pull-request comment's entities."""
    if keep_line_feeds:
        return "\n".join(_CONTROL.sub(_escape, line) for line in text.split("\n"))
    return _CONTROL.sub(_escape, text)


def safe(text: str) -> str:
    """One line a terminal shows as written: control characters (line feeds too) as
    escapes, and no workflow command at its start."""
    return _COMMAND_START.sub(r"\1\\x3a", escape_controls(text))


def json_text(document: str) -> str:
    """JSON printed to a terminal: the control characters `json.dumps` leaves raw as `\\u`
    escapes (they occur only inside strings, so the document means the same)."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def safe_lines(text: str) -> str:
    """Text whose line feeds are meant (a clause's paragraphs): each line as `safe` makes it."""
    return "\n".join(safe(line) for line in text.split("\n"))


class SafeStream:
    """A text stream (stderr, for error messages) whose every write is `safe_lines`."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return int(self._stream.write(safe_lines(text)))

    def flush(self) -> None:
        self._stream.flush()
