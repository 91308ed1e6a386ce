"""Interface words of the catalogue site, in both languages.

The contract text has its own words (the templates); these are the site's labels: column
heads, headings, buttons. `label(key, lang, **values)` is a `Words` table of the vocabulary
(`sitegen.compose.vocabulary`): it raises KeyError for an unknown key, so a typo fails the
build instead of showing a blank label, and fills `{name}` placeholders from `values`.
"""

from __future__ import annotations

from sitegen.compose.contract import Text
from sitegen.compose.vocabulary import Words

WORDS: dict[str, Text] = {
    # catalogue
    "catalogue": Text("协议目录", "Agreement catalogue"),
    "catalogue_intro": Text(
        "全部服务水平协议，一行一份。可按状态、当事方和文字筛选，点击列标题排序；"
        "筛选条件保存在地址中，可直接分享。",
        "Every service-level agreement, one per row. Filter by status, party and text, and "
        "sort by any column; the filter is kept in the address, so a link shares it.",
    ),
    "id": Text("编号", "Number"),
    "title": Text("名称", "Title"),
    "customer": Text("客户方", "Customer"),
    "provider": Text("服务方", "Provider"),
    "status": Text("状态", "Status"),
    "effective": Text("生效日期", "Effective"),
    "expiry": Text("到期日", "Expiry"),
    "objection_deadline": Text("续签异议截止", "Objection deadline"),
    "availability": Text("可用性", "Availability"),
    "p1_response": Text("P1 响应", "P1 response"),
    "filter_status": Text("状态", "Status"),
    "filter_party": Text("当事方", "Party"),
    "filter_text": Text("搜索", "Search"),
    "filter_all": Text("全部", "All"),
    "filter_reset": Text("清除筛选", "Clear filters"),
    "shown": Text("显示 {shown} / {total} 份协议", "{shown} of {total} agreements shown"),
    "no_agreements": Text("没有协议。", "No agreements."),
    "downloads": Text("数据下载", "Data"),
    "json_link": Text("协议目录（JSON）", "Catalogue (JSON)"),
    "ics_link": Text("续签日历（iCalendar）", "Renewals calendar (iCalendar)"),
    # renewals
    "renewals": Text("续签与到期", "Renewals"),
    "renewals_intro": Text(
        "截至 {today}：未来 {days} 天内的续签异议截止日、到期日和定期评审，以及已逾期事项。",
        "As of {today}: objection deadlines, expiries and reviews due in the next {days} "
        "days, and overdue items.",
    ),
    "renewals_none": Text("近期没有到期事项。", "Nothing is due soon."),
    "date": Text("日期", "Date"),
    "kind": Text("事项", "What"),
    "agreement": Text("协议", "Agreement"),
    "when": Text("剩余", "When"),
    "overdue": Text("已逾期", "Overdue"),
    "today": Text("今天", "today"),
    "in_days": Text("{n} 天后", "in {n} days"),
    "days_ago": Text("逾期 {n} 天", "{n} days overdue"),
    "subscribe": Text(
        "订阅日历：把 {link} 加入日历程序，每个续签异议截止日和到期日都是一个事件。",
        "Subscribe: add {link} to a calendar program; each objection deadline and expiry is "
        "an event.",
    ),
    # agreement page
    "back": Text("返回协议目录", "Back to the catalogue"),
    "summary": Text("概要", "Summary"),
    "parties": Text("当事方", "Parties"),
    "dates": Text("日期", "Dates"),
    "signed_on": Text("签署日期", "Signed"),
    "term": Text("期限", "Term"),
    "renewal": Text("续签", "Renewal"),
    "no_renewal": Text("不自动续签", "Does not renew automatically"),
    "version": Text("版本", "Version"),
    "template": Text("合同模板", "Template"),
    "slos": Text("服务等级目标", "Service levels"),
    "priority": Text("级别", "Priority"),
    "priority_name": Text("名称", "Name"),
    "response": Text("响应时间", "Response"),
    "resolution": Text("解决时间", "Resolution"),
    "service_hours": Text("服务时间", "Service hours"),
    "calendar": Text("工作日历", "Working days"),
    "contract": Text("合同文本", "Contract text"),
    "tab_zh": Text("中文", "中文"),
    "tab_en": Text("English", "English"),
    "tab_parallel": Text("对照", "Side by side"),
    "versions": Text("版本", "Versions"),
    "signed_versions": Text("已签署版本", "Signed versions"),
    "no_signed": Text("尚无已签署的版本。", "No version has been signed yet."),
    "signing_date": Text("签署日期", "Signed on"),
    "pdf": Text("PDF", "PDF"),
    "sha256": Text("SHA-256", "SHA-256"),
    "scan": Text("签署扫描件", "Executed copy"),
    "download": Text("下载", "Download"),
    "working": Text("工作版本", "Working version"),
    "working_pdf": Text("预览 PDF", "Preview PDF"),
    "working_docx": Text("Word 文档", "Word document"),
    "working_note": Text(
        "工作版本是仓库中当前的协议文本，未经签署的部分不具有约束力。",
        "The working version is the agreement as it stands in the repository; what is not "
        "signed does not bind the parties.",
    ),
    "changes": Text("版本比较", "Changes between versions"),
    "no_changes": Text("没有可比较的版本。", "No versions to compare."),
    "compare": Text("{old} → {new}", "{old} → {new}"),
    "draft_word": Text("工作版本", "working version"),
    "history": Text("修改记录", "History"),
    "no_history": Text("没有 git 修改记录。", "No git history."),
    "author": Text("修改人", "Changed by"),
    "change": Text("变更", "Change"),
    "commit": Text("提交", "Commit"),
    "change_added": Text("新建", "added"),
    "change_deleted": Text("删除", "deleted"),
    "change_restored": Text("恢复", "restored"),
    "change_edited": Text("修改", "edited"),
    "change_version": Text("版本 v{old} → v{new}", "version v{old} → v{new}"),
    "change_status": Text("状态 {old} → {new}", "status {old} → {new}"),
    # diff page
    "diff_title": Text("{id} 版本比较：{old} → {new}", "{id}: {old} → {new}"),
    "diff_intro": Text(
        "条款变化与逐条修订标记（删除线为删去的文字，下划线为新增的文字）。",
        "Term changes and clause redlines (struck-through text was removed, underlined text "
        "was added).",
    ),
    "back_agreement": Text("返回协议", "Back to the agreement"),
}


label = Words(WORDS)
