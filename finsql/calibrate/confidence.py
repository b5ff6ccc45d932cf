"""When an answer is shown as confident, and when as "not sure" with the reason.

Two signals decide, both measured on the dev sets (``benchmarks/bench_accuracy.py`` prints how often
answers are right by each): the share of candidates whose executed result agrees with the answer,
and how likely the model found the chosen SQL (the mean log-probability of its tokens). On the
benchmark's 60 questions the likelihood separated right from wrong answers far better than the share:
12 of the 30 more likely answers were right against 1 of the 30 less likely ones.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Trust:
    confident: bool
    why_not: str = ""  # for an answer that is not confident: the reason, as shown to the user


def assess(share: float | None, mean_logprob: float | None, returned_rows: bool, min_share: float,
           min_logprob: float, agreeing: int = 0, candidates: int = 0) -> Trust:
    """Confident only when the answer returned rows, enough candidates agree and the model found its SQL likely.

    >>> assess(1.0, -0.01, True, 0.4, -0.02)
    Trust(confident=True, why_not='')
    >>> assess(1.0, -0.3, True, 0.4, -0.02).why_not
    'the model found its own SQL unlikely'
    >>> assess(0.2, -0.01, True, 0.4, -0.02, agreeing=1, candidates=5).why_not
    'only 1 of 5 candidate queries agree on this result'
    """
    if not returned_rows:
        return Trust(False, "the query returned no rows")
    if (share or 0.0) < min_share:
        return Trust(False, f"only {agreeing} of {candidates} candidate queries agree on this result")
    if mean_logprob is None or mean_logprob < min_logprob:
        return Trust(False, "the model found its own SQL unlikely")
    return Trust(True)
