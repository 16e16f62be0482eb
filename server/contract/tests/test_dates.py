"""Dates and date-times the server cannot represent are a 400 at their parameter or member, never a 500
(issue 15, point 3): year 0000, a leap second, or an offset that carries the instant past 9999-12-31 in UTC.

Every `date` and `date-time` a request carries is checked by server.contract.validation.formats, in both
engines; the handlers then only ever see values Python and the database can hold.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import override_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from server.apps.accounts.models import ApiKey
from server.common.testing import ContractClient, ProjectWorld
from server.contract.validation.formats import is_date, is_date_time, parse_date_time

pytestmark = pytest.mark.django_db

ENGINES = {
    "compiled": "server.contract.validation.compiled_engine.CompiledEngine",
    "openapi-core": "server.contract.validation.openapi_core_engine.OpenAPICoreEngine",
}
HYPOTHESIS = settings(max_examples=40, deadline=None, database=None)


def _field_errors(response: Any) -> list[tuple[str, str]]:
    problem = response.json()
    assert problem["code"] == "validation_error", problem
    return [(e.get("field") or e.get("pointer"), e["code"]) for e in problem["errors"]]


# -- the findings -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES.values(), ids=ENGINES.keys())
@pytest.mark.parametrize("name", ["due_before", "due_after"])
@pytest.mark.parametrize("value", ["0000-01-01", "2026-02-30", "2026-13-01"])
def test_task_filters_outside_the_calendar_are_400(
    world: ProjectWorld, engine: str, name: str, value: str
) -> None:
    with override_settings(CONTRACT_VALIDATION_ENGINE=engine):
        response = world.client("owner").send("GET", f"/projects/{world.project.pk}/tasks?{name}={value}")
    assert response.status_code == 400, response.content
    assert _field_errors(response) == [(name, "format")]


@pytest.mark.parametrize("engine", ENGINES.values(), ids=ENGINES.keys())
@pytest.mark.parametrize(
    "value",
    [
        "9999-12-31T23:59:59-23:59",  # 10000-01-01 in UTC
        "9999-12-31T23:00:00-01:00",
        "0001-01-01T00:00:00+00:01",  # year 0 in UTC
        "0000-06-01T00:00:00Z",
        "2030-12-31T23:59:60Z",  # a leap second: RFC 3339, not a Python datetime
    ],
)
def test_api_key_expiry_outside_the_representable_range_is_400(
    client: ContractClient, engine: str, value: str
) -> None:
    with override_settings(CONTRACT_VALIDATION_ENGINE=engine):
        response = client.send("POST", "/api-keys", {"name": "ci", "expires_at": value})
    assert response.status_code == 400, response.content
    assert _field_errors(response) == [("/expires_at", "format")]
    assert not ApiKey.objects.exists()


@pytest.mark.parametrize("engine", ENGINES.values(), ids=ENGINES.keys())
def test_task_due_date_in_year_zero_is_400(world: ProjectWorld, engine: str) -> None:
    with override_settings(CONTRACT_VALIDATION_ENGINE=engine):
        response = world.client("owner").send(
            "POST", f"/projects/{world.project.pk}/tasks", {"title": "T", "due_date": "0000-01-01"}
        )
    assert response.status_code == 400, response.content
    assert _field_errors(response) == [("/due_date", "format")]


def test_the_edges_of_the_range_are_accepted(world: ProjectWorld, client: ContractClient) -> None:
    tasks = f"/projects/{world.project.pk}/tasks"
    for query in ("due_before=9999-12-31", "due_after=0001-01-01"):
        assert world.client("owner").send("GET", f"{tasks}?{query}").status_code == 200
    response = client.send("POST", "/api-keys", {"name": "ci", "expires_at": "9999-12-31T23:59:59+00:00"})
    assert response.status_code == 201, response.content
    assert ApiKey.objects.get().expires_at == datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)


# -- properties -------------------------------------------------------------------------------------------

_OFFSETS = st.one_of(
    st.just("Z"),
    st.just("z"),
    st.builds("{}{:02d}:{:02d}".format, st.sampled_from("+-"), st.integers(0, 23), st.integers(0, 59)),
)
# RFC 3339 date-times anywhere in 0000..9999, leap seconds included; the day may not exist in the month.
_DATE_TIMES = st.builds(
    "{:04d}-{:02d}-{:02d}{}{:02d}:{:02d}:{:02d}{}".format,
    st.one_of(st.integers(0, 9999), st.sampled_from([0, 1, 9999])),
    st.integers(1, 12),
    st.integers(1, 31),
    st.sampled_from("Tt"),
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(0, 60),
    _OFFSETS,
)
_DATES = st.builds(
    "{:04d}-{:02d}-{:02d}".format,
    st.one_of(st.integers(0, 9999), st.sampled_from([0, 1, 9999])),
    st.integers(1, 12),
    st.integers(1, 31),
)


@HYPOTHESIS
@given(value=_DATE_TIMES)
def test_a_conforming_date_time_is_an_instant_the_database_can_store(value: str) -> None:
    if is_date_time(value):
        instant = parse_date_time(value)
        assert 1 <= instant.astimezone(UTC).year <= 9999


@pytest.mark.parametrize("engine", ENGINES.values(), ids=ENGINES.keys())
def test_any_api_key_expiry_is_stored_or_refused_never_a_500(client: ContractClient, engine: str) -> None:
    @HYPOTHESIS
    @given(value=_DATE_TIMES)
    def check(value: str) -> None:
        with override_settings(CONTRACT_VALIDATION_ENGINE=engine):
            response = client.send("POST", "/api-keys", {"name": "ci", "expires_at": value})
        if not is_date_time(value):
            assert response.status_code == 400, (value, response.content)
            assert _field_errors(response) == [("/expires_at", "format")]
        elif parse_date_time(value) <= datetime.now(UTC):
            assert (response.status_code, response.json()["code"]) == (422, "expires_in_past"), value
        else:
            assert response.status_code == 201, (value, response.content)
            stored = ApiKey.objects.get(pk=response.json()["id"]).expires_at
            assert stored == parse_date_time(value)

    check()


@pytest.mark.parametrize("engine", ENGINES.values(), ids=ENGINES.keys())
def test_any_due_date_filter_is_applied_or_refused_never_a_500(world: ProjectWorld, engine: str) -> None:
    owner = world.client("owner")

    @HYPOTHESIS
    @given(value=_DATES, name=st.sampled_from(["due_before", "due_after"]))
    def check(value: str, name: str) -> None:
        with override_settings(CONTRACT_VALIDATION_ENGINE=engine):
            response = owner.send("GET", f"/projects/{world.project.pk}/tasks?{name}={value}")
        if is_date(value):
            assert response.status_code == 200, (value, response.content)
        else:
            assert response.status_code == 400, (value, response.content)
            assert _field_errors(response) == [(name, "format")]

    check()
