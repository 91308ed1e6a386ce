"""The text rules read a text as it shows, not as it was typed, and point at what was
typed: look-alike letters, full-width forms and invisible characters do not hide a vague
word, a phone number, an e-mail address, an ID number or a placeholder."""

from __future__ import annotations

from pathlib import Path

from sitegen.lint.fold import fold
from tests.helpers import lint_sample, replace_once, sample_text, where

DUTY_EN = "en: Receives and handles incident tickets"
DUTY_ZH = "zh: 受理并处理故障工单"
FIX = "state a concrete time, quantity or condition (e.g. 'within 30 minutes', '30 分钟内') instead"
ROLES = "keep numbers in the contact list outside the agreement"


def findings(tmp_path: Path, text: str, code: str) -> list[str]:
    return [line for line in lint_sample(tmp_path, text) if f" {code} " in line]


def test_cyrillic_letters_do_not_hide_a_vague_phrase(tmp_path: Path) -> None:
    phrase = "\u0430s soon \u0430s possible"  # Cyrillic а
    text = replace_once(sample_text(), DUTY_EN, f"{DUTY_EN} {phrase}")
    assert findings(tmp_path, text, "SG301") == [
        f"{where(text, phrase)}: SG301 contacts[2].duty.en: vague wording {phrase!r} "
        f"(read as 'as soon as possible'): {FIX}"
    ]


def test_greek_letters_do_not_hide_a_vague_word(tmp_path: Path) -> None:
    word = "r\u03bfughly"  # Greek ο
    text = replace_once(sample_text(), DUTY_EN, f"{DUTY_EN} {word} on time")
    assert findings(tmp_path, text, "SG301") == [
        f"{where(text, word)}: SG301 contacts[2].duty.en: vague wording {word!r} "
        f"(read as 'roughly'): {FIX}"
    ]


def test_full_width_digits_do_not_hide_a_phone_number(tmp_path: Path) -> None:
    number = "１３８ ００１３ ８０００"
    text = replace_once(sample_text(), DUTY_EN, f"{DUTY_EN}, call {number}")
    text = replace_once(text, DUTY_ZH, f"{DUTY_ZH}，电话 {number}")
    assert findings(tmp_path, text, "SG405") == [
        f"{where(text, DUTY_ZH + '，电话 ' + number, number)}: SG405 contacts[2].duty.zh: "
        f"phone number {number!r}: an agreement names roles, not ways to reach a person; {ROLES}",
        f"{where(text, DUTY_EN + ', call ' + number, number)}: SG405 contacts[2].duty.en: "
        f"phone number {number!r}: an agreement names roles, not ways to reach a person; {ROLES}",
    ]


def test_a_full_width_at_sign_does_not_hide_an_address(tmp_path: Path) -> None:
    address = "ops＠example.com"
    text = replace_once(sample_text(), DUTY_EN, f"{DUTY_EN} sent to {address}")
    assert findings(tmp_path, text, "SG406") == [
        f"{where(text, address)}: SG406 contacts[2].duty.en: e-mail address {address!r}: an "
        "agreement names roles, not mailboxes; keep addresses in the contact list outside the "
        "agreement"
    ]


def test_full_width_digits_do_not_hide_an_id_number(tmp_path: Path) -> None:
    number = "１１０１０５１９４９１２３１００２Ｘ"
    text = replace_once(sample_text(), DUTY_ZH, f"{DUTY_ZH}（身份证 {number}）")
    text = replace_once(text, DUTY_EN, f"{DUTY_EN} (ID {number})")
    assert findings(tmp_path, text, "SG407") == [
        f"{where(text, '身份证 ' + number, number)}: SG407 contacts[2].duty.zh: resident ID "
        "number 110105…: personal ID numbers must not be in an agreement; remove it and name "
        "the role",
        f"{where(text, '(ID ' + number, number)}: SG407 contacts[2].duty.en: resident ID "
        "number 110105…: personal ID numbers must not be in an agreement; remove it and name "
        "the role",
    ]


def test_look_alike_letters_do_not_hide_a_placeholder(tmp_path: Path) -> None:
    word = "\u0422\u0412D"  # Cyrillic Т and В
    text = replace_once(sample_text(), DUTY_EN, f"{DUTY_EN} {word}")
    assert findings(tmp_path, text, "SG302") == [
        f"{where(text, word)}: SG302 [warning] contacts[2].duty.en: placeholder {word!r} left: "
        "write the real text before signing"
    ]


def test_folding_maps_every_character_back_to_where_it_was_written() -> None:
    folded = fold("面积 ５㎡，ｏｐｓ\u200b＠x.cn，cafe\u0301 ТВD")
    assert folded.text == "面积 5m2,ops@x.cn,café TBD"
    start = folded.text.index("m2")
    assert folded.written(start, start + 2) == "㎡"
    start = folded.text.index("ops@x.cn")
    assert folded.written(start, start + 8) == "ｏｐｓ\u200b＠x.cn"
    start = folded.text.index("café")
    assert folded.written(start, start + 4) == "cafe\u0301"
    assert folded.written(folded.text.index("TBD"), len(folded.text)) == "ТВD"


def test_ascii_text_is_its_own_folding() -> None:
    folded = fold("as soon as possible")
    assert folded.text == "as soon as possible"
    assert folded.written(3, 7) == "soon"


def test_one_for_one_folding_keeps_every_place() -> None:
    folded = fold("服务（ERP），ｏｐｓ＠x.cn，Т\u0412D")
    assert folded.text == "服务(ERP),ops@x.cn,TBD"
    start = folded.text.index("ops@x.cn")
    assert folded.written(start, start + 8) == "ｏｐｓ＠x.cn"
    assert folded.written(folded.text.index("TBD"), len(folded.text)) == "Т\u0412D"
