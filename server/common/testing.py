"""Reusable pieces for API tests: authenticated clients and a project with one member per role."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

API = "/api/v1"


class ContractClient(APIClient):
    """An APIClient that speaks JSON and returns parsed bodies as `.json()` on every response."""

    def send(self, method: str, path: str, body: Any = None, **extra: Any) -> Any:
        url = path if path.startswith("/") and path.startswith(API) else f"{API}{path}"
        kwargs: dict[str, Any] = dict(extra)
        if body is not None:
            kwargs.setdefault("data", json.dumps(body))
            kwargs.setdefault("content_type", "application/json")
        return getattr(self, method.lower())(url, **kwargs)


def user_make(username: str, *, is_staff: bool = False, password: str = "s3cret-Passw0rd!") -> Any:
    return get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.com",
        password=password,
        full_name=username.title(),
        is_staff=is_staff,
    )


def client_for(user: Any | None) -> ContractClient:
    client = ContractClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client


@dataclass
class ProjectWorld:
    """A project with an owner, a maintainer and a viewer, plus an outsider and a staff admin."""

    project: Any
    owner: Any
    maintainer: Any
    viewer: Any
    outsider: Any
    admin: Any

    def client(self, who: str) -> ContractClient:
        return client_for(None if who == "anonymous" else getattr(self, who))
