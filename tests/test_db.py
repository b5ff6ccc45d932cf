"""The read-only guard and executor, against real SQLite files."""

from __future__ import annotations

import time

import pytest
from conftest import file_sha256
from sqlalchemy import text

from finsql.db import MAX_RESULT_BYTES, MAX_VALUE_BYTES, Database, UnsafeSQLError, check_read_only, database_name
from finsql.errors import FinSQLError

REFUSED = [
    ("DROP TABLE fund", "DROP"),
    ("DELETE FROM fund", "DELETE"),
    ("UPDATE fund SET FundType = 2", "UPDATE"),
    ("INSERT INTO fund VALUES (9, 'x', 'y', 1)", "INSERT"),
    ("REPLACE INTO fund VALUES (1, 'x', 'y', 1)", "REPLACE"),
    ("CREATE TABLE evil (a)", "CREATE"),
    ("CREATE VIEW v AS SELECT 1", "CREATE"),
    ("ALTER TABLE fund ADD COLUMN evil TEXT", "ALTER"),
    ("ATTACH DATABASE '/tmp/finsql_evil.sqlite' AS evil", "ATTACH"),
    ("DETACH DATABASE main", "DETACH"),
    ("PRAGMA query_only = 0", "PRAGMA"),
    ("PRAGMA writable_schema = 1", "PRAGMA"),
    ("VACUUM", "VACUUM"),
    ("VACUUM INTO '/tmp/finsql_copy.sqlite'", "VACUUM"),
    ("REINDEX", "REINDEX"),
    ("SELECT load_extension('/tmp/evil.so')", "load_extension"),
    ("SELECT writefile('/tmp/finsql_evil.txt', 'x')", "writefile"),
    ("SELECT 1; DROP TABLE fund", "2 statements"),
    ("SELECT 1; SELECT 2", "2 statements"),
    ("WITH x AS (SELECT 1) DELETE FROM fund", "DELETE"),
    ("WITH x AS (SELECT 1) INSERT INTO fund SELECT * FROM fund", "INSERT"),
    ("SELECT * INTO copy FROM fund", "INTO"),
    ("BEGIN", "BEGIN"),
    ("", "no SQL"),
    ("SELEC * FROM fund", "does not parse"),
]


@pytest.mark.parametrize(("sql", "named"), REFUSED)
def test_guard_refuses_with_a_message_naming_the_problem(sql: str, named: str) -> None:
    with pytest.raises(UnsafeSQLError) as info:
        check_read_only(sql)
    message = str(info.value)
    assert message.startswith("refused:")
    assert named.lower() in message.lower()
    assert "\n" not in message


def test_refused_statements_leave_the_database_file_unchanged(small_db) -> None:
    before = file_sha256(small_db)
    db = Database(small_db)
    for sql, _ in REFUSED:
        result = db.execute(sql)
        assert result.error and result.error.startswith("refused:"), sql
    assert file_sha256(small_db) == before


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT ChiName FROM fund WHERE FundType = 1",
        "WITH latest AS (SELECT InnerCode, MAX(TradingDay) AS d FROM nav GROUP BY InnerCode) "
        "SELECT f.SecuCode, n.UnitNV FROM latest l JOIN nav n ON n.InnerCode = l.InnerCode "
        "AND n.TradingDay = l.d JOIN fund f ON f.InnerCode = n.InnerCode",
        "SELECT SecuCode FROM fund UNION SELECT 'x'",
        "SELECT ';' AS semicolon_in_a_string",
        "SELECT InnerCode, UnitNV - LAG(UnitNV) OVER (PARTITION BY InnerCode ORDER BY TradingDay) FROM nav",
    ],
)
def test_guard_accepts_read_only_queries(sql: str, small_db) -> None:
    result = Database(small_db).execute(sql)
    assert result.ok, result.error
    assert result.rows


def test_connection_is_read_only_even_past_the_guard(small_db) -> None:
    """mode=ro and PRAGMA query_only hold on their own, should the AST check ever miss something."""
    before = file_sha256(small_db)
    db = Database(small_db)
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA query_only")).scalar() == 1
        with pytest.raises(Exception, match="readonly|read-only|query_only"):
            conn.exec_driver_sql("DELETE FROM fund")
        conn.exec_driver_sql("PRAGMA query_only = 0")
        with pytest.raises(Exception, match="readonly|read-only"):
            conn.exec_driver_sql("DELETE FROM fund")
    assert file_sha256(small_db) == before


def test_runaway_query_times_out_within_its_limit(small_db) -> None:
    db = Database(small_db, timeout_s=1.0)
    start = time.perf_counter()
    result = db.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT MAX(x) FROM c")
    elapsed = time.perf_counter() - start
    assert result.timed_out
    assert result.error == "timed out after 1 s"
    assert elapsed < 2.0


def test_per_call_timeout_overrides_the_default(small_db) -> None:
    db = Database(small_db, timeout_s=60)
    result = db.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT MAX(x) FROM c",
                        timeout_s=0.3)
    assert result.timed_out and result.elapsed_s < 1.3


def test_row_cap_truncates_and_says_so(small_db) -> None:
    result = Database(small_db, max_rows=2).execute("SELECT * FROM nav")
    assert len(result.rows) == 2
    assert result.truncated
    full = Database(small_db).execute("SELECT * FROM nav")
    assert len(full.rows) == 5 and not full.truncated


def test_a_value_too_large_to_hold_is_refused_before_it_is_built(small_db) -> None:
    # Without the cap SQLite builds, and Python then copies, a 900 MB blob (its own limit is 1e9 bytes).
    result = Database(small_db).execute("SELECT zeroblob(900000000)")
    assert not result.ok and not result.rows
    assert result.error.startswith(f"a value in the result is over {MAX_VALUE_BYTES // 2**20} MB")
    assert Database(small_db).execute(f"SELECT length(zeroblob({MAX_VALUE_BYTES}))").rows == [(MAX_VALUE_BYTES,)]


def test_a_result_too_large_to_hold_is_refused_while_it_is_fetched(small_db) -> None:
    value = MAX_VALUE_BYTES - 1
    rows_that_fit = MAX_RESULT_BYTES // value
    sql = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
           f"SELECT zeroblob({value}) FROM n")
    result = Database(small_db).execute(sql)
    assert result.error == (f"the result is over {MAX_RESULT_BYTES // 2**20} MB after {rows_that_fit + 1} rows; "
                            "ask for fewer rows or columns")
    assert not result.rows
    assert Database(small_db).execute(sql.replace("< 500", f"< {rows_that_fit}")).ok


def test_result_has_columns_and_rows(small_db) -> None:
    result = Database(small_db).execute("SELECT SecuCode, ChiName FROM fund WHERE InnerCode = 2")
    assert result.columns == ["SecuCode", "ChiName"]
    assert result.rows == [("110022", "易方达消费行业")]


def test_database_errors_come_back_as_results(small_db) -> None:
    result = Database(small_db).execute("SELECT no_such_column FROM fund")
    assert not result.ok and "no such column" in result.error
    assert not result.timed_out


def test_missing_database_is_a_one_line_error(tmp_path) -> None:
    with pytest.raises(FinSQLError, match="does not exist"):
        Database(tmp_path / "nope.sqlite")
    with pytest.raises(FinSQLError, match="no database 'nope'"):
        Database("nope")
    with pytest.raises(FinSQLError, match=f"^{tmp_path} is a folder; give the path of a SQLite file"):
        Database(tmp_path)


def test_a_file_that_is_not_sqlite_is_refused_when_opened(tmp_path) -> None:
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("not a database")
    with pytest.raises(FinSQLError, match=f"^{bogus} is not a SQLite database; give the path of a .sqlite file"):
        Database(bogus)
    assert bogus.read_text() == "not a database"
    empty = tmp_path / "new.sqlite"  # SQLite reads an empty file as an empty database
    empty.touch()
    assert Database(empty).execute("SELECT 1").rows == [(1,)]



def test_a_database_is_named_without_being_read(tmp_path, monkeypatch) -> None:
    # Training on prepared data runs where the bundled databases may not be built.
    monkeypatch.setenv("FINSQL_DATA_DIR", str(tmp_path / "empty"))
    assert database_name("fund") == "fund"
    assert database_name(tmp_path / "books.sqlite") == "books" and database_name("rel/ledger.db") == "ledger"
