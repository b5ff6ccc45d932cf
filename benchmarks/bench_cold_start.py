"""A database met for the first time: execution accuracy without its module or train pairs, with and
without the schema-structure prior (entity tables and time columns), as columns of one run.

    python benchmarks/bench_cold_start.py [--per-db 8] [--seed 0] [--databases fund,stock]
                                          [--candidates 1] [--records F]

Every bundled database is answered as a user's own would be: the base model (no LoRA module), no
train pairs (no few-shot examples, no usage prior), the default retrieval. The two columns differ
only in ``retrieval.entity_tables`` / ``retrieval.time_columns`` (off: as before they existed).
Printed per database and overall: EX, the share of answers that fail to run or return no rows,
table and column recall of the prompt, mean prompt tokens and p50 seconds. ``--records F`` keeps a
JSON line per question and setting, and a rerun goes on where it stopped.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from finsql import Pipeline
from finsql.adapters import RETRIEVAL_BEFORE_CARDS_NAMED_IT
from finsql.bundled import DATABASES
from finsql.config import load_config
from finsql.db import Database
from finsql.errors import run_command
from finsql.eval.judge import judge_candidates
from finsql.eval.runner import EVAL_MAX_ROWS, append_result, read_results
from finsql.eval.sample import bundled_databases, per_database, stratified_sample
from finsql.models import quiet_libraries
from finsql.prompt.retriever import shown_items
from finsql.sqlinfo import referenced_items

SETTINGS = {"no structure prior": {f"retrieval__{k}": v for k, v in RETRIEVAL_BEFORE_CARDS_NAMED_IT.items()},
            "structure prior": {}}


def record(item, setting: str, pipeline: Pipeline, db: Database) -> dict:
    began = time.perf_counter()
    answer = pipeline.ask(item.question, db=item.db_id)
    seconds = time.perf_counter() - began
    tables, columns = referenced_items(item.sql, pipeline.database(item.db_id)[1])
    shown_tables, shown_columns = shown_items(answer.retrieval)
    winner = judge_candidates(answer, item.sql, db)[answer.winner.index]
    return dict(db=item.db_id, id=item.id, setting=setting, seconds=round(seconds, 3),
                correct=winner["correct"], fails=winner["error"] is not None or not winner["rows"],
                tables=[len(tables & shown_tables), len(tables)], columns=[len(columns & shown_columns), len(columns)],
                prompt_tokens=answer.prompt.n_tokens)


def summarise(records: list[dict], databases: list[str]) -> None:
    print(f"\n{'set':6} {'setting':20} {'n':>3} {'EX':>7} {'fails':>7} {'tables':>7} {'columns':>7} "
          f"{'tokens':>7} {'p50 s':>6}")
    for name in [*databases, "all"]:
        for setting in SETTINGS:
            mine = [r for r in records if r["setting"] == setting and name in ("all", r["db"])]
            if not mine:
                continue
            tables = sum(r["tables"][0] for r in mine) / max(1, sum(r["tables"][1] for r in mine))
            columns = sum(r["columns"][0] for r in mine) / max(1, sum(r["columns"][1] for r in mine))
            print(f"{name:6} {setting:20} {len(mine):>3} {sum(r['correct'] for r in mine) / len(mine):>7.1%} "
                  f"{sum(r['fails'] for r in mine) / len(mine):>7.1%} {tables:>7.3f} {columns:>7.3f} "
                  f"{statistics.mean(r['prompt_tokens'] for r in mine):>7.0f} "
                  f"{statistics.median(r['seconds'] for r in mine):>6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-db", default="8", help="dev questions per database, or 'all'")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--databases", default=",".join(DATABASES))
    parser.add_argument("--candidates", type=int, default=1, help="1: greedy (default); the chat uses 5")
    parser.add_argument("--records", type=Path, default=None, help="JSON lines kept per question; resumed from")
    args = parser.parse_args()
    databases = bundled_databases(args.databases)
    items = stratified_sample(databases, per_database(args.per_db), args.seed)
    records = read_results(args.records) if args.records else []
    done = {(r["db"], r["id"], r["setting"]) for r in records}
    out = args.records.open("a", encoding="utf-8") if args.records else None
    quiet_libraries()
    # no module, and no retriever tuned on the database's pairs (a database met for the first time has none)
    common = {"model__adapter": "none", "generation__candidates": args.candidates, "retrieval__tuned": False}
    generator = Pipeline.from_config(**common).generator  # loaded once, before the first answer is timed
    pipelines = {setting: Pipeline(load_config(**common, **overrides), generator=generator)
                 for setting, overrides in SETTINGS.items()}
    for pipeline in pipelines.values():
        for db in databases:
            pipeline.use_train_pairs(db, [])  # met for the first time: no pairs of its own
    dbs = {db: Database(db, max_rows=EVAL_MAX_ROWS) for db in databases}
    for item in items:
        for setting, pipeline in pipelines.items():  # interleaved: both settings see the machine alike
            if (item.db_id, item.id, setting) in done:
                continue
            row = record(item, setting, pipeline, dbs[item.db_id])
            records.append(row)
            if out:
                append_result(out, row)
            print(f"  {item.db_id} {item.id} {setting}: {row['correct']:d} ({row['seconds']:.0f} s)", flush=True)
    asked = {(item.db_id, item.id) for item in items}
    summarise([r for r in records if (r["db"], r["id"]) in asked], databases)


if __name__ == "__main__":
    sys.exit(run_command(main))
