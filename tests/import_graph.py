"""The picture in docs/ARCHITECTURE.md, made from the import graph of the package.

Each node is a stage package of `sitegen/` (or a module at its top); an arrow A --> B says
that A imports B. Only the arrows that no longer path implies are drawn (the transitive
reduction), so the picture shows the layers without the 70-odd direct imports between
them. `tests/test_architecture_doc.py` fails when the document's picture is not this one;
`pytest tests/test_architecture_doc.py --update-golden` writes it.
"""

from __future__ import annotations

import grimp

BEGIN = "```mermaid\n"
END = "```\n"


def package_imports() -> dict[str, set[str]]:
    """For each part of sitegen, the parts it imports directly."""
    graph = grimp.build_graph("sitegen")
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        source = _part(module)
        edges.setdefault(source, set())
        for imported in graph.find_modules_directly_imported_by(module):
            if _part(imported) != source:
                edges[source].add(_part(imported))
    edges.pop("sitegen", None)  # the package's own __init__ imports nothing of note
    return edges


def reduced(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    """The arrows that no longer path implies (the graph has no cycle: the layers contract)."""
    return {
        source: {t for t in targets if not any(t in _reach(edges, o) for o in targets - {t})}
        for source, targets in edges.items()
    }


def mermaid() -> str:
    edges = reduced(package_imports())
    lines = ["flowchart TD"]
    lines += [f"    {s} --> {t}" for s in sorted(edges) for t in sorted(edges[s])]
    return BEGIN + "\n".join(lines) + "\n" + END


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _reach(edges: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for target in edges.get(todo.pop(), set()) - seen:
            seen.add(target)
            todo.append(target)
    return seen
