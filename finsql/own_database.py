"""Bringing your own database (a SQLite file, an uploaded one kept as a copy, or a PostgreSQL, MySQL or
DuckDB URL), and a first descriptions file drafted from its names, keys and values for you to edit and keep.

The chat's sidebar ("Add your database") uses these. A path is opened where it is, read-only; an
upload is copied under the cache (``uploads/<hash>/<file name>``) and opened read-only from there.
The descriptions file is ``<name>.yaml`` beside the database, which ``load_schema`` reads.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml

from finsql.db import Database
from finsql.errors import FinSQLError
from finsql.paths import cache_dir, write_text_atomically
from finsql.schema import Schema, descriptions_path, load_schema
from finsql.warehouse import is_url

SQLITE_HEADER = b"SQLite format 3\x00"
_PARTS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def open_database(source: str | Path) -> tuple[Database, Schema]:
    """The database at ``source`` (a SQLite file's path, or a PostgreSQL, MySQL or DuckDB URL) with its schema;
    one line naming what is wrong otherwise."""
    if isinstance(source, str) and is_url(source):
        db = Database(source)
    else:
        file = Path(source).expanduser()
        if not file.is_file():
            raise FinSQLError(f"{file} is not a file; give the path of a SQLite database or a database URL")
        with file.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise FinSQLError(f"{file.name} is not a SQLite database (it does not start as one)")
        db = Database(file)
    schema = load_schema(db)
    if not schema.tables:
        raise FinSQLError(f"{db.name} has no tables, so there is nothing to ask about")
    return db, schema


def uploaded_copy(name: str, data: bytes) -> Path:
    """Keep an uploaded database under the cache (the same bytes are kept once) and return its path."""
    if not data.startswith(SQLITE_HEADER):
        raise FinSQLError(f"{name} is not a SQLite database (it does not start as one)")
    stem = re.sub(r"[^\w.-]+", "_", Path(name).stem) or "database"
    folder = cache_dir() / "uploads" / hashlib.sha256(data).hexdigest()[:16]
    target = folder / f"{stem}.sqlite"
    if not target.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        partial.write_bytes(data)
        partial.replace(target)
    return target


def _words(identifier: str) -> str:
    words = [p.lower() for piece in re.split(r"[_\W]+", identifier) for p in _PARTS.findall(piece)]
    return " ".join(words).capitalize() or identifier


def draft_descriptions(schema: Schema) -> str:
    """A descriptions file (schemas/README.md's format) written from the schema alone, to be edited."""
    tables = {}
    for table in schema.tables:
        columns = {}
        for column in table.columns:
            notes = [f"{_words(column.name)}."]
            if column.primary_key:
                notes.append("Key of the table.")
            for fk in table.foreign_keys:
                if column.name in fk.columns:
                    notes.append(f"Joins {fk.ref_table}.{fk.ref_columns[fk.columns.index(column.name)]}.")
            entry = {"en": " ".join(notes), "zh": ""}
            if column.samples:
                entry["format"] = "e.g. " + ", ".join(column.samples[:3])  # samples come quoted as SQL literals
            columns[column.name] = entry
        tables[table.name] = {"en": f"{_words(table.name)}.", "zh": "", "synonyms": [], "columns": columns}
    return yaml.safe_dump({"database": schema.db_id, "tables": tables}, allow_unicode=True, sort_keys=False,
                          width=110)


def keep_descriptions(db: Database, schema: Schema, text: str) -> Path:
    """Check ``text`` names only the database's tables and columns, then save it as its descriptions."""
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as err:
        raise FinSQLError(f"the descriptions are not valid YAML ({str(err).splitlines()[0]})") from None
    tables = raw.get("tables") if isinstance(raw, dict) else None
    if not isinstance(tables, dict):
        raise FinSQLError('the descriptions must hold "tables:", one entry per table')
    for name, entry in tables.items():
        table = schema.table(str(name))
        if table is None:
            raise FinSQLError(f"the descriptions name a table {name!r} that {schema.db_id} does not have")
        for column in (entry or {}).get("columns") or {}:
            if table.column(str(column)) is None:
                raise FinSQLError(f"the descriptions name a column {name}.{column} that {schema.db_id} does not have")
    path = descriptions_path(db)
    write_text_atomically(path, text if text.endswith("\n") else text + "\n", "the descriptions")
    return path
