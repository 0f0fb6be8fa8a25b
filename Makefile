# claimtracker: `make run` starts the demo desk, `make test` runs the whole suite.
# Both create the virtualenv (.venv) and install the pinned requirements when needed.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
# DEBUG is off unless turned on (config/settings.py); these are development targets.
export DJANGO_DEBUG ?= true
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format migrate worker beat clean help screenshots bench

help:
	@echo "make run      set up and serve the demo desk on http://$(HOST):$(PORT)/admin/"
	@echo "make test     set up and run the whole test suite"
	@echo "make lint     ruff check, ruff format --check, makemigrations --check"
	@echo "make screenshots  regenerate docs/screenshots/ (needs Chromium)"
	@echo "make bench    benchmarks against PostgreSQL and Redis -> bench/RESULTS.md"
	@echo "make worker   a Celery worker (needs CELERY_BROKER_URL)"
	@echo "make beat     the Celery beat scheduler (needs CELERY_BROKER_URL)"

$(VENV)/.runtime: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "claimtracker needs Python 3.11; set PYTHON=/path/to/python3.11")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

migrate: $(VENV)/.runtime
	mkdir -p var
	$(PY) manage.py migrate --noinput

run: migrate
	$(PY) manage.py setup_demo
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.dev
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
