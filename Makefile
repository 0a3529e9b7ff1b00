# Two commands on a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

# Machines differ: Debian's python3 may be 3.13, or python3 is 3.11 and pyenv holds newer ones
# (its shims exist even for versions that are not selected, so each candidate must actually run).
# Take the first candidate that runs and reports >= 3.12.
PY_CANDIDATES := python3.13 python3.12 python3 $(wildcard $(HOME)/.pyenv/versions/3.1[3-9]*/bin/python3) $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3)
find_python = $(firstword $(foreach c,$(PY_CANDIDATES),$(shell $(c) -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && echo $(c))))

.PHONY: help run test lint bench venv deps dev-deps migrate demo clean

help:
	@echo "make run    - set up .venv, migrate, load demo data, serve on http://$(HOST):$(PORT)/"
	@echo "make test   - run the test suite, ruff and the migrations check"
	@echo "make bench  - run the benchmarks in bench/"

$(VENV)/.created:
	@py="$(call find_python)"; \
	if [ -z "$$py" ]; then \
	  echo "error: Newsroom needs Python >= 3.12 (3.13 preferred); none of: $(PY_CANDIDATES) runs one." >&2; \
	  echo "Install python3.13 (e.g. 'apt-get install python3.13' or 'pyenv install 3.13') and retry." >&2; \
	  exit 1; \
	fi; \
	echo "Using $$py ($$($$py --version))"; \
	$$py -m venv $(VENV) && $(PIP) install -q --upgrade pip && touch $@

$(VENV)/.deps: $(VENV)/.created requirements.txt
	$(PIP) install -q -r requirements.txt
	@touch $@

$(VENV)/.dev-deps: $(VENV)/.deps requirements-dev.txt
	$(PIP) install -q -r requirements-dev.txt
	@touch $@

venv: $(VENV)/.created
deps: $(VENV)/.deps
dev-deps: $(VENV)/.dev-deps

migrate: deps
	DEBUG=$${DEBUG:-1} $(PY) manage.py migrate --verbosity 0

demo: migrate
	DEBUG=$${DEBUG:-1} $(PY) manage.py load_demo

run: demo
	@echo "Newsroom is serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	DEBUG=$${DEBUG:-1} $(PY) manage.py runserver $(HOST):$(PORT)

test: dev-deps
	TESTING=1 $(PY) -m pytest $(PYTEST_ARGS)
	$(MAKE) --no-print-directory lint

lint: dev-deps
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	TESTING=1 $(PY) manage.py makemigrations --check --dry-run --verbosity 1

bench: dev-deps
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles artifacts
