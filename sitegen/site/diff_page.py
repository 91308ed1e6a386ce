"""A page per comparison of two consecutive versions: what `sitegen diff --format md` shows.

The report is the comment's tables and redlines for this agreement (the rows of
`sitegen.diff.report`, every agreement value entity-escaped there) as one raw HTML block,
open, which Python-Markdown passes through; the page's own title and links are Markdown.
"""

from __future__ import annotations

from sitegen.compose.contract import Lang
from sitegen.diff.model import AgreementDiff
from sitegen.diff.report import change_rows, details_summary, redline_groups, side_rows
from sitegen.diff.words import report_word
from sitegen.render.page_markup import front_matter, html_table, md, md_link, page_file
from sitegen.site.agreement_page import version_word
from sitegen.site.catalogue_page import agreement_stem
from sitegen.site.versions import Comparison
from sitegen.site.words import label


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
    """What `sitegen diff --format md` shows of the agreement, open, as one HTML block."""
    before, after = report_word("before", lang), report_word("after", lang)
    out = [f"<details open><summary>{details_summary(diff, lang)}</summary>"]
    out.append(html_table(["", before, after], side_rows(diff, lang)))
    if diff.changes:  # on a phone, a card per change: its term, before over after
        term = report_word("term", lang)
        head = ["", term, before, after, ""]
        table = html_table(head, change_rows(diff, lang), labels=head)
        out.append(f'<div class="sg-cards sg-changes">{table}</div>')
    for group, paragraphs in redline_groups(diff, lang):
        out += [f"<p><strong>{group}</strong></p>", *paragraphs]
    return "\n".join([*out, "</details>"])
