"""Interface words of the catalogue site, in both languages.

The contract text has its own words (the templates); these are the site's labels: column
heads, headings, buttons. `label(key, lang, **values)` is a `Words` table of the vocabulary
(`sitegen.compose.vocabulary`): it raises KeyError for an unknown key, so a typo fails the
build instead of showing a blank label, and fills `{name}` placeholders from `values`.
"""

from __future__ import annotations

from sitegen.compose.contract import LANGS, Text
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
    "recovery_objectives": Text("恢复目标", "Recovery objectives"),
    "breach_notice": Text("数据泄露通知", "Data breach notice"),
    "signed_pdf_column": Text("已签署 PDF", "Signed PDF"),
    "signed_pdf_link": Text("v{version} PDF", "v{version} PDF"),
    "signed_pdf_named": Text(
        "{id} v{version} PDF（{date}签署）", "{id} v{version} PDF (signed {date})"
    ),
    "scan_named": Text("{id} v{version} 签署扫描件", "{id} v{version} executed copy"),
    "signed_none_draft": Text("尚未签署", "Not signed yet"),
    "signed_none_unsigned": Text("签署存档中没有", "Not in the signed archive"),
    "signed_none_published": Text(
        "服务方公布，无签署文本", "Published by the provider: none signed"
    ),
    "signed_no_pdf": Text("存档中没有 PDF", "No PDF archived"),
    "filter_status": Text("状态", "Status"),
    "filter_party": Text("当事方", "Party"),
    "filter_text": Text("搜索", "Search"),
    "filter_recovery": Text("有 RPO/RTO", "Has RPO/RTO"),
    "filter_all": Text("全部", "All"),
    "filter_reset": Text("清除筛选", "Clear filters"),
    "shown": Text("显示 {shown} / {total} 份协议", "{shown} of {total} agreements shown"),
    "no_agreements": Text("没有协议。", "No agreements."),
    "pages": Text("分页", "Pages"),
    "page_previous": Text("上一页", "Previous"),
    "page_next": Text("下一页", "Next"),
    "page_of": Text(
        "第 {first}–{last} 份 · 第 {page} / {pages} 页", "{first}–{last} · page {page} of {pages}"
    ),
    "first_rows": Text(
        "这里列出前 {shown} 份协议（共 {total} 份）。全部协议：",
        "The first {shown} of {total} agreements are listed here. All of them:",
    ),
    "downloads": Text("数据下载", "Data"),
    "json_link": Text("协议目录（JSON）", "Catalogue (JSON)"),
    "ics_link": Text("期限日历（iCalendar）", "Deadlines calendar (iCalendar)"),
    # deadlines and obligations (the page keeps its old address, renewals/)
    "renewals": Text("期限与义务", "Deadlines and obligations"),
    "renewals_intro": Text(
        "截至 {today}：未来 {days} 天内的续签异议截止日、到期日、定期评审、服务方公布协议的条款"
        "变更核查、服务报告、改进措施、服务赔偿申请截止和已触发的协议修订，以及已逾期事项。",
        "As of {today}: objection deadlines, expiries, reviews, checks of providers' "
        "published agreements for amendments, service reports, improvement actions, credit "
        "claim windows and revisions triggered, due in the next {days} days, and overdue "
        "items.",
    ),
    "renewals_none": Text("近期没有到期事项。", "Nothing is due soon."),
    "date": Text("日期", "Date"),
    "kind": Text("事项", "What"),
    "agreement": Text("协议", "Agreement"),
    "when": Text("剩余", "When"),
    "overdue": Text("已逾期", "Overdue"),
    "today": Text("今天", "today"),
    "in_days": Text("{n} 天后", "in {n} days"),
    "in_one_day": Text("明天", "tomorrow"),
    "days_ago": Text("逾期 {n} 天", "{n} days overdue"),
    "one_day_ago": Text("逾期 {n} 天", "{n} day overdue"),
    "days_since": Text("{n} 天前", "{n} days ago"),
    "one_day_since": Text("昨天", "yesterday"),
    "subscribe": Text(
        "订阅日历：把 {link} 加入日历程序，上述每个事项都是一个事件。",
        "Subscribe: add {link} to a calendar program; each of these items is an event.",
    ),
    # agreement page
    "back": Text("返回协议目录", "Back to the catalogue"),
    "summary": Text("概要", "Summary"),
    "parties": Text("当事方", "Parties"),
    "dates": Text("日期", "Dates"),
    "signed_on": Text("签署日期", "Signed"),
    "current_term_end": Text("本期届满", "Current term ends"),
    "first_term_end": Text("首期届满", "First term ended"),
    "term": Text("期限", "Term"),
    "renewal": Text("续签", "Renewal"),
    "no_renewal": Text("不自动续签", "Does not renew automatically"),
    "agreement_kind": Text("协议类型", "Kind"),
    "source": Text("服务方公布的文本", "Provider's text"),
    "source_url": Text("公布地址", "Published at"),
    "source_updated": Text("服务方最后更新", "Last updated by the provider"),
    "amendment_notice": Text("修改通知期", "Amendment notice"),
    "amendment_watch": Text("核查条款变更", "Check for amendments"),
    "version": Text("版本", "Version"),
    "template": Text("合同模板", "Template"),
    "languages": Text("作准文本", "Authentic texts"),
    "master_agreement": Text("主协议", "Master agreement"),
    "liability_cap": Text("责任限额", "Liability cap"),
    "governing_law": Text("适用法律", "Governing law"),
    "disputes": Text("争议解决", "Disputes"),
    "slos": Text("服务等级目标", "Service levels"),
    "priority": Text("级别", "Priority"),
    "priority_name": Text("名称", "Name"),
    "response": Text("响应时间", "Response"),
    "resolution": Text("解决时间", "Resolution"),
    "matrix": Text("故障级别矩阵", "Priority matrix"),
    "impact": Text("影响度", "Impact"),
    "urgency": Text("紧急度", "Urgency"),
    "service_hours": Text("服务时间", "Service hours"),
    "fee": Text("服务费", "Service fee"),
    "customer_id": Text("客户方登记号码", "Customer's number"),
    "provider_id": Text("服务方登记号码", "Provider's number"),
    "calendar": Text("工作日历", "Working days"),
    "contract": Text("合同文本", "Contract text"),
    "tab_zh": Text("中文", "中文"),
    "tab_en": Text("English", "English"),
    "tab_parallel": Text("对照", "Side by side"),
    "versions": Text("版本", "Versions"),
    "signed_versions": Text("已签署版本", "Signed versions"),
    "no_signed": Text("尚无已签署的版本。", "No version has been signed yet."),
    "provider_versions": Text("服务方文本的存档版本", "Archived versions of the provider's text"),
    "no_provider_versions": Text("尚无存档的版本。", "No version has been archived yet."),
    "source_sha256": Text("服务方原文 SHA-256", "Provider's text, SHA-256"),
    "signing_date": Text("签署日期", "Signed on"),
    "standing": Text("效力", "Standing"),
    "pdf": Text("PDF", "PDF"),
    "sha256": Text("SHA-256", "SHA-256"),
    "scan": Text("签署扫描件", "Executed copy"),
    "signed_pdf": Text(
        "下载已签署的 PDF（v{version}，{date}签署）",
        "Download the signed PDF (v{version}, signed {date})",
    ),
    "digital_signature": Text("数字签名", "Digital signature"),
    "digitally_signed": Text(
        "由 {subject} 于 {date} 数字签名，验证有效",
        "digitally signed by {subject} on {date}, valid",
    ),
    "digital_signature_broken": Text(
        "{subject} 的数字签名验证未通过：签名后文件被改动",
        "the digital signature of {subject} does not verify: the file changed after signing",
    ),
    "not_digitally_signed": Text("无数字签名", "not digitally signed"),
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
    # service reports: the agreement page's section, the report pages, their charts
    "service": Text("服务报告", "Service reports"),
    "acceptance": Text("客户方验收", "Accepted by the customer"),
    "accepted_on": Text("{role}已于{date}验收", "accepted on {date} by the {role}"),
    "not_accepted": Text("尚未验收", "not yet accepted"),
    "accepted_short": Text("{date}（{role}）", "{date} ({role})"),
    "accepted_day": Text("已于{date}验收", "accepted on {date}"),
    "report_pdf": Text("下载服务报告 PDF", "Download the report (PDF)"),
    "report_pdf_not_accepted": Text(
        "客户方尚未验收本期报告，验收后方提供 PDF。",
        "The customer has not accepted this report yet: its PDF is published once accepted.",
    ),
    "report_pdf_not_built": Text(
        "本次构建未生成 PDF 文件。", "This build does not publish PDF files."
    ),
    "chart_figures": Text("图表数据", "The chart's figures"),
    "chart_item": Text("项目", "Item"),
    "chart_value": Text("数值", "Value"),
    "met": Text("是否达标", "Met"),
    "yes": Text("是", "yes"),
    "no": Text("否", "no"),
    "last_report": Text("最近报告", "Last report"),
    "last_report_says": Text(
        "最近报告 {period}：{verdict}，{accepted}", "Last report {period}: {verdict}, {accepted}"
    ),
    "credits_this_year": Text("本年补偿", "Credits this year"),
    "credits_pending": Text("待验收补偿", "Credits awaiting acceptance"),
    # diff page
    "diff_title": Text("{id} 版本比较：{old} → {new}", "{id}: {old} → {new}"),
    "diff_intro": Text(
        "条款变化与逐条修订标记（删除线为删去的文字，下划线为新增的文字）。",
        "Term changes and clause redlines (struck-through text was removed, underlined text "
        "was added).",
    ),
    "back_agreement": Text("返回协议", "Back to the agreement"),
    # `sitegen preview`: one agreement's pages alone
    "preview_title": Text("预览：{id}", "Preview: {id}"),
    "preview_note": Text(
        "仅预览 {id}：协议目录、续签页面和其他协议不在预览中，指向它们的链接无法打开。",
        "Only {id} is previewed: the catalogue, the renewals page and the other agreements "
        "are not in this preview, and links to them lead nowhere.",
    ),
    "preview_problems": Text(
        "最近一次保存有误，以下仍是上次无误时的页面：",
        "The last save has problems; the pages below are as they were before it:",
    ),
}

# The search box in the header (`site_overrides/partials/sitegen-search.html` places them,
# `assets/sitegen/search.js` shows them; `{n}` is filled there).
SEARCH_WORDS = Words(
    {
        "placeholder": Text("搜索协议", "Search the agreements"),
        "initial": Text("输入文字即可搜索", "Type to start searching"),
        "loading": Text("正在搜索…", "Searching…"),
        "none": Text("没有找到符合条件的结果", "No matching agreements"),
        "one": Text("找到 1 个符合条件的结果", "1 matching page"),
        "other": Text("找到 {n} 个符合条件的结果", "{n} matching pages"),
        "failed": Text("搜索暂不可用", "Search is unavailable"),
        "reset": Text("清空当前内容", "Clear"),
        "version": Text("版本", "Version"),
    }
)

label = Words(WORDS)


def search_words() -> dict[str, dict[str, str]]:
    """The search box's words by language: `{"zh": {"placeholder": …}, "en": …}`."""
    return {lang: {key: SEARCH_WORDS(key, lang) for key in SEARCH_WORDS.table} for lang in LANGS}
