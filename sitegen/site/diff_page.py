"""A page per comparison of two consecutive versions, in the page's language.

It shows what the pull-request comment shows (`sitegen.diff.comment`), as a page in one
language reads it: the version facts that changed, one table of term | before | after |
effect, and the redline of each clause whose text changed in this language (the other
language's clauses are on the other language's page). The terms and values are the page
language's text, as prose: a long text changed shows its redline under "after". Every
value is escaped by `h`, the site's one escaping helper; `<del>` and `<ins>` are ours. The
report is one raw HTML block, open, which Python-Markdown passes through; the page's own
title and links are Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitegen.compose.contract import Lang, Text
from sitegen.diff.change import Change
from sitegen.diff.comment import side_facts, untitled
from sitegen.diff.model import AgreementDiff
from sitegen.diff.redline import Segment, compare
from sitegen.diff.words import report_word
from sitegen.render.page_markup import front_matter, h, html_table, md, md_link, page_file
from sitegen.site.agreement_page import version_word
from sitegen.site.catalogue_page import agreement_stem
from sitegen.site.versions import Comparison
from sitegen.site.words import label

_PROSE = 40  # characters: a changed value this long shows its redline under "after"


def diff_page(comparison: Comparison, lang: Lang) -> str:
    source = page_file(comparison.stem, lang)
    title = label(
        "diff_title",
        lang,
        id=comparison.agreement_id,
        old=comparison.old,
        new=version_word(comparison.new, lang),
    )
    back = md_link(
        label("back_agreement", lang),
        source,
        page_file(agreement_stem(comparison.agreement_id), lang),
    )
    parts = [
        front_matter(title, hide=["navigation", "toc"]),
        f"# {md(title)}",
        back,
        md(label("diff_intro", lang)),
        report_html(comparison.diff, lang) + "\n",
    ]
    return "\n\n".join(parts)


def report_html(diff: AgreementDiff, lang: Lang) -> str:
    """The comparison of the agreement's two versions, in `lang`, as one HTML block."""
    what = report_word(diff.kind, lang)
    out = [f'<details open class="sg-diff"><summary>{h(diff.agreement_id)} ({h(what)})</summary>']
    facts = side_facts(diff, lang, escape=h)
    if facts:
        out.append(f'<p class="sg-diff-facts">{facts}</p>')
    if diff.changes:  # on a phone, a card per change: its term, before over after
        heads = [report_word(key, lang) for key in ("term", "before", "after", "effect")]
        rows = [_row(change, lang) for change in diff.changes]
        table = html_table([h(word) for word in heads], rows, labels=heads)
        out.append(f'<div class="sg-cards sg-changes">{table}</div>')
    clauses = diff.redlines.get(lang, ())
    if clauses:
        out.append(f"<p><strong>{h(report_word('clauses', lang))}</strong></p>")
        for clause in clauses:
            head = h(f"{clause.number} {clause.title}".strip())
            kind = h(report_word(clause.kind, lang))
            marks = redline_html(untitled(clause.segments, clause.title))
            out.append(f"<p><b>{head}</b> ({kind})<br>{marks}</p>")
    return "\n".join([*out, "</details>"])


def _row(change: Change, lang: Lang) -> list[str]:
    """Term, before, after, and the effect over its weight, as the comment gives them."""
    weight = h(report_word("material" if change.material else "editorial", lang))
    effect = weight
    if change.effect != "editorial":
        effect = f"{h(report_word(change.effect, lang))}<br>{weight}"
    flag = "⚠️ " if change.attention else ""
    return [
        h(change.label.get(lang)),
        _value(change.before, lang),
        _after(change, lang),
        flag + effect,
    ]


def _value(text: Text | None, lang: Lang) -> str:
    return "—" if text is None else _lines(text.get(lang))


def _after(change: Change, lang: Lang) -> str:
    """The new value; a long text changed as its redline against the old one."""
    before, after = change.before, change.after
    if before is None or after is None:
        return _value(after, lang)
    old, new = before.get(lang), after.get(lang)
    if max(len(old), len(new)) < _PROSE:
        return _lines(new)
    return redline_html(compare(old, new, lang))


def redline_html(segments: Sequence[Segment]) -> str:
    """Deletions and insertions as `<del>` and `<ins>`, each value escaped."""
    parts = []
    for segment in segments:
        text = _lines(segment.text)
        parts.append(
            {"delete": f"<del>{text}</del>", "insert": f"<ins>{text}</ins>"}.get(segment.op, text)
        )
    return "".join(parts)


def _lines(text: str) -> str:
    """Text escaped, its line breaks kept as `<br>`."""
    return "<br>".join(h(line) for line in text.split("\n"))
