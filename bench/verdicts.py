"""A goal's verdict from the per-round ratios: the median alone is not enough on a machine this noisy.

`met`: the median and the quartile on the goal's far side (q1 for a "higher is better" goal, q3 for a "lower
is better" one) are both on the right side, so at least three rounds in four meet it. `within noise`: the
median is, that quartile is not. `missed`: the median is not.
"""

from __future__ import annotations

import math

MET, WITHIN_NOISE, MISSED = "met", "within noise", "missed"


def verdict(ratio: float, q1: float, q3: float, goal: float, op: str) -> str:
    if not math.isfinite(ratio):  # no round measured both sides
        return MISSED
    if op == ">=":
        return MISSED if ratio < goal else (MET if q1 >= goal else WITHIN_NOISE)
    if op == "<=":
        return MISSED if ratio > goal else (MET if q3 <= goal else WITHIN_NOISE)
    raise ValueError(f"unknown goal operator {op!r}")
