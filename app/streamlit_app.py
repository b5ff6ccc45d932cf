"""FinSQL chat: ask a finance database questions in English or Chinese, see the SQL and why to trust it.

    streamlit run app/streamlit_app.py        # or: make run

Settings come from the environment: FINSQL_MODEL (a named model, default qwen2.5-coder-0.5b),
FINSQL_CONFIG (a TOML settings file, see README) and FINSQL_DATABASES (extra SQLite files to offer,
separated by os.pathsep).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import streamlit as st

if str(Path(__file__).resolve().parent) not in sys.path:  # render.py beside this file, however it is run
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from databases import add_database, added_databases, edit_descriptions  # noqa: E402
from feedback import edit_glossary, show_feedback  # noqa: E402
from render import ProgressView, show_answer  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from finsql import FinSQLError, Pipeline  # noqa: E402
from finsql.bundled import DATABASES  # noqa: E402
from finsql.pipeline import MAX_QUESTION_CHARS  # noqa: E402
from finsql.prompt.builder import Turn  # noqa: E402
from finsql.warehouse import database_name, hide_password, is_url, listed_databases  # noqa: E402

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
st.set_page_config(page_title="FinSQL", page_icon=":material/query_stats:", layout="wide")

MODEL = os.environ.get("FINSQL_MODEL") or None  # None: the config file's model, else the default
CONFIG = os.environ.get("FINSQL_CONFIG") or None
EXTRA_DATABASES = listed_databases(os.environ.get("FINSQL_DATABASES", ""))


@st.cache_resource(show_spinner=False)
def get_pipeline(model: str | None, config: str | None) -> Pipeline:
    """One pipeline per server process; its model and indexes load on first use and stay loaded."""
    return Pipeline.from_config(Path(config) if config else None, **({"model__name": model} if model else {}))


@st.cache_resource(show_spinner=False)
def load_model(model: str | None, config: str | None) -> bool:
    _ = get_pipeline(model, config).generator  # (a bare expression would be displayed by Streamlit)
    return True


@st.cache_resource(show_spinner=False)
def load_index(model: str | None, config: str | None, db: str) -> bool:
    # Everything before generation, once: the retrieval index (from the disk cache, or built), the
    # embedding model, the few-shot examples and the module's card. The first question then waits
    # for its SQL alone (19.8 s -> 9.3 s on fund, benchmarks/RESULTS.md).
    get_pipeline(model, config).prepare("How many rows are there?", db)
    return True


@st.cache_resource(show_spinner=False)
def loaded() -> set:
    """The (model, config, database) combinations this server process has loaded, for every session."""
    return set()


def ready_pipeline(db: str, slot) -> Pipeline:
    """The pipeline with its model and ``db``'s retrieval index loaded, showing progress in ``slot`` the first time."""
    if (MODEL, CONFIG, db) not in loaded():
        start = time.perf_counter()
        with slot.status("Getting ready (first time only)…", expanded=True) as status:
            try:
                st.write(f"Loading the model {get_pipeline(MODEL, CONFIG).config.model.name}…")
                load_model(MODEL, CONFIG)
                st.write(f"Loading the schema, retrieval index and examples of {label(db)}…")
                load_index(MODEL, CONFIG, db)
            except FinSQLError as err:
                status.update(label="Could not start", state="error")
                st.error(str(err))
                st.stop()
            loaded().add((MODEL, CONFIG, db))
            status.update(label=f"Ready in {time.perf_counter() - start:.0f} s", state="complete", expanded=False)
    return get_pipeline(MODEL, CONFIG)


def label(db: str) -> str:
    if db in DATABASES:
        return db
    return database_name(make_url(db)) if is_url(db) else Path(db).stem


def option_label(db: str) -> str:
    """Bundled names as they are; URLs without their password; extra files by file name (the whole path if
    two share a name)."""
    if db in DATABASES:
        return db
    if is_url(db):
        return hide_password(db)
    same_name = {p for p in [*added_databases(), *EXTRA_DATABASES] if Path(p).name == Path(db).name}
    return Path(db).name if len(same_name) <= 1 else db


# --- sidebar: database and conversation -----------------------------------------------------------
with st.sidebar:
    st.title("FinSQL")
    # databases added in this session first, then those named in FINSQL_DATABASES, then the bundled ones
    options = list(dict.fromkeys([*added_databases(), *EXTRA_DATABASES, *DATABASES]))
    if (chosen := st.session_state.pop("choose_db", None)) is not None:
        st.session_state.db = chosen  # set before the selectbox exists: Streamlit allows it only then
    db = st.selectbox("Database", options, format_func=option_label, key="db",
                      help="Each database keeps its own conversation.")

pipeline = ready_pipeline(db, st.empty())  # an empty slot on later runs, so the status never lingers
conversations = st.session_state.setdefault("conversations", {})
st.session_state.messages = messages = conversations.setdefault(db, [])

with st.sidebar:
    database, schema = pipeline.database(db)
    with st.expander(f"About this database · {len(schema.tables)} table{'s' * (len(schema.tables) != 1)}"):
        if schema.en or schema.zh:
            st.caption(schema.en or schema.zh)
        st.markdown("\n".join(f"- `{t.name}` {t.en or t.zh}" for t in schema.tables))
    edit_glossary(database, schema)
    if db not in DATABASES:
        edit_descriptions(pipeline, db)
    if (new_db := add_database(pipeline)) is not None:
        st.session_state.choose_db = new_db
        st.rerun()
    if st.button("New conversation", icon=":material/refresh:", disabled=not messages):
        messages.clear()
        st.rerun()
    g = pipeline.config.generation
    st.caption(f"Model: {pipeline.config.model.name} · {g.candidates} candidates per question, "
               "voted on by their results.")

# --- chat ----------------------------------------------------------------------------------------
st.header(f"Ask the {label(db)} database")
st.caption("In English or Chinese (中文). Every answer shows its SQL, the result, and why to trust it. "
           "Follow-up questions (\"and for 2023?\") build on the conversation.")

for i, message in enumerate(messages):
    with st.chat_message(message["role"]):
        if message["role"] == "user":
            st.markdown(message["content"])
        elif "answer" in message:
            show_answer(message["answer"], key=f"{option_label(db)}_{i}")
            show_feedback(message["answer"], f"{option_label(db)}_{i}", database)
        else:
            st.error(message["content"])

if question := st.chat_input(f"Ask a question about {label(db)} (English or 中文)", max_chars=MAX_QUESTION_CHARS):
    # Follow-ups are read in the light of this database's earlier turns that produced working SQL.
    history = [Turn(m["answer"].question, m["answer"].sql) for m in messages
               if "answer" in m and m["answer"].ok and m["answer"].sql]
    with st.chat_message("user"):
        st.markdown(question)
    with st.chat_message("assistant"):
        g = pipeline.config.generation
        view = ProgressView(g.candidates if g.sample_when == "always" else 1)
        try:
            answer = pipeline.ask(question, db, history=history, progress=view)
            reply = {"role": "assistant", "answer": answer}
        except FinSQLError as err:
            reply = {"role": "assistant", "content": str(err)}
        view.finish(answered="answer" in reply)
        # Stored together, so a run cut short (the database switched mid-answer) leaves no orphan question.
        messages += [{"role": "user", "content": question}, reply]
        if "answer" in reply:
            show_answer(answer, key=f"{option_label(db)}_{len(messages) - 1}")
            show_feedback(answer, f"{option_label(db)}_{len(messages) - 1}", database)
        else:
            st.error(reply["content"])
