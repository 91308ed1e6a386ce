# The commands the README shows. Each target installs what it needs first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BENCH  := $(VENV)/.bench-installed
DEBIAN := $(VENV)/.debian-packages

.PHONY: site serve test bench lint schema clean

$(DEBIAN): .ci/debian-packages scripts/ensure-debian-packages
	scripts/ensure-debian-packages .ci/debian-packages
	mkdir -p $(VENV) && touch $@

$(STAMP): pyproject.toml $(DEBIAN)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

# The benchmarks also measure Zensical, another engine, on the same pages (only there).
$(BENCH): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	touch $@

## site: validate the sample agreements and build the demo catalogue into site/
site: $(STAMP)
	$(BIN)/sitegen build

## serve: the catalogue at http://127.0.0.1:8000/, rebuilt when an agreement changes
serve: $(STAMP)
	$(BIN)/mkdocs serve

## test: every test
test: $(STAMP)
	$(BIN)/python -m pytest

## bench: speed and memory figures, printed as a table
bench: $(BENCH)
	$(BIN)/python -m tests.bench.run

## lint: ruff on the package and the tests, mypy on the package and the benchmarks, and the
## import layers of pyproject.toml's [tool.importlinter] (tests/test_layers.py runs them too)
lint: $(STAMP)
	$(BIN)/ruff check sitegen tests
	$(BIN)/ruff format --check sitegen tests
	$(BIN)/mypy sitegen tests/bench
	$(BIN)/lint-imports --no-cache

## schema: refresh the published JSON Schema from the model
schema: $(STAMP)
	$(BIN)/sitegen schema -o sitegen/schema/agreement.schema.json

clean:
	rm -rf $(VENV) site build .cache .pytest_cache .mypy_cache .ruff_cache
