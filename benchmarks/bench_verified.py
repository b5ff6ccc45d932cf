"""How fast a database met for the first time learns from verified examples, with no training.

    python benchmarks/bench_verified.py [--db bank] [--steps 0,10,20,40] [--examples 3] [--questions N] [--records F]

The database is copied to a temporary folder (its store of verified examples must not touch the
user's), its LoRA module and train pairs are set aside, and 0, 10, 20, 40 of its train pairs (a
seeded shuffle, each step adding to the last) are saved as verified examples through the store,
exactly as `finsql examples import` would. After each step every dev question is answered greedily
(``Pipeline.ask_many``, eight decoded together) by the base model with the default prompt: the
verified pairs are its few-shot examples (``--examples`` of them, the chat's 3 by default) and its
retriever's usage prior. The last row answers with the database's trained module and its train set, as
the chat does, greedily, in the same run.
``--records F`` keeps a JSON line per answer; a rerun goes on where it stopped.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

from finsql import Pipeline
from finsql.datasets import load_questions
from finsql.db import Database
from finsql.errors import FinSQLError, run_command
from finsql.eval.judge import judge_candidates
from finsql.eval.runner import EVAL_MAX_ROWS, append_result, read_results
from finsql.models import quiet_libraries
from finsql.paths import data_dir
from finsql.verified import ExampleStore

MODULE = "trained module"
BATCH = 8


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default="bank")
    parser.add_argument("--steps", default="0,10,20,40")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--examples", type=int, default=None,
                        help="few-shot examples in the base model's prompt (default: the chat's)")
    parser.add_argument("--questions", type=int, default=None, help="the first N dev questions only")
    parser.add_argument("--records", type=Path, default=None, help="JSON lines kept per answer; resumed from")
    args = parser.parse_args()
    steps = [int(s) for s in args.steps.split(",")]
    train = load_questions(data_dir() / "questions" / f"{args.db}_train.jsonl", "jsonl").items
    dev = load_questions(data_dir() / "questions" / f"{args.db}_dev.jsonl", "jsonl").items[:args.questions]
    if max(steps) > len(train):
        raise FinSQLError(f"{args.db} has {len(train)} train pairs, fewer than the step {max(steps)}")
    random.Random(args.seed).shuffle(train)
    quiet_libraries()
    judge_db = Database(args.db, max_rows=EVAL_MAX_ROWS)
    module = Pipeline.from_config(generation__candidates=1)
    settings = dict(model__adapter="none", generation__candidates=1)
    if args.examples is not None:
        settings["prompt__examples"] = args.examples
    # One model in memory; the module is switched per answer.
    base = Pipeline(Pipeline.from_config(**settings).config, generator=module.generator)
    base.use_train_pairs(args.db, [])
    shots = base.config.prompt.examples
    records = read_results(args.records) if args.records else []
    # A base model's row counts for the few-shot examples it was answered with (3 in rows that do not say).
    records = [r for r in records if r["step"] == MODULE or r.get("examples", 3) == shots]
    done = {(r["step"], r["id"]) for r in records}
    out = args.records.open("a", encoding="utf-8") if args.records else None
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(shutil.copy(Database(args.db).path, Path(tmp) / f"{args.db}.sqlite"))
        store = ExampleStore(Database(copy))
        for step in [*steps, MODULE]:
            if step != MODULE:
                store.add_many([(i.question, i.sql) for i in train[len(store.load()):step]])
            pipeline, db = (module, args.db) if step == MODULE else (base, copy)
            pending = [item for item in dev if (step, item.id) not in done]
            for start in range(0, len(pending), BATCH):  # greedy answers decoded together, kept per batch
                chunk = pending[start:start + BATCH]
                for item, answer in zip(chunk, pipeline.ask_many([i.question for i in chunk], db, BATCH),
                                        strict=True):
                    correct = judge_candidates(answer, item.sql, judge_db)[answer.winner.index]["correct"]
                    row = dict(step=step, id=item.id, correct=correct, verified=len(store.load()),
                               examples=None if step == MODULE else shots)
                    records.append(row)
                    if out:
                        append_result(out, row)
                    print(f"  {step} {item.id}: {correct:d}", flush=True)
    print(f"\n{args.db}: dev EX ({len(dev)} questions, greedy) by verified examples, no training "
          f"({shots} few-shot examples)")
    for step in [*steps, MODULE]:
        mine = [r for r in records if r["step"] == step and r["id"] in {i.id for i in dev}]
        label = f"{step} verified" if step != MODULE else "its trained module (train set as few-shot pool)"
        print(f"  {label:48} {sum(r['correct'] for r in mine) / max(1, len(mine)):6.1%}  ({len(mine)} answered)")


if __name__ == "__main__":
    sys.exit(run_command(main))
