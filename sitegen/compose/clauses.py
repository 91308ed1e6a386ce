"""Clause files of a template: `sections/<section id>.yaml`, one per section.

Each file lists the section's clauses in order. A clause has a stable `id`, an optional
`title`, an optional `when` (a Jinja expression; the clause is left out when it is false)
and `blocks`: paragraphs (`p`), lists, tables and the signature block. Every text is a
Jinja template, written either once for both languages (`"{{ p.level }}"`) or as
`{zh: …, en: …}` side by side, so the two languages of a clause sit together in one place
and cannot drift apart. Structure comes only from this (trusted) YAML; a value from an
agreement can only ever fill one text, never add a clause, a block or a row.

Jinja runs sandboxed with StrictUndefined and a `finalize` that prints nothing but the
view-model's prepared strings (`Plain`): templates place values, Python formats them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, Undefined
from jinja2 import Template as JinjaTemplate
from jinja2.sandbox import SandboxedEnvironment
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString

from sitegen.errors import Location, UserError
from sitegen.files import NOT_REGULAR, TEMPLATE_MAX_BYTES, Refusal, read_regular

SECTIONS_DIR = "sections"


class Plain(str):
    """A finished plain-text value from the view-model: the only thing a template prints."""

    __slots__ = ()


def _finalize(value: object) -> object:
    if type(value) is Plain:
        return value
    if isinstance(value, Undefined):
        str(value)  # StrictUndefined raises its own error, naming what is missing
    raise TypeError(
        f"a template may print only prepared values, not {type(value).__name__} {value!r}: "
        "format it in the view-model (sitegen/compose/view.py)"
    )


def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
    )


ENV = _environment()
_JINJA_SYNTAX = re.compile(r"\{[{%#]")  # the start of an expression, statement or comment


@dataclass(frozen=True)
class Place:
    path: Path
    line: int  # 1-based line of the Jinja source's first line

    def at(self, jinja_line: int = 1) -> Location:
        return Location(self.path, self.line + jinja_line - 1)


@dataclass(frozen=True)
class Source:
    """One compiled Jinja text and where it was written. A text without Jinja syntax is
    rendered once, when compiled: most texts of a template are such constants."""

    template: JinjaTemplate
    place: Place
    constant: str | None = None

    def render(self, context: dict[str, Any]) -> str:
        """The text for `context`, which holds Jinja's globals already (`Filler`): used
        as the template's context as it is, where `Template.render` copies it twice."""
        if self.constant is not None:
            return self.constant
        text: str = _guarded(self.place, lambda: _render(self.template, context))
        return text


def _render(template: JinjaTemplate, context: dict[str, Any]) -> str:
    """`Template.render`, without copying `context`: errors still go through Jinja's
    handler, which gives their traceback the template's line numbers."""
    try:
        return ENV.concat(template.root_render_func(template.new_context(context, shared=True)))
    except Exception:
        return ENV.handle_exception()


@dataclass(frozen=True)
class Expr:
    source: str
    function: Callable[..., Any]
    place: Place

    def value(self, context: dict[str, Any]) -> Any:
        return _guarded(self.place, lambda: self.function(**context))


def _guarded(place: Place, run: Callable[[], Any]) -> Any:
    try:
        return run()
    except (TemplateError, TypeError, ValueError, AttributeError, KeyError) as error:
        where = place.at(_jinja_line(error))
        raise UserError(f"{type(error).__name__}: {error}", path=where) from None


def _jinja_line(error: BaseException) -> int:
    line, tb = 1, error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


@dataclass(frozen=True)
class TextSpec:
    zh: Source
    en: Source


@dataclass(frozen=True)
class Loop:
    var: str
    iterable: Expr


@dataclass(frozen=True)
class ParaSpec:
    text: TextSpec


@dataclass(frozen=True)
class ListSpec:
    loop: Loop | None
    item: TextSpec | None
    fixed: tuple[TextSpec, ...]
    ordered: bool


@dataclass(frozen=True)
class TableSpec:
    loop: Loop
    heads: tuple[TextSpec, ...]
    cells: tuple[TextSpec, ...]


@dataclass(frozen=True)
class SignSpec:
    loop: Loop
    fields: dict[str, TextSpec]  # label, name, role, seal, date; signed if given


BlockSpec = ParaSpec | ListSpec | TableSpec | SignSpec


@dataclass(frozen=True)
class Guarded:
    block: BlockSpec
    when: Expr | None


@dataclass(frozen=True)
class ClauseSpec:
    id: str
    title: TextSpec | None
    when: Expr | None
    blocks: tuple[Guarded, ...]
    place: Place


SIGN_FIELDS = ("label", "name", "role", "seal", "date")
# The date line filled in, once signed: a text that renders empty keeps the blank `date`.
SIGN_OPTIONAL = ("signed",)


def read_section(folder: Path, section_id: str) -> tuple[ClauseSpec, ...]:
    """The clauses of one section, compiled. Errors name the file and line."""
    path = folder / SECTIONS_DIR / f"{section_id}.yaml"
    try:
        root = YAML(typ="rt").load(read_regular(path, TEMPLATE_MAX_BYTES).decode("utf-8"))
    except Refusal as refusal:
        raise UserError(
            f"{NOT_REGULAR} the section's clauses {refusal.reason}", path=path
        ) from None
    except UnicodeDecodeError:
        raise UserError("the section's clauses are not UTF-8 text", path=path) from None
    except OSError as error:
        raise UserError(f"cannot read the section's clauses: {error.strerror}", path=path) from None
    except MarkedYAMLError as error:
        mark = error.problem_mark
        where = Location(path, mark.line + 1) if mark else path
        raise UserError(str(error.problem), path=where) from None
    except YAMLError as error:
        raise UserError(str(error), path=path) from None
    reader = _Reader(path)
    seq = reader.mapping(root, {"clauses"}, Place(path, 1)).get("clauses")
    if not isinstance(seq, CommentedSeq) or not seq:
        raise UserError("expected `clauses:`, a list of clauses", path=path)
    clauses = tuple(reader.clause(seq, i) for i in range(len(seq)))
    seen: set[str] = set()
    for clause in clauses:
        if clause.id in seen:
            raise UserError(f"clause id {clause.id!r} is used twice", path=clause.place.at())
        seen.add(clause.id)
    return clauses


class _Reader:
    """Turns the clause file's YAML into specs, compiling every Jinja text on the way."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def mapping(self, node: Any, keys: set[str], place: Place) -> CommentedMap:
        if not isinstance(node, CommentedMap):
            raise UserError("expected a mapping", path=place.at())
        unknown = sorted(set(map(str, node)) - keys)
        if unknown:
            line = node.lc.key(unknown[0])[0] + 1
            raise UserError(
                f"unknown key {unknown[0]!r}; expected one of {', '.join(sorted(keys))}",
                path=Location(self.path, line),
            )
        return node

    def place(self, parent: CommentedMap | CommentedSeq, key: str | int) -> Place:
        line, _ = parent.lc.item(key) if isinstance(parent, CommentedSeq) else parent.lc.value(key)
        value = parent[key]
        return Place(self.path, line + 1 + (1 if isinstance(value, LiteralScalarString) else 0))

    def clause(self, seq: CommentedSeq, index: int) -> ClauseSpec:
        place = self.place(seq, index)
        node = self.mapping(seq[index], {"id", "title", "when", "blocks"}, place)
        if not isinstance(node.get("id"), str):
            raise UserError("a clause needs an `id`", path=place.at())
        blocks = node.get("blocks")
        if not isinstance(blocks, CommentedSeq) or not blocks:
            raise UserError(f"clause {node['id']!r} needs `blocks:`", path=place.at())
        return ClauseSpec(
            id=node["id"],
            title=self.text(node, "title") if "title" in node else None,
            when=self.expr(node, "when") if "when" in node else None,
            blocks=tuple(self.block(blocks, i) for i in range(len(blocks))),
            place=place,
        )

    def block(self, seq: CommentedSeq, index: int) -> Guarded:
        place = self.place(seq, index)
        node = self.mapping(seq[index], {"p", "list", "table", "signatures", "when"}, place)
        kinds = [k for k in ("p", "list", "table", "signatures") if k in node]
        if len(kinds) != 1:
            raise UserError("a block is one of p, list, table or signatures", path=place.at())
        when = self.expr(node, "when") if "when" in node else None
        kind = kinds[0]
        if kind == "p":
            return Guarded(ParaSpec(self.text(node, "p")), when)
        body = self.mapping(node[kind], _BLOCK_KEYS[kind], self.place(node, kind))
        return Guarded(getattr(self, f"_{kind}")(body), when)

    def _list(self, node: CommentedMap) -> ListSpec:
        fixed: tuple[TextSpec, ...] = ()
        if "fixed" in node:
            fixed = tuple(self.text(node["fixed"], i) for i in range(len(node["fixed"])))
        loop = self.loop(node) if "for" in node else None
        item = self.text(node, "item") if "item" in node else None
        if (loop is None) != (item is None) or (loop is None and not fixed):
            raise UserError("a list needs `for` with `item`, or `fixed`", path=self.at(node))
        return ListSpec(loop, item, fixed, bool(node.get("ordered", False)))

    def _table(self, node: CommentedMap) -> TableSpec:
        columns = node.get("columns")
        if "for" not in node or not isinstance(columns, CommentedSeq) or not columns:
            raise UserError("a table needs `for` and `columns`", path=self.at(node))
        specs = [self.mapping(c, {"head", "cell"}, self.place(columns, i))
                 for i, c in enumerate(columns)]  # fmt: skip
        return TableSpec(
            self.loop(node),
            tuple(self.text(c, "head") for c in specs),
            tuple(self.text(c, "cell") for c in specs),
        )

    def _signatures(self, node: CommentedMap) -> SignSpec:
        missing = [k for k in ("for", *SIGN_FIELDS) if k not in node]
        if missing:
            raise UserError(f"signatures need {', '.join(missing)}", path=self.at(node))
        given = (*SIGN_FIELDS, *(k for k in SIGN_OPTIONAL if k in node))
        return SignSpec(self.loop(node), {k: self.text(node, k) for k in given})

    def at(self, node: CommentedMap) -> Location:
        return Location(self.path, node.lc.line + 1)

    def text(self, parent: Any, key: str | int) -> TextSpec:
        value = parent[key]
        if isinstance(value, str):
            source = self.compile(value, self.place(parent, key))
            return TextSpec(source, source)
        node = self.mapping(value, {"zh", "en"}, self.place(parent, key))
        if not all(isinstance(node.get(lang), str) for lang in ("zh", "en")):
            raise UserError("a text needs both `zh` and `en`", path=self.at(node))
        return TextSpec(
            *(self.compile(node[lang], self.place(node, lang)) for lang in ("zh", "en"))
        )

    def compile(self, text: str, place: Place) -> Source:
        try:
            template = ENV.from_string(text)
            constant = None if _JINJA_SYNTAX.search(text) else template.render({})
            return Source(template, place, constant)
        except TemplateError as error:
            raise UserError(f"{error}", path=place.at(getattr(error, "lineno", 1) or 1)) from None

    def expr(self, parent: CommentedMap, key: str) -> Expr:
        place = self.place(parent, key)
        source = str(parent[key])
        try:
            function = ENV.compile_expression(source, undefined_to_none=False)
        except TemplateError as error:
            raise UserError(f"{key}: {error}", path=place.at()) from None
        return Expr(source, function, place)

    def loop(self, node: CommentedMap) -> Loop:
        var, sep, iterable = str(node["for"]).partition(" in ")
        if not sep or not var.strip().isidentifier():
            raise UserError("`for` reads `name in expression`", path=self.place(node, "for").at())
        place = self.place(node, "for")
        try:
            function = ENV.compile_expression(iterable, undefined_to_none=False)
        except TemplateError as error:
            raise UserError(f"for: {error}", path=place.at()) from None
        return Loop(var.strip(), Expr(iterable, function, place))


_BLOCK_KEYS = {
    "list": {"for", "item", "fixed", "ordered"},
    "table": {"for", "columns"},
    "signatures": {"for", *SIGN_FIELDS, *SIGN_OPTIONAL},
}


def tidy(text: str) -> str:
    """Join a rendered text into one line: lines meet without a space between Chinese
    characters, with one space otherwise; runs of spaces become one."""
    out = ""
    for line in (part.strip() for part in text.splitlines()):
        if not line:
            continue
        if out and not (_wide(out[-1]) or _wide(line[0])):
            out += " "
        out += line
    return re.sub(r"[ \t]+", " ", out).strip()


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")
