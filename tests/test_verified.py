"""Verified examples: the store beside the database, the command line, and the pipeline answering from them."""

from __future__ import annotations

import json
import stat
import subprocess
import sys

import pytest
from conftest import TEST_MODEL

from finsql.datasets import QuestionItem
from finsql.db import Database, UnsafeSQLError
from finsql.errors import FinSQLError
from finsql.prompt.builder import Turn
from finsql.verified import ExampleStore, same_question_key

COUNT = "SELECT COUNT(*) FROM fund"
WRONG = "SELECT 42"


def test_pairs_are_checked_stored_beside_the_database_and_removed(small_db) -> None:
    store = ExampleStore(Database(small_db))
    assert store.path == small_db.with_name("mini_fund.examples.jsonl") and store.load() == []
    first = store.add("How many funds are there?", COUNT)
    second, third = store.add_many([("Fund codes?", "SELECT SecuCode FROM fund"), ("NAVs?", "SELECT * FROM nav")])
    assert [e.id for e in store.load()] == [1, 2, 3] and first.sql == COUNT
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o644  # a file the user reads and versions
    assert store.remove(2) == second and [e.id for e in store.load()] == [1, 3]
    assert store.add("Oldest NAV?", "SELECT MIN(TradingDay) FROM nav").id == 4  # ids are never reused
    assert sorted(p.name for p in small_db.parent.iterdir()) == ["mini_fund.examples.jsonl", "mini_fund.sqlite"]


def test_a_bad_pair_is_refused_and_nothing_is_written(small_db) -> None:
    store = ExampleStore(Database(small_db))
    store.add("How many funds are there?", COUNT)
    before = store.path.read_bytes()
    with pytest.raises(UnsafeSQLError, match="DROP"):
        store.add("Drop it", "DROP TABLE fund")
    with pytest.raises(FinSQLError, match="does not run on mini_fund .*no such column: Nope"):
        store.add_many([("Fund names?", "SELECT ChiName FROM fund"), ("Broken", "SELECT Nope FROM fund")])
    with pytest.raises(FinSQLError, match="has no example 7"):
        store.remove(7)
    assert store.path.read_bytes() == before  # the good pair of the refused batch was not kept either


def test_a_broken_line_is_named_by_its_number(small_db) -> None:
    store = ExampleStore(Database(small_db))
    store.add("How many funds are there?", COUNT)
    with store.path.open("a", encoding="utf-8") as out:
        out.write('{"id": 2, "question": "no sql"}\n')
    with pytest.raises(FinSQLError, match=r"mini_fund.examples.jsonl line 2 is not a verified example"):
        store.load()


@pytest.mark.parametrize(("asked", "same"), [
    ("how many FUNDS are there", True), ("How many funds are there ?!", True), ("How  many funds are there？", True),
    ("How many funds are there in 2024?", False), ("How many bond funds are there?", False)])
def test_the_same_question_ignores_case_punctuation_and_spacing_only(asked: str, same: bool) -> None:
    assert (same_question_key(asked) == same_question_key("How many funds are there?")) is same


def test_numbers_are_the_same_however_they_are_written() -> None:
    assert same_question_key("NAV above 1,000 on 2024-06-28") == same_question_key("nav above 1000 on 2024 06 28")
    assert same_question_key("基金数量（２０２３年）") == same_question_key("基金数量(2023年)")
    assert same_question_key("NAV above 1,000") != same_question_key("NAV above 2,000")


def test_the_same_question_is_answered_from_its_verified_example_without_the_model(scripted, small_db) -> None:
    ExampleStore(Database(small_db)).add("How many funds are there?", COUNT)
    pipeline = scripted({"*": [WRONG]})
    answer = pipeline.ask("how many funds are there", small_db)
    assert answer.sql == COUNT and answer.rows == [(3,)] and answer.verified.id == 1
    assert [s.name for s in answer.trace] == ["verified"] and answer.trust.confident
    assert pipeline.generator.prompts == []  # the model was not asked
    other = pipeline.ask("How many funds are there with type 1?", small_db)
    assert other.verified is None and other.sql == WRONG


def test_a_follow_up_is_never_answered_from_a_verified_example(scripted, small_db) -> None:
    ExampleStore(Database(small_db)).add("and for 2022?", COUNT)
    history = [Turn("How many funds were there in 2023?", "SELECT 1")]
    assert scripted({"*": [WRONG]}).ask("and for 2022?", small_db, history=history).verified is None
    assert scripted({"*": [WRONG]}).ask("and for 2022?", small_db).verified is not None  # asked first, it stands


def test_verified_pairs_are_few_shot_examples_at_once_ahead_of_equally_close_train_pairs(scripted, small_db) -> None:
    pipeline = scripted({"*": [WRONG]})
    question = "List the funds of type 1 by code."
    pipeline.use_train_pairs("mini_fund", [QuestionItem("t", "mini_fund", "List the funds of type 3.",
                                                        "SELECT ChiName FROM fund WHERE FundType = 3")])
    before, _ = pipeline.prepare(question, small_db)
    assert [e.sql for e in before.examples] == ["SELECT ChiName FROM fund WHERE FundType = 3"]
    verified_sql = "SELECT SecuCode FROM fund WHERE FundType = 3"  # the same shape: only the preference differs
    ExampleStore(Database(small_db)).add("List the funds of type 3.", verified_sql)  # while the pipeline runs
    after, _ = pipeline.prepare(question, small_db)
    assert [e.sql for e in after.examples][:1] == [verified_sql] and len(after.examples) == 2
    assert pipeline.usage_prior(small_db).queries == 2


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "finsql", "examples", *args], capture_output=True, text=True,
                          timeout=300)


def test_examples_from_the_command_line(small_db, tmp_path) -> None:
    db = str(small_db)
    added = run_cli("add", "--db", db, "--question", "How many funds are there?", "--sql", COUNT)
    assert added.returncode == 0 and added.stdout.startswith("saved 1: How many funds are there?")
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"question": "Codes?", "sql": "SELECT SecuCode FROM fund"}) + "\n\n"
                     + json.dumps({"question": "Days?", "sql": "SELECT DISTINCT TradingDay FROM nav"}) + "\n")
    assert run_cli("import", str(pairs), "--db", db).returncode == 0
    listed = run_cli("list", "--db", db).stdout.splitlines()
    assert [line.split()[0] for line in listed] == ["1", "2", "3"] and listed[1].endswith("SELECT SecuCode FROM fund")
    assert run_cli("remove", "2", "--db", db).stdout.strip() == "removed 2: Codes?"
    refused = run_cli("add", "--db", db, "--question", "Drop", "--sql", "DROP TABLE fund")
    assert refused.returncode == 1 and refused.stderr.startswith("refused: DROP")
    pairs.write_text('{"question": "no sql here"}\n')
    broken = run_cli("import", str(pairs), "--db", db)
    assert broken.returncode == 2 and broken.stderr.strip().splitlines() == [
        f"error: {pairs} line 1 is not a JSON object with question and sql"]
    assert [line.split()[0] for line in run_cli("list", "--db", db).stdout.splitlines()] == ["1", "3"]


GLOSSARY = "terms:\n  latest price: nav.UnitNV\n  flagship fund: fund.FundType = 1\n"


def test_a_glossary_term_brings_its_columns_and_meaning_into_the_prompt(scripted, small_db) -> None:
    from finsql.glossary import glossary_path, load_glossary, save_glossary
    from finsql.schema import load_schema

    question = "What is the latest price of the flagship fund?"
    pipeline = scripted({"*": [WRONG]}, retrieval__top_tables=1, retrieval__top_columns=1,
                        retrieval__entity_tables=0)
    bare, bare_prompt = pipeline.prepare(question, small_db)
    assert bare.terms == [] and "Business terms" not in bare_prompt.text
    db = Database(small_db)
    save_glossary(db, load_schema(db), GLOSSARY)
    answer, prompt = pipeline.prepare(question, small_db)
    assert [t.term for t in answer.terms] == ["flagship fund", "latest price"]
    assert "UnitNV" in answer.retrieval.columns["nav"] and "FundType" in answer.retrieval.columns["fund"]
    assert '"latest price" means nav.UnitNV' in prompt.text and '"flagship fund" means fund.FundType = 1' in prompt.text
    assert pipeline.prepare("What is the latest pricey fund?", small_db)[0].terms == []  # whole words only
    before = glossary_path(db).read_text()
    with pytest.raises(FinSQLError, match=r'glossary term "star": fund.Stars is not a column of mini_fund'):
        save_glossary(db, load_schema(db), "terms:\n  star: fund.Stars > 4\n")
    with pytest.raises(FinSQLError, match="not valid YAML"):
        save_glossary(db, load_schema(db), "terms: [unclosed")
    assert glossary_path(db).read_text() == before and len(load_glossary(db, load_schema(db)).terms) == 2


def test_answering_many_at_once_takes_verified_pairs_too_in_order(tiny_model, small_db) -> None:
    from finsql import Pipeline
    from finsql.config import load_config
    from finsql.generate import HFGenerator

    ExampleStore(Database(small_db)).add("How many funds are there?", COUNT)
    pipeline = Pipeline(load_config(model__name=TEST_MODEL, generation__candidates=1, generation__max_new_tokens=24),
                        generator=HFGenerator(tiny_model))  # batched greedy decoding, whatever the model writes
    answers = pipeline.ask_many(["Fund codes?", "how many funds are there", "NAVs?"], small_db, batch_size=2)
    assert [a.question for a in answers] == ["Fund codes?", "how many funds are there", "NAVs?"]
    assert [a.verified is not None for a in answers] == [False, True, False]
    assert answers[1].sql == COUNT and [a.generation.batch for a in (answers[0], answers[2])] == [2, 2]
