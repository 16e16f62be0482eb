"""The bench's verdict rule (bench/verdicts.py)."""

from __future__ import annotations

import pytest

from bench.verdicts import MET, MISSED, WITHIN_NOISE, verdict


@pytest.mark.parametrize(
    ("ratio", "q1", "q3", "expected"),
    [
        (1.1, 1.0, 1.2, MET),
        (0.96, 0.95, 1.1, MET),
        (1.02, 0.93, 1.1, WITHIN_NOISE),
        (0.94, 0.9, 1.05, MISSED),
    ],
)
def test_a_higher_is_better_goal_is_met_only_when_q1_meets_it(
    ratio: float, q1: float, q3: float, expected: str
) -> None:
    assert verdict(ratio, q1, q3, 0.95, ">=") == expected


@pytest.mark.parametrize(
    ("ratio", "q3", "expected"), [(1.0, 1.1, MET), (1.1, 1.25, WITHIN_NOISE), (1.3, 1.4, MISSED)]
)
def test_a_latency_goal_is_met_only_when_q3_meets_it(ratio: float, q3: float, expected: str) -> None:
    assert verdict(ratio, ratio - 0.1, q3, 1.2, "<=") == expected
