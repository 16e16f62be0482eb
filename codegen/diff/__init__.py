"""`contract diff`: classify the changes between two versions of a contract as breaking or not."""

from codegen.diff.compare import Change, diff_documents
from codegen.diff.rules import RULES, Level, Rule

__all__ = ["RULES", "Change", "Level", "Rule", "diff_documents"]
