"""API keys: the secret is shown once and only its hash is stored; keys authenticate via X-API-Key until
revoked or expired; only their owner sees or revokes them."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from server.apps.accounts.models import ApiKey
from server.common.testing import ContractClient, client_for, user_make

from .support import assert_created, assert_problem, iso, parse_ts, walk_backward, walk_forward

pytestmark = pytest.mark.django_db

SECRET = re.compile(r"^pm_([A-Za-z0-9]{8})_[A-Za-z0-9_-]+$")


def _key_client(secret: str) -> ContractClient:
    client = ContractClient()
    client.credentials(HTTP_X_API_KEY=secret)
    return client


def _create(client: ContractClient, name: str = "CI", **extra: Any) -> dict[str, Any]:
    response = client.send("POST", "/api-keys", {"name": name, **extra})
    assert response.status_code == 201, response.content
    body: dict[str, Any] = response.json()
    return body


# --- create ----------------------------------------------------------------------------------------------


def test_create_shows_the_secret_once_and_stores_only_its_hash(client: ContractClient, user: Any) -> None:
    response = client.send("POST", "/api-keys", {"name": "CI pipeline"})

    body = assert_created(response, f"/api/v1/api-keys/{response.json()['id']}")
    assert set(body) == {"id", "name", "prefix", "created_at", "last_used_at", "expires_at", "secret"}
    assert body["name"] == "CI pipeline"
    assert body["last_used_at"] is None
    assert body["expires_at"] is None
    match = SECRET.match(body["secret"])
    assert match is not None
    assert match.group(1) == body["prefix"]

    stored = ApiKey.objects.get(pk=body["id"])
    assert stored.user == user
    assert stored.prefix == body["prefix"]
    assert stored.secret_hash == hashlib.sha256(body["secret"].encode()).hexdigest()
    random_part = body["secret"].split("_", 2)[2]
    for value in ApiKey.objects.filter(pk=body["id"]).values_list().get():
        assert random_part not in str(value)
    assert iso(stored.created_at) == body["created_at"]


def test_every_key_gets_its_own_secret_and_prefix(client: ContractClient) -> None:
    keys = [_create(client, f"key {n}") for n in range(5)]
    assert len({k["secret"] for k in keys}) == 5
    assert len({k["prefix"] for k in keys}) == 5


def test_create_with_an_expiry(client: ContractClient) -> None:
    expires = (timezone.now() + timedelta(days=30)).replace(microsecond=0)
    body = _create(client, expires_at=expires.isoformat().replace("+00:00", "Z"))
    assert parse_ts(body["expires_at"]) == expires
    assert ApiKey.objects.get(pk=body["id"]).expires_at == expires


def test_an_expiry_with_an_offset_is_returned_in_utc(client: ContractClient) -> None:
    body = _create(client, expires_at="2030-01-01T02:00:00+02:00")
    assert body["expires_at"] == "2030-01-01T00:00:00Z"
    listed = client.send("GET", "/api-keys").json()["items"][0]
    assert listed == {k: v for k, v in body.items() if k != "secret"}


@pytest.mark.parametrize(
    "expires_at", ["2030-01-01t00:00:00z", "2030-01-01T00:00:00z", "2030-01-01t00:00:00Z"]
)
def test_every_rfc3339_spelling_of_an_expiry_is_accepted(client: ContractClient, expires_at: str) -> None:
    """RFC 3339 allows a lower-case `t` and `z` (section 5.6), and so does the `date-time` format."""
    body = _create(client, expires_at=expires_at)
    assert body["expires_at"] == "2030-01-01T00:00:00Z"


def test_create_with_a_null_expiry_never_expires(client: ContractClient) -> None:
    body = _create(client, expires_at=None)
    assert body["expires_at"] is None


@pytest.mark.parametrize(
    "expires_at",
    [
        pytest.param(lambda now: now - timedelta(days=1), id="yesterday"),
        pytest.param(lambda now: now - timedelta(seconds=1), id="a-second-ago"),
        pytest.param(lambda now: now.replace(year=2000), id="long-ago"),
    ],
)
def test_an_expiry_in_the_past_is_422(client: ContractClient, expires_at: Any) -> None:
    value = expires_at(timezone.now()).isoformat()
    response = client.send("POST", "/api-keys", {"name": "CI", "expires_at": value})
    problem = assert_problem(response, 422, "expires_in_past")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("/expires_at", "expires_in_past")]
    assert not ApiKey.objects.exists()


@pytest.mark.parametrize(
    "body, errors",
    [
        ({}, [("/name", "required")]),
        ({"name": ""}, [("/name", "minLength")]),
        ({"name": "x" * 101}, [("/name", "maxLength")]),
        ({"name": "CI", "expires_at": "tomorrow"}, [("/expires_at", "format")]),
        ({"name": "CI", "expires_at": "2030-01-01"}, [("/expires_at", "format")]),
        ({"name": "CI", "expires_at": "2030-01-01T00:00:00"}, [("/expires_at", "format")]),
        ({"name": "CI", "expires_at": "2030-01-01 00:00:00Z"}, [("/expires_at", "format")]),
    ],
)
def test_create_validates_the_body(client: ContractClient, body: Any, errors: list[tuple[str, str]]) -> None:
    problem = assert_problem(client.send("POST", "/api-keys", body), 400, "validation_error")
    assert sorted((e["pointer"], e["code"]) for e in problem["errors"]) == errors
    assert not ApiKey.objects.exists()


def test_api_keys_need_authentication() -> None:
    anon = ContractClient()
    assert_problem(anon.send("GET", "/api-keys"), 401, "not_authenticated")
    assert_problem(anon.send("POST", "/api-keys", {"name": "CI"}), 401, "not_authenticated")
    assert_problem(anon.send("DELETE", "/api-keys/1"), 401, "not_authenticated")
    assert not ApiKey.objects.exists()


# --- list ------------------------------------------------------------------------------------------------


def test_list_shows_own_active_keys_newest_first_without_secrets(client: ContractClient) -> None:
    first, second, third = (_create(client, name) for name in ("first", "second", "third"))
    client.send("DELETE", f"/api-keys/{second['id']}")
    _create(client_for(user_make("someone")), "not mine")

    response = client.send("GET", "/api-keys")

    assert response.status_code == 200
    body = response.json()
    assert [item["id"] for item in body["items"]] == [third["id"], first["id"]]
    assert body["next"] is None and body["previous"] is None
    for item in body["items"]:
        assert set(item) == {"id", "name", "prefix", "created_at", "last_used_at", "expires_at"}
    assert body["items"][1] == {k: v for k, v in first.items() if k != "secret"}


def test_list_keeps_expired_keys_visible_so_they_can_be_revoked(client: ContractClient) -> None:
    key = _create(client)
    ApiKey.objects.filter(pk=key["id"]).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert [item["id"] for item in client.send("GET", "/api-keys").json()["items"]] == [key["id"]]
    assert client.send("DELETE", f"/api-keys/{key['id']}").status_code == 204


def test_list_paginates_newest_first(client: ContractClient, user: Any) -> None:
    now = timezone.now()
    # Two keys share each creation time: ties are broken by id, in the same direction.
    for n in range(7):
        ApiKey.objects.create(
            user=user,
            name=f"k{n}",
            prefix=f"prefix0{n}",
            secret_hash="0" * 64,
            created_at=now - timedelta(hours=n // 2),
        )
    expected = [k.pk for k in sorted(ApiKey.objects.all(), key=lambda k: (k.created_at, k.pk), reverse=True)]

    pages = walk_forward(client, "/api-keys?page_size=3")

    assert [len(p["items"]) for p in pages] == [3, 3, 1]
    assert [item["id"] for page in pages for item in page["items"]] == expected
    assert walk_backward(client, pages[-1]) == pages


# --- authenticating with a key ---------------------------------------------------------------------------


def test_a_key_authenticates_as_its_owner_and_records_its_use(client: ContractClient, user: Any) -> None:
    key = _create(client)

    response = _key_client(key["secret"]).send("GET", "/users/me")

    assert response.status_code == 200
    assert response.json()["id"] == user.pk
    listed = client.send("GET", "/api-keys").json()["items"][0]
    assert listed["last_used_at"] is not None
    assert parse_ts(listed["last_used_at"]) >= parse_ts(key["created_at"])


def test_a_key_works_for_writes_too(client: ContractClient) -> None:
    key = _create(client)
    response = _key_client(key["secret"]).send("POST", "/projects", {"name": "Via key"})
    assert response.status_code == 201
    assert response.json()["role"] == "owner"


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(
            lambda secret: secret[:-1] + ("A" if secret[-1] != "A" else "B"), id="wrong-random-part"
        ),
        pytest.param(lambda secret: "pm_ZZZZZZZZ_" + secret.split("_", 2)[2], id="unknown-prefix"),
        pytest.param(lambda secret: secret.split("_", 2)[2], id="random-part-only"),
        pytest.param(lambda secret: "garbage", id="garbage"),
        pytest.param(lambda secret: "pm__", id="empty-parts"),
    ],
)
def test_a_wrong_key_is_401_authentication_failed(client: ContractClient, tamper: Any) -> None:
    key = _create(client)
    response = _key_client(tamper(key["secret"])).send("GET", "/users/me")
    assert_problem(response, 401, "authentication_failed")


def test_a_revoked_key_no_longer_authenticates(client: ContractClient) -> None:
    key = _create(client)
    key_client = _key_client(key["secret"])
    assert key_client.send("GET", "/users/me").status_code == 200

    assert client.send("DELETE", f"/api-keys/{key['id']}").status_code == 204

    assert_problem(key_client.send("GET", "/users/me"), 401, "authentication_failed")
    assert ApiKey.objects.get(pk=key["id"]).revoked_at is not None
    assert client.send("GET", "/api-keys").json()["items"] == []


def test_an_expired_key_is_refused(client: ContractClient) -> None:
    key = _create(client, expires_at=(timezone.now() + timedelta(hours=1)).isoformat())
    key_client = _key_client(key["secret"])
    assert key_client.send("GET", "/users/me").status_code == 200

    ApiKey.objects.filter(pk=key["id"]).update(expires_at=timezone.now() - timedelta(seconds=1))

    assert_problem(key_client.send("GET", "/users/me"), 401, "authentication_failed")


def test_the_key_of_a_deactivated_user_is_refused(client: ContractClient, user: Any) -> None:
    key = _create(client)
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert_problem(_key_client(key["secret"]).send("GET", "/users/me"), 401, "authentication_failed")


# --- revoke ----------------------------------------------------------------------------------------------


def test_revoke_twice_is_404(client: ContractClient) -> None:
    key = _create(client)
    assert client.send("DELETE", f"/api-keys/{key['id']}").status_code == 204
    assert_problem(client.send("DELETE", f"/api-keys/{key['id']}"), 404, "not_found")


def test_another_users_key_cannot_be_revoked(client: ContractClient) -> None:
    theirs = _create(client_for(user_make("mallory")))

    assert_problem(client.send("DELETE", f"/api-keys/{theirs['id']}"), 404, "not_found")

    assert ApiKey.objects.get(pk=theirs["id"]).revoked_at is None
    assert _key_client(theirs["secret"]).send("GET", "/users/me").json()["username"] == "mallory"


def test_revoking_an_unknown_key_is_404(client: ContractClient) -> None:
    assert_problem(client.send("DELETE", "/api-keys/999999"), 404, "not_found")


def test_revoke_validates_the_id(client: ContractClient) -> None:
    problem = assert_problem(client.send("DELETE", "/api-keys/abc"), 400, "validation_error")
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("api_key_id", "type")]
    problem = assert_problem(client.send("DELETE", "/api-keys/0"), 400, "validation_error")
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("api_key_id", "minimum")]


def test_list_validates_paging_parameters(client: ContractClient) -> None:
    problem = assert_problem(client.send("GET", "/api-keys?page_size=0"), 400, "validation_error")
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("page_size", "minimum")]
    _create(client)
    assert_problem(client.send("GET", "/api-keys?cursor=bogus"), 400, "invalid_cursor")
