"""The optional cross-encoder reranker: labels from the gold SQL, a real (small) training run of the
MiniLM cross-encoder, and retrieval with it."""

from __future__ import annotations

import pytest

from finsql.datasets import load_questions
from finsql.db import Database
from finsql.errors import FinSQLError
from finsql.prompt.examples import train_set_path
from finsql.prompt.rerank import load_reranker, train_reranker, training_pairs
from finsql.prompt.retriever import RetrieverConfig, SchemaIndex
from finsql.schema import load_schema
from finsql.sqlinfo import referenced_items


@pytest.fixture(scope="module")
def bank_reranker(tmp_path_factory, bundled_data_dir):
    folder, stats = train_reranker(["bank"], tmp_path_factory.mktemp("rr") / "bank", max_pairs=160)
    return folder, stats


def test_training_labels_are_the_items_the_gold_sql_uses(bundled_data_dir) -> None:
    pairs = training_pairs(["bank"])
    schema = load_schema(Database("bank"))
    items = {i.question: i for i in load_questions(train_set_path("bank"), "jsonl").items}
    positives = [p for p in pairs if p.label == 1.0]
    negatives = [p for p in pairs if p.label == 0.0]
    assert positives and negatives
    for pair in pairs[:200]:
        tables, columns = referenced_items(items[pair.question].sql, schema)
        name = pair.document.split(" | ")[0].lower()  # "table" or "table.column"
        assert (name in tables or name in columns) == (pair.label == 1.0), (pair.question, name)


def test_a_trained_reranker_reorders_within_its_depth_only(bank_reranker, bundled_data_dir) -> None:
    folder, stats = bank_reranker
    assert stats["pairs"] == 160 and (folder / "finsql_reranker.json").is_file()
    reranker = load_reranker(folder)
    scores = reranker.score("How many accounts are frozen?", ["accounts | bank accounts", "branches | branches"])
    assert len(scores) == 2 and all(isinstance(s, float) for s in scores)
    database = Database("bank")
    index = SchemaIndex.build(database, load_schema(database))
    question = "Which customers hold more than two credit cards?"
    plain = index.retrieve(question, RetrieverConfig(top_tables=3, rerank_tables=4))
    reranked = index.retrieve(question, RetrieverConfig(top_tables=3, rerank=True, rerank_tables=4), None, reranker)
    first_stage = sorted(plain.table_scores, key=lambda t: -plain.table_scores[t])
    chosen = [t for t in reranked.tables if t not in reranked.join_tables]
    assert len(chosen) == 3 and set(chosen) <= set(first_stage[:4])  # only the top 4 can move up


def test_missing_reranker_is_a_one_line_error_naming_the_command(tmp_path) -> None:
    with pytest.raises(FinSQLError, match="python -m finsql.train reranker"):
        load_reranker(tmp_path / "none")
