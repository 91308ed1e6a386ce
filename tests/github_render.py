"""A GitHub-like renderer for tests: Markdown as GitHub turns a comment into HTML.

GitHub renders a comment with cmark-gfm (its own fork of cmark, here through `cmarkgfm`:
raw HTML passed, then filtered) and sanitises the HTML with an allowlist. The allowlist
below is html-pipeline's `HTML::Pipeline::SanitizationFilter::WHITELIST`
(lib/html/pipeline/sanitization_filter.rb in gjtorikian/html-pipeline, the filter GitHub
published from its own pipeline): its elements, its attributes per element and for all
elements, its URL schemes, `script` removed with its content. `nh3` (ammonia) applies it.

What the HTML does not show is GitHub's last step: linking mentions, references and bare
URLs in the text. `linkable` finds what GitHub would link there.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options

TAGS = set(
    str.split(
        "h1 h2 h3 h4 h5 h6 h7 h8 br b i strong em a pre code img tt div ins del sup sub p ol "
        "ul table thead tbody tfoot blockquote dl dt dd kbd q samp var hr ruby rt rp li tr td "
        "th s strike summary details"
    )
)
_ALL = set(
    str.split(
        "abbr accept accept-charset accesskey action align alt axis border cellpadding "
        "cellspacing char charoff charset checked clear cols colspan color compact coords "
        "datetime dir disabled enctype for frame headers height hreflang hspace ismap label "
        "lang maxlength media method multiple name nohref noshade nowrap open prompt readonly "
        "rel rev rows rowspan rules scope selected shape size span start summary tabindex "
        "target title type usemap valign value vspace width itemprop"
    )
)
ATTRIBUTES = {
    "*": _ALL,
    "a": {"href"},
    "img": {"src", "longdesc"},
    "div": {"itemscope", "itemtype"},
    "blockquote": {"cite"},
    "del": {"cite"},
    "ins": {"cite"},
    "q": {"cite"},
}
SCHEMES = {"http", "https", "mailto", "github-windows", "github-mac"}


def render(markdown: str) -> str:
    """The comment as the sanitised HTML GitHub shows (before it links mentions)."""
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(html: str) -> str:
    """The text a reader sees (entities decoded), as GitHub's mention filter reads it."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


# What GitHub links in text, loosely: a mention (@user, @org/team), an issue reference
# (#12, GH-12, owner/repo#12), a bare URL or www. address, an e-mail address.
LINKABLE = re.compile(
    r"(?<![\w`])@[A-Za-z0-9]"
    r"|(?<![\w&])#[0-9]"
    r"|\bGH-[0-9]"
    r"|\b[\w.-]+/[\w.-]+#[0-9]"
    r"|\b(?:https?|ftp|mailto|xmpp):"
    r"|\bwww\."
    r"|\w@\w",
    re.IGNORECASE,
)


def linkable(text: str) -> list[str]:
    return [hit.group() for hit in LINKABLE.finditer(text)]
