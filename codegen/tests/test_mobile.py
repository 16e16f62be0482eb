"""`contract generate --target kotlin|swift` (codegen/mobile; docs/mobile.md).

The generation tests need openapi-generator-cli (pyproject's `interop` extra) and Java; without them they
are skipped, unless CONTRACT_MOBILE_REQUIRED=1 (.ci/run sets it after `make interop` installed both), where a
missing toolchain fails. There is no Kotlin or Swift compiler here: these tests read the generated source
text; they do not compile or run it.
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from codegen.document import load_document
from codegen.findings import CodegenError
from codegen.mobile import (
    PATCHES,
    TARGETS,
    MobileResult,
    allowed_warnings,
    generate_mobile,
    mark_null_encodable,
    patched_templates,
)
from codegen.paths import DEFAULT_SPEC
from codegen.tests.conftest import run_contract

KOTLIN_PACKAGE = Path("kotlin/src/main/kotlin/dev/contractfirst/projectmgmt")
SWIFT_SOURCES = Path("swift/Sources/ProjectMgmtClient")


def _toolchain_missing() -> str | None:
    try:
        from codegen.mobile import generator, jar

        generator()
        jar()
    except CodegenError as missing:
        return str(missing)
    return None


MISSING = _toolchain_missing()
needs_generator = pytest.mark.skipif(
    MISSING is not None and os.environ.get("CONTRACT_MOBILE_REQUIRED") != "1",
    reason=f"openapi-generator not available: {MISSING}",
)


# --- without Java ----------------------------------------------------------------------------------------


def test_the_request_bodies_optional_nullable_properties_are_marked() -> None:
    data = copy.deepcopy(load_document(DEFAULT_SPEC).data)
    marked = mark_null_encodable(data)
    assert {"TaskUpdate.assignee_id", "TaskUpdate.due_date"} <= set(marked)
    task_update = data["components"]["schemas"]["TaskUpdate"]["properties"]
    assert task_update["assignee_id"]["x-null-encodable"] is True
    assert "x-null-encodable" not in task_update["title"]  # not nullable: omitted or a value
    # A response schema keeps its plain optional (Task is read, never sent).
    task = data["components"]["schemas"]["Task"]["properties"]
    assert all("x-null-encodable" not in prop for prop in task.values())


def test_the_allow_list_needs_a_reason_for_every_pattern(tmp_path: Path) -> None:
    assert allowed_warnings()  # the checked-in list parses
    bare = tmp_path / "warnings.txt"
    bare.write_text("# a reason\nfirst\n\nsecond\n", encoding="utf-8")
    with pytest.raises(CodegenError, match=":4: a pattern without a `# reason`"):
        allowed_warnings(bare)


def test_a_template_patch_that_no_longer_matches_fails(tmp_path: Path) -> None:
    fake = tmp_path / "openapi-generator.jar"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("swift6/modelObject.mustache", "a template some other version ships\n")
    with pytest.raises(CodegenError, match="exactly once"):
        patched_templates("swift", tmp_path / "templates", fake)


def test_target_takes_neither_check_nor_only() -> None:
    result = run_contract("generate", "--target", "kotlin", "--check")
    assert result.returncode == 2, result.stderr
    assert "--target" in result.stderr
    assert run_contract("generate", "--target", "java").returncode == 2


# --- with openapi-generator --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mobile")
    result = run_contract("generate", "--target", "kotlin", "--target", "swift", "--out", str(out))
    assert result.returncode == 0, result.stderr
    for target in TARGETS:
        assert re.search(
            rf"generated {target} into .* \(\d+ generator warning\(s\), 0 not in ", result.stderr
        ), result.stderr
    return out


def _read(root: Path, relative: Path | str) -> str:
    return (root / relative).read_text(encoding="utf-8")


def _tree(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@needs_generator
def test_kotlin_patch_can_send_null_apart_from_omitting(generated: Path) -> None:
    model = _read(generated, KOTLIN_PACKAGE / "models/TaskUpdate.kt")
    for wire, name in (("assignee_id", "assigneeId"), ("due_date", "dueDate")):
        assert re.search(
            rf'@SerialName\(value = "{wire}"\)\n\s+'
            rf"val {name}: kotlinx\.serialization\.json\.JsonElement\? = null",
            model,
        ), model
    # A property that is not nullable stays typed; `null` leaves it out.
    assert re.search(r'@SerialName\(value = "title"\)\n\s+val title: kotlin\.String\? = null', model)
    serializer = _read(generated, KOTLIN_PACKAGE / "infrastructure/Serializer.kt")
    assert re.search(r"encodeDefaults = true\n\s+explicitNulls = false\n", serializer), serializer


@needs_generator
def test_swift_patch_can_send_null_apart_from_omitting(generated: Path) -> None:
    model = _read(generated, SWIFT_SOURCES / "Models/TaskUpdate.swift")
    assert "public var assigneeId: NullEncodable<Int64>" in model
    assert "public var dueDate: NullEncodable<OpenAPIDateWithoutTime>" in model
    assert "assigneeId: NullEncodable<Int64> = .encodeNothing" in model  # omitted unless set
    assert "public var title: String?" in model
    assert re.search(
        r"switch assigneeId \{\n\s+case \.encodeNothing: break\n"
        r"\s+case \.encodeNull, \.encodeValue: try container\.encode\(assigneeId, forKey: \.assigneeId\)",
        model,
    ), model
    models = _read(generated, SWIFT_SOURCES / "Infrastructure/Models.swift")
    assert re.search(r"case \.encodeNull: try container\.encodeNil\(\)", models)


@needs_generator
def test_unknown_enum_values_decode_to_a_fallback_case(generated: Path) -> None:
    enums = load_document(DEFAULT_SPEC).data["components"]["schemas"]
    names = [name for name, schema in enums.items() if "enum" in schema and schema.get("type") == "string"]
    assert "TaskStatus" in names
    for name in names:
        kotlin = _read(generated, KOTLIN_PACKAGE / f"models/{name}.kt")
        assert f"?: {name}.unknown_default_open_api" in kotlin, name
        swift = _read(generated, SWIFT_SOURCES / f"Models/{name}.swift")
        assert "CaseIterableDefaultsLast" in swift, name
        assert re.search(r'case unknownDefaultOpenApi = "unknown_default_open_api"\n\}', swift), name
    # Kotlin reads unknown properties too (Swift's Codable ignores them by default).
    assert "ignoreUnknownKeys = true" in _read(generated, KOTLIN_PACKAGE / "infrastructure/Serializer.kt")


@needs_generator
def test_errors_headers_and_auth_are_reachable(generated: Path) -> None:
    # The problem+json body: a Problem model with `code`; Kotlin returns retrofit's Response (errorBody()),
    # Swift throws ErrorResponse.error(status, data, response, error).
    kotlin_problem = _read(generated, KOTLIN_PACKAGE / "models/Problem.kt")
    assert re.search(r'@SerialName\(value = "code"\)\n\s+val code: kotlin\.String,', kotlin_problem)
    tasks = _read(generated, KOTLIN_PACKAGE / "apis/TasksApi.kt")
    assert re.search(
        r"suspend fun tasksUpdate\(.*@Body taskUpdate: TaskUpdate, "
        r'@Header\("If-Match"\) ifMatch: kotlin\.String\? = null\): Response<Task>',
        tasks,
    ), tasks
    assert '@Header("Idempotency-Key") idempotencyKey: kotlin.String? = null): Response<Task>' in tasks
    assert '"bearerAuth" -> HttpBearerAuth("bearer")' in _read(
        generated, KOTLIN_PACKAGE / "infrastructure/ApiClient.kt"
    )
    swift_problem = _read(generated, SWIFT_SOURCES / "Models/Problem.swift")
    assert "public var code: String\n" in swift_problem
    assert "case error(Int, Data?, URLResponse?, Error)" in _read(
        generated, SWIFT_SOURCES / "Infrastructure/Models.swift"
    )
    swift_tasks = _read(generated, SWIFT_SOURCES / "APIs/TasksAPI.swift")
    assert re.search(
        r"func tasksUpdate\(.*ifMatch: String\? = nil.*async throws\(ErrorResponse\) -> Task", swift_tasks
    )
    assert re.search(r"func tasksCreate\(.*idempotencyKey: String\? = nil", swift_tasks)


@needs_generator
def test_generation_is_deterministic(generated: Path, tmp_path: Path) -> None:
    again: MobileResult = generate_mobile(TARGETS, DEFAULT_SPEC, tmp_path)
    assert not again.failed, [(t.failure, t.unexpected) for t in again.targets]
    assert again.stale_patterns == []  # every allow-listed warning is still printed
    for target in TARGETS:
        first, second = _tree(generated / target), _tree(tmp_path / target)
        assert first and first == second, target
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_every_patch_names_a_template_of_its_generator() -> None:
    roots = {"kotlin": "kotlin-client/", "swift": "swift6/"}
    for target, patches in PATCHES.items():
        assert all(name.startswith(roots[target]) for name, _old, _new in patches), target
