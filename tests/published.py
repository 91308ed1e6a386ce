"""A provider's published SLA as a customer holds it: a Chinese cloud provider's ECS SLA.

Shaped like the real ones (云服务器 ECS 服务等级协议): the provider publishes it on its
site with a "last updated" date, nobody signs it, it applies while the customer uses the
service, the provider may amend it with 30 days' notice, and credits are paid against the
month's charges. `published_text()` is a valid `kind: published` agreement to mutate.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import build_file_tree

PUBLISHED_ID = "SLA-2025-101"

ECS_SLA = """\
id: SLA-2025-101
version: 1
kind: published
status: accepted
template: it-service-sla@1
title:
  zh: 云服务器 ECS 服务等级协议
  en: Elastic Compute Service Level Agreement
parties:
  customer:
    name:
      zh: 上海澄川科技有限公司
      en: Shanghai Chengchuan Technology Co., Ltd.
    uscc: 91310115MA1K4XQ20X
  provider:
    name:
      zh: 杭州云衡信息技术有限公司
      en: Hangzhou Yunheng Information Technology Co., Ltd.
    uscc: 91330106MA2H3N7E0P
source:
  title: 云服务器 ECS 服务等级协议
  url: https://cloud.example.cn/legal/ecs-sla?lang=zh&v=2025
  updated: 2025-03-01
  checked: 2026-11-02
amendment_notice_days: 30
dates:
  effective: 2025-04-01
contacts:
  - party: customer
    role:
      zh: 云资源管理员
      en: Cloud resource administrator
    duty:
      zh: 核对可用性并提出补偿申请
      en: Checks availability and claims credits
  - party: provider
    role:
      zh: 客户经理
      en: Account manager
scope:
  included:
    - id: ecs-instances
      zh: 客户方账号下的云服务器 ECS 实例
      en: Elastic Compute Service instances under the customer's account
  excluded:
    - id: customer-caused
      zh: 客户方的应用程序或数据导致的不可用
      en: Unavailability caused by the customer's applications or data
service_hours: 7x24
slos:
  availability:
    target: 99.995
    window: calendar_month
    exclusions:
      - zh: 服务方提前 24 小时公告的系统维护
        en: System maintenance the provider announces 24 hours ahead
  priorities:
    - level: P1
      name: {zh: 紧急, en: Urgent}
      definition:
        zh: 客户方的全部 ECS 实例无法访问
        en: None of the customer's ECS instances can be reached
      response: 15m
      resolution: 4h
measurement:
  period: month
  sources:
    - zh: 服务方云监控数据
      en: The provider's cloud monitoring data
fees:
  amount: 12000
  currency: CNY
  per: month
credits:
  bands:
    - {below: 99.995, percent: 10}
    - {below: 99.0, percent: 25}
    - {below: 95.0, percent: 100}
  cap: {percent: 100, of: fee}
  form: voucher
  cash: false
  claim: {within: 60d, from: period_end, channel: ticket}
obligations:
  customer:
    - zh: 在服务方控制台提交工单申请服务补偿
      en: Claims service credits by a ticket in the provider's console
  provider:
    - zh: 按本协议计算服务补偿并以代金券发放
      en: Computes service credits under this agreement and issues them as vouchers
review:
  cadence: yearly
  records:
    - date: 2026-03-20
      summary:
        zh: 2025 年度评审：12 个月中 11 个月达标；已申请 1 次代金券补偿
        en: "Review of 2025: 11 of 12 months met the target; 1 voucher credit was claimed"
"""


def published_text() -> str:
    return ECS_SLA


def published_project(root: Path, text: str = ECS_SLA) -> Path:
    """A project folder holding the published agreement beside the samples' template."""
    return build_file_tree(root, {f"agreements/{PUBLISHED_ID}/agreement.yaml": text})
