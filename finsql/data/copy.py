"""Copy a SQLite database into PostgreSQL, MySQL (MariaDB) or DuckDB, to ask it there by URL.

    python -m finsql.data copy fund postgresql://me@localhost/fund
    python -m finsql.data copy data/bank.sqlite duckdb:///warehouse/bank.duckdb

The copy keeps what SQLite stores, so the same SQL means the same there: tables, columns (by their exact
names), primary and foreign keys, and every row. Whole numbers become BIGINT, real numbers DOUBLE
PRECISION (SQLite's REAL and NUMERIC hold 8-byte floats) and everything else TEXT: SQLite keeps dates
as text, and so does the copy. This is the one FinSQL command that writes to a server, so the URL needs
a role allowed to create tables; a target that already holds one of the tables is refused.
"""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import (
    BigInteger,
    Column,
    Double,
    ForeignKeyConstraint,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    create_engine,
    inspect,
)
from sqlalchemy.engine import make_url
from sqlalchemy.types import TypeEngine

from finsql.db import Database
from finsql.dialects import number_kind
from finsql.errors import FinSQLError, first_line
from finsql.warehouse import hide_password, with_driver

BATCH_ROWS = 5000


def _stored_type(declared: TypeEngine) -> type[TypeEngine]:
    return {"INTEGER": BigInteger, "REAL": Double}.get(number_kind(str(declared)), Text)


def _key_columns(inspector) -> set[tuple[str, str]]:
    """(table, column) of every primary key, foreign key and column a foreign key refers to."""
    keys = set()
    for name in inspector.get_table_names():
        keys |= {(name, c) for c in inspector.get_pk_constraint(name).get("constrained_columns") or []}
        for fk in inspector.get_foreign_keys(name):
            keys |= {(name, c) for c in fk["constrained_columns"]}
            keys |= {(fk["referred_table"], c) for c in fk["referred_columns"]}
    return keys


def _target_tables(source: Database, text_keys_need_length: bool) -> MetaData:
    """The source's tables declared again with the types the copy stores (MySQL indexes no TEXT column: a
    text key there is a VARCHAR(255))."""
    inspector = inspect(source.engine)
    keys = _key_columns(inspector) if text_keys_need_length else set()
    metadata = MetaData()
    for name in inspector.get_table_names():
        columns = []
        for c in inspector.get_columns(name):
            stored = _stored_type(c["type"])
            if stored is Text and (name, c["name"]) in keys:
                stored = String(255)
            columns.append(Column(c["name"], stored, autoincrement=False))  # the values are copied as they are
        constraints = []
        key = inspector.get_pk_constraint(name).get("constrained_columns") or []
        if key:
            constraints.append(PrimaryKeyConstraint(*key))
        for number, fk in enumerate(inspector.get_foreign_keys(name)):
            refs = [f"{fk['referred_table']}.{c}" for c in fk["referred_columns"]]
            # Named in SQLite's order: PostgreSQL lists a table's foreign keys by name, and the prompt in order.
            constraints.append(ForeignKeyConstraint(fk["constrained_columns"], refs, name=f"{name}_fk{number:02d}"))
        Table(name, metadata, *columns, *constraints)
    return metadata


def copy_database(source: str | Path, target_url: str, echo=print) -> dict[str, int]:
    """Copy the SQLite database ``source`` (a bundled name or a path) into ``target_url``: rows per table."""
    database = Database(source)
    if database.path is None:
        raise FinSQLError("copy reads a SQLite database (a bundled name or a file); give one as the source")
    label = hide_password(target_url)
    try:
        url = with_driver(make_url(target_url))
        target = create_engine(url)
        existing = set(inspect(target).get_table_names())
    except Exception as err:  # noqa: BLE001 - a bad URL, a refused login, a server that is down: one line
        raise FinSQLError(f"cannot open {label}: {first_line(getattr(err, 'orig', None) or err)}") from None
    metadata = _target_tables(database, text_keys_need_length=url.get_backend_name() == "mysql")
    clash = sorted(existing & set(metadata.tables))
    if clash:
        raise FinSQLError(f"{label} already has table {clash[0]}; copy into an empty database")
    counts: dict[str, int] = {}
    start = time.perf_counter()
    try:
        # One transaction: a copy that fails part way leaves the target as it was.
        with database.engine.connect() as reading, target.begin() as writing:
            metadata.create_all(writing)
            for table in metadata.sorted_tables:  # referred tables first, so foreign keys hold as rows arrive
                names = ", ".join(f'"{c.name}"' for c in table.columns)
                cursor = reading.exec_driver_sql(f'SELECT {names} FROM "{table.name}"')
                counts[table.name] = 0
                while batch := cursor.fetchmany(BATCH_ROWS):
                    writing.execute(table.insert(), [dict(zip(table.columns.keys(), row, strict=True))
                                                     for row in batch])
                    counts[table.name] += len(batch)
    except Exception as err:  # noqa: BLE001 - a refused CREATE, a full disk: one line, the target unchanged
        raise FinSQLError(f"copy into {label} failed: {first_line(getattr(err, 'orig', None) or err)}") from None
    finally:
        target.dispose()  # DuckDB opens a file read-only only once no writing connection holds it
    echo(f"copied {database.name}: {len(counts)} tables, {sum(counts.values())} rows -> {label} "
         f"({time.perf_counter() - start:.1f} s)")
    return counts
