"""The words of a diff report in each language (the values come from the agreements)."""

from __future__ import annotations

from sitegen.compose.contract import Lang, Text
from sitegen.compose.vocabulary import WORKING_NAMES, Words

_WORDS: dict[str, tuple[str, str]] = {
    "heading": ("SLA 变更", "SLA changes"),
    "attention": ("**需关注**（对服务方放宽）：", "**Needs attention** (looser on the provider):"),
    "before": ("变更前", "before"),
    "after": ("变更后", "after"),
    "term": ("条款", "term"),
    "version": ("版本", "version"),
    "status": ("状态", "status"),
    "template": ("合同模板", "template"),
    "effective": ("生效日期", "effective"),
    "signed": ("签署日期", "signed"),
    "changed_by": ("修改人", "changed by"),
    "changed_at": ("修改日期", "changed on"),
    "clauses": ("条款对照", "Clauses"),
    "changed": ("修改", "changed"),
    "added": ("新增", "added"),
    "removed": ("删除", "removed"),
    "material": ("实质性", "material"),
    "editorial": ("文字性", "editorial"),
    "stricter": ("对服务方更严（对客户有利）", "stricter on the provider"),
    "looser": ("对服务方放宽（对客户不利）", "looser on the provider"),
    "mixed": ("部分更严、部分放宽", "stricter at some levels, looser at others"),
    "judge": ("有变更，请判断其影响", "changed; judge it"),
    "effect": ("影响", "effect"),
    "restricted": ("受限", "restricted"),
    # one line per comparison (`summary.change_summary`), as the history table shows it
    "duties_changed": ("{n} 项义务有变更", "{n} duties changed"),
    "one_duty_changed": ("1 项义务有变更", "1 duty changed"),
    "more_changes": ("另有 {n} 处变更", "{n} more changes"),
    "one_more_change": ("另有 1 处变更", "1 more change"),
    "wording_only": ("仅文字修改（{n} 条）", "wording only ({n} clauses)"),
    "one_clause_wording": ("仅文字修改（1 条）", "wording only (1 clause)"),
    "no_term_changed": ("条款无变化", "no term changed"),
    "restricted_note": (
        "受限协议：此处只列编号与变更类别。完整对照请运行 `sitegen diff --include-restricted`。",
        "A restricted agreement: only its ID and the kinds of change are shown here. "
        "Run `sitegen diff --include-restricted` for the full comparison.",
    ),
}
# Lower case in English where they stand in a table cell or a sentence.
report_word = Words({key: Text(*pair) for key, pair in _WORDS.items()})


def status(value: str, lang: Lang) -> str:
    """A status as the catalogue names it (lower case in English), any other value as it is."""
    if value not in WORKING_NAMES:
        return value
    name = WORKING_NAMES(value, lang)
    return name.lower() if lang == "en" else name


def change_kinds(material: int, editorial: int, looser: int, stricter: int, lang: Lang) -> str:
    """What kinds of term change a diff holds, as counts (no term, no value)."""
    if lang == "zh":
        text = f"实质性条款变更 {material} 处，文字性 {editorial} 处"
        return text + (
            f"（对服务方放宽 {looser} 处，更严 {stricter} 处）" if looser or stricter else ""
        )
    plural = "s" * (material + editorial != 1)
    text = f"{material} material and {editorial} editorial term change{plural}"
    if looser or stricter:
        text += f" ({looser} looser on the provider, {stricter} stricter)"
    return text


def clause_counts(counts: dict[Lang, int], lang: Lang) -> str:
    """How many clauses changed in each language of the text."""
    names: dict[Lang, str] = {"zh": "中文", "en": "English"}
    if lang == "zh":
        return "条款对照：" + "，".join(f"{names[k]} {n} 条" for k, n in counts.items())
    return "clauses changed: " + ", ".join(f"{n} in {names[k]}" for k, n in counts.items())


def summary_line(agreements: int, material: int, attention: int, lang: Lang) -> str:
    if lang == "zh":
        text = f"{agreements} 份协议有变更：实质性条款变更 {material} 处"
        return text + (f"，其中 {attention} 处需关注" if attention else "")
    noun = "agreement differs" if agreements == 1 else "agreements differ"
    text = f"{agreements} {noun}: {material} material term change{'s' * (material != 1)}"
    if attention:
        text += f", {attention} {'needs' if attention == 1 else 'need'} attention"
    return text
