"""The validation engine behind one small interface, chosen by settings."""

from .engine import (
    RequestRejected,
    ResponseContractViolation,
    ValidationEngine,
    Violation,
    get_engine,
)

__all__ = ["RequestRejected", "ResponseContractViolation", "ValidationEngine", "Violation", "get_engine"]
