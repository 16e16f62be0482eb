"""How `contract diff` reports: text, JSON, the rule list, and the major-version escape hatch."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

import yaml

from codegen.diff.compare import Change
from codegen.diff.examples import SLOTS
from codegen.diff.rules import RULES, Level

_MAJOR = re.compile(r"\s*[vV]?(\d+)")


def major_version(info_version: Any) -> int | None:
    match = _MAJOR.match(str(info_version)) if info_version is not None else None
    return int(match.group(1)) if match else None


def major_bumped(base: dict[str, Any], revision: dict[str, Any]) -> bool:
    old = major_version((base.get("info") or {}).get("version"))
    new = major_version((revision.get("info") or {}).get("version"))
    return old is not None and new is not None and new > old


def as_json(changes: Sequence[Change]) -> str:
    return json.dumps([c.as_json() for c in changes], indent=2, ensure_ascii=False)


def as_text(changes: Sequence[Change]) -> str:
    lines = []
    for change in changes:
        where = change.operation or "(document)"
        lines.append(
            f"{change.level!s:7} {change.id}: {where}: {change.message}\n        at {change.pointer}"
        )
    return "\n".join(lines)


def summary(changes: Sequence[Change]) -> str:
    counts = {level: sum(1 for c in changes if c.level is level) for level in Level}
    return (
        f"{counts[Level.ERROR]} breaking (error), {counts[Level.WARNING]} possibly breaking (warning), "
        f"{counts[Level.INFO]} compatible (info)"
    )


def rules_text() -> str:
    return "\n".join(f"{rule.id:48} {rule.level!s:7} {rule.summary}" for rule in RULES.values())


def _yaml(value: Any) -> str:
    if value is None:
        return "(absent)"
    return yaml.safe_dump(value, default_flow_style=True, sort_keys=False, width=10_000).strip()


_INTRO = """\
`contract diff BASE REVISION` reports every change below with its rule id, level, operation, JSON
pointer and a message. **error**: breaking, fails the run (unless `info.version`'s major number was
raised); **warning**: possibly breaking, reported; **info**: compatible, reported (and listed by
`contract changelog`).

## How the comparison works

* `$ref`s are followed on both sides and the resolved schemas compared (a recursive schema is
  compared once per location, so it terminates); `allOf` is flattened; renaming a component changes
  nothing.
* Nullability is normalised: 3.0 `nullable: true`, 3.1 `type: [T, "null"]`, a `null` member of
  `anyOf`/`oneOf` and `null` in an `enum` all mean the same.
* Order never matters: properties, `required`, `enum`, parameters, servers and `oneOf`/`anyOf`
  members are sets (members match by `$ref` name or by content). Path templates match whatever the
  parameter names. Header names ignore case.
* Direction matters. In a request the server must accept everything it accepted before (narrowing
  breaks); in a response it must not return anything clients did not expect (widening breaks).
  `readOnly` properties are ignored in requests and `writeOnly` ones in responses.
* Webhooks (OpenAPI 3.1 `webhooks`) are compared like operations with the direction reversed: our
  server *sends* them, so a webhook's payload is judged by the `response-property-*` rules, the headers
  it sends by the `response-header-*` rules, and what a receiver answers by the `request-property-*`
  rules.
* Also compared: response headers, new response statuses, `components.securitySchemes` (type, how
  credentials are sent, OAuth2 flows, URLs and scopes), `additionalProperties`, and `servers` (of the
  document, and of a path or an operation when one declares its own).
* Pointers point into the revision, following the operation (not the component a `$ref` names);
  for something removed they point into the base.
"""

_NOT_MAPPED = """\
oasdiff checks with no rule here, and why:

* the checks that need a deprecation policy's minimum notice (`api-sunset-date-too-small`,
  `request-parameter-sunset-date-too-small`, `api-deprecated-sunset-missing`,
  `request-parameter-deprecated-sunset-missing`), and unparseable dates (`*-sunset-parse`): here
  `contract lint` requires every deprecated operation and parameter to carry a valid `x-sunset` (rule
  `deprecated-without-sunset`), and a removal whose sunset is missing or unreadable counts as before the
  sunset (an error). The stability levels (`x-stability-level`, `*-stability-*`) are an extension this
  project does not use. Sunsets are compared with "now": `contract diff --date` or `CONTRACT_DIFF_DATE`
  (RFC 3339), else the clock.
* `discriminator` changes, tags (`api-tag-*`), `components.schemas` removed (`api-schema-removed`),
  `info.version` policy (`api-version-*`, `api-major-version-*`), `default` changes in responses and
  descriptions of OAuth2 scopes: informational only in oasdiff, or, for components, judged where an
  operation uses them. Other `readOnly`/`writeOnly` transitions (informational in oasdiff) are judged
  as the property appearing or vanishing in that direction: a property that becomes `readOnly` is a
  removed request property, one that stops being `readOnly` and is required is a new required one.
* `x-extensible-enum` (`*-x-extensible-enum-value-removed`): an extension this project does not use.
* OpenAPI 3.2 `itemSchema` (`*-media-type-item-schema-*`): documents here are 3.0 or 3.1.
"""


def parity_markdown() -> str:
    """The mapping of every rule to oasdiff's checks, with both levels (generated from the rules)."""
    out = [
        "## Parity with oasdiff",
        "",
        "Every rule against the oasdiff checks that report the same change, with oasdiff's level (the",
        "highest it has given the check in recent releases). No rule is laxer than its checks (a test holds",
        "them to it); where ours is stricter, the last column says why. Rules without a counterpart compare",
        "something oasdiff does not.",
        "",
        "| our rule | level | oasdiff check | oasdiff level | why ours is stricter |",
        "|---|---|---|---|---|",
    ]
    for rule in RULES.values():
        if not rule.oasdiff:
            out.append(f"| [`{rule.id}`](#{rule.id}) | {rule.level} | — | — | |")
            continue
        for check, level in rule.oasdiff:
            why = rule.stricter if rule.level > level else ""
            out.append(f"| [`{rule.id}`](#{rule.id}) | {rule.level} | `{check}` | {level} | {why} |")
    return "\n".join([*out, "", _NOT_MAPPED])


def rules_markdown() -> str:
    """docs/breaking-changes.md (generated: `contract diff --rules --format markdown`)."""
    out = [
        "# Breaking-change rules of `contract diff`",
        "",
        "<!-- generated by `contract diff --rules --format markdown > docs/breaking-changes.md`; "
        "a test checks it is current -->",
        "",
        _INTRO,
        parity_markdown(),
        "## Rules",
        "",
        "Each example below is a pair of fragments placed in a small document (the same pairs are the test",
        "suite's: each must yield exactly its rule).",
        "",
        "| rule | level | change |",
        "|---|---|---|",
    ]
    out += [f"| [`{r.id}`](#{r.id}) | {r.level} | {r.summary} |" for r in RULES.values()]
    for rule in RULES.values():
        out += [
            "",
            f"### {rule.id}",
            "",
            f"**{rule.level}**: {rule.summary}. Example, in {SLOTS[rule.example.slot]}:",
            "",
            "```yaml",
            "# base",
            _yaml(rule.example.base),
            "# revision",
            _yaml(rule.example.revision),
            "```",
        ]
    return "\n".join(out) + "\n"
