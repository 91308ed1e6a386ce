"""Readable names, in both languages, of the fields a term change can touch."""

from __future__ import annotations

from sitegen.compose.contract import Text

_LABELS: dict[str, tuple[str, str]] = {
    "title": ("协议名称", "Title"),
    "template": ("合同模板", "Template"),
    "languages.authentic": ("作准文本", "Authentic texts"),
    "languages.prevails": ("优先文本", "Prevailing language"),
    "visibility": ("可见范围", "Visibility"),
    "parties.customer.name": ("客户方名称", "Customer name"),
    "parties.customer.uscc": ("客户方统一社会信用代码", "Customer USCC"),
    "parties.customer.id": ("客户方登记号码", "Customer's registered number"),
    "parties.customer.unit": ("客户方部门", "Customer unit"),
    "parties.provider.name": ("服务方名称", "Provider name"),
    "parties.provider.uscc": ("服务方统一社会信用代码", "Provider USCC"),
    "parties.provider.id": ("服务方登记号码", "Provider's registered number"),
    "parties.provider.unit": ("服务方部门", "Provider unit"),
    "kind": ("协议类型", "Kind of agreement"),
    "source.title": ("服务方公布的协议名称", "Provider's title"),
    "source.url": ("服务方公布地址", "Provider's address"),
    "source.updated": ("服务方最后更新日期", "Provider's last update"),
    "amendment_notice_days": ("修改通知期", "Amendment notice"),
    "dates.effective": ("生效日期", "Effective date"),
    "dates.terminated": ("终止日期", "Termination date"),
    "term": ("协议期限", "Term"),
    "term.months": ("协议期限", "Term"),
    "term.auto_renew": ("自动续签", "Automatic renewal"),
    "term.auto_renew.months": ("续签期限", "Renewal term"),
    "term.auto_renew.objection_days": ("异议期", "Objection period"),
    "scope.included": ("服务内容", "Included service"),
    "scope.excluded": ("不包含的内容", "Excluded item"),
    "calendar": ("工作日历", "Working-day calendar"),
    "service_hours": ("服务时间", "Service hours"),
    "slos.availability.target": ("可用性目标", "Availability target"),
    "slos.availability.window": ("可用性统计窗口", "Availability window"),
    "slos.availability.exclusions": ("可用性除外情形", "Availability exclusion"),
    "slos.availability.downtime": ("不可用时间的计算", "Counting of downtime"),
    "slos.availability.excluded": ("不计入不可用时间的原因", "Cause excluded from downtime"),
    "slos.availability.maintenance.notice": ("计划维护的通知期", "Notice of planned maintenance"),
    "slos.availability.maintenance.cap": ("每月计划维护上限", "Monthly cap on planned maintenance"),
    "slos.availability.scope": ("可用性范围", "Availability scope"),
    "slos.priorities": ("故障级别", "Priority"),
    "slos.priorities.response": ("响应时间", "response time"),
    "slos.priorities.resolution": ("解决时间", "resolution time"),
    "slos.priorities.name": ("级别名称", "name"),
    "slos.priorities.definition": ("级别定义", "definition"),
    "slos.priorities.response.attainment": ("响应时限达标比例", "response attainment"),
    "slos.priorities.resolution.attainment": ("解决时限达标比例", "resolution attainment"),
    "slos.priorities.response.clock": ("响应时限计时方式", "response clock"),
    "slos.priorities.resolution.clock": ("解决时限计时方式", "resolution clock"),
    "slos.priorities.order": ("级别顺序（由高到低）", "Order of priorities (most severe first)"),
    "slos.matrix": ("故障级别矩阵", "Priority matrix"),
    "measurement.period": ("统计周期", "Measurement period"),
    "measurement.report": ("服务报告频率", "Service report"),
    "measurement.report_due_days": ("报告提交期限", "Report due"),
    "measurement.sources": ("数据来源", "Data source"),
    "measurement.pass_criteria": ("达标判定标准", "Pass criteria"),
    "fees": ("服务费", "Service fee"),
    "credits": ("服务补偿", "Service credits"),
    "credits.basis": ("补偿计算基数", "Credit basis"),
    "credits.fixed": ("补偿固定基数", "Fixed credit basis"),
    "credits.cap": ("补偿上限", "Credit cap"),
    "credits.minimum": ("最低补偿金额", "Minimum credit"),
    "credits.form": ("补偿方式", "Form of credits"),
    "credits.cash": ("现金支付", "Credits paid in cash"),
    "credits.cash_within": ("现金支付期限", "Cash payment within"),
    "credits.claim": ("补偿申请期限", "Credit claim period"),
    "credits.claim.channel": ("补偿申请方式", "Credit claim channel"),
    "credits.claim.evidence": ("补偿申请材料", "Credit claim evidence"),
    "credits.bands": ("补偿比例", "Credit"),
    "credits.schedule": ("补偿比例表", "Credit schedule"),
    "obligations.provider": ("服务方责任", "Provider duty"),
    "obligations.customer": ("客户方责任", "Customer duty"),
    "review.cadence": ("评审周期", "Review cadence"),
    "review.participants": ("评审参与方", "Review participant"),
    "review.records": ("评审记录", "Review record"),
    "review.minutes_within": ("评审会议记录期限", "Review minutes within"),
    "revision.volume_change": ("修订条件：业务量增长", "Revision on business volume growth"),
    "revision.missed_periods": ("修订条件：连续未达标周期", "Revision on failed periods in a row"),
    "revision.new_services": ("修订条件：增加服务", "Revision for new services"),
    "revision.meeting_within": ("修订评审会议期限", "Revision meeting within"),
    "retention_years": ("记录保存期限（年）", "Records kept (years)"),
    "contacts": ("联系角色", "Contact role"),
    "signatories": ("签署代表", "Signatory"),
    "master_agreement": ("主协议", "Master agreement"),
    "liability_cap": ("责任限额", "Liability cap"),
    "governing_law": ("适用法律", "Governing law"),
    "disputes": ("争议解决", "Disputes"),
    "clauses": ("补充条款", "Additional clause"),
    "clauses.replace": ("替换模板的条款", "Clause in place of the template's"),
    "omit_sections": ("省略的章节", "Omitted sections"),
}


def label(key: str, zh_detail: str = "", en_detail: str = "") -> Text:
    """The label of a field; a detail (P1, a scope id, a band) is put where each language wants it.

    `label("slos.priorities.response", "P1")` → P1 响应时间 / P1 response time;
    `label("scope.included", "monitoring")` → 服务内容 monitoring / Included service monitoring.
    """
    zh, en = _LABELS.get(key, (key, key))
    en_detail = en_detail or zh_detail
    if not zh_detail:
        return Text(zh, en)
    if key.startswith("slos.priorities."):
        return Text(f"{zh_detail} {zh}", f"{en_detail} {en}")
    if key == "credits.bands":
        return Text(f"可用性低于 {zh_detail} 时的{zh}", f"{en} below {en_detail} availability")
    return Text(f"{zh}「{zh_detail}」", f"{en} “{en_detail}”")
