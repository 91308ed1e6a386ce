"""The rule registry and the two entry points: one agreement, the whole catalogue.

A rule is a function registered with `@rule(code, severity, summary)`. It receives the
`Subject` (one loaded agreement and the lint context) and yields `Hit`s: a field path and a
message. The registry turns hits into findings with the rule's code and severity, placed at
the field's line and column, so a rule never repeats its own code or severity.

A rule that reads only the texts (`@text_rule`) receives `Texts` instead, and also runs on a
file that is not a valid agreement, from its plain data: 尽快 is reported beside the schema's
errors, not once they are fixed.

Catalogue rules (`@catalogue_rule`) see every loaded agreement at once and yield
`(Loaded, Hit)` pairs. `RULES` lists every rule, in registration order, for the docs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from sitegen.compose.templates import TemplateIndex
from sitegen.findings import FieldPath, Finding, Severity
from sitegen.lint.texts import Pair, Text, data_pairs, pairs, texts_of
from sitegen.load import Loaded
from sitegen.load.config import Settings
from sitegen.load.document import Document
from sitegen.load.model import Agreement

Scope = Literal["agreement", "catalogue"]


@dataclass(frozen=True)
class LintContext:
    settings: Settings
    root: Path
    templates: TemplateIndex


@dataclass(frozen=True)
class Subject:
    """What an agreement rule looks at. Its texts are found once and shared by every rule."""

    agreement: Agreement
    document: Document
    context: LintContext

    @property
    def path(self) -> Path:
        return self.document.path

    @cached_property
    def pairs(self) -> list[Pair]:
        """Every bilingual text of the agreement, in field order."""
        return list(pairs(self.agreement))

    @cached_property
    def texts(self) -> list[Text]:
        """Every text in each language, zh before en."""
        return list(texts_of(self.pairs))

    @cached_property
    def as_texts(self) -> Texts:
        """What the text rules look at, sharing this subject's texts."""
        found = Texts(self.document, self.context, self.pairs, self.agreement)
        found.__dict__["texts"] = self.texts
        return found


@dataclass(frozen=True)
class Texts:
    """What a text rule looks at: every bilingual text of a file, from its agreement, or
    from its plain data when it is not a valid agreement (`agreement` is then None)."""

    document: Document
    context: LintContext
    pairs: list[Pair]
    agreement: Agreement | None = None

    @cached_property
    def texts(self) -> list[Text]:
        """Every text in each language, zh before en."""
        return list(texts_of(self.pairs))


@dataclass(frozen=True)
class Hit:
    """One problem a rule found: where (a field, a word in it, or a character offset) and why.

    `offset` moves the column right by that many characters from the needle (or the value),
    for a character inside a plain value such as a code.
    """

    field: FieldPath
    message: str
    needle: str = ""
    context: str = ""
    key: bool = False
    offset: int = 0


AgreementCheck = Callable[[Subject], Iterable[Hit]]
TextCheck = Callable[[Texts], Iterable[Hit]]
CatalogueCheck = Callable[[list[Loaded], LintContext], Iterable[tuple[Loaded, Hit]]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    summary: str
    scope: Scope


RULES: list[Rule] = []
_AGREEMENT_CHECKS: list[tuple[Rule, AgreementCheck]] = []
_TEXT_CHECKS: list[tuple[Rule, TextCheck]] = []
_CATALOGUE_CHECKS: list[tuple[Rule, CatalogueCheck]] = []


def _register(code: str, severity: Severity, summary: str, scope: Scope) -> Rule:
    if any(r.code == code for r in RULES):
        raise ValueError(f"rule {code} is registered twice")
    registered = Rule(code, severity, summary, scope)
    RULES.append(registered)
    return registered


def rule(code: str, severity: Severity, summary: str) -> Callable[[AgreementCheck], AgreementCheck]:
    """Register a rule that checks one agreement."""

    def decorate(check: AgreementCheck) -> AgreementCheck:
        _AGREEMENT_CHECKS.append((_register(code, severity, summary, "agreement"), check))
        return check

    return decorate


def text_rule(code: str, severity: Severity, summary: str) -> Callable[[TextCheck], TextCheck]:
    """Register a rule that reads only an agreement's texts (it runs on any file read)."""

    def decorate(check: TextCheck) -> TextCheck:
        _TEXT_CHECKS.append((_register(code, severity, summary, "agreement"), check))
        return check

    return decorate


def catalogue_rule(
    code: str, severity: Severity, summary: str
) -> Callable[[CatalogueCheck], CatalogueCheck]:
    """Register a rule that checks all agreements together."""

    def decorate(check: CatalogueCheck) -> CatalogueCheck:
        _CATALOGUE_CHECKS.append((_register(code, severity, summary, "catalogue"), check))
        return check

    return decorate


def to_finding(document: Document, registered: Rule, hit: Hit) -> Finding:
    line, column = document.locate(hit.field, key=hit.key, needle=hit.needle)
    return Finding(
        document.path,
        line,
        column + hit.offset,
        registered.code,
        registered.severity,
        hit.message,
        hit.field,
        hit.context,
    )


def lint_agreement(loaded: Loaded, context: LintContext) -> list[Finding]:
    """Every finding of every rule that can run on one file: all of them when it loaded as
    an agreement, the text rules on its plain data when it was read but is not a valid
    agreement, none when it could not be read."""
    document = loaded.document
    if document is None:
        return []
    findings: list[Finding] = []
    if loaded.agreement is None:
        texts = Texts(document, context, list(data_pairs(document.data)))
    else:
        subject = Subject(loaded.agreement, document, context)
        for registered, check in _AGREEMENT_CHECKS:
            findings.extend(to_finding(document, registered, hit) for hit in check(subject))
        texts = subject.as_texts
    for registered, text_check in _TEXT_CHECKS:
        findings.extend(to_finding(document, registered, hit) for hit in text_check(texts))
    return findings


def lint_catalogue(loaded: list[Loaded], context: LintContext) -> list[Finding]:
    """Findings of the rules that compare agreements with each other."""
    usable = [item for item in loaded if item.agreement is not None and item.document]
    findings: list[Finding] = []
    for registered, check in _CATALOGUE_CHECKS:
        for item, hit in check(usable, context):
            assert item.document is not None
            findings.append(to_finding(item.document, registered, hit))
    return findings
