"""The serving-model rows (BENCH_SERVING=1): our server under gunicorn sync, gthread and uvicorn (ASGI),
each directly and behind nginx when nginx is installed (deploy/nginx/api.conf.template, as production)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "deploy" / "nginx"
# (name, how our server is served, the application), each also behind nginx.
MODELS = (
    ("sync", "gunicorn", "server.config.wsgi:application"),
    ("gthread", "gthread", "server.config.wsgi:application"),
    ("asgi", "uvicorn", "server.config.asgi:application"),
)


def nginx() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def start_nginx(name: str, port: int, upstream_port: int, cpu: str) -> subprocess.Popen[bytes]:
    """nginx on `port` in front of 127.0.0.1:`upstream_port`, one worker on the server's CPU, its files under
    bench/results/nginx/<name>/."""
    binary = nginx()
    if binary is None:
        raise SystemExit("nginx is not installed")
    prefix = REPO / "bench" / "results" / "nginx" / name
    for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    from django.conf import settings

    from reliability.topology import render  # the template renderer production's topology uses

    api = render(
        (TEMPLATES / "api.conf.template").read_text(),
        {
            "API_UPSTREAM_SERVERS": f"server 127.0.0.1:{upstream_port};",
            "NGINX_LISTEN": f"127.0.0.1:{port}",
            "REQUEST_MAX_BODY_BYTES": str(settings.REQUEST_MAX_BODY_BYTES),
            "NGINX_ERRORS_DIR": str(TEMPLATES / "errors"),
            "NGINX_PROXY_READ_TIMEOUT": "60s",
            "NGINX_ACCESS_LOG": str(prefix / "access.log"),
        },
    )
    (prefix / "api.conf").write_text(api)
    main = render((TEMPLATES / "local.conf.template").read_text(), {"NGINX_PREFIX": str(prefix)})
    config = prefix / "nginx.conf"
    config.write_text(main)
    subprocess.run([binary, "-t", "-q", "-c", str(config), "-p", str(prefix)], check=True)
    log = (prefix / "nginx.out").open("wb")
    return subprocess.Popen(
        ["taskset", "-c", cpu, binary, "-c", str(config), "-p", str(prefix)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
