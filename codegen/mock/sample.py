"""Values generated from a JSON Schema when a contract has no example: deterministic without an rng.

Our own small generator rather than hypothesis-jsonschema: a mock must answer the same body for the same
request (so frontend snapshots and SDK tests are stable), quickly, with plausible values (the first enum
value, `user@example.com` for an email, a date for a date) and every property present, not the shrunk or
adversarial values a property-based generator is built to find.
"""

from __future__ import annotations

import random as _random
import re
from typing import Any

from codegen.diff.schema import Normalizer
from codegen.refs import Resolver

_STRINGS = {
    "date-time": "2026-01-01T09:30:00Z",
    "date": "2026-01-01",
    "time": "09:30:00Z",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "uri": "https://example.com/resource",
    "uri-reference": "https://example.com/resource",
    "iri": "https://example.com/resource",
    "url": "https://example.com/resource",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "password": "Correct-Horse-Battery-42",
    "byte": "c3RyaW5n",
    "binary": "string",
    "duration": "P1D",
}
_PATTERN_CANDIDATES = ["string", "example", "abc", "a", "abc123", "ABC", "123", "a-b", "a_b", "a.b", ""]
_MAX_DEPTH = 6


class Sampler:
    def __init__(
        self, document: dict[str, Any], rng: _random.Random | None = None, examples: bool = True
    ) -> None:
        self.examples = examples and rng is None
        self.resolver = Resolver(document)
        self.normalizer = Normalizer(self.resolver)
        self.rng = rng

    def sample(self, schema: Any, direction: str = "response") -> Any:
        return self._sample(schema, direction, (), 0)

    def _sample(self, schema: Any, direction: str, refs: tuple[str, ...], depth: int) -> Any:
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        if isinstance(ref, str):
            if refs.count(ref) >= 1 and depth > 1:
                return None
            refs = (*refs, ref)
        node = self.normalizer.node(schema)
        s = node.schema
        if self.examples:
            for key in ("example", "default", "const"):
                if key in s:
                    return s[key]
            if isinstance(s.get("examples"), list) and s["examples"]:
                return s["examples"][0]
        enum = [v for v in s.get("enum") or [] if v is not None] if isinstance(s.get("enum"), list) else []
        if enum:
            return self.rng.choice(enum) if self.rng else enum[0]
        if "const" in s:
            return s["const"]
        for keyword in ("oneOf", "anyOf"):
            members = node.members.get(keyword)
            if members:
                member = self.rng.choice(members) if self.rng else members[0]
                value = self._sample(member, direction, refs, depth + 1)
                disc = s.get("discriminator")
                if isinstance(value, dict) and isinstance(disc, dict):
                    prop = disc.get("propertyName")
                    tag = self._discriminator_value(disc, member)
                    if isinstance(prop, str) and tag is not None:
                        value[prop] = tag  # present even where depth dropped optional properties
                return value
        types = sorted(node.types) if node.types else []
        kind = types[0] if types else ("object" if "properties" in s else "array" if "items" in s else None)
        if kind is None:
            return None if node.nullable else "string"
        return getattr(self, f"_{kind}", self._unknown)(s, direction, refs, depth)

    def _discriminator_value(self, disc: dict[str, Any], member: Any) -> str | None:
        """The discriminating value that selects `member`: its explicit mapping key, else the single value the
        member's own enum/const allows (what `contract generate` maps when it contradicts the schema name,
        spotify's `type: [track]` for `TrackObject`), else the implied value, the schema name."""
        ref = member.get("$ref") if isinstance(member, dict) else None
        if not isinstance(ref, str):
            return None
        name = ref.rsplit("/", 1)[-1]
        mapping = disc.get("mapping")
        for key, target in (mapping if isinstance(mapping, dict) else {}).items():
            if target in (ref, name):
                return str(key)
        properties = self.normalizer.node(member).schema.get("properties")
        prop = properties.get(disc.get("propertyName")) if isinstance(properties, dict) else None
        if isinstance(prop, dict):
            flat = self.normalizer.node(prop).schema
            allowed = [flat["const"]] if "const" in flat else flat.get("enum")
            if isinstance(allowed, list) and name not in allowed and len(allowed) == 1:
                return str(allowed[0])
        return name

    def _unknown(self, s: dict[str, Any], direction: str, refs: tuple[str, ...], depth: int) -> Any:
        return None

    def _null(self, s: dict[str, Any], direction: str, refs: tuple[str, ...], depth: int) -> Any:
        return None

    def _boolean(self, s: dict[str, Any], direction: str, refs: tuple[str, ...], depth: int) -> bool:
        return self.rng.random() < 0.5 if self.rng else True

    def _integer(self, s: dict[str, Any], direction: str, refs: tuple[str, ...], depth: int) -> int:
        low, high = _bounds(s, integer=True)
        if self.rng:
            return self.rng.randint(
                int(low if low is not None else 1), int(high if high is not None else 1000)
            )
        value = 1 if low is None else int(low)
        return min(value, int(high)) if high is not None else value

    def _number(self, s: dict[str, Any], direction: str, refs: tuple[str, ...], depth: int) -> float:
        low, high = _bounds(s, integer=False)
        lo = low if low is not None else 0.0
        hi = high if high is not None else lo + 100.0
        if self.rng:
            return round(self.rng.uniform(lo, hi), 2)
        value = 1.5 if low is None else float(low)
        return min(value, float(hi)) if high is not None else value

    def _string(self, s: dict[str, Any], direction: str, refs: tuple[str, ...], depth: int) -> str:
        fmt = s.get("format")
        value = _STRINGS.get(fmt, "string") if isinstance(fmt, str) else "string"
        pattern = s.get("pattern")
        if isinstance(pattern, str):
            candidates = [value, *_PATTERN_CANDIDATES]
            value = next((c for c in candidates if _matches(pattern, c)), value)
        if self.rng and fmt is None and pattern is None:
            value = f"{value}-{self.rng.randint(1, 9999)}"
        min_length, max_length = s.get("minLength"), s.get("maxLength")
        if isinstance(min_length, int) and len(value) < min_length:
            value = value + "x" * (min_length - len(value))
        if isinstance(max_length, int) and len(value) > max_length:
            value = value[:max_length]
        return value

    def _array(self, s: dict[str, Any], direction: str, refs: tuple[str, ...], depth: int) -> list[Any]:
        items = s.get("items")
        if not isinstance(items, dict) or depth > _MAX_DEPTH:
            return []
        min_items: int = s["minItems"] if isinstance(s.get("minItems"), int) else 0
        max_items: int | None = s["maxItems"] if isinstance(s.get("maxItems"), int) else None
        count = max(min_items, self.rng.randint(1, 3) if self.rng else 1)
        if max_items is not None:
            count = min(count, max_items)
        values = [self._sample(items, direction, refs, depth + 1) for _ in range(count)]
        return [v for v in values if v is not None] if len(values) > min_items else values

    def _object(self, s: dict[str, Any], direction: str, refs: tuple[str, ...], depth: int) -> dict[str, Any]:
        properties: dict[str, Any] = s["properties"] if isinstance(s.get("properties"), dict) else {}
        required = set(s.get("required") or [])
        hidden = "writeOnly" if direction == "response" else "readOnly"
        result: dict[str, Any] = {}
        for name, prop in properties.items():
            if name not in required and depth > _MAX_DEPTH // 2:
                continue
            if self.normalizer.node(prop).schema.get(hidden) is True:
                continue
            value = self._sample(prop, direction, refs, depth + 1)
            if value is None and not self.normalizer.node(prop).nullable and name not in required:
                continue
            result[name] = value
        # A required name the schema does not declare (github's `content-tree` requires `content` and
        # `encoding`, spotify's `PagingObject` requires `items` its allOf users declare) is still required:
        # its value comes from the matching patternProperties / additionalProperties schema, else any value.
        patterns = s["patternProperties"] if isinstance(s.get("patternProperties"), dict) else {}
        extra = s.get("additionalProperties", True)
        for name in s.get("required") or []:
            if not isinstance(name, str) or name in properties or name in result:
                continue
            schema = next((v for p, v in patterns.items() if _matches(p, name)), None)
            if schema is None:
                if extra is False:
                    continue  # unsatisfiable: nothing the generator can do
                schema = extra if isinstance(extra, dict) else {}
            result[name] = self._sample(schema, direction, refs, depth + 1)
        return result


def _matches(pattern: str, value: str) -> bool:
    try:
        return re.search(pattern, value) is not None
    except re.error:
        return True


def _bounds(s: dict[str, Any], integer: bool) -> tuple[float | None, float | None]:
    step = 1 if integer else 0.01
    low: float | None = None
    high: float | None = None
    if isinstance(s.get("minimum"), int | float):
        low = s["minimum"] + (step if s.get("exclusiveMinimum") is True else 0)
    if isinstance(s.get("exclusiveMinimum"), int | float) and not isinstance(s.get("exclusiveMinimum"), bool):
        low = s["exclusiveMinimum"] + step
    if isinstance(s.get("maximum"), int | float):
        high = s["maximum"] - (step if s.get("exclusiveMaximum") is True else 0)
    if isinstance(s.get("exclusiveMaximum"), int | float) and not isinstance(s.get("exclusiveMaximum"), bool):
        high = s["exclusiveMaximum"] - step
    return low, high
