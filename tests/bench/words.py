"""The vocabulary of synthetic agreements: names, systems and clause texts in both languages.

Every text pair says the same thing. Numbers are `{placeholders}` filled with the same
value in both languages, so the two texts always carry the same Arabic numbers. No text
uses vague words (尽快, 及时, 合理, 适当, 定期, 等 …, promptly, reasonable, timely …):
every duty has a number, a frequency or a named role.
"""

from __future__ import annotations

# Administrative division codes (digits 3-8 of a USCC) with the city they belong to.
CITIES: tuple[tuple[str, str, str], ...] = (
    ("上海", "Shanghai", "310115"),
    ("杭州", "Hangzhou", "330106"),
    ("北京", "Beijing", "110108"),
    ("深圳", "Shenzhen", "440305"),
    ("广州", "Guangzhou", "440106"),
    ("成都", "Chengdu", "510107"),
    ("南京", "Nanjing", "320106"),
    ("苏州", "Suzhou", "320505"),
    ("武汉", "Wuhan", "420111"),
    ("西安", "Xi'an", "610113"),
    ("天津", "Tianjin", "120116"),
    ("重庆", "Chongqing", "500112"),
)

# Trade names: (Chinese, pinyin as registered in English).
STEMS: tuple[tuple[str, str], ...] = (
    ("澄川", "Chengchuan"),
    ("云衡", "Yunheng"),
    ("智远", "Zhiyuan"),
    ("恒信", "Hengxin"),
    ("博瑞", "Borui"),
    ("星河", "Xinghe"),
    ("明德", "Mingde"),
    ("启航", "Qihang"),
    ("华晟", "Huasheng"),
    ("瑞丰", "Ruifeng"),
    ("天元", "Tianyuan"),
    ("中和", "Zhonghe"),
    ("嘉禾", "Jiahe"),
    ("蓝海", "Lanhai"),
    ("长风", "Changfeng"),
    ("青松", "Qingsong"),
    ("远景", "Yuanjing"),
    ("新桥", "Xinqiao"),
    ("百川", "Baichuan"),
    ("鼎盛", "Dingsheng"),
)

CUSTOMER_TRADES: tuple[tuple[str, str], ...] = (
    ("科技", "Technology"),
    ("物流", "Logistics"),
    ("零售", "Retail"),
    ("医药", "Pharmaceutical"),
    ("制造", "Manufacturing"),
    ("保险代理", "Insurance Agency"),
    ("电子商务", "E-commerce"),
    ("食品", "Food"),
    ("教育科技", "Education Technology"),
)

PROVIDER_TRADES: tuple[tuple[str, str], ...] = (
    ("信息技术", "Information Technology"),
    ("网络科技", "Network Technology"),
    ("数据服务", "Data Services"),
    ("软件", "Software"),
    ("云计算", "Cloud Computing"),
)

# (Chinese, English as used inside a sentence).
SYSTEMS: tuple[tuple[str, str], ...] = (
    ("核心业务系统", "the Core Business Systems"),
    ("企业资源计划系统", "the ERP System"),
    ("客户关系管理系统", "the CRM System"),
    ("电子商务平台", "the E-commerce Platform"),
    ("数据中心网络", "the Data Centre Network"),
    ("办公自动化系统", "the Office Automation System"),
    ("仓储管理系统", "the Warehouse Management System"),
    ("财务核算系统", "the Financial Accounting System"),
    ("门户网站", "the Corporate Website"),
    ("云主机平台", "the Cloud Hosting Platform"),
    ("呼叫中心系统", "the Call Centre System"),
    ("数据仓库", "the Data Warehouse"),
)

# (Chinese suffix after the system, English title before "of <system>").
TITLE_KINDS: tuple[tuple[str, str], ...] = (
    ("运维服务水平协议", "Service Level Agreement for the Operation of"),
    ("技术支持服务水平协议", "Service Level Agreement for Technical Support of"),
    ("托管服务水平协议", "Service Level Agreement for the Managed Hosting of"),
)

# Scope items: (id, Chinese, English). `{s}`/`{S}` is the system, `{n}` a count.
INCLUDED: tuple[tuple[str, str, str], ...] = (
    ("monitoring", "{s} 7×24 小时监控", "7×24 monitoring of {S}"),
    ("incident-handling", "故障报修受理与处理", "Receiving and resolving incident reports"),
    ("inspection", "每月 {n} 次系统巡检", "System inspections, {n} per month"),
    ("monthly-report", "月度服务报告", "Monthly service report"),
    ("backup", "每日 {n} 次数据备份及备份校验", "Data backups with verification, {n} per day"),
    ("restore-drill", "每季度 {n} 次备份恢复演练", "Backup restore drills, {n} per quarter"),
    (
        "patching",
        "每月 {n} 次操作系统安全补丁更新",
        "Operating system security patching, {n} per month",
    ),
    ("capacity-review", "每季度 {n} 次容量评估", "Capacity assessments, {n} per quarter"),
    ("change-support", "工作日内的计划变更实施", "Carrying out planned changes on working days"),
    ("user-helpdesk", "工作时段内的用户电话支持", "Telephone support for users in working hours"),
    ("log-audit", "每周 {n} 次安全日志审计", "Security log audits, {n} per week"),
    ("dr-drill", "每年 {n} 次灾备切换演练", "Disaster recovery switch-over drills, {n} per year"),
    (
        "certificate-renewal",
        "证书到期前 {n} 日完成更新",
        "Renewal of certificates {n} days before they expire",
    ),
    ("vulnerability-scan", "每月 {n} 次漏洞扫描", "Vulnerability scans, {n} per month"),
    ("onsite-support", "每月 {n} 人日现场支持", "On-site support, {n} person-days per month"),
    ("training", "每年 {n} 次运维培训", "Operations training sessions, {n} per year"),
)

EXCLUDED: tuple[tuple[str, str, str], ...] = (
    (
        "third-party-outages",
        "第三方系统故障导致的业务中断",
        "Business interruptions caused by failures of third-party systems",
    ),
    ("after-hours-changes", "非工作时段的紧急变更", "Urgent changes outside working hours"),
    ("hardware-purchase", "硬件设备的采购与更换", "Purchase and replacement of hardware"),
    ("custom-development", "新功能的定制开发", "Development of new functions"),
    ("data-entry", "业务数据的录入与修改", "Entering and correcting business data"),
    ("end-user-devices", "终端用户电脑的维修", "Repair of end-user computers"),
)

# Priority levels in order of severity: name and definition.
PRIORITIES: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = (
    (
        ("严重故障", "Critical"),
        ("{s}全部中断，或全部用户无法使用", "A complete outage of {S}, or no user can work"),
    ),
    (
        ("重要故障", "Major"),
        (
            "核心功能部分中断，或多个部门的用户受影响",
            "Core functions are partly down, or users in several departments are affected",
        ),
    ),
    (
        ("一般故障", "Minor"),
        ("非核心功能异常，业务可以继续运行", "A non-core function fails and business can continue"),
    ),
    (
        ("咨询请求", "Request"),
        (
            "使用咨询或配置调整请求，不影响业务运行",
            "A question or a configuration request that does not affect business",
        ),
    ),
)

# Durations in increasing order; priorities pick indices into this ladder.
DURATIONS: tuple[str, ...] = (
    "5m",
    "10m",
    "15m",
    "30m",
    "1h",
    "2h",
    "4h",
    "8h",
    "12h",
    "1d",
    "2d",
    "3d",
    "5d",
    "10d",
)

AVAILABILITY: tuple[float, ...] = (99.99, 99.95, 99.9, 99.8, 99.5, 99.0)
# Thresholds below a target, from high to low, for the credit bands.
BAND_FLOORS: tuple[float, ...] = (
    99.95,
    99.9,
    99.8,
    99.5,
    99.0,
    98.5,
    98.0,
    97.0,
    95.0,
    90.0,
)
CREDIT_PERCENTS: tuple[int, ...] = (3, 5, 10, 15, 20, 25, 30)

EXCLUSIONS: tuple[tuple[str, str], ...] = (
    (
        "提前 {d} 个工作日书面通知的计划维护，每月累计不超过 {h} 小时",
        "Planned maintenance notified in writing {d} working days ahead, "
        "at most {h} hours per month in total",
    ),
    ("客户方原因或不可抗力导致的中断", "Interruptions caused by the customer or by force majeure"),
    (
        "客户方书面批准的紧急安全补丁安装，每次不超过 {m} 分钟",
        "Urgent security patching approved in writing by the customer, at most {m} minutes each",
    ),
)

SOURCES: tuple[tuple[str, str], ...] = (
    ("服务方监控系统日志", "The provider's monitoring system logs"),
    ("工单系统记录", "Ticket system records"),
    ("客户反馈记录", "Customer feedback records"),
    ("双方确认的故障复盘报告", "Incident review reports confirmed by both parties"),
    ("第三方拨测平台数据", "Data from a third-party synthetic monitoring service"),
)

PASS_CRITERIA = (
    "当{p}可用性及各级故障的响应与解决时间均达到本协议目标，视为达标",
    "A {pe} passes when availability and the response and resolution times of every priority "
    "meet the targets of this agreement",
)

CUSTOMER_DUTIES: tuple[tuple[str, str], ...] = (
    (
        "为服务方开通履行本协议所需的系统访问权限",
        "Grants the provider the system access needed to perform this agreement",
    ),
    (
        "指定业务联系人，并在联系人变更后 {d} 个工作日内书面通知服务方",
        "Names a business contact and notifies the provider in writing within {d} working days "
        "of any change",
    ),
    (
        "在收到服务报告后 {d} 个工作日内书面确认或提出异议",
        "Confirms or disputes each service report in writing within {d} working days of receipt",
    ),
    (
        "计划变更至少提前 {d} 个工作日提交变更申请",
        "Submits change requests at least {d} working days before a planned change",
    ),
)

PROVIDER_DUTIES: tuple[tuple[str, str], ...] = (
    (
        "每月对{s}进行 {n} 次巡检并提交巡检记录",
        "Inspects {S} {n} times per month and submits the inspection records",
    ),
    (
        "P1 故障 {m} 分钟内未恢复的，升级至服务方技术总监",
        "Escalates a P1 incident not restored within {m} minutes to the provider's "
        "Technical Director",
    ),
    (
        "每次故障解决后 {d} 个工作日内提交故障分析报告",
        "Submits an incident analysis report within {d} working days after each incident "
        "is resolved",
    ),
    (
        "更换驻场工程师须提前 {d} 日书面通知客户方",
        "Gives the customer {d} days' written notice before replacing an on-site engineer",
    ),
)

CONTACTS: tuple[tuple[str, tuple[str, str], tuple[str, str]], ...] = (
    (
        "customer",
        ("信息中心经理（服务对接人）", "IT Centre Manager (service liaison)"),
        ("确认故障级别，验收服务报告", "Confirms incident priority and accepts service reports"),
    ),
    (
        "customer",
        ("业务部门主管", "Head of the business department"),
        ("提出业务需求与变更申请", "Raises business needs and change requests"),
    ),
    (
        "provider",
        ("客户服务经理", "Customer Service Manager"),
        ("服务交付、升级处理与服务报告", "Service delivery, escalation and service reports"),
    ),
    (
        "provider",
        ("7×24 值班工程师", "7×24 on-call engineer"),
        ("受理并处理故障工单", "Receives and handles incident tickets"),
    ),
    (
        "provider",
        ("技术总监", "Technical Director"),
        ("处理升级的 P1 故障", "Handles escalated P1 incidents"),
    ),
)

PARTICIPANTS: tuple[tuple[str, str], ...] = (
    ("客户方信息中心经理", "The customer's IT Centre Manager"),
    ("服务方服务主管", "The provider's Service Supervisor"),
    ("双方法务专员", "Legal officers of both parties"),
    ("客户方财务经理", "The customer's Finance Manager"),
)

SIGNATORIES: tuple[tuple[str, tuple[str, str]], ...] = (
    (
        "customer",
        ("授权代表（信息中心总监）", "Authorised representative (Director of the IT Centre)"),
    ),
    ("provider", ("授权代表（总经理）", "Authorised representative (General Manager)")),
)

REVIEW_SUMMARY = (
    "{y} 年第 {q} 季度服务评审：可用性 {a}%，{t} 张工单均达到解决时限",
    "Service review for quarter {q} of {y}: availability {a}%, all {t} tickets met their "
    "resolution times",
)

# Own clauses: (id, section, title zh/en, text zh/en).
CLAUSES: tuple[tuple[str, str, tuple[str, str], tuple[str, str]], ...] = (
    (
        "data-deletion",
        "obligations",
        ("数据删除", "Deletion of data"),
        (
            "协议终止后 {d} 日内，服务方删除其保存的全部客户数据并书面确认",
            "Within {d} days after this agreement ends, the provider deletes all customer data it "
            "holds and confirms this in writing",
        ),
    ),
    (
        "key-personnel",
        "obligations",
        ("关键人员", "Key personnel"),
        (
            "服务方指定 {n} 名具备认证资质的工程师负责本协议服务",
            "The provider names {n} certified engineers to deliver the services of this agreement",
        ),
    ),
    (
        "report-format",
        "measurement",
        ("报告格式", "Report format"),
        (
            "服务报告以 PDF 格式提交，包含不少于 {n} 项指标",
            "Service reports are submitted as PDF and contain at least {n} measures",
        ),
    ),
)
