"""Typographic quotation marks for the printed documents (PDF and Word): "Downtime" reads
“Downtime”, the Customer's reads the Customer’s.

Templates and agreements are typed on keyboards with straight quotes, and a template
version in use is never edited (its signed contracts must render as they were signed), so
the documents set the quotes, as word processors and pandoc's `smart` extension do. The
rule is the usual one: a quote after the start, a space or an opening bracket or dash
opens, any other closes; a single quote between two letters or after a letter or digit is
an apostrophe. Chinese text already uses full-width quotation marks, which stay as they
are. The web pages keep the text as written (a reader copies from them).
"""

from __future__ import annotations

_OPENS_AFTER = frozenset(" \t\n([{<“‘—–-/\u3000")


def curly_quotes(text: str) -> str:
    """`text` with its straight quotes turned into opening or closing ones."""
    if '"' not in text and "'" not in text:
        return text
    out: list[str] = []
    before = ""
    for char in text:
        if char == '"':
            out.append("“" if before == "" or before in _OPENS_AFTER else "”")
        elif char == "'":
            out.append("‘" if before == "" or before in _OPENS_AFTER else "’")
        else:
            out.append(char)
        before = char
    return "".join(out)
