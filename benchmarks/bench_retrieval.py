"""Schema retrieval: recall, prompt size, latency and index build time on every dev set.

    python benchmarks/bench_retrieval.py [--databases fund,stock] [--skip-merged]

One row per dev set and setting, against the full-schema baseline measured in the same run
(recall 1.0 by construction, token ratio 1.0). Recall counts the gold tables and columns that sqlglot
finds in each gold SQL; the token ratio is the retrieved schema's DDL tokens over the full schema's
(Qwen2.5 tokenizer). Latency is one retrieval (question embedding, FAISS, BM25, value matching).
The last rows time retrieval on all four databases merged into one schema of 1,000+ columns.
"3x7 + prior, brief" is the prompt the LoRA modules are trained on and answer with. Every ratio is
over the full schema in the full style (whole descriptions and sample values).
Targets: table recall >= 0.98, column recall >= 0.95, token ratio <= 0.35, p95 latency <= 50 ms.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from finsql.bundled import DATABASES
from finsql.config import RetrievalConfig
from finsql.datasets import load_questions
from finsql.db import Database
from finsql.errors import run_command
from finsql.models import DEFAULT_LLM, load_tokenizer, quiet_libraries
from finsql.paths import data_dir
from finsql.prompt.prior import UsagePrior
from finsql.prompt.retriever import SchemaIndex
from finsql.schema import load_schema
from finsql.sqlinfo import referenced_items

SETTINGS = {  # name: (retrieval settings, use the train-usage prior, DDL style)
    "top 3x7, no prior": (replace(RetrievalConfig(), top_tables=3, top_columns=7), False, "full"),
    "5x12 + prior, full": (RetrievalConfig(), True, "full"),
    "3x7 + prior, brief": (replace(RetrievalConfig(), top_tables=3, top_columns=7), True, "brief"),
    "default (5x12+prior, brief)": (RetrievalConfig(), True, "brief"),
}


def _row(name: str, setting: str, stats: dict) -> str:
    return (f"{name:8} {setting:28} {stats['table']:>7.3f} {stats['column']:>7.3f} {stats['ratio']:>7.3f} "
            f"{stats['p50_ms']:>7.1f} {stats['p95_ms']:>7.1f}")


def bench_database(name: str, count_tokens, settings: dict) -> list[str]:
    db = Database(name)
    schema = load_schema(db)
    with tempfile.TemporaryDirectory() as cold:  # a cold cache: time the index build itself
        os.environ["FINSQL_CACHE_DIR"] = cold
        start = time.perf_counter()
        index = SchemaIndex.build(db, schema)
        build_s = time.perf_counter() - start
        del os.environ["FINSQL_CACHE_DIR"]
    prior = UsagePrior.from_items(load_questions(data_dir() / "questions" / f"{name}_train.jsonl", "jsonl").items,
                                  schema)
    items = load_questions(data_dir() / "questions" / f"{name}_dev.jsonl", "jsonl").items
    gold = [referenced_items(i.sql, schema) for i in items]
    full_tokens = count_tokens(schema.render())
    rows = [_row(name, "full schema (baseline)", {"table": 1.0, "column": 1.0, "ratio": 1.0, "p50_ms": 0.0,
                                                  "p95_ms": 0.0})]
    for setting, (config, use_prior, style) in settings.items():
        hits = {"table": [0, 0], "column": [0, 0]}
        ratios, latencies = [], []
        for item, (gold_tables, gold_columns) in zip(items, gold, strict=True):
            start = time.perf_counter()
            found = index.retrieve(item.question, config, prior if use_prior else None)
            latencies.append((time.perf_counter() - start) * 1000)
            tables = {t.lower() for t in found.columns}
            columns = {f"{t}.{c}".lower() for t, cs in found.columns.items() for c in cs}
            hits["table"][0] += len(gold_tables & tables)
            hits["table"][1] += len(gold_tables)
            hits["column"][0] += len(gold_columns & columns)
            hits["column"][1] += len(gold_columns)
            ratios.append(count_tokens(schema.render(keep=found.columns, style=style)) / full_tokens)
        rows.append(_row(name, setting, {
            "table": hits["table"][0] / hits["table"][1], "column": hits["column"][0] / hits["column"][1],
            "ratio": statistics.mean(ratios), "p50_ms": float(np.percentile(latencies, 50)),
            "p95_ms": float(np.percentile(latencies, 95))}))
    rows.append(f"{name:8} index build: {build_s:.1f} s for {len(index.docs)} schema documents and "
                f"{len(index.values)} values; full schema {full_tokens} tokens, {len(items)} dev questions")
    return rows


def bench_merged(questions: list[str]) -> str:
    """Latency on one schema holding every bundled table (1,000+ columns)."""
    with tempfile.TemporaryDirectory() as tmp:
        merged = Path(tmp) / "merged.sqlite"
        conn = sqlite3.connect(merged)
        for name in DATABASES:
            conn.execute(f"ATTACH DATABASE 'file:{data_dir() / name}.sqlite?mode=ro' AS src")
            for (table,) in conn.execute("SELECT name FROM src.sqlite_master WHERE type = 'table' "
                                         "AND name NOT LIKE 'sqlite_%'").fetchall():
                conn.execute(f'CREATE TABLE "{name}_{table}" AS SELECT * FROM src."{table}" LIMIT 500')
            conn.commit()
            conn.execute("DETACH DATABASE src")
        conn.close()
        os.environ["FINSQL_CACHE_DIR"] = tmp
        db = Database(merged)
        schema = load_schema(db)
        index = SchemaIndex.build(db, schema)
        del os.environ["FINSQL_CACHE_DIR"]
        latencies = []
        for question in questions:
            start = time.perf_counter()
            index.retrieve(question, RetrievalConfig())
            latencies.append((time.perf_counter() - start) * 1000)
    return (f"merged   {len(schema.tables)} tables, {len(schema.columns)} columns: retrieval p50 "
            f"{np.percentile(latencies, 50):.1f} ms, p95 {np.percentile(latencies, 95):.1f} ms "
            f"over {len(questions)} questions")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--databases", default=",".join(DATABASES))
    parser.add_argument("--skip-merged", action="store_true")
    args = parser.parse_args()
    quiet_libraries()
    tokenizer = load_tokenizer(DEFAULT_LLM)

    def count_tokens(text: str) -> int:
        return len(tokenizer(text)["input_ids"])

    print(f"{'db':8} {'setting':28} {'tables':>7} {'columns':>7} {'tokens':>7} {'p50 ms':>7} {'p95 ms':>7}")
    questions = []
    for name in args.databases.split(","):
        for line in bench_database(name, count_tokens, SETTINGS):
            print(line, flush=True)
        questions += [i.question for i in load_questions(data_dir() / "questions" / f"{name}_dev.jsonl",
                                                          "jsonl").items]
    if not args.skip_merged:
        print(bench_merged(questions))


if __name__ == "__main__":
    sys.exit(run_command(main))
