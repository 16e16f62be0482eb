"""The bench's task endpoints as users of other stacks write them (see bench/README.md, "Peers").

fastapi_core  FastAPI, Pydantic v2 models, SQLAlchemy 2 Core on asyncpg, served by uvicorn
fastapi_orm   the same on SQLAlchemy 2's async ORM
ninja_api     django-ninja on the bench's Django settings, served by gunicorn as ours is

Each answers the same JSON, statuses and RateLimit-* headers as our endpoints for the bench's requests
(bench/tests/test_peers.py), with the same JWT, membership rule, Redis counter and PostgreSQL data.
"""
