"""Train LoRA modules: ``python -m finsql.train``.

    python -m finsql.train fund                        # adapters/fund, settings from configs/train.toml
    python -m finsql.train fund stock --max-steps 150  # several modules, same settings (a hub)
    python -m finsql.train my/books.sqlite --train-file pairs.jsonl   # your own database: adapters/books
    python -m finsql.train fund --config my.toml --rank 16 --out /tmp/fund-r16
    python -m finsql.train augment fund                # what augmentation generates and keeps, no training
    python -m finsql.train fuse bank --from fund stock macro   # LoraHub module for a small database
    python -m finsql.train answer fund --examples 3    # how a trained module is prompted when it answers
    python -m finsql.train fund --prepare-only fund.json        # augment and build the prompts only ...
    python -m finsql.train fund --prepared fund.json --device cuda   # ... and train on them elsewhere

An interrupted run keeps its last checkpoint in ``<out>/checkpoint``; the same command resumes it.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict, replace
from pathlib import Path

from tabulate import tabulate

from finsql.adapters import answer_prompt, base_model_hash, set_answer_prompt, write_meta
from finsql.config import ModelConfig, PipelineConfig
from finsql.db import Database, database_name
from finsql.errors import FinSQLError, first_line, run_command
from finsql.models import COMPUTE_DTYPES
from finsql.paths import REPO_ROOT, adapters_dir, check_output_folder
from finsql.schema import load_schema
from finsql.train.augment import Augmenter, TrainPair, WriteFn
from finsql.train.config import AnswerSettings, TrainConfig, load_train_config
from finsql.train.dataset import BuiltData, read_prepared, read_train_items, write_prepared
from finsql.verified import ExampleStore

DEFAULT_CONFIG = REPO_ROOT / "configs" / "train.toml"
FLAG_SETTINGS = {  # flag -> setting it overrides
    "model": "base_model", "quantization": "quantization", "device": "device", "compute_dtype": "compute_dtype",
    "rank": "lora.rank", "alpha": "lora.alpha", "dropout": "lora.dropout", "target_modules": "lora.target_modules",
    "layers": "lora.layers", "learning_rate": "optim.learning_rate", "max_seq_tokens": "optim.max_seq_tokens",
    "epochs": "optim.epochs", "max_steps": "optim.max_steps", "batch_tokens": "optim.batch_tokens",
    "save_every": "optim.save_every", "seed": "optim.seed", "cot": "augment.cot", "show_gold": "augment.show_gold",
    "gradient_checkpointing": "optim.gradient_checkpointing", "answer_examples": "answer.examples",
    "answer_max_tokens": "answer.max_tokens", "examples": "prompt.examples", "max_tokens": "prompt.max_tokens",
    "schema_style": "prompt.schema_style", "top_tables": "retrieval.top_tables", "top_columns": "retrieval.top_columns",
}


def model_writer(config: TrainConfig) -> WriteFn:
    """The base model as a writer of paraphrases and chains of thought (greedy, short)."""
    from finsql.generate import HFGenerator
    from finsql.models import LoadOptions, load_model

    generator = HFGenerator(load_model(config.base_model, LoadOptions(device=config.device, inference_only=True)))

    def write(instruction: str) -> str:
        messages = [{"role": "user", "content": instruction}]
        prompt = generator.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return generator.generate(prompt, 160, n=1, stop=())[0].text

    return write


def augment(db: str, config: TrainConfig, train_file: Path | None) -> tuple[list[TrainPair], Augmenter, Path]:
    database = Database(db)  # an unknown database is named before its train file is looked for
    path, items = read_train_items(database.name, train_file)
    items = [e.as_item(database.name) for e in ExampleStore(database).load()] + items  # the user's verified pairs
    writer = model_writer(config) if config.augment.cot or config.augment.model_paraphrase else None
    augmenter = Augmenter(database, load_schema(database), config.augment, writer, seed=config.optim.seed)
    pairs = augmenter.run(items)
    for problem in augmenter.report.left_out:
        print(f"warning: train pair {problem}; it is left out", file=sys.stderr)
    return pairs, augmenter, path


def check_model_and_device(config: TrainConfig) -> None:
    """Refuse a device, base model or LoRA layers that cannot work before any slow work starts."""
    from transformers import AutoConfig

    from finsql.models import pick_device, resolve_checkpoint

    pick_device(config.device)  # --device cuda where torch sees no GPU would otherwise train on the CPU
    try:
        n_layers = AutoConfig.from_pretrained(resolve_checkpoint(config.base_model)).num_hidden_layers
    except OSError as err:
        raise FinSQLError(f"could not read the configuration of model {config.base_model!r}: "
                          f"{first_line(err)}") from None
    config.lora.layer_indices(n_layers)


def data_settings(db: str, config: TrainConfig) -> dict:
    """What decides the built training data: prepared data must have been made with the same."""
    return {"db_id": database_name(db), "base_model": config.base_model, "prompt": asdict(config.prompt),
            "retrieval": asdict(config.retrieval), "max_seq_tokens": config.optim.max_seq_tokens,
            "augment": asdict(config.augment), "seed": config.optim.seed}


def build_training_data(db: str, config: TrainConfig, train_file: Path | None, quiet: bool) -> tuple[BuiltData, dict]:
    """Augment the train pairs and build each one's prompt: the data, and what the card says of it."""
    from finsql.pipeline import Pipeline
    from finsql.train.dataset import build_examples

    pairs, augmenter, path = augment(db, config, train_file)
    if not quiet:
        print(tabulate(augmenter.report.table(), headers=["augmentation", "generated", "kept"]))
    model = ModelConfig(name=config.base_model, adapter="none")
    # A database with a module answers with the shipped embedder: its training prompts are retrieved with it.
    retrieval = replace(config.retrieval, tuned=False)
    pipeline = Pipeline(PipelineConfig(model=model, retrieval=retrieval, prompt=config.prompt))
    data = build_examples(pairs, pipeline, db, config.optim.max_seq_tokens, config.augment.show_gold)
    if not quiet:
        print(f"{data.missed_gold} of {len(pairs)} training prompts left out a table or column of their SQL"
              + ("; added to them (--show-gold)" if config.augment.show_gold else "; --show-gold adds them"))
    return data, {"train_file": _shown(path), "augment": augmenter.report.table()}


def train_one(db: str, config: TrainConfig, out: Path, train_file: Path | None, quiet: bool,
              prepared: Path | None = None) -> dict:
    from finsql.train.trainer import train_module

    check_model_and_device(config)
    check_output_folder(out, "the module's output folder")  # before building the data and loading the model
    if prepared is not None:
        data, about = read_prepared(prepared, data_settings(db, config))
    else:
        data, about = build_training_data(db, config, train_file, quiet)
    result = train_module(data, config, out, show_progress=not quiet)
    meta = {
        "db_id": database_name(db), "base_model": config.base_model, "base_sha256": base_model_hash(config.base_model),
        "prompt": asdict(config.prompt), "retrieval": asdict(config.retrieval),
        "answer_prompt": asdict(answer_prompt(config.prompt, config.answer.examples, config.answer.max_tokens)),
        "train": {k: v for k, v in asdict(config).items() if k not in ("prompt", "retrieval", "answer")},
        "data": {"train_file": about.get("train_file"), "examples": len(data.examples),
                 "fingerprint": data.fingerprint, "skipped_too_long": data.skipped_too_long,
                 "missed_gold": data.missed_gold},
        "augment": about.get("augment", []),
        "result": {k: v for k, v in asdict(result).items() if k != "losses"},
        "dev_ex": None,
    }
    write_meta(out, meta)
    return meta


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m finsql.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("databases", nargs="+", metavar="DB",
                        help="bundled database names or SQLite files, one module each")
    parser.add_argument("--config", type=Path, help=f"TOML settings (default {_shown(DEFAULT_CONFIG)})")
    parser.add_argument("--out", type=Path, help="output folder (one database only; default adapters/<db>)")
    parser.add_argument("--train-file", type=Path, help="JSONL train pairs (default data/questions/<db>_train.jsonl)")
    parser.add_argument("--model", help="base model (registry name or checkpoint folder)")
    parser.add_argument("--quantization", choices=["4bit", "none"])
    parser.add_argument("--device", help="auto, cpu, cuda, cuda:1")
    parser.add_argument("--compute-dtype", choices=COMPUTE_DTYPES,
                        help="4-bit compute dtype, or the GPU dtype of an unquantised base (auto: bf16 where native)")
    parser.add_argument("--rank", type=int)
    parser.add_argument("--alpha", type=int)
    parser.add_argument("--dropout", type=float)
    parser.add_argument("--target-modules", type=lambda text: [m.strip() for m in text.split(",") if m.strip()],
                        help="comma-separated projections with LoRA, e.g. q_proj,v_proj")
    parser.add_argument("--layers", help="decoder layers with LoRA: all, 12-23, 0,5,7")
    parser.add_argument("--learning-rate", type=float)
    parser.add_argument("--epochs", type=int)
    parser.add_argument("--max-steps", type=int)
    parser.add_argument("--batch-tokens", type=int,
                        help="padded tokens per batch of similar lengths (a longer example is a batch alone)")
    parser.add_argument("--max-seq-tokens", type=int, help="longer training examples are skipped (and counted)")
    parser.add_argument("--save-every", type=int)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--gradient-checkpointing", action=argparse.BooleanOptionalAction, default=None,
                        help="recompute activations in the backward pass (less memory, more compute)")
    parser.add_argument("--cot", type=int, help="chain-of-thought targets for at most N pairs")
    parser.add_argument("--show-gold", action=argparse.BooleanOptionalAction, default=None,
                        help="a training prompt also shows the tables and columns of its SQL that retrieval left out")
    parser.add_argument("--examples", type=int, help="few-shot train pairs in each training prompt")
    parser.add_argument("--max-tokens", type=int, help="token budget of each training prompt")
    parser.add_argument("--schema-style", choices=["brief", "full"], help="how the prompts write the retrieved schema")
    parser.add_argument("--top-tables", type=int, help="tables the retriever puts in a prompt")
    parser.add_argument("--top-columns", type=int, help="columns per table the retriever puts in a prompt")
    parser.add_argument("--answer-examples", type=int,
                        help="few-shot train pairs in the prompts the finished module answers (card: answer_prompt)")
    parser.add_argument("--answer-max-tokens", type=int, help="token budget of the prompts it answers")
    parser.add_argument("--prepare-only", type=Path, metavar="FILE",
                        help="augment and build the training prompts into FILE, then stop (no training)")
    parser.add_argument("--prepared", type=Path, metavar="FILE",
                        help="train on data made by --prepare-only with the same settings (skips building it)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar or tables")
    return parser


def load_settings(args: argparse.Namespace) -> TrainConfig:
    config_file = args.config or (DEFAULT_CONFIG if DEFAULT_CONFIG.is_file() else None)
    overrides = {setting: getattr(args, flag) for flag, setting in FLAG_SETTINGS.items()}
    return load_train_config(config_file, overrides)


def answer_main(argv: list[str]) -> int:
    """``python -m finsql.train answer DB|FOLDER ... --examples N``: how trained modules answer."""
    parser = argparse.ArgumentParser(prog="python -m finsql.train answer",
                                     description="Set how trained modules are prompted when they answer; "
                                                 "the dev EX in their cards is cleared until measured again.")
    parser.add_argument("modules", nargs="+", metavar="DB", help="database names (adapters/<db>) or module folders")
    parser.add_argument("--examples", type=int, required=True, help="few-shot train pairs of the module's database")
    parser.add_argument("--max-tokens", type=int, default=AnswerSettings().max_tokens, help="prompt token budget")
    args = parser.parse_args(argv)
    settings = AnswerSettings(examples=args.examples, max_tokens=args.max_tokens)
    for name in args.modules:
        folder = Path(name) if Path(name).is_dir() else adapters_dir() / name
        info = set_answer_prompt(folder, settings.examples, settings.max_tokens)
        print(f"{info.db_id}: answers with {info.prompt.examples} few-shot examples, prompts of at most "
              f"{info.prompt.max_tokens} tokens ({folder})")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    return run_command(lambda: train_main(argv),
                       interrupted="interrupted; run the same command again to resume from the last checkpoint")


def train_main(argv: list[str]) -> int:
    if argv[:1] == ["fuse"]:
        from finsql.train.lorahub import main as fuse_main

        return fuse_main(argv[1:])
    if argv[:1] == ["answer"]:
        return answer_main(argv[1:])
    if argv[:1] == ["augment"]:
        args = build_parser().parse_args(argv[1:])
        config = load_settings(args)
        for db in args.databases:
            pairs, augmenter, _ = augment(db, config, args.train_file)
            print(f"{db}: {len(pairs)} training pairs")
            print(tabulate(augmenter.report.table(), headers=["augmentation", "generated", "kept"]))
        return 0
    args = build_parser().parse_args(argv)
    for flag, value in (("--out", args.out), ("--prepare-only", args.prepare_only), ("--prepared", args.prepared)):
        if value and len(args.databases) > 1:
            raise FinSQLError(f"{flag} names one file or folder; use one database per command with it")
    if args.prepared and args.train_file:
        raise FinSQLError("--prepared already holds the training data; drop --train-file")
    config = load_settings(args)
    if not args.prepared:  # prepared data trains where the databases are not built
        for db in args.databases:
            Database(db)  # an unknown database is named before the model is read (or fetched)
    from finsql.models import quiet_libraries

    quiet_libraries()
    if args.prepare_only:
        (db,) = args.databases
        if args.prepare_only.is_dir():
            raise FinSQLError(f"--prepare-only names the file to write, and {args.prepare_only} is a folder")
        check_output_folder(args.prepare_only.parent, "the --prepare-only file's folder")  # before building
        data, about = build_training_data(db, config, args.train_file, args.quiet)
        write_prepared(args.prepare_only, data, data_settings(db, config), about)
        tokens = sum(len(e.input_ids) for e in data.examples)
        print(f"{db}: {len(data.examples)} examples, {tokens} tokens -> {args.prepare_only}")
        return 0
    for db in args.databases:
        out = args.out or adapters_dir() / database_name(db)
        meta = train_one(db, config, out, args.train_file, args.quiet, args.prepared)
        r = meta["result"]
        print(f"{db}: {r['steps']} steps, final loss {r['final_loss']}, {r['tokens_per_s']} tokens/s, "
              f"{r['seconds']} s -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
