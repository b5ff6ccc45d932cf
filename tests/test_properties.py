"""Properties that must hold for any input, checked with hypothesis."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from finsql.calibrate.extract import extract_sql
from finsql.db import UnsafeSQLError, check_read_only

WRITES = ["DROP TABLE fund", "DELETE FROM fund", "UPDATE fund SET a = 1", "INSERT INTO fund VALUES (1)",
          "ATTACH DATABASE 'x' AS y", "PRAGMA query_only = 0", "VACUUM", "CREATE TABLE z (a)"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_guard_only_ever_raises_its_own_error(text: str) -> None:
    try:
        check_read_only(text)
    except UnsafeSQLError as err:
        assert str(err).startswith("refused:")


@settings(max_examples=200, deadline=None)
@given(select=st.sampled_from(["SELECT 1", "SELECT a FROM t", "WITH x AS (SELECT 1) SELECT * FROM x"]),
       write=st.sampled_from(WRITES), separator=st.sampled_from([";", "; ", ";\n", " ;  "]))
def test_no_write_passes_behind_a_select(select: str, write: str, separator: str) -> None:
    for sql in (select + separator + write, write + separator + select, write):
        try:
            check_read_only(sql)
        except UnsafeSQLError:
            continue
        raise AssertionError(f"accepted: {sql!r}")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_extraction_never_fails_and_never_keeps_a_fence(text: str) -> None:
    sql = extract_sql(text)
    assert isinstance(sql, str)
    assert "```" not in sql
