"""Pydantic v2 models with datamodel-code-generator, plus the schema -> class map the SDK needs."""

from __future__ import annotations

import contextlib
import io
import json
import re
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codegen.findings import pointer_join
from codegen.generate.ir import ModelInfo

# Options are fixed here (and the generator pinned in pyproject.toml) so output is reproducible.
_OPTIONS: dict[str, Any] = {
    "disable_timestamp": True,
    # Dotted schema names (io.k8s.api.apps.v1.Deployment) stay classes in one module, not packages.
    "treat_dot_as_module": False,
    "use_double_quotes": True,
    # A default does not make a field nullable; `null` is allowed only where the schema says so.
    "strict_nullable": True,
    "use_schema_description": True,
    "use_field_description": True,
    "field_constraints": True,
    # `Field(default="")`, not `Field("")`: type checkers only see keyword defaults as optional arguments.
    "use_default_kwarg": True,
    "use_specialized_enum": True,
    # StrEnum members are attributes of str: a member called `replace` or `count` would shadow str's methods
    # (github's `op: [add, remove, replace]`). Upper-case members cannot.
    "capitalise_enum_members": True,
    "allow_population_by_field_name": True,
    # Discriminated unions over enum-typed properties stay type-correct (Literal[Kind.x], not Literal["x"]).
    "use_enum_values_in_discriminator": True,
    # Formats whose pydantic types need extra packages or rewrite values are kept as plain strings: URLs
    # (pagination links must be followed byte for byte) and emails (no email-validator dependency).
    "type_mappings": ["email=string", "idn-email=string", "uri=string", "uri-reference=string", "iri=string"],
    "formatters": ["builtin"],
}


@dataclass
class ModelsResult:
    source: str
    models: dict[str, ModelInfo]  # schema pointer (/components/schemas/Name) -> class info
    messages: list[str]
    error: str | None = None
    class_names: set[str] = field(default_factory=set)  # every generated class, nested ones included


def empty_models(header: str, reason: str) -> str:
    return (
        f"{header}\n"
        f'"""No models: {reason}."""\n\n'
        "from __future__ import annotations\n\n"
        "from pydantic import BaseModel\n\n"
        '__all__: list[str] = ["BaseModel"]\n'
    )


def generate_models(data: dict[str, Any], header: str, *, lenient: bool = False) -> ModelsResult:
    """Run datamodel-code-generator on the prepared document; never raises for a bad document.

    `lenient` (the SDKs' models, from `open_for_clients`): an open enum (`Kind | str`) is validated left to
    right, so that a known value parses into its enum member and only an unknown one stays a plain string.
    """
    schemas = (
        (data.get("components") or {}).get("schemas") if isinstance(data.get("components"), dict) else None
    )
    if not isinstance(schemas, dict) or not schemas:
        return ModelsResult(empty_models(header, "the document has no components.schemas"), {}, [])
    attempts: list[Callable[[], ModelsResult]] = [
        lambda: _run(data, header, {"deserialize_default_values": ["enum"]}),
        # Fallback for documents the richer options trip over: no typed defaults, no constraints.
        lambda: _run(data, header, {"field_constraints": False}),
    ]
    errors: list[str] = []
    for attempt in attempts:
        try:
            result = attempt()
        except Exception as exc:  # the generator's own errors are many and undocumented
            errors.append(_describe(exc))
            continue
        if errors:
            result.messages.insert(0, f"first attempt failed ({errors[0]}); generated with fallback options")
        if lenient:
            result.source = _left_to_right(result.source)
        return result
    reason = f"datamodel-code-generator failed: {errors[-1]}"
    return ModelsResult(
        empty_models(header, "generation failed, see the generate notes"), {}, [], error=reason
    )


_ENUM_CLASS = re.compile(r"^class (\w+)\((?:StrEnum|Enum|str, Enum)\):", re.MULTILINE)


def _left_to_right(source: str) -> str:
    """`Kind | str` -> `Annotated[Kind | str, Field(union_mode="left_to_right")]` for the module's enums:
    pydantic's default (smart) mode would keep a known value as a plain `str`. (The generator's own
    `union_mode` option puts it on every field with a union, nullable models included, which pydantic
    refuses.)"""
    enums = _ENUM_CLASS.findall(source)
    if not enums:
        return source
    open_enum = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, enums)) + r") \| str\b")
    replaced = open_enum.sub(r'Annotated[\1 | str, Field(union_mode="left_to_right")]', source)
    if replaced == source:
        return source
    return _ensure_import(_ensure_import(replaced, "typing", "Annotated"), "pydantic", "Field")


def _ensure_import(source: str, module: str, name: str) -> str:
    """`from module import ..., name` in the generated module."""
    wrapped = re.search(rf"^from {module} import \(\n((?:    \w+,\n)+)\)$", source, re.MULTILINE)
    if wrapped is not None:
        names = sorted({line.strip().rstrip(",") for line in wrapped.group(1).splitlines()} | {name})
        lines = "".join(f"    {n},\n" for n in names)
        return source.replace(wrapped.group(0), f"from {module} import (\n{lines})", 1)
    found = re.search(rf"^from {module} import ([^(].*)$", source, re.MULTILINE)
    if found is None:
        first = re.search(r"^(from|import) (?!__future__)", source, re.MULTILINE)
        at = first.start() if first else len(source)
        return source[:at] + f"from {module} import {name}\n" + source[at:]
    names = sorted({*found.group(1).split(", "), name})
    return source.replace(found.group(0), f"from {module} import " + ", ".join(names), 1)


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"[:400]


def _run(data: dict[str, Any], header: str, extra: dict[str, Any]) -> ModelsResult:
    from datamodel_code_generator import DataModelType, InputFileType, PythonVersion, generate

    options = {**_OPTIONS, **extra}
    with tempfile.TemporaryDirectory(prefix="contract-models-") as tmp:
        output = Path(tmp) / "models.py"
        metadata = Path(tmp) / "metadata.json"
        captured = io.StringIO()
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stderr(captured):
            warnings.simplefilter("always")
            generate(
                json.loads(json.dumps(data)),
                input_file_type=InputFileType.OpenAPI,
                output_model_type=DataModelType.PydanticV2BaseModel,
                target_python_version=PythonVersion.PY_311,
                output=output,
                emit_model_metadata=metadata,
                custom_file_header=header,
                **options,
            )
        source = output.read_text(encoding="utf-8") if output.exists() else ""
        meta = json.loads(metadata.read_text(encoding="utf-8")) if metadata.exists() else {"models": []}
    messages = sorted(
        {str(w.message).splitlines()[0] for w in caught if "deprecat" not in str(w.message).lower()}
    )
    models: dict[str, ModelInfo] = {}
    class_names = {str(m["class_name"]) for m in meta.get("models", []) if m.get("class_name")}
    for model in meta.get("models", []):
        path = model.get("source_path") or []
        if len(path) != 3 or path[:2] != ["components", "schemas"]:
            continue
        pointer = pointer_join("/components/schemas", str(path[2]))
        fields = {
            str(f.get("original_name") or f.get("alias")): str(f.get("name"))
            for f in model.get("fields") or []
        }
        types = {
            str(f.get("original_name") or f.get("alias")): str(f.get("type"))
            for f in model.get("fields") or []
        }
        models[pointer] = ModelInfo(str(model["class_name"]), fields, types)
    if not source.strip():
        source = empty_models(header, "the generator produced no models")
    if not source.endswith("\n"):
        source += "\n"
    return ModelsResult(source, models, messages, class_names=class_names)
