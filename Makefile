# The two commands: `make run` and `make test`. Both create .venv on first use.
# They call dev.py, which does the same without make (`python3 dev.py run|test`,
# `py dev.py run|test` in Windows PowerShell).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck bench fuzz clean demo

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

## Set up and open the terminal UI on the built-in ROAM-X 2018 framework.
run:
	$(PYTHON) dev.py run

## Set up and run the whole test suite (what CI runs): ruff, the import contracts,
## the manual's strict build, mypy for this OS, Windows and macOS, then pytest.
test:
	$(PYTHON) dev.py test $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy
	$(BIN)/mypy --platform win32
	$(BIN)/mypy --platform darwin

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

fuzz: $(STAMP)
	ROAM_FUZZ_EXAMPLES=5000 $(BIN)/python -m pytest tests/fuzz -q

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .mypy_cache
