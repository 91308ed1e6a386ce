"""Every rule that can run on what was read runs: a file with schema errors is also checked
for vague words, placeholders, personal data and its two languages, from its plain data,
so one run names every problem (the README's promise)."""

from __future__ import annotations

from pathlib import Path

from sitegen.lint.texts import data_pairs, pairs
from sitegen.load import load_agreement_text
from tests.helpers import lint_sample, replace_once, sample_text, where


def test_a_schema_error_does_not_hide_the_text_rules(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "target: 99.9", "target: 99,9")  # SG203
    text = replace_once(text, "zh: 受理并处理故障工单", "zh: 尽快受理并处理故障工单")  # SG301
    text = replace_once(text, "en: Customer feedback records", "en: Customer feedback, 13800138000")
    found = lint_sample(tmp_path, text)
    codes = [line.split(": ")[1].split(" ")[0] for line in found]
    # The number is only in the English text, so SG705 says the languages differ as well.
    assert sorted(codes) == ["SG203", "SG301", "SG405", "SG705"], found
    assert f"{where(text, '尽快受理', '尽快')}: SG301 contacts[2].duty.zh: vague wording" in (
        "\n".join(found)
    )


def test_the_plain_data_gives_the_texts_the_model_gives(tmp_path: Path) -> None:
    loaded = load_agreement_text(sample_text(), tmp_path / "agreement.yaml")
    assert loaded.agreement is not None and loaded.document is not None
    from_model = {(p.field, p.zh, p.en) for p in pairs(loaded.agreement)}
    from_data = {(p.field, p.zh, p.en) for p in data_pairs(loaded.document.data)}
    assert from_model == from_data
