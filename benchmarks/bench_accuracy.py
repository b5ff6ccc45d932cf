"""Quick accuracy: the chat's configuration on a fixed stratified sample of every dev set, greedy and
the vote as columns of one run.

    python benchmarks/bench_accuracy.py [--per-db 15 | --per-db all] [--seed 0] [--databases fund,stock]
                                        [--model qwen2.5-coder-0.5b] [--records F]

Each question is answered once, as the chat answers it (each database's module, greedy + 4 samples,
repair, the vote). From that one answer: ``greedy`` = the greedy candidate after repair; ``vote`` =
the answer. So the columns differ only in calibration and cost one generation. Printed per database
and overall: EX, the share of answers whose SQL fails to run or returns no rows, p50 seconds, how
often answers are right at each confidence level, with the coverage and accuracy of the answers the
chat shows as confident (``finsql.calibrate.confidence``), and by other signals of doubt.

The sample (15 per database, difficulties in proportion, the same every time) takes about 20 minutes
on a 2-core CPU. ``--records F`` keeps a JSON line per question (every candidate judged against the
gold result); the same command run again goes on where it stopped, and the tables cover this command's
questions.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from finsql import Pipeline
from finsql.bundled import DATABASES
from finsql.calibrate.confidence import assess
from finsql.config import CalibrationConfig
from finsql.db import Database
from finsql.errors import run_command
from finsql.eval.judge import judge_candidates
from finsql.eval.runner import EVAL_MAX_ROWS, append_result, read_results
from finsql.eval.sample import bundled_databases, per_database, stratified_sample
from finsql.models import quiet_libraries
from finsql.pipeline import stage_seconds

COLUMNS = ("greedy", "vote")
SHARES = (0.2, 0.4, 0.6, 0.8, 1.0)
LIKELIHOODS = (-0.01, -0.015, -0.02, -0.025, -0.03, -0.05)


def question_record(item, pipeline: Pipeline, db: Database) -> dict:
    began = time.perf_counter()
    answer = pipeline.ask(item.question, db=item.db_id)
    seconds = time.perf_counter() - began
    return dict(db=item.db_id, id=item.id, difficulty=item.difficulty, seconds=round(seconds, 3),
                winner=answer.winner.index, confidence=answer.confidence,
                candidates=judge_candidates(answer, item.sql, db), stages=stage_seconds(answer))


def pick(record: dict, column: str) -> tuple[dict, float]:
    """The column's answer (a judged candidate) and its confidence."""
    c = record["candidates"]
    if column == "greedy":
        return c[0], 0.0
    return c[record["winner"]], record["confidence"] or 0.0


def _fails(answer: dict) -> bool:
    return answer["error"] is not None or not answer["rows"]


def confident(record: dict, min_share: float | None = None, min_logprob: float | None = None) -> bool:
    """Whether the chat shows the answer as confident (with its thresholds, unless others are given)."""
    settings = CalibrationConfig()
    answer, share = pick(record, "vote")
    return assess(share, answer["mean_logprob"], not _fails(answer),
                  settings.confident_share if min_share is None else min_share,
                  settings.confident_logprob if min_logprob is None else min_logprob).confident


def _coverage_and_right(records: list[dict], **thresholds: float) -> str:
    chosen = [r["candidates"][r["winner"]]["correct"] for r in records if confident(r, **thresholds)]
    right = f"{sum(chosen) / len(chosen):>6.1%}" if chosen else f"{'-':>6}"
    return f"{len(chosen) / len(records):>9.1%} {right}"


def summarise(records: list[dict], databases: list[str]) -> None:
    print(f"\n{'set':6} {'n':>3}  " + "  ".join(f"{c + ' EX':>10} {'fails':>6}" for c in COLUMNS)
          + f"  {'p50 s':>6}  {'confident':>9} {'right':>6}")
    for name in [*databases, "all"]:
        mine = [r for r in records if name in ("all", r["db"])]
        if not mine:
            continue
        cells = []
        for column in COLUMNS:
            answers = [pick(r, column)[0] for r in mine]
            cells.append(f"{sum(a['correct'] for a in answers) / len(mine):>10.1%} "
                         f"{sum(map(_fails, answers)) / len(mine):>6.1%}")
        print(f"{name:6} {len(mine):>3}  " + "  ".join(cells)
              + f"  {statistics.median(r['seconds'] for r in mine):>6.1f}  {_coverage_and_right(mine)}")
    settings = CalibrationConfig()
    print(f"\nconfident = the answer returned rows, at least {settings.confident_share:.0%} of the candidates agree "
          f"and the chosen SQL's mean log-probability is at least {settings.confident_logprob} (the chat's rule)")
    print("\nanswers shown as confident with other thresholds (coverage, right):")
    print(f"  {'share >=':>8} " + " ".join(f"{f'logprob >= {t}':>23}" for t in LIKELIHOODS))
    for share in SHARES:
        print(f"  {share:>8.0%} " + " ".join(f"{_coverage_and_right(records, min_share=share, min_logprob=t):>23}"
                                              for t in LIKELIHOODS))
    print("\nright answers by other signals:")
    logprobs = sorted(r["candidates"][r["winner"]]["mean_logprob"] for r in records)
    median_logprob = logprobs[len(logprobs) // 2]
    signals = {
        "chosen SQL was repaired": lambda r: bool(r["candidates"][r["winner"]]["repairs"]),
        "chosen SQL's likelihood above the median": lambda r: r["candidates"][r["winner"]]["mean_logprob"]
        >= median_logprob,
    }
    for label, signal in signals.items():
        groups = defaultdict(list)
        for r in records:
            groups[bool(signal(r))].append(r["candidates"][r["winner"]]["correct"])
        print(f"  {label:42} " + "  ".join(f"{'yes' if k else 'no'}: {sum(v)}/{len(v)}"
                                            for k, v in sorted(groups.items(), reverse=True)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-db", default="15", help="dev questions per database, or 'all'")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--databases", default=",".join(DATABASES))
    parser.add_argument("--model", default=None)
    parser.add_argument("--records", type=Path, default=None, help="JSON lines kept per question; resumed from")
    args = parser.parse_args()
    databases = bundled_databases(args.databases)
    items = stratified_sample(databases, per_database(args.per_db), args.seed)
    records = read_results(args.records) if args.records else []
    done = {(r["db"], r["id"]) for r in records}
    out = args.records.open("a", encoding="utf-8") if args.records else None
    quiet_libraries()
    pipeline = Pipeline.from_config(model__name=args.model)
    pipeline.generator  # noqa: B018 -- load the model before the first answer is timed
    for db in databases:  # likewise the indexes and examples
        pipeline.prepare("warm-up", db)
    dbs = {db: Database(db, max_rows=EVAL_MAX_ROWS) for db in databases}
    for item in items:
        if (item.db_id, item.id) in done:
            continue
        record = question_record(item, pipeline, dbs[item.db_id])
        records.append(record)
        if out:
            append_result(out, record)
        print(f"  {item.db_id} {item.id}: " + " ".join(f"{c} {pick(record, c)[0]['correct']:d}" for c in COLUMNS)
              + f" ({record['seconds']:.0f} s)", flush=True)
    asked = {(item.db_id, item.id) for item in items}
    summarise([r for r in records if (r["db"], r["id"]) in asked], databases)


if __name__ == "__main__":
    sys.exit(run_command(main))
