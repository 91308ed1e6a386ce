"""An agreement's value as GFM text that shows it as written and does nothing.

The comment is read twice: rendered on GitHub, and raw in e-mail notifications and
`gh pr view`. So a value is written as plain text with only the characters that would act
made inert, each in the lightest way that works where the value stands (in a table cell,
a heading, a list item or a paragraph; never at the start of a line, so no block syntax
can begin):

- a backslash before the ASCII punctuation that is inline syntax: `\\` `` ` `` `*` `[`
  `]` `<` `|` (a cell's end) `~` (GFM strikethrough) `$` (GitHub's math), `_` where it
  could open or close emphasis (not inside a word: `snake_case` stays as written), `&` only
  where it would start an entity (`&amp;`); a newline becomes `<br>`;
- GitHub links mentions (@octocat, @org/team), references (#12, GH-12, owner/repo#12),
  and bare URLs and e-mail addresses in the text of the rendered HTML, after escapes and
  entities are decoded: no escape stops that. An invisible word joiner (U+2060, no width,
  no line break) after an `@` that starts a mention or an e-mail domain, after a `#`
  before a number, inside `GH-`, after a URL scheme's name and after `www` leaves nothing
  GitHub can link, and a reader sees the value as written (`it-service-sla@1` and `C#`
  stay as they are).

Hidden and direction-changing characters never get here: loading refuses them (SG109).
Control characters are shown as their escapes (`\\x1b`), as on a terminal.
"""

from __future__ import annotations

import re

from sitegen.terminal import escape_controls

JOINER = "\u2060"
_ACTIVE = re.compile(
    r"[\\`*\[\]<|~$]"  # inline syntax wherever it stands
    r"|&(?=#?[A-Za-z0-9]+;)"  # an entity reference
    r"|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])"  # emphasis, but not inside a word
)
_LINKED = re.compile(
    r"(?<!\w)@|@(?=[\w-]+\.\w)"  # a mention; an e-mail address
    r"|#(?=[0-9])"  # a reference: #12, owner/repo#12
    r"|\bGH(?=-[0-9])"  # GH-12
    r"|\b(?:https?|ftp|mailto|xmpp)(?=:)"  # a URL's scheme
    r"|\bwww(?=\.)",  # www.example.com
    re.IGNORECASE,
)
_NEWLINES = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


def md(value: str) -> str:
    """The value as Markdown text that renders to exactly the value (plus word joiners)."""
    shown = escape_controls(value, keep_line_feeds=True)
    shown = _ACTIVE.sub(lambda hit: "\\" + hit.group(), shown)
    shown = _LINKED.sub(lambda hit: hit.group() + JOINER, shown)
    return "<br>".join(_NEWLINES.split(shown))
