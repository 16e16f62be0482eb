"""Small whole documents around a rule's example fragment: what the docs show and what the tests diff."""

from __future__ import annotations

import copy
from typing import Any

from codegen.diff.rules import Example

SLOTS = {
    "paths": "`paths`",
    "path-item": "the path item `/items`",
    "operation": "the operation `GET /items` (merged into it)",
    "webhooks": "`webhooks`",
    "parameters": "the parameters of `GET /items`",
    "request-body": "the request body of `POST /items`",
    "request-schema": "the JSON request body schema of `POST /items`",
    "responses": "the responses of `GET /items`",
    "response-schema": "the JSON schema of the 200 response of `GET /items`",
    "parameter-schema": "the schema of the query parameter `value` of `GET /items`",
    "request-property-schema": "the schema of the property `value` of the `POST /items` request body",
    "response-property-schema": "the schema of the required property `value` of the `GET /items` response",
    "response-headers": "the headers of the 200 response of `GET /items`",
    "response-header-schema": "the schema of the header `X-Value` of the 200 response of `GET /items`",
    "servers": "the document's `servers`",
    "security-schemes": "`components.securitySchemes`",
    "webhook-operation": "the operation `POST` of the webhook `itemCreated` (merged into it)",
}


def template() -> dict[str, Any]:
    json_body = {"application/json": {"schema": {"type": "object"}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Example", "version": "1.0.0"},
        "paths": {
            "/items": {
                "get": {
                    "operationId": "items_list",
                    "summary": "List items",
                    "responses": {"200": {"description": "OK", "content": copy.deepcopy(json_body)}},
                },
                "post": {
                    "operationId": "items_create",
                    "summary": "Create an item",
                    "requestBody": {"required": True, "content": copy.deepcopy(json_body)},
                    "responses": {"201": {"description": "Created"}},
                },
            }
        },
        "webhooks": {
            "itemCreated": {
                "post": {
                    "operationId": "item_created",
                    "requestBody": {"required": True, "content": copy.deepcopy(json_body)},
                    "responses": {"200": {"description": "Received"}},
                }
            }
        },
        "components": {
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer"},
                "apiKeyAuth": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            }
        },
    }


def document(slot: str, fragment: Any) -> dict[str, Any]:
    """The template document with `fragment` in `slot`."""
    doc = template()
    items = doc["paths"]["/items"]
    get, post = items["get"], items["post"]
    fragment = copy.deepcopy(fragment)
    if slot == "paths":
        doc["paths"] = fragment
    elif slot == "path-item":
        doc["paths"]["/items"] = fragment
    elif slot == "operation":
        get.update(fragment)
    elif slot == "webhooks":
        doc["webhooks"] = fragment
    elif slot == "webhook-operation":
        hook = doc["webhooks"]["itemCreated"]["post"]
        hook.update(fragment)
        if hook.get("requestBody", {}) is None:
            del hook["requestBody"]
    elif slot == "servers":
        doc["servers"] = fragment
    elif slot == "security-schemes":
        doc["components"]["securitySchemes"] = fragment
    elif slot == "response-headers":
        get["responses"]["200"]["headers"] = fragment
    elif slot == "response-header-schema":
        get["responses"]["200"]["headers"] = {"X-Value": {"required": True, "schema": fragment}}
    elif slot == "parameters":
        get["parameters"] = fragment
    elif slot == "request-body":
        if fragment is None:
            del post["requestBody"]
        else:
            post["requestBody"] = fragment
    elif slot == "request-schema":
        post["requestBody"]["content"]["application/json"]["schema"] = fragment
    elif slot == "responses":
        get["responses"] = fragment
    elif slot == "response-schema":
        get["responses"]["200"]["content"]["application/json"]["schema"] = fragment
    elif slot == "parameter-schema":
        get["parameters"] = [{"name": "value", "in": "query", "schema": fragment}]
    elif slot == "request-property-schema":
        schema = {"type": "object", "properties": {"value": fragment}}
        post["requestBody"]["content"]["application/json"]["schema"] = schema
    elif slot == "response-property-schema":
        schema = {"type": "object", "required": ["value"], "properties": {"value": fragment}}
        get["responses"]["200"]["content"]["application/json"]["schema"] = schema
    else:
        raise ValueError(f"unknown example slot {slot!r}")
    return doc


def documents(example: Example) -> tuple[dict[str, Any], dict[str, Any]]:
    return document(example.slot, example.base), document(example.slot, example.revision)
