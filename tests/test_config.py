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
    ],
)
def test_bad_config_is_refused_with_one_line(tmp_path, toml: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(toml)
    with pytest.raises(FinSQLError) as info:
        load_config(path)
    assert message in str(info.value)


def test_missing_config_file(tmp_path) -> None:
    with pytest.raises(FinSQLError, match="does not exist"):
        load_config(tmp_path / "none.toml")
