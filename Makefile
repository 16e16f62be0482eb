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
.PHONY: help install install-browser run serve worker migrate demo-data test test-python test-postgres test-browser lint format bench bench-services bench-smoke clean \
	install-ts lint-contract generate generate-check test-sdk-typescript sdk-packages contract contract-live drift \
	breaking release-contract changelog mock docs beat topology topology-stop reliability validate-kubernetes

help: ## Show this help
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml clients/python/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[dev]'
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e clients/python
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

# The same command as the Dockerfile's and compose.yaml's (server/common/tests/test_serving.py checks it).
GUNICORN := $(BIN)/gunicorn --config server/config/gunicorn.conf.py

serve: migrate ## Production server: gunicorn (server/config/gunicorn.conf.py), DEBUG off, secrets from env
	@test -n "$$DJANGO_SECRET_KEY" || (echo "make serve: set DJANGO_SECRET_KEY (and DJANGO_ALLOWED_HOSTS)" >&2; exit 1)
	DJANGO_SETTINGS_MODULE=server.config.settings.production $(MANAGE) collectstatic --noinput --verbosity 0
	DJANGO_SETTINGS_MODULE=server.config.settings.production HOST=$(HOST) PORT=$(PORT) \
		PROMETHEUS_MULTIPROC_DIR=$${PROMETHEUS_MULTIPROC_DIR:-$(CURDIR)/var/prometheus} $(GUNICORN)

# Webhook deliveries (server/config/celery.py): as many workers as needed, and beat (the periodic sweeps) as
# one process of its own per deployment. The broker is CELERY_BROKER_URL, else REDIS_URL; settings as
# `make run` unless DJANGO_SETTINGS_MODULE.
CELERY_WORKER := $(BIN)/celery -A server.config.celery worker --loglevel INFO
CELERY_BEAT := $(BIN)/celery -A server.config.celery beat --loglevel INFO

worker: install ## Celery worker for webhook deliveries (needs REDIS_URL or CELERY_BROKER_URL; same settings as the server)
	@test -n "$$CELERY_BROKER_URL$$REDIS_URL" || (echo "make worker: set REDIS_URL or CELERY_BROKER_URL (without a broker deliveries run in-process, no worker needed)" >&2; exit 1)
	$(CELERY_WORKER)

beat: install ## Celery beat: the webhook sweep and the idempotency purge on schedule (exactly one per deployment)
	@test -n "$$CELERY_BROKER_URL$$REDIS_URL" || (echo "make beat: set REDIS_URL or CELERY_BROKER_URL" >&2; exit 1)
	@mkdir -p var
	$(CELERY_BEAT) --schedule var/celerybeat-schedule

# The production topology on loopback (reliability/topology.py; docs/operations.md): nginx on :8080 in front of
# three gunicorn instances (:8101-8103), two Celery workers and beat, on PostgreSQL (contractfirst_topology)
# and Redis (db 10). Processes, pids and logs under var/topology/.
NGINX ?= /usr/sbin/nginx

$(NGINX):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx

topology: install $(NGINX) bench-services ## Start nginx + 3 API instances + 2 Celery workers + beat on loopback (var/topology/)
	$(BIN)/python -m reliability.topology start

topology-stop: ## Stop what `make topology` started (SIGTERM: requests in flight finish)
	$(BIN)/python -m reliability.topology stop

RELIABILITY_SECONDS ?= 60

reliability: install $(NGINX) bench-services ## Faults under load against the topology (PostgreSQL/Redis cut and stalled, kills, rolling restart) -> var/reliability.json
	RELIABILITY_SECONDS=$(RELIABILITY_SECONDS) $(BIN)/python -m reliability.run

validate-kubernetes: install ## Validate deploy/kubernetes/*.yaml offline against the bundled Kubernetes schemas
	$(BIN)/kubernetes-validate --strict --quiet deploy/kubernetes/*.yaml

lint: install ## ruff, mypy and the import contracts (lint-imports: the layers of ARCHITECTURE.md)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy codegen
	cd clients/python && ../../$(BIN)/mypy
	$(BIN)/mypy server bench reliability

format: install ## Apply ruff's formatting and autofixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test-python: install ## Django checks, migration drift and the pytest suite (DATABASE_URL/REDIS_URL honoured)
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=server.config.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=server.config.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest -n 2 --dist loadgroup -m 'not services' server codegen/tests
	@# The real-process tests (gunicorn, Celery workers, TCP proxies) need the network services; they run one at a
	@# time, outside xdist: the session's topology is one per machine, and `--dist loadgroup` does not keep an
	@# xdist_group on one worker under pytest 9.2 (xdist 3.8 renames `item._nodeid`, which pytest 9.2 no longer
	@# reads). The Celery worker tests are safe in parallel (their broker keys carry a prefix of their own).
	$(if $(DATABASE_URL),$(BIN)/pytest -p no:xdist -m services server)

test-postgres: install $(NGINX) ## The suite against PostgreSQL and Redis (plus the real-process tests: outages, shared limits, Celery worker)
	DATABASE_URL=$(PG_URL) REDIS_URL=$(REDIS_TEST_URL) $(MAKE) --no-print-directory test-python

test-browser: install install-browser ## Headless Chromium: the API docs page, the mock page and the docs preview
	cd $(BROWSER_TESTS) && CHROMIUM_PATH=$(CHROMIUM) npm test

TS_SDK := clients/typescript

$(TS_SDK)/node_modules/.package-lock.json: $(TS_SDK)/package-lock.json
	cd $(TS_SDK) && npm ci --no-audit --no-fund --loglevel=error

install-ts: $(TS_SDK)/node_modules/.package-lock.json ## The TypeScript SDK's toolchain (npm ci: openapi-typescript, tsc)

lint-contract: install ## Lint the contract: structure plus design rules (`contract lint --rules` lists them)
	$(BIN)/contract lint

generate: install install-ts ## Regenerate the Pydantic models and both SDKs from the contract
	$(BIN)/contract generate

generate-check: install install-ts ## Fail, naming them, if generated files are stale
	$(BIN)/contract generate --check

breaking: install ## Fail on breaking contract changes vs the released contract (openapi/released/; else the last tag; BREAKING_BASE=ref)
	BREAKING_BASE="$(BREAKING_BASE)" $(BIN)/python -m codegen.diff.gate --spec openapi/openapi.yaml

release-contract: install ## At a release: record the working copy as the released contract `make breaking` compares with
	$(BIN)/python -m codegen.diff.gate --spec openapi/openapi.yaml --release

changelog: install ## Every contract change since the last tag (else since the contract's first commit), for release notes
	$(BIN)/contract changelog --since-last-release --spec openapi/openapi.yaml --format markdown

MOCK_PORT ?= 4010
DOCS_PORT ?= 8001

mock: install ## Serve the contract as a mock API on 127.0.0.1:4010 (HOST=, MOCK_PORT=; Prefer: code=404 / example=name)
	$(BIN)/contract mock --host $(HOST) --port $(MOCK_PORT)

docs: install ## Preview the contract's docs (Swagger UI) on 127.0.0.1:8001, reloading on save (HOST=, DOCS_PORT=)
	$(BIN)/contract docs --host $(HOST) --port $(DOCS_PORT)

test-sdk-typescript: install install-ts ## The TypeScript SDK: build with tsc --strict, then its node tests against a live server and the mock
	cd $(TS_SDK) && npm run --silent build
	cd $(TS_SDK) && ../../$(BIN)/python -m codegen.tests.live_server -- npm test --silent
	cd $(TS_SDK) && ../../$(BIN)/python -m codegen.tests.mock_server -- npm run --silent test:mock
	cd $(TS_SDK) && LIVE_SERVER_USER_RATE=100/sec ../../$(BIN)/python -m codegen.tests.live_server -- npm run --silent test:readme

SDK_DIST := var/sdk-dist

sdk-packages: install install-ts ## Both SDKs as published: python -m build + twine check (into var/sdk-dist), npm publish --dry-run
	rm -rf $(SDK_DIST) && mkdir -p $(SDK_DIST)
	$(BIN)/python -m build --outdir $(SDK_DIST) clients/python
	$(BIN)/twine check --strict $(SDK_DIST)/*
	cd $(TS_SDK) && npm run --silent build && npm publish --dry-run --access public --loglevel=warn

drift: install ## Compare the schema the views derive (drf-spectacular) with the contract; print every difference
	$(BIN)/python -m contract_tests.drift

contract: install drift ## Schemathesis in-process (every check, stateful), drift and examples (CONTRACT_MAX_EXAMPLES=)
	$(BIN)/pytest -n 2 contract_tests

contract-live: install ## The contract tests against gunicorn on PostgreSQL (CONTRACT_LIVE_DATABASE_URL=, CONTRACT_*=)
	$(BIN)/python -m contract_tests.live

# Third-party tools on the contract and a live server (interop/run.py; README "Interoperability"): Java from
# Debian for openapi-generator (pyproject's `interop` extra), Prism, Spectral, Redocly and tsc (interop/package.json).
INTEROP := interop

$(BIN)/.installed-interop: $(BIN)/.installed pyproject.toml
	command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless)
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[dev,interop]'
	touch $@

$(INTEROP)/node_modules/.package-lock.json: $(INTEROP)/package-lock.json
	cd $(INTEROP) && npm ci --no-audit --no-fund --loglevel=error

.PHONY: interop
interop: $(BIN)/.installed-interop $(INTEROP)/node_modules/.package-lock.json ## openapi-generator (python, typescript-fetch, kotlin, swift5), Prism, Spectral, Redocly on the contract and gunicorn on PostgreSQL
	$(BIN)/python -m interop.run

test: lint lint-contract generate-check breaking test-python contract test-sdk-typescript sdk-packages test-browser ## Every check and test on the embedded defaults (CI also runs test-postgres)

BENCH_ROUNDS ?= 10
BENCH_SECONDS ?= 3
# py-spy's seconds on each profiled scenario after the rounds (the per-layer CPU budget; 0 skips it)
BENCH_PROFILE_SECONDS ?= 15

# The peers the bench compares with (FastAPI, SQLAlchemy, django-ninja ...): pyproject's `bench` extra.
$(BIN)/.installed-bench: $(BIN)/.installed pyproject.toml
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[dev,bench]'
	touch $@

bench-services:
	command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	command -v valgrind >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind)
	pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql)" main start
	redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no

bench: install $(BIN)/.installed-bench install-ts $(NGINX) bench-services ## Benchmark on PostgreSQL with wrk: ours vs DRF, FastAPI, django-ninja; serving models; tax in instructions (BENCH_ROUNDS=, BENCH_SECONDS=; bench/README.md)
	BENCH_ROUNDS=$(BENCH_ROUNDS) BENCH_SECONDS=$(BENCH_SECONDS) BENCH_PROFILE_SECONDS=$(BENCH_PROFILE_SECONDS) BENCH_SERVING=1 BENCH_SCALING_AXES=1 $(BIN)/python -m bench.run

bench-smoke: install $(BIN)/.installed-bench $(NGINX) bench-services ## bench/tests (peers answer as ours, ASGI connections bounded), then the bench end to end on small data (figures not meaningful; the instruction tax is checked; CI runs it)
	$(BIN)/pytest -p no:xdist -q bench/tests
	BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_smoke BENCH_SCALE_TASKS=5000 \
	  BENCH_ROUNDS=1 BENCH_SECONDS=1 BENCH_WARMUP=0.5 BENCH_STARTUPS=1 BENCH_SKIP_GENERATE=1 BENCH_SERVING=1 BENCH_PROFILE_SECONDS=2 \
	  BENCH_SCALING_AXES=1 BENCH_AXES_PROJECTS=200 BENCH_AXES_MEMBERS=200 BENCH_INSTR_REQUESTS=5 BENCH_INSTR_REPEATS=1 BENCH_CHECK_INSTRUCTIONS=1 \
	  BENCH_OUTPUT=var/bench-smoke.json $(BIN)/python -m bench.run

clean: ## Remove the virtualenv and local data
	rm -rf $(VENV) var
