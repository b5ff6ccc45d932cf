"""Typed configuration: TOML loading, overrides and one-line refusals."""

from __future__ import annotations

import pytest

from finsql.config import PipelineConfig, load_config
from finsql.errors import FinSQLError


def test_defaults_use_the_default_model_in_full_precision() -> None:
    config = load_config()
    assert config == PipelineConfig()
    assert config.model.name == "qwen2.5-coder-0.5b"
    assert config.model.quantization == "none"


def test_toml_file_and_overrides(tmp_path) -> None:
    path = tmp_path / "finsql.toml"
    path.write_text('[model]\nname = "smollm2-135m"\nquantization = "4bit"\n[execution]\ntimeout_s = 3\n')
    config = load_config(path, execution__max_rows=50, model__device=None)
    assert config.model.name == "smollm2-135m"
    assert config.model.quantization == "4bit"
    assert config.execution.timeout_s == 3
    assert config.execution.max_rows == 50
    assert config.model.device == "auto"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[modle]\nname = "x"\n', "unknown setting 'modle'"),
        ("[execution]\ntimeout = 3\n", "unknown setting 'execution.timeout'"),
        ("[execution]\ntimeout_s = -1\n", "timeout_s must be positive"),
        ('[model]\nquantization = "8bit"\n', "quantization must be"),
        ("[generation]\nmax_new_tokens = 0\n", "max_new_tokens must be positive"),
        ("model = 3\n", "must be a table"),
        ("[model\n", "not valid TOML"),
        # a value of the wrong type is refused, not taken: the string "false" is truthy
        ('[calibration]\nrepair = "false"\n', "calibration.repair must be true or false, not 'false'"),
        ("[generation]\ncandidates = 2.5\n", "generation.candidates must be a whole number, not 2.5"),
        ("[generation]\ntemperature = true\n", "generation.temperature must be a number, not True"),
        ('[prompt]\nschema_style = "short"\n', "prompt.schema_style must be one of 'full', 'brief', not 'short'"),
        ("[model]\nname = 7\n", "model.name must be a string, not 7"),
        ('[model]\nbackend = "scripted"\n', 'model.backend "scripted" needs model.script'),
    ],
)
def test_bad_config_is_refused_with_one_line(tmp_path, toml: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(toml)
    with pytest.raises(FinSQLError) as info:
        load_config(path)
    assert message in str(info.value)


def test_a_whole_number_is_a_valid_float_setting(tmp_path) -> None:
    path = tmp_path / "ok.toml"
    path.write_text("[generation]\ntemperature = 1\n[execution]\ntimeout_s = 3\n")
    config = load_config(path)
    assert (config.generation.temperature, config.execution.timeout_s) == (1, 3)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("none.toml", None, "config file {} does not exist"),
    ("folder", "folder", "config file {} is a folder; give a file"),
    ("binary.toml", b"\xff\xfe\x00 not text", "config file {} is not UTF-8 text"),
])
def test_a_config_file_that_cannot_be_read_is_named_in_one_line(tmp_path, name: str, content, message: str) -> None:
    path = tmp_path / name
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(FinSQLError) as info:
        load_config(path)
    assert str(info.value) == message.format(path)


def test_llama_cpp_with_nf4_or_a_gpu_is_refused_in_one_line() -> None:
    with pytest.raises(FinSQLError, match="runs the model's GGUF on the CPU"):
        load_config(model__backend="llama.cpp", model__quantization="4bit")
    with pytest.raises(FinSQLError, match="runs the model's GGUF on the CPU"):
        load_config(model__backend="llama.cpp", model__device="cuda")


def test_auto_backend_is_llama_cpp_only_where_it_can_run_the_model(tmp_path) -> None:
    pytest.importorskip("llama_cpp", reason="llama-cpp-python is installed by `make setup-test`")
    assert load_config(model__device="cpu").model.engine() == "llama.cpp"
    assert load_config(model__device="cpu", model__quantization="4bit").model.engine() == "hf"
    assert load_config(model__device="cpu", model__name=str(tmp_path)).model.engine() == "hf"  # a checkpoint folder
    assert load_config(model__backend="hf").model.engine() == "hf"


def test_sampling_policy_is_checked() -> None:
    with pytest.raises(FinSQLError, match="sample_when must be 'always', 'unsure' or 'failed', not 'never'"):
        load_config(generation__sample_when="never")
