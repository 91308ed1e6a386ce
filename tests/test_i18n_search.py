"""Search on the bilingual site: the linear de-duplication keeps what mkdocs-static-i18n's
own would keep; the index keeps neighbouring cells apart; our search worker wraps the
installed Material's (the browser tests search the built site)."""

from __future__ import annotations

import copy
import random
from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import material
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

from sitegen.mkdocs import search_text
from sitegen.mkdocs.i18n_search import drop_repeats
from tests.helpers import REPO

SHIPPED = ExtendedPlugin.__dict__["reconfigure_search_duplicates"]


def entries(seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    made = []
    for page in range(40):
        for section in range(rng.randint(1, 4)):
            title, text = f"t{page}.{section}", rng.choice(["same", f"zh {page}", ""])
            made.append({"location": f"p{page}/#s{section}", "title": title, "text": text})
            other = text if rng.random() < 0.5 else f"en {page}"
            made.append({"location": f"en/p{page}/#s{section}", "title": title, "text": other})
    rng.shuffle(made)
    return made


def repeats(entry: dict[str, Any], default: list[dict[str, Any]]) -> bool:
    return any(
        entry["title"] == d["title"]
        and entry["text"] == d["text"]
        and entry["location"].endswith(d["location"])
        for d in default
    )


def test_the_rule_of_the_shipped_function_without_its_misses() -> None:
    """The shipped function removes from a list while a lazy filter walks it, so it can miss
    a repeat; ours removes every repeat, everything it removes and nothing else."""
    for seed in range(20):
        given = entries(seed)
        default = [e for e in given if not e["location"].startswith("en/")]
        ours, theirs = copy.deepcopy(given), copy.deepcopy(given)
        drop_repeats(ours, ["en"])
        SHIPPED(SimpleNamespace(build_languages=["en"]), theirs)
        removed = [e for e in given if e not in ours]
        assert all(e["location"].startswith("en/") and repeats(e, default) for e in removed)
        kept_other = [e for e in ours if e["location"].startswith("en/")]
        assert not any(repeats(e, default) for e in kept_other), seed
        assert all(e in theirs for e in ours), seed  # never keeps what the shipped one drops
        assert len(ours) < len(given)


def material_text(parser_class: type[Any], html: str) -> str:
    """The text Material's search indexes for `html` (one section: no headings)."""
    parser = parser_class()
    parser.feed(html)
    parser.close()
    return "".join(parser.data[0].text)


CELLS = (
    "<table><thead><tr><th>Party B (Provider)</th></tr></thead>"
    "<tbody><tr><td>Hangzhou Yunheng Information Technology Co., Ltd.</td>"
    "<td>Shanghai</td></tr></tbody></table><dl><dt>Signed</dt><dd>15 March 2024</dd>"
    "<dt>Objection deadline</dt><dd>1 March 2025</dd></dl>Line<br>break<p>Text</p>\n<p>More</p>"
)


def test_the_search_text_keeps_neighbouring_cells_apart() -> None:
    """Material's parser glues the text of cells written without whitespace between them
    ("(Provider)Hangzhou"); the spaced one puts a space where a browser shows a break."""
    from material.plugins.search import plugin

    Parser = getattr(plugin.Parser, "material", plugin.Parser)  # a build may have installed it
    assert material_text(Parser, CELLS) == (
        "Party B (Provider)Hangzhou Yunheng Information Technology Co., Ltd.Shanghai"
        "Signed15 March 2024Objection deadline1 March 2025Linebreak<p>Text</p> <p>More</p>"
    )
    assert material_text(search_text.spaced(Parser), CELLS) == (
        "Party B (Provider) Hangzhou Yunheng Information Technology Co., Ltd. Shanghai "
        "Signed 15 March 2024 Objection deadline 1 March 2025 Line break<p>Text</p> <p>More</p> "
    )


def test_the_plugin_indexes_with_the_spaced_parser() -> None:
    from material.plugins.search import plugin

    search_text.install()
    search_text.install()  # once per build: the second changes nothing
    assert plugin.Parser.__name__ == "SpacedParser"
    assert plugin.Parser.__mro__[1] is plugin.Parser.material
    assert plugin.Parser.material.__name__ == "Parser"


WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"


def test_our_search_worker_wraps_the_installed_material_worker() -> None:
    """site_overrides/main.html points the pages at our worker instead of Material's, and
    ours loads Material's by name: both names must be the installed Material's worker."""
    assert version("mkdocs-material") == search_text.MATERIAL
    (shipped,) = [path.name for path in WORKERS.glob("search.*.min.js")]
    ours = (REPO / "site_overrides/assets/javascripts/workers/sitegen-search.js").read_text()
    assert f'importScripts("{shipped}");' in ours
    template = (REPO / "site_overrides/main.html").read_text()
    assert f'replace("workers/{shipped}", "workers/sitegen-search.js")' in template
