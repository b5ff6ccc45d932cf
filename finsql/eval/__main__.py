"""Batch evaluation: execution accuracy of FinSQL on a question set, with a report.

    python -m finsql.eval --format jsonl --questions data/questions/fund_dev.jsonl --out runs/fund-dev
    python -m finsql.eval --format spider --questions spider/dev.json --db-root spider/database --out runs/spider
    python -m finsql.eval --format bird --questions bird/dev.json --db-root bird/dev_databases --out runs/bird \\
        --limit 100 --seed 1 --baseline zero-shot
    python -m finsql.eval --format bull --questions bull/dev.json --tables bull/tables.json \\
        --db-info bull/db_info.json --task retrieval --out runs/bull-linking   # no database files needed
    python -m finsql.eval --format conversations --questions data/questions/fund_conversations.jsonl \\
        --out runs/fund-conversations      # multi-turn: each turn asked with the earlier ones, as in the chat

It evaluates what the chat answers with (each database's module, 5 candidates voted on); flags and
--config change that. Writes to --out: results.jsonl (one line per item, appended as it goes, so a
rerun resumes), summary.json (EX, valid-SQL rate, EX and coverage of the answers shown as confident,
latency p50/p95, EX by database and difficulty, the configuration) and report.html (charts and a table
of failures, gold and predicted SQL side by side). For conversations, summary.json holds per-turn EX,
follow-up EX, standalone turns' EX inside the conversation and asked alone, and how well follow-ups
were told from standalone questions.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict
from pathlib import Path

from finsql.adapters import read_adapter
from finsql.config import load_config, zero_shot
from finsql.datasets import FORMATS, load_conversations, load_questions
from finsql.db import DEFAULT_TIMEOUT_S
from finsql.errors import FinSQLError, run_command
from finsql.eval.conversations import evaluate_conversations, summarize_conversations
from finsql.eval.report import write_report
from finsql.eval.runner import evaluate, read_results
from finsql.eval.summary import summarize
from finsql.models import quiet_libraries
from finsql.paths import check_output_folder
from finsql.pipeline import Pipeline
from finsql.schema_files import schema_only_databases
from finsql.warehouse import hide_password, is_url

PIPELINE, BASELINE = "pipeline", "baseline"
CONVERSATIONS = "conversations"
# Settings that change what a result line means: resuming into an --out made with others is refused.
FINGERPRINT_KEYS = ("format", "questions", "db_root", "model", "backend", "quantization", "adapter", "modules",
                    "candidates", "history", "task", "train")


def _db_root(value: str) -> Path | str:
    if not is_url(value):
        return Path(value)
    if "{db_id}" not in value:
        raise argparse.ArgumentTypeError("a URL for --db-root names each database by {db_id}, as in "
                                         "postgresql://me@host/{db_id}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m finsql.eval", description=__doc__.split("\n")[0])
    parser.add_argument("--format", choices=[*FORMATS, CONVERSATIONS], default="jsonl")
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--db-root", type=_db_root, default=None,
                        help="folder of <db_id>/<db_id>.sqlite databases, or a URL naming each by {db_id}: "
                             "postgresql://me@host/{db_id}, duckdb:////data/{db_id}.duckdb")
    parser.add_argument("--tables", type=Path, default=None,
                        help="tables.json (BULL/Spider schema): --task retrieval without database files")
    parser.add_argument("--db-info", type=Path, default=None, help="BULL db_info.json: table/column descriptions")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=None,
                        help="evaluate a random sample of N items (of N conversations)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the --limit sample")
    parser.add_argument("--config", type=Path, default=None,
                        help="pipeline settings (TOML, as for `finsql ask`); the flags below override them")
    parser.add_argument("--model", default=None)
    parser.add_argument("--quantization", choices=["4bit", "none"], default=None)
    parser.add_argument("--backend", choices=["auto", "hf", "llama.cpp", "http"], default=None,
                        help="what runs the model: transformers (hf) or llama.cpp (default: the chat's)")
    parser.add_argument("--adapter", default=None,
                        help="LoRA module: auto (each database's own from adapters/, if any), none, or a folder")
    parser.add_argument("--candidates", type=int, default=None,
                        help="1: greedy only; more: sampled and voted on (default: the chat's 5, or the "
                             "--config file's)")
    parser.add_argument("--train", type=Path, default=None,
                        help="question/SQL pairs (in --format's format; jsonl with conversations) that the "
                             "databases they name learn from instead of their bundled train sets: few-shot "
                             "examples and the retriever's usage prior")
    parser.add_argument("--task", choices=["sql", "retrieval"], default="sql")
    parser.add_argument("--baseline", choices=["zero-shot"], default=None)
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds, for gold and predicted SQL")
    return parser


def _check_arguments(args: argparse.Namespace) -> None:
    if args.limit is not None and args.limit <= 0:
        raise FinSQLError(f"--limit must be positive, not {args.limit}")
    if args.tables is not None and args.task != "retrieval":
        raise FinSQLError("--tables gives schemas without rows, enough for --task retrieval only; "
                          "for --task sql give the databases with --db-root")
    if args.db_info is not None and args.tables is None:
        raise FinSQLError("--db-info describes the schemas of --tables; give both")
    if args.format == CONVERSATIONS and (args.task != "sql" or args.baseline or args.tables):
        raise FinSQLError("--format conversations evaluates SQL answers with the pipeline; leave out --task "
                          "retrieval, --baseline and --tables")
    if args.adapter not in ("auto", "none", None):
        read_adapter(Path(args.adapter))  # a folder that is not a module is refused before any work


def _check_fingerprint(out: Path, config: dict) -> None:
    path = out / "config.json"
    fingerprint = {k: config[k] for k in FINGERPRINT_KEYS}
    if path.exists():
        previous = json.loads(path.read_text(encoding="utf-8"))
        # "or None": a key an older run did not write reads as empty (e.g. "modules" of a run without any).
        changed = [k for k in FINGERPRINT_KEYS if (previous.get(k) or None) != (fingerprint[k] or None)]
        if changed:
            raise FinSQLError(f"{out} holds results made with other settings ({', '.join(changed)}); "
                              "use a new --out folder")
    else:
        path.write_text(json.dumps(fingerprint, indent=2), encoding="utf-8")


def run(args: argparse.Namespace) -> dict:
    _check_arguments(args)
    if args.format == CONVERSATIONS:
        return run_conversations(args)
    if args.tables is not None and args.db_root is None:
        args.db_root = schema_only_databases(args.tables, args.db_info)
    question_set = load_questions(args.questions, args.format)
    items = _sample(_loaded(question_set.items, question_set.problems, args), args)
    pipeline, config = _pipeline(args, sorted({item.db_id for item in items}), len(items))

    systems = {PIPELINE: pipeline}
    if args.task == "sql":
        generator = pipeline.generator  # load the model now, so no item's latency includes loading it
        if args.baseline == "zero-shot":
            # Full schema, greedy, no calibration, same model (shares the loaded weights).
            systems[BASELINE] = Pipeline(zero_shot(pipeline.config), generator=generator)
    results_path = args.out / "results.jsonl"
    for name, system in systems.items():
        evaluate(items, name, system, args.format, args.db_root, results_path, args.timeout, args.task)

    wanted = {item.id for item in items}
    lines = [r for r in read_results(results_path) if r["id"] in wanted]
    results = {name: [r for r in lines if r["system"] == name] for name in systems}
    summaries = {name: summarize(rows, args.task) for name, rows in results.items()}
    summary = {**summaries[PIPELINE], "config": config,
               "problems": [f"{p.where}: {p.reason}" for p in question_set.problems]}
    if BASELINE in summaries:
        summary["baseline"] = summaries[BASELINE]
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    write_report(args.out, summaries, results, config)
    return summary


def run_conversations(args: argparse.Namespace) -> dict:
    conversation_set = load_conversations(args.questions)
    conversations = _sample(_loaded(conversation_set.conversations, conversation_set.problems, args), args)
    pipeline, config = _pipeline(args, sorted({c.db_id for c in conversations}), len(conversations))
    pipeline.generator  # noqa: B018 -- load the model now, so no turn's latency includes loading it
    results_path = args.out / "results.jsonl"
    evaluate_conversations(conversations, PIPELINE, pipeline, args.db_root, results_path, args.timeout)
    wanted = {c.id for c in conversations}
    rows = [r for r in read_results(results_path) if r["conversation"] in wanted and r["system"] == PIPELINE]
    summary = {**summarize_conversations(rows), "config": config,
               "problems": [f"{p.where}: {p.reason}" for p in conversation_set.problems]}
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    return summary


def _loaded(items: list, problems: list, args: argparse.Namespace) -> list:
    """The items read, after a warning per unreadable line; none at all is refused."""
    for problem in problems:
        print(f"warning: {problem.where}: {problem.reason}", file=sys.stderr)
    if not items:
        why = " (the warnings above say what is wrong with its lines)" if problems else ""
        raise FinSQLError(f"{args.questions} holds no question to evaluate{why}; check the file and --format")
    return items


def _sample(items: list, args: argparse.Namespace) -> list:
    if args.limit is not None and args.limit < len(items):
        chosen = set(random.Random(args.seed).sample(range(len(items)), args.limit))
        items = [item for i, item in enumerate(items) if i in chosen]
    return items


def _pipeline(args: argparse.Namespace, db_ids: list[str], n_items: int) -> tuple[Pipeline, dict]:
    """The pipeline to evaluate and the settings that describe the run, checked against --out's earlier ones."""
    pipeline_config = load_config(args.config, model__name=args.model, model__quantization=args.quantization,
                                  model__backend=args.backend, model__adapter=args.adapter,
                                  generation__candidates=args.candidates, execution__timeout_s=args.timeout)
    pipeline = Pipeline(pipeline_config)
    if args.train is not None:
        _use_train_pairs(pipeline, args, db_ids)
    # A retrained module answers differently: its fingerprint is part of what a result line means.
    modules = {db: info.fingerprint for db in db_ids if (info := pipeline.adapter_for(db))} \
        if args.task == "sql" else {}
    config = {"format": args.format, "questions": str(args.questions),
              "db_root": hide_password(str(args.db_root or "")),
              "model": pipeline_config.model.name, "backend": pipeline_config.model.engine(),
              "quantization": pipeline_config.model.quantization,
              "adapter": pipeline_config.model.adapter, "modules": modules,
              "candidates": pipeline_config.generation.candidates,
              "history": pipeline_config.conversation.history, "task": args.task,
              "train": str(args.train or ""),
              "baseline": args.baseline, "limit": args.limit, "seed": args.seed, "items": n_items,
              "pipeline": asdict(pipeline_config)}
    check_output_folder(args.out, "the --out folder")
    args.out.mkdir(parents=True, exist_ok=True)
    _check_fingerprint(args.out, config)
    return pipeline, config


def _use_train_pairs(pipeline: Pipeline, args: argparse.Namespace, db_ids: list[str]) -> None:
    """--train's pairs replace the bundled train sets of the databases they name."""
    train_set = load_questions(args.train, "jsonl" if args.format == CONVERSATIONS else args.format)
    for problem in train_set.problems:
        print(f"warning: {problem.where}: {problem.reason}", file=sys.stderr)
    by_db: dict[str, list] = {}
    for item in train_set.items:
        by_db.setdefault(item.db_id, []).append(item)
    if not set(by_db) & set(db_ids):
        named = ", ".join(sorted(by_db)) or "no database"
        raise FinSQLError(f"--train {args.train} names {named}, none of the evaluated databases "
                          f"({', '.join(db_ids)}); give pairs whose db_id is one of them")
    for db_id in db_ids:
        if db_id in by_db:
            pipeline.use_train_pairs(db_id, by_db[db_id])


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    quiet_libraries()
    return run_command(lambda: run_and_print(args), interrupted="interrupted; run the same command again to resume")


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def run_and_print(args: argparse.Namespace) -> None:
    summary = run(args)
    if args.format == CONVERSATIONS:
        detection = summary["follow_up_detection"]
        print(f"EX {_percent(summary['turns']['ex'])} on {summary['turns']['n']} turns: follow-ups "
              f"{_percent(summary['follow_ups']['ex'])} ({summary['follow_ups']['n']}), standalone turns "
              f"{_percent(summary['standalone_in_conversation']['ex'])} in the conversation vs "
              f"{_percent(summary['standalone_alone']['ex'])} asked alone "
              f"({summary['standalone_in_conversation']['n']}); follow-ups recognised "
              f"{_percent(detection['follow_ups_read_as_such']['share'])}, standalone ones "
              f"{_percent(detection['standalone_read_as_such']['share'])}\n"
              f"wrote {args.out / 'summary.json'}, {args.out / 'results.jsonl'}")
        return
    confident = summary["confident"] or {"coverage": None, "ex": None}  # empty for --task retrieval
    line = (f"EX {_percent(summary['ex'])} on {summary['n']} questions, valid SQL {summary['valid_sql_rate']}, "
            f"confident answers {_percent(confident['coverage'])} of all, right {_percent(confident['ex'])}, "
            f"table recall {summary['table_recall']}, column recall {summary['column_recall']}, "
            f"prompt/full-schema tokens {summary['prompt_token_ratio']}")
    if "baseline" in summary:
        b = summary["baseline"]
        line += f"; zero-shot baseline EX {_percent(b['ex'])}"
    print(f"{line}\nwrote {args.out / 'summary.json'}, {args.out / 'results.jsonl'}, {args.out / 'report.html'}")


if __name__ == "__main__":
    sys.exit(main())
