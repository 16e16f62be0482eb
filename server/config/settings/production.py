"""Production: secrets from the environment, DEBUG off, hardened transport settings."""

from .base import *  # noqa: F403
from .base import REPO_ROOT, env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
# Production enforcement moves to validators compiled from the contract; until then violations are logged.
CONTRACT_RESPONSE_VALIDATION = env("CONTRACT_RESPONSE_VALIDATION", default="log")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
STATIC_ROOT = REPO_ROOT / "var" / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
