"""Plain text → Markdown text that can never become markup. One function, used everywhere.

Python-Markdown has no safe mode: raw HTML passes through, `[x](javascript:…)` becomes a
link, `{: onclick=… }` becomes an attribute, a newline can start a heading, `|` ends a
table cell (see FINDINGS.md). So every text from a Contract goes through `escape`:

1. Line breaks of every kind and other control characters (tabs; STX/ETX, which
   Python-Markdown uses for its placeholders) become single spaces: a value never starts
   a block.
2. Markdown punctuation Python-Markdown honours as a backslash escape (its ESCAPED_CHARS
   with the tables extension) is backslash-escaped: \\ ` * _ { } [ ] ( ) # + - . ! |
3. Characters that are markup only outside Python-Markdown's escape list (`~`, `^`, `=`,
   `$`, used by strikethrough, caret, mark and math extensions) become numeric entities.
4. `& < > " '` become HTML entities, so no tag, attribute or entity can be formed.

A character is either escaped or passed through; nothing is removed except control characters.
"""

from __future__ import annotations

import re

_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
_SPACES = re.compile(r" {2,}")
_TABLE = str.maketrans(
    {
        **{c: "\\" + c for c in "\\`*_{}[]()#+-.!|"},
        **{c: f"&#{ord(c)};" for c in "~^=$"},
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#39;",
    }
)


def one_line(text: str) -> str:
    """Control characters (line breaks too) become single spaces; runs of spaces collapse."""
    return _SPACES.sub(" ", _BREAKS.sub(" ", text)).strip()


def escape(text: str) -> str:
    """Plain text as Markdown that displays exactly that text (on one line)."""
    return one_line(text).translate(_TABLE)
