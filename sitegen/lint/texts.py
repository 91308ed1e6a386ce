"""Every text of an agreement, found by walking the model rather than listed field by field.

A text pair is any model with `zh` and `en` string fields (`Bilingual`, `ScopeItem`, and
whatever is added later), so a new text field is checked by every text rule at once. Rules
that look for words, numbers or addresses match `Text.folded` (`sitegen.lint.fold`), the
text as a reader sees it, and report what was written there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from pydantic import BaseModel

from sitegen.findings import FieldPath
from sitegen.lint.fold import Folded, fold

LANGUAGES = ("zh", "en")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
PLACEHOLDERS = re.compile(r"待填写|待补充|待定|to be completed|\bTODO\b|\bTBD\b", re.IGNORECASE)


@dataclass(frozen=True)
class Pair:
    """One bilingual text: the path of the mapping holding `zh` and `en`."""

    field: FieldPath
    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Text:
    """One text in one language, at `field` (the path ends with the language)."""

    field: FieldPath
    lang: str
    value: str

    @cached_property
    def folded(self) -> Folded:
        """The text as the rules read it (`sitegen.lint.fold`)."""
        return fold(self.value)

    def found(self, pattern: re.Pattern[str]) -> Iterator[str]:
        """Each match of `pattern` in the folded text, as it was written."""
        folded = self.folded
        for match in pattern.finditer(folded.text):
            yield folded.written(match.start(), match.end())


def pairs(model: BaseModel, field: FieldPath = ()) -> Iterator[Pair]:
    """Every bilingual text under `model`, in field order."""
    fields = type(model).model_fields
    names: Iterable[str] = fields
    if "zh" in fields and "en" in fields:  # not getattr: pydantic's miss path raises inside
        zh, en = model.__dict__["zh"], model.__dict__["en"]
        if isinstance(zh, str) and isinstance(en, str):
            yield Pair(field, zh, en)
            # the model's other texts too (a replaced clause's own title)
            names = [name for name in fields if name not in LANGUAGES]
    for name in names:
        yield from _values(getattr(model, name), (*field, name))


def _values(value: object, field: FieldPath) -> Iterator[Pair]:
    if isinstance(value, BaseModel):
        yield from pairs(value, field)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _values(item, (*field, index))


def data_pairs(value: object, field: FieldPath = ()) -> Iterator[Pair]:
    """Every bilingual text of plain data (a file that is not a valid agreement), as `pairs`
    finds them in the model: any mapping with `zh` and `en` strings, then its other keys."""
    if isinstance(value, dict):
        zh, en = value.get("zh"), value.get("en")
        if isinstance(zh, str) and isinstance(en, str):
            yield Pair(field, zh, en)
        for key, item in value.items():
            if isinstance(key, str) and not (key in LANGUAGES and isinstance(item, str)):
                yield from data_pairs(item, (*field, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from data_pairs(item, (*field, index))


def texts(model: BaseModel) -> Iterator[Text]:
    """Every text in each language, zh before en."""
    return texts_of(pairs(model))


def texts_of(found: Iterable[Pair]) -> Iterator[Text]:
    for pair in found:
        for lang in LANGUAGES:
            yield Text((*pair.field, lang), lang, pair.get(lang))


def has_placeholder(text: str) -> bool:
    return PLACEHOLDERS.search(fold(text).text) is not None
