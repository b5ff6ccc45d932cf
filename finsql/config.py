"""Typed settings for every pipeline stage, loadable from a TOML file.

    [model]
    name = "qwen2.5-coder-0.5b"
    quantization = "none"      # or "4bit"
    adapter = "auto"           # the database's LoRA module from adapters/ (if any), "none", or a folder
    backend = "auto"           # llama.cpp where it can run the model (CPU, no NF4), else "hf" (transformers);
                               # "http": an OpenAI-compatible server at `url` (vLLM, llama.cpp's, Ollama,
                               # `finsql serve`); or "scripted": candidates read from the JSON file `script`
    url = ""                   # backend "http": e.g. "http://127.0.0.1:8000/v1"; the API key comes from
                               # FINSQL_API_KEY (else OPENAI_API_KEY), never from this file

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
    sample_when = "failed"     # the samples only when the greedy SQL fails or returns no rows; "always", "unsure"
    temperature = 0.7
    draft_tokens = 5           # llama.cpp: guessed tokens checked per step (prompt-lookup decoding); 0: off

    [calibration]
    repair = true              # sqlglot repair rules on every candidate
    confident_share = 0.4      # shown as confident: this share of candidates agree ...
    confident_logprob = -0.02  # ... and the chosen SQL's mean log-probability is at least this

    [conversation]
    history = "follow-ups"     # earlier turns only for a question that leans on them; or "always"

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
from typing import Any, Literal, get_args, get_origin, get_type_hints

from finsql.db import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_S
from finsql.errors import FinSQLError
from finsql.models import DEFAULT_LLM
from finsql.paths import read_text_file
from finsql.prompt.retriever import RetrieverConfig
from finsql.schema import SchemaStyle


@dataclass(frozen=True)
class ModelConfig:
    name: str = field(default=DEFAULT_LLM, metadata={"help": "named model, checkpoint folder or HF id"})
    quantization: Literal["4bit", "none"] = "none"
    device: str = "auto"
    adapter: str = field(default="auto", metadata={"help": "LoRA module: auto (the database's own from "
                                                           "adapters/, if any), none, or a module folder"})
    backend: Literal["auto", "hf", "llama.cpp", "http", "scripted"] = field(default="auto", metadata={
        "help": "what runs the model: llama.cpp (llama-cpp-python) or hf (transformers), the same model and "
                "modules; auto: llama.cpp where it can (a named model on the CPU without NF4), else hf; "
                "http: an OpenAI-compatible server at `url`; scripted: candidates read from `script` (tests, demos)"})
    script: str = field(default="", metadata={"help": "JSON file of candidates per question (backend scripted)"})
    url: str = field(default="", metadata={"help": "backend http: the server's OpenAI-compatible address, e.g. "
                                                    "http://127.0.0.1:8000/v1 (API key: FINSQL_API_KEY)"})
    served_name: str = field(default="", metadata={"help": "backend http: the base model's name on the server "
                                                            "(default: name); modules by their folder's name"})
    request_timeout_s: float = field(default=120.0, metadata={"help": "backend http: seconds to wait for an answer"})

    def __post_init__(self) -> None:
        if self.quantization not in ("4bit", "none"):
            raise FinSQLError(f"model.quantization must be '4bit' or 'none', not {self.quantization!r}")
        if not self.adapter:
            raise FinSQLError("model.adapter must be 'auto', 'none' or a module folder")
        if self.backend == "llama.cpp" and (self.quantization != "none" or self.device not in ("auto", "cpu")):
            raise FinSQLError("model.backend \"llama.cpp\" runs the model's GGUF on the CPU: leave quantization "
                              "\"none\" and device \"auto\", or choose backend \"hf\" for NF4 or a GPU")
        if self.backend == "scripted" and not self.script:
            raise FinSQLError('model.backend "scripted" needs model.script, a JSON file of candidates per question')
        if self.backend == "http" and not self.url:
            raise FinSQLError('model.backend "http" needs model.url, the server\'s OpenAI-compatible address: '
                              'url = "http://127.0.0.1:8000/v1" under [model] in a --config file')
        if self.url and not self.url.startswith(("http://", "https://")):
            raise FinSQLError(f"model.url must begin with http:// or https://, not {self.url!r}")
        if self.request_timeout_s <= 0:
            raise FinSQLError(f"model.request_timeout_s must be positive, not {self.request_timeout_s}")

    def engine(self) -> str:
        """The backend that runs the model: ``backend``, with "auto" settled for this machine."""
        if self.backend != "auto":
            return self.backend
        from importlib.util import find_spec

        from finsql.models import REGISTRY, pick_device

        runs_here = self.quantization == "none" and self.name in REGISTRY and pick_device(self.device) == "cpu"
        return "llama.cpp" if runs_here and find_spec("llama_cpp") is not None else "hf"


@dataclass(frozen=True)
class GenerationConfig:
    max_new_tokens: int = field(default=256, metadata={"help": "longest SQL the model may write, in tokens"})
    candidates: int = field(default=5, metadata={"help": "greedy plus candidates-1 samples, voted on"})
    temperature: float = field(default=0.7, metadata={"help": "sampling temperature of the extra candidates"})
    draft_tokens: int = field(default=5, metadata={
        "help": "llama.cpp: tokens the greedy candidate copies as a guess from where its last tokens appear in the "
                "prompt, checked in the same pass (prompt-lookup decoding): the same SQL in fewer steps; 0: off"})
    sample_when: Literal["always", "unsure", "failed"] = field(default="failed", metadata={
        "help": "always: all candidates written at once; unsure: the greedy one first, the samples only when "
                "its answer is not confident; failed: only when its SQL fails or returns no rows"})

    def __post_init__(self) -> None:
        if self.max_new_tokens <= 0:
            raise FinSQLError(f"generation.max_new_tokens must be positive, not {self.max_new_tokens}")
        if self.candidates < 1:
            raise FinSQLError(f"generation.candidates must be at least 1, not {self.candidates}")
        if self.temperature <= 0:
            raise FinSQLError(f"generation.temperature must be positive, not {self.temperature}")
        if self.draft_tokens < 0:
            raise FinSQLError(f"generation.draft_tokens must be 0 or more, not {self.draft_tokens}")
        if self.sample_when not in ("always", "unsure", "failed"):
            raise FinSQLError("generation.sample_when must be 'always', 'unsure' or 'failed', "
                              f"not {self.sample_when!r}")


@dataclass(frozen=True)
class CalibrationConfig:
    repair: bool = field(default=True, metadata={"help": "run the sqlglot repair rules on every candidate"})
    # Set on the dev sets so that answers shown as confident are right at least 80% of the time there
    # (benchmarks/RESULTS.md, "Quick accuracy"); the likelihood's scale belongs to the model and its modules.
    confident_share: float = field(default=0.4, metadata={
        "help": "an answer is shown as confident only when at least this share of candidates agree ..."})
    confident_logprob: float = field(default=-0.02, metadata={
        "help": "... and the model's mean log-probability of the chosen SQL is at least this"})


@dataclass(frozen=True)
class ConversationConfig:
    history: Literal["follow-ups", "always"] = field(default="follow-ups", metadata={
        "help": "follow-ups: earlier turns go into the prompt only for a question that leans on them; "
                "always: for every question"})

    def __post_init__(self) -> None:
        if self.history not in ("follow-ups", "always"):
            raise FinSQLError(f"conversation.history must be 'follow-ups' or 'always', not {self.history!r}")


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
    tuned: bool = field(default=True, metadata={"help": "use the database's tuned retriever (python -m finsql "
                                                        "tune-retriever) where one beat the shipped one"})


@dataclass(frozen=True)
class PromptConfig:
    examples: int = field(default=3, metadata={"help": "few-shot train pairs of the same database"})
    max_tokens: int = field(default=3072, metadata={"help": "examples, then columns, are dropped to fit"})
    # brief by default: on every bundled dev set it keeps the default retrieval's recall at 8-28% of the
    # full schema's tokens, where the full style needs 53% on the small bank schema (bench_retrieval.py).
    schema_style: SchemaStyle = field(default="brief", metadata={"help": "brief: first clause of each description, "
                                      "units and codes; full: whole descriptions and sample values"})

    def __post_init__(self) -> None:
        if self.examples < 0:
            raise FinSQLError(f"prompt.examples must be 0 or more, not {self.examples}")
        if self.max_tokens < 256:
            raise FinSQLError(f"prompt.max_tokens must be at least 256, not {self.max_tokens}")
        if self.schema_style not in ("full", "brief"):
            raise FinSQLError(f"prompt.schema_style must be 'full' or 'brief', not {self.schema_style!r}")


@dataclass(frozen=True)
class PipelineConfig:
    model: ModelConfig = field(default_factory=ModelConfig)
    retrieval: RetrievalConfig = field(default_factory=RetrievalConfig)
    prompt: PromptConfig = field(default_factory=PromptConfig)
    generation: GenerationConfig = field(default_factory=GenerationConfig)
    calibration: CalibrationConfig = field(default_factory=CalibrationConfig)
    execution: ExecutionConfig = field(default_factory=ExecutionConfig)
    conversation: ConversationConfig = field(default_factory=ConversationConfig)


def zero_shot(config: PipelineConfig) -> PipelineConfig:
    """The baseline every improvement is measured against: base model, full schema, no examples, greedy,
    no calibration."""
    return replace(config, model=replace(config.model, adapter="none"),
                   retrieval=replace(config.retrieval, enabled=False),
                   prompt=replace(config.prompt, examples=0), generation=replace(config.generation, candidates=1),
                   calibration=replace(config.calibration, repair=False))


def settings_from(default: Any, values: dict[str, Any], where: str = "") -> Any:
    """``default`` (a settings dataclass) with ``values`` (nested dicts, as TOML gives them) applied.

    Unknown keys and bad values are refused with a one-line error naming the setting; tables that
    are not given keep the default's own values, not the class defaults.
    """
    known = {f.name for f in fields(default)}
    hints = get_type_hints(type(default))
    changes = {}
    for key, value in values.items():
        if key not in known:
            raise FinSQLError(f"unknown setting '{where}{key}'; known: {', '.join(sorted(known))}")
        current = getattr(default, key)
        if is_dataclass(current):
            if not isinstance(value, dict):
                raise FinSQLError(f"setting {where}{key} must be a table, e.g. [{key}]")
            value = settings_from(current, value, f"{where}{key}.")
        else:
            value = _typed(value, hints[key], f"{where}{key}")
        changes[key] = value
    try:
        return replace(default, **changes)
    except (TypeError, ValueError) as err:
        raise FinSQLError(f"bad value in [{where.rstrip('.') or 'top level'}]: {err}") from None


def _typed(value: Any, hint: Any, name: str) -> Any:
    """``value`` if it has the setting's declared type, else a one-line refusal naming the setting.

    TOML's ``repair = "false"`` is a string, and any non-empty string is true: without this check it
    would switch repair on while saying off.
    """
    origin, args = get_origin(hint), get_args(hint)
    if origin is Literal:
        ok = value in args
    elif origin is tuple:  # tuple[str, ...], written as a TOML list
        ok = isinstance(value, (list, tuple)) and all(isinstance(item, args[0]) for item in value)
        value = tuple(value) if ok else value
    elif hint in (int, float):  # TOML's true is not a number; a whole number is a float too
        ok = isinstance(value, int if hint is int else (int, float)) and not isinstance(value, bool)
    elif isinstance(hint, type):
        ok = isinstance(value, hint)
    else:  # a type this check does not know: the dataclass's own checks decide
        ok = True
    if not ok:
        raise FinSQLError(f"{name} must be {_described(hint)}, not {value!r}")
    return value


def _described(hint: Any) -> str:
    if get_origin(hint) is Literal:
        return "one of " + ", ".join(repr(a) for a in get_args(hint))
    if get_origin(hint) is tuple:  # tuple[str, ...]: TOML writes it as a list
        return "a list of strings" if get_args(hint)[0] is str else f"a list of {get_args(hint)[0].__name__}"
    words = {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}
    return words.get(hint, getattr(hint, "__name__", str(hint)))


def read_toml(path: Path, what: str = "config file") -> dict[str, Any]:
    text = read_text_file(path, what)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise FinSQLError(f"{what} {path} is not valid TOML: {err}") from None


def load_config(path: Path | None = None, **overrides: Any) -> PipelineConfig:
    """Read a TOML file (or defaults) and apply ``section__key=value`` overrides, e.g. ``model__name``."""
    config = settings_from(PipelineConfig(), read_toml(path) if path is not None else {})
    sections: dict[str, dict[str, Any]] = {}
    for key, value in overrides.items():
        if value is not None:
            section, _, name = key.partition("__")
            sections.setdefault(section, {})[name] = value
    # A section's overrides at once: its checks see them together (backend "http" with its url).
    for section, values in sections.items():
        config = replace(config, **{section: replace(getattr(config, section), **values)})
    return config
