"""A set of agreement diffs as terminal text or JSON, and the site's diff page rows as HTML.

The pull-request comment is `comment.py`. The rows for the site's page (`side_rows`,
`change_rows`, `redline_groups`) are HTML: every value from an agreement is one line of
`<code>` with every character that HTML or Markdown could act on written as an entity, as
Python-Markdown passes a raw HTML block through; redlines are one-line HTML escaped the same
way. The text and JSON forms carry the same changes and effects as the comment.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from sitegen.compose.contract import LANGS, Lang, Text
from sitegen.diff import comment
from sitegen.diff.fields import Change
from sitegen.diff.model import AgreementDiff, Side
from sitegen.diff.redline import ClauseRedline
from sitegen.diff.words import report_word, status
from sitegen.terminal import escape_controls, json_text, safe, safe_lines, style

_ARROW = "→"
_SIDE_FIELDS = ("version", "status", "template", "effective", "signed", "changed_by", "changed_at")
_LANG_NAME = {"zh": "中文", "en": "English"}


def summary(diffs: Sequence[AgreementDiff], lang: Lang = "en") -> str:
    return comment.summary(diffs, lang)


# Terminal text.


def as_text(diffs: Sequence[AgreementDiff]) -> str:
    """Plain lines; styled with ANSI colours that `click.echo` strips when not on a terminal.
    Every value is terminal-safe (`sitegen.terminal`) before it is styled."""
    out: list[str] = [summary(diffs)]
    for diff in diffs:
        if not diff.differs:
            continue
        head = safe(f"{diff.agreement_id} {diff.title}")
        out += ["", style(f"{head} [{diff.kind}]", bold=True)]
        out += [f"  {line}" for line in _sides(diff)]
        for change in diff.changes:
            out.append("  " + _change_line(change))
        for lang in LANGS:
            for clause in diff.redlines.get(lang, ()):
                out.append(f"  [{lang}] {safe(f'{clause.number} {clause.title}')} ({clause.kind})")
                out.append("    " + _styled(clause).replace("\n", "\n    "))
    return "\n".join(out) + "\n"


def _change_line(change: Change) -> str:
    """A term, its values (once when both languages give the same) and its effect, as the
    comment says them."""
    flag = style("! ", fg="red", bold=True) if change.attention else "  "
    weight = "material" if change.material else "editorial"
    effect = "" if change.effect == "editorial" else f", {report_word(change.effect, 'en')}"
    alike = all(t is None or t.zh == t.en for t in (change.before, change.after))
    values = _pair(change, "en") if alike else f"{_pair(change, 'zh')} / {_pair(change, 'en')}"
    name = change.label.en if change.label.zh == change.label.en else change.label.zh
    label = safe(name if name == change.label.en else f"{name} / {change.label.en}")
    return f"{flag}{label}: {values} ({weight}{effect})"


def _pair(change: Change, lang: Lang) -> str:
    before = change.before.get(lang) if change.before else "—"
    after = change.after.get(lang) if change.after else "—"
    return f"{safe(before)} {_ARROW} {safe(after)}"


def _styled(clause: ClauseRedline) -> str:
    parts = []
    for segment in clause.segments:
        text = safe_lines(segment.text)
        if segment.op == "delete":
            parts.append(style(f"[-{text}-]", fg="red"))
        elif segment.op == "insert":
            parts.append(style(f"{{+{text}+}}", fg="green"))
        else:
            parts.append(text)
    return "".join(parts)


def _sides(diff: AgreementDiff) -> list[str]:
    def describe(side: Side | None) -> str:
        if side is None:
            return "—"
        facts = [f"v{side.version}" if side.version else "", side.status, side.template]
        if side.changed_at:
            facts.append(f"changed by {side.changed_by} on {side.changed_at}")
        elif side.changed_by:
            facts.append(side.changed_by)
        return safe(f"{side.label} ({', '.join(f for f in facts if f)})")

    return [f"from {describe(diff.old)}", f"to   {describe(diff.new)}"]


# One agreement's part of the report, as rows of cells (already entity-escaped HTML) that
# the comment writes as Markdown tables and the site's diff page as HTML tables.


def details_summary(diff: AgreementDiff, lang: Lang) -> str:
    """The agreement's line above its tables: id, title, what happened to it."""
    what = report_word(diff.kind, lang)
    return f"{_entities(diff.agreement_id)} {_entities(diff.title)} ({what})"


def side_rows(diff: AgreementDiff, lang: Lang) -> list[list[str]]:
    """Version, status, template, dates and author: label, before, after."""
    rows = []
    for attr in _SIDE_FIELDS:
        a, b = _side_value(diff.old, attr, lang), _side_value(diff.new, attr, lang)
        if a or b:
            rows.append([report_word(attr, lang), code(a), code(b)])
    return rows


def change_rows(diff: AgreementDiff, lang: Lang) -> list[list[str]]:
    """Each term change: flag, term (both languages), before, after, weight and direction."""
    return [
        [
            "⚠️" if change.attention else "",
            f"{code(change.label.zh)} {code(change.label.en)}",
            _md_values(change.before),
            _md_values(change.after),
            _md_kind(change, lang),
        ]
        for change in diff.changes
    ]


def redline_groups(diff: AgreementDiff, lang: Lang) -> list[tuple[str, list[str]]]:
    """Per language of the text: its label and its clauses' redline paragraphs."""
    return [
        (
            f"{report_word('clauses', lang)} ({_LANG_NAME[text_lang]})",
            [_md_redline(c, lang) for c in clauses],
        )
        for text_lang in LANGS
        if (clauses := diff.redlines.get(text_lang, ()))
    ]


def _side_value(side: Side | None, attr: str, lang: Lang) -> str:
    value = getattr(side, attr, "") if side else ""
    if attr == "status" and value:
        return status(str(value), lang)
    return "" if value is None else str(value)


def _md_values(text: Text | None) -> str:
    return "—" if text is None else f"{code(text.zh)}<br>{code(text.en)}"


def _md_kind(change: Change, lang: Lang) -> str:
    weight = report_word("material" if change.material else "editorial", lang)
    separator = "，" if lang == "zh" else ", "
    return weight + (
        f"{separator}{report_word(change.direction, lang)}" if change.direction else ""
    )


def _md_redline(clause: ClauseRedline, lang: Lang) -> str:
    parts = []
    for segment in clause.segments:
        text = _entities(segment.text).replace("\n", "<br>")
        parts.append(
            {"delete": f"<del>{text}</del>", "insert": f"<ins>{text}</ins>"}.get(segment.op, text)
        )
    title = _entities(f"{clause.number} {clause.title}".strip())
    return f"<p><b>{title}</b> ({report_word(clause.kind, lang)})<br>{''.join(parts)}</p>"


def code(value: str) -> str:
    """A value as inline `<code>` that neither Markdown nor HTML can read anything into.

    Every character HTML or Markdown could act on becomes a numeric entity, newlines become
    spaces and `|` an entity, so the value stays inside its table cell, whether the renderer
    treats the surrounding block as Markdown (GitHub) or as raw HTML (Python-Markdown).
    """
    if not value:
        return ""
    flat = re.sub(r"\s*[\r\n]+\s*", " ", value)
    return f"<code>{_entities(flat)}</code>"


_ENTITY = re.compile(r"""[&<>"'\\`*_{}\[\]()#+\-.!|~:@$]""")
# GitHub decodes entities before it links mentions and references, so `&#64;team` would
# still notify @team and `&#35;12` still cross-reference #12. A word joiner (U+2060: no
# width, no line break) after each `@` and `#` leaves neither a mention nor a reference,
# and a reader sees the text as written.
_JOINED = {"@", "#"}
_WORD_JOINER = "&#8288;"


def _entity(match: re.Match[str]) -> str:
    char = match.group()
    return f"&#{ord(char)};" + (_WORD_JOINER if char in _JOINED else "")


def _entities(text: str) -> str:
    """Every character HTML or Markdown could act on as a numeric entity, in one pass (a
    second pass would take apart the entities of the first); control characters other than
    line feeds shown as their escapes (`\\x1b`), as on a terminal."""
    shown = escape_controls(text, keep_line_feeds=True)
    return _ENTITY.sub(_entity, shown)


# JSON for tools.


def as_json(diffs: Sequence[AgreementDiff]) -> str:
    document = [_json_diff(d) for d in diffs if d.differs]
    return json_text(json.dumps(document, ensure_ascii=False, indent=2))


def _json_diff(diff: AgreementDiff) -> dict[str, Any]:
    def side(value: Side | None) -> dict[str, Any] | None:
        return None if value is None else {k: getattr(value, k) for k in value.__slots__}

    return {
        "id": diff.agreement_id,
        "kind": diff.kind,
        "old": side(diff.old),
        "new": side(diff.new),
        "changes": [
            {
                "path": c.path,
                "label": {"zh": c.label.zh, "en": c.label.en},
                "before": c.before and {"zh": c.before.zh, "en": c.before.en},
                "after": c.after and {"zh": c.after.zh, "en": c.after.en},
                "material": c.material,
                "direction": c.direction,
                "effect": c.effect,
                "attention": c.attention,
            }
            for c in diff.changes
        ],
        "redlines": {
            lang: [
                {
                    "clause": r.clause_id,
                    "number": r.number,
                    "kind": r.kind,
                    "segments": [[s.op, s.text] for s in r.segments],
                }
                for r in clauses
            ]
            for lang, clauses in diff.redlines.items()
        },
    }
