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

.PHONY: help run test lint bench bench-read venv deps dev-deps migrate demo clean serve lock worker

help:
	@echo "make run    - set up .venv, migrate, load demo data, serve on http://$(HOST):$(PORT)/"
	@echo "make test   - run the test suite, ruff and the migrations check"
	@echo "make bench  - run the benchmarks in bench/"
	@echo "make bench-read - public pages, search and admin at 1,000 and 100,000 stories"
	@echo "make serve  - production: collectstatic, migrate, gunicorn and the task worker"
	@echo "make worker - run the background task worker (Redis queue with REDIS_URL, else the database's)"
	@echo "make lock   - compile requirements*.in into the hashed requirements*.txt"

$(VENV)/.created:
	@py="$(call find_python)"; \
	if [ -z "$$py" ]; then \
	  echo "error: Newsroom needs Python >= 3.12 (3.13 preferred); none of: $(PY_CANDIDATES) runs one." >&2; \
	  echo "Install python3.13 (e.g. 'apt-get install python3.13' or 'pyenv install 3.13') and retry." >&2; \
	  exit 1; \
	fi; \
	echo "Using $$py ($$($$py --version))"; \
	$$py -m venv $(VENV) && $(PIP) install -q --upgrade pip && touch $@

# The .txt files lock the whole tree with hashes (`make lock`): nothing unlisted or altered installs.
$(VENV)/.deps: $(VENV)/.created requirements.txt
	$(PIP) install -q --require-hashes -r requirements.txt
	@touch $@

$(VENV)/.dev-deps: $(VENV)/.deps requirements-dev.txt
	$(PIP) install -q --require-hashes -r requirements-dev.txt
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

# pytest runs on newsroom/settings_test.py (pyproject.toml), which brings its own secret.
# One pytest-xdist worker per CPU (two on CI), each with its own test database; the tests of an
# xdist_group (the EXPLAIN plans' seeded archive) run together on one worker. PYTEST_WORKERS=0
# runs in one process; pytest on a single file runs in one process anyway.
PYTEST_WORKERS ?= logical
test: dev-deps
	$(PY) -m pytest --numprocesses $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)
	$(MAKE) --no-print-directory lint

lint: dev-deps
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=newsroom.settings_test $(PY) manage.py makemigrations --check --dry-run --verbosity 1

# The background task worker (renditions, mail, search) for the queue settings.py chose: Redis
# when REDIS_URL is set, else the database's queue table. It runs in the foreground until
# SIGTERM or Ctrl-C, finishing the task at hand; run as many as the work needs.
worker: deps
	@if [ -n "$$REDIS_URL" ]; then \
	  exec $(PY) manage.py run_redis_tasks --continuous; \
	else \
	  exec $(PY) manage.py db_worker; \
	fi

bench: dev-deps
	$(PY) bench/run.py $(BENCH_ARGS)

# The read benchmark (bench/README.md, "bench read") on copies of the seeded databases: each copy
# is made once from its seed (which stays untouched) and migrated to this checkout every run.
BENCH_PG ?= postgres://postgres@127.0.0.1:5432
BENCH_SEED_1K ?= seed1k
BENCH_SEED_100K ?= seed
BENCH_COPY_1K ?= $(BENCH_SEED_1K)_read
BENCH_COPY_100K ?= $(BENCH_SEED_100K)_read
bench-read: dev-deps
	@set -e; for pair in $(BENCH_SEED_1K):$(BENCH_COPY_1K) $(BENCH_SEED_100K):$(BENCH_COPY_100K); do \
	  seed=$${pair%%:*}; copy=$${pair##*:}; \
	  if ! psql "$(BENCH_PG)/postgres" -Atc "SELECT 1 FROM pg_database WHERE datname = '$$copy'" | grep -q 1; then \
	    echo "copying $$seed to $$copy"; \
	    psql "$(BENCH_PG)/postgres" -qc "CREATE DATABASE \"$$copy\" TEMPLATE \"$$seed\""; \
	  fi; \
	  DATABASE_URL=$(BENCH_PG)/$$copy DEBUG=1 $(PY) manage.py migrate -v0; \
	done
	BENCH_DB_1K=$(BENCH_PG)/$(BENCH_COPY_1K) BENCH_DB_100K=$(BENCH_PG)/$(BENCH_COPY_100K) \
	  $(PY) bench/run.py read

# Production on one host: the settings come from the environment (README, "Production"), so
# without SECRET_KEY this stops at once. gunicorn (gunicorn.conf.py) and the task worker run side
# by side, each in its own process group; Ctrl+C, or either of them ending, stops both.
serve: deps
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py migrate --noinput --verbosity 1
	@set -m; \
	HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/gunicorn --config gunicorn.conf.py & web=$$!; \
	$(MAKE) --no-print-directory worker & worker=$$!; \
	stop() { kill -TERM -- -$$web -$$worker 2>/dev/null; }; \
	trap 'stopped=1; stop' INT TERM; \
	wait -n; status=$$?; stop; wait; exit $$(( $${stopped:-0} ? 0 : status ))

# Regenerates the locks from the .in files, keeping every pin that still fits; run it after
# changing a .in file (or after a merge, to settle both .txt files). Needs only the venv.
PIP_COMPILE := $(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	--no-emit-index-url --no-emit-find-links
lock: $(VENV)/.created
	$(PIP) install -q pip-tools==7.6.2
	$(PIP_COMPILE) --output-file requirements.txt requirements.in
	$(PIP_COMPILE) --output-file requirements-dev.txt requirements-dev.in

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles artifacts
