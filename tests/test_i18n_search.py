"""The linear search de-duplication keeps what mkdocs-static-i18n's own would keep."""

from __future__ import annotations

import copy
import random
from types import SimpleNamespace
from typing import Any

from mkdocs_static_i18n.reconfigure import ExtendedPlugin

from sitegen.site.i18n_search import drop_repeats

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
