"""The demo's monitoring and ticket data are what scripts/demo_data.py writes: the committed
files are current, and the generator depends on nothing but its seeds."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("demo_data", ROOT / "scripts" / "demo_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_committed_data_are_what_the_generator_writes() -> None:
    made = _generator().files()
    for name, data in made.items():
        committed = (ROOT / "service-data" / name).read_bytes()
        assert committed == data, f"service-data/{name} is stale: run scripts/demo_data.py"


def test_the_generator_writes_the_same_bytes_twice() -> None:
    assert _generator().files() == _generator().files()


def test_the_data_show_what_the_reports_must_handle() -> None:
    outages = (ROOT / "service-data" / "outages.csv").read_text().splitlines()
    tickets = (ROOT / "service-data" / "tickets.csv").read_text().splitlines()
    kinds = {line.split(",")[4] for line in outages[1:]}
    # only the causes each agreement's data exclude (the signed samples state their
    # maintenance terms as text only: a maintenance row would count as downtime)
    assert kinds == {"outage", "third_party"}
    assert any(line.split(",")[6] for line in tickets[1:]), "a paused ticket"
    assert any(not line.split(",")[5] for line in tickets[1:]), "a ticket still open"
