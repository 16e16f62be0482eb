"""`contract generate` on documents other than ours (issue 14, point 9): webhook modules for any document that
declares webhooks, and the generator failures of real documents, each reproduced by a fixture in specs/.

* discriminator-alias-31: a discriminated union member that only aliases another component made the models
  module fail to import ("needs field 'type' to be of type Literal");
* schema-keywords-30: schema keywords of the wrong type made datamodel-code-generator refuse the document
  ("ValidationError ... for JsonSchemaObject");
* webhooks-31: webhooks only; both SDKs get `webhooks` modules with typed events.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib
import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from pydantic import ValidationError

from codegen.document import load_document
from codegen.generate import GenerateOptions, run_generate
from codegen.generate.openness import open_for_clients
from codegen.generate.prepare import prepare
from codegen.generate.python_models import generate_models
from codegen.paths import DEFAULT_SPEC, PYTHON_SDK, TYPESCRIPT_SDK
from codegen.tests.conftest import CORPUS, SPECS

SECRET = "whsec_any-spec-0123456789"
NOW = 1_795_431_600


def _signed(body: bytes, timestamp: int = NOW) -> dict[str, str]:
    mac = hmac.new(SECRET.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return {"Webhook-Id": "evt_1", "Webhook-Timestamp": str(timestamp), "Webhook-Signature": f"v1={mac}"}


def _load_module(source: str, path: Path, name: str) -> ModuleType:
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


def _models(spec: Path, tmp_path: Path) -> Iterator[tuple[str, ModuleType, list[str]]]:
    """The exact (server) and lenient (SDK) models of `spec`, imported, with the generate notes."""
    doc = load_document(spec)
    data, notes = prepare(doc)
    messages = [f"{n.rule}: {n.message}" for n in notes]
    for kind, document, lenient in (("exact", data, False), ("lenient", open_for_clients(data), True)):
        result = generate_models(document, "# test", lenient=lenient)
        assert result.error is None, result.error
        name = f"models_{spec.stem.replace('-', '_')}_{kind}"
        yield kind, _load_module(result.source, tmp_path / f"{name}.py", name), messages


# --- b(1): discriminated unions over aliases ------------------------------------------------------


def test_a_union_member_that_aliases_a_component_imports_and_discriminates(tmp_path: Path) -> None:
    for kind, models, notes in _models(SPECS / "discriminator-alias-31.yaml", tmp_path):
        assert any("replaced by it: HouseCat -> Cat, Parrot -> Bird" in note for note in notes), notes
        pet = models.Pet.model_validate({"type": "cat", "meows": True})
        assert type(pet.root) is models.Cat, kind
        assert pet.root.meows is True
        assert type(models.Pet.model_validate({"type": "dog", "barks": False}).root) is models.Dog
        # The unmapped alias keeps its implicit value (its own name), which Bird's enum allows.
        assert type(models.Pet.model_validate({"type": "Parrot", "words": 3}).root) is models.Bird
        with pytest.raises(ValidationError):
            models.Pet.model_validate({"type": "fish"})
        with pytest.raises(ValidationError):
            models.Pet.model_validate({"type": "cat", "meows": "very"})
        assert any("Bike declare(s) no 'kind' property; the discriminator is dropped" in n for n in notes)
        assert type(models.Vehicle.model_validate({"kind": "Car", "doors": 4}).root) is models.Car
        assert type(models.Vehicle.model_validate({"gears": 21}).root) is models.Bike


# --- b(2): keywords of the wrong type -------------------------------------------------------------


def test_keywords_of_the_wrong_type_are_dropped_with_notes_and_the_rest_generates(tmp_path: Path) -> None:
    for kind, models, notes in _models(SPECS / "schema-keywords-30.yaml", tmp_path):
        for expected in (
            "generate-schema: `maxLength` is not a non-negative integer; ignored",
            "generate-schema: `description` is not a string; ignored",
            "generate-schema: `uniqueItems` is not a boolean; ignored",
            "generate-schema: `legacy` is not a schema; ignored",
            "generate-schema: `x-enumNames` is not a list of names; ignored",
            "generate-schema: `customBasePath` names Python code for the generator to import; ignored",
            "generate-schema: `required: true` on a property (Swagger 2 style): "
            "the parent's `required` lists it",
            "generate-schema: `required: false` on a property (Swagger 2 style): "
            "dropped (optional is the default)",
        ):
            assert expected in notes, (expected, notes)
        account = models.Account.model_validate({"id": 1, "name": "a much longer name", "status": 2})
        assert account.name == "a much longer name", kind  # the bogus maxLength is gone
        with pytest.raises(ValidationError):  # `required: true` on `name` made it required
            models.Account.model_validate({"id": 1})
        assert models.Account.model_validate({"id": 1, "name": "n"}).nickname is None
        assert models.Plugin.__mro__[1].__module__.startswith("pydantic"), models.Plugin.__mro__


def test_our_contract_has_no_schema_keyword_repairs() -> None:
    _, notes = prepare(load_document(DEFAULT_SPEC))
    assert [n for n in notes if n.rule in ("generate-schema", "generate-discriminator")] == []


# --- a: webhooks ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shelter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Any]]:
    out = tmp_path_factory.mktemp("shelter")
    result = run_generate(
        GenerateOptions(
            spec=SPECS / "webhooks-31.yaml", out=out, targets={"python-models", "python-sdk", "typescript"}
        )
    )
    assert not result.failed, result.failed
    src = out / "python" / "src"
    sys.path.insert(0, str(src))
    try:
        yield out, importlib.import_module("shelter_events_client.webhooks")
    finally:
        sys.path.remove(str(src))
        for name in [m for m in sys.modules if m.split(".")[0] == "shelter_events_client"]:
            del sys.modules[name]


def test_generated_webhooks_verify_like_the_hand_written_helper(shelter: tuple[Path, Any]) -> None:
    _, hooks = shelter
    body = b'{"type":"pet.adopted","pet_id":7,"adopter":"Ann"}'
    hooks.verify_signature(SECRET, _signed(body), body, now=NOW)
    assert hooks.sign(SECRET, NOW, body) == _signed(body)["Webhook-Signature"]
    for secret, headers, payload, now in (
        (SECRET, _signed(body), body + b" ", NOW),
        (SECRET + "x", _signed(body), body, NOW),
        (SECRET, _signed(body), body, NOW + 301),
        (SECRET, {"Webhook-Timestamp": str(NOW)}, body, NOW),
    ):
        with pytest.raises(hooks.WebhookVerificationError):
            hooks.verify_and_parse(secret, headers, payload, now=now)


def test_generated_webhooks_parse_typed_events(shelter: tuple[Path, Any]) -> None:
    _, hooks = shelter
    models = importlib.import_module("shelter_events_client.models")
    assert list(hooks.WEBHOOK_EVENTS) == ["pet.adopted", "pet.lost", "heartbeat", "shelter.mood"]
    adopted = b'{"type":"pet.adopted","pet_id":7,"adopter":"Ann"}'
    event = hooks.verify_and_parse(SECRET, _signed(adopted), adopted, now=NOW)
    assert isinstance(event, models.PetAdopted) and event.adopter == "Ann"
    lost = hooks.parse_event({"type": "pet.lost", "pet_id": 3, "last_seen": "2026-11-01"})
    assert isinstance(lost, models.PetLost) and str(lost.last_seen) == "2026-11-01"
    # An inline payload is plain JSON; without a `type`, the event is named by the caller.
    assert hooks.parse_event('{"at":"now"}', "heartbeat") == {"at": "now"}
    with pytest.raises(hooks.UnknownWebhookEvent):
        hooks.parse_event('{"at":"now"}')
    # A payload that is not an object model (a string enum) parses into its class too.
    assert hooks.parse_event(b'"wild"', "shelter.mood") is models.Mood.WILD
    with pytest.raises(ValidationError):
        hooks.parse_event(b'"asleep"', "shelter.mood")
    with pytest.raises(hooks.UnknownWebhookEvent):
        hooks.parse_event(adopted, "pet.eaten")
    with pytest.raises(ValidationError):
        hooks.parse_event(b'{"type":"pet.adopted","pet_id":"seven"}')


def test_generated_typescript_webhooks_type_each_event(shelter: tuple[Path, Any]) -> None:
    out, _ = shelter
    source = (out / "typescript" / "src" / "webhooks.ts").read_text(encoding="utf-8")
    assert source.startswith("// generated from codegen/tests/specs/webhooks-31.yaml (sha256 ")
    assert (
        '"pet.adopted": NonNullable<NonNullable<webhooks["pet.adopted"]["post"]>["requestBody"]>'
        '["content"]["application/json"];' in source
    )
    assert (
        "export const WEBHOOK_EVENTS: readonly WebhookEventName[] = "
        '["pet.adopted", "pet.lost", "heartbeat", "shelter.mood"];' in source
    )
    index = (out / "typescript" / "src" / "index.ts").read_text(encoding="utf-8")
    assert 'from "./webhooks.js";' in index and "verifyAndParse as verifyAndParseWebhook" in index


def test_a_document_without_webhooks_gets_no_webhooks_module(tmp_path: Path) -> None:
    result = run_generate(
        GenerateOptions(spec=CORPUS / "oai-petstore-expanded.yaml", out=tmp_path, targets={"python-sdk"})
    )
    assert not result.failed, result.failed
    assert not list(tmp_path.rglob("webhooks.py"))
    assert [p.name for p in (tmp_path / "python" / "src").iterdir()]  # the SDK itself was written


def test_the_repository_sdks_use_the_generated_webhooks_modules() -> None:
    from projectmgmt_client import models
    from projectmgmt_client.webhooks import WEBHOOK_EVENTS, parse_event, verify_and_parse

    digest = hashlib.sha256(DEFAULT_SPEC.read_bytes()).hexdigest()
    for path, comment in (
        (PYTHON_SDK / "src" / "projectmgmt_client" / "webhooks.py", "#"),
        (TYPESCRIPT_SDK / "src" / "webhooks.ts", "//"),
    ):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == (
            f"{comment} generated from openapi/openapi.yaml (sha256 {digest}), do not edit; "
            "regenerate with `contract generate`"
        ), path
    assert WEBHOOK_EVENTS["task.created"] is models.TaskCreatedEvent
    assert set(WEBHOOK_EVENTS) == {
        "task.created",
        "task.updated",
        "task.deleted",
        "comment.created",
        "member.added",
        "member.removed",
        "ping",
    }
    import yaml

    contract = yaml.safe_load(DEFAULT_SPEC.read_text(encoding="utf-8"))
    example = contract["webhooks"]["task.created"]["post"]["requestBody"]["content"]["application/json"][
        "example"
    ]
    body = json.dumps(example).encode()
    event = verify_and_parse(SECRET, _signed(body), body, now=NOW)
    assert isinstance(event, models.TaskCreatedEvent) and event.data.title == example["data"]["title"]
    assert isinstance(parse_event(example, "task.created"), models.TaskCreatedEvent)
