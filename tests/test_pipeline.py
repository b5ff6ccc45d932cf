"""The first pipeline end to end with the real tiny model on a real database."""

from __future__ import annotations

import pytest
from conftest import TEST_MODEL

from finsql import Pipeline
from finsql.calibrate.extract import extract_sql
from finsql.config import load_config
from finsql.errors import FinSQLError
from finsql.generate import HFGenerator


@pytest.fixture(scope="module")
def pipeline(tiny_model) -> Pipeline:
    return Pipeline(load_config(model__name=TEST_MODEL), generator=HFGenerator(tiny_model))


def test_ask_returns_sql_result_and_trace(pipeline, small_db) -> None:
    answer = pipeline.ask("List the codes of all funds.", db=small_db)
    assert answer.db_id == "mini_fund"
    names = [s.name for s in answer.trace]
    assert names == ["model", "schema", "retrieve", "examples", "prompt", "generate", "extract", "vote"]
    assert len(answer.candidates) == 5 and answer.stage("generate").detail["candidates"] == 5
    winner = answer.candidates[answer.stage("vote").detail["winner"]]
    assert answer.sql == winner.sql
    if not winner.repairs:
        assert winner.sql == extract_sql(winner.raw)
    assert 0.0 <= answer.confidence <= 1.0
    assert answer.confidence == (winner.votes / 5 if winner.result.ok else 0.0)
    assert answer.stage("prompt").detail["prompt_tokens"] > 50
    assert answer.stage("schema").detail == {"tables": 2, "columns": 7}
    assert all(s.elapsed_s >= 0 for s in answer.trace)
    # Either a result or an error message from the guard/database, never both, never an exception.
    assert answer.ok == (answer.error is None)
    if not answer.ok:
        assert not answer.rows


def test_greedy_candidate_is_deterministic(pipeline, small_db) -> None:
    first = pipeline.ask("What is the latest unit NAV of each fund?", db=small_db)
    second = pipeline.ask("What is the latest unit NAV of each fund?", db=small_db)
    assert first.candidates[0].raw == second.candidates[0].raw


def test_prompt_carries_the_schema_and_question(pipeline, small_db) -> None:
    from finsql.prompt.builder import build_prompt

    _, schema = pipeline.database(small_db)
    prompt = build_prompt(pipeline.generator.tokenizer, schema.render(), "How many funds are there?")
    assert "CREATE TABLE fund" in prompt.text and "CREATE TABLE nav" in prompt.text
    assert "Question: How many funds are there?" in prompt.text
    assert prompt.text.endswith("```sql\n")


def test_unknown_database_is_refused_before_the_model_runs(pipeline) -> None:
    with pytest.raises(FinSQLError, match="no database 'nope'"):
        pipeline.ask("anything", db="nope")
