"""Output calibration: EX of greedy only vs + repair vs + execution vote, on every dev set, one run.

    python benchmarks/bench_calibration.py [--per-db N] [--seed 0] [--model qwen2.5-coder-0.5b]
                                           [--databases fund,stock] [--records F]

Each question is answered once by the full pipeline (greedy + 4 samples). From that one answer:
greedy only = the greedy candidate's SQL as extracted; + repair = the same after the repair rules;
+ vote = the pipeline's answer. So the three columns differ only in calibration; "any right" counts
the questions where some candidate was right, the most a vote could reach. Also printed: how many
candidates each repair rule turned from failing into running, how often the answer was right for
each size of the winning group (the confidence the chat shows), and the time of each stage.

``--records F`` keeps a JSON line per answered question (every candidate, its group, whether its
result matches the gold one before and after repair, the stage times), so other vote rules can be
compared without generating again. Run the same command again to go on after an interruption:
questions already in F are not asked again, and the table covers this command's questions.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

from finsql import Pipeline
from finsql.bundled import DATABASES
from finsql.datasets import load_questions
from finsql.db import Database
from finsql.errors import run_command
from finsql.eval.judge import judge_candidates
from finsql.eval.runner import EVAL_MAX_ROWS, append_result, read_results
from finsql.models import quiet_libraries
from finsql.paths import data_dir
from finsql.pipeline import stage_seconds


def question_record(name: str, item, answer, db: Database) -> dict:
    """What one answer tells about calibration, judged against the gold result."""
    return dict(db=name, id=item.id, winner=answer.winner.index,
                candidates=judge_candidates(answer, item.sql, db, raw=True), stages=stage_seconds(answer))


def _winner_votes(record: dict) -> int:
    """How many candidates returned what the winner returned; 0 when the winner returned no rows."""
    winner = record["candidates"][record["winner"]]
    if winner["error"] is not None or not winner["rows"]:
        return 0
    return sum(c["group"] == winner["group"] for c in record["candidates"])


def summarise(records: list[dict], databases: list[str]) -> None:
    print(f"\n{'dev set':8} {'n':>4} {'greedy':>8} {'+repair':>8} {'+vote':>8} {'vote-greedy':>12} {'any right':>10}")
    fixed_by_rule: Counter[str] = Counter()
    by_winner_votes: dict[int, list[bool]] = defaultdict(list)
    stage_times: dict[str, list[float]] = defaultdict(list)
    for name in databases:
        mine = [r for r in records if r["db"] == name]
        if not mine:
            continue
        greedy = sum(r["candidates"][0]["raw_correct"] for r in mine) / len(mine)
        repaired = sum(r["candidates"][0]["correct"] for r in mine) / len(mine)
        voted = sum(r["candidates"][r["winner"]]["correct"] for r in mine) / len(mine)
        any_right = sum(any(c["correct"] for c in r["candidates"]) for r in mine)
        print(f"{name:8} {len(mine):>4} {greedy:>8.1%} {repaired:>8.1%} {voted:>8.1%} {voted - greedy:>+12.1%} "
              f"{any_right:>10}")
        for record in mine:
            winner = record["candidates"][record["winner"]]
            by_winner_votes[_winner_votes(record)].append(winner["correct"])
            for c in record["candidates"]:
                if c["repairs"] and c["error"] is None and c["raw_error"] is not None:
                    fixed_by_rule.update(c["repairs"])
            for stage, seconds in record["stages"].items():
                stage_times[stage].append(seconds)
    print("\ncandidates turned from failing to running, by repair rule:")
    for rule, count in fixed_by_rule.most_common():
        print(f"  {rule:24} {count}")
    print("\nright answers by size of the winning group (0: no candidate returned rows):")
    for votes, right in sorted(by_winner_votes.items()):
        print(f"  {votes} votes {sum(right):>5} of {len(right):<5} {sum(right) / len(right):6.1%}")
    print("\nseconds per stage:        mean   median")
    for stage, times in stage_times.items():
        print(f"  {stage:20} {statistics.mean(times):8.3f} {statistics.median(times):8.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-db", type=int, default=None, help="questions sampled per dev set (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--model", default=None)
    parser.add_argument("--databases", default=",".join(DATABASES))
    parser.add_argument("--records", type=Path, default=None, help="JSON lines kept per question; resumed from")
    args = parser.parse_args()
    databases = args.databases.split(",")
    records = read_results(args.records) if args.records else []
    done = {(r["db"], r["id"]) for r in records}
    out = args.records.open("a", encoding="utf-8") if args.records else None
    quiet_libraries()
    pipeline = Pipeline.from_config(model__name=args.model)
    asked = set()
    for name in databases:
        items = load_questions(data_dir() / "questions" / f"{name}_dev.jsonl", "jsonl").items
        if args.per_db and args.per_db < len(items):
            items = random.Random(args.seed).sample(items, args.per_db)
        db = Database(name, max_rows=EVAL_MAX_ROWS)
        for item in items:
            asked.add((name, item.id))
            if (name, item.id) in done:
                continue
            record = question_record(name, item, pipeline.ask(item.question, db=name), db)
            records.append(record)
            if out:
                append_result(out, record)
            c = record["candidates"]
            print(f"  {name} {item.id}: greedy {c[0]['raw_correct']:d} repair {c[0]['correct']:d} "
                  f"vote {c[record['winner']]['correct']:d}", flush=True)
    summarise([r for r in records if (r["db"], r["id"]) in asked], databases)


if __name__ == "__main__":
    sys.exit(run_command(main))
