"""Teaching the chat: confirm an answer, or fix its SQL, run the fix through the read-only guard, and
save the pair as a verified example of the database (``finsql.verified``); edit the database's
business terms (``finsql.glossary``).

What a user does here is kept per answer in ``st.session_state["feedback"]``; the answer itself is
never changed, so earlier answers stay as they were.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from finsql import Answer
from finsql.db import Database
from finsql.errors import FinSQLError
from finsql.glossary import glossary_path, save_glossary
from finsql.schema import Schema
from finsql.verified import ExampleStore

GLOSSARY_TEMPLATE = "terms:\n  # equity fund: mf_fundarchives.FundTypeCode = 1101\n"


def _state(key: str) -> dict:
    return st.session_state.setdefault("feedback", {}).setdefault(key, {})


def _save(state: dict, db: Database, question: str, sql: str) -> None:
    try:
        state["saved"] = ExampleStore(db).add(question, sql).id
        state.pop("problem", None)
    except FinSQLError as err:
        state["problem"] = str(err)


def show_feedback(answer: Answer, key: str, db: Database) -> None:
    """"Correct" / "Wrong" under an answer; "Wrong" opens an editor whose SQL can be run and saved."""
    if answer.verified is not None:
        return  # answered from the user's own verified pair: nothing to confirm
    state = _state(key)
    right, wrong, _ = st.columns([1, 1, 4])
    if right.button("Correct", key=f"right_{key}", icon=":material/thumb_up:", disabled=not answer.ok,
                    help="Save this question and SQL as a verified example of the database"):
        _save(state, db, answer.question, answer.sql)
    if wrong.button("Wrong", key=f"wrong_{key}", icon=":material/thumb_down:", help="Fix the SQL"):
        state["editing"] = True
    if state.get("editing"):
        sql = st.text_area("Fix the SQL, run it, then save it as verified", value=state.get("sql", answer.sql),
                           key=f"sql_{key}", height=120)
        run, save, _ = st.columns([1, 2, 3])
        if run.button("Run", key=f"run_{key}", icon=":material/play_arrow:"):
            state["sql"], state["result"] = sql, db.execute(sql)  # the chat's own guard and limits
        if save.button("Save as verified", key=f"save_{key}", icon=":material/verified:"):
            state["sql"] = sql
            _save(state, db, answer.question, sql)
        if (result := state.get("result")) is not None:
            if result.ok:
                st.dataframe(pd.DataFrame(result.rows, columns=result.columns), hide_index=True)
                st.caption(f"{len(result.rows)} row{'s' * (len(result.rows) != 1)}"
                           + (" (truncated)" if result.truncated else ""))
            else:
                st.error(result.error)
    if "saved" in state:
        st.success(f"Saved as verified example {state['saved']}: this question is answered with that SQL from "
                   "now on, and similar ones see it as an example.")
    if "problem" in state:
        st.error(f"Not saved: {state['problem']}")


def edit_glossary(db: Database, schema: Schema) -> None:
    """The sidebar's editor of the database's business terms; saved only when every term checks out."""
    path = glossary_path(db)
    with st.expander("Business terms"):
        st.caption("What your words mean in this database, one `term: table.column` or condition per line. "
                   "A question that uses a term gets its columns and meaning.")
        text = st.text_area("Glossary (YAML)", value=path.read_text(encoding="utf-8") if path.is_file()
                            else GLOSSARY_TEMPLATE, key=f"glossary_{db.source}", height=160)
        if st.button("Save terms", key=f"save_glossary_{db.source}", icon=":material/save:"):
            try:
                saved = save_glossary(db, schema, text)
                st.success(f"Saved {len(saved.terms)} term{'s' * (len(saved.terms) != 1)} to {path.name}.")
            except FinSQLError as err:
                st.error(f"Not saved: {err}")
