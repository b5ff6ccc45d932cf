"""Self-consistency over executed results: the answer most candidates agree on wins.

Every valid candidate is executed read-only; candidates are grouped by what they return (rows as a
multiset, or in order when the SQL orders them). Non-empty successful results beat empty ones, and
empty ones beat errors. The largest group wins; a tie goes to the group holding the candidate the
model found most likely. Confidence is the winning group's share of all candidates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from finsql.db import Database
from finsql.results import ExecResult, is_ordered, result_key


@dataclass
class Candidate:
    index: int
    raw: str  # what the model wrote
    sql: str  # after extraction and repair
    repairs: list[str]
    mean_logprob: float
    sampled: bool
    result: ExecResult | None = None
    group: int | None = None  # candidates with the same group returned the same rows
    votes: int = 0  # size of the candidate's group


@dataclass
class VoteOutcome:
    winner: Candidate
    confidence: float
    groups: int
    candidates: list[Candidate] = field(default_factory=list)


def _rank(candidate: Candidate) -> int:
    """2 = returned rows, 1 = ran but returned nothing, 0 = failed."""
    result = candidate.result
    if result is None or not result.ok:
        return 0
    return 2 if result.rows else 1


def vote(candidates: list[Candidate], db: Database) -> VoteOutcome:
    """Execute the candidates (each distinct SQL once; one that carries a result from an earlier vote is not
    run again), group them by result and pick the winner."""
    if not candidates:
        raise ValueError("vote needs at least one candidate")
    executed = {c.sql: c.result for c in candidates if c.result is not None}
    for candidate in candidates:
        if candidate.sql not in executed:
            executed[candidate.sql] = db.execute(candidate.sql) if candidate.sql else ExecResult(error="no SQL")
        candidate.result = executed[candidate.sql]

    keys: dict[object, int] = {}
    members: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        key = result_key(candidate.result, is_ordered(candidate.sql))
        if key is None:
            key = ("error", candidate.index)  # failures never agree with each other
        candidate.group = keys.setdefault(key, len(keys))
        members.setdefault(candidate.group, []).append(candidate)
    for group in members.values():
        for candidate in group:
            candidate.votes = len(group)

    def strength(group: list[Candidate]) -> tuple:
        return (_rank(group[0]), len(group), max(c.mean_logprob for c in group))

    best = max(members.values(), key=strength)
    winner = max(best, key=lambda c: (c.mean_logprob, -c.index))
    confidence = len(best) / len(candidates) if _rank(winner) > 0 else 0.0
    return VoteOutcome(winner, round(confidence, 4), len(members), candidates)
