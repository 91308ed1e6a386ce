"""The pull-request comment: what a legal reviewer reads at a glance, as GitHub renders it
and as e-mail notifications and `gh pr view` show it raw.

Per agreement a heading, one line of the version facts that changed, and one table:
term | before | after | effect, the term and each value in Chinese above English (a cell
is narrow: "中文 · English" on one line wrapped mid-phrase). A value both languages give
alike is shown once; prose stays prose (no code spans). A long text changed shows its old text
under "before" and its redline under "after". Redlines use `<del>`/`<ins>`, which
GitHub's sanitiser keeps, and wdiff's marks inside them (`[-old-]{+new+}`), so they read
right where strike-through and colour are lost; the clauses' redlines, the contract's
text, are folded under the table (`<details>`, its summary our own words only, the
paragraphs inside Markdown as everywhere else). Every value goes through `md_escape.md`:
no value becomes Markdown, HTML, a mention, a reference or a link, and no entity is
written. A restricted agreement shows only its ID and the kinds of change, unless asked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sitegen.compose.contract import LANGS, Lang, Text
from sitegen.diff.change import Change
from sitegen.diff.md_escape import md
from sitegen.diff.model import AgreementDiff, Side
from sitegen.diff.redline import Segment, compare
from sitegen.diff.words import change_kinds, clause_counts, report_word, status, summary_line

_ARROW = "→"
_DOT = " · "
_LANG_NAME = {"zh": "中文", "en": "English"}
_SIDE_FIELDS = ("version", "status", "template", "effective", "signed")
_PROSE = 40  # characters: a changed value this long shows its redline under "after"


def summary(diffs: Sequence[AgreementDiff], lang: Lang) -> str:
    changed = [d for d in diffs if d.differs]
    attention = sum(len(d.attention) for d in changed)
    material = sum(d.material for d in changed)
    return summary_line(len(changed), material, attention, lang)


def as_markdown(
    diffs: Sequence[AgreementDiff], lang: Lang = "en", *, include_restricted: bool = False
) -> str:
    """The comment; `lang` is the language of its own words (values show both languages).
    A restricted agreement shows only its ID and the kinds of change (counts), unless
    `include_restricted`: the comment is read by everyone who can read the pull request."""
    changed = [d for d in diffs if d.differs]
    hidden = {d.agreement_id for d in changed if d.restricted and not include_restricted}
    out = [f"### {report_word('heading', lang)}: {summary(diffs, lang)}", ""]
    flagged = [line for d in changed if d.attention for line in _flags(d, lang, hidden)]
    if flagged:
        out += [report_word("attention", lang), "", *flagged, ""]
    for diff in changed:
        out += _restricted(diff, lang) if diff.agreement_id in hidden else _agreement(diff, lang)
    return "\n".join(out).rstrip() + "\n"


def _flags(diff: AgreementDiff, lang: Lang, hidden: set[str]) -> list[str]:
    if diff.agreement_id in hidden:
        return [f"- ⚠️ **{md(diff.agreement_id)}** {_kinds(diff, lang)}"]
    return [f"- ⚠️ **{md(diff.agreement_id)}** {_flag(change, lang)}" for change in diff.attention]


def _flag(change: Change, lang: Lang) -> str:
    """The term, and its values in the comment's language when they are short."""
    name = md(change.label.get(lang))
    before = change.before.get(lang) if change.before else "—"
    after = change.after.get(lang) if change.after else "—"
    if max(len(before), len(after)) > _PROSE:
        return name
    return f"{name}: {md(before)} {_ARROW} {md(after)}"


def _restricted(diff: AgreementDiff, lang: Lang) -> list[str]:
    """ID, what happened to it, the counts of each kind of change: no title, term or value."""
    counts = {k: len(v) for k in LANGS if (v := diff.redlines.get(k, ()))}
    comma, semicolon = ("，", "；") if lang == "zh" else (", ", "; ")
    kinds = _kinds(diff, lang) + (semicolon + clause_counts(counts, lang) if counts else "")
    what = f"{report_word(diff.kind, lang)}{comma}{report_word('restricted', lang)}"
    heading = f"#### {md(diff.agreement_id)} ({what})"
    return [heading, "", kinds, "", report_word("restricted_note", lang), ""]


def _kinds(diff: AgreementDiff, lang: Lang) -> str:
    directions = [c.direction for c in diff.changes]
    material = diff.material
    editorial = len(diff.changes) - material
    looser, stricter = directions.count("looser"), directions.count("stricter")
    return change_kinds(material, editorial, looser, stricter, lang)


def _agreement(diff: AgreementDiff, lang: Lang) -> list[str]:
    title = _once(*diff.title.split(" / ", 1)) if " / " in diff.title else md(diff.title)
    out = [f"#### {md(diff.agreement_id)} {title} ({report_word(diff.kind, lang)})", ""]
    facts = side_facts(diff, lang)
    if facts:
        out += [facts, ""]
    if diff.changes:
        heads = [report_word(key, lang) for key in ("term", "before", "after", "effect")]
        out += ["| " + " | ".join(heads) + " |", "| --- | --- | --- | --- |"]
        out += ["| " + " | ".join(_row(change, lang)) + " |" for change in diff.changes]
        out.append("")
    for text_lang in LANGS:
        clauses = diff.redlines.get(text_lang, ())
        if clauses:
            out += [f"<details><summary>{_clauses(text_lang, len(clauses), lang)}</summary>", ""]
            for clause in clauses:
                head = md(f"{clause.number} {clause.title}".strip())
                marks = redline_md(untitled(clause.segments, clause.title))
                out += [f"**{head}** ({report_word(clause.kind, lang)})<br>{marks}", ""]
            out += ["</details>", ""]
    return out


def _clauses(text_lang: Lang, count: int, lang: Lang) -> str:
    """Clauses (中文): 9 changed / 条款对照（中文）：9 条有变更."""
    name = _LANG_NAME[text_lang]
    if lang == "zh":
        return f"{report_word('clauses', lang)}（{name}）：{count} 条有变更"
    return f"{report_word('clauses', lang)} ({name}): {count} changed"


def untitled(segments: Sequence[Segment], title: str) -> Sequence[Segment]:
    """The clause's text without its title line when the title is unchanged (it heads the
    paragraph already)."""
    first = segments[0] if segments else None
    if first is None or first.op != "equal" or not first.text.startswith(f"{title}\n"):
        return segments
    rest = first.text[len(title) + 1 :]
    return [Segment("equal", rest), *segments[1:]] if rest else segments[1:]


def side_facts(diff: AgreementDiff, lang: Lang, escape: Callable[[str], str] = md) -> str:
    """The version facts that differ (version 1 → 2 · status signed → draft), and who made
    the newer version and when; facts alike on both sides are left out. Each value is
    written by `escape`: Markdown for the comment, HTML for the site's diff page."""
    facts = []
    for attr in _SIDE_FIELDS:
        a, b = _side_value(diff.old, attr, lang), _side_value(diff.new, attr, lang)
        if a == b:
            continue
        values = escape(b) if diff.old is None else escape(a) if diff.new is None else None
        values = values or f"{escape(a) or '—'} {_ARROW} {escape(b) or '—'}"
        facts.append(values if attr == "version" else f"{report_word(attr, lang)} {values}")
    newest = diff.new or diff.old
    if newest is not None and newest.changed_at:
        by = f"{report_word('changed_by', lang)} {escape(newest.changed_by)}"
        facts.append(f"{by} ({escape(newest.changed_at)})")
    elif newest is not None and newest.changed_by:  # (uncommitted changes)
        facts.append(escape(newest.changed_by))
    return _DOT.join(facts)


def _side_value(side: Side | None, attr: str, lang: Lang) -> str:
    value = getattr(side, attr, "") if side else ""
    if attr == "version" and value:
        return f"v{value}"
    if attr == "status" and value:
        return status(str(value), lang)
    return "" if value is None else str(value)


def _row(change: Change, lang: Lang) -> list[str]:
    """Term, before, after, and the effect over its weight: ⚠️ looser on the provider /
    material; "changed; judge it" / material; editorial."""
    flag = "⚠️ " if change.attention else ""
    weight = report_word("material" if change.material else "editorial", lang)
    effect = weight
    if change.effect != "editorial":
        effect = f"{report_word(change.effect, lang)}<br>{weight}"
    return [
        _value(change.label),
        _value(change.before),
        _after(change),
        flag + effect,
    ]


def _once(zh: str, en: str) -> str:
    """Both languages, or one when they are alike (99.9%, P1, a date)."""
    return md(zh) if zh == en else f"{md(zh)}{_DOT}{md(en)}"


def _value(text: Text | None) -> str:
    if text is None:
        return "—"
    return md(text.zh) if text.zh == text.en else f"{md(text.zh)}<br>{md(text.en)}"


def _after(change: Change) -> str:
    """The new value; a long text changed as its redline against the old one."""
    a, b = change.before, change.after
    if a is None or b is None or max(len(a.en), len(b.en), len(a.zh), len(b.zh)) < _PROSE:
        return _value(b)
    lines = [redline_md(compare(a.get(lang), b.get(lang), lang)) for lang in LANGS]
    return lines[0] if a.zh == a.en and b.zh == b.en else "<br>".join(lines)


def redline_md(segments: Sequence[Segment]) -> str:
    """Deletions and insertions in tags GitHub keeps, with wdiff's marks inside them."""
    parts = []
    for segment in segments:
        marked = segment.text.strip("\n") if segment.op != "equal" else segment.text
        if not marked:
            continue  # an empty line deleted before an added clause, and the like
        text = md(marked)
        if segment.op == "delete":
            parts.append(f"<del>[-{text}-]</del>")
        elif segment.op == "insert":
            parts.append(f"<ins>{{+{text}+}}</ins>")
        else:
            parts.append(text)
    return "".join(parts)
