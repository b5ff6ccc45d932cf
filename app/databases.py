"""The sidebar's own-database panels: add a SQLite file (a path, or an upload kept as a copy) or a PostgreSQL,
MySQL or DuckDB URL, with its index built under a progress bar, and edit and keep the descriptions drafted for it.

The databases a session added are kept in ``st.session_state["added_databases"]``.
"""

from __future__ import annotations

import streamlit as st

from finsql import Pipeline
from finsql.errors import FinSQLError
from finsql.own_database import draft_descriptions, keep_descriptions, open_database, uploaded_copy
from finsql.schema import descriptions_path


def added_databases() -> list[str]:
    return st.session_state.setdefault("added_databases", [])


def add_database(pipeline: Pipeline) -> str | None:
    """The "Add your database" panel; the path of a database added on this run, else None."""
    with st.expander("Add your database"):
        path = st.text_input("Path of a SQLite file on this machine, or a database URL", key="add_path",
                             help="Opened where it is, read-only; postgresql://user@host/dbname, "
                                  "mysql://user@host/dbname or duckdb:///path/file.duckdb")
        upload = st.file_uploader("or upload one", type=["sqlite", "sqlite3", "db"], key="add_upload",
                                  help="Kept as a copy and opened read-only")
        if not st.button("Add", key="add_database", icon=":material/add:", disabled=not (path or upload)):
            return None
        try:
            target = uploaded_copy(upload.name, upload.getvalue()) if upload is not None else path.strip()
            db, schema = open_database(target)
            bar = st.progress(0.0, text="Building the retrieval index…")
            pipeline.schema_index(db.source, progress=lambda share, doing: bar.progress(share, text=doing))
        except FinSQLError as err:
            st.error(f"Not added: {err}")
            return None
        st.success(f"Added {db.name}: {len(schema.tables)} tables. Check the drafted descriptions below.")
        added = db.source
        if added not in added_databases():
            added_databases().insert(0, added)
        return added


def edit_descriptions(pipeline: Pipeline, db: str) -> None:
    """Edit the descriptions of a database of one's own: a draft from its names, keys and values until kept."""
    database, schema = pipeline.database(db)
    path = descriptions_path(database)
    with st.expander("Descriptions" + ("" if path.is_file() else " (a draft: edit and keep it)")):
        st.caption("What each table and column means, in English (and Chinese); retrieval and the prompt use it.")
        text = st.text_area("Descriptions (YAML)", value=path.read_text(encoding="utf-8") if path.is_file()
                            else draft_descriptions(schema), key=f"descriptions_{db}", height=240)
        if st.button("Keep descriptions", key=f"keep_descriptions_{db}", icon=":material/save:"):
            try:
                kept = keep_descriptions(database, schema, text)
            except FinSQLError as err:
                st.error(f"Not kept: {err}")
                return
            pipeline.forget(db)  # the next question reads the new descriptions and builds its index again
            st.success(f"Kept as {kept.name}; the next question uses them.")
