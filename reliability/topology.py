"""The production topology as local processes, all on loopback, under var/topology/ (`make topology`).

    nginx :8080  ->  API instances :8101 :8102 :8103 (gunicorn, production settings, 2 workers each)
    Celery workers worker1, worker2 (webhook deliveries)     Celery beat (the sweeps, one process)
    PostgreSQL database contractfirst_topology, Redis database 10 (cache, rate limits, broker)

    python -m reliability.topology start     # migrate, start it all, wait until nginx serves /health/ready
    python -m reliability.topology stop      # SIGTERM each process group (graceful), SIGKILL after 30 s
    python -m reliability.topology status

Every process runs in a process group of its own, its pid in var/topology/<name>.pid and its output in
var/topology/<name>.log. nginx's configuration is rendered from deploy/nginx/*.template, as compose renders
the same api.conf.template. Tests and `make reliability` use `Topology` directly (other ports, a fresh
database, dependencies reached through fault proxies).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]
NGINX_TEMPLATES = REPO / "deploy" / "nginx"
PYTHON = sys.executable
NGINX = os.environ.get("NGINX", shutil.which("nginx") or "/usr/sbin/nginx")


@dataclass
class Settings:
    """Where the topology runs, and with what."""

    root: Path = REPO / "var" / "topology"
    nginx_port: int = 8080
    api_ports: tuple[int, ...] = (8101, 8102, 8103)
    web_concurrency: int = 2
    celery_workers: int = 2
    beat: bool = True
    database_url: str = "postgres://postgres@127.0.0.1:5432/contractfirst_topology"
    redis_url: str = "redis://127.0.0.1:6379/10"
    # What the processes reach PostgreSQL and Redis through (a fault proxy's URL); default: the above.
    database_route: str | None = None
    redis_route: str | None = None
    nginx_proxy_read_timeout: str = "35s"
    env: dict[str, str] = field(default_factory=dict)  # more settings for the API, workers and beat

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.nginx_port}"


def render(template: str, values: dict[str, str]) -> str:
    """`${NAME}` replaced for the names given (as the nginx image's envsubst does); anything else kept."""

    def substitute(match: re.Match[str]) -> str:
        return values.get(match.group(1), match.group(0))

    rendered = re.sub(r"\$\{([A-Z_][A-Z0-9_]*)\}", substitute, template)
    missing = set(re.findall(r"\$\{([A-Z_][A-Z0-9_]*)\}", rendered))
    if missing:
        raise ValueError(f"no value for {sorted(missing)}")
    return rendered


def setting(env: dict[str, str], name: str) -> str:
    """A setting's value as the API computes it in `env` (read by Django itself, not re-derived here)."""
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    result = subprocess.run(
        [PYTHON, "-c", code], cwd=REPO, env=env, check=True, capture_output=True, text=True
    )
    return result.stdout.strip().splitlines()[-1]


def ping(url: str, timeout: float = 2) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except OSError:
        return None


class Topology:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.root = self.settings.root
        self.nginx_prefix = self.root / "nginx"
        self._max_body_bytes: str | None = None

    # --- configuration ------------------------------------------------------------------------------------

    def secret_key(self) -> str:
        if os.environ.get("DJANGO_SECRET_KEY"):
            return os.environ["DJANGO_SECRET_KEY"]
        path = self.root / "secret-key"
        if not path.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip()

    def app_env(self, **overrides: str) -> dict[str, str]:
        """The environment of the API instances, the workers and beat: production settings on loopback."""
        s = self.settings
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CELERY_", "THROTTLE_", "PROMETHEUS_"))
        }
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "server.config.settings.production",
                "DJANGO_SECRET_KEY": self.secret_key(),
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                "DATABASE_URL": s.database_route or s.database_url,
                "REDIS_URL": s.redis_route or s.redis_url,
                "CACHE_KEY_PREFIX": "topology",
                "PYTHONPATH": str(REPO),
                # nginx is the one hop in front: its X-Forwarded-For names the client.
                "TRUSTED_PROXIES": "127.0.0.1,::1",
                "THROTTLE_NUM_PROXIES": "1",
                "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
            }
        )
        env.update(s.env)
        env.update(overrides)
        return env

    def max_body_bytes(self) -> str:
        if self._max_body_bytes is None:  # one Django start-up, not one per nginx reload
            self._max_body_bytes = setting(self.app_env(), "REQUEST_MAX_BODY_BYTES")
        return self._max_body_bytes

    def render_nginx(self) -> Path:
        s = self.settings
        self.nginx_prefix.mkdir(parents=True, exist_ok=True)
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.nginx_prefix / name).mkdir(exist_ok=True)
        upstreams = " ".join(f"server 127.0.0.1:{port} max_fails=1 fail_timeout=2s;" for port in s.api_ports)
        api = render(
            (NGINX_TEMPLATES / "api.conf.template").read_text(),
            {
                "API_UPSTREAM_SERVERS": upstreams,
                "NGINX_LISTEN": f"127.0.0.1:{s.nginx_port}",
                "REQUEST_MAX_BODY_BYTES": self.max_body_bytes(),
                "NGINX_ERRORS_DIR": str(NGINX_TEMPLATES / "errors"),
                "NGINX_PROXY_READ_TIMEOUT": s.nginx_proxy_read_timeout,
                "NGINX_ACCESS_LOG": str(self.nginx_prefix / "access.log"),
            },
        )
        (self.nginx_prefix / "api.conf").write_text(api)
        main = render(
            (NGINX_TEMPLATES / "local.conf.template").read_text(), {"NGINX_PREFIX": str(self.nginx_prefix)}
        )
        path = self.nginx_prefix / "nginx.conf"
        path.write_text(main)
        return path

    # --- processes ----------------------------------------------------------------------------------------

    def _pidfile(self, name: str) -> Path:
        return self.root / f"{name}.pid"

    def spawn(self, name: str, command: list[str], env: dict[str, str] | None = None) -> int:
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / f"{name}.log").open("ab") as log:
            process = subprocess.Popen(
                command,
                cwd=REPO,
                env=env or self.app_env(),
                stdout=log,
                stderr=log,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group: stopping it stops its children
            )
        self._pidfile(name).write_text(str(process.pid))
        return process.pid

    def pid(self, name: str) -> int | None:
        try:
            pid = int(self._pidfile(name).read_text())
        except (OSError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        # Reap it if it is our own exited child (a zombie still answers kill 0).
        with contextlib.suppress(ChildProcessError):
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return None
        return pid

    def names(self) -> list[str]:
        s = self.settings
        names = [f"api{i}" for i in range(1, len(s.api_ports) + 1)]
        names += [f"worker{i}" for i in range(1, s.celery_workers + 1)]
        return names + (["beat"] if s.beat else []) + ["nginx"]

    def api_port(self, name: str) -> int:
        return self.settings.api_ports[int(name.removeprefix("api")) - 1]

    def start_api(self, name: str) -> int:
        port = self.api_port(name)
        env = self.app_env(
            GUNICORN_BIND=f"127.0.0.1:{port}",
            WEB_CONCURRENCY=str(self.settings.web_concurrency),
            PROMETHEUS_MULTIPROC_DIR=str(self.root / f"prometheus-{name}"),
        )
        return self.spawn(name, [PYTHON, "-m", "gunicorn", "--config", "server/config/gunicorn.conf.py"], env)

    def start_worker(self, name: str) -> int:
        command = [PYTHON, "-m", "celery", "-A", "server.config.celery", "worker", "--loglevel", "INFO"]
        command += ["--hostname", f"{name}@%h", "--concurrency", "2", "--without-gossip", "--without-mingle"]
        return self.spawn(name, command)

    def start_beat(self) -> int:
        command = [PYTHON, "-m", "celery", "-A", "server.config.celery", "beat", "--loglevel", "INFO"]
        command += ["--schedule", str(self.root / "celerybeat-schedule")]
        return self.spawn("beat", command)

    def start_nginx(self) -> int:
        config = self.render_nginx()
        subprocess.run([NGINX, "-t", "-q", "-c", str(config), "-p", str(self.nginx_prefix)], check=True)
        return self.spawn("nginx", [NGINX, "-c", str(config), "-p", str(self.nginx_prefix)], dict(os.environ))

    def reload_nginx(self, *, down: tuple[int, ...] = ()) -> None:
        """Re-render nginx's upstreams, the ports in `down` taken out of rotation (rolling restarts)."""
        config_path = self.nginx_prefix / "api.conf"
        self.render_nginx()
        if down:
            text = config_path.read_text()
            for port in down:
                text = text.replace(f"server 127.0.0.1:{port} ", f"server 127.0.0.1:{port} down ")
            config_path.write_text(text)
        pid = self.pid("nginx")
        if pid is None:
            raise RuntimeError("nginx is not running")
        os.kill(pid, signal.SIGHUP)
        time.sleep(0.5)  # new nginx workers take over; old ones finish what they hold

    def prepare_database(self, *, recreate: bool = False) -> None:
        import psycopg

        url = self.settings.database_url
        parts = urlsplit(url)
        name = parts.path.strip("/")
        admin = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
            if recreate and exists:
                conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            if recreate or not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
        env = self.app_env(DATABASE_URL=url)
        manage = [PYTHON, "server/manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], cwd=REPO, env=env, check=True)
        subprocess.run([*manage, "collectstatic", "--noinput", "-v", "0"], cwd=REPO, env=env, check=True)

    def start(self, *, recreate_database: bool = False, timeout: float = 90) -> None:
        running = [name for name in self.names() if self.pid(name)]
        if running:
            raise RuntimeError(f"already running: {running} (python -m reliability.topology stop)")
        self.root.mkdir(parents=True, exist_ok=True)
        self.prepare_database(recreate=recreate_database)
        try:
            for name in self.names():
                if name.startswith("api"):
                    self.start_api(name)
                elif name.startswith("worker"):
                    self.start_worker(name)
                elif name == "beat":
                    self.start_beat()
            self.start_nginx()
            self.wait_ready(timeout=timeout)
        except BaseException:
            self.stop()
            raise

    def wait_api(self, name: str, timeout: float = 60) -> None:
        url = f"http://127.0.0.1:{self.api_port(name)}/health/ready"
        self._wait(lambda: ping(url) == 200, timeout, f"{name} ready")

    def wait_ready(self, timeout: float = 90) -> None:
        for name in self.names():
            if name.startswith("api"):
                self.wait_api(name, timeout)
        self._wait(lambda: ping(f"{self.settings.base_url}/health/ready") == 200, timeout, "nginx")

    def _wait(self, check: object, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not check():  # type: ignore[operator]
            dead = [name for name in self.names() if self._pidfile(name).exists() and not self.pid(name)]
            if dead:
                raise RuntimeError(
                    f"{', '.join(dead)} exited; see {self.root}/<name>.log\n{self.tail(dead[0])}"
                )
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what}")
            time.sleep(0.2)

    def tail(self, name: str, chars: int = 3000) -> str:
        path = self.root / f"{name}.log"
        return path.read_text(errors="replace")[-chars:] if path.exists() else ""

    def signal(self, name: str, signum: int, *, group: bool = True) -> None:
        pid = self.pid(name)
        if pid is None:
            raise RuntimeError(f"{name} is not running")
        (os.killpg if group else os.kill)(pid, signum)

    def stop_one(self, name: str, timeout: float = 35) -> None:
        pid = self.pid(name)
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGQUIT if name == "nginx" else signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while self.pid(name) and time.monotonic() < deadline:
                time.sleep(0.1)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)  # the group: children left behind by a killed leader too
            while self.pid(name):
                time.sleep(0.05)
        self._pidfile(name).unlink(missing_ok=True)

    def stop(self) -> None:
        # nginx first (no new requests), then the instances, workers and beat.
        for name in ["nginx", *[n for n in self.names() if n != "nginx"]]:
            self.stop_one(name)

    def status(self) -> dict[str, int | None]:
        return {name: self.pid(name) for name in self.names()}


@contextlib.contextmanager
def running(settings: Settings, *, recreate_database: bool = True) -> Iterator[Topology]:
    topology = Topology(settings)
    topology.start(recreate_database=recreate_database)
    try:
        yield topology
    finally:
        topology.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reliability.topology", description=__doc__.split("\n")[0]
    )
    parser.add_argument("command", choices=["start", "stop", "status"])
    args = parser.parse_args(argv)
    topology = Topology()
    if args.command == "start":
        topology.start()
        s = topology.settings
        print(f"  API through nginx: {s.base_url}/api/v1   docs: {s.base_url}/api/docs")
        print(
            f"  instances: {', '.join(f'127.0.0.1:{port}' for port in s.api_ports)}   logs: {topology.root}/"
        )
        print("  stop: make topology-stop")
    elif args.command == "stop":
        topology.stop()
    else:
        print(json.dumps(topology.status(), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
