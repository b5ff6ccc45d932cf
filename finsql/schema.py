"""A database's schema: introspected tables, columns, keys and sample values, plus the English and
Chinese descriptions from ``schemas/<db>.yaml`` (format in schemas/README.md).

    python -m finsql schema --db fund            # print the schema as the model sees it
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from sqlalchemy import inspect, text

from finsql.db import Database
from finsql.dialects import number_kind
from finsql.errors import FinSQLError
from finsql.paths import schemas_dir

SAMPLE_VALUES = 3
BRIEF_CHARS = 48  # longest column description kept by the brief style
SchemaStyle = Literal["full", "brief"]


@dataclass
class Column:
    table: str
    name: str
    type: str
    primary_key: bool = False
    en: str = ""
    zh: str = ""
    synonyms: list[str] = field(default_factory=list)
    unit: str | None = None
    format: str | None = None
    values: dict[str, str] = field(default_factory=dict)
    values_zh: dict[str, str] = field(default_factory=dict)
    samples: list[str] = field(default_factory=list)

    @property
    def qualified(self) -> str:
        return f"{self.table}.{self.name}"


@dataclass(frozen=True)
class ForeignKey:
    table: str
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]


@dataclass
class Table:
    name: str
    columns: list[Column]
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    en: str = ""
    zh: str = ""
    synonyms: list[str] = field(default_factory=list)

    def column(self, name: str) -> Column | None:
        lowered = name.lower()
        return next((c for c in self.columns if c.name.lower() == lowered), None)

    def shown_columns(self, wanted: Sequence[str]) -> list[Column]:
        """The columns a prompt shows when ``wanted`` are asked for: all when none are, keys always."""
        names = {c.lower() for c in wanted}
        fk_cols = {c.lower() for fk in self.foreign_keys for c in fk.columns}
        return [c for c in self.columns
                if not names or c.name.lower() in names or c.primary_key or c.name.lower() in fk_cols]


@dataclass
class Schema:
    db_id: str
    tables: list[Table]
    en: str = ""
    zh: str = ""

    def table(self, name: str) -> Table | None:
        lowered = name.lower()
        return next((t for t in self.tables if t.name.lower() == lowered), None)

    @property
    def columns(self) -> list[Column]:
        return [c for t in self.tables for c in t.columns]

    def render(self, keep: dict[str, list[str]] | None = None, style: SchemaStyle = "full") -> str:
        """DDL with descriptions as comments; ``keep`` limits it to some tables/columns.

        ``keep`` maps a table name to the column names to show (an empty list shows all of them);
        key columns are always shown so the model can write joins. ``style="brief"`` keeps only the
        first clause of each description, units and codes (no sample values): about a third of the
        tokens (the pipeline's default prompt style).
        """
        blocks = []
        for table in self.tables:
            if keep is not None and table.name not in keep:
                continue
            blocks.append(_render_table(table, table.shown_columns((keep or {}).get(table.name, [])), style))
        return "\n\n".join(blocks)


def _first_clause(text: str, limit: int) -> str:
    clause = re.split(r"[;(]|\. |, e\.g", text, maxsplit=1)[0].strip().rstrip(".,")
    return clause if len(clause) <= limit else clause[: limit - 1].rstrip() + "…"


def _comment(column: Column, style: SchemaStyle) -> str:
    if style == "brief":
        parts = [_first_clause(column.en, BRIEF_CHARS)] if column.en else []
        if column.unit:
            parts.append(column.unit)
        if column.values:
            parts.append(", ".join(f"{k}={v}" for k, v in column.values.items()))
        elif column.format and len(column.format) <= BRIEF_CHARS // 2:
            parts.append(column.format)
        return "; ".join(parts)
    parts = [column.en.rstrip(".")] if column.en else []
    if column.unit:
        parts.append(f"unit: {column.unit}")
    if column.values:
        parts.append("codes: " + ", ".join(f"{k}={v}" for k, v in column.values.items()))
    elif column.format:
        parts.append(f"format: {column.format}")
    if column.samples and not column.values:
        parts.append("e.g. " + ", ".join(column.samples))
    return "; ".join(parts)


def _render_table(table: Table, columns: list[Column], style: SchemaStyle) -> str:
    about = _first_clause(table.en, 2 * BRIEF_CHARS) if style == "brief" else table.en.rstrip(".")
    header = f"CREATE TABLE {table.name} (" + (f"  -- {about}" if about else "")
    entries: list[tuple[str, str]] = []  # (definition, comment)
    key = [c.name for c in table.columns if c.primary_key]
    for column in columns:
        pk = " PRIMARY KEY" if column.primary_key and len(key) == 1 else ""
        entries.append((f"{column.name} {column.type}{pk}", _comment(column, style)))
    shown = {c.name for c in columns}
    if len(key) > 1:
        entries.append((f"PRIMARY KEY ({', '.join(key)})", ""))
    for fk in table.foreign_keys:
        if set(fk.columns) <= shown:
            refs = f"{fk.ref_table}({', '.join(fk.ref_columns)})"
            entries.append((f"FOREIGN KEY ({', '.join(fk.columns)}) REFERENCES {refs}", ""))
    lines = []
    for i, (definition, comment) in enumerate(entries):
        sep = "," if i < len(entries) - 1 else ""
        lines.append(f"  {definition}{sep}" + (f"  -- {comment}" if comment else ""))
    return "\n".join([header, *lines, ");"])


def _load_descriptions(path: Path) -> dict:
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise FinSQLError(f"{path} is not valid YAML{where}; fix the file or remove it") from None
    if not isinstance(loaded, dict):
        raise FinSQLError(f"{path} must be a mapping with 'tables'; see schemas/README.md")
    return loaded


def _samples(db: Database, table: str, column: str) -> list[str]:
    # A bounded scan instead of SELECT DISTINCT over the whole table keeps introspection fast.
    name = db.quote(column)
    sql = f"SELECT {name} FROM {db.quote(table)} WHERE {name} IS NOT NULL LIMIT 200"
    with db.engine.connect() as conn:
        values = [row[0] for row in conn.execute(text(sql))]
    distinct: list[str] = []
    for value in values:
        rendered = repr(value) if isinstance(value, str) else str(value)
        if rendered not in distinct and len(rendered) <= 60:
            distinct.append(rendered)
        if len(distinct) == SAMPLE_VALUES:
            break
    return distinct


def shown_type(declared: str, dialect: str) -> str:
    """The column type the model is shown: as declared in SQLite, the dialect it writes; another engine's
    whole numbers, real numbers and text by SQLite's names (BIGINT -> INTEGER, DOUBLE PRECISION -> REAL,
    VARCHAR(20) -> TEXT), so the same table reads the same wherever it lives. Dates and others stay."""
    if dialect == "sqlite":
        return declared
    if (kind := number_kind(declared)) is not None:
        return kind
    if any(word in declared.upper() for word in ("CHAR", "TEXT", "CLOB", "STRING")):
        return "TEXT"
    return declared


def descriptions_path(db: Database) -> Path:
    """``schemas/<db name>.yaml`` for a bundled database (by file or URL), else its own ``<name>.yaml``
    (beside a SQLite file; under the cache for a database by URL)."""
    bundled = schemas_dir() / f"{db.name}.yaml"
    return bundled if bundled.is_file() else db.side_file(".yaml")


def _keys(db: Database, inspector) -> dict[str, tuple[list[str], list[dict]]] | None:
    """Each table's primary key and foreign keys (as SQLAlchemy's inspector gives them) where the inspector
    cannot read them: DuckDB's driver asks PostgreSQL's catalog queries DuckDB does not answer, so they
    come from DuckDB's own ``duckdb_constraints()``. None: ask the inspector."""
    if db.dialect != "duckdb":
        return None
    keys: dict[str, tuple[list[str], list[dict]]] = {t: ([], []) for t in inspector.get_table_names()}
    sql = ("SELECT table_name, constraint_type, constraint_column_names, referenced_table, referenced_column_names "
           "FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')")
    with db.engine.connect() as conn:
        for table, kind, columns, referred, referred_columns in conn.execute(text(sql)):
            if table not in keys:
                continue
            if kind == "PRIMARY KEY":
                keys[table][0].extend(columns)
            else:
                keys[table][1].append({"constrained_columns": columns, "referred_table": referred,
                                       "referred_columns": referred_columns})
    return keys


def load_schema(db: Database, descriptions: Path | None = None) -> Schema:
    """Introspect ``db`` and merge its descriptions file (``descriptions_path`` unless one is given)."""
    path = descriptions or descriptions_path(db)
    described = _load_descriptions(path) if path.is_file() else {}
    described_tables = described.get("tables") or {}
    inspector = inspect(db.engine)
    keys = _keys(db, inspector)
    tables = []
    for table_name in sorted(inspector.get_table_names()):
        info = described_tables.get(table_name) or {}
        col_info = info.get("columns") or {}
        pk = set(keys[table_name][0] if keys
                 else inspector.get_pk_constraint(table_name).get("constrained_columns") or [])
        columns = []
        for col in inspector.get_columns(table_name):
            meta = col_info.get(col["name"]) or {}
            columns.append(Column(
                table=table_name,
                name=col["name"],
                type=shown_type(str(col["type"]), db.dialect),
                primary_key=col["name"] in pk,
                en=str(meta.get("en", "")),
                zh=str(meta.get("zh", "")),
                synonyms=[str(s) for s in meta.get("synonyms") or []],
                unit=meta.get("unit"),
                format=meta.get("format"),
                values={str(k): str(v) for k, v in (meta.get("values") or {}).items()},
                values_zh={str(k): str(v) for k, v in (meta.get("values_zh") or {}).items()},
                samples=_samples(db, table_name, col["name"]),
            ))
        foreign_keys = [
            ForeignKey(table_name, tuple(fk["constrained_columns"]), fk["referred_table"],
                       tuple(fk["referred_columns"]))
            for fk in (keys[table_name][1] if keys else inspector.get_foreign_keys(table_name))
        ]
        tables.append(Table(table_name, columns, foreign_keys, en=str(info.get("en", "")),
                            zh=str(info.get("zh", "")), synonyms=[str(s) for s in info.get("synonyms") or []]))
    description = described.get("description") or {}
    return Schema(db.name, tables, en=str(description.get("en", "")), zh=str(description.get("zh", "")))
