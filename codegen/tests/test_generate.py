"""`contract generate`: freshness of the repository's outputs, `--check`, determinism and headers."""

from __future__ import annotations

import hashlib
import importlib
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from codegen.generate.ir import Api, build_api
from codegen.paths import DEFAULT_SPEC, PYTHON_SDK, REPO_ROOT, SERVER_MODELS, TYPESCRIPT_SDK
from codegen.tests.conftest import SPECS, run_contract

# One worker runs these in order: one test edits a generated file of the repository (and restores it).
pytestmark = pytest.mark.xdist_group("generate")

GENERATED = [
    SERVER_MODELS / "choices.py",
    SERVER_MODELS / "__init__.py",
    PYTHON_SDK / "src" / "projectmgmt_client" / "models.py",
    PYTHON_SDK / "src" / "projectmgmt_client" / "_client.py",
    PYTHON_SDK / "src" / "projectmgmt_client" / "__init__.py",
    TYPESCRIPT_SDK / "src" / "generated" / "schema.ts",
    TYPESCRIPT_SDK / "src" / "generated" / "client.ts",
]


def tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "node_modules" not in path.parts
    }


def test_repository_outputs_are_up_to_date() -> None:
    result = run_contract("generate", "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_files_carry_the_header() -> None:
    digest = hashlib.sha256(DEFAULT_SPEC.read_bytes()).hexdigest()
    for path in GENERATED:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        comment = "//" if path.suffix == ".ts" else "#"
        assert first == (
            f"{comment} generated from openapi/openapi.yaml (sha256 {digest}), do not edit; "
            "regenerate with `contract generate`"
        ), path


def test_the_server_s_choices_are_the_contract_s_enums_named_as_the_sdk_names_them() -> None:
    server = (SERVER_MODELS / "choices.py").read_text(encoding="utf-8")
    sdk = (PYTHON_SDK / "src" / "projectmgmt_client" / "models.py").read_text(encoding="utf-8")
    enum_block = r"^class (\w+)\((?:StrEnum|TextChoices)\):\n(?:(?:    .*)?\n)*?((?:    [A-Z]\w* = .*\n)+)"
    # Every string enum of components/schemas; the SDK's also has the inline ones (a property's own enum).
    server_enums = dict(re.findall(enum_block, server, re.MULTILINE))
    sdk_enums = dict(re.findall(enum_block, sdk, re.MULTILINE))
    status = '    TODO = "todo"\n    IN_PROGRESS = "in_progress"\n    DONE = "done"\n'
    assert server_enums["TaskStatus"] == status
    assert {name: sdk_enums[name] for name in server_enums} == server_enums
    # What the SDK receives takes unknown enum values; the server keeps the contract's values exactly.
    assert '    status: Annotated[TaskStatus | str, Field(union_mode="left_to_right")]\n' in sdk


def test_django_choices_member_names() -> None:
    from codegen.generate.django_choices import member_name, text_choices

    assert [member_name(v) for v in ("task.created", "in_progress", "2fa", "", "a-b c")] == [
        "TASK_CREATED",
        "IN_PROGRESS",
        "V_2FA",
        "VALUE",
        "A_B_C",
    ]
    schemas = {
        "Kind": {"type": "string", "enum": ["a.b", "a_b", "\u00e9"]},
        "Mixed": {"enum": ["x", 1]},
        "Count": {"type": "integer", "enum": [1, 2]},
    }
    namespace: dict[str, Any] = {}
    exec(text_choices({"components": {"schemas": schemas}}, "# header"), namespace)
    kind = namespace["Kind"]
    assert [(m.name, m.value) for m in kind] == [("A_B", "a.b"), ("A_B_2", "a_b"), ("VALUE", "\u00e9")]
    assert "Mixed" not in namespace and "Count" not in namespace


def test_output_is_deterministic(tmp_path: Path) -> None:
    outs = [tmp_path / "one", tmp_path / "two"]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda out: run_contract("generate", "--out", str(out)), outs))
    for result in results:
        assert result.returncode == 0, result.stderr
    first, second = (tree(out) for out in outs)
    assert first == second
    # ...and the same as the repository's own copies of the generated files.
    package = "python/src/project_management_client"
    assert first[f"{package}/models.py"] == (PYTHON_SDK / "src/projectmgmt_client/models.py").read_bytes()
    assert (
        first["typescript/src/generated/schema.ts"]
        == (TYPESCRIPT_SDK / "src/generated/schema.ts").read_bytes()
    )


def test_check_names_hand_edited_and_missing_files(tmp_path: Path) -> None:
    spec = SPECS / "traps-31.yaml"
    out = tmp_path / "out"
    assert run_contract("generate", "--spec", str(spec), "--out", str(out)).returncode == 0
    clean = run_contract("generate", "--spec", str(spec), "--out", str(out), "--check")
    assert clean.returncode == 0, clean.stdout + clean.stderr

    client = out / "python" / "src" / "traps_3_1_client" / "_client.py"
    client.write_text(client.read_text(encoding="utf-8") + "\n# a hand edit\n", encoding="utf-8")
    schema = out / "typescript" / "src" / "generated" / "schema.ts"
    schema.unlink()
    stale = run_contract("generate", "--spec", str(spec), "--out", str(out), "--check")
    assert stale.returncode == 1
    named = {line.removeprefix("stale: ") for line in stale.stdout.splitlines()}
    assert {Path(p).name for p in named} == {"_client.py", "schema.ts"}
    assert "2 generated file(s) are out of date" in stale.stderr

    # Regenerating repairs exactly those files; scaffolding (pyproject, package.json...) is left alone.
    pyproject = out / "python" / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + "\n# edited by hand\n", encoding="utf-8")
    assert run_contract("generate", "--spec", str(spec), "--out", str(out)).returncode == 0
    assert run_contract("generate", "--spec", str(spec), "--out", str(out), "--check").returncode == 0
    assert pyproject.read_text(encoding="utf-8").endswith("# edited by hand\n")


def test_check_fails_on_a_hand_edited_repository_file(tmp_path: Path) -> None:
    """The repository's own layout: edit a generated file in a copy of the tree and `--check` names it."""
    target = PYTHON_SDK / "src" / "projectmgmt_client" / "_client.py"
    original = target.read_bytes()
    try:
        target.write_bytes(original.replace(b'"""Typed clients', b'"""Hand-edited typed clients', 1))
        result = run_contract("generate", "--check", "--only", "python-sdk")
        assert result.returncode == 1
        assert result.stdout.strip() == "stale: clients/python/src/projectmgmt_client/_client.py"
    finally:
        target.write_bytes(original)
    assert run_contract("generate", "--check", "--only", "python-sdk").returncode == 0


def test_generate_reports_bad_arguments_without_traceback(tmp_path: Path) -> None:
    missing = run_contract("generate", "--spec", str(tmp_path / "nope.yaml"), "--out", str(tmp_path))
    assert missing.returncode == 2
    assert "cannot read the document" in missing.stderr and "Traceback" not in missing.stderr
    unknown = run_contract("generate", "--only", "java")
    assert unknown.returncode == 2 and "unknown --only target" in unknown.stderr
    assert REPO_ROOT.joinpath("openapi", "openapi.yaml").exists()


# ------------------------------------------------------------------------------------------------------------
# servers: document < path item < operation
# ------------------------------------------------------------------------------------------------------------
def api_of(data: dict[str, Any]) -> Api:
    return build_api(data, {}, [], lambda pointer, rule, message: None)


def overrides(api: Api) -> dict[str, str | None]:
    return {op.operation_id: op.server_url for op in api.operations}


def test_ir_effective_server_per_operation() -> None:
    api = api_of(yaml.safe_load((SPECS / "servers-31.yaml").read_text(encoding="utf-8")))
    assert api.server_url == "/api/v2"  # the document's, variables' defaults substituted
    assert overrides(api) == {
        "listThings": None,  # the document's server
        "sameServer": None,  # a path-level server naming the document's own (trailing slash aside)
        "listEvents": "https://events.test/feed",  # path level, absolute
        "health": "/",  # path level, relative
        "probe": "https://eu.probes.test/p/",  # operation level beats path level; variables substituted
        "setProbe": "/",  # the path item's, inherited
    }
    absolute = {op.operation_id: op.server_is_absolute for op in api.operations if op.server_url}
    assert absolute == {"listEvents": True, "health": False, "probe": True, "setProbe": False}


def test_ir_servers_edge_cases() -> None:
    ok = {"200": {"description": "ok"}}
    data: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            # No document servers means `/`: a path-level `/` is no override, anything else is.
            "/root": {"servers": [{"url": "/"}], "get": {"operationId": "root", "responses": ok}},
            "/v2": {"servers": [{"url": "/v2"}], "get": {"operationId": "v2", "responses": ok}},
            # An empty operation-level list does not override: the path item's servers apply.
            "/empty": {
                "servers": [{"url": "https://a.test"}],
                "get": {"operationId": "empty", "servers": [], "responses": ok},
            },
            # A $ref'd path item brings its servers along.
            "/shared": {"$ref": "#/components/pathItems/Shared"},
        },
        "components": {
            "pathItems": {
                "Shared": {
                    "servers": [{"url": "https://{host}", "variables": {"host": {"default": "s.test"}}}],
                    "get": {"operationId": "shared", "responses": ok},
                }
            }
        },
    }
    assert overrides(api_of(data)) == {
        "root": None,
        "v2": "/v2",
        "empty": "https://a.test",
        "shared": "https://s.test",
    }


def test_ir_of_the_contract_overrides_no_server() -> None:
    # The health probes are declared under /api/v1 like every operation (the server also answers at `/`).
    api = api_of(yaml.safe_load(DEFAULT_SPEC.read_text(encoding="utf-8")))
    assert api.server_url == "/api/v1"
    assert {op_id: url for op_id, url in overrides(api).items() if url is not None} == {}


def test_generated_sdks_send_overridden_operations_to_their_server(tmp_path: Path) -> None:
    out = tmp_path / "out"
    spec = SPECS / "servers-31.yaml"
    result = run_contract("generate", "--spec", str(spec), "--out", str(out))
    assert result.returncode == 0, result.stderr
    # TypeScript: the overriding server is declared for exactly those operations.
    client_ts = (out / "typescript" / "src" / "generated" / "client.ts").read_text(encoding="utf-8")
    servers = re.findall(
        r'operationId: "(\w+)",\n    security: \[[^\]]*\],\n    server: "([^"]*)"', client_ts
    )
    assert dict(servers) == {
        "listEvents": "https://events.test/feed",
        "health": "/",
        "probe": "https://eu.probes.test/p/",
        "setProbe": "/",
    }
    assert 'this.core.call(OP["listThings"], init[0]);' in client_ts

    src = out / "python" / "src"
    sys.path.insert(0, str(src))
    try:
        sdk = importlib.import_module("servers_client")
        seen: list[httpx.Request] = []
        pages = {
            "https://events.test/feed/events": {"items": ["e1"], "next": "/feed/events?cursor=2"},
            "https://events.test/feed/events?cursor=2": {"items": ["e2"], "next": None},
        }

        def handler(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            if request.method == "PUT":
                return httpx.Response(204)
            url = str(request.url)
            return httpx.Response(200, json=pages.get(url, {"status": "ok", "items": [], "next": None}))

        http = httpx.Client(transport=httpx.MockTransport(handler))
        with sdk.ServersClient("http://host.test:8000", http_client=http) as client:
            client.things.list_things()
            client.things.same_server()
            assert list(client.things.list_events_iter()) == ["e1", "e2"]
            assert client.health.health().status == "ok"
            client.health.probe("disk")
            client.health.set_probe("disk", {"status": "ok"})
        assert [f"{r.method} {r.url}" for r in seen] == [
            "GET http://host.test:8000/api/v2/things",
            "GET http://host.test:8000/api/v2/same",
            "GET https://events.test/feed/events",
            "GET https://events.test/feed/events?cursor=2",
            "GET http://host.test:8000/health",
            "GET https://eu.probes.test/p/probes/disk",
            "PUT http://host.test:8000/probes/disk",
        ]
    finally:
        sys.path.remove(str(src))
        for name in [m for m in sys.modules if m == "servers_client" or m.startswith("servers_client.")]:
            del sys.modules[name]


# ------------------------------------------------------------------------------------------------------------
# a declared `Idempotency-Key` header parameter is the runtime's own idempotency-key argument
# ------------------------------------------------------------------------------------------------------------
def _idempotency_spec() -> dict[str, Any]:
    created = {
        "201": {"description": "created", "content": {"application/json": {"schema": {"type": "object"}}}}
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Keys", "version": "1"},
        "servers": [{"url": "/v1"}],
        "paths": {
            "/orders": {
                "post": {
                    "operationId": "orders_create",
                    "tags": ["orders"],
                    "summary": "Create an order",
                    # lower-case, $ref'd and required: still the runtime's key, now a required keyword
                    "parameters": [{"$ref": "#/components/parameters/Key"}],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    },
                    "responses": created,
                }
            },
            "/orders/{id}": {
                "put": {
                    "operationId": "orders_replace",
                    "tags": ["orders"],
                    "summary": "Replace an order",
                    # an idempotent method declaring the header gets the keyword too; other headers stay
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}},
                        {"name": "If-Match", "in": "header", "schema": {"type": "string"}},
                        {
                            "name": "Idempotency-Key",
                            "in": "header",
                            "description": "Replays the first response.",
                            "schema": {"type": "string"},
                        },
                    ],
                    "responses": {"204": {"description": "replaced"}},
                },
                "delete": {
                    "operationId": "orders_delete",
                    "tags": ["orders"],
                    "summary": "Delete an order",
                    # a header that merely resembles it is an ordinary parameter
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}},
                        {"name": "X-Idempotency-Key", "in": "header", "schema": {"type": "string"}},
                    ],
                    "responses": {"204": {"description": "deleted"}},
                },
            },
        },
        "components": {
            "parameters": {
                "Key": {
                    "name": "idempotency-key",
                    "in": "header",
                    "required": True,
                    "description": "Makes the create safe to retry.",
                    "schema": {"type": "string", "pattern": "^[!-~]+$"},
                }
            }
        },
    }


def test_ir_maps_a_declared_idempotency_header_onto_the_runtime_key() -> None:
    ops = {op.operation_id: op for op in api_of(_idempotency_spec()).operations}
    create, replace, delete = ops["orders_create"], ops["orders_replace"], ops["orders_delete"]
    assert create.idempotency_param is not None and create.idempotency_param.name == "idempotency-key"
    assert create.idempotency_key_required and create.takes_idempotency_key
    assert not any(p.location == "header" for p in create.params)
    assert replace.idempotency_param is not None and not replace.idempotency_key_required
    assert replace.takes_idempotency_key  # a PUT, but it declares the header
    assert [p.name for p in replace.params_in("header")] == ["If-Match"]
    assert delete.idempotency_param is None and not delete.takes_idempotency_key
    assert [(p.name, p.py_name) for p in delete.params_in("header")] == [
        ("X-Idempotency-Key", "x_idempotency_key")
    ]


def test_contract_sdk_has_one_idempotency_keyword_and_sends_the_header_once() -> None:
    import inspect

    from projectmgmt_client import AsyncProjectManagementClient, ProjectManagementClient, RetryPolicy, models

    data = yaml.safe_load(DEFAULT_SPEC.read_text(encoding="utf-8"))
    declaring = {op.operation_id for op in api_of(data).operations if op.idempotency_param is not None}
    assert {"projects_create", "api_keys_create"} <= declaring
    for cls in (ProjectManagementClient, AsyncProjectManagementClient):
        client = cls("http://api.test", token="t")
        for op in api_of(data).operations:
            method = getattr(
                getattr(client, next(g.py_attr for g in api_of(data).groups if g.tag == op.group)), op.py_name
            )
            names = list(inspect.signature(method).parameters)
            assert not [n for n in names if n.startswith("idempotency_key_")], (op.operation_id, names)
            if op.operation_id in declaring:
                assert names.count("idempotency_key") == 1, (op.operation_id, names)
                param = inspect.signature(method).parameters["idempotency_key"]
                assert param.kind is inspect.Parameter.KEYWORD_ONLY and param.default is None
                assert "Use a random UUID." in (method.__doc__ or "")

    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        body = {"id": 1, "name": "x", "description": "", "role": "owner"}
        stamp = "2026-11-23T09:30:00Z"
        return httpx.Response(201, json={**body, "created_at": stamp, "updated_at": stamp})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    no_auto_key = RetryPolicy(auto_idempotency_key=False)
    with ProjectManagementClient("http://api.test", token="t", http_client=http, retry=no_auto_key) as sync:
        sync.projects.create(models.ProjectCreate(name="x"), idempotency_key="k-1")
        sync.projects.create(models.ProjectCreate(name="y"))
    assert seen[0].headers.get_list("Idempotency-Key") == ["k-1"]
    assert "Idempotency-Key" not in seen[1].headers


def test_generated_sdks_map_a_declared_idempotency_header(tmp_path: Path) -> None:
    import inspect

    spec = tmp_path / "keys.yaml"
    spec.write_text(yaml.safe_dump(_idempotency_spec()), encoding="utf-8")
    out = tmp_path / "out"
    result = run_contract("generate", "--spec", str(spec), "--out", str(out))
    assert result.returncode == 0, result.stderr

    client_ts = (out / "typescript" / "src" / "generated" / "client.ts").read_text(encoding="utf-8")
    assert 'KeyedOperationInit<paths, "/orders", "post", "idempotency-key", true>' in client_ts
    assert 'KeyedOperationInit<paths, "/orders/{id}", "put", "Idempotency-Key">' in client_ts
    assert 'OperationInit<paths, "/orders/{id}", "delete">' in client_ts
    assert "`idempotencyKey` (required): Makes the create safe to retry." in client_ts

    client_py = next((out / "python" / "src").glob("*/_client.py")).read_text(encoding="utf-8")
    assert "idempotency_key_:" not in client_py and "idempotency_key_=" not in client_py
    src = out / "python" / "src"
    (package,) = (p.name for p in src.iterdir() if p.is_dir())
    sys.path.insert(0, str(src))
    try:
        sdk = importlib.import_module(package)
        client_cls = next(
            getattr(sdk, name)
            for name in sdk.__all__
            if name.endswith("Client") and not name.startswith("Async")
        )
        seen: list[httpx.Request] = []

        def handler(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return httpx.Response(201, json={}) if request.method == "POST" else httpx.Response(204)

        http = httpx.Client(transport=httpx.MockTransport(handler))
        with client_cls("http://host.test", http_client=http) as client:
            create = inspect.signature(client.orders.create).parameters["idempotency_key"]
            assert create.default is inspect.Parameter.empty  # the contract requires the header
            assert "Makes the create safe to retry." in (client.orders.create.__doc__ or "")
            client.orders.create({}, idempotency_key="k-1")
            client.orders.replace(7, if_match='"v1"', idempotency_key="k-2")
            client.orders.delete(7, x_idempotency_key="other")
            assert "idempotency_key" not in inspect.signature(client.orders.delete).parameters
        assert [r.headers.get_list("Idempotency-Key") for r in seen] == [["k-1"], ["k-2"], []]
        assert seen[1].headers["If-Match"] == '"v1"' and seen[2].headers["X-Idempotency-Key"] == "other"
    finally:
        sys.path.remove(str(src))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


# ------------------------------------------------------------------------------------------------------------
# packaging: both SDKs are versioned from info.version (issue 14, point 6)
# ------------------------------------------------------------------------------------------------------------
def test_both_sdks_take_their_version_from_info_version(tmp_path: Path) -> None:
    import json

    spec_data = _idempotency_spec()
    spec_data["info"]["version"] = "2.3.4"
    spec = tmp_path / "keys.yaml"
    spec.write_text(yaml.safe_dump(spec_data), encoding="utf-8")
    out = tmp_path / "out"
    assert run_contract("generate", "--spec", str(spec), "--out", str(out)).returncode == 0
    package_json = out / "typescript" / "package.json"
    manifest = json.loads(package_json.read_text(encoding="utf-8"))
    assert manifest["version"] == "2.3.4" and "private" not in manifest
    assert set(manifest["exports"]["."]) == {"import", "require"}
    init = next((out / "python" / "src").glob("*/__init__.py")).read_text(encoding="utf-8")
    assert '__version__ = "2.3.4"' in init
    assert 'dynamic = ["version"]' in (out / "python" / "pyproject.toml").read_text(encoding="utf-8")

    # A new info.version: --check names package.json; generating rewrites its version and nothing else.
    package_json.write_text(
        package_json.read_text(encoding="utf-8").replace('"sideEffects"', '"x": 1,\n  "sideEffects"')
    )
    spec_data["info"]["version"] = "2.4.0"
    spec.write_text(yaml.safe_dump(spec_data), encoding="utf-8")
    stale = run_contract("generate", "--spec", str(spec), "--out", str(out), "--check")
    assert stale.returncode == 1 and "package.json" in stale.stdout
    assert run_contract("generate", "--spec", str(spec), "--out", str(out)).returncode == 0
    manifest = json.loads(package_json.read_text(encoding="utf-8"))
    assert manifest["version"] == "2.4.0" and manifest["x"] == 1


def test_the_repository_sdks_carry_the_contract_s_version() -> None:
    import json

    import projectmgmt_client

    version = yaml.safe_load(DEFAULT_SPEC.read_text(encoding="utf-8"))["info"]["version"]
    assert projectmgmt_client.__version__ == version
    assert json.loads((TYPESCRIPT_SDK / "package.json").read_text(encoding="utf-8"))["version"] == version


# ------------------------------------------------------------------------------------------------------------
# method names (issue 14, point 7)
# ------------------------------------------------------------------------------------------------------------
def test_method_names_drop_what_the_tag_already_says() -> None:
    from codegen.generate.ir import strip_tag_prefix

    tags = {"projects", "members", "tasks", "webhooks", "users", "auth", "categories"}
    cases = {
        ("project_members_list", "members"): "list",  # a parent resource, then the tag
        ("projects_list", "projects"): "list",
        ("webhook_deliveries_list", "webhooks"): "deliveries_list",  # the tag's singular
        ("webhooks_ping", "webhooks"): "ping",
        ("users_me_retrieve", "users"): "me_retrieve",
        ("category_list", "categories"): "list",
        ("api_keys_list", "auth"): "api_keys_list",  # the tag is not in the id
        ("get_task_by_id", "tasks"): "get_task_by_id",  # verb first: kept
        ("tasks", "tasks"): "tasks",  # nothing would be left
        ("tasks_2fa", "tasks"): "tasks_2fa",  # a digit cannot start a name
    }
    for (method, tag), expected in cases.items():
        assert strip_tag_prefix(method, tag, tags) == expected, (method, tag)


def test_the_contract_s_sdks_read_client_members_list_and_delete() -> None:
    api = api_of(yaml.safe_load(DEFAULT_SPEC.read_text(encoding="utf-8")))
    names = {(op.group, op.py_name, op.ts_name) for op in api.operations}
    assert {
        ("members", "list", "list"),
        ("members", "add", "add"),
        ("tasks", "delete", "delete"),
        ("webhooks", "deliveries_list", "deliveriesList"),
    } <= names
    client_ts = (TYPESCRIPT_SDK / "src" / "generated" / "client.ts").read_text(encoding="utf-8")
    assert "  delete(...init" in client_ts and "delete_(" not in client_ts
    models_ts = (TYPESCRIPT_SDK / "src" / "generated" / "models.ts").read_text(encoding="utf-8")
    assert 'export type Task = components["schemas"]["Task"];' in models_ts
