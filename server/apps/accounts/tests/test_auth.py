"""JWT: obtain a token pair, use the access token, refresh it; expired and garbage tokens are refused."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import jwt
import pytest
from django.conf import settings
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from server.common.testing import ContractClient, client_for, user_make

from .support import assert_problem

pytestmark = pytest.mark.django_db

PASSWORD = "s3cret-Passw0rd!"
FOREIGN_KEY = "a-signing-key-that-is-not-the-servers-0123456789"


def _bearer(token: Any) -> ContractClient:
    client = ContractClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def _obtain(username: str, password: str = PASSWORD) -> Any:
    return ContractClient().send("POST", "/auth/token", {"username": username, "password": password})


# --- obtain ----------------------------------------------------------------------------------------------


def test_obtain_returns_a_pair_whose_access_token_authenticates(user: Any) -> None:
    response = _obtain("uma")

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access", "refresh", "token_type", "expires_in"}
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == int(settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"].total_seconds())
    assert str(AccessToken(body["access"])["user_id"]) == str(user.pk)
    me = _bearer(body["access"]).send("GET", "/users/me")
    assert me.status_code == 200
    assert me.json()["id"] == user.pk


def test_usernames_are_case_insensitive_at_login(user: Any) -> None:
    response = _obtain("UMA")
    assert response.status_code == 200
    assert _bearer(response.json()["access"]).send("GET", "/users/me").json()["username"] == "uma"


@pytest.mark.parametrize(
    "username, password",
    [("uma", "wrong-password"), ("nobody", PASSWORD), ("uma", PASSWORD.upper())],
)
def test_wrong_credentials_are_401_invalid_credentials(user: Any, username: str, password: str) -> None:
    response = _obtain(username, password)
    assert_problem(response, 401, "invalid_credentials")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_an_inactive_account_cannot_obtain_tokens(user: Any) -> None:
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert_problem(_obtain("uma"), 401, "invalid_credentials")


@pytest.mark.parametrize(
    "body, errors",
    [
        ({"username": "uma"}, [("/password", "required")]),
        ({"password": PASSWORD}, [("/username", "required")]),
        ({"username": "", "password": ""}, [("/password", "minLength"), ("/username", "minLength")]),
        ({"username": 7, "password": PASSWORD}, [("/username", "type")]),
    ],
)
def test_obtain_validates_the_body(user: Any, body: dict[str, Any], errors: list[tuple[str, str]]) -> None:
    problem = assert_problem(ContractClient().send("POST", "/auth/token", body), 400, "validation_error")
    assert sorted((e["pointer"], e["code"]) for e in problem["errors"]) == errors


def test_token_endpoints_ignore_stale_credentials(user: Any) -> None:
    """They are public (`security: []`): a broken Authorization header must not make them fail."""
    client = _bearer("garbage")
    response = client.send("POST", "/auth/token", {"username": "uma", "password": PASSWORD})
    assert response.status_code == 200
    refreshed = client.send("POST", "/auth/token/refresh", {"refresh": response.json()["refresh"]})
    assert refreshed.status_code == 200


# --- refresh ---------------------------------------------------------------------------------------------


def test_refresh_returns_a_new_working_access_token(user: Any) -> None:
    pair = _obtain("uma").json()

    response = ContractClient().send("POST", "/auth/token/refresh", {"refresh": pair["refresh"]})

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access", "token_type", "expires_in"}
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == int(settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"].total_seconds())
    assert _bearer(body["access"]).send("GET", "/users/me").json()["id"] == user.pk


def _expired_refresh(user: Any) -> str:
    token = RefreshToken.for_user(user)
    token.set_exp(lifetime=-timedelta(seconds=1))
    return str(token)


@pytest.mark.parametrize(
    "make_token",
    [
        pytest.param(lambda user: "not-a-jwt", id="garbage"),
        pytest.param(lambda user: str(AccessToken.for_user(user)), id="access-token-instead-of-refresh"),
        pytest.param(_expired_refresh, id="expired"),
        pytest.param(
            lambda user: jwt.encode({**RefreshToken.for_user(user).payload}, FOREIGN_KEY, algorithm="HS256"),
            id="forged-signature",
        ),
    ],
)
def test_an_invalid_refresh_token_is_401_token_not_valid(user: Any, make_token: Any) -> None:
    response = ContractClient().send("POST", "/auth/token/refresh", {"refresh": make_token(user)})
    assert_problem(response, 401, "token_not_valid")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_refresh_for_a_deactivated_user_is_refused(user: Any) -> None:
    refresh = str(RefreshToken.for_user(user))
    user.is_active = False
    user.save(update_fields=["is_active"])
    response = ContractClient().send("POST", "/auth/token/refresh", {"refresh": refresh})
    assert_problem(response, 401, "token_not_valid")


def test_refresh_validates_the_body() -> None:
    problem = assert_problem(
        ContractClient().send("POST", "/auth/token/refresh", {}), 400, "validation_error"
    )
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("/refresh", "required")]
    problem = assert_problem(
        ContractClient().send("POST", "/auth/token/refresh", {"refresh": ""}), 400, "validation_error"
    )
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("/refresh", "minLength")]


# --- using tokens ----------------------------------------------------------------------------------------


def test_no_credentials_is_401_not_authenticated() -> None:
    response = ContractClient().send("GET", "/users/me")
    assert_problem(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"].startswith("Bearer")


def _expired_access(user: Any) -> str:
    token = AccessToken.for_user(user)
    token.set_exp(lifetime=-timedelta(seconds=1))
    return str(token)


@pytest.mark.parametrize(
    "make_token",
    [
        pytest.param(lambda user: "not-a-jwt", id="garbage"),
        pytest.param(_expired_access, id="expired"),
        pytest.param(lambda user: str(RefreshToken.for_user(user)), id="refresh-token-as-access"),
        pytest.param(
            lambda user: jwt.encode({**AccessToken.for_user(user).payload}, FOREIGN_KEY, algorithm="HS256"),
            id="forged-signature",
        ),
    ],
)
def test_a_bad_access_token_is_401_authentication_failed(user: Any, make_token: Any) -> None:
    response = _bearer(make_token(user)).send("GET", "/users/me")
    assert_problem(response, 401, "authentication_failed")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_the_access_token_of_a_deleted_user_is_refused() -> None:
    gone = user_make("gone")
    client = client_for(gone)
    gone.delete()
    assert_problem(client.send("GET", "/users/me"), 401, "authentication_failed")


def test_the_access_token_of_a_deactivated_user_is_refused(user: Any) -> None:
    client = client_for(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert_problem(client.send("GET", "/users/me"), 401, "authentication_failed")


# --- the account check without a user query ---------------------------------------------------------------
# Project-scoped views check the account in the query they make anyway (the member-access lookups join the
# user); the JWT authentication loads it for every other view. Either way a deactivated or deleted account is
# refused at once, on a project it still belongs to, with 401 (not 404 or 403). Every operation, deactivated:
# server/apps/projects/tests/test_account_check.py.

PROJECT_SCOPED = [
    ("GET", "/projects/{p}", None),
    ("GET", "/projects/{p}/members", None),
    ("GET", "/projects/{p}/tasks", None),
    ("POST", "/projects/{p}/tasks", {"title": "Sneaky"}),
    ("GET", "/projects/{p}/tasks/{t}", None),
    ("PATCH", "/projects/{p}/tasks/{t}", {"title": "Sneaky"}),
    ("DELETE", "/projects/{p}/tasks/{t}", None),
    ("GET", "/projects/{p}/tasks/{t}/comments", None),
    ("POST", "/projects/{p}/tasks/{t}/comments", {"body": "Sneaky"}),
    ("GET", "/projects/{p}/webhooks", None),
    ("GET", "/projects", None),
    ("POST", "/projects", {"name": "Sneaky"}),
    ("GET", "/api-keys", None),
]


@pytest.mark.parametrize("how", ["deactivated", "deleted"])
@pytest.mark.parametrize("method, path, body", PROJECT_SCOPED, ids=[f"{m} {p}" for m, p, _ in PROJECT_SCOPED])
def test_a_deactivated_or_deleted_owner_is_refused_everywhere(
    world: Any, how: str, method: str, path: str, body: Any
) -> None:
    from server.apps.projects.models import Membership, Project
    from server.apps.tasks.models import Task

    owner = user_make("fleeting")
    project = Project.objects.create(name="Fleeting")
    Membership.objects.create(project=project, user=owner, role="owner")
    task = Task.objects.create(project=project, created_by=world.owner, title="Stays")
    client = client_for(owner)
    url = path.format(p=project.pk, t=task.pk)
    if method == "GET":
        assert client.send(method, url).status_code == 200  # works while the account is active
    if how == "deactivated":
        owner.is_active = False
        owner.save(update_fields=["is_active"])
    else:
        owner.delete()  # their membership goes with them
    response = client.send(method, url, body)
    assert_problem(response, 401, "authentication_failed")
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert Task.objects.filter(title="Sneaky").count() == 0
    assert Project.objects.filter(name="Sneaky").count() == 0


def test_a_token_without_a_numeric_user_id_is_refused(user: Any) -> None:
    token = AccessToken.for_user(user)
    token["user_id"] = "uma"
    problem = assert_problem(_bearer(token).send("GET", "/projects"), 401, "authentication_failed")
    assert problem["detail"] == "The token does not name a user."
