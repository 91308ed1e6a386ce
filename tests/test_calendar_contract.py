"""The agreement's calendar in the contract: the Working Day definition and the service
hours name the calendar the data gives (mainland China, England, the United States), and
hours on `working_days` follow it. Agreements shaped like real ones: an 8×5 university IT
SLA on the mainland calendar, a UK support SLA, a US provider's business-hours SLA."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.compose import compose, select_template
from sitegen.compose.contract import Contract, ItemList, Paragraph
from sitegen.compose.templates import TemplateIndex
from sitegen.load import load_agreement
from sitegen.load.model import Agreement
from tests.helpers import REPO, build_file_tree, replace_once, sample_text

HOURS_8X5 = """service_hours:
  timezone: {zone}
  windows:
    - days: {days}
      start: "09:00"
      end: "17:00"
"""


def agreement(tmp_path: Path, calendar: str = "", days: str = "working_days",
              zone: str = "Asia/Shanghai") -> Agreement:  # fmt: skip
    text = replace_once(
        sample_text(), "service_hours: 7x24\n", calendar + HOURS_8X5.format(zone=zone, days=days)
    )
    path = build_file_tree(tmp_path, {"agreement.yaml": text}) / "agreement.yaml"
    loaded = load_agreement(path)
    assert loaded.agreement is not None, loaded.findings
    return loaded.agreement


def contract(a: Agreement) -> Contract:
    return compose(a, select_template(a, TemplateIndex(REPO / "templates")))


def text_of(c: Contract, clause_id: str, lang: str) -> str:
    clause = next(x for x in c.clauses() if x.id == clause_id)
    parts: list[str] = []
    for block in clause.blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text.get(lang))  # type: ignore[arg-type]
        elif isinstance(block, ItemList):
            parts.extend(item.get(lang) for item in block.items)  # type: ignore[arg-type]
    return "\n".join(parts)


def working_day(c: Contract, lang: str) -> str:
    return next(
        line for line in text_of(c, "definitions.terms", lang).splitlines()
        if "工作日：" in line or "Working Day" in line
    )  # fmt: skip


def test_eight_by_five_on_the_mainland_calendar(tmp_path: Path) -> None:
    c = contract(agreement(tmp_path))
    assert text_of(c, "service-hours.hours", "zh") == (
        "服务方在下列时间提供服务：工作日 09:00–17:00（北京时间）。工作日按中国大陆的日历确定："
        "中国大陆法定节假日不提供服务，调休上班日照常提供服务。"
    )
    assert text_of(c, "service-hours.hours", "en") == (
        "The Provider provides the services at the following times: Working Days "
        "09:00–17:00 (Asia/Shanghai). Working Days follow the calendar of mainland China: "
        "service is not provided on public holidays in mainland China, and is provided on "
        "the make-up working days that replace them."
    )
    # No week has a fixed number of working days: no weekly total is stated.
    assert "每周" not in text_of(c, "service-hours.counting", "zh")
    assert "a week" not in text_of(c, "service-levels.availability", "en")
    assert working_day(c, "zh") == "工作日：指中国大陆的法定工作日，本协议另有约定的除外。"


def test_a_uk_agreement_defines_working_days_in_england(tmp_path: Path) -> None:
    a = agreement(tmp_path, "calendar: {country: GB, subdivision: ENG}\n", "mon-fri",
                  "Europe/London")  # fmt: skip
    c = contract(a)
    assert working_day(c, "en") == (
        '"Working Day" means a day other than a Saturday, a Sunday or a public holiday in '
        "England, unless this agreement provides otherwise."
    )
    assert working_day(c, "zh") == (
        "工作日：指除星期六、星期日及英格兰的公众假日以外的日子，本协议另有约定的除外。"
    )
    assert text_of(c, "service-hours.hours", "en").endswith(
        "Service is not provided on public holidays in England."
    )
    assert "mainland" not in " ".join(text_of(c, x.id, "en") for x in c.clauses())


@pytest.mark.parametrize(
    ("calendar", "zh", "en"),
    [
        ("{country: US}", "美国联邦公众假日", "federal public holiday in the United States"),
        ("{country: US, subdivision: CA}", "美国（California）的公众假日",
         "public holiday in California, the United States"),
        ("{country: DE, subdivision: BY}", "德国（Bayern）的公众假日",
         "public holiday in Bayern, Germany"),
    ],
)  # fmt: skip
def test_other_countries_name_their_holidays(
    tmp_path: Path, calendar: str, zh: str, en: str
) -> None:
    c = contract(agreement(tmp_path, f"calendar: {calendar}\n", "mon-fri"))
    assert f"星期六、星期日及{zh}以外的日子" in working_day(c, "zh")
    assert f"a Saturday, a Sunday or a {en}," in working_day(c, "en")


def test_the_calendar_defaults_to_the_mainland(tmp_path: Path) -> None:
    a = agreement(tmp_path, days="mon-fri")
    assert (a.calendar.country, a.calendar.subdivision) == ("CN", None)
    assert text_of(contract(a), "service-hours.hours", "zh").endswith(
        "中国大陆法定节假日不提供服务。"
    )


def _findings(tmp_path: Path, text: str) -> list[str]:
    path = build_file_tree(tmp_path, {"agreement.yaml": text}) / "agreement.yaml"
    return [f"{f.line}:{f.column}: {f.code} {f.message}" for f in load_agreement(path).findings]


@pytest.mark.parametrize(
    ("calendar", "message"),
    [
        ("calendar: {country: XX}\n", "no public-holiday calendar for country 'XX'"),
        ("calendar: {country: GB, subdivision: XYZ}\n", "GB has no subdivision 'XYZ'"),
        ("calendar: {country: CN, subdivision: BJ}\n", "has no subdivisions"),
    ],
)
def test_an_unknown_calendar_is_a_finding(tmp_path: Path, calendar: str, message: str) -> None:
    text = replace_once(sample_text(), "service_hours: 7x24\n", calendar + "service_hours: 7x24\n")
    found = _findings(tmp_path, text)
    assert len(found) == 1 and found[0].startswith("73:11: SG203 ")
    assert message in found[0]


def test_holidays_served_contradict_working_days(tmp_path: Path) -> None:
    hours = HOURS_8X5.format(zone="Asia/Shanghai", days="working_days")
    text = replace_once(sample_text(), "service_hours: 7x24\n",
                        hours + "  public_holidays: true\n")  # fmt: skip
    found = _findings(tmp_path, text)
    assert len(found) == 1
    assert "public_holidays: true contradicts a window on working_days" in found[0]


def _changes(tmp_path: Path, old: str, new: str) -> list[tuple[str, str, str, str | None]]:
    from sitegen.diff.fields import diff_terms

    before = agreement(tmp_path / "a", days=old)
    after = agreement(tmp_path / "b", "calendar: {country: GB, subdivision: ENG}\n", new,
                      "Europe/London")  # fmt: skip
    return [
        (c.path, c.before.en if c.before else "", c.after.en if c.after else "", c.direction)
        for c in diff_terms(before, after)
    ]


def test_a_diff_shows_the_calendar_change(tmp_path: Path) -> None:
    found = _changes(tmp_path, "working_days", "working_days")
    assert ("calendar", "mainland China", "England", None) in found
    hours = next(c for c in found if c[0] == "service_hours")
    assert hours[1:] == (
        "Working Days 09:00–17:00 (Asia/Shanghai)",
        "Working Days 09:00–17:00 (Europe/London)",
        None,
    )


def test_working_day_targets_compare_only_where_they_must(tmp_path: Path) -> None:
    from sitegen.diff.fields import diff_terms

    text = sample_text()
    old = build_file_tree(tmp_path, {"old.yaml": text}) / "old.yaml"
    moved = replace_once(text, "resolution: 4h", "resolution: 1wd")
    new = build_file_tree(tmp_path, {"new.yaml": moved}) / "new.yaml"
    a, b = load_agreement(old).agreement, load_agreement(new).agreement
    assert a is not None and b is not None
    change = next(c for c in diff_terms(a, b) if c.path == "slos.priorities[P1].resolution")
    assert (change.after.en if change.after else "") == "1 working day"
    assert change.direction == "looser"  # one working day lasts at least a day: 4h is shorter
    back = replace_once(text, "resolution: 4h", "resolution: 2d")
    b2 = load_agreement(build_file_tree(tmp_path, {"n2.yaml": back}) / "n2.yaml").agreement
    c = load_agreement(build_file_tree(tmp_path, {"n3.yaml": moved}) / "n3.yaml").agreement
    assert b2 is not None and c is not None
    change = next(x for x in diff_terms(b2, c) if x.path == "slos.priorities[P1].resolution")
    assert change.direction is None  # 2 days against 1 working day: it depends on the day


def test_round_the_clock_abroad_speaks_of_public_holidays(tmp_path: Path) -> None:
    text = replace_once(
        sample_text(), "service_hours: 7x24\n", "calendar: {country: US}\nservice_hours: 7x24\n"
    )
    path = build_file_tree(tmp_path, {"agreement.yaml": text}) / "agreement.yaml"
    loaded = load_agreement(path).agreement
    assert loaded is not None
    c = contract(loaded)
    assert text_of(c, "service-hours.hours", "zh").endswith("（7×24 小时），公众假日照常提供。")
    assert "法定节假日" not in text_of(c, "service-hours.counting", "zh")


@pytest.mark.parametrize(
    ("days", "column", "message"),
    [
        ("workdays", 13,
         "write working_days for the working days of the agreement's calendar (found 'workdays')"),
        ("[working_days, sat]", 14,
         "Input should be 'mon', 'tue', 'wed', 'thu', 'fri', 'sat' or 'sun' "
         "(found 'working_days')"),
        ("mon-fry", 13,
         "Input should be 'mon', 'tue', 'wed', 'thu', 'fri', 'sat' or 'sun' (found 'mon-fry')"),
    ],
)  # fmt: skip
def test_days_that_are_neither_give_one_finding(
    tmp_path: Path, days: str, column: int, message: str
) -> None:
    hours = HOURS_8X5.format(zone="Asia/Shanghai", days=days)
    text = replace_once(sample_text(), "service_hours: 7x24\n", hours)
    assert _findings(tmp_path, text) == [f"76:{column}: SG203 {message}"]
