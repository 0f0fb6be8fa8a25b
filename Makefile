# claimtracker: `make run` starts the demo desk, `make test` runs the whole suite.
# Both create the virtualenv (.venv) and install the locked requirements (uv, hash-checked)
# when needed.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
# DEBUG is off unless turned on (config/settings.py); these are development targets.
export DJANGO_DEBUG ?= true
VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.9
UV := $(VENV)/bin/uv
LOCK_FLAGS := --quiet --universal --python-version 3.11 --generate-hashes --custom-compile-command 'make lock'
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format migrate worker beat clean help screenshots bench lock

help:
	@echo "make run      set up and serve the demo desk on http://$(HOST):$(PORT)/admin/"
	@echo "make test     set up and run the whole test suite"
	@echo "make lint     ruff check, ruff format --check, makemigrations --check"
	@echo "make screenshots  regenerate docs/screenshots/ (needs Chromium)"
	@echo "make bench    benchmarks against PostgreSQL and Redis -> bench/RESULTS.md"
	@echo "make lock     re-compile requirements*.txt (pins + hashes) from requirements*.in"
	@echo "make worker   a Celery worker (needs CELERY_BROKER_URL)"
	@echo "make beat     the Celery beat scheduler (needs CELERY_BROKER_URL)"

# uv installs the locked requirements (hash-checked) in seconds; it comes from PyPI, pinned,
# into the virtualenv itself, so nothing outside the project is needed.
$(UV):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "claimtracker needs Python 3.11; set PYTHON=/path/to/python3.11")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Installed with their bytecode: where PYTHONDONTWRITEBYTECODE is set (as in many images),
# every Python process would otherwise compile Django and the rest from source again, about
# 4 s of CPU per process (each manage.py command, worker and server the tests start).
$(VENV)/.runtime: requirements.txt | $(UV)
	$(UV) pip install --quiet --compile-bytecode --python $(PY) --require-hashes -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(UV) pip install --quiet --compile-bytecode --python $(PY) --require-hashes -r requirements-dev.txt
	touch $@

# The project's own bytecode, for the same reason (up-to-date files are skipped).
COMPILE := $(PY) -m compileall -q -j 0 manage.py config claims sources

# Re-compile the lock files after editing requirements.in or requirements-dev.in.
lock: | $(UV)
	$(UV) pip compile $(LOCK_FLAGS) requirements.in -o requirements.txt
	$(UV) pip compile $(LOCK_FLAGS) requirements-dev.in -o requirements-dev.txt

migrate: $(VENV)/.runtime
	mkdir -p var
	$(COMPILE)
	$(PY) manage.py migrate --noinput

# Links in ClaimReview and on the fact-check pages point where this server listens, unless
# SITE_URL (and CLAIMS_PUBLISHER_URL) are set.
run: export SITE_URL ?= http://$(HOST):$(PORT)/
run: export CLAIMS_PUBLISHER_URL ?= $(SITE_URL)
run: migrate
	$(PY) manage.py setup_demo
	@echo "Serving on http://$(HOST):$(PORT)/  (desk: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.dev
	$(COMPILE) tests bench
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

screenshots: $(VENV)/.dev
	SCREENSHOTS=1 $(PY) -m pytest tests/e2e -k screenshots -q

bench: $(VENV)/.dev
	$(PY) bench/run_all.py

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# One worker for both queues here; compose.yaml runs the nlp queue in a worker of its own.
worker: $(VENV)/.runtime
	$(VENV)/bin/celery -A config worker -Q $${CELERY_TASK_DEFAULT_QUEUE:-celery},$${CLAIMS_NLP_QUEUE:-nlp} --loglevel=INFO

beat: $(VENV)/.runtime
	$(VENV)/bin/celery -A config beat --loglevel=INFO

clean:
	rm -rf $(VENV) var
