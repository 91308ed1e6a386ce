"""Agreements shaped like real ones validate without a false positive, strictly.

A university's IT service SLA (P1–P5, business hours, targets written in words as the
university writes them, Microsoft 365 operated by 21Vianet in scope) and a cloud
provider's terms as it publishes them (commercially reasonable efforts, exclusions ending
in 等 / "etc." kept knowingly with a suppression). Before, the university's SLA alone gave
7 errors and 2 warnings, none of them true: numbers in words against digits ("within five
working days" / "5 个工作日内", "a single owner" / "1 名负责人", "twice a year" / "2 次": SG705,
five times), 21Vianet against 世纪互联 (SG705), "etc." as an error (SG301), 一次性 and 下一
工作日 (SG706).
"""

from __future__ import annotations

from pathlib import Path

from sitegen.findings import Severity
from sitegen.lint.validate import validate
from sitegen.load.config import Settings
from tests.helpers import LINT_TEMPLATE, build_file_tree

UNIVERSITY = """\
id: OLA-2025-101
version: 1
status: draft
template: it-service-sla
title:
  zh: 信息化办公室 IT 服务水平协议
  en: IT Services Service Level Agreement
parties:
  customer:
    name: {zh: 江南理工大学, en: Jiangnan Institute of Technology}
    uscc: 12320000466000925Q
    unit: {zh: 教务处, en: Academic Affairs Office}
  provider:
    name: {zh: 江南理工大学, en: Jiangnan Institute of Technology}
    uscc: 12320000466000925Q
    unit: {zh: 信息化办公室, en: IT Services}
dates:
  effective: 2025-09-01
term:
  months: 12
contacts:
  - party: provider
    role: {zh: IT 服务台主管, en: IT Service Desk Manager}
    duty:
      zh: 受理故障与服务请求，每个工单指定 1 名负责人
      en: Logs incidents and service requests and names a single owner for each ticket
scope:
  included:
    - id: email
      zh: 世纪互联运营的 Office 365 邮箱
      en: Office 365 mail operated by 21Vianet
    - id: teaching-systems
      zh: 教务管理系统与在线学习平台
      en: The academic records system and the online learning platform
  excluded:
    - id: personal-devices
      zh: 师生个人设备的维修
      en: Repairs of personal devices of staff and students
service_hours:
  timezone: Asia/Shanghai
  windows:
    - {days: mon-fri, start: "08:30", end: "17:30"}
slos:
  availability:
    target: 99.5
    window: calendar_month
    exclusions:
      - zh: 提前 5 个工作日通告的计划维护
        en: Planned maintenance announced five working days ahead
      - zh: 一旦发生全省教育网中断，中断期间不计入
        en: Outages of the provincial education network, for as long as they last
  priorities:
    - level: P1
      name: {zh: 紧急, en: Critical}
      definition:
        zh: 全校使用的服务中断
        en: A service used by the whole university is down
      response: 15m
      resolution: 4h
    - level: P2
      name: {zh: 高, en: High}
      definition:
        zh: 一个院系使用的服务中断
        en: A service used by one department is down
      response: 1h
      resolution: 8h
    - level: P3
      name: {zh: 中, en: Medium}
      definition:
        zh: 单个用户无法工作
        en: A single user cannot work
      response: 4h
      resolution: 3d
    - level: P4
      name: {zh: 低, en: Low}
      definition:
        zh: 单个用户工作受影响，但有替代办法
        en: A single user is hindered but has a workaround
      response: 1d
      resolution: 5d
    - level: P5
      name: {zh: 服务请求, en: Service request}
      definition:
        zh: 新账号、权限变更等服务请求  # sitegen: ignore[SG304]
        en: "Service requests: new accounts, changes of access, etc."  # sitegen: ignore[SG304]
      response: 2d
      resolution: 10d
measurement:
  period: month
  sources:
    - {zh: IT 服务台工单系统记录, en: Records of the IT Service Desk ticket system}
  report: monthly
  report_due_days: 5
obligations:
  customer:
    - zh: 通过 IT 服务台报告故障，每个院系指定 1 名联系人
      en: Reports incidents through the IT Service Desk and names one contact per department
  provider:
    - zh: P4 故障在 5 个工作日内解决，下一工作日起计时
      en: Resolves P4 incidents within five working days, counted from the next working day
    - zh: 每年评审本协议 2 次，每季度向信息化委员会报告 1 次
      en: Reviews this agreement twice a year and reports to the IT Committee once a quarter
    - zh: 软件许可费用一次性计入第一季度
      en: Charges software licences in full to the first quarter
review:
  cadence: half_yearly
revision: {}  # the university's SLA names no revision triggers
signatories:
  - party: customer
    role: {zh: 教务处处长, en: Director of Academic Affairs}
  - party: provider
    role: {zh: 信息化办公室主任, en: Director of IT Services}
omit_sections: [credits]
"""

CLOUD_EXCLUSIONS = """\
      - zh: 因云服务商合理控制范围以外的原因导致的不可用  # sitegen: ignore[SG303]
        # sitegen: ignore[SG303]
        en: Unavailability caused by factors outside of the provider's reasonable control
      - zh: 因客户的应用程序受到黑客攻击等原因导致的不可用  # sitegen: ignore[SG304]
        # sitegen: ignore[SG304]
        en: Unavailability caused by attacks on the customer's applications, etc.
"""


def check(root: Path, files: dict[str, str]) -> list[str]:
    tree = {"templates/it-service-sla/v1/template.yaml": LINT_TEMPLATE, **files}
    build_file_tree(root, {"sitegen.toml": 'id_prefixes = ["SLA", "OLA"]\n', **tree})
    report, loaded = validate([root / "agreements"], Settings(), root, unused=True)
    assert all(item.agreement is not None for item in loaded)
    return [
        f"{f.line} {f.code} {f.message}" for f in report.sorted() if f.severity is not Severity.INFO
    ]


def test_a_university_it_sla_has_no_false_positive(tmp_path: Path) -> None:
    assert check(tmp_path, {"agreements/OLA-2025-101/agreement.yaml": UNIVERSITY}) == []


def test_a_cloud_sla_keeps_its_terms_of_art_knowingly(tmp_path: Path) -> None:
    text = UNIVERSITY.replace(
        "      - zh: 一旦发生全省教育网中断，中断期间不计入\n"
        "        en: Outages of the provincial education network, for as long as they last\n",
        CLOUD_EXCLUSIONS,
    )
    assert text != UNIVERSITY
    assert check(tmp_path, {"agreements/OLA-2025-101/agreement.yaml": text}) == []
    unsuppressed = text.replace("  # sitegen: ignore[SG303]", "").replace(
        "        # sitegen: ignore[SG303]\n", ""
    )
    assert [
        line.split(" ", 2)[1]
        for line in check(
            tmp_path / "plain", {"agreements/OLA-2025-101/agreement.yaml": unsuppressed}
        )
    ] == ["SG303", "SG303"]
