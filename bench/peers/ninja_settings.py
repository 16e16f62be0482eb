"""The bench's Django settings (bench/settings.py), serving the django-ninja peer's URLs instead of ours."""

from bench.settings import *  # noqa: F403

ROOT_URLCONF = "bench.peers.ninja_urls"
