"""The bilingual vocabulary: the words sitegen itself says, in one place, in both languages.

Before this module they were spelt in seven places: the catalogue's statuses and states,
the diff report's statuses, the draft notice of Markdown and the site's HTML, Word's own
draft notice, the 草稿 DRAFT watermark in Word's page parts and again in the Typst layout,
and the kinds of deadline of `sitegen renewals`. The two draft notices said different
things: Word's "草稿，未签署 / DRAFT, not signed" left out what matters to a reader, that an
unsigned text does not bind the parties; every writer now says the site's full sentence
under the title 草稿 / Draft. A status, the notice and the watermark now read the same on
the site, in a PDF, in a Word file, in a diff and in the calendar.

`Words` is the one lookup of a word by key (the site's labels, the diff report's words and
the contract's period names each are a `Words` table): an unknown key raises KeyError, so a
typo fails the build instead of showing a blank label.

It sits in compose because every layer that writes words (render, diff, catalogue, site,
commands) imports from compose or above it, and the words are `Text`, the Contract's own
bilingual text. The contract's sentences are not here: they are the templates'.
"""

from __future__ import annotations

from collections.abc import Mapping

from babel import Locale

from sitegen.compose.contract import Lang, Text


class Words:
    """A table of words by key in both languages; calling it gives one language."""

    def __init__(self, table: Mapping[str, Text]) -> None:
        self.table: dict[str, Text] = dict(table)

    def __call__(self, key: str, lang: Lang, **values: object) -> str:
        """The word `key` in `lang`, with `{name}` placeholders filled from `values`."""
        text = self.table[key].get(lang)
        return text.format(**values) if values else text

    def __getitem__(self, key: str) -> Text:
        return self.table[key]

    def __contains__(self, key: object) -> bool:
        return key in self.table


# What an agreement file says it is (`status:`), as the catalogue and the history name it.
STATUS_NAMES = Words(
    {
        "draft": Text("草稿", "Draft"),
        "in_review": Text("审核中", "In review"),
        "signed": Text("已签署", "Signed"),
        "accepted": Text("已接受", "Accepted"),
        "terminated": Text("已终止", "Terminated"),
    }
)

# A working version's status as the archive establishes it (sitegen.versions.in_force):
# the file's, but a version the archive does not hold is never called signed.
UNSIGNED = Text("未签署", "Not signed")
WORKING_NAMES = Words({**STATUS_NAMES.table, "unsigned": UNSIGNED})
# The kinds of agreement (`kind:`): signed by both parties, or a provider's published SLA.
KIND_NAMES = Words(
    {
        "negotiated": Text("双方签署", "Negotiated"),
        "published": Text("服务方公布", "Published by the provider"),
    }
)

# Where an agreement stands on a day (sitegen.catalogue.standing): the statuses that are
# not in force keep their names.
STATE_NAMES = Words(
    {
        "draft": STATUS_NAMES["draft"],
        "in_review": STATUS_NAMES["in_review"],
        "unsigned": UNSIGNED,
        "upcoming": Text("尚未生效", "Not yet in effect"),
        "active": Text("生效中", "Active"),
        "in_renewal_window": Text("临近续签", "Renewal due"),
        "expired": Text("已到期", "Expired"),
        "terminated": STATUS_NAMES["terminated"],
    }
)

# Which version is in force and which is being worked on, in the catalogue and on the
# agreement page: "v1 in force (signed 15 March 2024) · v2 in review". The signed version's
# word follows its state; the working version's, its status as the archive establishes it.
VERSION_WORDS = Words(
    {
        "in_force": Text(
            "v{version} 现行有效（{date}签署）", "v{version} in force (signed {date})"
        ),
        "expired": Text("v{version} 已到期（{date}签署）", "v{version} expired (signed {date})"),
        "terminated": Text(
            "v{version} 已终止（{date}签署）", "v{version} terminated (signed {date})"
        ),
        "draft": Text("v{version} 草稿", "v{version} draft"),
        "in_review": Text("v{version} 审核中", "v{version} in review"),
        "unsigned": Text("v{version} 未签署", "v{version} not signed"),
        # a provider's published agreement: accepted, dated by the provider's last update
        "in_force_published": Text(
            "v{version} 现行有效（服务方{date}版本）",
            "v{version} in force (the provider's text of {date})",
        ),
        "terminated_published": Text(
            "v{version} 已终止（服务方{date}版本）",
            "v{version} terminated (the provider's text of {date})",
        ),
    }
)
VERSION_SEPARATOR = " · "
# What became of each signed version, in the agreement page's table of signed versions.
SIGNED_VERSION_NAMES = Words(
    {
        "in_force": Text("现行有效", "In force"),
        "expired": STATE_NAMES["expired"],
        "terminated": STATE_NAMES["terminated"],
        "superseded": Text("已被 v{version} 取代", "Superseded by v{version}"),
    }
)

# The kinds of deadline and obligation, on the page "deadlines and obligations" and in the
# calendar.
DEADLINE_NAMES = Words(
    {
        "objection_deadline": Text("续签异议截止", "Objection deadline"),
        "expiry": Text("协议到期", "Expiry"),
        "review": Text("定期评审", "Review due"),
        "amendment_watch": Text("核查条款变更", "Check for amendments"),
        "report_due": Text("服务报告到期", "Service report due"),
        "action_due": Text("改进措施到期", "Improvement action due"),
        "claim_window": Text("服务赔偿申请截止", "Credit claim window closes"),
        "revision_triggered": Text("触发协议修订", "Revision triggered"),
        "drill_due": Text("灾难恢复演练到期", "Disaster-recovery drill due"),
    }
)
# The same kinds in the column of `sitegen renewals` (English, lower case, ≤ 18 wide).
DEADLINE_WORDS: dict[str, str] = {
    "objection_deadline": "objection deadline",
    "expiry": "expiry",
    "review": "review",
    "amendment_watch": "amendment watch",
    "report_due": "report due",
    "action_due": "action due",
    "claim_window": "credit claim",
    "revision_triggered": "revision triggered",
    "drill_due": "drill due",
}

VISIBILITY_NAMES = Words(
    {
        "internal": Text("内部", "Internal"),
        "restricted": Text("受限", "Restricted"),
    }
)
NONE = Text("—", "—")  # where a catalogue field has no value
# After the first availability tier's target in the catalogue: 99.99% +1 tier.
MORE_TIERS = Words(
    {
        "one": Text("（另 {n} 个范围）", " +{n} tier"),
        "many": Text("（另 {n} 个范围）", " +{n} tiers"),
    }
)

# A period's service report (`sitegen report show`): its headings, column labels and
# verdicts; the same words in the text, the Markdown and, later, the PDF and the site.
REPORT_WORDS = Words(
    {
        "title": Text("服务报告", "Service report"),
        "agreement": Text("协议", "Agreement"),
        "period": Text("报告期", "Period"),
        "version": Text("协议版本", "Agreement version"),
        "result": Text("结论", "Result"),
        "passed": Text("达标", "Met"),
        "failed": Text("未达标", "Not met"),
        "availability": Text("可用性", "Availability"),
        "tier": Text("范围", "Tier"),
        "all": Text("全部", "All"),
        "minutes": Text("分钟", "min"),
        "target": Text("目标", "Target"),
        "attained": Text("实际", "Attained"),
        "downtime": Text("停机", "Downtime"),
        "excluded": Text("除外", "Excluded"),
        "service": Text("服务时间", "Service time"),
        "windows": Text("未达标窗口", "Windows missed"),
        "met": Text("是否达标", "Met"),
        "support": Text("响应与解决", "Response and resolution"),
        "level": Text("级别", "Priority"),
        "tickets": Text("工单数", "Tickets"),
        "response": Text("响应", "Response"),
        "resolution": Text("解决", "Resolution"),
        "within": Text("达标工单", "Within target"),
        "attainment": Text("达标率", "Attainment"),
        "required": Text("要求", "Required"),
        "breaches": Text("未达标工单", "Breaches"),
        "ticket": Text("工单", "Ticket"),
        "allowed": Text("允许", "Allowed"),
        "elapsed": Text("实际用时", "Elapsed"),
        "open": Text("期末未关闭", "Open at period end"),
        "credits": Text("服务补偿", "Service credits"),
        "percent": Text("补偿比例", "Credit"),
        "amount": Text("补偿金额", "Amount"),
        "claim_by": Text("申请截止", "Claim by"),
        "capped": Text("已达上限", "Capped"),
        "no_credits": Text("协议未约定服务补偿", "The agreement sets no service credits"),
        "unknown": Text("未知", "not known"),
        "yes": Text("是", "yes"),
        "no": Text("否", "no"),
        "none": Text("无", "none"),
        "notes": Text("说明", "Notes"),
    }
)


# The causes an availability tier excludes from Downtime (`excluded:`); the contract's
# sentence states planned maintenance with its notice and cap.
CAUSE_NAMES = Words(
    {
        "maintenance": Text("计划维护", "planned maintenance"),
        "customer": Text("客户方原因", "causes attributable to the Customer"),
        "force_majeure": Text("不可抗力", "force majeure"),
        "third_party": Text("第三方原因", "causes attributable to third parties"),
    }
)

# The report PDF's own headings, and why each event counted or did not (`figures.Event`).
REPORT_PDF_WORDS = Words(
    {
        "summary": Text("摘要", "Summary"),
        "agreement_title": Text("协议名称", "Title"),
        "measure": Text("指标", "Measure"),
        "dates": Text("起止（UTC）", "From – to (UTC)"),
        "credit_due": Text("应付服务补偿", "Credit due"),
        "events": Text("除外事件与计入事件", "Excluded and counted events"),
        "event": Text("事件", "Event"),
        "kind": Text("类型", "Kind"),
        "start": Text("开始（UTC）", "Start (UTC)"),
        "end": Text("结束（UTC）", "End (UTC)"),
        "reason": Text("原因", "Reason"),
        "counted_as": Text("计入", "Counted"),
        "budget": Text("允许停机时间的使用比例", "Share of the allowed downtime used"),
        "budget_legend": Text(
            "允许停机时间 = 服务时间 ×（100% − 目标）；超过 100% 即未达标。",
            "Allowed downtime = service time × (100% − target); above 100% the target is missed.",
        ),
        "trend": Text("近 12 期可用性与目标", "Availability against the target, last 12 periods"),
        "trend_legend": Text(
            "竖线为目标；横条起点为刻度下限 {low}%。",
            "The rule marks the target; the bars start at {low}%.",
        ),
        "attainment_chart": Text("各级别达标率", "Attainment per priority"),
        "attainment_legend": Text(
            "竖线为要求的达标率。", "The rule marks the required attainment."
        ),
        "tier_credit": Text("各范围补偿档位", "Credit band per tier"),
        "band": Text("档位（低于）", "Band (below)"),
        "no_events": Text("本期无除外或计入事件", "No excluded or counted events"),
        "no_breaches": Text("本期无未达标工单", "No breaches"),
        "no_rows": Text("无", "None"),
        "source": Text("数据", "Data"),
        "outage": Text("故障", "outage"),
        "maintenance": Text("计划维护", "planned maintenance"),
        "customer": Text("客户方原因", "customer-caused"),
        "force_majeure": Text("不可抗力", "force majeure"),
        "third_party": Text("第三方原因", "third party"),
        "outside_service_hours": Text("服务时间以外", "outside the service hours"),
        "maintenance_late": Text("维护通知不足", "maintenance announced too late"),
        "maintenance_over_cap": Text("超出维护上限", "maintenance over the cap"),
        "not_excluded": Text("协议未约定除外", "not excluded by the agreement"),
    }
)

# Everything unsigned carries the notice (Markdown, site HTML, Word) and the watermark
# (every page of the PDF and of the Word file).
DRAFT_TITLE = Text("草稿", "Draft")
DRAFT_NOTICE = Text(
    "本文本为草稿，尚未经双方签署，不具有约束力。",
    "This text is a draft: the parties have not signed it and it does not bind them.",
)
# Over a template clause the agreement replaced with its own text (the page, not the contract).
OWN_CLAUSE = Text(
    "本条为本协议自行约定的文本，替代模板条款。",
    "This clause is the agreement's own text, in place of the template's.",
)
# After a redlined clause's title: its text is (or was) the agreement's own, not the template's.
OWN_TEXT = Text("本协议自行约定的文本", "the agreement's own text")
FORMERLY_OWN_TEXT = Text("原为本协议自行约定的文本", "formerly the agreement's own text")
# A published agreement is nobody's to sign: its draft is the customer's record not yet
# checked against the provider's text.
PUBLISHED_DRAFT_NOTICE = Text(
    "本文本为草稿，客户方尚未核对并接受其为服务方公布的条款。",
    "This text is a draft: the Customer has not yet checked and accepted it as the "
    "Provider's published terms.",
)


def draft_notice(kind: str) -> Text:
    """The notice over an unsigned text of an agreement of `kind`."""
    return PUBLISHED_DRAFT_NOTICE if kind == "published" else DRAFT_NOTICE


WATERMARK = f"{DRAFT_TITLE.zh} {DRAFT_TITLE.en.upper()}"  # 草稿 DRAFT

# The contract's two languages, as its language clause names them.
LANGUAGE_NAMES = Words({"zh": Text("中文", "Chinese"), "en": Text("英文", "English")})

# The general terms in short, as the agreement page's card and a diff show them.
TERM_FACTS = Words(
    {
        "equally_authentic": Text(
            "中文、英文，具有同等效力", "Chinese and English, equally authentic"
        ),
        "prevails": Text(
            "中文、英文，以{language}文本为准", "Chinese and English; {language} prevails"
        ),
        "original_only": Text(
            "仅{original}文本作准，{translation}文本为译文",
            "{original} only; {translation} a translation",
        ),
        "master_prevails": Text("不一致时以主协议为准", "the master agreement prevails"),
        "this_prevails": Text("不一致时以本协议为准", "this agreement prevails"),
        "cap_provider": Text("服务方", "Provider"),
        "cap_customer": Text("客户方", "Customer"),
        "cap_each": Text("任何一方", "Each party"),
        "disputes_court": Text("诉讼", "Court"),
        "disputes_arbitration": Text("仲裁", "Arbitration"),
    }
)

# What a cap on liability, or credits as the sole remedy, does not cover
# (`sitegen.load.remedies.Exclusion`).
EXCLUSION_NAMES = Words(
    {
        "data_breach": Text("数据泄露", "data breach"),
        "confidentiality": Text("违反保密义务", "breach of confidentiality"),
        "gross_negligence": Text("重大过失", "gross negligence"),
        "wilful_misconduct": Text("故意不当行为", "wilful misconduct"),
        "personal_injury": Text("人身伤亡", "death or personal injury"),
        "ip_infringement": Text("侵犯知识产权", "infringement of intellectual property rights"),
        "fraud": Text("欺诈", "fraud"),
    }
)

# What a continuity entry covers (`continuity[].services`, `tier`, or neither: all), as the
# contract's continuity clause and the agreement card name it, and the card's breach notice.
CONTINUITY_WORDS = Words(
    {
        "all": Text("全部服务", "All services"),
        "tier": Text("可用性等级“{name}”", 'The availability tier "{name}"'),
        "service": Text("服务{names}", "The service {names}"),
        "services": Text("服务{names}", "The services {names}"),
        "notice": Text("{within}内通知{to}", "Within {within}, to {to}"),
        "notice_untimed": Text("通知{to}", "To {to}"),
    }
)

# Whether the customer's data may leave the regions it is stored and processed in
# (`sitegen.load.data_terms.CrossBorder`).
CROSS_BORDER_NAMES = Words(
    {
        "allowed": Text("允许跨境传输", "cross-border transfer allowed"),
        "with_consent": Text(
            "经客户方事先书面同意方可跨境传输",
            "cross-border transfer only with the Customer's prior written consent",
        ),
        "not_allowed": Text("不得跨境传输", "no cross-border transfer"),
    }
)

# Periods, frequencies and fee bases as the contract text names them.
TERM_WORDS = Words(
    {
        "hour": Text("小时", "hour"),
        "month": Text("自然月", "calendar month"),
        "quarter": Text("自然季度", "calendar quarter"),
        "year": Text("自然年", "calendar year"),
        "weekly": Text("每周", "weekly"),
        "monthly": Text("每月", "monthly"),
        "quarterly": Text("每季度", "quarterly"),
        "half_yearly": Text("每半年", "every six months"),
        "yearly": Text("每年", "yearly"),
        "per_month": Text("每月", "per month"),
        "per_quarter": Text("每季度", "per quarter"),
        "per_year": Text("每年", "per year"),
        # The clocks a response or resolution target runs on.
        "calendar": Text("自然时间", "calendar time"),
        "service_hours": Text("服务时间", "Service Hours"),
        # The times an agreement's priorities limit, as the subject of a sentence.
        "times_both": Text("响应时间和解决时间", "Response and resolution times"),
        "times_response": Text("响应时间", "Response times"),
        "times_resolution": Text("解决时间", "Resolution times"),
    }
)


# The places whose public holidays an agreement's calendar (`calendar:`) follows, where the
# general rule (CLDR's country name, the subdivision's English name) reads wrong: the
# mainland is not all of 中国, and the nations of the United Kingdom have Chinese names.
_PLACES: dict[str, Text] = {
    "CN": Text("中国大陆", "mainland China"),
    "GB-ENG": Text("英格兰", "England"),
    "GB-SCT": Text("苏格兰", "Scotland"),
    "GB-WLS": Text("威尔士", "Wales"),
    "GB-NIR": Text("北爱尔兰", "Northern Ireland"),
}
# English country names read with "the": the United States, the Netherlands.
_WITH_THE = ("United ", "Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives")


def country_name(country: str) -> Text:
    """美国 / the United States: CLDR's names through Babel, with the article English needs."""
    zh = Locale("zh").territories.get(country, country)  # a code CLDR lacks stays a code
    en = Locale("en").territories.get(country, country)
    if en.startswith(_WITH_THE) or en.endswith((" Islands", " Republic")):
        en = "the " + en
    return Text(zh, en)


# Where the customer's data is kept (`data.stored_in`, `processed_in`), where CLDR's name
# reads wrong in a contract: CN is mainland China (the loader's meaning: HK, MO and TW have
# codes of their own), and a mainland contract names Taiwan as part of China. Every other code
# the loader accepts is a CLDR territory, named by `country_name` in both languages; Babel is
# already a dependency (currencies, calendars), so a table of every code would only repeat it.
_REGIONS: dict[str, Text] = {
    "CN": Text("中国大陆", "mainland China"),
    "TW": Text("中国台湾", "Taiwan"),
    "EU": Text("欧盟", "the European Union"),
}


def region_name(code: str) -> Text:
    """中国大陆 / mainland China; 新加坡 / Singapore; 欧盟 / the European Union."""
    return _REGIONS.get(code) or country_name(code)


def calendar_place(country: str, subdivision: str | None, subdivision_en: str | None) -> Text:
    """中国大陆 / mainland China; 英格兰 / England; 美国（California） / California, the
    United States (`subdivision_en`: the subdivision's English name, when known)."""
    key = f"{country}-{subdivision}" if subdivision else country
    if key in _PLACES:
        return _PLACES[key]
    name = country_name(country)
    if subdivision is None:
        return name
    local = subdivision_en or subdivision
    return Text(f"{name.zh}（{local}）", f"{local}, {name.en}")


def public_holidays(country: str, subdivision: str | None, place: Text) -> tuple[Text, Text]:
    """The public holidays a calendar counts, plural and singular: 中国大陆法定节假日 /
    public holidays in mainland China; 美国联邦公众假日 / a federal public holiday in the
    United States (the US calendar without a state has the federal holidays only)."""
    if country == "CN":
        return Text("中国大陆法定节假日", "public holidays in mainland China"), Text(
            "中国大陆法定节假日", "public holiday in mainland China"
        )
    if country == "US" and subdivision is None:
        zh = f"{place.zh}联邦公众假日"
        return Text(zh, f"federal public holidays in {place.en}"), Text(
            zh, f"federal public holiday in {place.en}"
        )
    zh = f"{place.zh}的公众假日"
    return Text(zh, f"public holidays in {place.en}"), Text(zh, f"public holiday in {place.en}")
