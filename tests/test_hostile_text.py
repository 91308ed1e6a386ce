"""The hostile-input corpus: characters that show one thing and say another, characters no
font draws, and values YAML or pydantic would quietly convert, each fed through
`sitegen validate` at a text, a key and a value of a real agreement file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.cli import cli
from tests.helpers import replace_once, sample_text

GUIDE = "agreements/SLA-2024-001/agreement.yaml"
BIDI = "a direction control (it changes the order the text is shown in)"
INVISIBLE = "an invisible character (it is drawn as nothing)"
CONTROL = "a control character"
PRIVATE = "a private-use character (it has no agreed meaning)"
NONCHARACTER = "a non-character"

# (character, how SG109 names it, why it is refused)
HIDDEN: list[tuple[str, str, str]] = [
    ("\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING", BIDI),
    ("\u202b", "U+202B RIGHT-TO-LEFT EMBEDDING", BIDI),
    ("\u202c", "U+202C POP DIRECTIONAL FORMATTING", BIDI),
    ("\u202d", "U+202D LEFT-TO-RIGHT OVERRIDE", BIDI),
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE", BIDI),
    ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE", BIDI),
    ("\u2067", "U+2067 RIGHT-TO-LEFT ISOLATE", BIDI),
    ("\u2068", "U+2068 FIRST STRONG ISOLATE", BIDI),
    ("\u2069", "U+2069 POP DIRECTIONAL ISOLATE", BIDI),
    ("\u200e", "U+200E LEFT-TO-RIGHT MARK", BIDI),
    ("\u200f", "U+200F RIGHT-TO-LEFT MARK", BIDI),
    ("\u061c", "U+061C ARABIC LETTER MARK", BIDI),
    ("\u200b", "U+200B ZERO WIDTH SPACE", INVISIBLE),
    ("\u200c", "U+200C ZERO WIDTH NON-JOINER", INVISIBLE),
    ("\u200d", "U+200D ZERO WIDTH JOINER", INVISIBLE),
    ("\u2060", "U+2060 WORD JOINER", INVISIBLE),
    ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE", INVISIBLE),
    ("\u00ad", "U+00AD SOFT HYPHEN", INVISIBLE),
    ("\u2028", "U+2028 LINE SEPARATOR", INVISIBLE),
    ("\u2029", "U+2029 PARAGRAPH SEPARATOR", INVISIBLE),
    ("\u3164", "U+3164 HANGUL FILLER", INVISIBLE),
    ("\U000e0001", "U+E0001 LANGUAGE TAG", INVISIBLE),
    ("\U000e0041", "U+E0041 TAG LATIN CAPITAL LETTER A", INVISIBLE),
    ("\U000e007f", "U+E007F CANCEL TAG", INVISIBLE),
    ("\x00", "U+0000 <control>", CONTROL),
    ("\x01", "U+0001 <control>", CONTROL),
    ("\x08", "U+0008 <control>", CONTROL),
    ("\x1b", "U+001B <control>", CONTROL),
    ("\x7f", "U+007F <control>", CONTROL),
    ("\x85", "U+0085 <control>", CONTROL),
    ("\x9b", "U+009B <control>", CONTROL),
    ("\ue000", "U+E000 <private-use>", PRIVATE),
    ("\uf8ff", "U+F8FF <private-use>", PRIVATE),
    ("\U000f0000", "U+F0000 <private-use>", PRIVATE),
    ("\ufdd0", "U+FDD0 <noncharacter>", NONCHARACTER),
    ("\ufffe", "U+FFFE <noncharacter>", NONCHARACTER),
    ("\uffff", "U+FFFF <noncharacter>", NONCHARACTER),
    ("\U0010ffff", "U+10FFFF <noncharacter>", NONCHARACTER),
]

TITLE = "  zh: 核心业务系统运维服务水平协议"
# (place, the sample's line, the line with {} where the character goes, its 1-based column)
PLACES: list[tuple[str, str, str, int]] = [
    ("text", TITLE, "  zh: 核心{}业务系统运维服务水平协议", 9),
    ("key", "version: 1", "vers{}ion: 1", 5),
    ("value", "status: signed", "status: sig{}ned", 12),
]
# The same places, the character written as a double-quoted escape (backslash at column).
ESCAPED: list[tuple[str, str, str, int]] = [
    ("text", TITLE, '  zh: "核心{}业务系统运维服务水平协议"', 10),
    ("key", "version: 1", '"vers{}ion": 1', 6),
    ("value", "status: signed", 'status: "sig{}ned"', 13),
]


def escape(char: str) -> str:
    code = ord(char)
    return (
        f"\\x{code:02X}"
        if code < 0x100
        else f"\\u{code:04X}"
        if code < 0x10000
        else (f"\\U{code:08X}")
    )


def validate(project: Path, text: str) -> tuple[int, list[str], str]:
    (project / GUIDE).write_text(text, encoding="utf-8", newline="")
    result = CliRunner().invoke(cli, ["validate", GUIDE])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout.splitlines(), result.stderr


def line_number(text: str, line: str) -> int:
    """1-based; lines end at line feeds only, as in YAML (not at U+2028 or U+0085)."""
    return text.split("\n").index(line) + 1


@pytest.mark.parametrize(("char", "name", "why"), HIDDEN, ids=[n for _, n, _ in HIDDEN])
@pytest.mark.parametrize(("place", "old", "new", "column"), PLACES, ids=[p[0] for p in PLACES])
def test_hidden_character_typed_in_the_file(
    project: Path, char: str, name: str, why: str, place: str, old: str, new: str, column: int
) -> None:
    text = replace_once(sample_text(), old, new.format(char))
    code, out, err = validate(project, text)
    line = line_number(text, new.format(char))
    assert out == [f"{GUIDE}:{line}:{column}: SG109 {name} is {why}: remove it"]
    assert code == 1
    assert err == "1 file checked: 1 error, 0 warnings\n"


@pytest.mark.parametrize(("char", "name", "why"), HIDDEN, ids=[n for _, n, _ in HIDDEN])
@pytest.mark.parametrize(("place", "old", "new", "column"), ESCAPED, ids=[p[0] for p in ESCAPED])
def test_hidden_character_written_as_an_escape(
    project: Path, char: str, name: str, why: str, place: str, old: str, new: str, column: int
) -> None:
    text = replace_once(sample_text(), old, new.format(escape(char)))
    code, out, _ = validate(project, text)
    line = line_number(text, new.format(escape(char)))
    assert out == [f"{GUIDE}:{line}:{column}: SG109 {name} is {why}: remove it"]
    assert code == 1


def test_every_hidden_character_is_reported_not_only_the_first(project: Path) -> None:
    text = replace_once(sample_text(), TITLE, "  zh: 核心\u202e业务\u200b系统\x00")
    code, out, _ = validate(project, text)
    line = line_number(text, "  zh: 核心\u202e业务\u200b系统\x00")
    assert out == [
        f"{GUIDE}:{line}:9: SG109 U+202E RIGHT-TO-LEFT OVERRIDE is {BIDI}: remove it",
        f"{GUIDE}:{line}:12: SG109 U+200B ZERO WIDTH SPACE is {INVISIBLE}: remove it",
        f"{GUIDE}:{line}:15: SG109 U+0000 <control> is {CONTROL}: remove it",
    ]
    assert code == 1


def test_reversed_text_is_refused_where_it_starts(project: Path) -> None:
    """Logical `ecnailpmoc-non` in an override shows as "non-compliance" in the PDF, and
    logical 06 as 60, so SG705 compared equal digits; now the override itself is refused."""
    old = "        en: The core business systems are down, or no user can work"
    assert old in sample_text()
    new = old + " within \u202e06\u202c minutes, or \u202eecnailpmoc-non\u202c"
    text = replace_once(sample_text(), old, new)
    code, out, _ = validate(project, text)
    assert code == 1
    line = line_number(text, new)
    at = new.index("\u202e") + 1
    last = new.rindex("\u202e") + 1
    assert out == [
        f"{GUIDE}:{line}:{at}: SG109 U+202E RIGHT-TO-LEFT OVERRIDE is {BIDI}: remove it",
        f"{GUIDE}:{line}:{at + 3}: SG109 U+202C POP DIRECTIONAL FORMATTING is {BIDI}: remove it",
        f"{GUIDE}:{line}:{last}: SG109 U+202E RIGHT-TO-LEFT OVERRIDE is {BIDI}: remove it",
        f"{GUIDE}:{line}:{last + 15}: SG109 U+202C POP DIRECTIONAL FORMATTING is {BIDI}: remove it",
    ]


def test_a_byte_order_mark_at_the_start_is_not_a_character_of_the_file(project: Path) -> None:
    code, out, _ = validate(project, "\ufeff" + sample_text())
    assert (code, out) == (0, [])


def test_windows_line_ends_are_line_breaks(project: Path) -> None:
    code, out, _ = validate(project, sample_text().replace("\n", "\r\n"))
    assert (code, out) == (0, [])


NO_GLYPH = (
    "is not in the fonts the documents use (Noto Serif CJK SC, Noto Sans CJK SC): the PDF "
    "could not draw it; remove it or write it another way"
)
# Characters that are text but that no font the documents use covers.
UNDRAWABLE: list[tuple[str, str]] = [
    ("😀", "U+1F600 GRINNING FACE"),
    ("𠀀", "U+20000 CJK UNIFIED IDEOGRAPH-20000"),
    ("ሀ", "U+1200 ETHIOPIC SYLLABLE HA"),
    ("\U0001f1e8", "U+1F1E8 REGIONAL INDICATOR SYMBOL LETTER C"),
]


@pytest.mark.parametrize(("char", "name"), UNDRAWABLE, ids=[n for _, n in UNDRAWABLE])
def test_a_character_no_font_draws_is_a_validate_finding(
    project: Path, char: str, name: str
) -> None:
    text = replace_once(sample_text(), TITLE, f"  zh: 核心{char}业务系统运维服务水平协议")
    code, out, _ = validate(project, text)
    line = line_number(text, f"  zh: 核心{char}业务系统运维服务水平协议")
    assert out == [f"{GUIDE}:{line}:9: SG110 title.zh: {name} {NO_GLYPH}"]
    assert code == 1


@pytest.mark.parametrize(("char", "name"), UNDRAWABLE, ids=[n for _, n in UNDRAWABLE])
def test_a_character_no_font_draws_in_a_key_or_value(project: Path, char: str, name: str) -> None:
    text = replace_once(sample_text(), "status: signed", f"status: sig{char}ned")
    code, out, _ = validate(project, text)
    line = line_number(text, f"status: sig{char}ned")
    assert out == [
        f"{GUIDE}:{line}:9: SG203 status: Input should be 'draft', 'in_review', 'signed', "
        f"'accepted' or 'terminated' (found 'sig{char}ned')",
        f"{GUIDE}:{line}:12: SG110 status: {name} {NO_GLYPH}",
    ]
    assert code == 1
    text = replace_once(sample_text(), "version: 1", f"vers{char}ion: 1")
    code, out, _ = validate(project, text)
    assert f"{GUIDE}:3:1: SG202 vers{char}ion: unknown key 'vers{char}ion'" in out[-1]
    assert code == 1


# Values that were quietly converted: (sample line, replacement, column, field, message)
CONVERTED: list[tuple[str, str, int, str, str]] = [
    (
        "version: 1",
        "version: 0o17",
        10,
        "version",
        "Input should be a valid integer (found '0o17')",
    ),
    (
        "version: 1",
        "version: 0x1F",
        10,
        "version",
        "Input should be a valid integer (found '0x1F')",
    ),
    ("version: 1", "version: 1_0", 10, "version", "Input should be a valid integer (found '1_0')"),
    (
        "version: 1",
        "version: " + "1" * 32,
        10,
        "version",
        "Input should be less than or equal to 9999 (found " + "1" * 32 + ")",
    ),
    (
        "version: 1",
        "version: 10000",
        10,
        "version",
        "Input should be less than or equal to 9999 (found 10000)",
    ),
    (
        "    target: 99.9",
        "    target: 99.50000000000000000001",
        13,
        "slos.availability.target",
        "Decimal input should have no more than 7 digits in total (found 99.50000000000000000001)",
    ),
    (
        "    target: 99.9",
        "    target: 99.12345",
        13,
        "slos.availability.target",
        "Decimal input should have no more than 4 decimal places (found 99.12345)",
    ),
    (
        "    target: 99.9",
        "    target: .inf",
        13,
        "slos.availability.target",
        "write a number in decimal digits with a point, e.g. 99.9 or 1000 (found .inf)",
    ),
    (
        "    target: 99.9",
        "    target: 99,9",  # a decimal comma, as a German or French keyboard writes it
        13,
        "slos.availability.target",
        "write a decimal point, not a comma: 99.9 (found '99,9')",
    ),
    (
        "  amount: 80000",
        "  amount: 80,000",  # a thousands separator: no guess
        11,
        "fees.amount",
        "write a number in decimal digits with a point, e.g. 99.9 or 1000 (found '80,000')",
    ),
    (
        "  amount: 80000",
        "  amount: 80_000",
        11,
        "fees.amount",
        "write a number in decimal digits with a point, e.g. 99.9 or 1000 (found '80_000')",
    ),
    (
        "  amount: 80000",
        "  amount: 0x13880",
        11,
        "fees.amount",
        "write a number in decimal digits with a point, e.g. 99.9 or 1000 (found '0x13880')",
    ),
    (
        "  amount: 80000",
        "  amount: 80000.001",
        11,
        "fees.amount",
        "Decimal input should have no more than 2 decimal places (found 80000.001)",
    ),
]
FLAGS = ["on", "off", "yes", "no", "y", "'true'", "1"]


@pytest.mark.parametrize(
    ("old", "new", "column", "field", "message"), CONVERTED, ids=[c[1].strip() for c in CONVERTED]
)
def test_values_are_not_quietly_converted(
    project: Path, old: str, new: str, column: int, field: str, message: str
) -> None:
    text = replace_once(sample_text(), old + "\n", new + "\n")
    code, out, _ = validate(project, text)
    assert out == [f"{GUIDE}:{line_number(text, new)}:{column}: SG203 {field}: {message}"]
    assert code == 1


@pytest.mark.parametrize("flag", FLAGS)
def test_a_flag_is_true_or_false_only(project: Path, flag: str) -> None:
    schedule = (
        "service_hours:\n  timezone: Asia/Shanghai\n"
        "  windows: [{days: mon-fri, start: '09:00', end: '18:00'}]\n"
        f"  public_holidays: {flag}"
    )
    text = replace_once(sample_text(), "service_hours: 7x24", schedule)
    code, out, _ = validate(project, text)
    shown = flag if flag == "1" else repr(flag.strip("'"))
    assert out == [
        f"{GUIDE}:{line_number(text, f'  public_holidays: {flag}')}:20: SG203 "
        f"service_hours.public_holidays: write true or false (found {shown})"
    ]
    assert code == 1


def test_exact_decimals_and_the_largest_version_are_accepted(project: Path) -> None:
    text = replace_once(sample_text(), "version: 1\n", "version: 9999\n")
    text = replace_once(text, "    target: 99.9\n", "    target: 99.9000\n")
    text = replace_once(text, "  amount: 80000\n", "  amount: 80000.00\n")
    code, out, _ = validate(project, text)
    assert (code, out) == (0, [])
