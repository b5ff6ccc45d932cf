"""Read-only execution of untrusted SQL against a finance database.

    python -m finsql sql --db fund "SELECT COUNT(*) FROM mf_fundarchives"

Three independent locks keep generated SQL from changing anything:
1. ``check_read_only`` parses the SQL with sqlglot and accepts exactly one SELECT (or WITH ... SELECT,
   UNION, ...) statement with no write, DDL, ATTACH, PRAGMA or dangerous function anywhere inside;
2. SQLite is opened with ``mode=ro`` (the OS-level file is never opened for writing);
3. ``PRAGMA query_only`` is set on every connection.
A progress handler interrupts a query that runs past its time limit, and at most ``max_rows`` rows
are fetched. Memory is bounded too: SQLite refuses to build any string or blob over ``MAX_VALUE_BYTES``
(``zeroblob``, ``printf('%.*c', ...)``, ``group_concat`` of a cross join), and fetching stops with an
error once the rows hold over ``MAX_RESULT_BYTES``.
PostgreSQL, MySQL and DuckDB databases, given by URL, keep lock 1 and the server's own (finsql/warehouse.py);
SQL in SQLite's dialect is translated for them first (finsql/dialects.py) and guarded again after.
"""

from __future__ import annotations

import contextlib
import datetime
import itertools
import logging
import sqlite3
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import sqlglot
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import URL, Connection, CursorResult, Engine, make_url
from sqlglot import exp

from finsql import warehouse
from finsql.bundled import DATABASES
from finsql.dialects import MODEL_DIALECT, translate
from finsql.errors import FinSQLError, first_line
from finsql.paths import data_dir
from finsql.results import ExecResult

DEFAULT_TIMEOUT_S = 10.0
DEFAULT_MAX_ROWS = 1000
MAX_VALUE_BYTES = 4 * 2**20  # far above any cell of a finance table, far below what exhausts memory
MAX_RESULT_BYTES = 64 * 2**20
_SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database file

# sqlglot logs a warning for every statement it can only parse as an opaque Command; the guard
# reports those itself.
logging.getLogger("sqlglot").setLevel(logging.ERROR)

_FORBIDDEN_NODES: tuple[type[exp.Expression], ...] = (
    exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Create, exp.Drop, exp.Alter, exp.Command,
    exp.Pragma, exp.Attach, exp.Detach, exp.Transaction, exp.Commit, exp.Rollback, exp.Analyze,
    exp.Into, exp.Set, exp.Use, exp.Copy, exp.LoadData,
)
# SQLite functions that touch files or load code; harmless under mode=ro only if extension loading
# stays disabled, so they are refused before the database is reached.
_FORBIDDEN_FUNCTIONS = frozenset({"load_extension", "readfile", "writefile", "edit", "fts3_tokenizer"})
_QUERY_ROOTS: tuple[type[exp.Expression], ...] = (exp.Select, exp.SetOperation, exp.Subquery)


class UnsafeSQLError(FinSQLError):
    """The SQL is not a single read-only query."""


def _statement_kind(node: exp.Expression, sql: str) -> str:
    if isinstance(node, exp.Command):
        return str(node.this).upper()
    names = {exp.Transaction: "BEGIN", exp.Into: "SELECT ... INTO"}
    for cls, name in names.items():
        if isinstance(node, cls):
            return name
    if isinstance(node, (exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Create, exp.Drop, exp.Alter,
                         exp.Pragma, exp.Attach, exp.Detach, exp.Commit, exp.Rollback, exp.Analyze)):
        return node.key.upper()
    words = sql.strip().split()
    return words[0].upper() if words else "EMPTY"


def check_read_only(sql: str, dialect: str = "sqlite") -> exp.Expression:
    """Return the parsed query if ``sql`` is exactly one read-only query, else raise UnsafeSQLError.

    >>> check_read_only("SELECT 1").sql()
    'SELECT 1'
    >>> check_read_only("WITH x AS (SELECT 1) DELETE FROM t")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    finsql.db.UnsafeSQLError: refused: DELETE statements are not allowed; ...
    """
    try:
        statements = [s for s in sqlglot.parse(sql, read=dialect) if s is not None]
    except sqlglot.errors.SqlglotError as err:
        raise UnsafeSQLError(f"refused: the SQL does not parse ({first_line(err)})") from None
    if not statements:
        raise UnsafeSQLError("refused: no SQL statement given")
    if len(statements) > 1:
        raise UnsafeSQLError(f"refused: {len(statements)} statements given; only one query may run at a time")
    (root,) = statements
    offending = root if not isinstance(root, _QUERY_ROOTS) else next(root.find_all(*_FORBIDDEN_NODES), None)
    if offending is not None:
        raise UnsafeSQLError(f"refused: {_statement_kind(offending, sql)} statements are not allowed; "
                             "only one SELECT (or WITH ... SELECT) query may run")
    for func in root.find_all(exp.Func):
        name = (func.name if isinstance(func, exp.Anonymous) else func.sql_name()).lower()
        if name in _FORBIDDEN_FUNCTIONS:
            raise UnsafeSQLError(f"refused: the function {name}() is not allowed")
    return root


def resolve_database(name_or_path: str | Path) -> Path:
    """A bundled database name (``fund``) or a path to a SQLite file -> the file's path."""
    candidate = Path(name_or_path).expanduser()
    if candidate.suffix in (".sqlite", ".db", ".sqlite3") or candidate.exists():
        if candidate.is_file():
            _require_sqlite_file(candidate)
            return candidate.resolve()
        if candidate.is_dir():
            raise FinSQLError(f"{candidate} is a folder; give the path of a SQLite file or a bundled name "
                              f"({', '.join(DATABASES)})")
        raise FinSQLError(f"database file {candidate} does not exist")
    bundled = data_dir() / f"{name_or_path}.sqlite"
    if bundled.is_file():
        return bundled
    if str(name_or_path) in DATABASES:
        raise FinSQLError(f"bundled database {name_or_path!r} is not built yet; run: python -m finsql.data build")
    raise FinSQLError(f"no database {str(name_or_path)!r}: use a bundled name ({', '.join(DATABASES)}) "
                      "or the path of a SQLite file")


def database_name(name_or_path: str | Path) -> str:
    """What a database is called: a bundled name as given, a SQLite file's stem (``my/books.sqlite`` ->
    ``books``). Its questions' db_id and its LoRA module's folder (``adapters/books``) go by this name.

    Reads nothing: training on prepared data runs where the databases may not be built.
    """
    return str(name_or_path) if str(name_or_path) in DATABASES else Path(name_or_path).stem


def _require_sqlite_file(path: Path) -> None:
    """Refuse a file that is not SQLite (an empty file is an empty database) before anything reads it."""
    try:
        with path.open("rb") as file:
            header = file.read(len(_SQLITE_HEADER))
    except OSError as err:
        raise FinSQLError(f"cannot read database file {path}: {err.strerror}") from None
    if header and header != _SQLITE_HEADER:
        raise FinSQLError(f"{path} is not a SQLite database; give the path of a .sqlite file or a bundled name "
                          f"({', '.join(DATABASES)})")


class Database:
    """A database opened read-only through SQLAlchemy: a SQLite file, or PostgreSQL, MySQL or DuckDB by URL.

    ``dialect`` is the sqlglot dialect the database runs; SQL given in another (the model's SQLite) is
    translated before it runs. ``path`` is the SQLite file, None for a database by URL.
    """

    def __init__(self, source: str | Path, timeout_s: float = DEFAULT_TIMEOUT_S,
                 max_rows: int = DEFAULT_MAX_ROWS) -> None:
        if timeout_s <= 0:
            raise FinSQLError(f"timeout must be positive, not {timeout_s}")
        if max_rows <= 0:
            raise FinSQLError(f"max rows must be positive, not {max_rows}")
        self.timeout_s = timeout_s
        self.max_rows = max_rows
        self.url: URL | None = None
        self.path: Path | None = None
        if warehouse.names_server(source):
            self.url = warehouse.parse_url(source)
            self.name = warehouse.database_name(self.url)
            self.dialect = warehouse.SERVER_DIALECTS[self.url.get_backend_name()]
            self.source = source.strip()
            self.label = warehouse.hide_password(self.source)
            self.engine = warehouse.open_engine(self.url, self.label)
        else:
            if isinstance(source, str) and source.startswith("sqlite:"):
                source = make_url(source).database or ""
            self.path = resolve_database(source)
            self.name = self.path.stem
            self.dialect = MODEL_DIALECT
            self.source = self.label = str(self.path)
            self.engine = self._read_only_engine(self.path)
        self._catalog: dict[str, dict[str, str]] | None = None

    def side_file(self, suffix: str) -> Path:
        """A file FinSQL keeps for this database (``.yaml`` descriptions, ``.examples.jsonl``, ...): beside a
        SQLite file, under the cache for a database by URL."""
        if self.path is not None:
            return self.path.with_name(self.path.stem + suffix)
        folder = warehouse.files_folder(self.url)
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{self.name}{suffix}"

    def fingerprint(self) -> list:
        """What changes when the data may have: a file's size and time; a server's URL (its data is not watched)."""
        if self.path is not None:
            stat = self.path.stat()
            return [stat.st_size, stat.st_mtime_ns]
        return [self.label]

    @staticmethod
    def _read_only_engine(path: Path) -> Engine:
        url = f"sqlite:///file:{quote(str(path))}?mode=ro&uri=true"
        engine = create_engine(url)

        @event.listens_for(engine, "connect")
        def _lock(dbapi_conn: sqlite3.Connection, _record: object) -> None:
            dbapi_conn.execute("PRAGMA query_only = ON")
            dbapi_conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)

        return engine

    def quote(self, name: str) -> str:
        """A table or column name quoted as this database quotes names ("x" here, `x` in MySQL)."""
        return self.engine.dialect.identifier_preparer.quote_identifier(name)

    def catalog(self) -> dict[str, dict[str, str]]:
        """Every table's columns and their types, spelt as here (read once)."""
        if self._catalog is None:
            inspector = inspect(self.engine)
            self._catalog = {table: {c["name"]: str(c["type"]) for c in inspector.get_columns(table)}
                             for table in inspector.get_table_names()}
        return self._catalog

    def in_own_dialect(self, sql: str, dialect: str = MODEL_DIALECT) -> str:
        """``sql`` as this database runs it: translated from ``dialect`` where that is another."""
        if dialect == self.dialect:
            return sql
        if dialect != MODEL_DIALECT:
            raise FinSQLError(f"SQL in {dialect} cannot run on {self.label}; write it in {self.dialect} or SQLite")
        return translate(sql, self.dialect, self.catalog())

    def execute(self, sql: str, timeout_s: float | None = None, max_rows: int | None = None,
                dialect: str = MODEL_DIALECT) -> ExecResult:
        """Run one read-only query written in ``dialect`` (SQLite, as the model writes, unless told);
        every failure comes back in ``ExecResult.error``, never raised."""
        timeout_s = self.timeout_s if timeout_s is None else timeout_s
        max_rows = self.max_rows if max_rows is None else max_rows
        start = time.perf_counter()
        try:
            check_read_only(sql, dialect)
            sent = self.in_own_dialect(sql, dialect)
            if sent != sql:
                check_read_only(sent, self.dialect)
        except (FinSQLError, sqlglot.errors.SqlglotError) as err:  # UnsafeSQLError is a FinSQLError
            return ExecResult(error=first_line(err), elapsed_s=time.perf_counter() - start)
        deadline = start + timeout_s
        with self.engine.connect() as conn:
            try:
                with self._limits(conn, deadline, timeout_s) as limited:
                    cursor = limited.exec_driver_sql(sent if self.url is None
                                                     else warehouse.driver_text(sent, self.url.get_backend_name()))
                    columns = list(cursor.keys())
                    rows = _fetch_bounded(cursor, max_rows + 1)
                    cursor.close()
            except Exception as err:  # noqa: BLE001 - any DB failure is a result, not a crash
                stopped = time.perf_counter() > deadline or (self.url is not None and warehouse.timed_out(err))
                message = f"timed out after {timeout_s:g} s" if stopped else _db_error_message(err)
                return ExecResult(error=message, timed_out=stopped, elapsed_s=time.perf_counter() - start,
                                  sent=sent if sent != sql else None)
            finally:
                conn.rollback()
        truncated = len(rows) > max_rows
        return ExecResult(columns=columns, rows=rows[:max_rows], truncated=truncated,
                          elapsed_s=time.perf_counter() - start, sent=sent if sent != sql else None)

    @contextlib.contextmanager
    def _limits(self, conn: Connection, deadline: float, timeout_s: float) -> Iterator[Connection]:
        if self.url is not None:
            with warehouse.limits(conn, self.url.get_backend_name(), timeout_s) as limited:
                yield limited
            return
        raw = conn.connection.dbapi_connection
        # Called every N SQLite VM steps; a non-zero return interrupts the running statement.
        raw.set_progress_handler(lambda: int(time.perf_counter() > deadline), 10_000)
        try:
            yield conn
        finally:
            raw.set_progress_handler(None, 0)


class ResultTooLargeError(FinSQLError):
    """The rows fetched so far hold more than ``MAX_RESULT_BYTES``."""


def _fetch_bounded(cursor: CursorResult, limit: int) -> list[tuple]:
    """Up to ``limit`` rows, refusing a result whose values add up to more than ``MAX_RESULT_BYTES``.

    Rows are fetched one at a time so that the check runs before the next row is built.
    """
    rows: list[tuple] = []
    size = 0
    for row in itertools.islice(cursor, limit):
        row = tuple(_plain(v) for v in row)
        rows.append(row)
        size += sum(len(v) if isinstance(v, (str, bytes)) else 8 for v in row)
        if size > MAX_RESULT_BYTES:
            raise ResultTooLargeError(f"the result is over {MAX_RESULT_BYTES // 2**20} MB after {len(rows)} rows; "
                                      "ask for fewer rows or columns")
    return rows


def _plain(value: object) -> object:
    """A value as SQLite would give it, so that results from any engine compare and show alike: exact
    numbers as floats, dates and times as their ISO text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return str(value)
    if isinstance(value, memoryview):
        return value.tobytes()
    return value


def _db_error_message(err: Exception) -> str:
    if isinstance(err, ResultTooLargeError):
        return str(err)
    orig = getattr(err, "orig", None) or err
    if "string or blob too big" in str(orig):
        return (f"a value in the result is over {MAX_VALUE_BYTES // 2**20} MB, the most a query may build "
                f"({type(orig).__name__}: {orig})")
    return f"{type(orig).__name__}: {str(orig).splitlines()[0] if str(orig) else ''}".strip()
