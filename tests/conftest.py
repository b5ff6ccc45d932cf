"""Shared fixtures: real SQLite databases and the real tiny model (SmolLM2-135M)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

# FINSQL_TEST_MODEL lets the gpu tests run where only the default model is fetched.
TEST_MODEL = os.environ.get("FINSQL_TEST_MODEL", "smollm2-135m")


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def small_db(tmp_path: Path) -> Path:
    """A tiny writable-on-disk finance database (funds and daily NAV) that tests may try to damage."""
    path = tmp_path / "mini_fund.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        CREATE TABLE fund (InnerCode INTEGER PRIMARY KEY, SecuCode TEXT, ChiName TEXT, FundType INTEGER);
        CREATE TABLE nav (InnerCode INTEGER REFERENCES fund(InnerCode), TradingDay TEXT, UnitNV REAL,
                          PRIMARY KEY (InnerCode, TradingDay));
        INSERT INTO fund VALUES (1, '000001', '华夏成长混合', 3), (2, '110022', '易方达消费行业', 1),
                                (3, '000198', '天弘余额宝货币', 4);
        INSERT INTO nav VALUES (1, '2024-06-27', 1.021), (1, '2024-06-28', 1.034),
                               (2, '2024-06-27', 2.310), (2, '2024-06-28', 2.298),
                               (3, '2024-06-28', 1.000);
        """
    )
    conn.commit()
    conn.close()
    return path


@pytest.fixture(scope="session")
def bundled_data_dir() -> Path:
    """The bundled databases, built once (deterministically) if this checkout has not built them."""
    from finsql.bundled import DATABASES
    from finsql.data.__main__ import build_database
    from finsql.paths import data_dir

    out = data_dir()
    for name in DATABASES:
        if not (out / f"{name}.sqlite").exists():
            build_database(name, out)
    return out


@pytest.fixture(scope="session")
def tiny_model():
    """SmolLM2-135M in full precision: real, and fast enough for the default test run."""
    from finsql.models import load_model

    return load_model(TEST_MODEL)


@pytest.fixture(scope="session")
def test_tokenizer():
    """The test model's tokenizer alone: prompts are built with it, no weights loaded."""
    from finsql.models import load_tokenizer

    return load_tokenizer(TEST_MODEL)


@pytest.fixture()
def scripted(test_tokenizer):
    """``scripted(script, **settings)``: a pipeline whose candidates come from ``script`` (see ScriptedGenerator)."""
    from finsql import Pipeline
    from finsql.config import load_config
    from finsql.generate import ScriptedGenerator

    def make(script: dict, **settings) -> Pipeline:
        generator = ScriptedGenerator(test_tokenizer, script)
        return Pipeline(load_config(model__name=TEST_MODEL, **settings), generator=generator)

    return make
