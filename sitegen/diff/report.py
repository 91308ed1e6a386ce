"""A set of agreement diffs as terminal text, as a pull-request comment (Markdown), or JSON.

The Markdown is safe to post: every value from an agreement is one line of `<code>` with every
character that HTML or Markdown could act on written as an entity (so `|` cannot end a table
cell and a newline cannot start a block); redlines are one-line HTML escaped the same way.
No `@name`, `@org/team` or `#N` of an agreement reaches GitHub as a mention or a reference
(see `_entity`), and a restricted agreement shows only its ID and the kinds of change unless
asked (`include_restricted`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from sitegen.compose.contract import LANGS, Lang, Text
from sitegen.diff.fields import Change
from sitegen.diff.model import AgreementDiff, Side
from sitegen.diff.redline import ClauseRedline
from sitegen.diff.words import change_kinds, clause_counts, report_word, status, summary_line
from sitegen.terminal import escape_controls, json_text, safe, safe_lines, style

_ARROW = "→"
_LANG_NAME = {"zh": "中文", "en": "English"}


def summary(diffs: Sequence[AgreementDiff], lang: Lang = "en") -> str:
    changed = [d for d in diffs if d.differs]
    attention = sum(len(d.attention) for d in changed)
    material = sum(d.material for d in changed)
    return summary_line(len(changed), material, attention, lang)


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
    flag = style("! ", fg="red", bold=True) if change.attention else "  "
    weight = "material" if change.material else "editorial"
    direction = f", {report_word(change.direction, 'en')}" if change.direction else ""
    values = f"{_pair(change, 'zh')} / {_pair(change, 'en')}"
    label = safe(f"{change.label.zh} / {change.label.en}")
    return f"{flag}{label}: {values} ({weight}{direction})"


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


# Markdown for a pull-request comment.


def as_markdown(
    diffs: Sequence[AgreementDiff], lang: Lang = "en", *, include_restricted: bool = False
) -> str:
    """The comment; `lang` is the language of its own words (values show both languages).
    A restricted agreement shows only its ID and the kinds of change (counts), unless
    `include_restricted`: the comment is read by everyone who can read the pull request."""
    changed = [d for d in diffs if d.differs]
    hidden = {d.agreement_id for d in changed if d.restricted and not include_restricted}
    out = [f"### {report_word('heading', lang)}: {summary(diffs, lang)}", ""]
    flagged = [_md_flag(d, lang, d.agreement_id in hidden) for d in changed if d.attention]
    if flagged:
        attention = report_word("attention", lang)
        out += [attention, "", *(line for lines in flagged for line in lines), ""]
    for diff in changed:
        shown = _md_restricted if diff.agreement_id in hidden else _md_agreement
        out += shown(diff, lang)
    return "\n".join(out).rstrip() + "\n"


def _md_flag(diff: AgreementDiff, lang: Lang, hidden: bool) -> list[str]:
    if hidden:
        return [f"- ⚠️ {code(diff.agreement_id)} {_kinds(diff, lang)}"]
    return [f"- ⚠️ {code(diff.agreement_id)} {_md_change(c, lang)}" for c in diff.attention]


def _md_restricted(diff: AgreementDiff, lang: Lang) -> list[str]:
    """ID, what happened to it, the counts of each kind of change: no title, term or value."""
    counts = {k: len(v) for k in LANGS if (v := diff.redlines.get(k, ()))}
    comma, semicolon = ("，", "；") if lang == "zh" else (", ", "; ")
    kinds = _kinds(diff, lang) + (semicolon + clause_counts(counts, lang) if counts else "")
    what = f"{report_word(diff.kind, lang)}{comma}{report_word('restricted', lang)}"
    return [
        "<details open>" if diff.attention else "<details>",
        f"<summary>{_entities(diff.agreement_id)} ({what})</summary>",
        "",
        kinds,
        "",
        report_word("restricted_note", lang),
        "",
        "</details>",
        "",
    ]


def _kinds(diff: AgreementDiff, lang: Lang) -> str:
    directions = [c.direction for c in diff.changes]
    material = diff.material
    editorial = len(diff.changes) - material
    looser, stricter = directions.count("looser"), directions.count("stricter")
    return change_kinds(material, editorial, looser, stricter, lang)


_SIDE_FIELDS = ("version", "status", "template", "effective", "signed", "changed_by", "changed_at")


def _md_agreement(diff: AgreementDiff, lang: Lang) -> list[str]:
    out = [
        "<details open>" if diff.attention else "<details>",
        f"<summary>{details_summary(diff, lang)}</summary>",
        "",
    ]
    before, after = report_word("before", lang), report_word("after", lang)
    out += _md_table(["", before, after], side_rows(diff, lang))
    if diff.changes:
        heads = ["", report_word("term", lang), before, after, ""]
        out += _md_table(heads, change_rows(diff, lang))
    for label, paragraphs in redline_groups(diff, lang):
        out += [f"**{label}**", "", *paragraphs, ""]
    return [*out, "</details>", ""]


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


def _md_table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["|" + "".join(f" {cell} |" if cell else " |" for cell in head)]
    lines.append("|" + " --- |" * len(head))
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _side_value(side: Side | None, attr: str, lang: Lang) -> str:
    value = getattr(side, attr, "") if side else ""
    if attr == "status" and value:
        return status(str(value), lang)
    return "" if value is None else str(value)


def _md_change(change: Change, lang: Lang) -> str:
    name = change.label.get(lang)
    return f"{code(name)}: {_md_values(change.before)} {_ARROW} {_md_values(change.after)}"


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
