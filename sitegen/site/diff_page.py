"""A page per comparison of two consecutive versions: what `sitegen diff --format md` shows.

The report is `agreement_html`: the comment's tables and redlines as one raw HTML block
(open), every agreement value entity-escaped (see sitegen.diff.report), which
Python-Markdown passes through; the page's own title and links are Markdown.
"""

from __future__ import annotations

from sitegen.contract import Lang
from sitegen.diff.report import agreement_html
from sitegen.site.agreement_page import version_word
from sitegen.site.catalogue_page import agreement_stem
from sitegen.site.markup import front_matter, md, md_link, page_file
from sitegen.site.versions import Comparison
from sitegen.site.words import word


def diff_page(comparison: Comparison, lang: Lang) -> str:
    source = page_file(comparison.stem, lang)
    title = word(
        "diff_title",
        lang,
        id=comparison.agreement_id,
        old=comparison.old,
        new=version_word(comparison.new, lang),
    )
    back = md_link(
        word("back_agreement", lang),
        source,
        page_file(agreement_stem(comparison.agreement_id), lang),
    )
    parts = [
        front_matter(title, hide=["navigation", "toc"]),
        f"# {md(title)}",
        back,
        md(word("diff_intro", lang)),
        agreement_html(comparison.diff, lang) + "\n",
    ]
    return "\n\n".join(parts)
