"""Output calibration: EX of greedy only vs + repair vs + execution vote, on every dev set, one run.

    python benchmarks/bench_calibration.py [--per-db 20] [--seed 0] [--model qwen2.5-coder-0.5b] [--records F]

Each question is answered once by the full pipeline (greedy + 4 samples). From that one answer:
greedy only = the greedy candidate's SQL as extracted; + repair = the same after the repair rules;
+ vote = the pipeline's answer. So the three columns differ only in calibration. Also printed: how
many candidates each repair rule turned from failing into running, and the mean time of each stage.
``--records`` writes one JSON line per question (every candidate, its group and whether its result
matches the gold one), so other vote rules can be compared without generating again.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from collections import Counter, defaultdict

from finsql import Pipeline
from finsql.calibrate.extract import extract_sql
from finsql.data import DATABASES
from finsql.datasets import load_questions
from finsql.db import Database
from finsql.eval.match import is_ordered, results_match
from finsql.eval.runner import EVAL_MAX_ROWS
from finsql.models import quiet_libraries
from finsql.paths import data_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-db", type=int, default=None, help="questions sampled per dev set (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--model", default=None)
    parser.add_argument("--databases", default=",".join(DATABASES))
    parser.add_argument("--records", default=None, help="write a JSON line per question to this file")
    args = parser.parse_args()
    records = open(args.records, "w", encoding="utf-8") if args.records else None
    quiet_libraries()
    pipeline = Pipeline.from_config(model__name=args.model)
    fixed_by_rule: Counter[str] = Counter()
    stage_times: dict[str, list[float]] = defaultdict(list)
    rows = []
    for name in args.databases.split(","):
        items = load_questions(data_dir() / "questions" / f"{name}_dev.jsonl", "jsonl").items
        if args.per_db and args.per_db < len(items):
            items = random.Random(args.seed).sample(items, args.per_db)
        db = Database(name, max_rows=EVAL_MAX_ROWS)
        correct = Counter()
        for item in items:
            gold = db.execute(item.sql)
            answer = pipeline.ask(item.question, db=name)
            greedy = answer.candidates[0]
            ordered = is_ordered(item.sql)
            correct["greedy"] += results_match(gold, db.execute(extract_sql(greedy.raw)), ordered)
            correct["repair"] += results_match(gold, db.execute(greedy.sql), ordered)
            correct["vote"] += results_match(gold, db.execute(answer.sql), ordered) if answer.sql else 0
            for candidate in answer.candidates:
                if candidate.repairs and candidate.result.ok and not db.execute(extract_sql(candidate.raw)).ok:
                    fixed_by_rule.update(candidate.repairs)
            for stage in answer.trace:
                stage_times[stage.name].append(stage.elapsed_s)
            if records:
                records.write(json.dumps(dict(
                    db=name, id=item.id, gold_rows=len(gold.rows), winner=answer.stage("vote").detail["winner"],
                    candidates=[dict(raw=c.raw, sql=c.sql, repairs=c.repairs, mean_logprob=c.mean_logprob,
                                     sampled=c.sampled, group=c.group, error=c.result.error,
                                     rows=len(c.result.rows), correct=results_match(gold, c.result, ordered),
                                     raw_correct=results_match(gold, db.execute(extract_sql(c.raw)), ordered))
                                for c in answer.candidates]), ensure_ascii=False) + "\n")
                records.flush()
            print(f"  {name} {item.id}: greedy {correct['greedy']} repair {correct['repair']} vote {correct['vote']}",
                  flush=True)
        n = len(items)
        rows.append((name, n, correct["greedy"] / n, correct["repair"] / n, correct["vote"] / n))

    print(f"\n{'dev set':8} {'n':>4} {'greedy':>8} {'+repair':>8} {'+vote':>8} {'vote-greedy':>12}")
    for name, n, greedy, repaired, voted in rows:
        print(f"{name:8} {n:>4} {greedy:>8.1%} {repaired:>8.1%} {voted:>8.1%} {voted - greedy:>+12.1%}")
    print("\ncandidates turned from failing to running, by repair rule:")
    for rule, count in fixed_by_rule.most_common():
        print(f"  {rule:24} {count}")
    print("\nmean seconds per stage:")
    for stage, times in stage_times.items():
        print(f"  {stage:10} {statistics.mean(times):8.3f}")


if __name__ == "__main__":
    main()
