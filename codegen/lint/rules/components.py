"""Component rules: every component is reachable from paths, webhooks or used components."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from codegen.findings import Finding, Severity, pointer_join, pointer_tokens
from codegen.refs import COMPONENT_SECTIONS, iter_refs

from ._common import Context, dict_nodes, inside_example, security_scheme_names


def unused_component(ctx: Context) -> Iterator[Finding]:
    components = ctx.data.get("components")
    if not isinstance(components, dict):
        return
    used: set[tuple[str, str]] = set()
    queue: list[Any] = []
    roots = {key: value for key, value in ctx.data.items() if key != "components"}
    queue.append(roots)
    visited: set[tuple[str, str]] = set()
    while queue:
        node = queue.pop()
        for ptr, ref in iter_refs(node):
            if inside_example(ptr) or not ref.startswith("#/components/"):
                continue
            tokens = pointer_tokens(ref[1:])
            if len(tokens) < 3:
                continue
            key = (tokens[1], tokens[2])
            used.add(key)
            if key not in visited:
                visited.add(key)
                section = components.get(key[0])
                if isinstance(section, dict) and key[1] in section:
                    queue.append(section[key[1]])
    # Security schemes are used by name from security requirements.
    for name in security_scheme_names(ctx.data):
        used.add(("securitySchemes", name))
    # Discriminator mappings reference schemas by name or ref.
    for _ptr, node in dict_nodes(components.get("schemas") or {}):
        mapping = (
            node.get("discriminator", {}).get("mapping")
            if isinstance(node.get("discriminator"), dict)
            else None
        )
        if isinstance(mapping, dict):
            for target in mapping.values():
                if isinstance(target, str):
                    used.add(("schemas", target.rsplit("/", 1)[-1]))
    unused = [
        (section, name)
        for section in COMPONENT_SECTIONS
        if isinstance(components.get(section), dict)
        for name in components[section]
        if (section, name) not in used
    ]
    # Who references each unused component (only other unused components can).
    referrers: dict[tuple[str, str], list[str]] = defaultdict(list)
    for section, name in unused:
        for _ptr, ref in iter_refs(components[section][name]):
            tokens = pointer_tokens(ref[1:]) if ref.startswith("#/components/") else []
            if len(tokens) >= 3:
                referrers[(tokens[1], tokens[2])].append(f"components.{section}.{name}")
    for section, name in unused:
        by = referrers.get((section, name))
        reason = (
            f"only referenced from unused {', '.join(sorted(set(by)))}"
            if by
            else "not referenced from any path, webhook or used component"
        )
        yield ctx.doc.finding(
            pointer_join("/components", section, name),
            "unused-component",
            f"components.{section}.{name} is {reason}",
            Severity.WARNING,
        )
