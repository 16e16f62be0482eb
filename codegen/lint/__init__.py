"""`contract lint`: structural validation plus API-design rules; see `codegen.lint.rules` for the rules."""

from codegen.lint.rules import RULES, lint_document

__all__ = ["RULES", "lint_document"]
