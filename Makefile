# The two commands of the README. Each sets itself up from nothing but Python 3.11 and make.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint setup setup-test fuzz sweep bench readme-datasets clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found; set PYTHON=/path/to/python3.11" >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

run: setup
	$(BIN)/bulletin-etl extract --out output

# System packages (LibreOffice, CJK fonts, Chromium, Pango) are installed where root and apt-get allow;
# elsewhere the script says what is missing and the tests needing it skip with a reason.
test: setup-test
	scripts/install-system-deps
	$(BIN)/python -m pytest

# The source's own checks (CI runs them before the tests): lint, types, no function above radon
# grade C, none over 40 lines, no boolean chain of more than 3 operands.
lint: setup-test
	$(BIN)/ruff check src
	$(BIN)/mypy
	@hard=$$($(BIN)/radon cc -s -n D src); if [ -n "$$hard" ]; then echo "functions above radon grade C:"; echo "$$hard"; exit 1; fi
	$(BIN)/python scripts/check-function-length src
	$(BIN)/python scripts/check-boolean-chains src

fuzz: setup-test  # make fuzz N=1000 [SEED=…]: mutated bulletins through the real command (tests/fuzz)
	$(BIN)/python -m tests.fuzz --n $(or $(N),100) $(if $(SEED),--seed $(SEED))

sweep: setup-test  # make sweep SEEDS=930000-930299 [PRODUCERS=reportlab,docx] [JOBS=2]: fresh synthetic bulletins, every core
	scripts/install-system-deps
	$(BIN)/python scripts/sweep-lanes --seeds $(or $(SEEDS),1-20) $(if $(PRODUCERS),--producers $(PRODUCERS)) $(if $(JOBS),--jobs $(JOBS))

bench: setup-test
	$(BIN)/python benchmarks/bench_extract.py

readme-datasets: setup
	$(BIN)/python -m bulletin_etl.docs README.md

clean:
	rm -rf $(VENV) output build *.egg-info src/*.egg-info
