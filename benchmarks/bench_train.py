"""LoRA modules: dev EX with the base alone vs with the database's module; 4-bit vs full-precision
training memory and speed on the same batches; seconds each shipped module took to train.

    python benchmarks/bench_train.py [--per-db 20] [--seed 0] [--databases fund,stock,macro]
                                     [--skip-memory] [--checkpointing both] [--write-cards] [--records F]
                                     [--batch-size 1] [--candidates 1] [--model NAME]

EX: one loaded model answers every sampled dev question twice, once with no module (the default
pipeline: 5x12 retrieval, 3 few-shot examples, the configured schema style) and once with the
database's module from adapters/ (which brings the prompt its card answers with); greedy, one candidate
each, so the comparison is the module's alone; ``--candidates 5`` measures both with the chat's
default calibration instead (greedy plus 4 samples at the configured temperature, the executed
results voted on); ``--batch-size N`` decodes N greedy questions together (on a GPU). ``--records F``
keeps a JSON line per question (both SQL queries, whether each matched the gold result, the module's
fingerprint, the candidates count); the same command run again goes on from there, so a long CPU
run survives interruptions, and after a module is retrained it asks only the module again (the last
line of a question wins). Memory: ``python -m finsql.train fund --max-steps 3`` run in fresh
processes, 4-bit NF4 vs full precision, with and without gradient checkpointing, same data and seed;
peak is the highest memory held while training, weights included (RSS on a CPU, allocated CUDA
memory on a GPU; counted from the end of loading, so the loader's transient copies are left out);
start MB is what was held when the first step started (on a CPU also the runtime, the retriever and
the built prompts); model MB is the model's own footprint.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from tabulate import tabulate

from finsql.adapters import find_adapter, record_dev_ex
from finsql.config import PipelineConfig, load_config
from finsql.datasets import load_questions
from finsql.db import Database, resolve_database
from finsql.errors import FinSQLError, run_command
from finsql.eval.runner import EVAL_MAX_ROWS, append_result, read_results
from finsql.models import quiet_libraries, resolve_checkpoint
from finsql.paths import data_dir
from finsql.pipeline import Pipeline
from finsql.prompt.examples import train_set_path
from finsql.results import is_ordered, results_match


def dev_ex(databases: list[str], per_db: int | None, seed: int, write_cards: bool, base_config: PipelineConfig,
           records_path: Path | None = None, batch_size: int = 1) -> list[list]:
    """``base_config`` answers without a module (``model.adapter = "none"``); its candidates count holds for both."""
    import torch

    candidates = base_config.generation.candidates
    # A record made with another candidates count answers another question: both are asked again.
    answered = {(r["db"], r["id"]): r for r in read_results(records_path)
                if r.get("candidates", 1) == candidates} if records_path else {}
    out = records_path.open("a", encoding="utf-8") if records_path else None
    base = Pipeline(base_config)
    generator = base.generator
    rows = []
    for name in databases:
        module = find_adapter(name)
        if module is None:
            rows.append([name, "-", "-", "no module in adapters/", "-"])
            continue
        # The module by its folder, not "auto": auto leaves out a module whose card says it is below the base.
        with_module = Pipeline(replace(base_config, model=replace(base_config.model, adapter=str(module.path))),
                               generator=generator)
        items = load_questions(data_dir() / "questions" / f"{name}_dev.jsonl", "jsonl").items
        if per_db and per_db < len(items):
            items = random.Random(seed).sample(items, per_db)
        db = Database(name, max_rows=EVAL_MAX_ROWS)
        right = {"base": 0, "module": 0}
        for start in range(0, len(items), batch_size):
            chunk = items[start:start + batch_size]
            records = []
            for item in chunk:
                record = answered.get((name, item.id)) or {"db": name, "id": item.id, "candidates": candidates}
                if record.get("module_fingerprint") != module.fingerprint:
                    record.pop("module", None)  # another module's answer (retrained, other prompt): ask again
                records.append(record)
            gold = {}  # each asked question's gold result, run once for both answers
            for label, pipeline in (("base", base), ("module", with_module)):
                todo = [(item, record) for item, record in zip(chunk, records, strict=True) if label not in record]
                if not todo:
                    continue
                torch.manual_seed(seed)  # the same samples for a question however the run was resumed
                answers = pipeline.ask_many([item.question for item, _ in todo], name, batch_size)
                for (item, record), answer in zip(todo, answers, strict=True):
                    if item.id not in gold:
                        gold[item.id] = db.execute(item.sql)
                    record[f"{label}_sql"] = answer.sql
                    record[label] = bool(answer.sql) and results_match(gold[item.id], db.execute(answer.sql),
                                                                       is_ordered(item.sql))
            for item, record in zip(chunk, records, strict=True):
                if item.id in gold:
                    record["module_fingerprint"] = module.fingerprint
                    if out:
                        append_result(out, record)
                for label in right:
                    right[label] += record[label]
                print(f"  {name} {item.id}: base {right['base']} module {right['module']}", flush=True)
        n = len(items)
        base_ex, module_ex = right["base"] / n, right["module"] / n
        rows.append([name, n, f"{base_ex:.3f}", f"{module_ex:.3f}", f"{100 * (module_ex - base_ex):+.1f}"])
        if write_cards:
            voting = f" --candidates {candidates}" if candidates > 1 else ""
            command = (f"python benchmarks/bench_train.py --skip-memory --per-db {per_db or 0} --seed {seed} "
                       f"--databases {name}{voting} (on {generator.loaded.device})")
            record_dev_ex(module.path, round(module_ex, 4), n, round(base_ex, 4), command)
    return rows


def training_memory(db: str, steps: int, checkpointing: tuple[bool, ...] = (True, False),
                    model: str | None = None) -> list[list]:
    """4-bit vs full precision (fp32), plus bf16 on a GPU (a CPU trains an unquantised base in fp32 only),
    the 4-bit base computing in bf16 where the device multiplies it natively (else fp32 on a CPU),
    with and without gradient checkpointing; each ratio is against fp32 with the same checkpointing."""
    import torch

    runs = [("4bit", "auto"), ("none", "float32")]  # auto: bf16 where the device multiplies it natively
    if torch.cuda.is_available():
        runs.append(("none", "bfloat16"))
    results = {}
    for recompute in checkpointing:
        for quantization, dtype in runs:
            results[(recompute, quantization, dtype)] = _train_briefly(db, steps, quantization, dtype, recompute,
                                                                       model)
    rows = []
    for (recompute, quantization, _), r in results.items():
        full = results[(recompute, "none", "float32")]
        rows.append(["on" if recompute else "off", quantization, r["compute_dtype"], r["device"], r["steps"],
                     r["tokens"],
                     r["model_memory_mb"], f"{r['model_memory_mb'] / full['model_memory_mb']:.2f}",
                     r["start_memory_mb"], r["peak_memory_mb"], f"{r['peak_memory_mb'] / full['peak_memory_mb']:.2f}",
                     r["tokens_per_s"], f"{r['tokens_per_s'] / full['tokens_per_s']:.2f}"])
    return rows


def _train_briefly(db: str, steps: int, quantization: str, dtype: str, checkpointing: bool,
                   model: str | None = None) -> dict:
    """``steps`` optimizer steps in a fresh process; the result its card records."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / db
        # The first 24 train pairs: the same batches for every run, without augmenting the whole set.
        pairs = Path(tmp) / "train.jsonl"
        pairs.write_text("\n".join(train_set_path(db).read_text(encoding="utf-8").splitlines()[:24]) + "\n",
                         encoding="utf-8")
        proc = subprocess.run([sys.executable, "-m", "finsql.train", db, "--max-steps", str(steps),
                               "--quantization", quantization, "--compute-dtype", dtype, "--train-file", str(pairs),
                               "--gradient-checkpointing" if checkpointing else "--no-gradient-checkpointing",
                               "--out", str(out), "--quiet", *(["--model", model] if model else [])],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"training with quantization={quantization} failed: {proc.stderr.strip()}")
        return json.loads((out / "finsql_adapter.json").read_text())["result"]


def module_times(databases: list[str]) -> list[list]:
    rows = []
    for name in databases:
        module = find_adapter(name)
        if module is not None:
            r = module.meta["result"]
            rows.append([name, r.get("steps"), module.meta["data"]["examples"], r.get("seconds"),
                         r.get("tokens_per_s"), r.get("final_loss"), r.get("device")])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-db", type=int, default=20, help="dev questions sampled per database (0: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--databases", default="fund,stock,macro")
    parser.add_argument("--model", help="base model (registry name or checkpoint folder; default: the pipeline's)")
    parser.add_argument("--memory-steps", type=int, default=3)
    parser.add_argument("--checkpointing", choices=["on", "off", "both"], default="both",
                        help="gradient checkpointing in the memory runs")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-ex", action="store_true")
    parser.add_argument("--write-cards", action="store_true", help="record the measured dev EX in each card")
    parser.add_argument("--records", type=Path, default=None, help="JSON lines kept per dev question; resumed from")
    parser.add_argument("--batch-size", type=int, default=1,
                        help="questions decoded together (greedy, left-padded): 16-32 on a GPU; 1 on a CPU")
    parser.add_argument("--candidates", type=int, default=1,
                        help="answers per question, their executed results voted on (1: greedy alone; "
                             "5: the chat's default)")
    args = parser.parse_args()
    try:  # checked before any long run starts
        base_config = load_config(model__name=args.model, model__adapter="none",
                                  generation__candidates=args.candidates)
        resolve_checkpoint(base_config.model.name)  # an unknown --model stops here, not at the first load
        databases = args.databases.split(",")
        for name in databases:
            resolve_database(name)  # an unknown database too, not as an empty row
    except FinSQLError as err:
        parser.error(str(err))
    quiet_libraries()
    print("\nShipped modules (as measured by their training command)")
    print(tabulate(module_times(databases), headers=["module", "steps", "examples", "seconds", "tokens/s",
                                                     "final loss", "device"]))
    if not args.skip_memory:
        print(f"\nTraining memory and speed, {args.memory_steps} steps on {databases[0]} "
              "(ratios vs full precision, fp32, with the same gradient checkpointing)")
        checkpointing = {"on": (True,), "off": (False,), "both": (True, False)}[args.checkpointing]
        print(tabulate(training_memory(databases[0], args.memory_steps, checkpointing, args.model),
                       headers=["checkpointing", "base", "dtype", "device", "steps", "tokens", "model MB", "ratio",
                                "start MB", "peak MB", "ratio", "tokens/s", "ratio"]))
    if not args.skip_ex:
        rows = dev_ex(databases, args.per_db or None, args.seed, args.write_cards, base_config, args.records,
                      max(1, args.batch_size))
        how = "greedy" if args.candidates == 1 else f"{args.candidates} candidates voted on their results"
        print(f"\nDev EX, {how}, base alone vs with the database's module")
        print(tabulate(rows, headers=["database", "questions", "base EX", "module EX", "points"]))


if __name__ == "__main__":
    sys.exit(run_command(main))
