"""Tables of the bundled databases, declared one way: a spec of column definitions becomes the DDL.

A spec lists ``Name TYPE [column constraints]`` definitions, one per line or separated by commas
(``InnerCode INTEGER NOT NULL REFERENCES secumain (InnerCode), TradingDay TEXT NOT NULL``); the
primary key, table-level foreign keys and UNIQUE constraints are arguments. Rows go in by column name.
"""

from __future__ import annotations

import sqlite3

ForeignKey = tuple[tuple[str, ...], str, tuple[str, ...]]  # (columns, referenced table, referenced columns)


def column_definitions(spec: str) -> list[str]:
    """The spec's definitions, split at line ends and at commas outside parentheses, white space folded.

    >>> column_definitions("ID INTEGER, Rate REAL NOT NULL\\n  Code TEXT REFERENCES codes (Code)")
    ['ID INTEGER', 'Rate REAL NOT NULL', 'Code TEXT REFERENCES codes (Code)']
    """
    definitions, depth, current = [], 0, ""
    for char in spec + "\n":
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "\n" or (char == "," and depth == 0):
            if current.strip():
                definitions.append(" ".join(current.split()))
            current = ""
        else:
            current += char
    return definitions


def create_table(conn: sqlite3.Connection, name: str, spec: str, pk: tuple[str, ...],
                 fks: tuple[ForeignKey, ...] = (), without_rowid: bool = False,
                 unique: tuple[tuple[str, ...], ...] = ()) -> list[str]:
    """CREATE TABLE from a spec (see the module's docstring); returns the column names in order.

    ``pk`` is the primary key columns (a single INTEGER column stays SQLite's rowid); ``fks`` holds
    table-level foreign keys; ``unique`` the column sets that must be unique together;
    ``without_rowid`` stores the rows clustered by the primary key (smaller for big composite-key tables).
    """
    definitions = column_definitions(spec)
    cols = [definition.split()[0] for definition in definitions]
    defs = [f"  {definition}" for definition in definitions]
    defs.append(f"  PRIMARY KEY ({', '.join(pk)})")
    for columns in unique:
        defs.append(f"  UNIQUE ({', '.join(columns)})")
    for columns, ref_table, ref_columns in fks:
        defs.append(f"  FOREIGN KEY ({', '.join(columns)}) REFERENCES {ref_table} ({', '.join(ref_columns)})")
    suffix = " WITHOUT ROWID" if without_rowid else ""
    conn.execute(f"CREATE TABLE {name} (\n" + ",\n".join(defs) + "\n)" + suffix)
    return cols


def insert_dicts(conn: sqlite3.Connection, name: str, cols: list[str], rows: list[dict]) -> None:
    marks = ", ".join("?" for _ in cols)
    conn.executemany(f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({marks})",
                     [tuple(row.get(c) for c in cols) for row in rows])


def insert_tuples(conn: sqlite3.Connection, name: str, cols: list[str], rows: list[tuple]) -> None:
    marks = ", ".join("?" for _ in cols)
    conn.executemany(f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({marks})", rows)
