"""Continuity, data and liability terms as real agreements state them, added to the guide
sample (SLA-2024-001: P1 resolution 2h, 7x24 service hours, monthly fee CNY 50,000):
an outsourcing contract's (RPO 15m, RTO 4h, data kept in mainland China, breach notice
within 24h, a cap of 12 months' fees that a data breach does not enjoy, termination after
3 failed months in 6) and an internal OLA's smaller ones."""

from __future__ import annotations

from tests.helpers import sample_text

OUTSOURCING_CONTINUITY = """\
continuity:
  - services: [monitoring, incident-handling]
    rpo: 15m
    rto: 4h
    rto_reason:
      zh: 恢复时间目标针对主数据中心整体失效，不适用于单个 P1 事件
      en: The RTO covers the loss of the primary data centre, not a single P1 incident
    backup:
      every: 15m
      retained: 30d
      location: {zh: 同城灾备机房, en: The secondary data centre in the same city}
    drill:
      cadence: half_yearly
      scenario: {zh: 主数据中心整体失效, en: Loss of the primary data centre}
"""

OUTSOURCING_DATA = """\
data:
  stored_in: [CN]
  processed_in: [CN]
  categories:
    - {zh: 员工个人信息, en: Employees' personal information}
  cross_border: not_allowed
  breach_notice:
    within: 24h
    to: {zh: 客户方信息安全负责人, en: The customer's Information Security Officer}
  return_within: 30d
  deletion_within: 30d
  confidential: true
  confidentiality_years: 3
"""

OUTSOURCING_LIABILITY = """\
liability_cap:
  party: provider
  months_of_fees: 12
  exclusions: [data_breach, confidentiality]
remedies:
  credits_sole_remedy: true
  sole_remedy_except: [data_breach]
  termination: {failed: 3, within: 6, notice_days: 30}
"""

OLA_TERMS = """\
continuity:
  - rpo: 1h
    rto: 2h
    backup: {every: 1h, retained: 14d}
    drill: {cadence: yearly}
data:
  stored_in: [CN]
  cross_border: not_allowed
  breach_notice:
    within: 2h
    to: {zh: 业务部门经理, en: The business department's manager}
"""


def with_terms(*blocks: str, text: str | None = None) -> str:
    """The sample (or `text`) with top-level blocks appended at its end."""
    base = sample_text() if text is None else text
    return base.rstrip("\n") + "\n" + "".join(blocks)


def outsourcing_terms() -> str:
    return with_terms(OUTSOURCING_CONTINUITY, OUTSOURCING_DATA, OUTSOURCING_LIABILITY)
