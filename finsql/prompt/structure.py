"""What a schema's own structure says a query needs, for a database met without train pairs.

Two things questions rarely name but their SQL usually needs, found from the schema alone:

* **Entity tables** (securities, companies, fund managers, customers, districts) hold the names
  that answers show and questions use, and most queries join through them. An entity table has a
  single-column key with a specific name (``InnerCode``, ``customer_id``; a bare ``id`` is a row
  number, not a join key), some other table refers to that key (a foreign key, or a column of the
  same name), and it has name columns (``SecuAbbr``, ``ChiName``, ``name_zh``). A retrieved table
  is linked to an entity table by a foreign key either way or by a shared identifier column
  (``CompanyCode`` in a statement and in the securities master).
* **Time columns**: a table's first date column and its ``Year``/``Quarter``/``Month`` columns,
  which nearly every finance question filters on.

The train-usage prior (``prior.py``) learns the same from a database's train SQL; this is what a
database gets before it has any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from finsql.schema import Column, Schema, Table

_NAME_COLUMN = re.compile(r"(name|abbr|title)|(code|_no)$", re.IGNORECASE)
_DATE_COLUMN = re.compile(r"(date|day|time)$", re.IGNORECASE)
_PERIOD_COLUMNS = {"year", "quarter", "month"}
_GENERIC_KEYS = {"id", "rowid"}
MAX_NAME_COLUMNS = 6


@dataclass(frozen=True)
class EntityTable:
    name: str
    key: str
    name_columns: tuple[str, ...]


@dataclass(frozen=True)
class SchemaStructure:
    entities: dict[str, EntityTable]  # table -> what makes it an entity table
    links: dict[str, tuple[str, ...]]  # table -> entity tables it joins directly
    time_columns: dict[str, tuple[str, ...]]  # table -> its time axis

    @classmethod
    def of(cls, schema: Schema) -> SchemaStructure:
        entities = {e.name: e for t in schema.tables if (e := _entity(t, schema)) is not None}
        links = {t.name: tuple(e for e in entities if e != t.name and _linked(t, schema.table(e)))
                 for t in schema.tables}
        return cls(entities, links, {t.name: _time_columns(t) for t in schema.tables})


def _is_text(column: Column) -> bool:
    kind = column.type.upper()
    return "CHAR" in kind or "TEXT" in kind or not kind


def _entity(table: Table, schema: Schema) -> EntityTable | None:
    keys = [c for c in table.columns if c.primary_key]
    if len(keys) != 1 or keys[0].name.lower() in _GENERIC_KEYS:
        return None
    key = keys[0].name
    referred = any(fk.ref_table == table.name for other in schema.tables for fk in other.foreign_keys) or any(
        other is not table and other.column(key) is not None for other in schema.tables)
    names = tuple(c.name for c in table.columns
                  if c.name != key and _is_text(c) and _NAME_COLUMN.search(c.name))[:MAX_NAME_COLUMNS]
    return EntityTable(table.name, key, names) if referred and names else None


def _id_columns(table: Table) -> set[str]:
    return {c.name.lower() for c in table.columns
            if c.name.lower() not in _GENERIC_KEYS and (c.primary_key or _is_identifier(c.name))}


def _is_identifier(name: str) -> bool:
    """``CompanyCode``, ``customer_id``, ``PersonID``; not ``paid`` or ``valid``."""
    return name.lower().endswith(("code", "_id")) or name.endswith(("Id", "ID"))


def _linked(table: Table, entity: Table) -> bool:
    by_key = any(fk.ref_table == entity.name for fk in table.foreign_keys) or any(
        fk.ref_table == table.name for fk in entity.foreign_keys)
    return by_key or bool(_id_columns(table) & _id_columns(entity))


def _time_columns(table: Table) -> tuple[str, ...]:
    periods = [c.name for c in table.columns if c.name.lower() in _PERIOD_COLUMNS]
    dates = [c.name for c in table.columns if "DATE" in c.type.upper() or _DATE_COLUMN.search(c.name)]
    return tuple(dates[:1] + periods)
