"""The serving artefacts agree with each other: gunicorn's config file, the Makefile, the Dockerfile and
compose.yaml (which cannot be built here) run the same command and name settings the server reads."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[3]
GUNICORN = "gunicorn --config server/config/gunicorn.conf.py"
SETTINGS = REPO / "server" / "config" / "settings"


def _settings_env_vars() -> set[str]:
    names: set[str] = set()
    for module in SETTINGS.glob("*.py"):
        names.update(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z0-9_]+)"', module.read_text()))
    return names | {"DJANGO_SETTINGS_MODULE"}


GUNICORN_ENV = {"WEB_CONCURRENCY", "HOST", "PORT", "GUNICORN_BIND", "PROMETHEUS_MULTIPROC_DIR"}


def test_gunicorn_takes_its_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEB_CONCURRENCY", "5")
    monkeypatch.setenv("HOST", "0.0.0.0")
    monkeypatch.setenv("PORT", "9001")
    config = runpy.run_path(str(REPO / "server" / "config" / "gunicorn.conf.py"))
    assert config["workers"] == 5
    assert config["bind"] == "0.0.0.0:9001"
    assert config["accesslog"] is None  # the application's structured access log instead
    assert config["wsgi_app"] == "server.config.wsgi:application"
    assert config["graceful_timeout"] > 0 and config["timeout"] > 0
    monkeypatch.setenv("GUNICORN_BIND", "unix:/run/api.sock")
    config = runpy.run_path(str(REPO / "server" / "config" / "gunicorn.conf.py"))
    assert config["bind"] == "unix:/run/api.sock"


def test_make_serve_runs_gunicorn_with_the_config_file_and_production_settings() -> None:
    makefile = (REPO / "Makefile").read_text()
    assert "GUNICORN := $(BIN)/gunicorn --config server/config/gunicorn.conf.py" in makefile
    serve = makefile[makefile.index("\nserve:") : makefile.index("\n\n", makefile.index("\nserve:") + 1)]
    assert "DJANGO_SETTINGS_MODULE=server.config.settings.production" in serve
    assert "$(GUNICORN)" in serve
    assert "DJANGO_SECRET_KEY" in serve


def test_the_dockerfile_runs_the_same_command() -> None:
    dockerfile = (REPO / "Dockerfile").read_text()
    assert 'CMD ["gunicorn", "--config", "server/config/gunicorn.conf.py"]' in dockerfile
    assert "DJANGO_SETTINGS_MODULE=server.config.settings.production" in dockerfile
    assert "/health/live" in dockerfile
    declared = set(re.findall(r"^\s+([A-Z_]+)=", dockerfile, re.MULTILINE))
    assert declared <= _settings_env_vars() | GUNICORN_ENV | {"PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED"}


def test_compose_runs_the_topology_nginx_in_front_of_scaled_instances() -> None:
    compose = yaml.safe_load((REPO / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"nginx", "migrate", "api", "worker", "beat", "db", "redis"}
    api = services["api"]
    assert "command" not in api  # the image's CMD: the same gunicorn command as make serve
    assert api["deploy"]["replicas"] >= 2
    assert "ports" not in api  # reachable through nginx only
    environment = api["environment"]
    # Every variable compose sets is one the settings or gunicorn read.
    assert set(environment) <= _settings_env_vars() | GUNICORN_ENV
    assert environment["DJANGO_SETTINGS_MODULE"] == "server.config.settings.production"
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert "@db:5432/" in environment["DATABASE_URL"]
    assert environment["REDIS_URL"].startswith("redis://redis:6379/")
    assert "DJANGO_SECRET_KEY:?" in environment["DJANGO_SECRET_KEY"]  # compose refuses to start without it
    # X-Forwarded-* trusted from nginx's network only, one hop.
    subnet = compose["networks"]["default"]["ipam"]["config"][0]["subnet"]
    assert environment["TRUSTED_PROXIES"] == subnet
    assert environment["THROTTLE_NUM_PROXIES"] == "1"
    assert set(api["depends_on"]) == {"migrate", "redis"}
    assert api["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert "/health/ready" in " ".join(api["healthcheck"]["test"])
    assert int(api["stop_grace_period"].rstrip("s")) > 30  # beyond gunicorn's graceful_timeout
    assert "migrate --noinput" in " ".join(services["migrate"]["command"])
    nginx = services["nginx"]
    assert nginx["ports"] == ["8000:8080"]
    assert "/health/ready" in " ".join(nginx["healthcheck"]["test"])
    assert nginx["environment"]["REQUEST_MAX_BODY_BYTES"] == environment["REQUEST_MAX_BODY_BYTES"]
    assert "server api:8000" in nginx["environment"]["API_UPSTREAM_SERVERS"]
    mounts = " ".join(nginx["volumes"])
    assert "./deploy/nginx/api.conf.template:/etc/nginx/templates/" in mounts
    template = (REPO / "deploy" / "nginx" / "api.conf.template").read_text()
    used = set(re.findall(r"\$\{([A-Z_]+)\}", template))
    assert used == set(nginx["environment"]), used ^ set(nginx["environment"])
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")


def test_compose_and_make_run_the_same_workers_and_one_beat() -> None:
    services = yaml.safe_load((REPO / "compose.yaml").read_text())["services"]
    api, worker, beat = services["api"], services["worker"], services["beat"]
    assert worker["build"] == beat["build"] == api["build"]  # the same image
    command = " ".join(worker["command"])
    assert command.startswith("celery -A server.config.celery worker") and "--beat" not in command
    assert worker["deploy"]["replicas"] >= 2
    assert " ".join(beat["command"]).startswith("celery -A server.config.celery beat")
    assert beat["deploy"]["replicas"] == 1
    for service in (worker, beat):
        environment = service["environment"]
        assert set(environment) <= _settings_env_vars()
        # They decrypt the signing secrets (SECRET_KEY) and read the API's database and broker.
        for name in ("DJANGO_SETTINGS_MODULE", "DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL"):
            assert environment[name] == api["environment"][name], name
        assert set(service["depends_on"]) == {"migrate", "redis"}
    makefile = (REPO / "Makefile").read_text()
    assert "CELERY_WORKER := $(BIN)/celery -A server.config.celery worker" in makefile
    assert "CELERY_BEAT := $(BIN)/celery -A server.config.celery beat" in makefile
    for name, command in (("worker", "$(CELERY_WORKER)"), ("beat", "$(CELERY_BEAT)")):
        start = makefile.index(f"\n{name}:")
        target = makefile[start : makefile.index("\n\n", start + 1)]
        assert "## " in target.splitlines()[1]  # listed by `make help`
        assert command in target and "--beat" not in target
        assert "CELERY_BROKER_URL" in target and "REDIS_URL" in target


def test_beat_schedules_the_webhook_sweep_and_the_idempotency_purge() -> None:
    from server.config.celery import app

    app.loader.import_default_modules()
    tasks = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert tasks == {"server.apps.webhooks.tasks.sweep_pending", "server.apps.idempotency.purge_expired"}
    assert set(tasks) <= set(app.tasks)


def test_the_settings_the_readme_documents_exist() -> None:
    readme = (REPO / "README.md").read_text()
    table = readme[readme.index("## Settings") :]
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", table))
    for name in ("METRICS_TOKEN", "CORS_ALLOWED_ORIGINS", "WEB_CONCURRENCY", "PROMETHEUS_MULTIPROC_DIR"):
        assert name in documented, name
