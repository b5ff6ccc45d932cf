"""Typed training settings, read from a TOML file and overridable by command-line flags.

    [lora]
    rank = 8
    alpha = 16
    target_modules = ["q_proj", "k_proj", "v_proj", "o_proj"]
    layers = "12-23"          # decoder layers that get LoRA weights; "all" for every layer

    [optim]
    learning_rate = 2e-4
    epochs = 1
    max_steps = 0             # 0: run the epochs
    batch_tokens = 2048       # examples of similar length are packed into a batch up to this size
    save_every = 20           # optimizer steps between checkpoints
    gradient_checkpointing = true   # recompute activations in the backward pass: less memory

    [augment]
    paraphrase = true         # en<->zh, finance synonyms from schemas/*.yaml, question templates
    skeleton = true           # "-- skeleton: SELECT _ FROM _" before the SQL
    model_paraphrase = false  # the base model paraphrases too (slow on a CPU)
    cot = 0                   # chain-of-thought targets written by the base model, for at most N pairs
    show_gold = false         # a prompt also shows what its SQL reads but retrieval left out (lowered bank's dev EX)

    [prompt]                  # the pipeline's prompt settings the module is trained with
    schema_style = "brief"
    examples = 0

    [answer]                  # what changes in that prompt when the finished module answers
    examples = 3              # few-shot train pairs of its database
    max_tokens = 3072

Every module of one hub must share rank, alpha, target modules and layers so LoraHub can fuse them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from finsql.config import PromptConfig, RetrievalConfig, read_toml, settings_from
from finsql.errors import FinSQLError
from finsql.models import COMPUTE_DTYPES, DEFAULT_LLM

# Projections of the decoder layers of the supported model families (Qwen2, Llama/SmolLM2).
KNOWN_TARGET_MODULES = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")


@dataclass(frozen=True)
class LoraSettings:
    rank: int = field(default=8, metadata={"help": "LoRA rank r; equal across modules of one hub"})
    alpha: int = field(default=16, metadata={"help": "LoRA scaling numerator (scale = alpha / rank)"})
    dropout: float = 0.05
    target_modules: tuple[str, ...] = ("q_proj", "k_proj", "v_proj", "o_proj")
    layers: str = field(default="12-23", metadata={"help": "decoder layers with LoRA: 'all', '12-23' or '0,5,7'"})

    def __post_init__(self) -> None:
        object.__setattr__(self, "target_modules", tuple(self.target_modules))
        if self.rank <= 0:
            raise FinSQLError(f"lora.rank must be a positive integer, not {self.rank}")
        if self.alpha <= 0:
            raise FinSQLError(f"lora.alpha must be positive, not {self.alpha}")
        if not 0 <= self.dropout < 1:
            raise FinSQLError(f"lora.dropout must be in [0, 1), not {self.dropout}")
        if not self.target_modules:
            raise FinSQLError("lora.target_modules is empty; name at least one, e.g. [\"q_proj\", \"v_proj\"]")
        unknown = [m for m in self.target_modules if m not in KNOWN_TARGET_MODULES]
        if unknown:
            raise FinSQLError(f"unknown lora target module {unknown[0]!r}; known: {', '.join(KNOWN_TARGET_MODULES)}")
        self.layer_indices(10**6)  # syntax check only

    def layer_indices(self, n_layers: int) -> list[int] | None:
        """The layer numbers ``layers`` names (None = all), checked against the model's ``n_layers``."""
        if self.layers == "all":
            return None
        try:
            indices: set[int] = set()
            for part in self.layers.split(","):
                lo, _, hi = part.strip().partition("-")
                first, last = int(lo), int(hi or lo)
                if last < first:
                    raise ValueError(part)
                indices.update(range(first, last + 1))
        except ValueError:
            raise FinSQLError(f"lora.layers {self.layers!r} is not 'all', a range like '12-23' (low to high) or a "
                              "list like '0,5,7'") from None
        if not indices or min(indices) < 0 or max(indices) >= n_layers:
            raise FinSQLError(f"lora.layers {self.layers!r} is outside the model's layers 0-{n_layers - 1}")
        return sorted(indices)


@dataclass(frozen=True)
class OptimSettings:
    learning_rate: float = 2e-4
    weight_decay: float = 0.0
    warmup_steps: int = 5
    epochs: int = 1
    max_steps: int = field(default=0, metadata={"help": "stop after this many optimizer steps (0: run the epochs)"})
    batch_tokens: int = field(default=2048, metadata={
        "help": "padded tokens per batch; similar lengths are packed, and a longer example is a batch alone"})
    max_seq_tokens: int = field(default=2048, metadata={"help": "longer examples are skipped and counted"})
    save_every: int = field(default=20, metadata={"help": "optimizer steps between checkpoints"})
    gradient_checkpointing: bool = field(default=True, metadata={
        "help": "recompute each layer's activations during the backward pass instead of keeping them: "
                "much less memory for some more compute"})
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("epochs", "batch_tokens", "max_seq_tokens", "save_every"):
            if getattr(self, name) <= 0:
                raise FinSQLError(f"optim.{name} must be positive, not {getattr(self, name)}")
        if self.learning_rate <= 0:
            raise FinSQLError(f"optim.learning_rate must be positive, not {self.learning_rate}")
        if self.max_steps < 0 or self.warmup_steps < 0:
            raise FinSQLError("optim.max_steps and optim.warmup_steps must be 0 or more")


@dataclass(frozen=True)
class AugmentSettings:
    paraphrase: bool = field(default=True, metadata={"help": "en<->zh, synonyms, templates"})
    skeleton: bool = field(default=True, metadata={"help": "skeleton-then-SQL targets"})
    cot: int = field(default=0, metadata={"help": "chain-of-thought targets for at most this many pairs "
                                                 "(the base model writes them; slow on a CPU)"})
    model_paraphrase: bool = field(default=False, metadata={"help": "the base model also paraphrases each "
                                                                 "question (slow on a CPU)"})
    max_per_pair: int = field(default=2, metadata={"help": "paraphrases kept per original pair"})
    show_gold: bool = field(default=False, metadata={"help": "a training prompt also shows the tables and "
                                                              "columns of its SQL that retrieval left out"})

    def __post_init__(self) -> None:
        if self.cot < 0 or self.max_per_pair < 0:
            raise FinSQLError("augment.cot and augment.max_per_pair must be 0 or more")


@dataclass(frozen=True)
class AnswerSettings:
    """How the finished module is prompted when it answers: its training prompt with these few-shot
    examples and this budget (the card's ``answer_prompt``; ``python -m finsql.train answer`` changes it)."""

    examples: int = field(default=3, metadata={"help": "few-shot train pairs of the module's database "
                                                      "in the prompts it answers"})
    max_tokens: int = field(default=3072, metadata={"help": "token budget of the prompts it answers"})

    def __post_init__(self) -> None:
        if self.examples < 0:
            raise FinSQLError(f"answer.examples must be 0 or more, not {self.examples}")
        if self.max_tokens < 256:
            raise FinSQLError(f"answer.max_tokens must be at least 256, not {self.max_tokens}")


def _default_prompt() -> PromptConfig:
    return PromptConfig(examples=0, max_tokens=1536, schema_style="brief")


def _default_retrieval() -> RetrievalConfig:
    # As the shipped modules were trained: no entity tables or time columns (retraining with them is not
    # measured yet), and the shipped embedder, which a database with a module answers with.
    return RetrievalConfig(top_tables=3, top_columns=7, entity_tables=0, time_columns=False, tuned=False)


@dataclass(frozen=True)
class TrainConfig:
    base_model: str = DEFAULT_LLM
    quantization: Literal["4bit", "none"] = "4bit"
    device: str = "auto"
    # The 4-bit base computes in this dtype; an unquantised base is held in it on a GPU (fp32 on a CPU).
    # auto: bf16 where the device multiplies it natively, else fp16 on a GPU and fp32 on a CPU.
    compute_dtype: Literal["auto", "bfloat16", "float16", "float32"] = "auto"
    lora: LoraSettings = field(default_factory=LoraSettings)
    optim: OptimSettings = field(default_factory=OptimSettings)
    augment: AugmentSettings = field(default_factory=AugmentSettings)
    prompt: PromptConfig = field(default_factory=_default_prompt)
    retrieval: RetrievalConfig = field(default_factory=_default_retrieval)
    answer: AnswerSettings = field(default_factory=AnswerSettings)

    def __post_init__(self) -> None:
        if self.quantization not in ("4bit", "none"):
            raise FinSQLError(f"quantization must be '4bit' or 'none', not {self.quantization!r}")
        if self.compute_dtype not in COMPUTE_DTYPES:
            raise FinSQLError(f"compute_dtype must be one of {', '.join(COMPUTE_DTYPES)}, not {self.compute_dtype!r}")


def load_train_config(path: Path | None = None, overrides: dict[str, Any] | None = None) -> TrainConfig:
    """Read a TOML file (or defaults) and apply ``section.key`` overrides such as ``{"lora.rank": 16}``."""
    values: dict[str, Any] = read_toml(path, "training config") if path is not None else {}
    for dotted, value in (overrides or {}).items():
        if value is None:
            continue
        section, _, key = dotted.rpartition(".")
        (values.setdefault(section, {}) if section else values)[key] = value
    return settings_from(TrainConfig(), values)
