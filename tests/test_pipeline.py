"""The pipeline end to end on a real database: flows with scripted candidates, mechanics with the tiny model."""

from __future__ import annotations

import pytest
from conftest import TEST_MODEL

from finsql import Pipeline
from finsql.config import load_config
from finsql.errors import FinSQLError
from finsql.generate import HFGenerator
from finsql.pipeline import MAX_QUESTION_CHARS
from finsql.prompt.builder import Turn

CODES = "SELECT SecuCode FROM fund"


@pytest.fixture(scope="module")
def pipeline(tiny_model) -> Pipeline:
    # Its samples are not seeded; at most 64 tokens each, they cannot stretch the tests that ask.
    return Pipeline(load_config(model__name=TEST_MODEL, generation__max_new_tokens=64),
                    generator=HFGenerator(tiny_model))


def test_ask_executes_every_candidate_and_the_largest_group_wins(scripted, small_db) -> None:
    question = "List the codes of all funds."
    pipeline = scripted({question: [["SELECT ChiName FROM fund", -0.2], [CODES, -0.5],
                                    ["SELECT SecuCode FROM fund ORDER BY SecuCode", -0.3], [CODES + ";", -0.4],
                                    ["SELECT Nope FROM fund", -0.1]]}, generation__sample_when="always")
    answer = pipeline.ask(question, db=small_db)
    assert answer.db_id == "mini_fund"
    assert [s.name for s in answer.trace] == ["model", "schema", "retrieve", "examples", "prompt", "generate",
                                              "extract", "vote"]
    # Candidates 1 and 3 return the same rows (the ordered one is a result of its own): they win 2 of 5.
    assert answer.winner.index == 3 and answer.sql == CODES and answer.confidence == 0.4
    assert answer.vote.groups == 4 and [c.votes for c in answer.candidates] == [1, 2, 1, 2, 1]
    assert sorted(answer.rows) == [("000001",), ("000198",), ("110022",)] and answer.ok
    assert answer.candidates[4].result.error and not answer.candidates[4].result.rows
    assert answer.generation.candidates == 5 and answer.generation.adapter is None
    assert answer.prompt.n_tokens > 50 and question in answer.prompt.text
    assert answer.stage("schema").summary == "2 tables, 7 columns"
    assert all(s.elapsed_s >= 0 for s in answer.trace)


def test_progress_hears_every_stage_in_order_and_each_decoding_step(scripted, small_db) -> None:
    from finsql.pipeline import Progress

    heard: list[Progress] = []
    answer = scripted({"*": [CODES, CODES]}).ask("List the codes of all funds.", db=small_db, progress=heard.append)
    stages = [s.name for s in answer.trace]
    assert [(p.stage, p.done) for p in heard if not p.tokens] == [(s, d) for s in stages for d in (False, True)]
    steps = [p for p in heard if p.tokens]
    assert [p.tokens for p in steps] == [1, 2, 3, 4] and steps[-1].text == CODES
    assert all(p.stage == "generate" for p in steps)


def test_an_answer_whose_candidates_all_fail_carries_the_error_and_no_rows(scripted, small_db) -> None:
    question = "Drop the fund table."
    answer = scripted({question: ["DROP TABLE fund", "SELECT Nope FROM fund"]}).ask(question, db=small_db)
    assert not answer.ok and answer.error and answer.rows == [] and answer.confidence == 0.0


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


def test_unknown_database_is_refused_before_the_model_loads() -> None:
    fresh = Pipeline(load_config(model__name=TEST_MODEL))
    with pytest.raises(FinSQLError, match="no database 'nope'"):
        fresh.ask("anything", db="nope")
    assert fresh._generator is None


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


def test_the_longest_question_allowed_is_answered(scripted, small_db) -> None:
    question = ("net asset value of fund 110022 " * 70)[:MAX_QUESTION_CHARS]
    answer = scripted({"*": [CODES]}).ask(question, db=small_db)
    assert answer.sql == CODES and question in answer.prompt.text


def test_a_question_of_punctuation_alone_still_gets_an_answer(scripted, small_db) -> None:
    answer = scripted({"*": [CODES] * 5}).ask("？", db=small_db)  # no word for the lexical ranker: dense alone
    assert answer.retrieval.tables and answer.ok and answer.sql == CODES


def test_a_database_without_tables_is_refused(pipeline, tmp_path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    with pytest.raises(FinSQLError, match="has no tables, so there is nothing to ask about"):
        pipeline.ask("How many funds are there?", db=empty)


def test_follow_up_questions_see_the_conversation(scripted, small_db) -> None:
    pipeline = scripted({})
    history = [Turn("What was the unit NAV of each fund on 2024-06-27?",
                    "SELECT InnerCode, UnitNV FROM nav WHERE TradingDay = '2024-06-27'")]
    answer, prompt = pipeline.prepare("and on 2024-06-28?", small_db, history=history)
    assert "Earlier in this conversation:" in prompt.text
    assert "SELECT InnerCode, UnitNV FROM nav WHERE TradingDay = '2024-06-27'" in prompt.text
    assert "Follow-up question (it may refer to the earlier ones): and on 2024-06-28?" in prompt.text
    # The follow-up names no table; the retriever links through the earlier question.
    assert "nav" in answer.retrieval.tables


def test_a_question_that_stands_alone_is_asked_as_if_it_came_first(scripted, small_db) -> None:
    pipeline = scripted({})
    history = [Turn("How many funds are there of each fund type?",
                    "SELECT FundType, COUNT(*) FROM fund GROUP BY FundType")]
    question = "Which 2 funds had the largest unit net value on 2024-06-28?"
    after, prompt_after = pipeline.prepare(question, small_db, history=history)
    alone, prompt_alone = pipeline.prepare(question, small_db)
    assert prompt_after.text == prompt_alone.text and "GROUP BY FundType" not in prompt_after.text
    assert not after.follow_up.follow_up and alone.follow_up is None
    assert after.retrieval.columns == alone.retrieval.columns


def test_always_showing_the_history_is_a_setting(scripted, small_db) -> None:
    history = [Turn("How many funds are there of each fund type?",
                    "SELECT FundType, COUNT(*) FROM fund GROUP BY FundType")]
    question = "Which 2 funds had the largest unit net value on 2024-06-28?"
    answer, prompt = scripted({}, conversation__history="always").prepare(question, small_db, history=history)
    assert answer.follow_up.follow_up and "GROUP BY FundType" in prompt.text


def columns_shown(answer) -> int:
    return sum(len(columns) for columns in answer.retrieval.columns.values())


def test_prompt_fits_its_token_budget_by_dropping_examples_first(scripted, bundled_data_dir) -> None:
    question = "Which funds had the largest unit net value on 2024-06-28?"
    roomy, full = scripted({}, model__adapter="none").prepare(question, "fund")
    assert roomy.prompt.examples_used == 3
    budget = full.n_tokens - 150
    answer, prompt = scripted({}, model__adapter="none", prompt__max_tokens=budget).prepare(question, "fund")
    assert answer.prompt.budget == budget and prompt.n_tokens == answer.prompt.n_tokens <= budget
    assert answer.prompt.examples_used < 3 and columns_shown(answer) == columns_shown(roomy)


def test_a_budget_out_of_reach_drops_examples_and_columns_and_says_so(scripted, bundled_data_dir) -> None:
    question = "Which funds had the largest unit net value on 2024-06-28?"
    roomy, _ = scripted({}, model__adapter="none").prepare(question, "fund")
    answer, prompt = scripted({}, model__adapter="none", prompt__max_tokens=256).prepare(question, "fund")
    assert prompt.n_tokens > 256 and answer.stage("prompt").summary.endswith("(over budget)")
    assert answer.prompt.examples_used == 0 and columns_shown(answer) < columns_shown(roomy)


def test_full_schema_size_in_the_trace_is_the_exact_token_count(pipeline, bundled_data_dir) -> None:
    from finsql.prompt.builder import PromptParts, build_prompt

    _, schema = pipeline.database("fund")
    for question in ("How many funds are there?", "哪些基金经理在2023年管理了超过3只基金？"):
        answer, _ = pipeline.prepare(question, "fund")
        exact = build_prompt(pipeline.tokenizer, PromptParts(schema_ddl=schema.render(), question=question))
        assert answer.prompt.full_schema_tokens == exact.n_tokens


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
    assert [a.generation.batch for a in together] == [2, 2, 1]
    assert [s.name for s in together[0].trace] == ["schema", "retrieve", "examples", "prompt", "generate",
                                                   "extract", "vote"]


def test_an_answer_names_the_meaning_of_the_codes_it_returns(scripted, bundled_data_dir) -> None:
    question = "How many funds are there of each fund type?"
    sql = "SELECT FundTypeCode, COUNT(*) FROM mf_fundarchives GROUP BY FundTypeCode"
    answer = scripted({question: [sql]}, generation__candidates=1).ask(question, "fund")
    assert answer.ok and list(answer.codes) == [0] and answer.codes[0]["1101"] == "Equity"
    assert {str(row[0]) for row in answer.rows} <= set(answer.codes[0])  # every stored code has a meaning


def test_train_pairs_given_to_a_database_replace_its_bundled_ones(scripted, bundled_data_dir) -> None:
    from finsql.datasets import QuestionItem

    question = "Which funds had the largest unit net value on 2024-06-28?"
    bundled, _ = scripted({}, model__adapter="none").prepare(question, "fund")
    assert bundled.examples and all(e.sql for e in bundled.examples)
    mine = [QuestionItem("p1", "fund", "What was the NAV of fund 000001 on 2024-06-28?",
                         "SELECT UnitNV FROM mf_netvalue WHERE InnerCode = 1 AND TradingDay = '2024-06-28'"),
            QuestionItem("p2", "fund", "How many share classes are there?", "SELECT COUNT(*) FROM mf_fundarchives")]
    pipeline = scripted({}, model__adapter="none")
    pipeline.use_train_pairs("fund", mine)
    answer, _ = pipeline.prepare(question, "fund")
    assert {e.sql for e in answer.examples} <= {p.sql for p in mine} and answer.examples
    assert pipeline.usage_prior("fund").queries == 2
    pipeline.use_train_pairs("fund", [])  # a database met for the first time
    cold, _ = pipeline.prepare(question, "fund")
    assert cold.examples == [] and pipeline.usage_prior("fund").queries == 0


def test_a_greedy_answer_with_rows_is_kept_without_samples_when_sampling_waits_for_a_failure(scripted,
                                                                                            small_db) -> None:
    question = "List the codes of all funds."
    pipeline = scripted({question: [CODES, "SELECT ChiName FROM fund", "SELECT ChiName FROM fund"]},
                        generation__sample_when="failed", generation__candidates=3)
    answer = pipeline.ask(question, db=small_db)
    assert pipeline.generator.prompts == [answer.prompt.text]  # one call: the greedy candidate alone
    assert answer.sql == CODES and len(answer.candidates) == 1 and answer.generation.candidates == 1
    assert "sample" not in [s.name for s in answer.trace] and not answer.generation.sampled_later


def test_a_failing_greedy_answer_brings_the_samples_and_all_are_voted_on(scripted, small_db) -> None:
    question = "List the codes of all funds."
    pipeline = scripted({question: ["SELECT Nope FROM fund", CODES, CODES + ";", "SELECT ChiName FROM fund"]},
                        generation__sample_when="failed", generation__candidates=4)
    answer = pipeline.ask(question, db=small_db)
    assert [s.name for s in answer.trace][-6:] == ["generate", "extract", "vote", "sample", "extract", "vote"]
    assert answer.stage("sample").summary == "3 more candidates, as the greedy answer failed"
    # The same prompt twice: the greedy candidate, then the three samples written after it.
    assert pipeline.generator.prompts == [answer.prompt.text] * 2
    assert [c.sampled for c in answer.candidates] == [False, True, True, True]
    assert answer.sql == CODES and answer.confidence == 0.5 and answer.generation.candidates == 4
    assert answer.generation.sampled_later


def test_an_unlikely_greedy_answer_brings_the_samples_when_sampling_waits_for_doubt(scripted, small_db) -> None:
    question = "List the codes of all funds."
    sure = {question: [[CODES, -0.01], "SELECT ChiName FROM fund", "SELECT ChiName FROM fund"]}
    unsure = {question: [[CODES, -0.5], "SELECT ChiName FROM fund", "SELECT ChiName FROM fund"]}
    confident = scripted(sure, generation__sample_when="unsure", generation__candidates=3).ask(question, small_db)
    doubted = scripted(unsure, generation__sample_when="unsure", generation__candidates=3).ask(question, small_db)
    assert len(confident.candidates) == 1 and confident.trust.confident and confident.sql == CODES
    assert len(doubted.candidates) == 3 and doubted.sql == "SELECT ChiName FROM fund"
    assert doubted.stage("sample").summary == "2 more candidates, as the greedy answer was not confident"


def test_a_progress_display_hears_the_sample_stage_after_the_first_vote(scripted, small_db) -> None:
    from finsql.pipeline import Progress

    heard: list[Progress] = []
    pipeline = scripted({"*": ["SELECT Nope FROM fund", CODES]}, generation__sample_when="failed",
                        generation__candidates=2)
    pipeline.ask("List the codes of all funds.", db=small_db, progress=heard.append)
    started = [p.stage for p in heard if not p.done and not p.tokens]
    assert started[-4:] == ["vote", "sample", "extract", "vote"]


def test_sessions_asking_at_once_each_write_with_their_own_databases_module(test_tokenizer, small_db,
                                                                            bundled_data_dir) -> None:
    """The chat serves every session from one generator: a session must never write with the module another
    session switched to a moment before (fund has a module, the small database none)."""
    import threading
    import time

    from finsql.generate import ScriptedGenerator

    class SlowToSwitch(ScriptedGenerator):
        def use_adapter(self, name, path=None) -> None:
            super().use_adapter(name, path)
            time.sleep(0.05)  # wide open, the window between choosing a module and writing with it

    fund_question, small_question = "How many funds are there?", "List the codes of all funds."
    generator = SlowToSwitch(test_tokenizer, {fund_question: ["SELECT COUNT(*) FROM mf_fundarchives"],
                                              small_question: [CODES]})
    # The modules were trained on the default model; the tiny one's tokenizer only builds the prompts.
    pipeline = Pipeline(load_config(generation__candidates=1), generator=generator)
    fund_module = pipeline.adapter_for("fund").name
    pipeline.prepare(fund_question, "fund"), pipeline.prepare(small_question, small_db)  # loaded before the race
    asked = [(fund_question, "fund"), (small_question, small_db)] * 4
    threads = [threading.Thread(target=pipeline.ask, args=pair) for pair in asked]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(generator.prompts) == len(asked)
    for prompt, module in zip(generator.prompts, generator.adapters, strict=True):
        assert module == (fund_module if fund_question in prompt else None)
