"""SG40x: the parties. Unified Social Credit Codes (GB 32100-2015) and two distinct parties
(by USCC, or by the number of `id`: see `sitegen.lint.identifiers`)."""

from __future__ import annotations

from collections.abc import Iterator

from stdnum.cn import uscc

from sitegen.findings import Severity
from sitegen.lint.identifiers import compact
from sitegen.lint.registry import Hit, Subject, rule
from sitegen.load.model import Party

# GB 32100-2015: the 31 characters of the code set (no I, O, S, V, Z).
CODE_SET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_LOOKALIKE = {"I": "1", "O": "0", "S": "5", "V": "U", "Z": "2"}
# Position 1, the registration authority, and the organisation types (position 2) it issues.
ORGANISATION_TYPES: dict[str, str] = {
    "1": "1239",  # 机构编制 (government offices, public institutions, …)
    "2": "19",  # 外交 (foreign affairs)
    "3": "123459",  # 司法行政 (law firms, notaries, arbitration, …)
    "4": "19",  # 文化 (culture)
    "5": "1239",  # 民政 (social organisations, foundations, …)
    "6": "129",  # 旅游 (tourism offices)
    "7": "129",  # 宗教 (religious sites and colleges)
    "8": "19",  # 工会 (trade unions)
    "9": "123",  # 工商 (enterprises, sole traders, farmers' cooperatives)
    "A": "19",  # 中央军委改革和编制办公室 (military public institutions)
    "N": "1239",  # 农业 (rural collective economic organisations)
    "Y": "1",  # 其他 (other)
}
_ROLES = ("customer", "provider")


def _charset_problem(code: str) -> tuple[int, str] | None:
    for index, char in enumerate(code):
        if char not in CODE_SET:
            hint = f" (did you mean {_LOOKALIKE[char]!r}?)" if char in _LOOKALIKE else ""
            return index, (
                f"character {char!r} at position {index + 1} is not in the USCC code set, "
                f"which leaves out I, O, S, V and Z{hint}: copy the code from the business "
                "licence"
            )
    return None


def _structure_problem(code: str) -> tuple[int, str] | None:
    authority, kind, division = code[0], code[1], code[2:8]
    if authority not in ORGANISATION_TYPES:
        return 0, (
            f"position 1 (registration authority) is {authority!r}, which GB 32100 does not "
            "define: it is one of 1-9, A, N or Y; copy the code from the business licence"
        )
    if kind not in ORGANISATION_TYPES[authority]:
        allowed = ", ".join(ORGANISATION_TYPES[authority])
        return 1, (
            f"position 2 (organisation type) is {kind!r}, but authority {authority!r} issues "
            f"only types {allowed}: copy the code from the business licence"
        )
    for offset, char in enumerate(division):
        if not char.isdigit():
            return 2 + offset, (
                f"positions 3-8 are the administrative division code and must be digits, "
                f"but position {3 + offset} is {char!r}: copy the code from the business licence"
            )
    return None


# stdnum.cn.uscc.validate is not used: it requires the first 8 characters to be digits and
# so rejects codes issued by authorities A, N and Y, which GB 32100 defines. The format is
# checked above; only the check character comes from stdnum.
def check_character(code: str) -> str:
    return str(uscc.calc_check_digit(code[:17]))


def _usccs(subject: Subject) -> Iterator[tuple[str, str]]:
    for role in _ROLES:
        code = getattr(subject.agreement.parties, role).uscc
        if code is not None:
            yield role, code


@rule("SG401", Severity.ERROR, "USCC uses a character outside the 31-character code set")
def uscc_charset(subject: Subject) -> Iterator[Hit]:
    for role, code in _usccs(subject):
        problem = _charset_problem(code)
        if problem:
            index, message = problem
            yield Hit(("parties", role, "uscc"), message, needle=code, offset=index)


@rule("SG402", Severity.ERROR, "USCC authority, organisation type or division code is invalid")
def uscc_structure(subject: Subject) -> Iterator[Hit]:
    for role, code in _usccs(subject):
        problem = _structure_problem(code)
        if problem:
            index, message = problem
            yield Hit(("parties", role, "uscc"), message, needle=code, offset=index)


@rule("SG403", Severity.ERROR, "USCC check character (position 18) is wrong")
def uscc_check(subject: Subject) -> Iterator[Hit]:
    for role, code in _usccs(subject):
        if _charset_problem(code):
            continue
        expected = check_character(code)
        if code[17] != expected:
            yield Hit(
                ("parties", role, "uscc"),
                f"check character is {code[17]!r} but the first 17 characters give "
                f"{expected!r}: one of them is mistyped; copy the code from the business "
                "licence",
                needle=code,
                offset=17,
            )


def _unit_key(party: Party) -> tuple[str, str] | None:
    if party.unit is None:
        return None
    return party.unit.zh.strip(), party.unit.en.strip().casefold()


def _organisation(party: Party) -> tuple[str, str] | None:
    """What names the organisation: its USCC, or its number compacted as stdnum compares
    numbers (`GB 980 7806 84` is `980780684`); None for a party without a number."""
    if party.uscc is not None:
        return "uscc", party.uscc
    if party.id is None or party.id.value is None:
        return None
    return party.id.scheme, compact(party.id.scheme, party.id.value)


@rule("SG404", Severity.ERROR, "customer and provider are the same organisation and unit")
def distinct_parties(subject: Subject) -> Iterator[Hit]:
    customer, provider = subject.agreement.parties.customer, subject.agreement.parties.provider
    organisation = _organisation(customer)
    if organisation is None or organisation != _organisation(provider):
        return
    if _unit_key(customer) != _unit_key(provider):
        return
    where = "with the same unit" if customer.unit else "and neither names a unit"
    scheme, value = organisation
    field = ("parties", "provider", "uscc" if scheme == "uscc" else "id")
    number = f"USCC {value}" if scheme == "uscc" else f"number {value} ({scheme})"
    yield Hit(
        field,
        f"the provider has the customer's {number} {where}: an agreement needs "
        "two parties; for one between parts of one organisation give each its `unit`",
    )
