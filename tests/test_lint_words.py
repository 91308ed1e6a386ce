"""Terms of art (SG303) and open-ended lists (SG304), with sentences of real SLAs: a cloud
provider's published SLA in both languages and a university's IT service SLA."""

from __future__ import annotations

from pathlib import Path

from sitegen.lint.words import EN, ZH, Kind
from sitegen.load.config import LintSettings, Settings, VagueWords
from tests.helpers import lint_sample, replace_once, sample_text, where

EXCLUSION_ZH = "zh: 客户方原因或不可抗力导致的中断"
EXCLUSION_EN = "en: Interruptions caused by the customer or by force majeure"
TERM = (
    "its meaning is for a court to settle; keep it knowingly or state the measure (a time, "
    "an amount, a list)"
)
OPEN = "name every item, or keep it knowingly (the list then covers what is not named)"


def exclusion(zh: str, en: str) -> str:
    text = replace_once(sample_text(), EXCLUSION_ZH, f"zh: {zh}")
    return replace_once(text, EXCLUSION_EN, f"en: {en}")


FIELD = "slos.availability.exclusions[1]"


def test_cloud_sla_terms_of_art_are_warnings(tmp_path: Path) -> None:
    zh = "因服务方合理控制范围以外的原因导致的不可用，服务方将尽商业上合理的努力恢复"
    en = (
        "Unavailability caused by factors outside of the provider's reasonable control; the "
        "provider will use commercially reasonable efforts to restore the service"
    )
    text = exclusion(zh, en)
    assert lint_sample(tmp_path, text) == [
        f"{where(text, zh, '合理')}: SG303 [warning] {FIELD}.zh: term of art '合理': {TERM}",
        f"{where(text, en, 'reasonable control')}: SG303 [warning] {FIELD}.en: term of art "
        f"'reasonable control': {TERM}",
        f"{where(text, en, 'commercially')}: SG303 [warning] {FIELD}.en: term of art "
        f"'commercially reasonable efforts': {TERM}",
    ]


def test_appropriate_and_good_faith_are_terms_of_art(tmp_path: Path) -> None:
    zh = "服务方采取适当的技术措施，并本着善意与客户方协商"
    en = "The provider takes appropriate technical measures and consults the customer in good faith"
    text = exclusion(zh, en)
    assert [line.split(": ", 2)[1] for line in lint_sample(tmp_path, text)] == [
        f"SG303 [warning] {FIELD}.zh",
        f"SG303 [warning] {FIELD}.zh",
        f"SG303 [warning] {FIELD}.en",
        f"SG303 [warning] {FIELD}.en",
    ]


def test_vague_time_words_stay_errors(tmp_path: Path) -> None:
    """The university SLA's 'as soon as possible' and 'promptly', 尽快, 尽量 and 及时 state no
    time: still errors, beside a term of art in the same text."""
    zh = "服务方尽快恢复服务，尽量在合理时间内通知客户方，并及时报告"
    en = (
        "The provider restores the service as soon as possible, notifies the customer promptly "
        "and reports within a reasonable time"
    )
    text = exclusion(zh, en)
    found = [
        line.split(": ", 2)[1] + " " + line.split("'")[1] for line in lint_sample(tmp_path, text)
    ]
    assert found == [
        f"SG301 {FIELD}.zh 尽快",
        f"SG301 {FIELD}.zh 尽量",
        f"SG303 [warning] {FIELD}.zh 合理",
        f"SG301 {FIELD}.zh 及时",
        f"SG301 {FIELD}.en as soon as possible",
        f"SG301 {FIELD}.en promptly",
        f"SG303 [warning] {FIELD}.en reasonable",
    ]


def test_etc_and_deng_are_treated_alike(tmp_path: Path) -> None:
    zh = "因客户方的应用程序受到黑客攻击等原因导致的不可用"
    en = "Unavailability caused by attacks on the customer's applications, etc."
    text = exclusion(zh, en)
    assert lint_sample(tmp_path, text) == [
        f"{where(text, zh, '等')}: SG304 [warning] {FIELD}.zh: open-ended list '等': {OPEN}",
        f"{where(text, en, 'etc.')}: SG304 [warning] {FIELD}.en: open-ended list 'etc.': {OPEN}",
    ]


def test_deng_inside_words_or_before_a_count_closes_nothing(tmp_path: Path) -> None:
    zh = "与服务等级、同等级别及等待时间有关的北京、上海等 2 个数据中心的中断"
    en = (
        "Interruptions of the 2 data centres in Beijing and Shanghai related to service "
        "levels, equal grades and waiting times"
    )
    assert lint_sample(tmp_path, exclusion(zh, en)) == []


def test_other_open_list_words(tmp_path: Path) -> None:
    zh = "客户方网络、终端之类的问题导致的中断"
    en = "Interruptions caused by the customer's network, devices and the like"
    found = [line.split("'")[1] for line in lint_sample(tmp_path, exclusion(zh, en))]
    assert found == ["之类", "and the like"]


def test_a_project_allows_a_term_of_art(tmp_path: Path) -> None:
    zh = "服务方合理控制范围以外的原因导致的中断"
    en = "Interruptions beyond the provider's reasonable control"
    settings = Settings(
        lint=LintSettings(vague_words=VagueWords(allow=["合理", "reasonable control"]))
    )
    assert lint_sample(tmp_path, exclusion(zh, en), settings=settings) == []


def test_a_term_of_art_is_kept_knowingly_with_a_suppression(tmp_path: Path) -> None:
    zh = "服务方合理控制范围以外的原因导致的中断  # sitegen: ignore[SG303]"
    en = "Interruptions beyond the provider's reasonable control  # sitegen: ignore[SG303]"
    assert lint_sample(tmp_path, exclusion(zh, en)) == []


def test_one_list_per_language_and_every_word_has_one_kind() -> None:
    for words in (ZH, EN):
        names = [word for word, _ in words]
        assert len(names) == len(set(names))
    kinds = {word: kind for word, kind in (*ZH, *EN)}
    assert kinds["尽快"] is kinds["as soon as possible"] is kinds["promptly"] is Kind.VAGUE
    assert kinds["及时"] is kinds["尽量"] is Kind.VAGUE
    assert kinds["合理"] is kinds["适当"] is kinds["reasonable control"] is Kind.TERM_OF_ART
    assert kinds["等"] is kinds["等等"] is kinds["etc."] is Kind.OPEN_LIST


def test_best_efforts_is_vague_in_both_languages(tmp_path: Path) -> None:
    zh = "服务方尽最大努力恢复服务，并尽力减少影响"
    en = "The provider uses best efforts to restore the service and to limit the impact"
    found = [
        line.split(": ", 2)[1] + " " + line.split("'")[1]
        for line in lint_sample(tmp_path, exclusion(zh, en))
    ]
    assert found == [
        f"SG301 {FIELD}.zh 尽最大努力",
        f"SG301 {FIELD}.zh 尽力",
        f"SG301 {FIELD}.en best efforts",
    ]


def test_unreasonably_withheld_is_a_term_of_art(tmp_path: Path) -> None:
    zh = "客户方不得不合理地拒绝验收"
    en = "The customer's acceptance is not to be unreasonably withheld"
    found = [
        line.split(": ", 2)[1] + " " + line.split("'")[1]
        for line in lint_sample(tmp_path, exclusion(zh, en))
    ]
    assert found == [f"SG303 [warning] {FIELD}.zh 合理", f"SG303 [warning] {FIELD}.en unreasonably"]
