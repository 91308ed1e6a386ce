"""Every writer handles every kind of contract block.

mypy proves it at lint time: each writer dispatches on the block with `match` and ends in
`typing.assert_never`. This test proves it at run time too: `SAMPLES` must hold one block of
every kind in `Block` (so a new kind fails here until it has a sample), and each writer must
place each sample's own words (so a writer without a case fails through `assert_never`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import get_args

import pytest

from sitegen.compose.contract import (
    Block,
    Clause,
    Contract,
    ItemList,
    Meta,
    Paragraph,
    Section,
    SignatureParty,
    Signatures,
    Table,
    Text,
)
from sitegen.diff.redline import clause_text
from sitegen.render.contract_html import contract_html
from sitegen.render.markdown import to_markdown
from sitegen.render.pandoc_ast import AstBuilder
from sitegen.render.pdf_model import contract_json


def _words(kind: str) -> Text:
    return Text(f"{kind}中文", f"{kind}English")


SAMPLES: dict[type, Block] = {
    Paragraph: Paragraph(_words("paragraph")),
    ItemList: ItemList((_words("item"),), ordered=True),
    Table: Table(header=(_words("head"),), rows=((_words("cell"),),)),
    Signatures: Signatures(
        (
            SignatureParty(
                label=_words("label"),
                name=_words("name"),
                role=_words("role"),
                seal=_words("seal"),
                date=_words("date"),
            ),
        )
    ),
}
# The words of each sample every writer must place (the redline compares label, name, role).
EXPECTED: dict[type, tuple[str, ...]] = {
    Paragraph: ("paragraph",),
    ItemList: ("item",),
    Table: ("head", "cell"),
    Signatures: ("label", "name", "role"),
}


def _contract(block: Block) -> Contract:
    meta = Meta("SLA-2024-001", 1, "signed", True, "2024-03-15", "t@1", "zh", _words("parties"))
    clause = Clause("kinds.one", "1.1", _words("clause"), (block,))
    return Contract(_words("title"), meta, (Section("kinds", "1", _words("section"), (clause,)),))


def _markdown(contract: Contract) -> str:
    return "\n".join(to_markdown(contract, view) for view in ("zh", "en", "parallel"))


def _html(contract: Contract) -> str:
    return "\n".join(contract_html(contract, ("zh", "en")))


def _pdf_data(contract: Contract) -> str:
    return contract_json(contract, "bilingual")


def _word_ast(contract: Contract) -> str:
    return json.dumps(AstBuilder("bilingual").contract(contract), ensure_ascii=False)


def _redline(contract: Contract) -> str:
    (clause,) = contract.clauses()
    return "\n".join(clause_text(clause, lang) for lang in ("zh", "en"))


WRITERS: dict[str, Callable[[Contract], str]] = {
    "markdown": _markdown,
    "site html": _html,
    "pdf data": _pdf_data,
    "word ast": _word_ast,
    "redline": _redline,
}


def test_every_block_kind_has_a_sample() -> None:
    assert set(SAMPLES) == set(get_args(Block))
    assert set(EXPECTED) == set(SAMPLES)


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("kind", SAMPLES, ids=lambda kind: kind.__name__)
def test_every_writer_places_every_block_kind(writer: str, kind: type) -> None:
    text = WRITERS[writer](_contract(SAMPLES[kind]))
    for word in EXPECTED[kind]:
        assert f"{word}中文" in text and f"{word}English" in text, (writer, kind, word)


def test_a_block_of_no_known_kind_is_refused() -> None:
    """What `assert_never` does at run time when a block slips past the type checker."""
    stranger: Block = "not a block"  # type: ignore[assignment]
    for name, writer in WRITERS.items():
        with pytest.raises(AssertionError, match="Expected code to be unreachable"):
            writer(_contract(stranger))
            pytest.fail(name)
