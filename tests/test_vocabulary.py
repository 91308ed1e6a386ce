"""The bilingual vocabulary: every status, state and deadline has its name, and every writer
says the one draft notice."""

from __future__ import annotations

import re
from typing import get_args

import pytest

from sitegen.catalogue import STATES, Kind
from sitegen.compose.contract import Text
from sitegen.compose.vocabulary import (
    DEADLINE_NAMES,
    DEADLINE_WORDS,
    DRAFT_NOTICE,
    DRAFT_TITLE,
    STATE_NAMES,
    STATUS_NAMES,
    WATERMARK,
    Words,
)
from sitegen.load.model import Status
from sitegen.render.contract_html import contract_html
from sitegen.render.markdown import to_markdown
from sitegen.render.pdf_model import contract_json
from tests.contract_factory import factory_contract


def test_every_status_state_and_deadline_has_a_name() -> None:
    assert list(STATUS_NAMES.table) == list(get_args(Status))
    assert set(STATE_NAMES.table) == set(STATES)
    assert list(DEADLINE_NAMES.table) == list(get_args(Kind))
    assert list(DEADLINE_WORDS) == list(get_args(Kind))


def test_a_state_not_in_force_is_named_as_its_status() -> None:
    for status in ("draft", "in_review", "terminated"):
        assert STATE_NAMES[status] == STATUS_NAMES[status]


def test_words_fill_placeholders_and_refuse_an_unknown_key() -> None:
    words = Words({"shown": Text("显示 {n} 份", "{n} shown")})
    assert words("shown", "zh", n=3) == "显示 3 份"
    assert words("shown", "en") == "{n} shown"  # no values: the text as it is
    with pytest.raises(KeyError, match="'shwon'"):
        words("shwon", "en")


def test_every_writer_says_the_one_draft_notice() -> None:
    """Markdown and the site's HTML here; Word's paragraphs in tests/test_docx.py."""
    draft = factory_contract()
    markdown = to_markdown(draft, "parallel")
    assert markdown.startswith(
        f'# {draft.title.zh} / {draft.title.en}\n\n!!! warning "草稿 / Draft"'
    )
    unescaped = re.sub(r"\\(.)", r"\1", markdown)
    html = "\n".join(contract_html(draft, ("zh", "en")))
    for lang in ("zh", "en"):
        assert DRAFT_NOTICE.get(lang) in unescaped
        assert f">{DRAFT_NOTICE.get(lang)}</p>" in html
        assert f">{DRAFT_TITLE.get(lang)}</span>" in html
    assert WATERMARK == "草稿 DRAFT"
    assert '"draft": "草稿 DRAFT"' in contract_json(draft, "bilingual")
    assert '"draft": null' in contract_json(factory_contract(signed=True), "bilingual")
