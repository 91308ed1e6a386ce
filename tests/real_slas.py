"""Agreements shaped like the support SLAs companies really hold, written over the guide
sample: a university's P1–P5 IT SLA (business hours, attainment percentages, an impact ×
urgency matrix), a SaaS vendor's Sev1–Sev4 support SLA (response targets only, Sev1 round
the clock), and a cloud provider's availability-only SLA (no priorities at all)."""

from __future__ import annotations

from tests.helpers import replace_once, sample_text

HOURS_7X24 = "service_hours: 7x24\n"

UNIVERSITY_HOURS = """\
service_hours:
  timezone: Europe/London
  windows:
    - {days: mon-fri, start: '08:30', end: '17:30'}
"""

UNIVERSITY_PRIORITIES = """\
  priorities:
    - level: P1
      name: {zh: 紧急, en: Critical}
      definition: {zh: 全校范围的服务中断, en: A university-wide service outage}
      response: {within: 30m, attainment: 90}
      resolution: {within: 4h, clock: calendar, attainment: 80}
    - level: P2
      name: {zh: 高, en: High}
      definition: {zh: 一个院系或部门无法工作, en: A faculty or department cannot work}
      response: {within: 1h, attainment: 90}
      resolution: {within: 8h, attainment: 80}
    - level: P3
      name: {zh: 中, en: Medium}
      definition: {zh: 个别用户无法工作, en: Individual users cannot work}
      response: {within: 4h, attainment: 90}
      resolution: {within: 24h, attainment: 85}
    - level: P4
      name: {zh: 低, en: Low}
      definition: {zh: 有替代办法的故障, en: A fault with a workaround}
      response: {within: 8h, attainment: 90}
      resolution: {within: 40h, attainment: 85}
    - level: P5
      name: {zh: 服务请求, en: Service request}
      definition: {zh: 标准服务请求, en: A standard service request}
      response: {within: 16h, attainment: 90}
      resolution: {within: 80h, attainment: 85}
  matrix:
    impact:
      - {id: university, zh: 全校, en: University-wide}
      - {id: department, zh: 院系或部门, en: Faculty or department}
      - {id: individual, zh: 个人, en: Individual}
    urgency:
      - {id: high, zh: 高, en: High}
      - {id: medium, zh: 中, en: Medium}
      - {id: low, zh: 低, en: Low}
    levels:
      - [P1, P2, P3]
      - [P2, P3, P4]
      - [P3, P4, P5]
"""

SAAS_HOURS = """\
service_hours:
  timezone: America/New_York
  windows:
    - {days: mon-fri, start: '08:00', end: '20:00'}
"""

SAAS_PRIORITIES = """\
  priorities:
    - level: Sev1
      name: {zh: 严重, en: Critical}
      definition: {zh: 生产环境不可用且没有替代办法, en: Production is down with no workaround}
      response: {within: 1h, clock: calendar}
    - level: Sev2
      name: {zh: 高, en: High}
      definition: {zh: 主要功能受损, en: A major function is impaired}
      response: 4h
    - level: Sev3
      name: {zh: 中, en: Medium}
      definition: {zh: 次要功能受损, en: A minor function is impaired}
      response: 8h
    - level: Sev4
      name: {zh: 低, en: Low}
      definition: {zh: 咨询或功能建议, en: A question or a feature request}
      response: 20h
"""


def _priorities_block(text: str) -> tuple[int, int]:
    return text.index("  priorities:\n"), text.index("measurement:\n")


def with_priorities(priorities: str, hours: str = HOURS_7X24, text: str | None = None) -> str:
    """The sample with its priorities (and service hours) replaced."""
    text = sample_text() if text is None else text
    start, end = _priorities_block(text)
    return replace_once(text[:start] + priorities + text[end:], HOURS_7X24, hours)


def _own_criteria_left_out(text: str) -> str:
    """The sample's own pass criteria speak of response and resolution times of every
    priority: these agreements take the template's, which follows their targets."""
    start, end = text.index("  pass_criteria:\n"), text.index("fees:\n")
    return text[:start] + text[end:]


def university() -> str:
    return _own_criteria_left_out(with_priorities(UNIVERSITY_PRIORITIES, UNIVERSITY_HOURS))


def saas() -> str:
    return _own_criteria_left_out(with_priorities(SAAS_PRIORITIES, SAAS_HOURS))


def cloud() -> str:
    """No priorities, and no duty or pass criteria of its own that speak of them."""
    text = with_priorities("")
    text = replace_once(
        text,
        "    - zh: P1 故障 30 分钟内未恢复的，升级至服务方技术总监\n"
        "      en: Escalates a P1 incident not restored within 30 minutes to the provider's "
        "Technical Director\n",
        "",
    )
    return _own_criteria_left_out(text)
