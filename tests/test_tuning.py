"""Tuning the schema retriever on a database's pairs: real MiniLM fine-tuned on the CPU, cached, used where it won."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TEST_MODEL

from finsql.datasets import QuestionItem
from finsql.db import Database
from finsql.prompt import tuning
from finsql.prompt.tuning import TuningConfig, current_result, linking_pairs, tune_retriever
from finsql.schema import load_schema

QUICK = TuningConfig(epochs=1, batch_size=8, max_seq_length=48)
PAIRS = [("How many books are there?", "SELECT COUNT(*) FROM book"),
         ("List every author's name.", "SELECT name FROM author"),
         ("Which books cost more than 50?", "SELECT title FROM book WHERE price > 50"),
         ("Who wrote 'Dune'?", "SELECT a.name FROM author a JOIN book b ON b.author_id = a.author_id "
                               "WHERE b.title = 'Dune'"),
         ("How many loans are open?", "SELECT COUNT(*) FROM loan WHERE returned_on IS NULL"),
         ("Which member borrowed the most books?", "SELECT member FROM loan GROUP BY member "
                                                   "ORDER BY COUNT(*) DESC LIMIT 1"),
         ("Average book price?", "SELECT AVG(price) FROM book"),
         ("Books per author?", "SELECT author_id, COUNT(*) FROM book GROUP BY author_id"),
         ("When was the last loan?", "SELECT MAX(loaned_on) FROM loan"),
         ("Which authors were born before 1950?", "SELECT name FROM author WHERE born < 1950"),
         ("Titles of books on loan?", "SELECT b.title FROM loan l JOIN book b ON b.book_id = l.book_id"),
         ("Cheapest book?", "SELECT title FROM book ORDER BY price LIMIT 1")]


@pytest.fixture()
def library(tmp_path, monkeypatch) -> tuple[Database, list[QuestionItem]]:
    monkeypatch.setenv("FINSQL_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "library.sqlite"
    with sqlite3.connect(path) as conn:
        conn.executescript("""
            CREATE TABLE author (author_id INTEGER PRIMARY KEY, name TEXT, born INTEGER);
            CREATE TABLE book (book_id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES author(author_id),
                               title TEXT, price REAL);
            CREATE TABLE loan (loan_id INTEGER PRIMARY KEY, book_id INTEGER REFERENCES book(book_id),
                               member TEXT, loaned_on TEXT, returned_on TEXT);
            INSERT INTO author VALUES (1, 'Frank Herbert', 1920);
            INSERT INTO book VALUES (1, 1, 'Dune', 60.0);
            INSERT INTO loan VALUES (1, 1, 'ana', '2024-01-02', NULL);
        """)
    return Database(path), [QuestionItem(str(i), "library", q, s) for i, (q, s) in enumerate(PAIRS)]


def test_each_question_is_paired_with_the_documents_of_what_its_sql_reads(library) -> None:
    db, items = library
    pairs = linking_pairs(items[3:4], load_schema(db))
    assert [doc.split(" | ")[0] for _, doc in pairs] == [
        "author", "book", "author.author_id", "author.name", "book.author_id", "book.title"]
    assert {q for q, _ in pairs} == {"Who wrote 'Dune'?"}


def test_no_batch_holds_a_document_twice(library) -> None:
    import random

    db, items = library
    pairs = linking_pairs(items, load_schema(db))
    batches = tuning._batches(pairs, 8, random.Random(0))
    assert sorted(p for b in batches for p in b) == sorted(pairs)
    assert all(len({d for _, d in b}) == len(b) == len({q for q, _ in b}) for b in batches)


def test_a_tuned_retriever_is_cached_and_used_only_where_it_won(library, monkeypatch) -> None:
    from finsql import Pipeline
    from finsql.config import load_config

    db, items = library
    schema = load_schema(db)
    result = tune_retriever(db, schema, items, config=QUICK)
    assert (Path(result.embedder) / "config.json").is_file() and result.held_back == 2
    assert 0 <= result.shipped.tables <= 1 and 0 <= result.tuned.columns <= 1 and result.pairs > 20

    def no_tuning(*args, **kwargs):
        raise AssertionError("tuned again")

    monkeypatch.setattr(tuning, "tune_embedder", no_tuning)
    assert tune_retriever(db, schema, items, config=QUICK) == result  # the same pairs: the cached verdict
    assert current_result(schema) == result

    verdict = Path(result.embedder).parent / "verdict.json"
    for tuned_recall, used in ((1.0, True), (0.0, False)):
        raw = json.loads(verdict.read_text())
        raw["shipped"], raw["tuned"] = {"tables": 0.5, "columns": 0.5}, {"tables": tuned_recall, "columns": 1.0}
        verdict.write_text(json.dumps(raw))
        pipeline = Pipeline(load_config(model__name=TEST_MODEL))
        index = pipeline.schema_index(db.path)
        assert index.embedder == (result.embedder if used else None)
        off = Pipeline(load_config(model__name=TEST_MODEL, retrieval__tuned=False))
        assert off.schema_index(db.path).embedder is None

    db.path.with_suffix(".yaml").write_text("database: library\ntables:\n  book:\n    en: Books on the shelves.\n")
    assert current_result(load_schema(db)) is None  # new descriptions: not the documents it was tuned on


def test_too_few_pairs_and_pairs_of_another_database_are_refused_in_one_line(library, tmp_path) -> None:
    db, items = library
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n".join(json.dumps({"db_id": "shop", "question": i.question, "sql": i.sql})
                               for i in items) + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "finsql", "tune-retriever", "--db", str(db.path), "--train-file",
                           str(pairs)], capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0 and proc.stderr.strip().splitlines() == [
        f"error: {pairs} holds no pair whose db_id is library; set db_id to library on the pairs of this database"]
    with pytest.raises(Exception, match="has 3 train pairs; tuning its retriever needs at least 10"):
        tune_retriever(db, load_schema(db), items[:3], config=QUICK)
