"""`contract mock` in-process (werkzeug's test client): routing, validation, Prefer, CORS, generation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_schema_validator import OAS30Validator, OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from werkzeug.test import Client

from codegen.diff.examples import document
from codegen.document import load_document
from codegen.findings import pointer_join
from codegen.mock.page import _operations
from codegen.mock.sample import Sampler
from codegen.mock.server import MockApp, read_like_generate
from codegen.paths import DEFAULT_SPEC
from codegen.tests.conftest import CORPUS, run_contract

AUTH = {"Authorization": "Bearer anything"}


@pytest.fixture(scope="module")
def client() -> Client:
    return Client(MockApp(DEFAULT_SPEC))


@pytest.fixture(scope="module")
def contract() -> dict[str, Any]:
    return load_document(DEFAULT_SPEC).data


def schema_validator(doc: dict[str, Any], pointer: str) -> Any:
    """An OpenAPI schema validator for the schema at `pointer`, `$ref`s resolving inside `doc`."""
    resource = Resource.from_contents(doc, default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource("urn:doc", resource)
    cls = OAS31Validator if str(doc.get("openapi", "")).startswith("3.1") else OAS30Validator
    return cls({"$ref": "urn:doc#" + pointer}, registry=registry, format_checker=cls.FORMAT_CHECKER)


def test_routing_under_the_server_prefix(client: Client) -> None:
    assert client.get("/api/v1/users/me", headers=AUTH).status_code == 200
    outside = client.get("/users/me", headers=AUTH)
    assert outside.status_code == 404 and outside.content_type == "application/problem+json"
    assert "under /api/v1" in outside.get_json()["detail"]
    assert client.get("/api/v1/nope", headers=AUTH).status_code == 404
    wrong_method = client.delete("/api/v1/users/me", headers=AUTH)
    assert wrong_method.status_code == 405 and wrong_method.headers["Allow"] == "GET, PATCH"


def test_missing_credentials_are_a_401_problem(client: Client) -> None:
    response = client.get("/api/v1/projects")
    assert response.status_code == 401
    assert response.get_json()["code"] == "not_authenticated" and "WWW-Authenticate" in response.headers
    assert client.post("/api/v1/auth/token", json={"username": "a", "password": "b"}).status_code == 200


def test_invalid_requests_get_problem_json_with_pointers(client: Client) -> None:
    body = client.post("/api/v1/projects", json={"name": 42, "extra": 1}, headers=AUTH)
    assert body.status_code == 400 and body.get_json()["code"] == "validation_error"
    found = {(e["code"], e["pointer"]) for e in body.get_json()["errors"]}
    assert found == {("type", "/name"), ("additionalProperties", "")}
    missing = client.post("/api/v1/projects", json={}, headers=AUTH)
    assert [e["pointer"] for e in missing.get_json()["errors"]] == ["/name"]
    query = client.get("/api/v1/projects?page_size=0", headers=AUTH)
    assert query.status_code == 400 and query.get_json()["errors"][0]["field"] == "page_size"
    media = client.post("/api/v1/projects", data="name=x", content_type="text/plain", headers=AUTH)
    assert media.status_code == 415
    malformed = client.post("/api/v1/projects", data="{", content_type="application/json", headers=AUTH)
    assert malformed.status_code == 400 and malformed.get_json()["code"] == "malformed_json"


def test_responses_come_from_the_contract_examples(client: Client, contract: dict[str, Any]) -> None:
    created = client.post("/api/v1/projects", json={"name": "Launch"}, headers=AUTH)
    assert created.status_code == 201
    media = contract["paths"]["/projects"]["post"]["responses"]["201"]["content"]["application/json"]
    expected = media.get("example") or next(iter(media["examples"].values()))["value"]
    assert created.json == expected


def test_prefer_selects_status_and_example(client: Client, contract: dict[str, Any]) -> None:
    not_found = client.get("/api/v1/projects/1", headers={**AUTH, "Prefer": "code=404"})
    assert not_found.status_code == 404 and not_found.get_json()["code"] == "not_found"
    assert not_found.headers["Preference-Applied"] == "code=404"
    undeclared = client.get("/api/v1/projects/1", headers={**AUTH, "Prefer": "code=418"})
    assert undeclared.status_code == 400 and "declares no 418 response" in undeclared.get_json()["detail"]
    # every named example of a response can be asked for by name
    responses = contract["paths"]["/projects"]["post"]["responses"]
    for status, response in responses.items():
        for media in (response.get("content") or {}).values():
            for name, example in (media.get("examples") or {}).items():
                answer = client.post(
                    "/api/v1/projects",
                    json={"name": "x"},
                    headers={**AUTH, "Prefer": f"code={status}, example={name}"},
                )
                assert answer.status_code == int(status)
                assert answer.json == example["value"]
    unknown = client.post("/api/v1/projects", json={"name": "x"}, headers={**AUTH, "Prefer": "example=nope"})
    assert unknown.status_code == 400 and "no example named 'nope'" in unknown.get_json()["detail"]


def test_an_invalid_request_is_refused_whatever_prefer_says(client: Client) -> None:
    response = client.post("/api/v1/projects", json={}, headers={**AUTH, "Prefer": "code=201"})
    assert response.status_code == 400


def test_cors_preflight_and_simple_requests(client: Client) -> None:
    preflight = client.options(
        "/api/v1/projects",
        headers={
            "Origin": "http://localhost:5173",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type, prefer",
        },
    )
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "http://localhost:5173"
    assert preflight.headers["Access-Control-Allow-Headers"] == "authorization, content-type, prefer"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    simple = client.get("/api/v1/projects", headers={**AUTH, "Origin": "http://localhost:5173"})
    assert simple.headers["Access-Control-Allow-Origin"] == "http://localhost:5173"


def test_pagination_links_lead_back_to_the_mock(client: Client, contract: dict[str, Any]) -> None:
    """The example's `next` (https://pm.example.com/...) is rewritten to the origin the request reached the
    mock on; following it answers the same example with `next: null`, so a walk ends on page two."""
    media = contract["paths"]["/projects"]["get"]["responses"]["200"]["content"]["application/json"]
    example = media.get("example") or next(iter(media["examples"].values()))["value"]
    assert example["next"].startswith("https://pm.example.com/api/v1/projects?")
    first = client.get("/api/v1/projects?page_size=2", headers=AUTH, base_url="http://mock.test:4010")
    assert first.json == {
        **example,
        "next": example["next"].replace("https://pm.example.com", "http://mock.test:4010"),
    }
    second = client.get(first.json["next"], headers=AUTH)
    assert second.status_code == 200
    assert second.json == {**example, "next": None}
    pointer = "/paths/~1projects/get/responses/200/content/application~1json/schema"
    for page in (first.json, second.json):
        schema_validator(contract, pointer).validate(page)


LINKS = document(
    "response-schema",
    {
        "type": "object",
        "required": ["items", "next", "self", "avatar"],
        "properties": {
            "items": {"type": "array", "items": {"type": "integer"}},
            "next": {"type": ["string", "null"], "format": "uri"},
            "self": {"type": "string", "format": "uri"},
            "avatar": {"type": "string", "format": "uri"},
            "docs": {"type": "string"},
        },
    },
)
LINKS["servers"] = [{"url": "https://api.example.com/v2"}]
LINKS["paths"]["/items"]["get"]["responses"]["200"]["headers"] = {
    "Link": {"schema": {"type": "string"}, "example": '<https://api.example.com/v2/items?page=2>; rel="next"'}
}
LINKS["paths"]["/items"]["get"]["responses"]["200"]["content"]["application/json"]["example"] = {
    "items": [1, 2],
    "next": "https://api.example.com/v2/items?page=2",
    "self": "https://api.example.com/v2/items?page=2",  # not nullable: kept even when it is the request's
    "avatar": "https://cdn.example.com/v2/items",  # another host, same path shape: rewritten too
    "docs": "https://docs.example.com/guide",  # not an operation: left alone
}


def test_links_to_operations_are_rewritten_for_any_document(tmp_path: Path) -> None:
    spec = tmp_path / "links.yaml"
    spec.write_text(yaml.safe_dump(LINKS))
    mock = Client(MockApp(spec))
    first = mock.get("/v2/items", base_url="http://127.0.0.1:4010")
    assert first.json == {
        "items": [1, 2],
        "next": "http://127.0.0.1:4010/v2/items?page=2",
        "self": "http://127.0.0.1:4010/v2/items?page=2",
        "avatar": "http://127.0.0.1:4010/v2/items",
        "docs": "https://docs.example.com/guide",
    }
    assert first.headers["Link"] == '<http://127.0.0.1:4010/v2/items?page=2>; rel="next"'
    second = mock.get("/v2/items?page=2", base_url="http://127.0.0.1:4010")
    assert (
        second.get_json()["next"] is None
        and second.get_json()["self"] == "http://127.0.0.1:4010/v2/items?page=2"
    )
    # a different query is a different request: its `next` is kept
    assert mock.get("/v2/items?page=3", base_url="http://127.0.0.1:4010").get_json()["next"] is not None


def test_every_operation_and_status_answers_what_the_contract_declares(
    client: Client, contract: dict[str, Any]
) -> None:
    """Valid requests built by the page, every declared status, each body valid against its schema."""
    checked = 0
    for op in _operations(contract, "/api/v1"):
        for status in op["statuses"]:
            if not status.isdigit():
                continue
            headers = {**AUTH, "Prefer": f"code={status}"}
            kwargs: dict[str, Any] = {"headers": headers}
            if op["body"] is not None:
                kwargs["data"] = json.dumps(op["body"])
                kwargs["content_type"] = op["contentType"]
            response = client.open(op["url"], method=op["method"], **kwargs)
            assert response.status_code == int(status), (
                op["operationId"],
                status,
                response.get_data(as_text=True),
            )
            media = contract["paths"][op["path"]][op["method"].lower()]["responses"][status]
            if "$ref" in media:
                media = load_ref(contract, media["$ref"])
            content = media.get("content") or {}
            if response.content_type in content:
                pointer = pointer_join(
                    "/paths",
                    op["path"],
                    op["method"].lower(),
                    "responses",
                    status,
                    "content",
                    response.content_type,
                    "schema",
                )
                if "$ref" in contract["paths"][op["path"]][op["method"].lower()]["responses"][status]:
                    ref = contract["paths"][op["path"]][op["method"].lower()]["responses"][status]["$ref"]
                    pointer = pointer_join(ref[1:], "content", response.content_type, "schema")
                schema_validator(contract, pointer).validate(response.json)
                checked += 1
    assert checked > 50


def load_ref(doc: dict[str, Any], ref: str) -> dict[str, Any]:
    node: Any = doc
    for token in ref[2:].split("/"):
        node = node[token]
    return node


NO_EXAMPLES = document(
    "response-schema",
    {
        "type": "object",
        "required": ["id", "email", "tags", "when", "score", "owner"],
        "properties": {
            "id": {"type": "integer", "minimum": 10, "maximum": 20},
            "email": {"type": "string", "format": "email"},
            "tags": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}, "minItems": 2},
            "when": {"type": "string", "format": "date-time"},
            "score": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
            "owner": {"anyOf": [{"$ref": "#/components/schemas/Node"}, {"type": "null"}]},
            "code": {"type": "string", "pattern": "^[A-Z]{3}$", "minLength": 3, "maxLength": 3},
        },
    },
)
NO_EXAMPLES["components"]["schemas"] = {
    "Node": {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string", "maxLength": 4},
            "child": {"$ref": "#/components/schemas/Node"},
        },
    }
}


def test_generated_bodies_are_deterministic_and_valid(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(NO_EXAMPLES))
    mock = Client(MockApp(spec))
    first, second = mock.get("/items"), mock.get("/items")
    assert first.status_code == 200 and first.json == second.json
    validator = schema_validator(
        NO_EXAMPLES, "/paths/~1items/get/responses/200/content/application~1json/schema"
    )
    validator.validate(first.json)
    assert (
        first.get_json()["id"] == 10
        and first.get_json()["email"] == "user@example.com"
        and len(first.get_json()["tags"]) == 2
    )
    dynamic = [mock.get("/items", headers={"Prefer": "dynamic=true"}).json for _ in range(5)]
    for body in dynamic:
        validator.validate(body)
    assert len({json.dumps(b, sort_keys=True) for b in dynamic}) > 1


PETS = document("response-schema", {"$ref": "#/components/schemas/Pet"})
PETS["paths"]["/items"]["post"]["requestBody"]["content"]["application/json"]["schema"] = {
    "$ref": "#/components/schemas/Pet"
}
PETS["components"]["schemas"] = {
    # No mapping: the implied values are the schema names (`Cat`, `Dog`), which the members' own enums
    # contradict, as spotify's `TrackObject` (`type: [track]`) does.
    "Pet": {
        "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
        "discriminator": {"propertyName": "kind"},
    },
    "Cat": {
        "type": "object",
        "required": ["name", "collar"],  # `collar` is required but not declared (github's content-tree)
        "properties": {"kind": {"type": "string", "enum": ["cat"]}, "name": {"type": "string"}},
        "patternProperties": {"^col": {"type": "integer", "minimum": 5}},
    },
    "Dog": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["dog"]}}},
    "Box": {
        "type": "object",
        "required": ["content", "encoding"],
        "properties": {"size": {"type": "integer"}},
    },
}


def test_discriminators_and_undeclared_required_properties(tmp_path: Path) -> None:
    spec = tmp_path / "pets.yaml"
    spec.write_text(yaml.safe_dump(PETS))
    app = MockApp(spec)
    assert app.notes == [
        "/components/schemas/Pet/discriminator: generate-discriminator: schema names contradict the 'kind' "
        "enums; mapped cat -> Cat, dog -> Dog"
    ]
    mock = Client(app)
    cat = mock.get("/items").json
    assert cat == {"kind": "cat", "name": "string", "collar": 5}
    schema_validator(app.document, "/components/schemas/Pet").validate(cat)
    # the raw document accepts no value at all: "cat" names no schema, and "Cat" is outside the enum
    assert not schema_validator(PETS, "/components/schemas/Pet").is_valid(cat)
    # deep in a tree, where optional properties are left out, the discriminating one is still there
    sampler = Sampler(app.document)
    assert sampler._sample({"$ref": "#/components/schemas/Pet"}, "response", (), 6) == {
        "name": "string",
        "collar": 5,
        "kind": "cat",
    }
    assert [sampler.sample({"$ref": "#/components/schemas/Box"})[k] for k in ("content", "encoding")] == [
        "string",
        "string",
    ]
    # requests are validated against the same reading: what the SDKs' types allow is accepted
    assert mock.post("/items", json={"kind": "dog"}).status_code == 201
    assert mock.post("/items", json={"kind": "Dog"}).status_code == 400


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.[jy]*")), ids=lambda p: p.name)
def test_generated_values_validate_for_corpus_schemas(path: Path) -> None:
    """Every component schema of every corpus document: the generated value validates against it, as the
    mock reads the document (spotify's contradictory discriminators mapped, see read_like_generate)."""
    raw = load_document(path).data
    if not str(raw.get("openapi", "")).startswith("3."):
        pytest.skip("not OpenAPI 3")
    data, _ = read_like_generate(raw)
    sampler = Sampler(data, examples=False)  # the corpus's own examples are not all valid (lint says so)
    failures = []
    for name in (data.get("components") or {}).get("schemas") or {}:
        pointer = pointer_join("/components/schemas", name)
        value = sampler.sample({"$ref": "#" + pointer})
        errors = list(schema_validator(data, pointer).iter_errors(value))
        if errors:
            failures.append(f"{name}: {errors[0].message}")
    assert failures == []


def test_the_command_line_refuses_bad_documents(tmp_path: Path) -> None:
    result = run_contract("mock", "--spec", str(tmp_path / "missing.yaml"))
    assert (
        result.returncode == 2
        and "cannot read the document" in result.stderr
        and "Traceback" not in result.stderr
    )
    swagger = tmp_path / "swagger.yaml"
    swagger.write_text("swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}\n")
    result = run_contract("mock", "--spec", str(swagger))
    assert result.returncode == 2 and "not an OpenAPI 3.x document" in result.stderr
