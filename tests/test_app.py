"""The Streamlit chat (app/streamlit_app.py) driven through the real pipeline with scripted candidates.

Retrieval, prompts, repair, execution and the vote are real; the SQL candidates come from a script
(``[model] backend = "scripted"``), so what the chat shows is known in advance on any machine.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from conftest import TEST_MODEL

APP = Path(__file__).resolve().parent.parent / "app" / "streamlit_app.py"
TIMEOUT = 120
COUNT_QUESTION = "How many rows are in daily_close?"
AGREED_QUESTION = "How many tickers are there?"
FAILING_QUESTION = "List the closing price of each trading day."
FOLLOW_UP = "And how many distinct tickers?"
LINE_QUESTION = "Select Month and Rate from policy_rate ordered by Month."
UNLIKELY_QUESTION = "What was the highest closing price?"
# Greedy first; the greedy candidate is the most likely, so it wins a vote of singletons.
SCRIPT = {
    COUNT_QUESTION: [["SELECT COUNT(*) FROM daily_close", -0.1],
                     ["SELECT COUNT(*) FROM daily_close WHERE Ticker = 'AAPL'", -0.9],
                     ["SELECT COUNT(*) FROM daily_close WHERE Volume > 50000", -0.8]],
    AGREED_QUESTION: ["SELECT COUNT(DISTINCT Ticker) FROM daily_close",
                      "SELECT COUNT(DISTINCT Ticker) FROM daily_close",
                      "SELECT COUNT(*) FROM (SELECT DISTINCT Ticker FROM daily_close)"],
    FAILING_QUESTION: ["CREATE TABLE prices (day TEXT)", "DELETE FROM daily_close",
                       "SELECT ClosePrice FROM daily_close WHERE"],
    FOLLOW_UP: ["SELECT COUNT(DISTINCT Ticker) FROM daily_close"] * 3,
    LINE_QUESTION: ["SELECT Month, Rate FROM policy_rate ORDER BY Month"] * 3,
    UNLIKELY_QUESTION: [["SELECT MAX(ClosePrice) FROM daily_close", -0.4]] * 3,  # all agree, all unlikely
}


def write_settings(folder: Path) -> Path:
    """The chat's settings for these tests: three scripted candidates, no few-shot examples."""
    script = folder / "script.json"
    script.write_text(json.dumps(SCRIPT), encoding="utf-8")
    config = folder / "scripted.toml"
    config.write_text(f"""
[model]
backend = "scripted"
script = {json.dumps(str(script))}

[generation]
candidates = 3
sample_when = "always"

[prompt]
examples = 0
""", encoding="utf-8")
    return config


def make_quotes_db(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        CREATE TABLE daily_close (TradingDay TEXT, Ticker TEXT, ClosePrice REAL, Volume INTEGER);
        INSERT INTO daily_close VALUES
          ('2024-06-24', 'AAPL', 208.1, 50000), ('2024-06-25', 'AAPL', 209.0, 48000),
          ('2024-06-26', 'AAPL', 213.3, 61000), ('2024-06-27', 'AAPL', 214.1, 52000),
          ('2024-06-28', 'AAPL', 210.6, 80000), ('2024-06-24', 'MSFT', 447.7, 20000),
          ('2024-06-25', 'MSFT', 450.9, 21000), ('2024-06-26', 'MSFT', 452.2, 19000),
          ('2024-06-27', 'MSFT', 452.9, 17000), ('2024-06-28', 'MSFT', 446.9, 30000);
        """
    )
    conn.commit()
    conn.close()
    return path


def make_rates_db(path: Path) -> Path:
    """A monthly policy-rate series of 13 months (LINE_QUESTION draws it as a line)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE policy_rate (Month TEXT, Rate REAL)")
    rates = [3.55] + [3.45] * 11 + [3.35]
    months = [f"{2023 + (6 + i) // 12}-{(6 + i) % 12 + 1:02d}" for i in range(13)]  # 2023-07 .. 2024-07
    conn.executemany("INSERT INTO policy_rate VALUES (?, ?)", zip(months, rates, strict=True))
    conn.commit()
    conn.close()
    return path


@pytest.fixture(scope="module")
def app_files(tmp_path_factory) -> dict[str, Path]:
    """The two fixture databases offered beside the bundled ones, and the fast settings file."""
    folder = tmp_path_factory.mktemp("app")
    return {"quotes": make_quotes_db(folder / "quotes.sqlite"), "rates": make_rates_db(folder / "rates.sqlite"),
            "config": write_settings(folder)}


def start_app(app_files: dict[str, Path], mp: pytest.MonkeyPatch):
    """A fresh chat session with the quotes database selected in the sidebar."""
    from streamlit.testing.v1 import AppTest

    mp.setenv("FINSQL_MODEL", TEST_MODEL)
    mp.setenv("FINSQL_CONFIG", str(app_files["config"]))
    mp.setenv("FINSQL_DATABASES", os.pathsep.join(str(app_files[k]) for k in ("quotes", "rates")))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run(timeout=TIMEOUT)
    at.sidebar.selectbox(key="db").set_value(str(app_files["quotes"])).run(timeout=TIMEOUT)
    assert not at.exception, at.exception
    return at


def ask(at, question: str):
    at.chat_input[0].set_value(question).run(timeout=TIMEOUT)
    assert not at.exception, at.exception
    return at.session_state.messages[-1]["answer"]


@pytest.fixture()
def app(app_files, monkeypatch):
    return start_app(app_files, monkeypatch)


@pytest.fixture(scope="module")
def answered(app_files):
    """One session that has answered COUNT_QUESTION, shared by the tests that only look at it."""
    with pytest.MonkeyPatch.context() as mp:
        at = start_app(app_files, mp)
        yield at, ask(at, COUNT_QUESTION)


def test_answer_shows_sql_result_table_and_csv_download(answered) -> None:
    at, answer = answered
    assert answer.ok and answer.sql == "SELECT COUNT(*) FROM daily_close" and answer.rows == [(10,)]
    assert [c.value for c in at.code][0] == answer.sql
    assert at.code[0].language == "sql"
    table = at.dataframe[0].value
    assert list(table.columns) == answer.columns and len(table) == 1
    download = at.get("download_button")
    assert len(download) == 1 and download[0].label == "Download CSV"


def test_progress_folds_into_the_time_the_answer_took(answered) -> None:
    at, _ = answered
    assert not at.status  # the progress display is gone once the answer is there...
    answered_in = [c.value for c in at.chat_message[1].caption if c.value.startswith("Answered in ")]
    assert len(answered_in) == 1 and answered_in[0].endswith(" s")  # ...leaving the time it took


def test_low_confidence_answer_is_flagged(answered) -> None:
    at, answer = answered
    assert answer.confidence == round(1 / 3, 4)  # three candidates, three different results
    assert any(w.value.startswith("Not sure: only 1 of 3 candidate queries agree") for w in at.warning)


def test_agreeing_candidates_give_an_answer_without_a_warning(app) -> None:
    answer = ask(app, AGREED_QUESTION)
    assert answer.confidence == 1.0 and answer.rows == [(2,)]
    assert not app.warning
    assert any("3 of 3 candidates agree" in c.value for c in app.caption)


def test_agreeing_candidates_the_model_found_unlikely_are_not_sure(app) -> None:
    answer = ask(app, UNLIKELY_QUESTION)
    assert answer.confidence == 1.0 and not answer.trust.confident
    assert any(w.value.startswith("Not sure: the model found its own SQL unlikely") for w in app.warning)


def test_evidence_lists_candidates_retrieval_and_timings(answered) -> None:
    at, answer = answered
    expander = next(e for e in at.expander if e.label == "Why trust this answer")
    text = " ".join(m.value for m in expander.markdown) + " ".join(c.value for c in expander.caption)
    assert "1 of 3 candidates agree" in text and "**daily_close**" in text and "Stage timings" in text
    assert "the base model (no LoRA module for this database)" in text
    candidates = expander.dataframe[0].value
    assert candidates["chosen"].tolist() == ["✓", "", ""]
    assert candidates["kind"].tolist() == ["greedy", "sampled", "sampled"]
    assert candidates["result"].tolist() == ["1 row"] * 3


def test_an_answer_its_greedy_candidate_settled_says_no_samples_were_needed(app_files, tmp_path,
                                                                           monkeypatch) -> None:
    config = tmp_path / "failed.toml"
    config.write_text(app_files["config"].read_text().replace('"always"', '"failed"'), encoding="utf-8")
    at = start_app({**app_files, "config": config}, monkeypatch)
    answer = ask(at, AGREED_QUESTION)
    assert len(answer.candidates) == 1 and answer.rows == [(2,)]
    assert any("one candidate query, no samples needed" in c.value for c in at.caption)
    expander = next(e for e in at.expander if e.label == "Why trust this answer")
    text = " ".join(m.value for m in expander.markdown)
    assert "one candidate query was written (greedily) and it ran and returned rows" in text
    assert "candidates agree" not in text


def test_failed_answer_shows_the_error_and_the_sql_tried(app) -> None:
    answer = ask(app, FAILING_QUESTION)
    assert not answer.ok and answer.confidence == 0.0
    assert any("none of the 3 candidate queries ran successfully" in e.value for e in app.error)
    assert any(answer.error in e.value for e in app.error)
    assert any(c.value == answer.sql for c in app.code)
    assert not app.get("download_button") and not app.exception
    assert not any("Traceback" in e.value for e in app.error)


def test_the_question_box_holds_no_more_than_the_pipeline_takes(app) -> None:
    from finsql.pipeline import MAX_QUESTION_CHARS

    assert app.chat_input[0].proto.max_chars == MAX_QUESTION_CHARS
    # A longer paste is cut at the cap (the browser shows the count), so the pipeline's refusal of an
    # overlong question never reaches the chat; the question is asked as cut.
    app.chat_input[0].set_value(COUNT_QUESTION + "x" * MAX_QUESTION_CHARS).run(timeout=TIMEOUT)
    assert not app.exception, app.exception
    assert len(app.session_state.messages[-2]["content"]) == MAX_QUESTION_CHARS
    assert "answer" in app.session_state.messages[-1]


def test_follow_up_question_sends_the_earlier_turn(app) -> None:
    first = ask(app, COUNT_QUESTION)
    second = ask(app, FOLLOW_UP)
    assert second.sql == "SELECT COUNT(DISTINCT Ticker) FROM daily_close"
    assert f"Q: {COUNT_QUESTION}" in second.prompt.text and first.sql in second.prompt.text
    assert f"Follow-up question (it may refer to the earlier ones): {FOLLOW_UP}" in second.prompt.text
    read_as = "Read as a follow-up of the earlier questions (“and” points back)."
    assert [c.value for c in app.chat_message[-1].caption].count(read_as) == 1


def test_a_question_that_stands_alone_is_not_sent_the_earlier_turns(app) -> None:
    ask(app, COUNT_QUESTION)
    answer = ask(app, AGREED_QUESTION)
    assert COUNT_QUESTION not in answer.prompt.text and "Earlier in this conversation" not in answer.prompt.text
    captions = [c.value for c in app.chat_message[-1].caption]
    assert "Asked on its own: the earlier questions were not used (refer to them to follow up)." in captions
    assert not any("follow-up of" in c for c in captions)


def test_a_failed_turn_is_not_sent_as_history(app) -> None:
    ask(app, FAILING_QUESTION)
    answer = ask(app, FOLLOW_UP)
    assert FAILING_QUESTION not in answer.prompt.text and "Earlier in this conversation" not in answer.prompt.text


def test_switching_database_separates_the_conversation(app, app_files) -> None:
    ask(app, COUNT_QUESTION)
    assert len(app.chat_message) == 2
    app.sidebar.selectbox(key="db").set_value(str(app_files["rates"])).run(timeout=TIMEOUT)
    assert not app.exception
    assert len(app.chat_message) == 0 and app.session_state.messages == []
    assert "rates" in app.header[0].value
    app.sidebar.selectbox(key="db").set_value(str(app_files["quotes"])).run(timeout=TIMEOUT)
    assert len(app.chat_message) == 2 and app.chat_message[0].markdown[0].value == COUNT_QUESTION


def render_module():
    """app/render.py, imported the way the app imports it (its folder on sys.path)."""
    import sys

    if str(APP.parent) not in sys.path:
        sys.path.insert(0, str(APP.parent))
    import render

    return render


def test_chart_is_a_line_over_dates_split_by_category() -> None:
    import pandas as pd

    render = render_module()
    df = pd.DataFrame({"TradingDay": ["2024-06-27", "2024-06-27", "2024-06-28", "2024-06-28"],
                       "Ticker": ["AAPL", "MSFT", "AAPL", "MSFT"], "ClosePrice": [214.1, 452.9, 210.6, 446.9]})
    assert render.chart_spec(df) == render.ChartSpec("line", "TradingDay", "ClosePrice", "Ticker")
    quarters = pd.DataFrame({"EndDate": ["2023-03-31", "2023-06-30"], "GDPYoY": [4.5, 6.3]})
    assert render.chart_spec(quarters) == render.ChartSpec("line", "EndDate", "GDPYoY")
    one_day = df[df.TradingDay == "2024-06-28"]  # a single date is no time axis: compare the tickers
    assert render.chart_spec(one_day) == render.ChartSpec("bar", "Ticker", "ClosePrice")


def test_chart_is_a_bar_over_categories_and_skips_codes_and_single_rows() -> None:
    import pandas as pd

    render = render_module()
    by_type = pd.DataFrame({"TypeName": ["Equity", "Bond", "Money market"], "n": [120, 80, 15]})
    assert render.chart_spec(by_type) == render.ChartSpec("bar", "TypeName", "n")
    assert render.chart_spec(by_type.head(1)) is None  # one row: nothing to compare
    codes = pd.DataFrame({"SecuCode": ["000001", "110022"], "FundType": [3, 1]})
    assert render.chart_spec(codes) is None  # an integer code is not a quantity...
    per_type = pd.DataFrame({"FundType": [1, 3, 4], "n": [120, 80, 15]})
    assert render.chart_spec(per_type) == render.ChartSpec("bar", "FundType", "n")  # ...but a label


def test_model_line_names_the_module_or_why_the_base_answered() -> None:
    from finsql.pipeline import GenerationInfo

    render = render_module()
    with_module = GenerationInfo(Path("/x/adapters/fund"), None, candidates=5, new_tokens=90)
    assert render.model_line(with_module) == "LoRA module `fund` for this database"
    left_out = GenerationInfo(None, "the bank module got 6.8% of 44 dev questions right", 5, 90)
    assert render.model_line(left_out) == ("the base model; its LoRA module is left out because the bank module "
                                           "got 6.8% of 44 dev questions right")
    assert render.model_line(GenerationInfo(None, None, 5, 90)) == "the base model (no LoRA module for this database)"


def test_the_chat_listens_on_this_machine_unless_told_otherwise() -> None:
    import subprocess
    import tomllib

    root = APP.parent.parent
    config = tomllib.loads((root / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"  # `streamlit run app/streamlit_app.py` from the root
    for extra, address in (([], "127.0.0.1"), (["HOST=0.0.0.0"], "0.0.0.0")):
        plan = subprocess.run(["make", "-n", "run", *extra], cwd=root, capture_output=True, text=True, check=True)
        assert f"--server.address {address} " in plan.stdout


def test_a_coded_column_is_shown_with_its_meaning_beside_it() -> None:
    from finsql import Answer

    render = render_module()
    answer = Answer("How many funds of each type?", "fund", columns=["FundTypeCode", "n"],
                    rows=[(1101, 120), (1105, 15), (9999, 1), (None, 2)],
                    codes={0: {"1101": "Equity", "1105": "Money market"}})
    frame = render.result_frame(answer)
    assert list(frame.columns) == ["FundTypeCode", "FundTypeCode meaning", "n"]
    assert frame["FundTypeCode meaning"].tolist() == ["Equity", "Money market", "", ""]
    described = answer.rows[:2]  # where every code has a meaning, the bars are labelled by it
    frame = render.result_frame(Answer(answer.question, "fund", columns=answer.columns, rows=described,
                                       codes=answer.codes))
    assert render.chart_spec(frame) == render.ChartSpec("bar", "FundTypeCode meaning", "n")


def test_a_wrong_answer_is_fixed_run_through_the_guard_saved_and_then_used(app_files, tmp_path, monkeypatch) -> None:
    import shutil

    from finsql.db import Database
    from finsql.verified import ExampleStore

    own = dict(app_files, quotes=Path(shutil.copy(app_files["quotes"], tmp_path / "quotes.sqlite")))
    at = start_app(own, monkeypatch)
    first = ask(at, AGREED_QUESTION)
    at.button(key="wrong_quotes.sqlite_1").click().run(timeout=TIMEOUT)
    at.text_area(key="sql_quotes.sqlite_1").input("DELETE FROM daily_close").run(timeout=TIMEOUT)
    at.button(key="run_quotes.sqlite_1").click().run(timeout=TIMEOUT)
    assert any(e.value.startswith("refused: DELETE") for e in at.error)
    at.button(key="save_quotes.sqlite_1").click().run(timeout=TIMEOUT)
    assert any(e.value.startswith("Not saved: refused: DELETE") for e in at.error)
    fixed = "SELECT COUNT(DISTINCT Ticker) AS tickers FROM daily_close"
    at.text_area(key="sql_quotes.sqlite_1").input(fixed).run(timeout=TIMEOUT)
    at.button(key="run_quotes.sqlite_1").click().run(timeout=TIMEOUT)
    assert any(list(df.value.columns) == ["tickers"] and df.value.iat[0, 0] == 2 for df in at.dataframe)
    at.button(key="save_quotes.sqlite_1").click().run(timeout=TIMEOUT)
    assert any(s.value.startswith("Saved as verified example 1") for s in at.success)
    assert [(e.question, e.sql) for e in ExampleStore(Database(own["quotes"])).load()] == [(AGREED_QUESTION, fixed)]
    assert at.session_state.messages[1]["answer"] is first and first.sql != fixed  # the earlier answer stays

    again = ask(at, AGREED_QUESTION.upper())
    assert again.verified is not None and again.sql == fixed and again.rows == [(2,)]
    assert any(c.value.startswith("From a verified example (#1") for c in at.caption)
    assert not [b for b in at.button if b.key == "wrong_quotes.sqlite_3"]  # nothing to confirm on a verified answer
    at.button(key="right_quotes.sqlite_1").click().run(timeout=TIMEOUT)  # confirming the first answer as it was
    assert [e.sql for e in ExampleStore(Database(own["quotes"])).load()] == [fixed, first.sql]
    assert sqlite3.connect(own["quotes"]).execute("SELECT COUNT(*) FROM daily_close").fetchone() == (10,)


def test_business_terms_are_edited_in_the_sidebar_checked_and_used(app_files, tmp_path, monkeypatch) -> None:
    import shutil

    own = dict(app_files, quotes=Path(shutil.copy(app_files["quotes"], tmp_path / "quotes.sqlite")))
    at = start_app(own, monkeypatch)

    def save(text: str) -> None:
        at.sidebar.text_area[0].input(text).run(timeout=TIMEOUT)
        next(b for b in at.sidebar.button if b.label == "Save terms").click().run(timeout=TIMEOUT)

    save("terms:\n  big day: daily_close.Nope > 60000\n")
    assert any(e.value.startswith('Not saved: glossary term "big day": daily_close.Nope is not a column')
               for e in at.sidebar.error)
    assert not (tmp_path / "quotes.glossary.yaml").exists()
    save("terms:\n  big day: daily_close.Volume > 60000\n")
    assert any(s.value == "Saved 1 term to quotes.glossary.yaml." for s in at.sidebar.success)
    answer = ask(at, AGREED_QUESTION + " Count only a big day.")
    assert [t.term for t in answer.terms] == ["big day"] and "Volume" in answer.retrieval.columns["daily_close"]
    assert '"big day" means daily_close.Volume > 60000' in answer.prompt.text


def test_a_database_of_ones_own_is_added_by_path_described_and_asked(app_files, tmp_path, monkeypatch) -> None:
    import shutil

    mine = Path(shutil.copy(app_files["rates"], tmp_path / "my_rates.sqlite"))
    at = start_app(app_files, monkeypatch)
    at.sidebar.text_input(key="add_path").input(str(tmp_path / "missing.sqlite")).run(timeout=TIMEOUT)
    at.sidebar.button(key="add_database").click().run(timeout=TIMEOUT)
    assert any(e.value.startswith("Not added:") and "is not a file" in e.value for e in at.sidebar.error)
    at.sidebar.text_input(key="add_path").input(str(mine)).run(timeout=TIMEOUT)
    at.sidebar.button(key="add_database").click().run(timeout=TIMEOUT)
    assert not at.exception, at.exception
    assert at.sidebar.selectbox(key="db").value == str(mine)  # chosen at once, its index built
    draft = at.sidebar.text_area(key=f"descriptions_{mine}")
    assert "policy_rate:" in draft.value and not mine.with_suffix(".yaml").exists()
    draft.input(draft.value.replace("Rate.", "Policy rate in percent.")).run(timeout=TIMEOUT)
    at.sidebar.button(key=f"keep_descriptions_{mine}").click().run(timeout=TIMEOUT)
    assert "Policy rate in percent." in mine.with_suffix(".yaml").read_text()
    answer = ask(at, LINE_QUESTION)
    assert answer.ok and len(answer.rows) == 13 and answer.db_id == "my_rates"
    assert "Policy rate in percent" in answer.prompt.text  # the kept descriptions reach the prompt


def test_a_database_by_url_is_added_described_and_asked_with_the_translation_shown(app_files, tmp_path,
                                                                                    monkeypatch) -> None:
    """A DuckDB file by URL, as a PostgreSQL one would be: offered by its URL, its descriptions kept under the
    cache, its answer shown with the query as DuckDB ran it."""
    from finsql.data.copy import copy_database
    from finsql.db import Database
    from finsql.schema import descriptions_path

    url = f"duckdb:///{tmp_path / 'my_rates.duckdb'}"
    copy_database(str(app_files["rates"]), url, echo=lambda _: None)
    at = start_app(app_files, monkeypatch)
    at.sidebar.text_input(key="add_path").input(url).run(timeout=TIMEOUT)
    at.sidebar.button(key="add_database").click().run(timeout=TIMEOUT)
    assert not at.exception, at.exception
    assert at.sidebar.selectbox(key="db").value == url
    draft = at.sidebar.text_area(key=f"descriptions_{url}")
    draft.input(draft.value.replace("Rate.", "Policy rate in percent.")).run(timeout=TIMEOUT)
    at.sidebar.button(key=f"keep_descriptions_{url}").click().run(timeout=TIMEOUT)
    assert "Policy rate in percent." in descriptions_path(Database(url)).read_text()
    answer = ask(at, LINE_QUESTION)
    assert answer.ok and len(answer.rows) == 13 and answer.db_id == "my_rates"
    ran = next(e for e in at.expander if e.label == "As the database ran it")
    assert ran.code[0].value == answer.winner.result.sent and '"policy_rate"' in ran.code[0].value
