"""Schema retrieval on every dev set: a database met cold, warm, and with a tuned retriever.

    python benchmarks/bench_retrieval.py [--databases fund,stock] [--skip-merged] [--skip-tuning]

One row per dev set and setting, against the full-schema baseline measured in the same run (recall
1.0 by construction, token ratio 1.0). Recall counts the gold tables and columns that sqlglot finds
in each gold SQL; the token ratio is the retrieved schema's DDL tokens (brief style, as the prompt
shows it) over the full schema's in the full style (Qwen2.5 tokenizer). Latency is one retrieval
(question embedding, FAISS, BM25, value matching).

- "cold": what a database met for the first time gets: no train pairs of its own (no usage prior),
  the default settings; "cold, before" is the same without entity tables and time columns.
- "cold, tuned on the others": the embedder tuned on the other three databases' train pairs
  (leave one database out), no pairs of this one.
- "warm": the usage prior from the database's own train pairs; "+ tuned": with the embedder tuned
  on them (``finsql tune-retriever``: four fifths tuned on, one fifth held back to judge it).
- "modules (3x7 + prior)": the shipped LoRA modules' retrieval, as their cards name it.
The last rows time retrieval on all four databases merged into one schema of 1,000+ columns, and
each tuning. Tuned models are cached: a rerun measures without tuning again.
Targets: cold >= 0.95 tables, >= 0.90 columns at <= 0.25 of the tokens; warm >= 0.99 / 0.97;
p95 latency under 50 ms; tuning a database's retriever under 10 minutes.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from finsql.adapters import RETRIEVAL_BEFORE_CARDS_NAMED_IT
from finsql.bundled import DATABASES
from finsql.config import RetrievalConfig
from finsql.datasets import QuestionItem, load_questions
from finsql.db import Database
from finsql.errors import run_command
from finsql.models import DEFAULT_LLM, load_tokenizer, quiet_libraries
from finsql.paths import cache_dir, data_dir
from finsql.prompt.prior import UsagePrior
from finsql.prompt.retriever import SchemaIndex, shown_items
from finsql.prompt.tuning import TuningConfig, cached_tuning, linking_pairs, tune_retriever
from finsql.schema import Schema, load_schema
from finsql.sqlinfo import referenced_items

DEFAULT = RetrievalConfig()
BEFORE = replace(DEFAULT, **RETRIEVAL_BEFORE_CARDS_NAMED_IT)
MODULES = replace(BEFORE, top_tables=3, top_columns=7)
LODO_TUNING = TuningConfig(epochs=1)  # three databases' pairs: one pass is as many steps as two of one


def _pairs(name: str, split: str) -> list[QuestionItem]:
    return load_questions(data_dir() / "questions" / f"{name}_{split}.jsonl", "jsonl").items


def _row(name: str, setting: str, stats: dict) -> str:
    return (f"{name:8} {setting:30} {stats['table']:>7.3f} {stats['column']:>7.3f} {stats['ratio']:>7.3f} "
            f"{stats['p50_ms']:>7.1f} {stats['p95_ms']:>7.1f}")


def measure(index: SchemaIndex, items: list[QuestionItem], config: RetrievalConfig, prior: UsagePrior | None,
            count_tokens, full_tokens: int) -> dict:
    schema = index.schema
    hits = {"table": [0, 0], "column": [0, 0]}
    ratios, latencies = [], []
    for item in items:
        gold_tables, gold_columns = referenced_items(item.sql, schema)
        start = time.perf_counter()
        found = index.retrieve(item.question, config, prior)
        latencies.append((time.perf_counter() - start) * 1000)
        tables, columns = shown_items(found)
        hits["table"][0] += len(gold_tables & tables)
        hits["table"][1] += len(gold_tables)
        hits["column"][0] += len(gold_columns & columns)
        hits["column"][1] += len(gold_columns)
        ratios.append(count_tokens(schema.render(keep=found.columns, style="brief")) / full_tokens)
    return {"table": hits["table"][0] / hits["table"][1], "column": hits["column"][0] / hits["column"][1],
            "ratio": float(np.mean(ratios)), "p50_ms": float(np.percentile(latencies, 50)),
            "p95_ms": float(np.percentile(latencies, 95))}


def leave_one_out_embedder(name: str, schemas: dict[str, Schema]) -> str:
    """The embedder tuned on every other bundled database's train pairs (cached)."""
    pairs = [p for other in DATABASES if other != name for p in linking_pairs(_pairs(other, "train"), schemas[other])]
    key = hashlib.sha256(repr((sorted(pairs), LODO_TUNING)).encode()).hexdigest()[:16]
    return str(cached_tuning(pairs, cache_dir() / "retrievers" / f"without-{name}-{key}", LODO_TUNING))


def bench_database(name: str, schemas: dict[str, Schema], count_tokens, tuning: bool) -> list[str]:
    db = Database(name)
    schema = schemas[name]
    with tempfile.TemporaryDirectory() as cold:  # a cold cache: time the index build itself
        os.environ["FINSQL_CACHE_DIR"] = cold
        start = time.perf_counter()
        index = SchemaIndex.build(db, schema)
        build_s = time.perf_counter() - start
        del os.environ["FINSQL_CACHE_DIR"]
    train, items = _pairs(name, "train"), _pairs(name, "dev")
    prior = UsagePrior.from_items(train, schema)
    full_tokens = count_tokens(schema.render())

    def row(setting: str, idx: SchemaIndex, config: RetrievalConfig, use_prior: bool) -> str:
        return _row(name, setting, measure(idx, items, config, prior if use_prior else None, count_tokens,
                                           full_tokens))

    rows = [_row(name, "full schema (baseline)", {"table": 1.0, "column": 1.0, "ratio": 1.0, "p50_ms": 0.0,
                                                  "p95_ms": 0.0}),
            row("cold, before", index, BEFORE, False), row("cold", index, DEFAULT, False)]
    notes = []
    if tuning:
        start = time.perf_counter()
        others = SchemaIndex.build(db, schema, embedder=leave_one_out_embedder(name, schemas))
        lodo_s = time.perf_counter() - start
        rows.append(row("cold, tuned on the others", others, DEFAULT, False))
    rows += [row("warm, before", index, BEFORE, True), row("warm", index, DEFAULT, True)]
    if tuning:
        tuned = tune_retriever(db, schema, train, DEFAULT, make_current=False)
        used = tuned.wins
        own = SchemaIndex.build(db, schema, embedder=tuned.embedder) if used else index
        rows.append(row("warm + tuned" + ("" if used else " (not used)"), own, DEFAULT, True))
        notes.append(f"tuning on its own {tuned.pairs} pairs: {tuned.seconds:.0f} s, held-back recall "
                     f"{tuned.shipped.tables:.3f}/{tuned.shipped.columns:.3f} shipped -> "
                     f"{tuned.tuned.tables:.3f}/{tuned.tuned.columns:.3f} tuned; leave-one-out model "
                     f"{lodo_s:.0f} s (0 when cached)")
    rows.append(row("modules (3x7 + prior)", index, MODULES, True))
    rows.append(f"{name:8} index build: {build_s:.1f} s for {len(index.docs)} schema documents and "
                f"{len(index.values)} values; full schema {full_tokens} tokens, {len(items)} dev questions")
    return rows + [f"{name:8} {note}" for note in notes]


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
    parser.add_argument("--skip-tuning", action="store_true", help="leave out the tuned-retriever rows")
    args = parser.parse_args()
    quiet_libraries()
    tokenizer = load_tokenizer(DEFAULT_LLM)

    def count_tokens(text: str) -> int:
        return len(tokenizer(text)["input_ids"])

    print(f"{'db':8} {'setting':30} {'tables':>7} {'columns':>7} {'tokens':>7} {'p50 ms':>7} {'p95 ms':>7}")
    schemas = {name: load_schema(Database(name)) for name in DATABASES}
    questions = []
    for name in args.databases.split(","):
        for line in bench_database(name, schemas, count_tokens, not args.skip_tuning):
            print(line, flush=True)
        questions += [i.question for i in load_questions(data_dir() / "questions" / f"{name}_dev.jsonl",
                                                          "jsonl").items]
    if not args.skip_merged:
        print(bench_merged(questions))


if __name__ == "__main__":
    sys.exit(run_command(main))
