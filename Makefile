# The two commands a new user runs (see README.md):
#   make run    set up, then read the bundled example and store it in the default chronicle (kroniek.duckdb)
#   make test   set up, then lint and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= kroniek.duckdb

.PHONY: setup run test lint train benchmark clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip==25.3"
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

run: setup
	$(BIN)/kroniek show examples/sotsji-2020-09.txt
	$(BIN)/kroniek ingest examples/ --db $(DB)
	$(BIN)/kroniek dyad RUS BLR --db $(DB) --by week

lint: setup
	$(BIN)/ruff check .

test: setup lint
	bash scripts/ensure-chromium
	$(BIN)/pytest -q

train: setup
	$(BIN)/python -m training.train

benchmark: setup
	$(BIN)/python benchmarks/read_speed.py examples/

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
