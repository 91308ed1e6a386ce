"""Fill a section's clause specs with the two language views: Contract clauses out."""

from __future__ import annotations

from typing import Any

from sitegen.compose.clauses import (
    ENV,
    ClauseSpec,
    Expr,
    Guarded,
    ListSpec,
    Loop,
    ParaSpec,
    SignSpec,
    TableSpec,
    TextSpec,
    tidy,
)
from sitegen.compose.contract import (
    LANGS,
    Block,
    Clause,
    ItemList,
    Paragraph,
    SignatureParty,
    Signatures,
    Table,
    Text,
)
from sitegen.compose.view import ViewModel
from sitegen.errors import UserError

Scope = dict[str, dict[str, Any]]  # extra names per language, e.g. a loop variable


class Filler:
    def __init__(self, views: dict[str, ViewModel]) -> None:
        self.views = views
        # What a template sees: Jinja's globals and the view, merged once per language.
        self._base = {lang: {**ENV.globals, **view} for lang, view in views.items()}

    def _context(self, lang: str, scope: Scope | None) -> dict[str, Any]:
        extra = (scope or {}).get(lang)
        return {**self._base[lang], **extra} if extra else self._base[lang]

    def text(self, spec: TextSpec, scope: Scope | None = None) -> Text:
        zh = tidy(spec.zh.render(self._context("zh", scope)))
        en = tidy(spec.en.render(self._context("en", scope)))
        return Text(zh=zh, en=en)

    def holds(self, expr: Expr | None, scope: Scope | None = None) -> bool:
        """A condition; it must come out the same in both languages."""
        if expr is None:
            return True
        zh = bool(expr.value(self._context("zh", scope)))
        en = bool(expr.value(self._context("en", scope)))
        if zh != en:
            raise UserError(
                f"`{expr.source}` is {zh} in Chinese but {en} in English: "
                "a condition must not depend on the language",
                path=expr.place.at(),
            )
        return zh

    def loop(self, loop: Loop) -> list[Scope]:
        """One scope per element: the loop variable bound in each language."""
        found = {lang: list(loop.iterable.value(self._context(lang, None))) for lang in LANGS}
        if len(found["zh"]) != len(found["en"]):
            raise UserError(f"`{loop.iterable.source}` differs in length between languages",
                            path=loop.iterable.place.at())  # fmt: skip
        return [
            {"zh": {loop.var: zh}, "en": {loop.var: en}}
            for zh, en in zip(found["zh"], found["en"], strict=True)
        ]

    def clause(self, spec: ClauseSpec, section_id: str) -> Clause | None:
        if not self.holds(spec.when):
            return None
        blocks = tuple(b for g in spec.blocks if (b := self.block(g)) is not None)
        title = self.text(spec.title) if spec.title else None
        return Clause(id=f"{section_id}.{spec.id}", number="", title=title, blocks=blocks)

    def block(self, guarded: Guarded) -> Block | None:
        if not self.holds(guarded.when):
            return None
        spec = guarded.block
        if isinstance(spec, ParaSpec):
            return Paragraph(self.text(spec.text))
        if isinstance(spec, ListSpec):
            return self.item_list(spec)
        if isinstance(spec, TableSpec):
            return self.table(spec)
        return self.signatures(spec)

    def item_list(self, spec: ListSpec) -> ItemList | None:
        items = [self.text(t) for t in spec.fixed]
        if spec.loop is not None and spec.item is not None:
            items += [self.text(spec.item, scope) for scope in self.loop(spec.loop)]
        items = [item for item in items if item.zh or item.en]  # a fixed item may render empty
        return ItemList(tuple(items), ordered=spec.ordered) if items else None

    def table(self, spec: TableSpec) -> Table | None:
        rows = tuple(
            tuple(self.text(cell, scope) for cell in spec.cells) for scope in self.loop(spec.loop)
        )
        if not rows:
            return None
        return Table(header=tuple(self.text(h) for h in spec.heads), rows=rows)

    def signatures(self, spec: SignSpec) -> Signatures:
        parties = []
        for scope in self.loop(spec.loop):
            fields = {key: self.text(text, scope) for key, text in spec.fields.items()}
            signed = fields.pop("signed", None)
            filled = signed if signed is not None and (signed.zh or signed.en) else None
            parties.append(SignatureParty(**fields, signed=filled))
        return Signatures(tuple(parties))
