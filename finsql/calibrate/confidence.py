"""When an answer is shown as confident: the share of candidates agreeing on its result.

The threshold is set from the dev sets (benchmarks/bench_accuracy.py prints how often answers are right
at each share), so that answers shown as confident are right at least 80% of the time there.
"""

from __future__ import annotations

CONFIDENT_SHARE = 0.5  # an answer at least this share of candidates agree on is shown as confident


def is_confident(confidence: float | None) -> bool:
    return (confidence or 0.0) >= CONFIDENT_SHARE
