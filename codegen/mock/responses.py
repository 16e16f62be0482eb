"""Choose what the mock answers: the status (`Prefer: code=`), the example (`Prefer: example=`) or a value
generated from the schema (`Prefer: dynamic=true` varies it), and the declared headers."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Any

from codegen.mock.sample import Sampler
from codegen.refs import Resolver


class Unsatisfiable(Exception):
    """The `Prefer` header asks for something the contract does not declare."""


@dataclass
class Answer:
    status: int
    media_type: str | None
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    has_body: bool = True
    schema: Any = None  # of the body, for the links (codegen/mock/links.py)


def parse_prefer(header: str | None) -> dict[str, str]:
    prefs: dict[str, str] = {}
    for part in (header or "").replace(";", ",").split(","):
        key, _, value = part.strip().partition("=")
        if key:
            prefs[key.strip().lower()] = value.strip().strip('"')
    return prefs


def _status_key(responses: dict[str, Any], code: str | None) -> tuple[str, int]:
    if code is not None:
        for key in (code, f"{code[:1]}XX", f"{code[:1]}xx", "default"):
            if key in responses:
                return key, int(code)
        raise Unsatisfiable(f"the operation declares no {code} response (declared: {', '.join(responses)})")
    exact = sorted(k for k in responses if k.isdigit() and k.startswith("2"))
    if exact:
        return exact[0], int(exact[0])
    for key, status in (("2XX", 200), ("2xx", 200), ("default", 200)):
        if key in responses:
            return key, status
    if responses:
        first = next(iter(responses))
        return first, int(first) if first.isdigit() else 200
    return "", 200


def _media(content: dict[str, Any], accept: str | None) -> tuple[str | None, dict[str, Any]]:
    if not content:
        return None, {}
    for wanted in [a.split(";")[0].strip() for a in (accept or "").split(",") if a.strip()]:
        if wanted in content:
            return wanted, content[wanted] or {}
    for media_type in content:
        if media_type == "application/json" or media_type.endswith("+json"):
            return media_type, content[media_type] or {}
    media_type = next(iter(content))
    return media_type, content[media_type] or {}


def build_answer(
    document: dict[str, Any], operation: dict[str, Any], prefer: dict[str, str], accept: str | None
) -> Answer:
    resolver = Resolver(document)
    responses = operation.get("responses") or {}
    key, status = _status_key(responses, prefer.get("code"))
    _, response = resolver.deref(responses.get(key, {}))
    response = response if isinstance(response, dict) else {}
    dynamic = prefer.get("dynamic", "").lower() == "true"
    sampler = Sampler(document, random.Random() if dynamic else None)
    headers = {}
    for name, header in (response.get("headers") or {}).items():
        _, header = resolver.deref(header)
        if name.lower() == "content-type" or not isinstance(header, dict):
            continue
        value = header.get("example")
        if value is None:
            value = sampler.sample(header.get("schema", {}))
        if value is not None:
            headers[name] = value if isinstance(value, str) else json.dumps(value)
    media_type, media = _media(response.get("content") or {}, accept)
    if media_type is None or status in (204, 304):
        return Answer(status, None, None, headers, has_body=False)
    schema = media.get("schema", {})
    examples = {name: resolver.deref(ex)[1] for name, ex in (media.get("examples") or {}).items()}
    wanted = prefer.get("example")
    if wanted is not None:
        if wanted not in examples:
            declared = ", ".join(examples) or "none"
            raise Unsatisfiable(f"the {key} response has no example named {wanted!r} (declared: {declared})")
        return Answer(status, media_type, (examples[wanted] or {}).get("value"), headers, schema=schema)
    if not dynamic:
        if "example" in media:
            return Answer(status, media_type, media["example"], headers, schema=schema)
        for example in examples.values():
            if isinstance(example, dict) and "value" in example:
                return Answer(status, media_type, example["value"], headers, schema=schema)
    return Answer(status, media_type, sampler.sample(schema), headers, schema=schema)
