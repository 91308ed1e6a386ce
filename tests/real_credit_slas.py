"""Agreements shaped like real ones, written from the guide sample by replacing its
availability, fees and credits: a cloud provider's published SLA (two tiers, voucher
credits on the charges of the affected service) and an outsourcing contract (a fixed
credit basis, a cap on the charges paid, a smallest credit, rounding, refunds)."""

from __future__ import annotations

import re

from tests.helpers import sample_text

# A cloud provider's published SLA: a region commits 99.99% per month, a single instance
# 99.5% per hour; credits are vouchers on the charges of the affected service, never cash,
# claimed by ticket within 2 billing cycles from the end of the month, with request logs.
CLOUD_AVAILABILITY = """\
  availability:
    - id: region
      scope: {zh: 地域, en: Region}
      target: 99.99
      window: calendar_month
      downtime:
        interval: 1m
        partial: counted
        unavailable:
          zh: 该分钟内全部请求均失败
          en: every request in the minute fails
      exclusions:
        - zh: 客户方应用程序或配置导致的不可用
          en: Unavailability caused by the customer's own applications or configuration
      credits:
        bands:
          - {below: 99.99, percent: 10}
          - {below: 99.0, percent: 25}
          - {below: 95.0, percent: 100}
    - id: instance
      scope: {zh: 单实例, en: Single instance}
      target: 99.5
      window: hour
      downtime:
        interval: 1m
        partial: not_counted
      credits:
        bands:
          - {below: 99.5, percent: 10}
          - {below: 95.0, percent: 30}
"""

CLOUD_CREDITS = """\
credits:
  basis: charges
  cap: {percent: 100, of: charges}
  form: voucher
  cash: false
  claim:
    cycles: 2
    from: period_end
    channel: ticket
    evidence:
      - zh: 显示失败请求的请求日志
        en: Request logs that show the failed requests
"""

# An outsourcing contract: credits are a percentage of a fixed monthly amount, capped at
# 20% of the charges paid, rounded down to the yuan, none under 100 yuan, refunded.
OUTSOURCING_CREDITS = """\
credits:
  basis: fixed
  fixed: {amount: 50000, currency: CNY}
  bands:
    - {below: 99.9, percent: 5}
    - {below: 99.5, percent: 10}
    - {below: 99.0, percent: 20}
  cap: {percent: 20, of: paid}
  minimum: {amount: 100, currency: CNY}
  rounding: {mode: down, to: unit}
  form: refund
  claim: {within: 15d, from: report, channel: written_notice}
"""


def _replace(text: str, pattern: str, new: str) -> str:
    changed, count = re.subn(pattern, lambda _: new, text, count=1, flags=re.S | re.M)
    assert count == 1, pattern
    return changed


def with_availability(text: str, availability: str) -> str:
    return _replace(text, r"^  availability:\n.*?(?=^  priorities:)", availability)


def with_credits(text: str, credits: str, *, fees: bool = True) -> str:
    text = _replace(text, r"^credits:\n.*?(?=^obligations:)", credits)
    if not fees:
        text = _replace(text, r"^fees:\n.*?(?=^credits:)", "")
    return text


def cloud_sla() -> str:
    return with_credits(
        with_availability(sample_text(), CLOUD_AVAILABILITY), CLOUD_CREDITS, fees=False
    )


def outsourcing_sla() -> str:
    return with_credits(sample_text(), OUTSOURCING_CREDITS)
