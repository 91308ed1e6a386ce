"""SG409–SG411: the identifiers of parties outside mainland China, checked with python-stdnum.

The scheme names the stdnum module (`gb.vat` is `stdnum.gb.vat`); its `validate` gives the
reason a number is wrong, and that reason is the message: stdnum knows the format, length
and check digits of each, which a table here would only copy. A bad check digit is its own
code (SG411), as for USCCs (SG403): it is the mistyped number, the rest a wrong scheme or
a number copied from the wrong field.
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Iterator
from types import ModuleType

from stdnum.exceptions import InvalidChecksum, ValidationError

from sitegen.compose.schemes import SCHEME_NAMES, known
from sitegen.findings import Severity
from sitegen.lint.registry import Hit, Subject, rule
from sitegen.load.model import Identifier

_ROLES = ("customer", "provider")
_REGISTER = "copy the number from the register or the invoice that shows it"


def _identifiers(subject: Subject) -> Iterator[tuple[str, Identifier]]:
    for role in _ROLES:
        party = getattr(subject.agreement.parties, role)
        if party.id is not None:
            yield role, party.id


def _unknown(scheme: str) -> str:
    if scheme == "cn.uscc":
        return "a mainland-China organisation carries `uscc: <code>` instead of `id`"
    close = difflib.get_close_matches(scheme, list(SCHEME_NAMES.table), n=1, cutoff=0.7)
    hint = f"did you mean {close[0]!r}? " if close else ""
    what = _stdnum_title(scheme)
    found = f"{scheme!r} ({what}) is not" if what else f"sitegen knows no scheme {scheme!r} as"
    return (
        f"{found} an organisation's identifier: {hint}name the scheme as python-stdnum "
        "names its module (lei, gb.vat, us.ein, de.handelsregisternummer, …; the README "
        "lists them), or write `scheme: none` with a `reason`"
    )


def _stdnum_title(scheme: str) -> str:
    """What stdnum says a module numbers (the first line of its docstring), if it has one:
    `cn.ric` is "RIC No. (Chinese Resident Identity Card Number)", a person's number."""
    try:
        module = _module(scheme)
    except ImportError:
        return ""
    lines = (module.__doc__ or "").strip().splitlines()
    return lines[0].rstrip(".") if lines else ""


@rule("SG409", Severity.ERROR, "identifier scheme unknown (not an organisation's number)")
def unknown_scheme(subject: Subject) -> Iterator[Hit]:
    for role, identifier in _identifiers(subject):
        if identifier.scheme != "none" and not known(identifier.scheme):
            yield Hit(
                ("parties", role, "id", "scheme"),
                _unknown(identifier.scheme),
                needle=identifier.scheme,
            )


def _module(scheme: str) -> ModuleType:
    return importlib.import_module(f"stdnum.{scheme}")


def compact(scheme: str, value: str) -> str:
    """The number as stdnum compares it: `GB 980 7806 84` is `980780684` (gb.vat)."""
    if not known(scheme):
        return value
    try:
        return str(_module(scheme).compact(value))
    except ValidationError:
        return value


def _problem(identifier: Identifier) -> ValidationError | None:
    if identifier.value is None or not known(identifier.scheme):
        return None
    module = _module(identifier.scheme)
    try:
        module.validate(identifier.value)
    except ValidationError as error:
        return error
    return None


def _message(identifier: Identifier, error: ValidationError) -> str:
    name = SCHEME_NAMES(identifier.scheme, "en")
    reason = str(error).rstrip(".")
    return (
        f"{identifier.value!r} is not a valid {name} ({identifier.scheme}): "
        f"{reason[:1].lower()}{reason[1:]}; {_REGISTER}"
    )


@rule("SG410", Severity.ERROR, "identifier has the wrong format or length for its scheme")
def identifier_format(subject: Subject) -> Iterator[Hit]:
    for role, identifier in _identifiers(subject):
        error = _problem(identifier)
        if error is not None and not isinstance(error, InvalidChecksum):
            yield Hit(("parties", role, "id", "value"), _message(identifier, error))


@rule("SG411", Severity.ERROR, "identifier check digit is wrong")
def identifier_check(subject: Subject) -> Iterator[Hit]:
    for role, identifier in _identifiers(subject):
        error = _problem(identifier)
        if isinstance(error, InvalidChecksum):
            yield Hit(("parties", role, "id", "value"), _message(identifier, error))
