"""FinSQL command line.

    python -m finsql ask "How many funds are there?" --db fund [--model smollm2-135m] [--json]
    python -m finsql sql --db fund [--timeout 10] "SELECT COUNT(*) FROM mf_fundarchives"
    python -m finsql schema --db fund
    python -m finsql models fetch [NAME ...]
    python -m finsql models list

Every failure prints one line starting with ``error:`` (or ``refused:`` for SQL the read-only
guard rejects) and exits non-zero; set FINSQL_DEBUG=1 to see a traceback instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from finsql.db import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_S
from finsql.errors import EXIT_ERROR, report_failure, run_command


def format_table(columns: list[str], rows: list[tuple], truncated: bool = False) -> str:
    from tabulate import tabulate

    table = tabulate(rows, headers=columns, tablefmt="simple", disable_numparse=True, missingval="NULL")
    note = f"({len(rows)} row{'s' if len(rows) != 1 else ''}{', truncated' if truncated else ''})"
    return f"{table}\n{note}"


def _to_json(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, default=str)


def cmd_ask(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from finsql.pipeline import Pipeline

    pipeline = Pipeline.from_config(
        args.config,
        model__name=args.model,
        model__quantization=args.quantization,
        model__device=args.device,
        model__adapter=args.adapter,
        execution__timeout_s=args.timeout,
        execution__max_rows=args.max_rows,
    )
    answer = pipeline.ask(args.question, db=args.db)
    if args.json:
        print(_to_json(asdict(answer)))
    else:
        print(answer.sql or "(no SQL generated)")
        print()
        print(f"error: {answer.error}" if answer.error else format_table(answer.columns, answer.rows,
                                                                         answer.truncated))
        if answer.ok and answer.trust is not None:
            agreeing = f"{answer.winner.votes} of {len(answer.candidates)} candidate queries agree"
            print(f"confident: {agreeing} and the model found its SQL likely" if answer.trust.confident
                  else f"not sure: {answer.trust.why_not}")
    return 0 if answer.ok else EXIT_ERROR


def cmd_sql(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from finsql.db import Database, check_read_only

    check_read_only(args.query)  # refuse before even opening the database
    db = Database(args.db, timeout_s=args.timeout, max_rows=args.max_rows)
    result = db.execute(args.query)
    if args.json:
        print(_to_json(asdict(result)))
        return 0 if result.ok else report_failure(result.error, quiet=True)
    if result.error:
        return report_failure(result.error)
    print(format_table(result.columns, result.rows, result.truncated))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from finsql.db import Database
    from finsql.schema import load_schema

    print(load_schema(Database(args.db)).render())
    return 0


def cmd_models(args: argparse.Namespace) -> int:
    from finsql.models import DEFAULT_LLM, EMBEDDER, REGISTRY, TEST_LLM, ensure_model

    if args.action == "list":
        for spec in REGISTRY.values():
            state = "ready" if (spec.home / "hf" / "finsql_ready.json").exists() else "not fetched"
            print(f"{spec.name:22} {spec.kind:10} {state:12} {spec.description}")
        return 0
    for name in args.names or [DEFAULT_LLM, TEST_LLM, EMBEDDER]:
        print(f"{name}: {ensure_model(name)}", flush=True)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m finsql", description="Finance Text-to-SQL")
    sub = parser.add_subparsers(dest="verb", required=True)

    ask = sub.add_parser("ask", help="answer a question with SQL and its result")
    ask.add_argument("question")
    ask.add_argument("--db", required=True, help="bundled database name (fund, stock, …) or SQLite path")
    ask.add_argument("--model", default=None, help="named model, checkpoint folder or HF id")
    ask.add_argument("--quantization", choices=["4bit", "none"], default=None)
    ask.add_argument("--device", default=None, help="auto, cpu, cuda")
    ask.add_argument("--adapter", default=None,
                     help="LoRA module: auto (the database's own from adapters/, if any), none, or a folder")
    ask.add_argument("--config", type=Path, default=None, help="TOML settings file")
    ask.add_argument("--timeout", type=float, default=None, help="query time limit in seconds")
    ask.add_argument("--max-rows", type=int, default=None)
    ask.add_argument("--json", action="store_true", help="print the whole answer with its trace as JSON")
    ask.set_defaults(func=cmd_ask)

    sql = sub.add_parser("sql", help="run your own SQL through the read-only guard")
    sql.add_argument("query")
    sql.add_argument("--db", required=True)
    sql.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds (default %(default)s)")
    sql.add_argument("--max-rows", type=int, default=DEFAULT_MAX_ROWS, help="default %(default)s")
    sql.add_argument("--json", action="store_true")
    sql.set_defaults(func=cmd_sql)

    schema = sub.add_parser("schema", help="print a database's schema as the model sees it")
    schema.add_argument("--db", required=True)
    schema.set_defaults(func=cmd_schema)

    models = sub.add_parser("models", help="fetch or list the offline models")
    models.add_argument("action", choices=["fetch", "list"])
    models.add_argument("names", nargs="*")
    models.set_defaults(func=cmd_models)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from finsql.models import quiet_libraries

    quiet_libraries()
    return run_command(lambda: args.func(args))


if __name__ == "__main__":
    sys.exit(main())
