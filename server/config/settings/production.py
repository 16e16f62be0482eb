"""Production: secrets from the environment, DEBUG off, hardened transport settings."""

from .base import *  # noqa: F403
from .base import REPO_ROOT, env

DEPLOYMENT = "production"
DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
# Production enforcement moves to validators compiled from the contract; until then violations are logged.
CONTRACT_RESPONSE_VALIDATION = env("CONTRACT_RESPONSE_VALIDATION", default="log")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
# HSTS on HTTPS responses (TLS ends at the proxy, which sets X-Forwarded-Proto); redirecting plain HTTP is
# left to that proxy unless DJANGO_SECURE_SSL_REDIRECT says otherwise (health probes often come over HTTP).
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=False)
SECURE_REDIRECT_EXEMPT = [r"^health/"]
# /metrics: only with METRICS_TOKEN (or explicitly METRICS_PUBLIC=true behind a private bind).
METRICS_PUBLIC = env.bool("METRICS_PUBLIC", default=False)
STATIC_ROOT = REPO_ROOT / "var" / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
