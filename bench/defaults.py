"""The values every bench server shares: ours (bench/settings.py) and the peers (bench/peers/common.py)."""

SECRET_KEY = "bench-secret-key-not-for-production-0123456789abcdef"
REDIS_URL = "redis://127.0.0.1:6379/14"
# Throttling stays on, with a rate no load test reaches (see bench/settings.py).
THROTTLE_RATE = "1000000000/min"
