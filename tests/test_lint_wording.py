"""SG3xx: vague wording and placeholders, in every text of the agreement."""

from __future__ import annotations

from pathlib import Path

from sitegen.load.config import LintSettings, Settings, VagueWords
from tests.helpers import lint_sample, replace_once, sample_text, where

FIX = "state a concrete time, quantity or condition (e.g. 'within 30 minutes', '30 分钟内') instead"
OPEN = "name every item, or keep it knowingly (the list then covers what is not named)"


def test_sample_has_no_errors_or_warnings(tmp_path: Path) -> None:
    assert lint_sample(tmp_path, sample_text()) == []


def test_vague_chinese_word_points_at_the_word(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "zh: 受理并处理故障工单", "zh: 及时受理并处理故障工单")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, '及时受理', '及时')}: SG301 contacts[2].duty.zh: vague wording '及时': "
        + FIX
    ]


def test_vague_english_phrase_is_case_insensitive_on_word_boundaries(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(),
        "en: Receives and handles incident tickets",
        "en: Receives and handles incident tickets As Soon As Possible",
    )
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'As Soon As', 'As Soon')}: SG301 contacts[2].duty.en: "
        "vague wording 'As Soon As Possible': " + FIX
    ]


def test_vague_words_are_found_in_scope_items_and_lists(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "zh: 故障报修受理与处理", "zh: 故障报修受理与处理等等")
    text = replace_once(text, "en: Customer feedback records", "en: Customer feedback etc.")
    # 等等 and etc. leave a list open: a warning of its own in both languages (SG304), no
    # longer an error in English while 等 passed unseen in Chinese.
    assert lint_sample(tmp_path, text) == [
        f"{where(text, '处理等等', '等等')}: SG304 [warning] scope.included[1].zh: open-ended "
        "list '等等': " + OPEN,
        f"{where(text, 'feedback etc.', 'etc.')}: SG304 [warning] measurement.sources[2].en: "
        "open-ended list 'etc.': " + OPEN,
    ]


def test_words_inside_other_words_are_not_vague(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(),
        "en: Receives and handles incident tickets",
        "en: Receives and handles incident tickets (see the timelyness annex, ASAPX)",
    )
    assert lint_sample(tmp_path, text) == []


def test_zuoyou_only_after_a_quantity(tmp_path: Path) -> None:
    vague = replace_once(sample_text(), "zh: 受理并处理故障工单", "zh: 30 分钟左右受理故障工单")
    vague = replace_once(
        vague, "en: Receives and handles incident tickets", "en: Takes tickets in 30 min"
    )
    assert lint_sample(tmp_path, vague) == [
        f"{where(vague, '分钟左右', '左右')}: SG301 contacts[2].duty.zh: vague wording '左右': "
        + FIX
    ]
    plain = replace_once(
        sample_text(), "zh: 受理并处理故障工单", "zh: 受理机房左右两侧机柜的故障工单"
    )
    assert lint_sample(tmp_path / "plain", plain) == []


def test_project_settings_add_and_allow_words(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(), "zh: 受理并处理故障工单", "zh: 及时受理并处理故障工单，必要时上门"
    )
    settings = Settings(lint=LintSettings(vague_words=VagueWords(zh=["必要时"], allow=["及时"])))
    assert lint_sample(tmp_path, text, settings=settings) == [
        f"{where(text, '必要时上门', '必要时')}: SG301 contacts[2].duty.zh: "
        "vague wording '必要时': " + FIX
    ]


def test_placeholder_left_is_a_warning(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "zh: 客户反馈记录", "zh: 待填写")
    text = replace_once(text, "en: Customer feedback records", "en: to be completed")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'zh: 待填写', '待填写')}: SG302 [warning] measurement.sources[2].zh: "
        "placeholder '待填写' left: write the real text before signing",
        f"{where(text, 'en: to be completed', 'to be')}: SG302 [warning] "
        "measurement.sources[2].en: placeholder 'to be completed' left: write the real text "
        "before signing",
    ]


def test_the_skeletons_sample_credit_code_is_a_placeholder(tmp_path: Path) -> None:
    # `sitegen new` writes 91000000000000019G for the provider: its check character is
    # right, so only SG302 says it is not the provider's code.
    text = replace_once(sample_text(), "uscc: 91330106MA2H3N7E0P", "uscc: 91000000000000019G")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'uscc: 91000000000000019G', '91000000000000019G')}: SG302 [warning] "
        "parties.provider.uscc: placeholder code 91000000000000019G left (the sample "
        "`sitegen new` writes, which passes the check digit): copy the party's code from its "
        "business licence"
    ]


def test_todo_is_a_placeholder_but_todos_in_words_are_not(tmp_path: Path) -> None:
    text = replace_once(sample_text(), "en: Ticket system records", "en: Ticket system records TBD")
    assert lint_sample(tmp_path, text) == [
        f"{where(text, 'records TBD', 'TBD')}: SG302 [warning] measurement.sources[1].en: "
        "placeholder 'TBD' left: write the real text before signing"
    ]
    fine = replace_once(
        sample_text(), "en: Ticket system records", "en: Ticket system records (Todoist)"
    )
    assert lint_sample(tmp_path / "fine", fine) == []


def test_a_new_skeleton_has_placeholders_but_no_errors(project: Path) -> None:
    from sitegen.compose.skeleton import write_skeleton
    from sitegen.findings import Severity
    from sitegen.lint.validate import validate
    from sitegen.load.config import Settings

    path = write_skeleton(project, Settings(), "SLA-2025-099", "it-service-sla")
    report, _ = validate([path], Settings(), project)
    assert report.errors == 0
    assert {f.code for f in report.findings if f.severity is Severity.WARNING} == {"SG302"}
