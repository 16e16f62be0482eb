"""Schemathesis wired to this server: where it runs, who it is, which data it hits, what it counts.

Two targets, one code path:

* in-process (default): the Django WSGI application, inside pytest-django's test database. Every generated
  case runs in a savepoint that is rolled back, so each one starts from the seeded world.
* live (`CONTRACT_BASE_URL=http://127.0.0.1:8765`): a real server process (gunicorn on PostgreSQL, see
  `make contract-live`); the seeded world is restored before each operation's test, and the rows a case
  created are deleted after it (conftest.World).

Test data: path parameters and user references point at the seeded world most of the time (hooks below);
opaque server-issued tokens (pagination cursors, refresh tokens) are real ones in positive cases.

Three identities, each a separate parametrized run over every operation:

* `member`: alice, a non-staff user, with a real JWT (`Authorization: Bearer ...`);
* `staff`: sam, a staff user, with a real API key (`X-API-Key: pm_...`);
* `anonymous`: no credentials; Schemathesis generates (bogus) ones for the security schemes.

Knobs (environment): CONTRACT_MAX_EXAMPLES (fuzzed cases per operation and identity),
CONTRACT_STATEFUL_EXAMPLES (stateful scenarios), CONTRACT_STATEFUL_STEPS (steps per scenario),
CONTRACT_SEED (a fixed Hypothesis seed, to replay a run).
"""

from __future__ import annotations

import functools
import os
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import schemathesis
from hypothesis import strategies as st
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.schemas import OpenApiSchema

from .seed import (
    API_KEYS,
    IDS,
    MEMBERS,
    PASSWORD,
    PATH_PARAMETER_POOLS,
    RESOURCE_PATHS,
    USER_REFERENCES,
    USERS,
)

SPEC_URL_PATH = "/api/v1/openapi.json"
VARIANTS = ("member", "staff", "anonymous")


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


BASE_URL = os.environ.get("CONTRACT_BASE_URL", "").rstrip("/") or None
MAX_EXAMPLES = _env_int("CONTRACT_MAX_EXAMPLES", 15)
STATEFUL_EXAMPLES = _env_int("CONTRACT_STATEFUL_EXAMPLES", 40)
STATEFUL_STEPS = _env_int("CONTRACT_STATEFUL_STEPS", 10)
SEED = _env_int("CONTRACT_SEED", 0) or None


def is_live() -> bool:
    return BASE_URL is not None


# --- what was run, and what failed ------------------------------------------------------------------------


@dataclass
class RunLog:
    """Generated cases per (identity, phase), and each distinct failure with a curl that reproduces it."""

    cases: Counter[tuple[str, str]] = field(default_factory=Counter)
    # (identity, operation, status class such as "2xx") -> responses, to show which handlers really ran.
    statuses: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    failures: dict[tuple[str, str, str, str], dict[str, str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # Coverage scenarios some checks look at (undeclared methods, missing headers), to show they ran.
    scenarios: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, variant: str, phase: str, operation: str, status: int) -> None:
        with self.lock:
            self.cases[(variant, phase)] += 1
            self.statuses[(variant, operation, f"{status // 100}xx")] += 1

    def failure(self, variant: str, operation: str, check: str, title: str, message: str, curl: str) -> None:
        # Hypothesis replays a failing case while shrinking it; the last replay is the smallest one.
        with self.lock:
            self.failures[(variant, operation, check, title)] = {
                "variant": variant,
                "operation": operation,
                "check": check,
                "title": title,
                "message": message,
                "curl": curl,
            }

    def scenario(self, name: str) -> None:
        with self.lock:
            self.scenarios[name] += 1

    def note(self, text: str) -> None:
        with self.lock:
            self.notes.append(text)

    def as_dict(self) -> dict[str, Any]:
        return {
            "notes": self.notes,
            "scenarios": dict(self.scenarios),
            "cases": [[variant, phase, n] for (variant, phase), n in self.cases.items()],
            "statuses": [[*key, n] for key, n in self.statuses.items()],
            "failures": list(self.failures.values()),
        }

    def merge(self, data: dict[str, Any]) -> None:
        self.notes.extend(data.get("notes", []))
        self.scenarios.update(data.get("scenarios", {}))
        for variant, phase, n in data.get("cases", []):
            self.cases[(variant, phase)] += n
        for variant, operation, status, n in data.get("statuses", []):
            self.statuses[(variant, operation, status)] += n
        for item in data.get("failures", []):
            key = (item["variant"], item["operation"], item["check"], item["title"])
            self.failures[key] = item


RUN_LOG = RunLog()
# id(schema.hooks) -> identity, for the global `before_call` hook (clones of a schema share its hooks).
SCHEMA_VARIANTS: dict[int, str] = {}


# --- credentials -----------------------------------------------------------------------------------------


@functools.cache
def token_pair(user_id: int) -> dict[str, str]:
    """A real JWT pair for a seeded user. In-process it is minted with the server's key (no database needed,
    so it can be made at collection time); against a live server it comes from `POST /auth/token`."""
    if is_live():
        import requests

        response = requests.post(
            f"{BASE_URL}/api/v1/auth/token",
            json={"username": USERS[user_id]["username"], "password": PASSWORD},
            timeout=30,
        )
        response.raise_for_status()
        body = response.json()
        return {"access": str(body["access"]), "refresh": str(body["refresh"])}
    from rest_framework_simplejwt.tokens import RefreshToken

    from server.apps.accounts.models import User

    refresh = RefreshToken.for_user(User(pk=user_id))
    access = refresh.access_token
    access.set_exp(lifetime=timedelta(hours=6))  # outlives any run, however many examples it has
    return {"access": str(access), "refresh": str(refresh)}


def member_token() -> str:
    return token_pair(IDS.alice)["access"]


def staff_api_key() -> str:
    return API_KEYS[IDS.sam_key][2]


# --- configuration ---------------------------------------------------------------------------------------


def _operations_declaring(document: dict[str, Any], status: str) -> list[str]:
    return [
        operation["operationId"]
        for path_item in document["paths"].values()
        for method, operation in path_item.items()
        if isinstance(operation, dict) and status in operation.get("responses", {})
    ]


def schemathesis_config(document: dict[str, Any], *, variant: str) -> SchemathesisConfig:
    """Every default check stays on. One is tuned to the contract rather than to Schemathesis' generic
    defaults: `positive_data_acceptance` also accepts 422 on the operations whose contract documents 422
    (a schema-valid request can break a business rule: a weak password, an assignee who is not a member,
    an expiry in the past, a user id that does not exist)."""
    from schemathesis.config._checks import POSITIVE_DATA_ACCEPTANCE_EXPECTED_STATUSES

    business_rules = _operations_declaring(document, "422")
    data: dict[str, Any] = {
        "output": {"sanitization": {"enabled": False}},  # test credentials: the curl must reproduce
        "generation": {
            "max-examples": MAX_EXAMPLES,
            # With credentials configured, requests carry exactly those; anonymous runs let Schemathesis
            # generate (invalid) credentials for the security schemes, which must all be refused.
            "with-security-parameters": variant == "anonymous",
            "database": "none",
        },
        "phases": {
            "stateful": {
                "max-steps": STATEFUL_STEPS,
                "inference": {"algorithms": ["location-headers", "dependency-analysis"]},
            }
        },
        "operations": [
            {
                "include-operation-id": business_rules,
                "checks": {
                    "positive_data_acceptance": {
                        "expected-statuses": [*POSITIVE_DATA_ACCEPTANCE_EXPECTED_STATUSES, "422"]
                    }
                },
            }
        ],
    }
    if SEED is not None:
        data["seed"] = SEED
    return SchemathesisConfig.from_dict(data)


# --- the schema, per identity ----------------------------------------------------------------------------


def _raw_document() -> dict[str, Any]:
    """The contract's data (a fresh copy; a multi-file contract in its bundled form)."""
    from django.conf import settings

    from codegen.document import load_document

    document: dict[str, Any] = load_document(settings.CONTRACT_SPEC_PATH).data
    return document


def load_schema(variant: str) -> OpenApiSchema:
    """The contract as served by the server under test, configured for one identity."""
    assert variant in VARIANTS, variant
    config = schemathesis_config(_raw_document(), variant=variant)
    if is_live():
        schema = schemathesis.openapi.from_url(f"{BASE_URL}{SPEC_URL_PATH}", config=config, timeout=30)
    else:
        from server.config.wsgi import application

        schema = schemathesis.openapi.from_wsgi(SPEC_URL_PATH, application, config=config)
    _install_auth(schema, variant)
    _install_hooks(schema, variant)
    return schema


def _install_auth(schema: OpenApiSchema, variant: str) -> None:
    if variant == "member":
        token = member_token()

        @schema.auth(refresh_interval=None)
        class BearerAuth:
            def get(self, case: Any, ctx: Any) -> str:
                return token

            def set(self, case: Any, data: str, ctx: Any) -> None:
                case.headers["Authorization"] = f"Bearer {data}"

    elif variant == "staff":
        key = staff_api_key()

        @schema.auth(refresh_interval=None)
        class ApiKeyAuth:
            def get(self, case: Any, ctx: Any) -> str:
                return key

            def set(self, case: Any, data: str, ctx: Any) -> None:
                case.headers["X-API-Key"] = data


def _seeded_or_generated(name: str, value: Any) -> st.SearchStrategy[Any]:
    pool = PATH_PARAMETER_POOLS.get(name)
    if not pool or not _is_id(value):
        return st.just(value)
    return st.one_of(st.sampled_from(pool), st.just(value))


INT64_MAX = 2**63 - 1


def _is_id(value: Any) -> bool:
    """A schema-valid id (`integer`, `format: int64`, `minimum: 1`): only those are swapped for seeded ones,
    so a valid value stays valid and a negative case (0, 2**63, "abc") keeps its invalid value."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= INT64_MAX


def _resource_path(generated: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A consistent path through the seeded world (a task of that project, a member of that project)."""

    def fill(path: dict[str, int]) -> st.SearchStrategy[dict[str, Any]]:
        chosen = {
            name: path.get(name, value) if _is_id(value) else value for name, value in generated.items()
        }
        if "user_id" in generated and _is_id(generated["user_id"]):
            return st.sampled_from(MEMBERS[path["project_id"]]).map(lambda user: {**chosen, "user_id": user})
        return st.just(chosen)

    return st.sampled_from(RESOURCE_PATHS).flatmap(fill)


def _install_hooks(schema: OpenApiSchema, variant: str) -> None:
    SCHEMA_VARIANTS[id(schema.hooks)] = variant

    @schema.hook
    def flatmap_path_parameters(context: Any, path_parameters: dict[str, Any]) -> st.SearchStrategy[Any]:
        """Point path parameters at seeded objects most of the time, so the handlers run and not only the
        404 path: a consistent path (half the time), or each id picked on its own, seeded or as generated
        (which gives mismatches such as a task of another project, and unknown ids)."""
        if not path_parameters:
            return st.just(path_parameters)
        independent = st.fixed_dictionaries(
            {name: _seeded_or_generated(name, value) for name, value in path_parameters.items()}
        )
        if "project_id" not in path_parameters:
            return independent
        return st.one_of(_resource_path(path_parameters), independent)

    @schema.hook
    def flatmap_body(context: Any, body: Any) -> st.SearchStrategy[Any]:
        """Members that reference a user (`user_id` to add, `assignee_id`) often name a seeded user."""
        if not isinstance(body, dict):
            return st.just(body)
        names = [name for name in USER_REFERENCES if _is_id(body.get(name))]
        if not names:
            return st.just(body)
        picks = {
            name: st.one_of(st.sampled_from(USER_REFERENCES[name]), st.just(body[name])) for name in names
        }
        return st.fixed_dictionaries(picks).map(lambda chosen: {**body, **chosen})

    @schema.hook
    def after_call(context: Any, case: Any, response: Any) -> None:
        if case.meta is None:
            return  # a hand-made request (the stateful warm-up), not a generated case
        phase = case.meta.phase.name.value
        RUN_LOG.count(variant, phase, case.operation.label, response.status_code)
        data = case.meta.phase.data
        scenario = getattr(data, "scenario", None)
        if scenario == "unspecified_http_method":
            RUN_LOG.scenario(f"undeclared method ({response.request.method})")
        elif scenario == "missing_parameter" and getattr(data.parameter_location, "value", None) == "header":
            RUN_LOG.scenario(f"missing header {data.parameter}")

    @schema.hook
    def after_validate(context: Any, case: Any, response: Any, results: list[Any]) -> None:
        for result in results:
            failure = result.failure
            if failure is None:
                continue
            curl = case.as_curl_command(headers=dict(response.request.headers))
            RUN_LOG.failure(
                variant,
                case.operation.label,
                result.name,
                f"{getattr(failure, 'code', '')} {failure.title}".strip(),
                str(failure.message),
                curl,
            )


def call_kwargs(case: Any) -> dict[str, Any]:
    """Keyword arguments for `case.call*()`. Schemathesis' in-process (WSGI) transport builds every path on
    the document's base path, ignoring an operation's own `servers` (the health probes, served at the root),
    while its HTTP transport and its reproducing curl honour it: in-process, such an operation's base URL is
    passed explicitly, so the request goes where the contract says."""
    if is_live():
        return {}
    own = case.operation.base_url
    return {"base_url": own} if own != case.operation.schema.get_base_url() else {}


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    # A global hook (Schemathesis has no per-schema `before_call`); the schemas it sees are the ones above.
    _use_a_server_issued_cursor(case)
    _use_a_server_issued_refresh_token(case)
    _use_a_server_issued_etag(case)


def _use_a_server_issued_cursor(case: Any) -> None:
    """A cursor is an opaque token the server hands out in `next`/`previous` ("do not build cursors", says
    the contract), so a made-up string is schema-valid but not valid usage, and the server rightly answers
    `400 invalid_cursor`. Like a path id, a positive case gets a real one: the first page of the same list
    (same identity, path and ordering) is fetched and its `next` cursor used; a list with a single page has
    none to give, so the request asks for the first page. Negative cases keep what was generated."""
    from urllib.parse import parse_qs, urlsplit

    from schemathesis.core.parameters import ParameterLocation

    if id(case.operation.schema.hooks) not in SCHEMA_VARIANTS:
        return  # another test's schema (the hook is global)
    cursor = case.query.get("cursor") if isinstance(case.query, dict) else None
    if not isinstance(cursor, str) or case.meta is None or case.meta.is_negative_at(ParameterLocation.QUERY):
        return
    query = {"page_size": 1}
    if "ordering" in case.query:
        query["ordering"] = case.query["ordering"]
    probe = case.operation.Case(
        path_parameters=dict(case.path_parameters or {}), headers=dict(case.headers or {}), query=query
    )
    kwargs: dict[str, Any] = {"app": case.operation.app} if case.operation.app is not None else {}
    response = case.operation.schema.transport.send(probe, **kwargs)
    if response.status_code != 200:
        return  # the real request fails the same way (401, 403, 404) before any cursor is read
    next_url = response.json().get("next")
    if next_url:
        case.query["cursor"] = parse_qs(urlsplit(next_url).query)["cursor"][0]
    else:
        del case.query["cursor"]


def _use_a_server_issued_refresh_token(case: Any) -> None:
    """The same for `POST /auth/token/refresh`: an authenticated identity refreshes its own real token, so
    the 200 path runs. The anonymous run keeps the made-up tokens, which must all get 401."""
    from schemathesis.core.parameters import ParameterLocation

    variant = SCHEMA_VARIANTS.get(id(case.operation.schema.hooks))
    if case.operation.path != "/auth/token/refresh" or variant not in ("member", "staff"):
        return
    if (
        case.meta is None
        or case.meta.is_negative_at(ParameterLocation.BODY)
        or not isinstance(case.body, dict)
    ):
        return
    if isinstance(case.body.get("refresh"), str):
        case.body["refresh"] = token_pair(IDS.alice if variant == "member" else IDS.sam)["refresh"]


def _use_a_server_issued_etag(case: Any) -> None:
    """The same for `If-Match` / `If-None-Match`: an entity tag is an opaque token the server hands out in
    `ETag`, so a made-up one is schema-valid but stale by construction (`412`, or a plain 200 instead of a
    304). A positive case gets the resource's current tag (a GET of the same path, same identity), or `*`
    where the path has no GET (comments). Negative cases keep what was generated (`400`)."""

    if id(case.operation.schema.hooks) not in SCHEMA_VARIANTS or not case.headers:
        return
    names = [name for name in case.headers if name.lower() in ("if-match", "if-none-match")]
    # The coverage phase also marks made-up header values (`0`) as negative inside positive cases; only a
    # negative case as a whole keeps them (and must get 400).
    if not names or case.meta is None or str(case.meta.generation.mode.value) == "negative":
        return
    identity = {
        k: v for k, v in case.headers.items() if k.lower() in ("authorization", "x-api-key", "cookie")
    }
    try:
        retrieve = case.operation.schema[case.operation.path]["GET"]
    except LookupError:  # the path has no GET
        tag = "*"
    else:
        probe = retrieve.Case(path_parameters=dict(case.path_parameters or {}), headers=identity)
        kwargs: dict[str, Any] = {"app": case.operation.app} if case.operation.app is not None else {}
        response = case.operation.schema.transport.send(probe, **kwargs)
        # No representation to read (401, 404): the real request fails the same way before any tag is
        # compared, once its headers are valid; `*` is.
        tag = (response.headers.get("ETag") or "*") if response.status_code == 200 else "*"
        if isinstance(tag, list):
            tag = tag[0]
    for name in names:
        case.headers[name] = tag


# --- plain requests (the examples check), to whichever server is under test --------------------------------


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: Any  # parsed JSON, or None when there is no body


def send(
    method: str,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    json_body: Any = None,
    raw_body: bytes | None = None,
    content_type: str = "application/json",
) -> Reply:
    """One request to the server under test (in-process WSGI app, or the live server)."""
    import json

    data = (
        raw_body if raw_body is not None else (None if json_body is None else json.dumps(json_body).encode())
    )
    headers = {**(headers or {}), **({"Content-Type": content_type} if data is not None else {})}
    if is_live():
        import requests

        response = requests.request(method, f"{BASE_URL}{path}", headers=headers, data=data, timeout=60)
        status, reply_headers, content = response.status_code, dict(response.headers), response.content
    else:
        from werkzeug.test import Client

        from server.config.wsgi import application

        wsgi = Client(application).open(path, method=method, headers=headers, data=data)
        status, reply_headers, content = wsgi.status_code, dict(wsgi.headers), wsgi.get_data()
    lowered = {name.lower(): value for name, value in reply_headers.items()}
    return Reply(status=status, headers=lowered, body=json.loads(content) if content else None)


def enabled_checks() -> list[str]:
    """The checks every case runs (all of Schemathesis' defaults; none is switched off here)."""
    from schemathesis.checks import CHECKS, load_all_checks

    load_all_checks()
    config = schemathesis_config(_raw_document(), variant="member").projects.get_default().checks_config_for()
    return [check.__name__ for check in CHECKS.get_all() if config.get_by_name(name=check.__name__).enabled]
