"""Lint rules over an OpenAPI 3.0/3.1 document: the registry (`REGISTRY`) and the runner.

One rule per function, grouped by theme: structure.py (structure, ref-unresolved), operations.py,
responses.py, parameters.py, security.py, examples.py, components.py, naming.py; ../interop.py and
../deprecation.py hold the rules for other clients and for the deprecation workflow.

Every finding names its rule (`contract lint --rules` lists them). Errors fail the run; warnings do not
unless `--strict`:

* errors: parse, duplicate-key, structure (openapi-spec-validator: the OpenAPI 3.0/3.1 schema and its
  semantic checks), ref-unresolved, operation-id (present and unique), operation-tags, operation-summary,
  operation-4xx (`default` alone is not enough), problem-json (4xx/5xx/default bodies offer
  `application/problem+json`), example-invalid (media type, parameter, header and schema examples validate
  against their schema), path-params (`{name}` <-> a required `in: path` parameter, both ways),
  security-scheme (requirements name declared schemes);
* errors for other clients (interop.py): oneof-format-only;
* errors of the deprecation workflow (deprecation.py): deprecation-dates (x-deprecated-at and x-sunset on
  every deprecated operation and parameter; a warning for a deprecated property without x-sunset),
  deprecation-undocumented (the description gives the sunset date), deprecation-headers-undeclared;
* warnings: webhook-tag-shared, tag-undeclared, unused-component (nothing reachable from paths/webhooks
  references it), naming
  (operationIds, schema names, properties, parameters and path segments follow the document's dominant
  convention, judged on multi-word names only).

`unused-component` is a warning, not an error: a component can be deliberately published without a `$ref`
(our contract keeps `components.responses.MethodNotAllowed` because it is what the server answers for any
undeclared method, which no operation can reference). `--strict` makes warnings fail the run too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from codegen.document import Document
from codegen.findings import Finding, Severity

from .. import deprecation, interop
from . import components, examples, naming, operations, parameters, responses, security, structure
from ._common import Context, dict_nodes, inside_example

Check = Callable[[Context], Iterator[Finding]]
E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Rule:
    """One lint rule: its id (what findings name), default severity, description (`contract lint --rules`)
    and the check that reports it. `check` is None for what the loader reports (parse, duplicate-key) and
    for ids another rule's check reports along with its own (the deprecation workflow's three)."""

    id: str
    severity: Severity
    description: str
    check: Check | None


def _oneof_format_only(ctx: Context) -> Iterator[Finding]:
    schemas = (
        (ptr, node)
        for ptr, node in dict_nodes(ctx.data)
        if isinstance(node.get("oneOf"), list) and not inside_example(ptr)
    )
    yield from interop.oneof_format_only(ctx.doc, schemas)


def _webhook_tag_shared(ctx: Context) -> Iterator[Finding]:
    yield from interop.webhook_tags_shared(ctx.doc)


def _deprecation(ctx: Context) -> Iterator[Finding]:
    yield from deprecation.check(ctx.doc, ctx.resolver)


# In the order `contract lint --rules` lists them.
REGISTRY: tuple[Rule, ...] = (
    Rule("parse", E, "the file parses as YAML or JSON", None),
    Rule("duplicate-key", E, "no mapping repeats a key", None),
    Rule(
        "structure",
        E,
        "valid against the OpenAPI 3.0/3.1 specification (openapi-spec-validator)",
        structure.structure,
    ),
    Rule("ref-unresolved", E, "every $ref resolves inside the document", structure.ref_unresolved),
    Rule("operation-id", E, "every operation has a unique operationId", operations.operation_id),
    Rule("operation-tags", E, "every operation has at least one tag", operations.operation_tags),
    Rule(
        "tag-undeclared",
        W,
        "operation tags are declared in the top-level tags list",
        operations.tag_undeclared,
    ),
    Rule("operation-summary", E, "every operation has a summary", operations.operation_summary),
    Rule("operation-4xx", E, "every operation declares a 4xx response", responses.operation_4xx),
    Rule("problem-json", E, "error responses use application/problem+json", responses.problem_json),
    Rule("example-invalid", E, "examples validate against their schemas", examples.example_invalid),
    Rule("path-params", E, "path template variables and path parameters match", parameters.path_params),
    Rule("security-scheme", E, "security requirements name declared schemes", security.security_scheme),
    Rule("unused-component", W, "every component is referenced", components.unused_component),
    Rule("naming", W, "names follow the document's dominant convention", naming.naming),
    Rule("oneof-format-only", E, interop.RULES["oneof-format-only"], _oneof_format_only),
    Rule("webhook-tag-shared", W, interop.RULES["webhook-tag-shared"], _webhook_tag_shared),
    # One check reports all three (and a deprecation-dates warning for a property without x-sunset).
    Rule("deprecation-dates", E, deprecation.RULES["deprecation-dates"], _deprecation),
    Rule("deprecation-undocumented", E, deprecation.RULES["deprecation-undocumented"], None),
    Rule("deprecation-headers-undeclared", E, deprecation.RULES["deprecation-headers-undeclared"], None),
)

RULES: dict[str, str] = {rule.id: rule.description for rule in REGISTRY}


def lint_document(doc: Document) -> list[Finding]:
    """Every finding for `doc`, sorted by line. Never raises for a loaded document."""
    findings: list[Finding] = list(doc.notes)
    version = doc.openapi_version
    if version not in ("3.0", "3.1"):
        findings.append(
            doc.finding(
                "/openapi",
                "structure",
                f"not an OpenAPI 3.0 or 3.1 document (openapi: {version}); "
                "only 3.0.x and 3.1.x are supported",
            )
        )
        return sorted(set(findings), key=_sort_key)
    ctx = Context(doc)
    for rule in REGISTRY:
        if rule.check is None:
            continue
        try:
            findings.extend(rule.check(ctx))
        except Exception as exc:  # a rule must never take the whole run down
            findings.append(
                doc.finding(
                    "",
                    "internal",
                    f"rule {rule.id} stopped early on this document: {type(exc).__name__}: {exc}",
                    Severity.WARNING,
                )
            )
    return sorted(set(findings), key=_sort_key)


def _sort_key(finding: Finding) -> tuple[int, str, str]:
    return (finding.line, finding.rule, finding.message)


__all__ = ["REGISTRY", "RULES", "Rule", "lint_document"]
