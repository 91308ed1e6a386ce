"""A linear search de-duplication for mkdocs-static-i18n.

mkdocs-static-i18n 1.3.1 drops an other-language search entry that repeats a default-language
one (same title and text, its location ending with the default one's). It does so by
comparing every default entry with every other-language entry and removing from a list by
value: quadratic in the entries. An agreement page has about 70, so a catalogue of 1,000
agreements spends hours there. `install()` replaces that one method with the same rule found
through a dictionary; with another version of the plugin it changes nothing.
"""

from __future__ import annotations

from typing import Any

Entry = dict[str, Any]


def drop_repeats(entries: list[Entry], languages: list[str]) -> None:
    """Remove, in place, every other-language entry that repeats a default-language one."""
    prefixes = tuple(f"{lang}/" for lang in languages)
    others: dict[tuple[Any, Any], list[Entry]] = {}
    for entry in entries:
        if entry["location"].startswith(prefixes):
            others.setdefault((entry["title"], entry["text"]), []).append(entry)
    removed: set[int] = set()
    for entry in entries:
        if entry["location"].startswith(prefixes):
            continue
        for other in others.get((entry["title"], entry["text"]), ()):
            if other["location"].endswith(entry["location"]):
                removed.add(id(other))
    if removed:
        entries[:] = [entry for entry in entries if id(entry) not in removed]


def install() -> None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        from mkdocs_static_i18n.reconfigure import ExtendedPlugin

        found = version("mkdocs-static-i18n")
    except (ImportError, PackageNotFoundError):  # pragma: no cover - a dependency
        return
    if found != "1.3.1" or not hasattr(ExtendedPlugin, "reconfigure_search_duplicates"):
        return

    def reconfigure_search_duplicates(self: Any, search_index_entries: list[Entry]) -> None:
        drop_repeats(search_index_entries, list(self.build_languages))

    ExtendedPlugin.reconfigure_search_duplicates = reconfigure_search_duplicates
