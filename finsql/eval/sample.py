"""The fixed question samples the benchmarks share: the same questions every time for the same seed."""

from __future__ import annotations

import random
from collections import defaultdict

from finsql.bundled import DATABASES
from finsql.datasets import QuestionItem, load_questions
from finsql.errors import FinSQLError
from finsql.paths import data_dir


def bundled_databases(names: str) -> list[str]:
    """``--databases fund,stock`` as a list, an unknown name refused in one line."""
    databases = [d for d in names.split(",") if d]
    unknown = [d for d in databases if d not in DATABASES]
    if unknown:
        raise FinSQLError(f"unknown database {unknown[0]!r}; choose from {', '.join(DATABASES)}")
    return databases


def per_database(value: str) -> int | None:
    """``--per-db 15`` as a count, ``--per-db all`` as None."""
    if value == "all":
        return None
    if not (value.isdigit() and int(value) > 0):
        raise FinSQLError(f"--per-db must be a positive number or 'all', not {value!r}")
    return int(value)


def dev_set(db: str) -> list[QuestionItem]:
    return load_questions(data_dir() / "questions" / f"{db}_dev.jsonl", "jsonl").items


def stratified_sample(databases: list[str], per_db: int | None, seed: int = 0) -> list[QuestionItem]:
    """``per_db`` dev questions of each database (None: all), difficulties in their dev-set proportions.

    Each difficulty gets its share of ``per_db`` rounded down, the remainders go to the largest
    fractions, and questions are drawn within a difficulty by a generator seeded with ``seed``.
    """
    items: list[QuestionItem] = []
    for db in databases:
        dev = sorted(dev_set(db), key=lambda item: item.id)
        if per_db is None or per_db >= len(dev):
            items += dev
            continue
        by_difficulty: dict[str, list[QuestionItem]] = defaultdict(list)
        for item in dev:
            by_difficulty[item.difficulty or "unlabelled"].append(item)
        shares = {d: per_db * len(group) / len(dev) for d, group in sorted(by_difficulty.items())}
        counts = {d: int(share) for d, share in shares.items()}
        for d in sorted(shares, key=lambda d: shares[d] - counts[d], reverse=True)[:per_db - sum(counts.values())]:
            counts[d] += 1
        rng = random.Random(seed)
        chosen = {item.id for d, group in sorted(by_difficulty.items()) for item in rng.sample(group, counts[d])}
        items += [item for item in dev if item.id in chosen]
    return items
