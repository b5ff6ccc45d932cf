"""FinSQL command line.

    python -m finsql ask "How many funds are there?" --db fund [--model smollm2-135m] [--json]
    python -m finsql sql --db fund [--timeout 10] "SELECT COUNT(*) FROM mf_fundarchives"
    python -m finsql sql --db postgresql://analyst@host/fund "SELECT ..."   # SQL in the database's dialect
    python -m finsql schema --db fund
    python -m finsql examples add --db bank --question "How many customers are there?" --sql "SELECT ..."
    python -m finsql examples list --db bank | remove --db bank ID | import --db bank pairs.jsonl
    python -m finsql tune-retriever --db fund [--train-file pairs.jsonl] [--epochs 2]
    python -m finsql serve [--host 127.0.0.1] [--port 8000] [--model NAME] [--config FILE]
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


def answer_json(answer) -> str:
    """An ``Answer`` as JSON, as ``ask --json`` prints it and ``serve``'s /v1/sql returns it: every stage's result."""
    from dataclasses import asdict

    return _to_json(asdict(answer))


def cmd_ask(args: argparse.Namespace) -> int:
    from finsql.pipeline import Pipeline

    pipeline = Pipeline.from_config(
        args.config,
        model__name=args.model,
        model__quantization=args.quantization,
        model__backend=args.backend,
        model__device=args.device,
        model__adapter=args.adapter,
        execution__timeout_s=args.timeout,
        execution__max_rows=args.max_rows,
    )
    answer = pipeline.ask(args.question, db=args.db)
    if args.json:
        print(answer_json(answer))
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
    from finsql.warehouse import dialect_of

    dialect = dialect_of(args.db)  # the database's own: PostgreSQL's for a postgresql:// URL
    check_read_only(args.query, dialect)  # refuse before even opening the database
    db = Database(args.db, timeout_s=args.timeout, max_rows=args.max_rows)
    result = db.execute(args.query, dialect=dialect)
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


def cmd_examples(args: argparse.Namespace) -> int:
    from finsql.db import Database
    from finsql.errors import FinSQLError
    from finsql.verified import ExampleStore, read_pairs

    store = ExampleStore(Database(args.db))
    if args.action == "add":
        if args.question is None or args.sql is None:
            raise FinSQLError("examples add needs --question and --sql")
        added = [store.add(args.question, args.sql)]
    elif args.action == "import":
        if args.target is None:
            raise FinSQLError("examples import needs the JSONL file: examples import --db DB FILE")
        added = store.add_many(read_pairs(Path(args.target)))
    elif args.action == "remove":
        if args.target is None or not args.target.isdigit():
            raise FinSQLError("examples remove needs the example's id (a number from `examples list`)")
        gone = store.remove(int(args.target))
        print(f"removed {gone.id}: {gone.question}")
        return 0
    else:
        for example in store.load():
            print(f"{example.id:>4}  {example.question}  ->  {example.sql}")
        return 0
    for example in added:
        print(f"saved {example.id}: {example.question}")
    print(f"{len(store.load())} verified examples in {store.path}")
    return 0


def cmd_tune_retriever(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from finsql.datasets import load_questions
    from finsql.errors import FinSQLError
    from finsql.pipeline import Pipeline
    from finsql.prompt.tuning import TuningConfig, tune_retriever

    if args.epochs is not None and args.epochs <= 0:
        raise FinSQLError(f"--epochs must be positive, not {args.epochs}")
    pipeline = Pipeline()
    database, schema = pipeline.database(args.db)
    if args.train_file is not None:
        train_set = load_questions(args.train_file, "jsonl")
        for problem in train_set.problems:
            print(f"warning: {problem.where}: {problem.reason}", file=sys.stderr)
        mine = [i for i in train_set.items if i.db_id == schema.db_id]
        if not mine:
            raise FinSQLError(f"{args.train_file} holds no pair whose db_id is {schema.db_id}; "
                              f"set db_id to {schema.db_id} on the pairs of this database")
        pipeline.use_train_pairs(schema.db_id, mine)
    pairs = pipeline.learning_pairs(args.db)[1]  # verified examples too
    with tqdm(desc=f"tuning the {schema.db_id} retriever", unit="batch", file=sys.stderr) as bar:
        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        result = tune_retriever(database, schema, pairs, pipeline.config.retrieval,
                                TuningConfig(epochs=args.epochs) if args.epochs else TuningConfig(), progress)
    verdict = "used from now on" if result.wins else "not used: the shipped one did as well"
    print(f"{schema.db_id}: held-back recall (tables/columns) {result.shipped.tables:.3f}/"
          f"{result.shipped.columns:.3f} shipped, {result.tuned.tables:.3f}/{result.tuned.columns:.3f} tuned on "
          f"{result.pairs} pairs ({result.held_back} questions held back, {result.seconds:.0f} s): {verdict}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from finsql.serve import serve

    serve(host=args.host, port=args.port, model=args.model, config=args.config)
    return 0


def cmd_models(args: argparse.Namespace) -> int:
    from importlib.util import find_spec

    from finsql.models import DEFAULT_LLM, EMBEDDER, REGISTRY, TEST_LLM, ensure_model

    if args.action == "list":
        for spec in REGISTRY.values():
            state = "ready" if (spec.home / "hf" / "finsql_ready.json").exists() else "not fetched"
            print(f"{spec.name:22} {spec.kind:10} {state:12} {spec.description}")
        return 0
    for name in args.names or [DEFAULT_LLM, TEST_LLM, EMBEDDER]:
        print(f"{name}: {ensure_model(name)}", flush=True)
        if REGISTRY[name].kind == "causal-lm" and find_spec("llama_cpp") is not None:
            from finsql.generate_llama import model_file

            print(f"{name} for llama.cpp: {model_file(name)}", flush=True)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m finsql", description="Finance Text-to-SQL")
    sub = parser.add_subparsers(dest="verb", required=True)

    ask = sub.add_parser("ask", help="answer a question with SQL and its result")
    ask.add_argument("question")
    ask.add_argument("--db", required=True, help="bundled name (fund, …), SQLite path, or PostgreSQL/MySQL/DuckDB URL")
    ask.add_argument("--model", default=None, help="named model, checkpoint folder or HF id")
    ask.add_argument("--quantization", choices=["4bit", "none"], default=None)
    ask.add_argument("--backend", choices=["auto", "hf", "llama.cpp", "http"], default=None,
                     help="what runs the model: transformers (hf) or llama.cpp, the same model and modules; or "
                          "http: an OpenAI-compatible server at the --config file's model.url")
    ask.add_argument("--device", default=None, help="auto, cpu, cuda")
    ask.add_argument("--adapter", default=None,
                     help="LoRA module: auto (the database's own from adapters/, if any), none, or a folder")
    ask.add_argument("--config", type=Path, default=None, help="TOML settings file")
    ask.add_argument("--timeout", type=float, default=None, help="query time limit in seconds")
    ask.add_argument("--max-rows", type=int, default=None)
    ask.add_argument("--json", action="store_true", help="print the whole answer with its trace as JSON")
    ask.set_defaults(func=cmd_ask)

    sql = sub.add_parser("sql", help="run your own SQL (in the database's dialect) through the read-only guard")
    sql.add_argument("query")
    sql.add_argument("--db", required=True)
    sql.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds (default %(default)s)")
    sql.add_argument("--max-rows", type=int, default=DEFAULT_MAX_ROWS, help="default %(default)s")
    sql.add_argument("--json", action="store_true")
    sql.set_defaults(func=cmd_sql)

    schema = sub.add_parser("schema", help="print a database's schema as the model sees it")
    schema.add_argument("--db", required=True)
    schema.set_defaults(func=cmd_schema)

    examples = sub.add_parser("examples", help="verified question/SQL pairs of a database: add, list, remove, import")
    examples.add_argument("action", choices=["add", "list", "remove", "import"])
    examples.add_argument("target", nargs="?", help="remove: the example's id; import: a JSONL file of question/sql")
    examples.add_argument("--db", required=True, help="bundled database name or SQLite path")
    examples.add_argument("--question", default=None)
    examples.add_argument("--sql", default=None)
    examples.set_defaults(func=cmd_examples)

    tune = sub.add_parser("tune-retriever", help="tune schema retrieval on a database's train pairs")
    tune.add_argument("--db", required=True, help="bundled database name or SQLite path")
    tune.add_argument("--train-file", type=Path, default=None,
                      help="JSONL of db_id/question/sql pairs (default: the bundled train set)")
    tune.add_argument("--epochs", type=int, default=None, help="passes over the pairs (default 2)")
    tune.set_defaults(func=cmd_tune_retriever)

    serve = sub.add_parser("serve", help="serve the model and its LoRA modules over an OpenAI-compatible API, "
                                         "and answers at /v1/sql")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default %(default)s: this machine only; 0.0.0.0 opens it to the "
                            "network, and with it the databases)")
    serve.add_argument("--port", type=int, default=8000, help="default %(default)s")
    serve.add_argument("--model", default=None, help="named model, checkpoint folder or HF id")
    serve.add_argument("--config", type=Path, default=None, help="TOML settings file, as for ask")
    serve.set_defaults(func=cmd_serve)

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
