"""A set of agreement diffs as terminal text or JSON.

The pull-request comment is `comment.py`, the site's diff page `sitegen.site.diff_page`.
The text and JSON forms carry the same changes and effects as the comment.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sitegen.compose.contract import LANGS, Lang
from sitegen.diff import comment
from sitegen.diff.fields import Change
from sitegen.diff.model import AgreementDiff, Side
from sitegen.diff.redline import ClauseRedline
from sitegen.diff.words import report_word
from sitegen.terminal import json_text, safe, safe_lines, style

_ARROW = "→"


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
