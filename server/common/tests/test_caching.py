"""Cache-Control and Vary as the contract declares them, and no response ever served to another caller."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from server.common.testing import ProjectWorld, client_for, user_make

PRIVATE = "private, no-cache"


def _vary(response: Any) -> set[str]:
    return {item.strip().lower() for item in response["Vary"].split(",")}


def test_authenticated_reads_are_private_and_vary_on_credentials(world: ProjectWorld) -> None:
    owner = world.client("owner")
    task = owner.send("POST", f"/projects/{world.project.pk}/tasks", {"title": "T"})
    for path in (
        "/projects",
        f"/projects/{world.project.pk}",
        f"/projects/{world.project.pk}/members",
        f"/projects/{world.project.pk}/tasks",
        task["Location"],
        f"{task['Location']}/comments",
        "/users/me",
        "/api-keys",
    ):
        response = owner.send("GET", path)
        assert response.status_code == 200, path
        assert response["Cache-Control"] == PRIVATE, path
        assert {"authorization", "x-api-key"} <= _vary(response), path


def test_credentials_and_secrets_are_never_stored(db: Any) -> None:
    user_make("tess", password="s3cret-Passw0rd!")
    anon = client_for(None)
    token = anon.send("POST", "/auth/token", {"username": "tess", "password": "s3cret-Passw0rd!"})
    assert token.status_code == 200 and token["Cache-Control"] == "no-store"
    refreshed = anon.send("POST", "/auth/token/refresh", {"refresh": token.json()["refresh"]})
    assert refreshed.status_code == 200 and refreshed["Cache-Control"] == "no-store"
    tess = client_for(None)
    tess.credentials(HTTP_AUTHORIZATION=f"Bearer {token.json()['access']}")
    key = tess.send("POST", "/api-keys", {"name": "ci"})
    assert key.status_code == 201 and key["Cache-Control"] == "no-store"
    registered = anon.send(
        "POST", "/users", {"username": "newbie", "email": "n@example.com", "password": "Zx-long-enough-1"}
    )
    assert registered.status_code == 201 and registered["Cache-Control"] == "no-store"


SHARED_CACHE_MIDDLEWARE = [
    "django.middleware.cache.UpdateCacheMiddleware",
    *settings.MIDDLEWARE,
    "django.middleware.cache.FetchFromCacheMiddleware",
]


@pytest.mark.parametrize("path", ["/users/me", "/projects", "PROJECT"])
def test_a_shared_server_side_cache_never_serves_one_users_response_to_another(
    world: ProjectWorld, path: str
) -> None:
    """Django's cache middleware (on the configured backend: Redis when REDIS_URL is set) in front of the
    API, as a shared cache would be: each caller still gets their own data, and nothing is stored."""
    path = f"/projects/{world.project.pk}" if path == "PROJECT" else path
    cache.clear()
    with override_settings(
        MIDDLEWARE=SHARED_CACHE_MIDDLEWARE, CACHE_MIDDLEWARE_SECONDS=300, CACHE_MIDDLEWARE_KEY_PREFIX="leak"
    ):
        seen: dict[str, bytes] = {}
        for who in ("owner", "viewer", "owner", "viewer", "maintainer"):
            response = world.client(who).send("GET", path)
            assert response.status_code == 200
            body = response.json()
            if path == "/users/me":
                assert body["username"] == getattr(world, who).username
            elif path == "/projects":
                assert [item["role"] for item in body["items"]] == [who]
            else:
                assert body["role"] == who
            seen.setdefault(who, response.content)
            assert response.content == seen[who]
        stored = [key for key in _cache_keys() if "leak" in key]
        assert stored == [], stored


def _cache_keys() -> list[str]:
    backend: Any = cache
    if hasattr(backend, "_cache") and isinstance(backend._cache, dict):  # local memory
        return [str(key) for key in backend._cache]
    return [key.decode() if isinstance(key, bytes) else str(key) for key in backend.keys("*")]  # django-redis
