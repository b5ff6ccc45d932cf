"""Metrics over the result lines of one system."""

from __future__ import annotations

from collections import defaultdict

import numpy as np


def _ex(rows: list[dict]) -> dict:
    return {"ex": round(sum(r["correct"] for r in rows) / len(rows), 4) if rows else None, "n": len(rows)}


def _recall(rows: list[dict], gold_key: str, found_key: str) -> float | None:
    """Micro-averaged recall of gold schema items; None when the system retrieved nothing itself."""
    linked = [r for r in rows if r.get(found_key) is not None and r.get(gold_key)]
    total = sum(len(r[gold_key]) for r in linked)
    if not total:
        return None
    hit = sum(len(set(r[gold_key]) & set(r[found_key])) for r in linked)
    return round(hit / total, 4)


def _confident(rows: list[dict]) -> dict:
    """EX of the answers the chat shows as confident, and their share of all answers."""
    confident = [r for r in rows if r.get("confident")]
    return {"coverage": round(len(confident) / len(rows), 4) if rows else None, **_ex(confident)}


def summarize(rows: list[dict], task: str = "sql") -> dict:
    """EX, valid-SQL rate, latency percentiles, EX per database and per difficulty, retrieval recall.

    Items skipped for a reason that is not the system's fault (no database, gold SQL fails) are
    listed but not counted. Recall is None for a system without a retriever (the full schema).
    """
    counted = [r for r in rows if not r.get("skipped")]
    ratios = [r["prompt_tokens"] / r["full_schema_tokens"] for r in counted
              if r.get("prompt_tokens") and r.get("full_schema_tokens")]
    latencies = [r["latency_s"] for r in counted if r.get("latency_s") is not None]
    by_db: dict[str, list[dict]] = defaultdict(list)
    by_difficulty: dict[str, list[dict]] = defaultdict(list)
    for r in counted:
        by_db[r["db_id"]].append(r)
        by_difficulty[r.get("difficulty") or "unlabelled"].append(r)
    sql_task = task == "sql"
    return {
        **(_ex(counted) if sql_task else {"ex": None, "n": len(counted)}),
        "valid_sql_rate": round(sum(r["valid_sql"] for r in counted) / len(counted), 4) if counted and sql_task
        else None,
        "p50_latency_s": round(float(np.percentile(latencies, 50)), 3) if latencies else None,
        "p95_latency_s": round(float(np.percentile(latencies, 95)), 3) if latencies else None,
        "table_recall": _recall(counted, "gold_tables", "retrieved_tables"),
        "column_recall": _recall(counted, "gold_columns", "retrieved_columns"),
        "prompt_token_ratio": round(float(np.mean(ratios)), 4) if ratios else None,
        "confident": _confident(counted) if sql_task else {},
        "ex_by_db": {k: _ex(v) for k, v in sorted(by_db.items())} if sql_task else {},
        "ex_by_difficulty": {k: _ex(v) for k, v in sorted(by_difficulty.items())} if sql_task else {},
        "skipped": [{"id": r["id"], "reason": r["skipped"]} for r in rows if r.get("skipped")],
    }
