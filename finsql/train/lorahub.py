"""LoraHub fusion: a module for a database with only a few examples, composed from trained ones.

    python -m finsql.train fuse bank --from fund stock macro --examples 5 --budget 20
    python -m finsql.train fuse my/books.sqlite --from fund macro --train-file pairs.jsonl   # adapters/books

Weights w_i are searched without gradients (nevergrad's NGOpt) to minimise the answer-only loss
on a few of the target database's train pairs plus an L1 penalty, composing every LoRA matrix as
Â = Σ w_i·A_i and B̂ = Σ w_i·B_i (not peft's ``add_weighted_adapter``, which does not compose A and B
this way). The result is an ordinary PEFT module with its own card.
"""

from __future__ import annotations

import argparse
import json
import random
import warnings
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from finsql.adapters import AdapterInfo, base_model_hash, read_adapter, write_meta
from finsql.db import database_name
from finsql.errors import FinSQLError
from finsql.paths import adapters_dir, check_output_folder

SHARED_LORA_KEYS = ("r", "lora_alpha", "target_modules", "layers_to_transform")


@dataclass(frozen=True)
class FusionSettings:
    examples: int = 5  # few-shot train pairs of the target database the loss is measured on
    budget: int = 20  # loss evaluations nevergrad may spend
    l1: float = 0.05  # weight of the L1 penalty on the fusion weights (LoraHub's default)
    seed: int = 0

    def __post_init__(self) -> None:
        if self.examples <= 0 or self.budget <= 0 or self.l1 < 0:
            raise FinSQLError("fuse needs --examples > 0, --budget > 0 and --l1 >= 0")


@dataclass
class FusionResult:
    weights: dict[str, float]
    loss: float  # answer-only loss of the fused module on the examples (without the penalty)
    base_loss: float  # the same loss with every weight 0, i.e. the base model alone
    evaluations: int


def check_compatible(modules: list[AdapterInfo]) -> dict:
    """The shared LoRA settings; modules that differ in rank, targets, layers or base are refused."""
    if len(modules) < 2:
        raise FinSQLError("fusion needs at least two trained modules (--from A B ...)")
    configs = [json.loads((m.path / "adapter_config.json").read_text(encoding="utf-8")) for m in modules]
    for key in SHARED_LORA_KEYS:
        # peft saves target_modules from a set, so their order varies between modules.
        values = {json.dumps(sorted(v) if isinstance(v := c.get(key), list) else v) for c in configs}
        if len(values) > 1:
            raise FinSQLError(f"modules differ in LoRA setting {key!r} ({', '.join(sorted(values))}); "
                              "fusion needs modules trained with the same settings")
    bases = {m.base_model for m in modules}
    if len(bases) > 1:
        raise FinSQLError(f"modules come from different base models ({', '.join(sorted(bases))})")
    return configs[0]


def compose(states: list[dict], weights: list[float]) -> dict:
    """Σ w_i·A_i and Σ w_i·B_i for every LoRA matrix of the modules' state dicts."""
    return {key: sum(w * s[key].float() for w, s in zip(weights, states, strict=True)) for key in states[0]}


def fuse(target_db: str, modules: list[AdapterInfo], settings: FusionSettings, out: Path,
         show_progress: bool = True, train_file: Path | None = None) -> FusionResult:
    import nevergrad as ng
    import torch
    from peft import PeftModel, set_peft_model_state_dict
    from safetensors.torch import load_file

    from finsql.config import ModelConfig, PipelineConfig
    from finsql.models import LoadOptions, load_model
    from finsql.pipeline import Pipeline
    from finsql.train.augment import TrainPair
    from finsql.train.dataset import build_examples, collate, read_train_items
    from finsql.train.trainer import answer_loss_module

    check_compatible(modules)
    check_output_folder(out, "the fused module's output folder")  # before minutes of search
    first = modules[0]
    name = database_name(target_db)
    train_path, items = read_train_items(name, train_file)
    chosen = random.Random(settings.seed).sample(items, min(settings.examples, len(items)))
    pairs = [TrainPair(i.question, i.sql, i.sql, "original", i.id) for i in chosen]
    # The trained modules' brief prompt (no few-shot examples) is not the fused module's: it never saw this
    # database's prompts, and a database with few pairs answers best with them as examples (bank dev EX
    # 6.8% with the brief prompt, 13.6% with the default). Its loss is measured on the prompt it is used with;
    # a pair's own question is never among its examples (the example index skips the question asked).
    defaults = PipelineConfig()
    pipeline = Pipeline(replace(defaults, model=ModelConfig(name=first.base_model, adapter="none"),
                                retrieval=replace(defaults.retrieval, tuned=False)))  # as the module will answer
    data = build_examples(pairs, pipeline, target_db, 4096)
    quantization = first.meta["train"]["quantization"]
    loaded = load_model(first.base_model, LoadOptions(quantization=quantization))
    model = PeftModel.from_pretrained(loaded.model, str(first.path), adapter_name="fused")
    model.eval()
    module = answer_loss_module(model)
    states = [load_file(str(m.path / "adapter_model.safetensors")) for m in modules]
    batches = [collate([e], loaded.tokenizer.pad_token_id) for e in data.examples]

    def loss_of(weights: list[float]) -> float:
        set_peft_model_state_dict(model, compose(states, weights), adapter_name="fused")
        with torch.inference_mode():
            return sum(float(module(*(t.to(model.device) for t in b))) for b in batches) / len(batches)

    def objective(weights) -> float:
        return loss_of(list(weights)) + settings.l1 * float(sum(abs(w) for w in weights))

    n = len(modules)
    parametrization = ng.p.Array(init=[1.0 / n] * n, lower=-1.5, upper=1.5)
    parametrization.random_state.seed(settings.seed)
    optimizer = ng.optimizers.NGOpt(parametrization=parametrization, budget=settings.budget)
    with warnings.catch_warnings():
        # On a small budget the COBYLA stage NGOpt may pick warns that it wants more evaluations and raises
        # its own floor; the search still takes exactly the budget asked for.
        warnings.filterwarnings("ignore", message="COBYLA", category=UserWarning)
        for i in range(settings.budget):
            candidate = optimizer.ask()
            value = objective(candidate.value)
            optimizer.tell(candidate, value)
            if show_progress:
                print(f"fuse {i + 1}/{settings.budget}: weights {[round(float(w), 3) for w in candidate.value]} "
                      f"objective {value:.4f}", flush=True)
    best = [float(w) for w in optimizer.provide_recommendation().value]
    loss = loss_of(best)
    base_loss = loss_of([0.0] * n)
    set_peft_model_state_dict(model, compose(states, best), adapter_name="fused")
    out.mkdir(parents=True, exist_ok=True)
    # The embeddings are not trained, and "auto" would look the base up by its registry name (a warning).
    model.save_pretrained(str(out), selected_adapters=["fused"], save_embedding_layers=False)
    _flatten_adapter_folder(out)
    result = FusionResult({m.db_id: round(w, 4) for m, w in zip(modules, best, strict=True)}, round(loss, 4),
                          round(base_loss, 4), settings.budget)
    write_meta(out, {
        "db_id": name, "base_model": first.base_model, "base_sha256": base_model_hash(first.base_model),
        "prompt": asdict(defaults.prompt), "retrieval": asdict(defaults.retrieval), "train": first.meta["train"],
        "data": {"train_file": f"{len(chosen)} pair{'s' * (len(chosen) != 1)} of {train_path.name}",
                 "examples": len(chosen),
                 "fingerprint": data.fingerprint, "skipped_too_long": data.skipped_too_long},
        "augment": [], "fusion": {"sources": [m.path.name for m in modules], "weights": result.weights,
                                  "loss": result.loss, "base_loss": result.base_loss,
                                  "evaluations": result.evaluations, "l1": settings.l1},
        "result": {"steps": 0, "final_loss": result.loss, "device": str(model.device)}, "dev_ex": None,
    })
    return result


def _flatten_adapter_folder(out: Path) -> None:
    """peft saves a non-default adapter under ``<out>/<name>/``; a module folder holds the files directly."""
    nested = out / "fused"
    if nested.is_dir():
        for f in nested.iterdir():
            f.replace(out / f.name)
        nested.rmdir()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m finsql.train fuse", description=__doc__.split("\n\n")[0])
    parser.add_argument("target", help="database the fused module is for: a bundled name or a SQLite file")
    parser.add_argument("--from", dest="sources", nargs="+", required=True, metavar="DB_OR_FOLDER",
                        help="trained modules: database names (adapters/<db>) or module folders")
    parser.add_argument("--examples", type=int, default=FusionSettings.examples)
    parser.add_argument("--budget", type=int, default=FusionSettings.budget)
    parser.add_argument("--l1", type=float, default=FusionSettings.l1)
    parser.add_argument("--seed", type=int, default=FusionSettings.seed)
    parser.add_argument("--train-file", type=Path,
                        help="JSONL pairs of the target to weigh the modules on "
                             "(default data/questions/<db>_train.jsonl)")
    parser.add_argument("--out", type=Path, help="output folder (default adapters/<target>)")
    args = parser.parse_args(argv)
    from finsql.models import quiet_libraries

    quiet_libraries()
    modules = [read_adapter(Path(s) if "/" in s else adapters_dir() / s) for s in args.sources]
    out = args.out or adapters_dir() / database_name(args.target)
    result = fuse(args.target, modules, FusionSettings(args.examples, args.budget, args.l1, args.seed), out,
                  train_file=args.train_file)
    print(f"{args.target}: weights {result.weights}, loss {result.loss} (base alone {result.base_loss}) -> {out}")
    return 0
