"""Metrics over the result lines of one system."""

from __future__ import annotations

from collections import defaultdict

import numpy as np


def _ex(rows: list[dict]) -> dict:
    return {"ex": round(sum(r["correct"] for r in rows) / len(rows), 4) if rows else None, "n": len(rows)}


def summarize(rows: list[dict]) -> dict:
    """EX, valid-SQL rate, latency percentiles, and EX per database and per difficulty.

    Items skipped for a reason that is not the system's fault (no database, gold SQL fails) are
    listed but not counted. Retrieval recall stays None until a retriever is part of the pipeline.
    """
    counted = [r for r in rows if not r.get("skipped")]
    latencies = [r["latency_s"] for r in counted if r.get("latency_s") is not None]
    by_db: dict[str, list[dict]] = defaultdict(list)
    by_difficulty: dict[str, list[dict]] = defaultdict(list)
    for r in counted:
        by_db[r["db_id"]].append(r)
        by_difficulty[r.get("difficulty") or "unlabelled"].append(r)
    return {
        **_ex(counted),
        "valid_sql_rate": round(sum(r["valid_sql"] for r in counted) / len(counted), 4) if counted else None,
        "p50_latency_s": round(float(np.percentile(latencies, 50)), 3) if latencies else None,
        "p95_latency_s": round(float(np.percentile(latencies, 95)), 3) if latencies else None,
        "table_recall": None,
        "column_recall": None,
        "ex_by_db": {k: _ex(v) for k, v in sorted(by_db.items())},
        "ex_by_difficulty": {k: _ex(v) for k, v in sorted(by_difficulty.items())},
        "skipped": [{"id": r["id"], "reason": r["skipped"]} for r in rows if r.get("skipped")],
    }
