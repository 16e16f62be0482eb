"""Settings for the benchmark servers: production, plus what a load test needs.

DEBUG off, any host, a fixed secret (so the bench script can mint JWTs the servers accept), the bench
database, Redis as the cache, and `bench.urls`: the real server under /api/v1 and the idiomatic-DRF baseline
under /baseline/api/v1. Throttling stays on, as in production (the contract promises RateLimit-* on every
answer), for every variant and the baseline alike, with rates no load test reaches.
BENCH_OPENAPI_CORE_MIDDLEWARE=1 adds openapi-core's Django middleware (the contract is then enforced by it;
turn ours off through the env).
"""

import os
import warnings

from bench import defaults

os.environ.setdefault("DJANGO_SECRET_KEY", defaults.SECRET_KEY)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "*")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench")
os.environ.setdefault("REDIS_URL", defaults.REDIS_URL)
os.environ.setdefault("JWT_ACCESS_MINUTES", str(7 * 24 * 60))
os.environ.setdefault("THROTTLE_RATE_ANON", defaults.THROTTLE_RATE)
os.environ.setdefault("THROTTLE_RATE_USER", defaults.THROTTLE_RATE)

from server.config.settings.production import *  # noqa: F403
from server.config.settings.production import MIDDLEWARE, env

# The bench serves no static files and collects none: keep WhiteNoise quiet about the missing var/static.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)

DEBUG = False
SECRET_KEY = defaults.SECRET_KEY
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.urls"

BENCH_OPENAPI_CORE_MIDDLEWARE = env.bool("BENCH_OPENAPI_CORE_MIDDLEWARE", default=False)
if BENCH_OPENAPI_CORE_MIDDLEWARE:
    import json

    from openapi_core import Config, OpenAPI

    from server.config.settings.production import CONTRACT_SPEC_PATH

    # openapi-core 0.23: the middleware takes its OpenAPI object from settings.OPENAPI. Unlike validation
    # alone (our reference engine), its unmarshalling refuses a `format` it has no formatter for
    # (openapi-core issue #515): `uri-reference` (Location, Problem.type) is accepted as any string, as both
    # of our engines do without a checker for it; problem+json is read as JSON, as our engine configures.
    OPENAPI = OpenAPI.from_file_path(
        str(CONTRACT_SPEC_PATH),
        config=Config(
            extra_format_validators={"uri-reference": lambda value: isinstance(value, str)},
            extra_media_type_deserializers={"application/problem+json": lambda value, **_: json.loads(value)},
        ),
    )
    MIDDLEWARE = [*MIDDLEWARE, "openapi_core.contrib.django.middlewares.DjangoOpenAPIMiddleware"]
