"""Typed settings for every pipeline stage, loadable from a TOML file.

    [model]
    name = "qwen2.5-coder-0.5b"
    quantization = "none"      # or "4bit"

    [retrieval]
    enabled = true             # false: the whole schema goes into the prompt
    top_tables = 5
    top_columns = 12

    [prompt]
    examples = 3               # few-shot pairs from the database's train set
    max_tokens = 3072          # examples, then columns, are dropped to fit

    [generation]
    max_new_tokens = 256
    candidates = 5             # greedy + 4 samples; the executed results are voted on
    temperature = 0.7

    [calibration]
    repair = true              # sqlglot repair rules on every candidate

    [execution]
    timeout_s = 10
    max_rows = 1000

Unknown sections or keys are refused with a one-line error, so a typo never silently falls back
to a default.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, Literal

from finsql.db import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_S
from finsql.errors import FinSQLError
from finsql.models import DEFAULT_LLM
from finsql.prompt.retriever import RetrieverConfig


@dataclass(frozen=True)
class ModelConfig:
    name: str = field(default=DEFAULT_LLM, metadata={"help": "named model, checkpoint folder or HF id"})
    quantization: Literal["4bit", "none"] = "none"
    device: str = "auto"

    def __post_init__(self) -> None:
        if self.quantization not in ("4bit", "none"):
            raise FinSQLError(f"model.quantization must be '4bit' or 'none', not {self.quantization!r}")


@dataclass(frozen=True)
class GenerationConfig:
    max_new_tokens: int = field(default=256, metadata={"help": "longest SQL the model may write, in tokens"})
    candidates: int = field(default=5, metadata={"help": "greedy plus candidates-1 samples, voted on"})
    temperature: float = field(default=0.7, metadata={"help": "sampling temperature of the extra candidates"})

    def __post_init__(self) -> None:
        if self.max_new_tokens <= 0:
            raise FinSQLError(f"generation.max_new_tokens must be positive, not {self.max_new_tokens}")
        if self.candidates < 1:
            raise FinSQLError(f"generation.candidates must be at least 1, not {self.candidates}")
        if self.temperature <= 0:
            raise FinSQLError(f"generation.temperature must be positive, not {self.temperature}")


@dataclass(frozen=True)
class CalibrationConfig:
    repair: bool = field(default=True, metadata={"help": "run the sqlglot repair rules on every candidate"})


@dataclass(frozen=True)
class ExecutionConfig:
    timeout_s: float = DEFAULT_TIMEOUT_S
    max_rows: int = DEFAULT_MAX_ROWS

    def __post_init__(self) -> None:
        if self.timeout_s <= 0:
            raise FinSQLError(f"execution.timeout_s must be positive, not {self.timeout_s}")
        if self.max_rows <= 0:
            raise FinSQLError(f"execution.max_rows must be positive, not {self.max_rows}")


@dataclass(frozen=True)
class RetrievalConfig(RetrieverConfig):
    """The retriever's settings (top_tables, top_columns, hub_share, habit_share, ...) and a switch."""

    enabled: bool = field(default=True, metadata={"help": "false: the whole schema goes into the prompt"})


@dataclass(frozen=True)
class PromptConfig:
    examples: int = field(default=3, metadata={"help": "few-shot train pairs of the same database"})
    max_tokens: int = field(default=3072, metadata={"help": "examples, then columns, are dropped to fit"})

    def __post_init__(self) -> None:
        if self.examples < 0:
            raise FinSQLError(f"prompt.examples must be 0 or more, not {self.examples}")
        if self.max_tokens < 256:
            raise FinSQLError(f"prompt.max_tokens must be at least 256, not {self.max_tokens}")


@dataclass(frozen=True)
class PipelineConfig:
    model: ModelConfig = field(default_factory=ModelConfig)
    retrieval: RetrievalConfig = field(default_factory=RetrievalConfig)
    prompt: PromptConfig = field(default_factory=PromptConfig)
    generation: GenerationConfig = field(default_factory=GenerationConfig)
    calibration: CalibrationConfig = field(default_factory=CalibrationConfig)
    execution: ExecutionConfig = field(default_factory=ExecutionConfig)


def zero_shot(config: PipelineConfig) -> PipelineConfig:
    """The baseline every improvement is measured against: full schema, no examples, greedy, no calibration."""
    return replace(config, retrieval=replace(config.retrieval, enabled=False),
                   prompt=replace(config.prompt, examples=0), generation=replace(config.generation, candidates=1),
                   calibration=replace(config.calibration, repair=False))


def _build(cls: type, values: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in fields(cls)}
    kwargs = {}
    for key, value in values.items():
        if key not in known:
            raise FinSQLError(f"unknown setting {where}{key!r}; known: {', '.join(known)}")
        sub = known[key].type
        sub_cls = globals().get(sub) if isinstance(sub, str) else sub
        if is_dataclass(sub_cls):
            if not isinstance(value, dict):
                raise FinSQLError(f"setting {where}{key} must be a table, e.g. [{key}]")
            value = _build(sub_cls, value, f"{where}{key}.")
        kwargs[key] = value
    return cls(**kwargs)


def load_config(path: Path | None = None, **overrides: Any) -> PipelineConfig:
    """Read a TOML file (or defaults) and apply ``section__key=value`` overrides, e.g. ``model__name``."""
    values: dict[str, Any] = {}
    if path is not None:
        try:
            values = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FinSQLError(f"config file {path} does not exist") from None
        except tomllib.TOMLDecodeError as err:
            raise FinSQLError(f"config file {path} is not valid TOML: {err}") from None
    config = _build(PipelineConfig, values, "")
    for key, value in overrides.items():
        if value is None:
            continue
        section, _, name = key.partition("__")
        config = replace(config, **{section: replace(getattr(config, section), **{name: value})})
    return config
