"""Contracts built by hand for the PDF and Word writer tests.

`factory_contract()` is a realistic bilingual service-level agreement of about ten pages:
tables (one long enough to break across pages), lists, and a signature block. With
`hostile=` every text the writers place (titles, clause text, list items, table cells,
signature fields, the agreement id) carries the given value.
"""

from __future__ import annotations

from dataclasses import replace
from typing import assert_never

from sitegen.compose.contract import (
    Block,
    Clause,
    Contract,
    ItemList,
    Meta,
    Paragraph,
    Section,
    SignatureParty,
    Signatures,
    Table,
    Text,
)

HOSTILE_VALUES: tuple[str, ...] = (
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "line\n# heading",
    "a | b",
    '`#read("/etc/passwd")`{=typst}',
    '```{=typst}\n#read("/etc/passwd")\n```',
    '[x]{typst:text:fill="red"}',
    "@ref",
    "$x$",
    "#set page(fill: red)",
    "\\",
    "*",
    "_",
    "<label>",
    "<img src=x onerror=alert(1)>",
    '{: onclick="alert(1)" }',
    "] #x [ // comment /* c */",
    "1. item\n- item\n= heading\n+ item\n/ term: x",
)

CUSTOMER = Text("上海澄川科技有限公司", "Shanghai Chengchuan Technology Co., Ltd.")
PROVIDER = Text("杭州云衡信息技术有限公司", "Hangzhou Yunheng Information Technology Co., Ltd.")


def t(zh: str, en: str) -> Text:
    return Text(zh=zh, en=en)


def para(zh: str, en: str) -> Paragraph:
    return Paragraph(t(zh, en))


def _basic() -> tuple[Clause, ...]:
    parties = Table(
        header=(
            t("项目", "Item"),
            t("甲方（客户方）", "Party A (Customer)"),
            t("乙方（服务方）", "Party B (Provider)"),
        ),
        rows=(
            (t("名称", "Name"), CUSTOMER, PROVIDER),
            (
                t("统一社会信用代码", "Unified Social Credit Code"),
                t("91310115MA1K4XQ20X", "91310115MA1K4XQ20X"),
                t("91330106MA2H3N7E0P", "91330106MA2H3N7E0P"),
            ),
            (
                t("联系人", "Contact"),
                t("信息中心经理", "IT Centre Manager"),
                t("客户服务经理", "Customer Service Manager"),
            ),
        ),
    )
    return (
        Clause(
            "basic.parties",
            "1.1",
            t("协议双方", "The parties"),
            (para("本协议由以下双方签订：", "This agreement is made between:"), parties),
        ),
        Clause(
            "basic.dates",
            "1.2",
            t("签订与生效", "Signing and effect"),
            (
                para(
                    "本协议于2024年3月15日签订，自2024年4月1日起生效，有效期 12 个月。",
                    "This agreement is signed on 15 March 2024 and takes effect on 1 April 2024 "
                    "for a term of 12 months.",
                ),
            ),
        ),
    )


_DEFINITIONS = (
    (
        "服务时间：服务方按本协议提供服务的时间段。",
        "Service hours: the hours in which the provider serves under this agreement.",
    ),
    (
        "可用性：统计周期内核心业务系统可正常使用的时间占比。",
        "Availability: the share of the reporting period in "
        "which the core business systems can be used.",
    ),
    (
        "故障：导致服务中断或服务质量下降的任何事件。",
        "Incident: any event that interrupts the service or lowers its quality.",
    ),
    (
        "响应时间：自客户方报告故障至服务方工程师开始处理的时间。",
        "Response time: the time from the customer's report of "
        "an incident until a provider engineer starts work on it.",
    ),
    (
        "解决时间：自客户方报告故障至服务恢复的时间。",
        "Resolution time: the time from the customer's report "
        "of an incident until the service is restored.",
    ),
    (
        "计划维护：提前书面通知并经客户方确认的维护工作。",
        "Planned maintenance: maintenance notified in writing "
        "in advance and confirmed by the customer.",
    ),
)

_LONG_ZH = (
    "双方应本着诚实信用的原则履行本协议。服务方应配备具有相应资质的技术人员，按照本协议约定的服务水平"
    "提供运维服务，并对服务过程中知悉的客户方商业秘密和个人信息承担保密义务。客户方应按时支付服务费用，"
    "并为服务方履行本协议提供必要的协助，包括但不限于提供系统访问权限、办公场所和相关技术资料。"
)
_LONG_EN = (
    "Both parties shall perform this agreement in good faith. The provider shall assign "
    "suitably qualified engineers, deliver the operation services at the service levels agreed "
    "here, and keep confidential any business secrets and personal information of the customer "
    "it learns in the course of the service. The customer shall pay the service fees on time and "
    "give the provider the assistance it needs to perform this agreement, including system "
    "access, office space and the relevant technical documents."
)


def _priorities() -> Table:
    rows = (
        ("P1", "严重故障", "Critical", "15 分钟", "15 minutes", "4 小时", "4 hours"),
        ("P2", "重要故障", "Major", "30 分钟", "30 minutes", "8 小时", "8 hours"),
        ("P3", "一般故障", "Minor", "2 小时", "2 hours", "3 个工作日", "3 working days"),
        ("P4", "咨询与请求", "Request", "4 小时", "4 hours", "5 个工作日", "5 working days"),
    )
    return Table(
        header=(
            t("级别", "Priority"),
            t("名称", "Name"),
            t("响应时间", "Response"),
            t("解决时间", "Resolution"),
        ),
        rows=tuple(
            (t(p, p), t(nz, ne), t(rz, re), t(sz, se)) for p, nz, ne, rz, re, sz, se in rows
        ),
    )


def _catalogue() -> Table:
    """A long table: its header must repeat on every page it spans."""
    systems = (
        ("订单系统", "Order system"),
        ("仓储管理系统", "Warehouse management"),
        (
            "财务核算系统",
            "Financial accounting",
        ),
        ("客户关系管理", "Customer relations"),
        ("数据仓库", "Data warehouse"),
    )
    tasks = (
        ("日常监控", "Daily monitoring"),
        ("备份核查", "Backup check"),
        (
            "补丁评估",
            "Patch assessment",
        ),
        ("容量分析", "Capacity review"),
        ("日志审计", "Log audit"),
        ("账号清理", "Account review"),
    )
    rows = []
    for i, (sys_zh, sys_en) in enumerate(systems):
        for j, (task_zh, task_en) in enumerate(tasks):
            rows.append(
                (
                    t(f"{i + 1}.{j + 1}", f"{i + 1}.{j + 1}"),
                    t(sys_zh, sys_en),
                    t(task_zh, task_en),
                    t("每月 1 次" if j % 2 else "每日", "monthly" if j % 2 else "daily"),
                    t("服务方运维工程师", "Provider's operations engineer"),
                )
            )
    return Table(
        header=(
            t("序号", "No."),
            t("系统", "System"),
            t("工作内容", "Task"),
            t("频率", "Frequency"),
            t("责任人", "Owner"),
        ),
        rows=tuple(rows),
    )


def _signatures() -> Signatures:
    def party(label: Text, name: Text, role: Text) -> SignatureParty:
        return SignatureParty(label, name, role, t("（盖章）", "(Seal)"), t("日期：", "Date:"))

    return Signatures(
        (
            party(
                t("甲方（客户方）", "Party A (Customer)"),
                CUSTOMER,
                t("授权代表", "Authorised representative"),
            ),
            party(
                t("乙方（服务方）", "Party B (Provider)"),
                PROVIDER,
                t("授权代表（总经理）", "Authorised representative (General Manager)"),
            ),
        )
    )


def _clause(section: str, number: str, n: int, title: Text, *blocks: Block) -> Clause:
    return Clause(f"{section}.c{n}", f"{number}.{n}", title, blocks)


def _general_section(sid: str, number: str, title: Text, count: int) -> Section:
    clauses = tuple(
        _clause(
            sid,
            number,
            n,
            t(f"{title.zh}（{n}）", f"{title.en} ({n})"),
            para(_LONG_ZH, _LONG_EN),
            para(_LONG_ZH[:60] + "。", _LONG_EN[:180] + "."),
        )
        for n in range(1, count + 1)
    )
    return Section(sid, number, title, clauses)


def _sections() -> tuple[Section, ...]:
    definitions = ItemList(tuple(t(zh, en) for zh, en in _DEFINITIONS), ordered=True)
    scope = ItemList(
        (
            t("核心业务系统 7×24 小时监控", "7×24 monitoring of the core business systems"),
            t("故障报修受理与处理", "Receiving and resolving incident reports"),
            t("每月 1 次系统巡检", "A system inspection 1 time per month"),
            t("月度服务报告", "Monthly service report"),
        )
    )
    levels = (
        _clause(
            "levels",
            "5",
            1,
            t("可用性", "Availability"),
            para(
                "核心业务系统每月可用性不低于 99.9%，即每月允许的停机时间不超过 43 分钟。",
                "The core business systems are available at least 99.9% of each month: at most 43 "
                "minutes of downtime per month.",
            ),
        ),
        _clause(
            "levels", "5", 2, t("响应与解决时间", "Response and resolution times"), _priorities()
        ),
        _clause("levels", "5", 3, t("服务目录", "Service catalogue"), _catalogue()),
    )
    return (
        Section("basic", "1", t("基本信息", "Basic information"), _basic()),
        Section(
            "definitions",
            "2",
            t("定义", "Definitions"),
            (_clause("definitions", "2", 1, None, definitions),),
        ),
        Section(
            "scope",
            "3",
            t("服务范围", "Service scope"),
            (_clause("scope", "3", 1, t("服务内容", "Services included"), scope),),
        ),
        _general_section("hours", "4", t("服务时间", "Service hours"), 2),
        Section("levels", "5", t("服务水平", "Service levels"), levels),
        _general_section("duties", "6", t("双方职责", "Duties of the parties"), 4),
        _general_section("measurement", "7", t("测量与报告", "Measurement and reporting"), 3),
        _general_section("credits", "8", t("服务抵扣", "Service credits"), 3),
        _general_section("review", "9", t("评审与变更", "Review and change"), 3),
        _general_section("term", "10", t("期限、续约与终止", "Term, renewal and termination"), 3),
        Section(
            "language",
            "11",
            t("语言", "Language"),
            (
                _clause(
                    "language",
                    "11",
                    1,
                    None,
                    para(
                        "本协议以中文和英文书就，两种文本具有同等效力；如有不一致，以中文文本为准。",
                        "This agreement is written in Chinese and English; both texts are equally "
                        "authentic, and the Chinese text prevails where they differ.",
                    ),
                ),
            ),
        ),
        Section(
            "signatures",
            "12",
            t("签署", "Signatures"),
            (Clause("signatures.block", "12.1", None, (_signatures(),)),),
        ),
    )


def factory_contract(*, signed: bool = False, date: str = "2024-03-15") -> Contract:
    """The ten-page bilingual sample; a draft unless `signed`."""
    meta = Meta(
        agreement_id="SLA-2024-001",
        version=2,
        status="signed" if signed else "draft",
        signed=signed,
        date=date,
        template="it-service-sla@1",
        prevailing_language="zh",
        parties=t(f"{CUSTOMER.zh} 与 {PROVIDER.zh}", f"{CUSTOMER.en} and {PROVIDER.en}"),
        keywords=("SLA", "服务水平协议", "IT operations"),
    )
    return Contract(
        title=t(
            "核心业务系统运维服务水平协议",
            "Service Level Agreement for the Operation of Core Business Systems",
        ),
        meta=meta,
        sections=_sections(),
    )


def _spiked(text: Text, value: str) -> Text:
    return Text(zh=f"{text.zh}{value}", en=f"{text.en} {value}")


def _spike_block(block: Block, value: str) -> Block:
    match block:
        case Paragraph():
            return Paragraph(_spiked(block.text, value))
        case ItemList():
            return replace(block, items=tuple(_spiked(i, value) for i in block.items))
        case Table():
            return Table(
                header=tuple(_spiked(h, value) for h in block.header),
                rows=tuple(tuple(_spiked(c, value) for c in row) for row in block.rows),
            )
        case Signatures():
            fields = ("label", "name", "role", "seal", "date")
            return Signatures(
                tuple(
                    SignatureParty(*(_spiked(getattr(p, f), value) for f in fields))
                    for p in block.parties
                )
            )
        case _:
            assert_never(block)


def spiked_contract(base: Contract, value: str, *, sections: set[str] | None = None) -> Contract:
    """`base` with `value` added to every text, the agreement id and the keywords;
    only the named sections when `sections` is given."""
    kept = tuple(
        replace(
            section,
            title=_spiked(section.title, value),
            clauses=tuple(
                replace(
                    clause,
                    title=_spiked(clause.title, value) if clause.title else None,
                    blocks=tuple(_spike_block(b, value) for b in clause.blocks),
                )
                for clause in section.clauses
            ),
        )
        for section in base.sections
        if sections is None or section.id in sections
    )
    meta = replace(
        base.meta,
        agreement_id=f"{base.meta.agreement_id}-{value}",
        parties=_spiked(base.meta.parties, value),
        keywords=(*base.meta.keywords, value),
    )
    return Contract(title=_spiked(base.title, value), meta=meta, sections=kept)


def hostile_contract(value: str, *, signed: bool = False) -> Contract:
    """A short contract (2-3 pages) with `value` in every text."""
    short = factory_contract(signed=signed)
    short = replace(
        short,
        sections=tuple(
            replace(s, clauses=tuple(c for c in s.clauses if c.id != "levels.c3"))
            for s in short.sections
        ),
    )
    return spiked_contract(short, value, sections={"basic", "levels", "signatures"})
