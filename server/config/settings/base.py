"""Settings shared by every environment; environment modules override what differs."""

from datetime import timedelta
from pathlib import Path

import environ
import orjson

REPO_ROOT = Path(__file__).resolve().parents[3]
SERVER_DIR = REPO_ROOT / "server"

env = environ.Env()

SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-development-key-do-not-use-in-production")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "server.contract",
    "server.apps.accounts",
    "server.apps.projects",
    "server.apps.tasks",
    "server.apps.comments",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "server.common.middleware.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "server.config.urls"
WSGI_APPLICATION = "server.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]

# SQLite is the embedded default so `make run` needs nothing installed; DATABASE_URL switches to PostgreSQL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{REPO_ROOT / 'var' / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="contractfirst"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# Serve app static files (Swagger UI, Redoc) straight from the packages; production collects them.
WHITENOISE_USE_FINDERS = True

# Bodies larger than this are refused with 413 before anything reads them.
REQUEST_MAX_BODY_BYTES = env.int("REQUEST_MAX_BODY_BYTES", default=1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = REQUEST_MAX_BODY_BYTES

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "server.apps.accounts.authentication.ApiKeyAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # orjson: the JSON encoder is on every response's hot path.
    "DEFAULT_RENDERER_CLASSES": ["drf_orjson_renderer.renderers.ORJSONRenderer"],
    "ORJSON_RENDERER_OPTIONS": (orjson.OPT_UTC_Z,),
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("THROTTLE_RATE_ANON", default="120/min"),
        "user": env("THROTTLE_RATE_USER", default="1200/min"),
        "register": env("THROTTLE_RATE_REGISTER", default="10/hour"),
        "auth": env("THROTTLE_RATE_AUTH", default="30/min"),
    },
    "EXCEPTION_HANDLER": "server.common.errors.problem_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # How the views describe themselves to drf-spectacular, for the drift check against the contract.
    "DEFAULT_SCHEMA_CLASS": "server.contract.spectacular.ContractAutoSchema",
    "COERCE_DECIMAL_TO_STRING": False,
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", default=15)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=7)),
    "AUTH_HEADER_TYPES": ("Bearer",),
    "SIGNING_KEY": env("JWT_SIGNING_KEY", default=SECRET_KEY),
    "UPDATE_LAST_LOGIN": False,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Project-management API",
    "VERSION": "1.0.0",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Request and response bodies as separate components, as the contract has them (TaskCreate vs Task).
    "COMPONENT_SPLIT_REQUEST": True,
    # PATCH bodies are described by their own serializers (which fields are optional is theirs to say).
    "COMPONENT_SPLIT_PATCH": False,
}

# The hand-authored contract every request and response is checked against.
CONTRACT_SPEC_PATH = Path(env("CONTRACT_SPEC_PATH", default=str(REPO_ROOT / "openapi" / "openapi.yaml")))
# Contract compiled into jsonschema-rs validators (fast); openapi-core's engine is the reference in tests.
CONTRACT_VALIDATION_ENGINE = env(
    "CONTRACT_VALIDATION_ENGINE", default="server.contract.validation.compiled_engine.CompiledEngine"
)
# "on": every request is validated before its view runs; "off" only for benchmarks measuring the cost.
CONTRACT_REQUEST_VALIDATION = env("CONTRACT_REQUEST_VALIDATION", default="on")
# "strict": a response that breaks the contract raises (development, tests); "log": it is logged; "off".
CONTRACT_RESPONSE_VALIDATION = env("CONTRACT_RESPONSE_VALIDATION", default="strict")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
