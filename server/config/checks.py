"""Checks of the deployment's own settings: which environment this is, and in production the secrets, hosts
and DEBUG. (Registered when imported; enforced at start-up by ServerConfig.ready: server.common.checks.)"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register

from server.common.checks import SETTINGS_TAG, SettingsCheck, one_of

DEPLOYMENTS = ("development", "test", "production")
# The development default in settings/base.py: it must never sign anything in production.
DEVELOPMENT_SECRET_KEY = "insecure-development-key-do-not-use-in-production"
# Django's own bar (check --deploy, security.W009): long and varied enough to be a secret.
SECRET_MIN_LENGTH = 50
SECRET_MIN_UNIQUE = 5


@register(SETTINGS_TAG)
def deployment(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    messages = one_of(
        "DEPLOYMENT",
        DEPLOYMENTS,
        id="config.E001",
        why="Set by the settings module (server.config.settings.<deployment>), not by hand.",
    )
    if not isinstance(settings.DEBUG, bool):
        messages.append(Error(f"DEBUG is {settings.DEBUG!r}; it must be True or False.", id="config.E002"))
    return messages


def _weak_secret(value: Any) -> str | None:
    if not isinstance(value, str) or not value:
        return "is empty"
    if value == DEVELOPMENT_SECRET_KEY or value.startswith("django-insecure"):
        return "is the development default"
    if len(value) < SECRET_MIN_LENGTH or len(set(value)) < SECRET_MIN_UNIQUE:
        return f"is under {SECRET_MIN_LENGTH} characters or has under {SECRET_MIN_UNIQUE} distinct ones"
    return None


@register(SETTINGS_TAG)
def production(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """In production: DEBUG off, real secrets, the host names this server answers for."""
    if getattr(settings, "DEPLOYMENT", None) != "production":
        return []
    messages: list[CheckMessage] = []
    if settings.DEBUG is not False:
        messages.append(
            Error(
                "DEBUG is on in production.", hint="Tracebacks and settings would be shown.", id="config.E010"
            )
        )
    secrets = {"SECRET_KEY": settings.SECRET_KEY}
    jwt_key = getattr(settings, "SIMPLE_JWT", {}).get("SIGNING_KEY")
    if jwt_key != settings.SECRET_KEY:
        secrets["SIMPLE_JWT['SIGNING_KEY']"] = jwt_key
    for name, value in secrets.items():
        weakness = _weak_secret(value)
        if weakness:
            messages.append(
                Error(
                    f"{name} {weakness}.",
                    hint="Anyone who knows it can forge tokens, cursors and signatures. Generate one with "
                    "`python -c 'import secrets; print(secrets.token_urlsafe(50))'` (DJANGO_SECRET_KEY, "
                    "JWT_SIGNING_KEY).",
                    id="config.E011",
                )
            )
    hosts = [host for host in settings.ALLOWED_HOSTS if isinstance(host, str) and host.strip()]
    if not hosts or len(hosts) != len(settings.ALLOWED_HOSTS):
        messages.append(
            Error(
                f"ALLOWED_HOSTS is {settings.ALLOWED_HOSTS!r}; production needs the host names it serves.",
                hint="DJANGO_ALLOWED_HOSTS, comma-separated.",
                id="config.E012",
            )
        )
    elif "*" in hosts:
        messages.append(
            Warning(
                "ALLOWED_HOSTS allows any host.",
                hint="Only behind a proxy that itself checks the Host header.",
                id="config.W013",
            )
        )
    return messages


CHECKS: tuple[SettingsCheck, ...] = (deployment, production)
