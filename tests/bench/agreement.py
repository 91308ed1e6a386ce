"""One synthetic agreement as plain data (a dict shaped like agreement.yaml), and its revisions.

Agreement `index` comes from its own `random.Random`, seeded with the seed and the index
(and the revision), so it is the same whatever the catalogue's size. Texts come from
`tests.bench.words`. Constraints the lint rules check hold by construction: right USCC check
characters, signing before the effective date, priorities ordered with response before
resolution, credit bands starting at the availability target and rising to the cap.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from stdnum.cn.uscc import calc_check_digit

from tests.bench import words as w

ID_FORMAT = "SLA-2030-{:04d}"
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_LAST_DAY = dt.date(2026, 6, 30)  # no generated event (signing, review) lies after this

Spec = dict[str, Any]


# ---------------------------------------------------------------- one agreement, as data


def _rng(seed: int, *parts: int) -> random.Random:
    return random.Random(":".join(["sitegen-synth", str(seed), *map(str, parts)]))


def build_agreement(seed: int, index: int) -> Spec:
    """Revision 0 of agreement `index` (1-based): a dict shaped like agreement.yaml."""
    rng = _rng(seed, index)
    system = rng.choice(w.SYSTEMS)
    kind = rng.choice(w.TITLE_KINDS)
    status = rng.choices(["signed", "in_review", "draft"], weights=[8, 1, 1])[0]
    availability = rng.random() < 0.9
    credits = availability and rng.random() < 0.85
    spec: Spec = {
        "id": ID_FORMAT.format(index),
        "version": 1,
        "status": status,
        "template": "it-service-sla@1",
        "languages": {
            "authentic": ["zh", "en"],
            "prevails": rng.choices(["zh", "en"], weights=[6, 1])[0],
        },
        "visibility": rng.choices(["internal", "restricted"], weights=[9, 1])[0],
        "title": {"zh": f"{system[0]}{kind[0]}", "en": f"{kind[1]} {system[1]}"},
        "parties": _parties(rng),
        "dates": _dates(rng, status),
        "term": _term(rng),
        "contacts": _contacts(rng),
        "scope": _scope(rng, system),
        "service_hours": _service_hours(rng),
        "slos": _slos(rng, system, availability),
        "measurement": _measurement(rng),
    }
    if credits or rng.random() < 0.5:
        spec["fees"] = _fees(rng)
    if credits:
        spec["credits"] = _credits(rng, spec["slos"]["availability"]["target"])
    spec["obligations"] = _obligations(rng, system)
    spec["review"] = {**_review(rng, spec), "minutes_within": "5wd"}
    spec["revision"] = {"volume_change": 50, "new_services": True, "missed_periods": 2,
                        "meeting_within": "15wd"}  # fmt: skip
    spec["retention_years"] = 3
    spec["signatories"] = [{"party": party, "role": _text(role)} for party, role in w.SIGNATORIES]
    clauses = _clauses(rng)
    if clauses:
        spec["clauses"] = clauses
    if not credits:
        spec["omit_sections"] = ["credits"]
    return spec


def _text(pair: tuple[str, str], **numbers: Any) -> dict[str, str]:
    """A bilingual text; `numbers` fill the same placeholders in both languages."""
    return {"zh": pair[0].format(**numbers), "en": pair[1].format(**numbers)}


def uscc(rng: random.Random, region: str) -> str:
    """A USCC with a right organisation-code check (GB 11714) and check character."""
    body = "".join(rng.choice(_USCC_ALPHABET) for _ in range(8))
    check = 11 - sum(int(c, 36) * k for c, k in zip(body, _ORG_WEIGHTS, strict=True)) % 11
    first = "91" + region + body + {10: "X", 11: "0"}.get(check, str(check))
    return first + calc_check_digit(first)


def _parties(rng: random.Random) -> Spec:
    stems = rng.sample(w.STEMS, 2)
    parties: Spec = {}
    for role, stem, trades in zip(
        ("customer", "provider"), stems, (w.CUSTOMER_TRADES, w.PROVIDER_TRADES), strict=True
    ):
        city_zh, city_en, region = rng.choice(w.CITIES)
        trade = rng.choice(trades)
        parties[role] = {
            "name": {
                "zh": f"{city_zh}{stem[0]}{trade[0]}有限公司",
                "en": f"{city_en} {stem[1]} {trade[1]} Co., Ltd.",
            },
            "uscc": uscc(rng, region),
        }
    return parties


def _dates(rng: random.Random, status: str) -> Spec:
    if status != "signed":  # not signed yet: starts in the coming year
        return {"effective": dt.date(2027, rng.randint(1, 12), 1)}
    effective = dt.date(rng.randint(2023, 2025), rng.randint(1, 12), 1)
    return {"signed": effective - dt.timedelta(days=rng.randint(5, 30)), "effective": effective}


def _term(rng: random.Random) -> Spec:
    if rng.random() < 0.8:
        return {
            "months": rng.choice([12, 12, 24, 36]),
            "auto_renew": {"months": 12, "objection_days": rng.choice([30, 60, 90])},
        }
    return {"months": 48}


def _contacts(rng: random.Random) -> list[Spec]:
    liaisons = (0, 2)  # the customer's liaison and the provider's service manager
    others = [i for i in range(len(w.CONTACTS)) if i not in liaisons]
    chosen = sorted([*liaisons, *rng.sample(others, rng.randint(0, len(others)))])
    return [
        {
            "party": w.CONTACTS[i][0],
            "role": _text(w.CONTACTS[i][1]),
            "duty": _text(w.CONTACTS[i][2]),
        }
        for i in chosen
    ]


def _scope_item(item: tuple[str, str, str], rng: random.Random, system: tuple[str, str]) -> Spec:
    numbers = {"s": system[0], "S": system[1], "n": rng.randint(1, 4)}
    return {"id": item[0], **_text((item[1], item[2]), **numbers)}


def _scope(rng: random.Random, system: tuple[str, str]) -> Spec:
    extra = rng.sample(w.INCLUDED[2:], rng.randint(1, 4))
    included = [_scope_item(item, rng, system) for item in [*w.INCLUDED[:2], *extra]]
    excluded = [
        _scope_item(item, rng, system) for item in rng.sample(w.EXCLUDED, rng.randint(1, 3))
    ]
    return {"included": included, "excluded": excluded}


def _service_hours(rng: random.Random) -> str | Spec:
    if rng.random() < 0.6:
        return "7x24"
    windows: list[Spec] = [
        {
            "days": "mon-fri",
            "start": rng.choice(["08:00", "08:30", "09:00"]),
            "end": rng.choice(["17:30", "18:00", "20:00"]),
        }
    ]
    if rng.random() < 0.4:
        windows.append({"days": "sat", "start": "09:00", "end": "12:00"})
    return {"timezone": "Asia/Shanghai", "windows": windows, "public_holidays": rng.random() < 0.2}


def _slos(rng: random.Random, system: tuple[str, str], availability: bool) -> Spec:
    slos: Spec = {}
    if availability:
        exclusions = rng.sample(w.EXCLUSIONS, rng.randint(1, 3))
        slos["availability"] = {
            "target": rng.choice(w.AVAILABILITY),
            "window": rng.choices(["calendar_month", "calendar_quarter"], weights=[4, 1])[0],
            "exclusions": [
                _text(e, d=rng.randint(2, 7), h=rng.choice([2, 4, 8]), m=rng.choice([15, 30]))
                for e in exclusions
            ],
        }
    levels = rng.randint(2, 4)
    response = rng.randint(1, 4)
    resolution = max(response + 2, rng.randint(5, 7))
    priorities = []
    for level, (name, definition) in enumerate(w.PRIORITIES[:levels], 1):
        priorities.append(
            {
                "level": f"P{level}",
                "name": _text(name),
                "definition": _text(definition, s=system[0], S=system[1]),
                "response": w.DURATIONS[response],
                "resolution": w.DURATIONS[resolution],
            }
        )
        response = min(response + rng.randint(0, 2), len(w.DURATIONS) - 3)
        resolution = min(max(resolution + rng.randint(0, 2), response + 1), len(w.DURATIONS) - 1)
    slos["priorities"] = priorities
    return slos


def _measurement(rng: random.Random) -> Spec:
    period = rng.choices(["month", "quarter"], weights=[4, 1])[0]
    report = rng.choice(["monthly", "weekly"] if period == "month" else ["quarterly", "monthly"])
    zh_period = "月" if period == "month" else "季度"
    return {
        "period": period,
        "sources": [_text(w.SOURCES[i]) for i in _some(rng, len(w.SOURCES), 2, 4)],
        "report": report,
        "report_due_days": rng.randint(3, 10),
        "pass_criteria": _text(w.PASS_CRITERIA, p=zh_period, pe=period),
    }


def _some(rng: random.Random, size: int, low: int, high: int) -> list[int]:
    """Between low and high indices of a pool of `size`, in pool order."""
    return sorted(rng.sample(range(size), rng.randint(low, high)))


def _fees(rng: random.Random) -> Spec:
    return {
        "amount": rng.randrange(20_000, 300_000, 1_000),
        "currency": rng.choices(["CNY", "USD"], weights=[9, 1])[0],
        "per": rng.choices(["month", "quarter", "year"], weights=[6, 2, 1])[0],
    }


def _credits(rng: random.Random, target: float) -> Spec:
    floors = [f for f in w.BAND_FLOORS if f < target][:5]
    belows = [target, *sorted(rng.sample(floors, rng.randint(1, 2)), reverse=True)]
    percents = sorted(rng.sample(w.CREDIT_PERCENTS[: len(belows) + 2], len(belows)))
    return {
        "bands": [{"below": b, "percent": p} for b, p in zip(belows, percents, strict=True)],
        "cap": {"percent": rng.choice([percents[-1], percents[-1] + 10]), "of": "fee"},
        "form": "deduction",
        "claim": {"within": f"{rng.choice([15, 30, 60])}d", "from": "report"},
    }


def _obligations(rng: random.Random, system: tuple[str, str]) -> Spec:
    def fill(pair: tuple[str, str]) -> dict[str, str]:
        numbers = {
            "s": system[0],
            "S": system[1],
            "n": rng.randint(2, 4),
            "d": rng.randint(2, 10),
            "m": rng.choice([30, 60, 120]),
        }
        return _text(pair, **numbers)

    customer = [w.CUSTOMER_DUTIES[0], *rng.sample(w.CUSTOMER_DUTIES[1:], rng.randint(1, 2))]
    provider = rng.sample(w.PROVIDER_DUTIES, rng.randint(2, 4))
    return {"customer": [fill(p) for p in customer], "provider": [fill(p) for p in provider]}


def _review(rng: random.Random, spec: Spec) -> Spec:
    review: Spec = {
        "cadence": rng.choice(["monthly", "quarterly", "quarterly", "half_yearly", "yearly"]),
        "participants": [_text(p) for p in w.PARTICIPANTS[: rng.randint(2, 4)]],
    }
    if spec["status"] == "signed":
        records = [_review_record(rng, spec, k) for k in range(1, rng.randint(1, 4))]
        if records:
            review["records"] = records
    return review


def _review_record(rng: random.Random, spec: Spec, number: int) -> Spec:
    """The review held `number` quarters after the effective date (none after _LAST_DAY)."""
    effective: dt.date = spec["dates"]["effective"]
    month = effective.month - 1 + 3 * number
    held = dt.date(effective.year + month // 12, month % 12 + 1, 10)
    held = min(held, _LAST_DAY)
    quarter = (held.month - 1) // 3 + 1
    figures = {
        "y": held.year,
        "q": quarter,
        "a": rng.choice(["99.9", "99.95", "99.99"]),
        "t": rng.randint(3, 40),
    }
    return {"date": held, "summary": _text(w.REVIEW_SUMMARY, **figures)}


def _clauses(rng: random.Random) -> list[Spec]:
    chosen = rng.sample(w.CLAUSES, rng.choices([0, 1, 2], weights=[3, 2, 1])[0])
    return [
        {
            "id": id_,
            "at": at,
            "title": _text(title),
            "text": _text(text, d=rng.choice([15, 30]), n=rng.randint(2, 6)),
        }
        for id_, at, title, text in chosen
    ]


# ---------------------------------------------------------------- revisions


def revise(spec: Spec, seed: int, index: int, revision: int) -> None:
    """Revision `revision` of agreement `index`: a new version that changes a few terms."""
    rng = _rng(seed, index, revision)
    spec["version"] += 1
    changes = [
        _change_response,
        _add_scope_item,
        _change_target,
        _change_fee,
        _change_report_due,
        _add_review_record,
    ]
    wanted, made = rng.randint(2, 3), 0
    for change in rng.sample(changes, len(changes)):
        made += change(rng, spec)
        if made == wanted:
            break


def _change_response(rng: random.Random, spec: Spec) -> bool:
    """Move one priority's response time, keeping levels ordered and response < resolution."""
    priorities = spec["slos"]["priorities"]
    i = rng.randrange(len(priorities))
    index = w.DURATIONS.index
    low = index(priorities[i - 1]["response"]) if i else 0
    high = index(priorities[i + 1]["response"]) if i + 1 < len(priorities) else len(w.DURATIONS)
    high = min(high, index(priorities[i]["resolution"]) - 1)
    options = [d for d in range(low, high + 1) if d != index(priorities[i]["response"])]
    if not options:
        return False
    priorities[i]["response"] = w.DURATIONS[rng.choice(options)]
    return True


def _add_scope_item(rng: random.Random, spec: Spec) -> bool:
    used = {item["id"] for item in spec["scope"]["included"]}
    unused = [item for item in w.INCLUDED if item[0] not in used]
    if not unused:
        return False
    system = next(s for s in w.SYSTEMS if spec["title"]["zh"].startswith(s[0]))
    spec["scope"]["included"].append(_scope_item(rng.choice(unused), rng, system))
    return True


def _change_target(rng: random.Random, spec: Spec) -> bool:
    availability = spec["slos"].get("availability")
    if availability is None:
        return False
    availability["target"] = rng.choice([t for t in w.AVAILABILITY if t != availability["target"]])
    if "credits" in spec:
        spec["credits"] = _credits(rng, availability["target"])
    return True


def _change_fee(rng: random.Random, spec: Spec) -> bool:
    if "fees" not in spec:
        return False
    spec["fees"]["amount"] = int(round(spec["fees"]["amount"] * rng.uniform(1.02, 1.1), -2))
    return True


def _change_report_due(rng: random.Random, spec: Spec) -> bool:
    measurement = spec["measurement"]
    measurement["report_due_days"] = rng.choice(
        [d for d in range(3, 11) if d != measurement["report_due_days"]]
    )
    return True


def _add_review_record(rng: random.Random, spec: Spec) -> bool:
    if spec["status"] != "signed":
        return False
    records = spec["review"].setdefault("records", [])
    record = _review_record(rng, spec, len(records) + 1)
    if records and record["date"] <= records[-1]["date"]:
        return False
    records.append(record)
    return True
