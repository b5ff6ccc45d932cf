"""Databases on a server or in another engine, reached by SQLAlchemy URL: PostgreSQL, MySQL (MariaDB), DuckDB.

    python -m finsql ask "How many funds are there?" --db postgresql://analyst@db.example.com/fund
    python -m finsql sql --db duckdb:///warehouse/fund.duckdb "SELECT COUNT(*) FROM mf_fundarchives"
    python -m finsql ask "How many funds are there?" --db mysql://analyst@db.example.com/fund

Each engine is told by its own means that nothing may change, besides the AST guard every query passes:
- PostgreSQL: every session starts with ``default_transaction_read_only`` on, every query runs in a
  ``READ ONLY`` transaction under ``SET LOCAL statement_timeout``, and rows stream from a server-side
  cursor, so a huge result is never sent whole. A role with SELECT rights only is stronger still.
- MySQL and MariaDB: every session starts with ``SET SESSION TRANSACTION READ ONLY`` and each query runs
  under the server's own time limit (``max_statement_time``, MySQL's ``max_execution_time``); rows stream.
- DuckDB: the file is opened ``read_only`` with ``enable_external_access`` off (no other files, no
  ATTACH, no extensions), a memory limit and the configuration locked; a query past its time is interrupted.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from finsql.errors import FinSQLError, first_line
from finsql.paths import cache_dir

SERVER_DIALECTS = {"postgresql": "postgres", "mysql": "mysql", "duckdb": "duckdb"}  # SQLAlchemy -> sqlglot
CONNECT_TIMEOUT_S = 5
DUCKDB_MEMORY_LIMIT = "2GB"


def listed_databases(listing: str) -> list[str]:
    """The databases a ``FINSQL_DATABASES`` value names: paths separated by ":"; URLs hold ":" themselves,
    so a list holding any URL is separated by spaces."""
    entries = listing.split() if "://" in listing else listing.split(os.pathsep)
    return list(dict.fromkeys(e for e in entries if e.strip()))


def is_url(source: str) -> bool:
    return re.match(r"^[a-z][a-z0-9+.-]*://", source.strip(), re.IGNORECASE) is not None


def names_server(source: str | Path) -> bool:
    """Whether ``source`` is the URL of a database other than a SQLite file (``sqlite:///f.db`` is a file)."""
    return isinstance(source, str) and is_url(source) and not source.strip().startswith("sqlite:")


def parse_url(source: str) -> URL:
    """The URL of a PostgreSQL, MySQL or DuckDB database, or one line saying what is wrong with it."""
    try:
        url = make_url(source.strip())
    except ArgumentError:
        raise FinSQLError(f"{hide_password(source)} is not a database URL; write it as postgresql://user@host/dbname, "
                          "mysql://user@host/dbname or duckdb:///path/file.duckdb") from None
    if url.get_backend_name() not in SERVER_DIALECTS:
        raise FinSQLError(f"FinSQL reads SQLite files, PostgreSQL, MySQL (MariaDB) and DuckDB, not "
                          f"{url.get_backend_name()}; give one of those")
    if not url.database:
        raise FinSQLError(f"{hide_password(source)} names no database; add it, as in "
                          "postgresql://user@host/fund or duckdb:///path/fund.duckdb")
    if url.get_backend_name() == "duckdb" and not Path(url.database).is_file():
        raise FinSQLError(f"DuckDB file {url.database} does not exist")
    return with_driver(url)


def with_driver(url: URL) -> URL:
    """``url`` with the driver FinSQL installs where it names none: psycopg (3) for PostgreSQL, PyMySQL for
    MySQL and MariaDB."""
    drivers = {"postgresql": "postgresql+psycopg", "mysql": "mysql+pymysql"}
    return url.set(drivername=drivers.get(url.drivername, url.drivername))


def dialect_of(source: str) -> str:
    """The sqlglot dialect of the database ``source`` names, read from a URL's scheme (nothing is opened)."""
    if not names_server(source):
        return "sqlite"
    return SERVER_DIALECTS.get(parse_url(source).get_backend_name(), "sqlite")


def hide_password(source: str) -> str:
    return re.sub(r"(://[^:/@]+:)[^@/]*@", r"\1***@", source)


def database_name(url: URL) -> str:
    """What a database by URL is called: the server's database name, a DuckDB file's stem. A PostgreSQL
    database named ``fund`` is fund: it gets fund's descriptions and LoRA module."""
    return Path(url.database).stem if url.get_backend_name() == "duckdb" else str(url.database)


def files_folder(url: URL) -> Path:
    """Where a database by URL keeps what FinSQL writes for it (descriptions, verified examples, glossary):
    under the cache, one folder per URL without its password."""
    label = url.render_as_string(hide_password=True)
    return cache_dir() / "warehouses" / f"{database_name(url)}-{hashlib.sha256(label.encode()).hexdigest()[:10]}"


def open_engine(url: URL, label: str) -> Engine:
    """A read-only engine for ``url``; one line naming it by ``label`` (the URL as given, no password) if it
    cannot connect."""
    backend = url.get_backend_name()
    if backend == "postgresql":
        connect_args = {"options": "-c default_transaction_read_only=on", "connect_timeout": CONNECT_TIMEOUT_S}
    elif backend == "mysql":
        connect_args = {"init_command": "SET SESSION TRANSACTION READ ONLY", "connect_timeout": CONNECT_TIMEOUT_S,
                        "charset": "utf8mb4"}
    else:
        connect_args = {"read_only": True,
                        "config": {"enable_external_access": False, "memory_limit": DUCKDB_MEMORY_LIMIT,
                                   "lock_configuration": True}}
    try:
        engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (NoSuchModuleError, ModuleNotFoundError) as err:
        raise FinSQLError(f"no driver for {label} ({first_line(err)}); run: make setup") from None
    except Exception as err:  # noqa: BLE001 - refused login, server down, locked file: one line each
        orig = getattr(err, "orig", None) or err
        raise FinSQLError(f"cannot connect to {label}: {first_line(orig) or type(orig).__name__}") from None
    return engine


@contextlib.contextmanager
def limits(conn: Connection, backend: str, timeout_s: float) -> Iterator[Connection]:
    """``conn`` set for one untrusted query: read-only and stopped after ``timeout_s`` by the engine itself."""
    if backend == "postgresql":
        conn.exec_driver_sql("SET TRANSACTION READ ONLY")
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {max(1, round(timeout_s * 1000))}")
        yield conn.execution_options(stream_results=True, max_row_buffer=500)
        return
    if backend == "mysql":
        # The session is read-only from its first command; the limit is MariaDB's seconds or MySQL's ms.
        limit = (f"max_statement_time = {timeout_s:g}" if conn.dialect.is_mariadb
                 else f"max_execution_time = {max(1, round(timeout_s * 1000))}")
        # Divisions keep 30 decimals, not 4: SQLite divides in floats (100.0 * 1 / 3 = 33.333333333333336).
        conn.exec_driver_sql(f"SET SESSION {limit}, div_precision_increment = 30")
        yield conn.execution_options(stream_results=True, max_row_buffer=500)
        return
    raw = conn.connection.dbapi_connection
    timer = threading.Timer(timeout_s, raw.interrupt)
    timer.start()
    try:
        yield conn
    finally:
        timer.cancel()


def driver_text(sql: str, backend: str) -> str:
    """``sql`` as the driver must be handed it: psycopg reads % as the start of a parameter even where none
    are given, so a literal one is %%."""
    return sql.replace("%", "%%") if backend in ("postgresql", "mysql") else sql


def timed_out(err: Exception) -> bool:
    """Whether the engine stopped the query for its time limit."""
    orig = getattr(err, "orig", None) or err
    code = orig.args[0] if isinstance(getattr(orig, "args", None), tuple) and orig.args else None
    # PostgreSQL's query_canceled; MariaDB's 1969 and MySQL's 3024: the statement ran past its limit.
    return getattr(orig, "sqlstate", None) == "57014" or code in (1969, 3024) or "INTERRUPT" in str(orig).upper()
