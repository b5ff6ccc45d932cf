"""A PEFT LoRA module as a llama.cpp LoRA adapter (GGUF), converted once and kept in the cache.

llama.cpp reads an adapter as pairs of tensors ``blk.<layer>.<tensor>.weight.lora_a`` (PEFT's A,
rank x in) and ``.lora_b`` (B, out x rank) with the scale ``adapter.lora.alpha / rank``, as PEFT applies
it. Its Llama-family GGUFs store the query and key projections with their rows permuted for its rotary
embedding, so B of those two is permuted the same way; Qwen2's are stored as they are. Only the
projections the shipped modules train (attention and MLP) are mapped; any other is refused by name.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import numpy as np

from finsql.errors import FinSQLError
from finsql.paths import cache_dir

# PEFT module name -> llama.cpp tensor name, for the Llama-style architectures (llama, qwen2, ...).
TENSOR_NAMES = {"q_proj": "attn_q", "k_proj": "attn_k", "v_proj": "attn_v", "o_proj": "attn_output",
                "gate_proj": "ffn_gate", "up_proj": "ffn_up", "down_proj": "ffn_down"}
PERMUTED_ARCHITECTURES = {"llama"}
_PEFT_KEY = re.compile(r"layers\.(\d+)\.(?:self_attn|mlp)\.(\w+)\.lora_([AB])\.weight$")


def base_metadata(base_gguf: Path) -> dict:
    """The base model's architecture and head counts, read from its GGUF header."""
    from gguf import GGUFReader

    reader = GGUFReader(str(base_gguf))

    def value(key: str):
        field = reader.fields.get(key)
        if field is None:
            return None
        data = field.parts[field.data[0]]
        return bytes(data).decode() if field.types and field.types[0].name == "STRING" else data[0].item()

    arch = value("general.architecture")
    return {"arch": arch, "heads": value(f"{arch}.attention.head_count"),
            "kv_heads": value(f"{arch}.attention.head_count_kv")}


def adapter_gguf(adapter_dir: Path, base_gguf: Path) -> Path:
    """The llama.cpp adapter of the PEFT module in ``adapter_dir`` for ``base_gguf``: converted on first use."""
    weights = adapter_dir / "adapter_model.safetensors"
    digest = hashlib.sha256(weights.read_bytes())
    digest.update(str(base_gguf.stat().st_size).encode())
    target = cache_dir() / "gguf-adapters" / f"{adapter_dir.name}-{digest.hexdigest()[:16]}.gguf"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = target.with_suffix(".partial")
        write_adapter(adapter_dir, base_metadata(base_gguf), staging)
        staging.replace(target)  # a crash mid-write leaves no half adapter under the real name
    return target


def write_adapter(adapter_dir: Path, base: dict, out: Path) -> None:
    import gguf
    from safetensors import safe_open

    config = json.loads((adapter_dir / "adapter_config.json").read_text())
    if config.get("use_dora") or config.get("use_rslora"):
        raise FinSQLError(f"{adapter_dir}: DoRA and rsLoRA modules have no llama.cpp form here; "
                          "use the hf backend for this module")
    writer = gguf.GGUFWriter(str(out), base["arch"])
    writer.add_type(gguf.GGUFType.ADAPTER)
    writer.add_string(gguf.Keys.Adapter.TYPE, "lora")
    writer.add_float32(gguf.Keys.Adapter.LORA_ALPHA, float(config["lora_alpha"]))
    with safe_open(str(adapter_dir / "adapter_model.safetensors"), "np") as tensors:
        for key in sorted(tensors.keys()):
            match = _PEFT_KEY.search(key)
            if match is None or match.group(2) not in TENSOR_NAMES:
                raise FinSQLError(f"{adapter_dir}: {key} is not a LoRA weight of a projection llama.cpp can take")
            layer, module, which = match.groups()
            tensor = tensors.get_tensor(key).astype(np.float32)
            if which == "B" and base["arch"] in PERMUTED_ARCHITECTURES and module in ("q_proj", "k_proj"):
                tensor = _permute_rows(tensor, base["heads"] if module == "q_proj" else base["kv_heads"])
            writer.add_tensor(f"blk.{layer}.{TENSOR_NAMES[module]}.weight.lora_{which.lower()}", tensor)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def _permute_rows(weight: np.ndarray, heads: int) -> np.ndarray:
    """The row order llama.cpp's converter gives Llama query/key weights (each head's halves interleaved)."""
    rows = weight.shape[0]
    return (weight.reshape(heads, 2, rows // heads // 2, *weight.shape[1:])
            .swapaxes(1, 2).reshape(weight.shape))
