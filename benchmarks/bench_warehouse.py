"""The same questions asked of fund as a SQLite file and, by URL, as a PostgreSQL, a MariaDB and a DuckDB database.

    python benchmarks/bench_warehouse.py [--per-db 15] [--seed 0] [--records runs/bench/warehouse.jsonl]

A throwaway PostgreSQL cluster and MariaDB server (tests/pg_cluster.py, tests/mysql_server.py: Debian's
servers on unix sockets) and a DuckDB file are loaded from the bundled fund database with ``python -m
finsql.data copy``; one pipeline (the chat's configuration, one model loaded once) answers the stratified
sample of fund's dev questions from each source. Each answer is judged against the gold SQL run on the
same source. Printed: EX, SQL that runs, answers shown as confident, p50 seconds, and how many answers
differ from the SQLite file's (rows).
``--records F`` keeps a JSON line per question and source; rerun, it goes on where it stopped.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import mysql_server  # noqa: E402
import pg_cluster  # noqa: E402
from tabulate import tabulate  # noqa: E402

from finsql import Pipeline  # noqa: E402
from finsql.data.copy import copy_database  # noqa: E402
from finsql.db import Database  # noqa: E402
from finsql.errors import FinSQLError, run_command  # noqa: E402
from finsql.eval.runner import EVAL_MAX_ROWS, append_result, read_results  # noqa: E402
from finsql.eval.sample import per_database, stratified_sample  # noqa: E402
from finsql.models import quiet_libraries  # noqa: E402
from finsql.results import is_ordered, normalise_rows, results_match  # noqa: E402


def record(item, source: str, url: str, pipeline: Pipeline) -> dict:
    db = Database(url, max_rows=EVAL_MAX_ROWS)
    began = time.perf_counter()
    answer = pipeline.ask(item.question, db=url)
    seconds = time.perf_counter() - began
    gold, predicted = db.execute(item.sql), db.execute(answer.sql) if answer.sql else None
    ordered = is_ordered(item.sql)
    return dict(source=source, id=item.id, seconds=round(seconds, 3), sql=answer.sql, error=answer.error,
                correct=predicted is not None and results_match(gold, predicted, ordered),
                ran=predicted is not None and predicted.ok, confident=answer.trust.confident if answer.trust else False,
                rows=_canonical(predicted, ordered))


def _canonical(result, ordered: bool) -> str | None:
    """The rows as text equal for two results exactly when they hold the same rows (None: no result)."""
    if result is None or not result.ok:
        return None
    rows = list(map(repr, normalise_rows(result.rows)))
    return repr(rows if ordered else sorted(rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-db", type=per_database, default=15)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--records", type=Path, default=None)
    args = parser.parse_args(argv)
    why = pg_cluster.why_not_available() or mysql_server.why_not_available()
    if why:
        raise FinSQLError(why)
    quiet_libraries()
    items = stratified_sample(["fund"], args.per_db, args.seed)
    records_path = args.records or Path(tempfile.mkdtemp()) / "warehouse.jsonl"
    records_path.parent.mkdir(parents=True, exist_ok=True)
    done = {(r["source"], r["id"]): r for r in read_results(records_path)}
    cluster, server = pg_cluster.start_cluster(), mysql_server.start_server()
    try:
        duckdb_file = cluster.folder / "fund.duckdb"
        sources = {"sqlite file": "fund", "postgresql": cluster.create_database("fund"),
                   "mariadb": server.create_database("fund"), "duckdb": f"duckdb:///{duckdb_file}"}
        for url in list(sources.values())[1:]:
            copy_database("fund", url)
        pipeline = Pipeline.from_config()
        with records_path.open("a", encoding="utf-8") as out:
            for item in items:
                for source, url in sources.items():
                    if (source, item.id) not in done:
                        done[(source, item.id)] = record(item, source, url, pipeline)
                        append_result(out, done[(source, item.id)])
    finally:
        cluster.stop()
        server.stop()
    table = []
    for source in sources:
        rows = [done[(source, i.id)] for i in items]
        same = sum(r["rows"] == done[("sqlite file", r["id"])]["rows"] for r in rows)
        table.append([source, len(rows), f"{sum(r['correct'] for r in rows) / len(rows):.1%}",
                      f"{sum(r['ran'] for r in rows) / len(rows):.1%}",
                      f"{sum(r['confident'] for r in rows) / len(rows):.1%}",
                      f"{statistics.median(r['seconds'] for r in rows):.1f}", f"{same}/{len(rows)}"])
    print(tabulate(table, headers=["source", "questions", "EX", "SQL runs", "confident", "p50 s",
                                   "same rows as the file"]))
    print(json.dumps({"records": str(records_path)}))
    return 0


if __name__ == "__main__":
    sys.exit(run_command(main))
