"""A page per comparison of two consecutive versions: what `sitegen diff --format md` shows.

`as_markdown` writes every agreement value as entity-escaped HTML (see sitegen.diff.report);
its `<details>` block is raw HTML to Python-Markdown, so it is opened and marked
`markdown="1"` (md_in_html) for the tables inside it to be read as Markdown.
"""

from __future__ import annotations

from sitegen.contract import Lang
from sitegen.diff.report import as_markdown
from sitegen.site.agreement_page import version_word
from sitegen.site.catalogue_page import agreement_stem
from sitegen.site.markup import front_matter, md, md_link, page_file
from sitegen.site.versions import Comparison
from sitegen.site.words import word


def report_markdown(comparison: Comparison, lang: Lang) -> str:
    """The report, in the page's language, with its collapsible block opened and read as
    Markdown; its own heading (a pull-request comment's) is dropped, as the page has one."""
    lines = as_markdown([comparison.diff], lang).splitlines()
    if lines and lines[0].startswith("### "):
        lines = lines[1:]
    shown = []
    for line in lines:
        if line in ("<details>", "<details open>"):
            line = '<details open markdown="1">'
        shown.append(line)
    return "\n".join(shown).strip() + "\n"


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
        report_markdown(comparison, lang),
    ]
    return "\n\n".join(parts)
