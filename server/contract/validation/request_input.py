"""What request validation hands the handler: the request's input, typed as the contract declares it.

Both engines return it from `validate_request` (the compiled one from the values it cast to validate them,
so nothing is cast twice); with validation off the view builds it with `typed_input`, from the same casts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeAlias

from django.http import HttpRequest

from ..casting import cast_parameter
from ..spec import Operation

JSONValue: TypeAlias = dict[str, "JSONValue"] | list["JSONValue"] | str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class ValidatedRequest:
    """Path and header parameters sent, cast by their schema's type (an id is an int); every query parameter
    the operation declares, cast, or else its default (None without one); the parsed body (None when the
    operation takes none, {} when an optional one was not sent, as DRF's `request.data`)."""

    path: dict[str, Any]
    query: dict[str, Any]
    headers: dict[str, Any]
    body: JSONValue


def typed_input(operation: Operation, request: HttpRequest, body: JSONValue) -> ValidatedRequest:
    """The input of a request that validation accepted, or did not look at; every value present already
    matches its schema when it did."""
    path: dict[str, Any] = {}
    query: dict[str, Any] = {}
    headers: dict[str, Any] = {}
    kwargs = request.resolver_match.kwargs if request.resolver_match else {}
    for parameter in operation.parameters:
        name, schema = parameter.name, parameter.schema
        if parameter.location == "query":
            if name not in request.GET:
                query[name] = schema.get("default")
            elif schema.get("type") == "array":
                query[name] = [cast_parameter(v, schema.get("items", {})) for v in request.GET.getlist(name)]
            else:
                query[name] = cast_parameter(str(request.GET[name]), schema)
        elif parameter.location == "path" and isinstance(raw := kwargs.get(name), str):
            path[name] = cast_parameter(raw, schema)
        elif parameter.location == "header" and (value := request.headers.get(name)) is not None:
            headers[name] = cast_parameter(value, schema)
    return ValidatedRequest(path=path, query=query, headers=headers, body=body)
