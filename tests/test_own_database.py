"""Bringing one's own SQLite database: checks, uploaded copies, drafted descriptions, index progress."""

from __future__ import annotations

import sqlite3

import pytest
import yaml

from finsql.db import Database
from finsql.errors import FinSQLError
from finsql.own_database import draft_descriptions, keep_descriptions, open_database, uploaded_copy
from finsql.prompt.retriever import SchemaIndex
from finsql.schema import load_schema


def test_a_file_that_is_not_a_database_is_named_in_one_line(tmp_path) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_text("meeting notes")
    with pytest.raises(FinSQLError, match="notes.sqlite is not a SQLite database"):
        open_database(notes)
    with pytest.raises(FinSQLError, match="is not a file"):
        open_database(tmp_path / "missing.sqlite")
    with pytest.raises(FinSQLError, match="notes.sqlite is not a SQLite database"):
        uploaded_copy("notes.sqlite", b"meeting notes")
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).execute("CREATE TABLE t (a)").connection.execute("DROP TABLE t")
    with pytest.raises(FinSQLError, match="has no tables"):
        open_database(empty)


def test_an_upload_is_kept_once_as_a_read_only_copy(small_db, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("FINSQL_CACHE_DIR", str(tmp_path / "cache"))
    data = small_db.read_bytes()
    first = uploaded_copy("my funds.sqlite", data)
    assert first == uploaded_copy("my funds.sqlite", data) and first.name == "my_funds.sqlite"
    db, schema = open_database(first)
    assert [t.name for t in schema.tables] == ["fund", "nav"] and db.execute("DELETE FROM fund").error


def test_drafted_descriptions_name_every_table_and_column_and_are_kept_checked(small_db) -> None:
    db = Database(small_db)
    schema = load_schema(db)
    draft = draft_descriptions(schema)
    tables = yaml.safe_load(draft)["tables"]
    assert {t: sorted(v["columns"]) for t, v in tables.items()} == {
        t.name: sorted(c.name for c in t.columns) for t in schema.tables}
    assert tables["nav"]["columns"]["InnerCode"]["en"] == "Inner code. Key of the table. Joins fund.InnerCode."
    assert tables["fund"]["columns"]["SecuCode"]["format"] == "e.g. '000001', '110022', '000198'"
    with pytest.raises(FinSQLError, match="name a column nav.Price that mini_fund does not have"):
        keep_descriptions(db, schema, draft.replace("UnitNV:", "Price:"))
    assert not small_db.with_suffix(".yaml").exists()
    kept = keep_descriptions(db, schema, draft.replace("Unit nv.", "Unit net asset value per share."))
    assert kept == small_db.with_suffix(".yaml")
    assert load_schema(db).table("nav").column("UnitNV").en == "Unit net asset value per share."


def test_building_an_index_reports_its_progress_to_the_end(small_db, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("FINSQL_CACHE_DIR", str(tmp_path / "cache"))
    db = Database(small_db)
    heard = []
    SchemaIndex.build(db, load_schema(db), progress=lambda share, doing: heard.append((share, doing)))
    shares = [share for share, _ in heard]
    assert shares == sorted(shares) and shares[-1] == 1.0 and heard[0][1] == "embedding the tables and columns"
