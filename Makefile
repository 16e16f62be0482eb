# Contract-first API platform. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
MANAGE := $(BIN)/python server/manage.py
PG_URL ?= postgres://postgres@127.0.0.1:5432/contractfirst
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help install install-browser run serve migrate demo-data test test-python test-postgres test-browser lint format clean

help: ## Show this help
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[dev]'
	touch $@

install: $(BIN)/.installed ## Create the virtualenv and install everything (idempotent)

CHROMIUM ?= /usr/bin/chromium
BROWSER_TESTS := server/browser_tests

$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

$(BROWSER_TESTS)/node_modules/.package-lock.json: $(BROWSER_TESTS)/package-lock.json
	cd $(BROWSER_TESTS) && npm ci --no-audit --no-fund --loglevel=error

install-browser: $(CHROMIUM) $(BROWSER_TESTS)/node_modules/.package-lock.json ## Debian's Chromium and playwright-core

migrate: install ## Apply database migrations
	@mkdir -p var
	$(MANAGE) migrate --noinput

demo-data: migrate ## Load the demo users, projects, tasks and comments
	$(MANAGE) load_demo_data

run: demo-data ## Serve the API with demo data on 127.0.0.1:8000 (HOST=, PORT= override; SQLite, local-memory cache)
	@echo ""
	@echo "  API:   http://$(HOST):$(PORT)/api/v1"
	@echo "  Docs:  http://$(HOST):$(PORT)/api/docs"
	@echo "  Spec:  http://$(HOST):$(PORT)/api/v1/openapi.yaml"
	@echo "  Demo users (password demo-password-123): alice (staff), bob, carol, dave"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

serve: migrate ## Production-style server: gunicorn, DEBUG off (needs DJANGO_SECRET_KEY)
	$(MANAGE) collectstatic --noinput --verbosity 0
	DJANGO_SETTINGS_MODULE=server.config.settings.production $(BIN)/gunicorn server.config.wsgi \
		--bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-2}

lint: install ## ruff and mypy on hand-written code
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy server

format: install ## Apply ruff's formatting and autofixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test-python: install ## Django checks, migration drift and the pytest suite (DATABASE_URL/REDIS_URL honoured)
	DJANGO_SETTINGS_MODULE=server.config.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=server.config.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest -n 2

test-postgres: install ## The suite against PostgreSQL and Redis on this machine
	DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS_TEST_URL) $(MAKE) --no-print-directory test-python

test-browser: install install-browser ## The docs page in headless Chromium (Swagger UI, "Try it out")
	cd $(BROWSER_TESTS) && CHROMIUM_PATH=$(CHROMIUM) npm test

test: lint test-python test-browser ## Every check and test on the embedded defaults (CI also runs test-postgres)

clean: ## Remove the virtualenv and local data
	rm -rf $(VENV) var
