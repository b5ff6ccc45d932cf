"""The first pipeline end to end with the real tiny model on a real database."""

from __future__ import annotations

import pytest
from conftest import TEST_MODEL

from finsql import Pipeline
from finsql.calibrate.extract import extract_sql
from finsql.config import load_config
from finsql.errors import FinSQLError
from finsql.generate import HFGenerator
from finsql.pipeline import MAX_QUESTION_CHARS
from finsql.prompt.builder import Turn


@pytest.fixture(scope="module")
def pipeline(tiny_model) -> Pipeline:
    # Its samples are not seeded; at most 64 tokens each, they cannot stretch the tests that ask.
    return Pipeline(load_config(model__name=TEST_MODEL, generation__max_new_tokens=64),
                    generator=HFGenerator(tiny_model))


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
    from finsql.prompt.builder import PromptParts, build_prompt

    _, schema = pipeline.database(small_db)
    prompt = build_prompt(pipeline.generator.tokenizer, PromptParts(schema.render(), "How many funds are there?"))
    assert "CREATE TABLE fund" in prompt.text and "CREATE TABLE nav" in prompt.text
    assert "Question: How many funds are there?" in prompt.text
    assert prompt.text.endswith("```sql\n")


def test_unknown_database_is_refused_before_the_model_runs(pipeline) -> None:
    with pytest.raises(FinSQLError, match="no database 'nope'"):
        pipeline.ask("anything", db="nope")


@pytest.mark.parametrize(("question", "named"), [
    ("", "the question is empty"),
    ("  \n ", "the question is empty"),
    ("net asset value of fund 110022 " * 100, "the question is 3,100 characters long; ask it in at most 2,000"),
])
def test_a_blank_or_overlong_question_is_refused_before_the_model_loads(small_db, question: str,
                                                                        named: str) -> None:
    fresh = Pipeline(load_config(model__name=TEST_MODEL))
    with pytest.raises(FinSQLError, match=named):
        fresh.ask(question, db=small_db)
    assert fresh._generator is None


def test_the_longest_question_allowed_is_answered(pipeline, small_db) -> None:
    question = ("net asset value of fund 110022 " * 70)[:MAX_QUESTION_CHARS]
    assert pipeline.ask(question, db=small_db).sql


def test_a_question_of_punctuation_alone_still_gets_an_answer(pipeline, small_db) -> None:
    answer = pipeline.ask("？", db=small_db)  # no word for the lexical ranker: the dense one ranks alone
    assert answer.stage("retrieve").detail["tables"]
    assert len(answer.candidates) == 5


def test_a_database_without_tables_is_refused(pipeline, tmp_path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    with pytest.raises(FinSQLError, match="has no tables, so there is nothing to ask about"):
        pipeline.ask("How many funds are there?", db=empty)


def test_follow_up_questions_see_the_conversation(pipeline, small_db) -> None:
    history = [Turn("What was the unit NAV of each fund on 2024-06-27?",
                    "SELECT InnerCode, UnitNV FROM nav WHERE TradingDay = '2024-06-27'")]
    answer, prompt = pipeline.prepare("and on 2024-06-28?", small_db, history=history)
    assert "Earlier in this conversation:" in prompt.text
    assert "SELECT InnerCode, UnitNV FROM nav WHERE TradingDay = '2024-06-27'" in prompt.text
    assert "Follow-up question (it may refer to the earlier ones): and on 2024-06-28?" in prompt.text
    # The follow-up names no table; the retriever links through the earlier question.
    assert "nav" in answer.stage("retrieve").detail["tables"]


def test_prompt_respects_the_token_budget(tiny_model, small_db) -> None:
    from finsql.config import load_config

    roomy = Pipeline(load_config(model__name=TEST_MODEL), generator=HFGenerator(tiny_model))
    _, full = roomy.prepare("List the codes of all funds.", small_db)
    tight = Pipeline(load_config(model__name=TEST_MODEL, prompt__max_tokens=256, retrieval__top_columns=7),
                     generator=HFGenerator(tiny_model))
    answer, prompt = tight.prepare("List the codes of all funds.", small_db)
    detail = answer.stage("prompt").detail
    assert detail["budget"] == 256
    assert prompt.n_tokens <= 256 or detail["over_budget"]
    assert prompt.n_tokens <= full.n_tokens


def test_full_schema_size_in_the_trace_is_the_exact_token_count(pipeline, bundled_data_dir) -> None:
    from finsql.prompt.builder import PromptParts, build_prompt

    _, schema = pipeline.database("fund")
    for question in ("How many funds are there?", "哪些基金经理在2023年管理了超过3只基金？"):
        answer, _ = pipeline.prepare(question, "fund")
        exact = build_prompt(pipeline.tokenizer, PromptParts(schema_ddl=schema.render(), question=question))
        assert answer.stage("prompt").detail["full_schema_tokens"] == exact.n_tokens


def test_brief_schema_keeps_codes_and_drops_samples(pipeline, bundled_data_dir) -> None:
    _, schema = pipeline.database("fund")
    keep = {"mf_fundarchives": []}
    full, brief = schema.render(keep=keep), schema.render(keep=keep, style="brief")
    tokens = pipeline.tokenizer
    assert len(tokens(brief)["input_ids"]) < 0.6 * len(tokens(full)["input_ids"])
    assert "1101=Equity" in brief and "e.g." not in brief
    assert brief.count("\n") == full.count("\n")  # the same columns, keys and foreign keys


def test_ask_many_answers_as_ask_does_one_by_one(tiny_model, small_db) -> None:
    pipeline = Pipeline(load_config(model__name=TEST_MODEL, generation__candidates=1, generation__max_new_tokens=48),
                        generator=HFGenerator(tiny_model))
    questions = ["List the codes of all funds.", "What is the latest unit NAV of each fund?",
                 "How many funds are there?"]
    alone = [pipeline.ask(q, db=small_db) for q in questions]
    together = pipeline.ask_many(questions, db=small_db, batch_size=2)
    assert [a.question for a in together] == questions
    assert [a.candidates[0].raw for a in together] == [a.candidates[0].raw for a in alone]
    assert [a.sql for a in together] == [a.sql for a in alone]
    assert [a.stage("generate").detail["batch"] for a in together] == [2, 2, 1]
    assert [s.name for s in together[0].trace] == ["schema", "retrieve", "examples", "prompt", "generate",
                                                   "extract", "vote"]
