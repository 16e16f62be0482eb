"""Checks of the CONTRACT_* settings (registered when imported; enforced at start-up by ContractConfig.ready
before the contract is bound, see server.common.checks). An unknown value never means "off"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register
from django.utils.module_loading import import_string

from server.common.checks import SETTINGS_TAG, SettingsCheck, one_of

# CONTRACT_REQUEST_VALIDATION: "off" only for benchmarks measuring what validation costs.
REQUEST_VALIDATION_MODES = ("on", "off")
# CONTRACT_RESPONSE_VALIDATION: a response breaking the contract raises ("strict": development, tests), is
# logged ("log": production), or is not checked ("off": benchmarks).
RESPONSE_VALIDATION_MODES = ("strict", "log", "off")


@register(SETTINGS_TAG)
def validation_modes(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return [
        *one_of(
            "CONTRACT_REQUEST_VALIDATION",
            REQUEST_VALIDATION_MODES,
            id="contract.E001",
            why="Lower-case, exactly: an unknown value must not turn request validation off.",
        ),
        *one_of(
            "CONTRACT_RESPONSE_VALIDATION",
            RESPONSE_VALIDATION_MODES,
            id="contract.E002",
            why="Lower-case, exactly: an unknown value must not turn response validation off.",
        ),
    ]


@register(SETTINGS_TAG)
def spec_and_engine(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    messages: list[CheckMessage] = []
    spec_path = getattr(settings, "CONTRACT_SPEC_PATH", None)
    if not (isinstance(spec_path, str | Path) and Path(spec_path).is_file()):
        messages.append(Error(f"CONTRACT_SPEC_PATH {spec_path!r} is not a file.", id="contract.E003"))
    engine = getattr(settings, "CONTRACT_VALIDATION_ENGINE", None)
    try:
        engine_class = import_string(engine) if isinstance(engine, str) else None
    except ImportError as exc:
        engine_class, reason = None, str(exc)
    else:
        reason = "it is not a class"
    if not isinstance(engine_class, type):
        messages.append(
            Error(
                f"CONTRACT_VALIDATION_ENGINE {engine!r} cannot be used: {reason}.",
                hint="The dotted path of a ValidationEngine class, e.g. "
                "server.contract.validation.compiled_engine.CompiledEngine.",
                id="contract.E004",
            )
        )
    return messages


@register(SETTINGS_TAG)
def throttle_scopes(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Every `x-throttle-scope` of the contract has a rate (else DRF raises on the operation's first call)."""
    from .spec import ContractError, get_contract

    try:
        contract = get_contract()
    except (ContractError, OSError):
        return []  # contract.E003, or the binding's own error at start-up
    rates = (getattr(settings, "REST_FRAMEWORK", {}).get("DEFAULT_THROTTLE_RATES")) or {}
    return [
        Error(
            f"{operation.operation_id} declares x-throttle-scope {operation.throttle_scope!r}, which has no "
            "rate in REST_FRAMEWORK['DEFAULT_THROTTLE_RATES'].",
            id="contract.E005",
        )
        for operation in contract.operations.values()
        if operation.throttle_scope and operation.throttle_scope not in rates
    ]


CHECKS: tuple[SettingsCheck, ...] = (validation_modes, spec_and_engine, throttle_scopes)
