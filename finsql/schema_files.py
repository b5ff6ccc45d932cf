"""Schemas given as files (BULL / Spider ``tables.json``, BULL ``db_info.json``) without a database.

Retrieval needs tables, columns, keys and descriptions, not rows. Each database in ``tables.json``
becomes an empty SQLite file with the same tables, keys and types, plus a descriptions file beside it
(``<db>.yaml``, the schemas/ format) built from ``db_info.json`` and the natural-language names in
``tables.json``. The pipeline then treats it like any other database. Files are cached under a hash
of the inputs and rebuilt when they change.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import yaml

from finsql.errors import FinSQLError
from finsql.paths import cache_dir, read_text_file

_TYPES = {"number": "REAL", "int": "INTEGER", "integer": "INTEGER", "real": "REAL", "time": "TEXT",
          "text": "TEXT", "boolean": "INTEGER"}
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _read_json(path: Path, what: str) -> Any:
    text = read_text_file(path, what)
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise FinSQLError(f"{what} {path} is not valid JSON (line {err.lineno}): {err.msg}") from None


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create_statements(entry: dict) -> list[str]:
    tables = entry["table_names_original"]
    columns = entry["column_names_original"]  # [[table index, name]], index -1 is Spider's "*"
    types = entry.get("column_types") or ["text"] * len(columns)
    pk_cols = {c for key in entry.get("primary_keys") or [] for c in (key if isinstance(key, list) else [key])}
    statements = []
    for t, table in enumerate(tables):
        mine = [i for i, (owner, _) in enumerate(columns) if owner == t]
        defs = [f"{_quote(columns[i][1])} {_TYPES.get(str(types[i]).lower(), 'TEXT')}" for i in mine]
        keys = [columns[i][1] for i in mine if i in pk_cols]
        if keys:
            defs.append(f"PRIMARY KEY ({', '.join(_quote(k) for k in keys)})")
        for src, ref in entry.get("foreign_keys") or []:
            if columns[src][0] == t:
                ref_table = tables[columns[ref][0]]
                defs.append(f"FOREIGN KEY ({_quote(columns[src][1])}) REFERENCES {_quote(ref_table)}"
                            f"({_quote(columns[ref][1])})")
        statements.append(f"CREATE TABLE {_quote(table)} ({', '.join(defs)})")
    return statements


def _text_fields(text: str) -> dict[str, str]:
    text = str(text or "").strip()
    if not text:
        return {}
    return {"zh": text} if _CJK.search(text) else {"en": text}


def _descriptions(entry: dict, info: dict | None) -> dict:
    """The schemas/ YAML structure from tables.json natural names and db_info.json descriptions."""
    tables = entry["table_names_original"]
    natural_tables = entry.get("table_names") or tables
    columns = entry["column_names_original"]
    natural_columns = entry.get("column_names") or columns
    out: dict[str, dict] = {}
    for t, table in enumerate(tables):
        described = {"en": str(natural_tables[t]), "zh": "", "columns": {}}
        for i, (owner, name) in enumerate(columns):
            if owner == t:
                described["columns"][name] = {"en": str(natural_columns[i][1]), "zh": ""}
        out[table] = described
    for table, description in (info or {}).get("table_name") or []:
        if table in out:
            out[table].update(_text_fields(description))
    for block in (info or {}).get("column_info") or []:
        table = block.get("table")
        if table not in out:
            continue
        names = block.get("columns") or []
        for key, lang in (("column_chiName", "zh"), ("column_engName", "en"), ("column_description", None)):
            for name, text in zip(names, block.get(key) or [], strict=False):
                if name in out[table]["columns"] and text:
                    fields = {lang: str(text)} if lang else _text_fields(text)
                    out[table]["columns"][name].update(fields)
    return {"tables": out}


def schema_only_databases(tables_json: Path, db_info_json: Path | None = None) -> Path:
    """A folder of ``<db_id>/<db_id>.sqlite`` (empty tables) + ``<db_id>.yaml``, one per database."""
    entries = _read_json(tables_json, "tables file")
    infos = _read_json(db_info_json, "db_info file") if db_info_json else []
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "db_id" in e for e in entries):
        raise FinSQLError(f"{tables_json} must be a list of databases with db_id, table_names_original, "
                          "column_names_original (the Spider/BULL tables.json format)")
    by_name = {i.get("db_name"): i for i in infos if isinstance(i, dict)}
    digest = hashlib.sha256(json.dumps([entries, infos], sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    root = cache_dir() / "schema_only" / digest[:16]
    for entry in entries:
        db_id = entry["db_id"]
        folder = root / db_id
        if (folder / f"{db_id}.sqlite").is_file():
            continue
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f"{db_id}.sqlite.tmp"
        tmp.unlink(missing_ok=True)
        try:
            with sqlite3.connect(tmp) as conn:
                for statement in _create_statements(entry):
                    conn.execute(statement)
            conn.close()
        except (KeyError, IndexError, TypeError, sqlite3.Error) as err:
            raise FinSQLError(f"{tables_json}: database {db_id!r} cannot be built ({err})") from None
        (folder / f"{db_id}.yaml").write_text(
            yaml.safe_dump(_descriptions(entry, by_name.get(db_id)), allow_unicode=True, sort_keys=False),
            encoding="utf-8")
        tmp.replace(folder / f"{db_id}.sqlite")
    return root
