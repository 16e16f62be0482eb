"""Registration, the caller's own account, and the staff-only user directory."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from server.apps.accounts.models import User
from server.common.testing import ContractClient, client_for, user_make

from .support import assert_created, assert_problem, iso, walk_backward, walk_forward

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "Cobol-Compiler-1959"


def _register(**fields: Any) -> Any:
    body = {"username": "grace", "email": "grace@example.com", "password": GOOD_PASSWORD, **fields}
    return ContractClient().send("POST", "/users", body)


# --- register --------------------------------------------------------------------------------------------


def test_register_creates_an_account_that_can_log_in() -> None:
    response = _register(full_name="Grace Hopper")

    body = assert_created(response, "/api/v1/users/me")
    user = User.objects.get(pk=body["id"])
    assert body == {
        "id": user.pk,
        "username": "grace",
        "email": "grace@example.com",
        "full_name": "Grace Hopper",
        "is_staff": False,
        "date_joined": iso(user.date_joined),
    }
    assert user.password != GOOD_PASSWORD
    assert user.check_password(GOOD_PASSWORD)
    token = ContractClient().send("POST", "/auth/token", {"username": "grace", "password": GOOD_PASSWORD})
    assert token.status_code == 200


def test_full_name_defaults_to_empty() -> None:
    body = _register().json()
    assert body["full_name"] == ""
    assert User.objects.get(pk=body["id"]).full_name == ""


def test_register_ignores_credentials_sent_anyway() -> None:
    client = ContractClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer stale-token")
    body = {"username": "grace", "email": "grace@example.com", "password": GOOD_PASSWORD}
    assert client.send("POST", "/users", body).status_code == 201


@pytest.mark.parametrize("username", ["uma", "UMA", "Uma"])
def test_a_taken_username_is_409_whatever_its_case(user: Any, username: str) -> None:
    response = _register(username=username, email="other@example.com")
    assert_problem(response, 409, "username_taken")
    assert User.objects.count() == 1


@pytest.mark.parametrize("email", ["uma@example.com", "UMA@example.com", "Uma@EXAMPLE.COM"])
def test_registering_with_an_address_in_use_tells_nothing_about_it(user: Any, email: str) -> None:
    """An address is contact data, not an identity: the answer is the same as for a fresh address, so
    registration cannot be used to ask whether an address is registered (issue 15.8)."""
    in_use = _register(username="uma2", email=email)
    fresh = _register(username="uma3", email="fresh@example.com")
    assert (in_use.status_code, fresh.status_code) == (201, 201)
    assert set(in_use.json()) == set(fresh.json())
    assert User.objects.filter(email__iexact="uma@example.com").count() == 2


@pytest.mark.parametrize(
    "password, codes",
    [
        ("password123", ["password_too_common"]),
        ("1234567890123", ["password_entirely_numeric", "password_too_common"]),
        ("83749102846", ["password_entirely_numeric"]),
        ("grace1959", ["password_too_similar"]),
        ("grace@example.com", ["password_too_similar"]),
    ],
)
def test_a_weak_password_is_422_pointing_at_the_password(password: str, codes: list[str]) -> None:
    response = _register(password=password, full_name="Grace Hopper")

    problem = assert_problem(response, 422, "weak_password")
    assert sorted(e["code"] for e in problem["errors"]) == codes
    assert {e["pointer"] for e in problem["errors"]} == {"/password"}
    assert all(e["message"] for e in problem["errors"])
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "fields, errors",
    [
        ({"username": "gr"}, [("/username", "minLength")]),
        ({"username": "x" * 151}, [("/username", "maxLength")]),
        ({"username": "grace hopper"}, [("/username", "pattern")]),
        ({"username": "grace/hopper"}, [("/username", "pattern")]),
        ({"email": "not-an-email"}, [("/email", "format")]),
        ({"password": "short"}, [("/password", "minLength")]),
        ({"password": "x" * 129}, [("/password", "maxLength")]),
        ({"full_name": "x" * 151}, [("/full_name", "maxLength")]),
        ({"username": None, "email": 5}, [("/email", "type"), ("/username", "type")]),
    ],
)
def test_register_validates_the_body(fields: dict[str, Any], errors: list[tuple[str, str]]) -> None:
    problem = assert_problem(_register(**fields), 400, "validation_error")
    assert sorted((e["pointer"], e["code"]) for e in problem["errors"]) == errors
    assert not User.objects.exists()


def test_register_reports_every_missing_field() -> None:
    problem = assert_problem(ContractClient().send("POST", "/users", {}), 400, "validation_error")
    assert sorted((e["pointer"], e["code"]) for e in problem["errors"]) == [
        ("/email", "required"),
        ("/password", "required"),
        ("/username", "required"),
    ]


# --- me --------------------------------------------------------------------------------------------------


def test_me_returns_the_callers_account(user: Any, client: ContractClient) -> None:
    response = client.send("GET", "/users/me")
    assert response.status_code == 200
    assert response.json() == {
        "id": user.pk,
        "username": "uma",
        "email": "uma@example.com",
        "full_name": "Uma",
        "is_staff": False,
        "date_joined": iso(user.date_joined),
    }


def test_me_shows_staff_status() -> None:
    admin = user_make("root", is_staff=True)
    assert client_for(admin).send("GET", "/users/me").json()["is_staff"] is True


def test_me_update_changes_only_the_fields_sent(user: Any, client: ContractClient) -> None:
    response = client.send("PATCH", "/users/me", {"full_name": "Uma Thurman"})
    assert response.status_code == 200
    assert response.json()["full_name"] == "Uma Thurman"
    assert response.json()["email"] == "uma@example.com"
    user.refresh_from_db()
    assert (user.full_name, user.email) == ("Uma Thurman", "uma@example.com")

    response = client.send("PATCH", "/users/me", {"email": "uma@new.example.com"})
    assert response.json()["email"] == "uma@new.example.com"
    assert response.json()["full_name"] == "Uma Thurman"
    user.refresh_from_db()
    assert user.email == "uma@new.example.com"


def test_me_update_with_an_empty_body_changes_nothing(user: Any, client: ContractClient) -> None:
    response = client.send("PATCH", "/users/me", {})
    assert response.status_code == 200
    assert response.json()["full_name"] == "Uma"


@pytest.mark.parametrize("email", ["other@example.com", "OTHER@example.com"])
def test_me_update_to_an_address_in_use_answers_as_for_any_address(
    user: Any, client: ContractClient, email: str
) -> None:
    """No 409 that would tell the caller another account uses the address (issue 15.8)."""
    other = user_make("other")
    response = client.send("PATCH", "/users/me", {"email": email})
    assert response.status_code == 200
    assert response.json()["email"] == email
    user.refresh_from_db()
    other.refresh_from_db()
    assert user.email == email
    assert other.email == "other@example.com"


def test_me_update_to_own_email_in_another_case_is_fine(user: Any, client: ContractClient) -> None:
    response = client.send("PATCH", "/users/me", {"email": "UMA@example.com"})
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.email.lower() == "uma@example.com"


@pytest.mark.parametrize(
    "body, errors",
    [
        ({"email": "nope"}, [("/email", "format")]),
        ({"full_name": "x" * 151}, [("/full_name", "maxLength")]),
        ({"full_name": None}, [("/full_name", "type")]),
    ],
)
def test_me_update_validates_the_body(
    user: Any, client: ContractClient, body: dict[str, Any], errors: list[tuple[str, str]]
) -> None:
    problem = assert_problem(client.send("PATCH", "/users/me", body), 400, "validation_error")
    assert sorted((e["pointer"], e["code"]) for e in problem["errors"]) == errors


def test_me_needs_authentication() -> None:
    assert_problem(ContractClient().send("GET", "/users/me"), 401, "not_authenticated")
    assert_problem(ContractClient().send("PATCH", "/users/me", {"full_name": "x"}), 401, "not_authenticated")


# --- users_list ------------------------------------------------------------------------------------------


@pytest.fixture
def staff() -> ContractClient:
    return client_for(user_make("admin", is_staff=True))


def _usernames(client: ContractClient, query: str = "") -> list[str]:
    response = client.send("GET", f"/users{query}")
    assert response.status_code == 200, response.content
    return [item["username"] for item in response.json()["items"]]


def test_users_list_returns_every_user_by_username(staff: ContractClient) -> None:
    for name in ("zoe", "bob", "mallory"):
        user_make(name)
    response = staff.send("GET", "/users")
    body = response.json()
    assert [item["username"] for item in body["items"]] == ["admin", "bob", "mallory", "zoe"]
    bob = User.objects.get(username="bob")
    assert body["items"][1] == {
        "id": bob.pk,
        "username": "bob",
        "email": "bob@example.com",
        "full_name": "Bob",
        "is_staff": False,
        "date_joined": iso(bob.date_joined),
    }


def test_users_list_search_matches_username_email_and_full_name(staff: ContractClient) -> None:
    User.objects.create_user(username="grace", email="hopper@navy.example", full_name="Grace Brewster")
    User.objects.create_user(username="ada", email="ada@example.com", full_name="Ada Lovelace")
    User.objects.create_user(username="navyseal", email="seal@example.com", full_name="")
    User.objects.create_user(username="charles", email="cb@example.com", full_name="Charles BABBAGE")

    assert _usernames(staff, "?search=grace") == ["grace"]
    assert _usernames(staff, "?search=NAVY") == ["grace", "navyseal"]
    assert _usernames(staff, "?search=lovelace") == ["ada"]
    assert _usernames(staff, "?search=babbage") == ["charles"]
    assert _usernames(staff, "?search=nobody-at-all") == []


@pytest.mark.parametrize("ordering", ["username", "-username", "date_joined", "-date_joined"])
def test_users_list_ordering(staff: ContractClient, ordering: str) -> None:
    base = timezone.now()
    for n, name in enumerate(["mike", "bravo", "xray", "alpha", "kilo", "yankee"]):
        user = user_make(name)
        # Pairs share a join time, so the id tie-breaker matters.
        User.objects.filter(pk=user.pk).update(date_joined=base - timedelta(days=n // 2))
    field = ordering.lstrip("-")
    users = sorted(User.objects.all(), key=lambda u: (getattr(u, field), u.pk), reverse=ordering[0] == "-")

    pages = walk_forward(staff, f"/users?ordering={ordering}&page_size=3")

    assert [i["username"] for p in pages for i in p["items"]] == [u.username for u in users]
    assert walk_backward(staff, pages[-1]) == pages


def test_users_list_rejects_unknown_ordering(staff: ContractClient) -> None:
    problem = assert_problem(staff.send("GET", "/users?ordering=email"), 400, "validation_error")
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("ordering", "enum")]


def test_users_list_rejects_an_overlong_search(staff: ContractClient) -> None:
    problem = assert_problem(staff.send("GET", "/users?search=" + "x" * 201), 400, "validation_error")
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("search", "maxLength")]


def test_users_list_is_forbidden_to_non_staff(client: ContractClient) -> None:
    assert_problem(client.send("GET", "/users"), 403, "permission_denied")
    assert_problem(ContractClient().send("GET", "/users"), 401, "not_authenticated")


def test_an_invalid_email_is_a_400_even_with_a_stale_if_match(user: Any, client: ContractClient) -> None:
    """The body is checked before the precondition: Schemathesis (contract-live) sent an address that only the
    service's email check refuses with a stale If-Match, and got 412 for invalid data."""
    response = client.send("PATCH", "/users/me", {"email": "a@b.test*"}, HTTP_IF_MATCH='W/"stale"')
    assert_problem(response, 400, "validation_error")
    user.refresh_from_db()
    assert user.email == "uma@example.com"
