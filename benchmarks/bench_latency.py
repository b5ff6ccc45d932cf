"""Seconds per answer: the chat's configuration against the zero-shot baseline, on the same questions, one run.

    python benchmarks/bench_latency.py [--per-db 3] [--seed 0] [--databases fund,stock,macro,bank]
                                       [--variants chat,zero-shot] [--variant NAME=KEY=VALUE[,KEY=VALUE]]
                                       [--records F] [--no-cold-start]

Every sampled dev question is answered by each configuration in turn (question by question, so a
machine that slows down slows all of them alike), each with a generator of its own (so no
configuration reads a prompt another already read; the hf ones share one model's weights) and every
index loaded before the first answer is timed (warm, as in a chat that has answered before). Printed per
configuration: EX, the share of answers whose SQL ran, the share shown as confident ("sure") and how
many of those were right, p50 and p95 seconds per answer, prefill and
decode speed (prompt tokens per second of prefill; decoding steps per second, each step writing one
token of every candidate) and the mean seconds of every stage. Cold start is a separate process:
``python -m finsql ask`` on the first question, from process start to its answer, model and index
loaded from the disk caches as a fresh ``make run`` finds them.

Configurations: ``chat`` (the defaults the chat answers with: each database's module, 5 candidates
voted on), ``zero-shot`` (base model, whole schema, greedy, no calibration), and any ``--variant``:
the chat's settings with some changed, e.g. ``--variant greedy=generation.candidates=1``,
``--variant cap128=generation.max_new_tokens=128`` or ``--variant cpp=model.backend='"llama.cpp"'``.

``--records F`` keeps a JSON line per answer; the same command run again goes on where it stopped.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import tomllib
from collections import defaultdict
from pathlib import Path

import numpy as np

from finsql import Pipeline
from finsql.bundled import DATABASES
from finsql.config import PipelineConfig, load_config, settings_from, zero_shot
from finsql.datasets import QuestionItem
from finsql.db import Database
from finsql.errors import FinSQLError, run_command
from finsql.eval.judge import judge_candidates
from finsql.eval.runner import EVAL_MAX_ROWS, append_result, read_results
from finsql.eval.sample import bundled_databases, stratified_sample
from finsql.generate import HFGenerator
from finsql.models import quiet_libraries
from finsql.pipeline import stage_seconds

STAGES = ("schema", "retrieve", "examples", "prompt", "generate", "extract", "vote", "sample")


def variant_config(base: PipelineConfig, spec: str) -> tuple[str, PipelineConfig]:
    """``NAME=section.key=value[,section.key=value]`` -> (NAME, the base settings with those changed),
    each value read as TOML and checked as a settings file's would be."""
    name, _, changes = spec.partition("=")
    if not name or not changes:
        raise FinSQLError(f"--variant {spec!r}: write NAME=section.key=value, e.g. greedy=generation.candidates=1")
    values: dict[str, dict] = {}
    for change in changes.split(","):
        key, _, value = change.partition("=")
        section, _, field = key.strip().partition(".")
        try:
            parsed = tomllib.loads(f"v = {value.strip()}")["v"]
        except tomllib.TOMLDecodeError:
            parsed = value.strip()
        values.setdefault(section, {})[field] = parsed
    return name, settings_from(base, values)


def record(variant: str, item: QuestionItem, pipeline: Pipeline, db: Database) -> dict:
    began = time.perf_counter()
    answer = pipeline.ask(item.question, db=item.db_id)
    seconds = time.perf_counter() - began
    timing = answer.generation.timing if answer.generation else None
    judged = judge_candidates(answer, item.sql, db, raw=True)  # the gold result and every candidate's
    winner = judged[answer.winner.index] if answer.winner else None
    return dict(variant=variant, db=item.db_id, id=item.id, seconds=round(seconds, 3),
                correct=bool(winner and winner["correct"]),
                ran=bool(answer.sql and winner and winner["error"] is None),
                confident=bool(answer.trust and answer.trust.confident),
                greedy_sql=judged[0]["raw"] if judged else "", greedy_correct=bool(judged and judged[0]["correct"]),
                raw_fails=sum(j["raw_error"] is not None for j in judged),
                fails=sum(j["error"] is not None for j in judged),
                candidates=len(answer.candidates), new_tokens=answer.generation.new_tokens if answer.generation else 0,
                prompt_tokens=timing.prompt_tokens if timing else None, prefill_s=timing.prefill_s if timing else None,
                steps=timing.steps if timing else None, decode_s=timing.decode_s if timing else None,
                stages=stage_seconds(answer))


def _own_generator(loaded: dict, config: PipelineConfig):
    """A generator of the configuration's own, loaded now: each keeps the prompt it last read, which must
    not be one another configuration read. Configurations on the hf backend share one model's weights."""
    backend = config.model.backend
    if backend not in loaded:
        loaded[backend] = Pipeline(config).generator
        return loaded[backend]
    if backend == "hf":
        return HFGenerator(loaded[backend].loaded)
    return Pipeline(config).generator


def cold_start(item: QuestionItem) -> float:
    """Seconds from starting ``python -m finsql ask`` to its answer (model and index from the disk caches)."""
    began = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "finsql", "ask", item.question, "--db", item.db_id],
                          capture_output=True, text=True, timeout=900)
    if proc.returncode not in (0, 2):
        raise FinSQLError(f"cold start failed: {proc.stderr.strip().splitlines()[-1]}")
    return time.perf_counter() - began


def summarise(records: list[dict], variants: list[str]) -> None:
    print(f"\n{'configuration':14} {'n':>3} {'EX':>6} {'ran':>6} {'sure':>6} {'right':>6} {'p50 s':>7} {'p95 s':>7} "
          f"{'prefill tok/s':>14} {'decode steps/s':>15}  " + " ".join(f"{s:>8}" for s in STAGES))
    for variant in variants:
        mine = [r for r in records if r["variant"] == variant]
        if not mine:
            continue
        seconds = [r["seconds"] for r in mine]
        timed = [r for r in mine if r["prefill_s"]]
        prefill = sum(r["prompt_tokens"] for r in timed) / sum(r["prefill_s"] for r in timed) if timed else 0.0
        decode = sum(r["steps"] for r in timed) / sum(r["decode_s"] for r in timed) if timed else 0.0
        stages = defaultdict(list)
        for r in mine:
            for stage, s in r["stages"].items():
                stages[stage].append(s)
        sure = [r["correct"] for r in mine if r.get("confident")]
        print(f"{variant:14} {len(mine):>3} {sum(r['correct'] for r in mine) / len(mine):>6.1%} "
              f"{sum(r['ran'] for r in mine) / len(mine):>6.1%} {len(sure) / len(mine):>6.1%} "
              f"{(f'{sum(sure) / len(sure):.1%}' if sure else '-'):>6} {statistics.median(seconds):>7.1f} "
              f"{np.percentile(seconds, 95):>7.1f} {prefill:>14.0f} {decode:>15.1f}  "
              + " ".join(f"{statistics.mean(stages[s]) if stages[s] else 0.0:>8.2f}" for s in STAGES))
    print("\nPer database: EX / the greedy candidate's EX / candidates whose SQL fails to run, as written and "
          "after repair")
    databases = list(dict.fromkeys(r["db"] for r in records))
    print(f"{'configuration':14} " + " ".join(f"{db:>30}" for db in databases))
    for variant in variants:
        cells = []
        for db in databases:
            mine = [r for r in records if r["variant"] == variant and r["db"] == db]
            judged = [r for r in mine if "fails" in r]
            candidates = sum(r["candidates"] for r in judged) or 1
            cells.append(f"{sum(r['correct'] for r in mine) / max(1, len(mine)):.1%} / "
                         f"{sum(r['greedy_correct'] for r in judged) / max(1, len(judged)):.1%} / "
                         f"{sum(r['raw_fails'] for r in judged) / candidates:.0%} "
                         f"{sum(r['fails'] for r in judged) / candidates:.0%}" if mine else "-")
        print(f"{variant:14} " + " ".join(f"{c:>30}" for c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-db", type=int, default=3,
                        help="dev questions per database, drawn as bench_accuracy.py draws them (stratified)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--databases", default=",".join(DATABASES))
    parser.add_argument("--model", default=None)
    parser.add_argument("--variants", default="chat,zero-shot", help="which of chat, zero-shot to run")
    parser.add_argument("--variant", action="append", default=[], metavar="NAME=KEY=VALUE[,KEY=VALUE]",
                        help="the chat's settings with some changed; may be repeated")
    parser.add_argument("--records", type=Path, default=None, help="JSON lines kept per answer; resumed from")
    parser.add_argument("--no-cold-start", action="store_true")
    args = parser.parse_args()
    databases = bundled_databases(args.databases)
    chat = load_config(model__name=args.model)
    named = {"chat": chat, "zero-shot": zero_shot(chat)}
    configs = {}
    for name in [v for v in args.variants.split(",") if v]:
        if name not in named:
            raise FinSQLError(f"--variants: unknown {name!r}; choose from chat, zero-shot (or add --variant)")
        configs[name] = named[name]
    configs.update(variant_config(chat, spec) for spec in args.variant)
    items = stratified_sample(databases, args.per_db, args.seed)
    quiet_libraries()
    if not args.no_cold_start:
        print(f"cold start (python -m finsql ask, {items[0].db_id} {items[0].id}): {cold_start(items[0]):.1f} s",
              flush=True)
    records = read_results(args.records) if args.records else []
    done = {(r["variant"], r["db"], r["id"]) for r in records}
    out = args.records.open("a", encoding="utf-8") if args.records else None
    loaded = {}  # backend -> the first pipeline's generator: hf configurations share its weights
    pipelines = {}
    for name, config in configs.items():
        pipelines[name] = pipeline = Pipeline(config, generator=_own_generator(loaded, config))
        for first in {item.db_id: item for item in reversed(items)}.values():
            pipeline.prepare(first.question, first.db_id)  # warm: indexes, embedder and examples loaded
    asked = set()
    for item in items:
        db = Database(item.db_id, max_rows=EVAL_MAX_ROWS)
        for name, pipeline in pipelines.items():
            asked.add((name, item.db_id, item.id))
            if (name, item.db_id, item.id) in done:
                continue
            row = record(name, item, pipeline, db)
            records.append(row)
            if out:
                append_result(out, row)
            print(f"  {name:12} {item.id:16} {row['seconds']:6.1f} s  right {row['correct']:d}", flush=True)
    summarise([r for r in records if (r["variant"], r["db"], r["id"]) in asked], list(configs))


if __name__ == "__main__":
    sys.exit(run_command(main))
