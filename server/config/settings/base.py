"""Settings shared by every environment; environment modules override what differs."""

import os
import tempfile
from datetime import timedelta
from importlib.util import find_spec
from pathlib import Path

import environ
from corsheaders.defaults import default_headers as cors_default_headers

from server.common.logs import configure as configure_logging
from server.common.wire import RENDER_OPTIONS

REPO_ROOT = Path(__file__).resolve().parents[3]
SERVER_DIR = REPO_ROOT / "server"

env = environ.Env()

# Which settings module this is (development, test, production): server.config.checks holds production to
# stricter rules (real secrets, DEBUG off, named hosts).
DEPLOYMENT = "development"

SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-development-key-do-not-use-in-production")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])

INSTALLED_APPS = [
    # First: its ready() checks the deployment's settings before any other app starts (server.config.checks).
    "server.config",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "server.contract",
    "server.apps.accounts",
    "server.apps.projects",
    "server.apps.tasks",
    "server.apps.comments",
    "server.apps.ops",
    "server.apps.idempotency",
    "server.apps.webhooks",
]

MIDDLEWARE = [
    # Outermost: request id, access log and metrics for every response, whoever produced it.
    "server.common.observability.ObservabilityMiddleware",
    # Every error Django answers itself (unknown path, bad Host, debug pages) leaves as problem+json.
    "server.common.middleware.ProblemResponseMiddleware",
    # X-Forwarded-* believed only from TRUSTED_PROXIES (server.common.proxies).
    "server.common.proxies.ForwardedHeadersMiddleware",
    # A stalled database costs a bounded wait and a 503, not a pinned worker.
    "server.common.db_deadline.DatabaseDeadlineMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "server.common.security.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "corsheaders.middleware.CorsMiddleware",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Bounds on every way PostgreSQL can keep a worker waiting (docs/operations.md, "Timeouts"): connecting
    # (libpq connect_timeout); a peer that vanished without a reset (TCP keepalives, and tcp_user_timeout for
    # data sent but never acknowledged); a query that runs too long (statement_timeout, server side); and a
    # server that accepts bytes but never answers (DATABASE_REQUEST_DEADLINE, server.common.db_deadline).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": env.int("DATABASE_CONNECT_TIMEOUT", default=3),
            "keepalives": 1,
            "keepalives_idle": env.int("DATABASE_KEEPALIVES_IDLE", default=10),
            "keepalives_interval": 2,
            "keepalives_count": 3,
            "tcp_user_timeout": env.int("DATABASE_TCP_USER_TIMEOUT_MS", default=10_000),
            "options": f"-c statement_timeout={env.int('DATABASE_STATEMENT_TIMEOUT_MS', default=5_000)}",
        }
    )
if env("DJANGO_SERVER_INTERFACE", default="wsgi") == "asgi":
    # Under ASGI each request's sync code runs in a thread of its own (server/config/asgi.py): a persistent
    # connection would be one new, never-closed connection per request. Connections last one request there,
    # from psycopg's pool (`psycopg[pool]`, a dependency), at most DATABASE_POOL_MAX_SIZE.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and find_spec("psycopg_pool"):
        DATABASES["default"]["OPTIONS"]["pool"] = {
            "min_size": 1,
            "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=10),
        }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers queue for the write lock instead of failing with "database is locked": every
    # transaction takes it up front (BEGIN IMMEDIATE) and waits up to `timeout` seconds for it; WAL lets
    # readers run alongside the writer. (Idempotency claims and If-Match writes rely on it.)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
    # Tests use a file too (not the shared-cache in-memory database, whose locks do not wait); one per
    # process, so that concurrent test runs never share one.
    DATABASES["default"].setdefault("TEST", {}).setdefault(
        "NAME", str(Path(tempfile.gettempdir()) / f"contractfirst-test-{os.getpid()}.sqlite3")
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="contractfirst"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # Redis down: fail fast (503) rather than hang; redis-py reconnects when it is back.
                "SOCKET_CONNECT_TIMEOUT": env.float("REDIS_CONNECT_TIMEOUT", default=1.0),
                "SOCKET_TIMEOUT": env.float("REDIS_SOCKET_TIMEOUT", default=1.0),
                # A stalled Redis: one timeout per REDIS_BREAKER_SECONDS per process, then 503 at once
                # (server.common.breaker; throttling fails closed).
                "CONNECTION_POOL_CLASS": "server.common.breaker.BreakerConnectionPool",
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

REDIS_BREAKER_SECONDS = env.float("REDIS_BREAKER_SECONDS", default=5.0)
# A request's database work is cut off after this many seconds (503; server.common.db_deadline): under
# gunicorn's GUNICORN_TIMEOUT, so a stalled database costs a 503 rather than a killed worker. 0 turns it off.
DATABASE_REQUEST_DEADLINE = env.float("DATABASE_REQUEST_DEADLINE", default=10.0)
# /health/ready answers within this many seconds whatever hangs (server.apps.ops.services).
HEALTH_PROBE_TIMEOUT = env.float("HEALTH_PROBE_TIMEOUT", default=0.8)

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
# JSON bodies nested deeper than this are a 400 malformed_json (server.contract.validation.json_body): a limit
# below those of every parser and validator behind it (jsonschema-rs stops at 255).
REQUEST_MAX_JSON_DEPTH = env.int("REQUEST_MAX_JSON_DEPTH", default=32)

# The reverse proxies whose X-Forwarded-* headers are believed (addresses or networks); from anyone else
# those headers are dropped (server.common.proxies). Loopback by default: nginx on the same host.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "server.apps.accounts.authentication.JWTAuthentication",
        "server.apps.accounts.authentication.ApiKeyAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # orjson: the JSON encoder is on every response's hot path.
    "DEFAULT_RENDERER_CLASSES": ["drf_orjson_renderer.renderers.ORJSONRenderer"],
    "ORJSON_RENDERER_OPTIONS": (RENDER_OPTIONS,),
    "DEFAULT_PARSER_CLASSES": ["server.contract.validation.json_body.DepthLimitedJSONParser"],
    "DEFAULT_THROTTLE_CLASSES": [
        # DRF's scopes and rates on atomic counters shared through the cache (Redis when configured).
        "server.common.throttling.AnonRateThrottle",
        "server.common.throttling.UserRateThrottle",
    ],
    # Anonymous clients are told apart by address: X-Forwarded-For is trusted only through this many proxies
    # (DRF's default, None, takes the header as sent, so a client could pick a fresh identity per request),
    # and only when it came from one of TRUSTED_PROXIES. Behind the topology's nginx: 1.
    "NUM_PROXIES": env.int("THROTTLE_NUM_PROXIES", default=0),
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("THROTTLE_RATE_ANON", default="120/min"),
        "user": env("THROTTLE_RATE_USER", default="1200/min"),
        "register": env("THROTTLE_RATE_REGISTER", default="10/hour"),
        "auth": env("THROTTLE_RATE_AUTH", default="30/min"),
        # Failed authentications: bad API keys, access and refresh tokens per client address; wrong passwords
        # per account. Past the budget, 429 (server.common.throttling.FailureBudget).
        "auth_failures": env("THROTTLE_RATE_AUTH_FAILURES", default="20/min"),
        "password_failures": env("THROTTLE_RATE_PASSWORD_FAILURES", default="10/hour"),
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
    "TOKEN_USER_CLASS": "server.apps.accounts.authentication.TokenCaller",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Project-management API",
    "VERSION": "1.0.0",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Request and response bodies as separate components, as the contract has them (TaskCreate vs Task).
    "COMPONENT_SPLIT_REQUEST": True,
    # A second route of a contract operation (the root health probes) is not a second operation.
    "PREPROCESSING_HOOKS": ["server.contract.spectacular.drop_operation_aliases"],
    # The contract drives Idempotency-Key; the idempotency app describes what it accepts and replays.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "server.apps.idempotency.schema.document_keys",
    ],
    # PATCH bodies are described by their own serializers (which fields are optional is theirs to say).
    "COMPONENT_SPLIT_PATCH": False,
    # The health probes' enums, named as the contract names them (server.apps.ops.schema).
    "ENUM_NAME_OVERRIDES": {
        "CheckResult": ["ok", "unavailable"],
        "HealthStatus": ["ok"],
        "TaskStatus": "server.apps.tasks.models.TaskStatus",
    },
}

# Idempotency-Key on create operations: how long a key (and the response stored for it) is kept, and how
# long the first request's claim holds before another worker may take it over (server.apps.idempotency).
IDEMPOTENCY_KEY_TTL = env.int("IDEMPOTENCY_KEY_TTL", default=24 * 60 * 60)
IDEMPOTENCY_LOCK_TIMEOUT = env.int("IDEMPOTENCY_LOCK_TIMEOUT", default=60)

# The hand-authored contract every request and response is checked against.
CONTRACT_SPEC_PATH = Path(env("CONTRACT_SPEC_PATH", default=str(REPO_ROOT / "openapi" / "openapi.yaml")))
# Contract compiled into jsonschema-rs validators (fast); openapi-core's engine is the reference in tests.
CONTRACT_VALIDATION_ENGINE = env(
    "CONTRACT_VALIDATION_ENGINE", default="server.contract.validation.compiled_engine.CompiledEngine"
)
# "on": every request is validated before its view runs; "off" only for benchmarks measuring the cost. Any
# other value (`true`, `ON`) stops start-up (server.contract.checks).
CONTRACT_REQUEST_VALIDATION = env("CONTRACT_REQUEST_VALIDATION", default="on")
# "strict": a response that breaks the contract raises (development, tests); "log": it is logged; "off".
CONTRACT_RESPONSE_VALIDATION = env("CONTRACT_RESPONSE_VALIDATION", default="strict")

# Structured logs (structlog): one JSON object per line, one access line per request (server.common.logs).
LOGGING = configure_logging(
    level=env("LOG_LEVEL", default="INFO"), log_format=env("LOG_FORMAT", default="json")
)

# --- operations: security headers, CORS, metrics ------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = env("DJANGO_REFERRER_POLICY", default="same-origin")
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Swagger UI at /api/docs loads its start-up script as a file (SpectacularSwaggerSplitView), so scripts need
# no 'unsafe-inline'; its stylesheet has inline styles, and its icons are data: URIs.
CONTENT_SECURITY_POLICY = env(
    "CONTENT_SECURITY_POLICY",
    default="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'",
)

# CORS (django-cors-headers): no origin is allowed unless listed; browsers may read the headers clients need.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_ALLOW_CREDENTIALS = False  # bearer tokens and API keys are headers, not cookies
CORS_ALLOW_HEADERS = (
    *cors_default_headers,
    "x-api-key",
    "x-request-id",
    "idempotency-key",
    "if-match",
    "if-none-match",
)
CORS_EXPOSE_HEADERS = [
    "ETag",
    "Location",
    "Retry-After",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "X-Request-ID",
    "Idempotent-Replayed",
]
CORS_PREFLIGHT_MAX_AGE = env.int("CORS_PREFLIGHT_MAX_AGE", default=600)

# Prometheus at /metrics: with METRICS_TOKEN it takes `Authorization: Bearer <token>`; without one it is
# open where METRICS_PUBLIC is on (development, tests) and not served at all otherwise (production).
METRICS_TOKEN = env("METRICS_TOKEN", default="")
METRICS_PUBLIC = env.bool("METRICS_PUBLIC", default=True)

# --- outgoing webhooks (server.apps.webhooks) ---------------------------------------------------------------

# Celery delivers them. With a broker (CELERY_BROKER_URL, else REDIS_URL) a worker does:
#   celery -A server.config.celery worker
# Without one (the embedded default) tasks run eagerly, in-process, after the commit that recorded the event.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True  # a task whose worker dies mid-delivery is redelivered by the broker
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
}
# Deployments (or test runs) sharing one Redis database keep their queues apart by a prefix on each broker key
# (kombu's global_keyprefix): a worker never takes another deployment's tasks.
if CELERY_BROKER_KEY_PREFIX := env("CELERY_BROKER_KEY_PREFIX", default=""):
    CELERY_BROKER_TRANSPORT_OPTIONS["global_keyprefix"] = CELERY_BROKER_KEY_PREFIX
CELERY_BEAT_SCHEDULE = {
    "deliver-pending-webhooks": {
        "task": "server.apps.webhooks.tasks.sweep_pending",
        "schedule": env.float("WEBHOOKS_SWEEP_SECONDS", default=30.0),
    }
}

# https only, unless plain http is allowed (development and tests).
WEBHOOKS_ALLOW_HTTP = env.bool("WEBHOOKS_ALLOW_HTTP", default=False)
# Private, loopback, link-local, multicast and reserved targets are refused unless allowed here: all of them
# (WEBHOOKS_ALLOW_PRIVATE), or these host names / addresses only (WEBHOOKS_ALLOWED_HOSTS).
WEBHOOKS_ALLOW_PRIVATE = env.bool("WEBHOOKS_ALLOW_PRIVATE", default=False)
WEBHOOKS_ALLOWED_HOSTS = env.list("WEBHOOKS_ALLOWED_HOSTS", default=[])
WEBHOOKS_TIMEOUT = env.float("WEBHOOKS_TIMEOUT", default=5.0)  # seconds per attempt (connect + response)
WEBHOOKS_MAX_ATTEMPTS = env.int("WEBHOOKS_MAX_ATTEMPTS", default=6)
WEBHOOKS_BACKOFF_BASE = env.float("WEBHOOKS_BACKOFF_BASE", default=10.0)  # seconds; doubled per attempt
WEBHOOKS_BACKOFF_MAX = env.float("WEBHOOKS_BACKOFF_MAX", default=3600.0)
# Deliveries in a row that failed every attempt before the subscription is disabled.
WEBHOOKS_DISABLE_AFTER = env.int("WEBHOOKS_DISABLE_AFTER", default=5)
# How long a worker holds a delivery it is attempting; after that the sweep hands it to another worker.
WEBHOOKS_LEASE_SECONDS = env.int("WEBHOOKS_LEASE_SECONDS", default=60)
