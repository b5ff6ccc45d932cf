"""`python -m finsql.eval` on a small real question set, with scripted candidates (known right and wrong)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import TEST_MODEL

from finsql.datasets import load_questions

QUESTIONS = [
    {"db_id": "mini", "question": "How many funds are there?", "query": "SELECT COUNT(*) FROM fund"},
    {"db_id": "mini", "question": "List every fund code.", "query": "SELECT SecuCode FROM fund"},
    {"db_id": "mini", "question": "Which fund has the highest fund type code?",
     "query": "SELECT ChiName FROM fund ORDER BY FundType DESC LIMIT 1"},
    {"db_id": "mini", "question": "What is the name of fund 110022?",
     "query": "SELECT ChiName FROM fund WHERE SecuCode = '110022'"},
    {"db_id": "missing_db", "question": "Anything?", "query": "SELECT 1"},
    {"db_id": "mini", "question": "Broken gold", "query": "SELECT no_such_column FROM fund"},
    {"db_id": "notes", "question": "Anything?", "query": "SELECT 1"},  # its file is not SQLite
]


@pytest.fixture(scope="module")
def spider_layout(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("spider")
    (root / "database" / "mini").mkdir(parents=True)
    conn = sqlite3.connect(root / "database" / "mini" / "mini.sqlite")
    conn.executescript(
        "CREATE TABLE fund (InnerCode INTEGER PRIMARY KEY, SecuCode TEXT, ChiName TEXT, FundType INTEGER);"
        "INSERT INTO fund VALUES (1,'000001','华夏成长混合',3),(2,'110022','易方达消费行业',1),"
        "(3,'000198','天弘余额宝货币',4);")
    conn.commit()
    conn.close()
    (root / "database" / "notes").mkdir()
    (root / "database" / "notes" / "notes.sqlite").write_text("meeting notes, not a database")
    (root / "dev.json").write_text(json.dumps(QUESTIONS), encoding="utf-8")
    return root


# Two right, one wrong, one that fails to run: EX 2 of 4 on the questions with a usable gold and database.
SCRIPT = {"How many funds are there?": ["SELECT COUNT(*) FROM fund"],
          "List every fund code.": ["SELECT SecuCode FROM fund ORDER BY InnerCode"],
          "Which fund has the highest fund type code?": ["SELECT ChiName FROM fund ORDER BY FundType LIMIT 1"],
          "What is the name of fund 110022?": ["SELECT Name FROM fund WHERE SecuCode = '110022' AND"],
          "*": ["SELECT 1"]}


@pytest.fixture(scope="module")
def scripted_settings(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scripted")
    (folder / "script.json").write_text(json.dumps(SCRIPT), encoding="utf-8")
    settings = folder / "scripted.toml"
    settings.write_text(f'[model]\nbackend = "scripted"\nscript = {json.dumps(str(folder / "script.json"))}\n'
                        '[generation]\ncandidates = 1\n', encoding="utf-8")
    return settings


def run_eval(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "finsql.eval", *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def evaluated(spider_layout, scripted_settings) -> Path:
    out = spider_layout / "out"
    proc = run_eval("--format", "spider", "--questions", str(spider_layout / "dev.json"), "--db-root",
                    str(spider_layout / "database"), "--out", str(out), "--model", TEST_MODEL,
                    "--config", str(scripted_settings), "--baseline", "zero-shot")
    assert proc.returncode == 0, proc.stderr
    return out


def _independent_correct(db: Path, gold: str, pred: str | None) -> bool:
    """Execution match computed here, without finsql: plain sqlite3, rows as multisets or sequences."""
    if not pred:
        return False
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        gold_rows = conn.execute(gold).fetchall()
        pred_rows = conn.execute(pred).fetchall()
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    if "order by" in gold.lower():
        return gold_rows == pred_rows
    return Counter(gold_rows) == Counter(pred_rows)


def test_summary_matches_an_independent_count(evaluated, spider_layout) -> None:
    summary = json.loads((evaluated / "summary.json").read_text())
    lines = [json.loads(x) for x in (evaluated / "results.jsonl").read_text().splitlines()]
    pipeline = [r for r in lines if r["system"] == "pipeline"]
    assert len(pipeline) == len(QUESTIONS)
    counted = [r for r in pipeline if not r["skipped"]]
    db = spider_layout / "database" / "mini" / "mini.sqlite"
    correct = sum(_independent_correct(db, r["gold_sql"], r["pred_sql"]) for r in counted)
    assert summary["n"] == len(counted) == 4
    assert summary["ex"] == round(correct / len(counted), 4) == 0.5
    assert summary["baseline"]["ex"] == 0.5
    assert summary["valid_sql_rate"] == round(sum(r["valid_sql"] for r in counted) / len(counted), 4) == 0.75
    assert summary["ex_by_db"]["mini"]["n"] == 4
    assert summary["p50_latency_s"] <= summary["p95_latency_s"]
    assert summary["baseline"]["table_recall"] is None  # the baseline reads the full schema
    assert summary["table_recall"] == 1.0  # one table: the retriever must keep it
    gold = sum(len(r["gold_columns"]) for r in counted)
    hit = sum(len(set(r["gold_columns"]) & set(r["retrieved_columns"])) for r in counted)
    assert summary["column_recall"] == round(hit / gold, 4)
    assert summary["config"]["model"] == TEST_MODEL
    # One candidate each: the three that ran agree with themselves, the failed one has no agreement.
    assert [r["confidence"] for r in counted] == [1.0, 1.0, 1.0, 0.0]
    assert [r["confident"] for r in counted] == [True, True, True, False]  # scripted SQL is likely (log-prob 0)
    assert summary["confident"]["coverage"] == 0.75 and summary["confident"]["ex"] == round(2 / 3, 4)


def test_databases_read_by_url_score_as_their_sqlite_files(evaluated, spider_layout, scripted_settings,
                                                          tmp_path) -> None:
    """--db-root as a URL naming each database by {db_id}: the same questions score alike from DuckDB copies."""
    from finsql.data.copy import copy_database

    copy_database(str(spider_layout / "database" / "mini" / "mini.sqlite"), f"duckdb:///{tmp_path / 'mini.duckdb'}",
                  echo=lambda _: None)
    out = tmp_path / "out"
    proc = run_eval("--format", "spider", "--questions", str(spider_layout / "dev.json"), "--db-root",
                    f"duckdb:///{tmp_path}/{{db_id}}.duckdb", "--out", str(out), "--model", TEST_MODEL,
                    "--config", str(scripted_settings))
    assert proc.returncode == 0, proc.stderr

    def scores(folder: Path) -> dict:
        lines = [json.loads(x) for x in (folder / "results.jsonl").read_text().splitlines()]
        return {r["id"]: (bool(r["skipped"]), r.get("correct")) for r in lines if r["system"] == "pipeline"}

    assert scores(out) == scores(evaluated)
    assert json.loads((out / "summary.json").read_text())["ex"] == 0.5


def test_bad_items_are_skipped_with_a_reason(evaluated) -> None:
    reasons = {s["id"]: s["reason"] for s in json.loads((evaluated / "summary.json").read_text())["skipped"]}
    not_sqlite = reasons.pop("dev-6")
    assert reasons == {"dev-4": "database 'missing_db' not found",
                       "dev-5": "gold SQL fails: OperationalError: no such column: no_such_column"}
    assert not_sqlite.endswith("notes/notes.sqlite is not a SQLite database; give the path of a .sqlite file or "
                               "a bundled name (fund, stock, macro, bank)")


def test_baseline_runs_the_same_items(evaluated) -> None:
    summary = json.loads((evaluated / "summary.json").read_text())
    assert summary["baseline"]["n"] == summary["n"]
    lines = [json.loads(x) for x in (evaluated / "results.jsonl").read_text().splitlines()]
    ids = {system: {r["id"] for r in lines if r["system"] == system} for system in ("pipeline", "baseline")}
    assert ids["baseline"] == ids["pipeline"]


def test_report_shows_charts_and_failures_side_by_side(evaluated) -> None:
    page = (evaluated / "report.html").read_text()
    assert page.count("data:image/png;base64,") == 3
    assert "<th>gold SQL</th><th>predicted SQL</th>" in page
    lines = [json.loads(x) for x in (evaluated / "results.jsonl").read_text().splitlines()]
    wrong = [r for r in lines if not r["correct"] and not r["skipped"]]
    assert page.count("<td><pre>") == 2 * len(wrong)


def test_rerun_resumes_without_redoing_items(evaluated, spider_layout, scripted_settings) -> None:
    before = (evaluated / "results.jsonl").read_text()
    proc = run_eval("--format", "spider", "--questions", str(spider_layout / "dev.json"), "--db-root",
                    str(spider_layout / "database"), "--out", str(evaluated), "--model", TEST_MODEL,
                    "--config", str(scripted_settings), "--baseline", "zero-shot")
    assert proc.returncode == 0
    assert (evaluated / "results.jsonl").read_text() == before


def test_resuming_with_another_model_is_refused(evaluated, spider_layout) -> None:
    proc = run_eval("--format", "spider", "--questions", str(spider_layout / "dev.json"), "--db-root",
                    str(spider_layout / "database"), "--out", str(evaluated), "--model", "qwen2.5-coder-0.5b")
    assert proc.returncode == 2
    # Its defaults are the chat's (5 candidates), where the run in --out answered with the scripted 1.
    assert proc.stderr.strip().endswith("holds results made with other settings (model, backend, candidates); "
                                        "use a new --out folder")


def test_jsonl_loader_reports_broken_lines_by_number(tmp_path) -> None:
    path = tmp_path / "qs.jsonl"
    path.write_text('{"id": "a", "db_id": "fund", "question": "q?", "sql": "SELECT 1"}\n{broken\n'
                    '{"id": "c", "db_id": "fund", "question": "q?"}\n', encoding="utf-8")
    loaded = load_questions(path, "jsonl")
    assert [i.id for i in loaded.items] == ["a"]
    assert [(p.where, p.reason.split(" (")[0]) for p in loaded.problems] == [
        ("qs.jsonl:2", "not valid JSON"), ("qs.jsonl:3", "missing sql")]


def test_bird_and_bull_loaders_read_their_fields(tmp_path) -> None:
    bird = tmp_path / "bird.json"
    bird.write_text(json.dumps([{"question_id": 7, "db_id": "d", "question": "q", "evidence": "e = 1", "SQL": "S"}]))
    (item,) = load_questions(bird, "bird").items
    assert (item.id, item.db_id, item.sql, item.evidence) == ("7", "d", "S", "e = 1")
    bull = tmp_path / "bull.json"
    bull.write_text(json.dumps([{"db_name": "ccks_fund", "question": "q", "sql_query": "S"}]))
    (item,) = load_questions(bull, "bull").items
    assert (item.db_id, item.sql) == ("ccks_fund", "S")


def test_a_folder_that_is_not_a_lora_module_is_refused_before_any_work(spider_layout, tmp_path) -> None:
    proc = run_eval("--questions", str(spider_layout / "dev.json"), "--out", str(tmp_path / "o"),
                    "--adapter", str(tmp_path))
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and "adapter_config.json is missing" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and not (tmp_path / "o").exists()


def test_a_question_file_without_one_usable_question_is_refused(tmp_path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text("not json\n" + json.dumps({"db_id": "fund", "question": "q"}) + "\n")
    proc = run_eval("--questions", str(broken), "--out", str(tmp_path / "o"))
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == (f"error: {broken} holds no question to evaluate (the warnings above say "
                                            "what is wrong with its lines); check the file and --format")
    assert "broken.jsonl:1: not valid JSON" in proc.stderr and "broken.jsonl:2: missing sql" in proc.stderr
    assert not (tmp_path / "o").exists()


def test_a_folder_given_as_the_question_or_tables_file_is_named(tmp_path) -> None:
    questions = tmp_path / "dev.jsonl"
    questions.write_text(json.dumps({"db_id": "fund", "question": "q", "sql": "SELECT 1"}) + "\n")
    proc = run_eval("--questions", str(tmp_path), "--out", str(tmp_path / "o"))
    assert (proc.returncode, proc.stderr) == (2, f"error: question file {tmp_path} is a folder; give a file\n")
    proc = run_eval("--format", "bull", "--task", "retrieval", "--questions", str(questions),
                    "--tables", str(tmp_path), "--out", str(tmp_path / "o"))
    assert (proc.returncode, proc.stderr) == (2, f"error: tables file {tmp_path} is a folder; give a file\n")
    assert not (tmp_path / "o").exists()


def test_an_out_path_that_is_a_file_is_refused(spider_layout, tmp_path) -> None:
    taken = tmp_path / "results.txt"
    taken.write_text("keep me")
    proc = run_eval("--format", "spider", "--questions", str(spider_layout / "dev.json"), "--out", str(taken))
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: the --out folder {taken} is a file, not a folder; give a folder"
    assert taken.read_text() == "keep me"


def test_limit_with_seed_takes_the_same_sample_each_time(spider_layout, tmp_path) -> None:
    questions = tmp_path / "many.json"
    questions.write_text(json.dumps([{"db_id": "nowhere", "question": f"q{i}", "query": "SELECT 1"}
                                     for i in range(20)]))
    chosen = []
    for run in ("a", "b"):
        proc = run_eval("--format", "spider", "--questions", str(questions), "--out", str(tmp_path / run),
                        "--model", TEST_MODEL, "--limit", "5", "--seed", "3")
        assert proc.returncode == 0, proc.stderr
        summary = json.loads((tmp_path / run / "summary.json").read_text())
        chosen.append(sorted(s["id"] for s in summary["skipped"]))
    assert len(chosen[0]) == 5 and chosen[0] == chosen[1]


BULL_TABLES = [{
    "db_id": "ccks_fund",
    "table_names_original": ["mf_fundmanager", "mf_nav", "mf_dividend", "mf_fee", "mf_holder", "mf_rating",
                             "mf_company", "mf_index"],
    "table_names": ["fund manager", "net asset value", "dividend", "fee", "holder", "rating", "company", "index"],
    "column_names_original": [[-1, "*"], [0, "ManagerID"], [0, "ManagerName"], [0, "Education"],
                              [1, "FundCode"], [1, "TradeDate"], [1, "UnitNV"], [2, "FundCode"], [2, "ExDate"],
                              [3, "FundCode"], [3, "FeeRate"], [4, "FundCode"], [4, "HolderCount"],
                              [5, "FundCode"], [5, "Stars"], [6, "CompanyCode"], [6, "CompanyName"],
                              [7, "IndexCode"], [7, "IndexName"]],
    "column_types": ["text", "number", "text", "text", "text", "time", "number", "text", "time", "text", "number",
                     "text", "number", "text", "number", "number", "text", "text", "text"],
    "foreign_keys": [],
    "primary_keys": [1, 15, 17],
}]
BULL_DB_INFO = [{
    "db_name": "ccks_fund",
    "table_name": [["mf_fundmanager", "基金经理基本信息"], ["mf_nav", "基金每日单位净值"], ["mf_rating", "基金评级"]],
    "column_info": [{"table": "mf_fundmanager", "columns": ["ManagerName", "Education"],
                     "column_chiName": ["基金经理姓名", "学历"]},
                    {"table": "mf_nav", "columns": ["TradeDate", "UnitNV"], "column_chiName": ["交易日", "单位净值"]},
                    {"table": "mf_rating", "columns": ["Stars"], "column_chiName": ["评级星级"]}],
}]
BULL_QUESTIONS = [
    {"db_name": "ccks_fund", "question": "学历为博士的基金经理有哪些？",
     "sql_query": "SELECT ManagerName FROM mf_fundmanager WHERE Education = '博士'"},
    {"db_name": "ccks_fund", "question": "基金000001在2021-06-30的单位净值是多少？",
     "sql_query": "SELECT UnitNV FROM mf_nav WHERE FundCode = '000001' AND TradeDate = '2021-06-30'"},
    {"db_name": "ccks_fund", "question": "评级为五星的基金有几只？",
     "sql_query": "SELECT count(*) FROM mf_rating WHERE Stars = 5"},
]


def test_bull_schema_files_give_retrieval_recall_without_a_database(tmp_path) -> None:
    files = {"tables.json": BULL_TABLES, "db_info.json": BULL_DB_INFO, "dev.json": BULL_QUESTIONS}
    for name, content in files.items():
        (tmp_path / name).write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    proc = run_eval("--format", "bull", "--questions", str(tmp_path / "dev.json"), "--tables",
                    str(tmp_path / "tables.json"), "--db-info", str(tmp_path / "db_info.json"), "--task",
                    "retrieval", "--model", TEST_MODEL, "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["n"] == 3 and not summary.get("skipped")
    rows = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert [r["gold_tables"] for r in rows] == [["mf_fundmanager"], ["mf_nav"], ["mf_rating"]]
    # Recall recomputed here from what was retrieved, independently of the summary code.
    hits = [set(r["gold_columns"]) <= set(r["retrieved_columns"]) for r in rows]
    assert summary["table_recall"] == pytest.approx(
        sum(set(r["gold_tables"]) <= set(r["retrieved_tables"]) for r in rows) / 3, abs=1e-3)
    assert any(hits)  # the Chinese descriptions from db_info.json lead to the right columns
    assert 0 < summary["prompt_token_ratio"] < 1


def test_train_pairs_from_a_file_serve_the_databases_they_name(spider_layout, scripted_settings, tmp_path) -> None:
    train = tmp_path / "train.json"
    train.write_text(json.dumps([{"db_id": "mini", "question": "How many fund types are there?",
                                  "query": "SELECT COUNT(DISTINCT FundType) FROM fund"}]), encoding="utf-8")
    common = ["--format", "spider", "--questions", str(spider_layout / "dev.json"), "--db-root",
              str(spider_layout / "database"), "--model", TEST_MODEL, "--config", str(scripted_settings)]
    out = tmp_path / "out"
    proc = run_eval(*common, "--out", str(out), "--train", str(train))
    assert proc.returncode == 0, proc.stderr
    assert json.loads((out / "config.json").read_text())["train"] == str(train)
    other = tmp_path / "other.json"
    other.write_text(train.read_text(), encoding="utf-8")
    proc = run_eval(*common, "--out", str(out), "--train", str(other))
    assert proc.returncode == 2 and "other settings (train)" in proc.stderr  # results made with other pairs
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps([{"db_id": "books", "question": "q", "query": "SELECT 1"}]), encoding="utf-8")
    proc = run_eval(*common, "--out", str(tmp_path / "o2"), "--train", str(elsewhere))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "names books, none of the evaluated databases" in proc.stderr


def test_bull_schema_files_are_refused_for_sql_accuracy(tmp_path) -> None:
    (tmp_path / "tables.json").write_text(json.dumps(BULL_TABLES))
    proc = run_eval("--format", "bull", "--questions", str(tmp_path / "dev.json"), "--tables",
                    str(tmp_path / "tables.json"), "--out", str(tmp_path / "o"))
    assert proc.returncode == 2 and "--task retrieval only" in proc.stderr


CONVERSATIONS = [
    {"id": "mini-conv-1", "db_id": "mini", "language": "en", "turns": [
        {"question": "How many funds are there?", "sql": "SELECT COUNT(*) FROM fund", "follow_up": False},
        {"question": "List every fund code.", "sql": "SELECT SecuCode FROM fund", "follow_up": False},
        {"question": "Only those of fund type 1?", "sql": "SELECT SecuCode FROM fund WHERE FundType = 1",
         "follow_up": True}]},
    {"id": "mini-conv-2", "db_id": "mini", "language": "en", "turns": [
        {"question": "Which fund has the highest fund type code?",
         "sql": "SELECT ChiName FROM fund ORDER BY FundType DESC LIMIT 1", "follow_up": False},
        {"question": "What is the name of fund 110022?", "sql": "SELECT ChiName FROM fund WHERE SecuCode = '110022'",
         "follow_up": False}]},
]
FOLLOW_UP_SQL = "SELECT SecuCode FROM fund WHERE FundType = 1"


@pytest.fixture(scope="module")
def conversation_file(spider_layout) -> Path:
    path = spider_layout / "mini_conversations.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in CONVERSATIONS), encoding="utf-8")
    return path


def test_a_conversation_is_asked_turn_by_turn_with_the_answers_given(scripted, spider_layout, conversation_file,
                                                                     tmp_path) -> None:
    from finsql.datasets import load_conversations
    from finsql.eval.conversations import evaluate_conversations, summarize_conversations

    pipeline = scripted({**SCRIPT, "Only those of fund type 1?": [FOLLOW_UP_SQL]}, generation__candidates=1)
    results = tmp_path / "results.jsonl"
    conversations = load_conversations(conversation_file).conversations
    evaluate_conversations(conversations, "pipeline", pipeline, spider_layout / "database", results, 10)
    follow_up_prompt = next(p for p in pipeline.generator.prompts if "Only those of fund type 1?" in p)
    # The follow-up sees the SQL the system answered with (ordered by InnerCode), not the gold SQL.
    assert "SELECT SecuCode FROM fund ORDER BY InnerCode" in follow_up_prompt
    standalone_prompt = next(p for p in pipeline.generator.prompts if "List every fund code." in p)
    assert "How many funds are there?" not in standalone_prompt  # asked as if it came first
    rows = [json.loads(line) for line in results.read_text().splitlines()]
    assert [r["correct"] for r in rows] == [True, True, True, False, False]
    assert [r["read_as_follow_up"] for r in rows] == [None, False, True, None, False]
    summary = summarize_conversations(rows)
    assert summary["turns"] == {"ex": 0.6, "n": 5} and summary["follow_ups"] == {"ex": 1.0, "n": 1}
    assert summary["standalone_in_conversation"] == summary["standalone_alone"] == {"ex": 0.5, "n": 2}
    assert not any(r["alone_asked"] for r in rows)  # their prompts already were the alone prompts
    asked = len(pipeline.generator.prompts)
    evaluate_conversations(conversations, "pipeline", pipeline, spider_layout / "database", results, 10)
    assert len(pipeline.generator.prompts) == asked  # resumed: nothing asked twice


def test_eval_scores_conversations_and_asks_standalone_turns_alone_when_history_was_used(
        spider_layout, conversation_file, tmp_path) -> None:
    script = tmp_path / "script.json"
    script.write_text(json.dumps({**SCRIPT, "Only those of fund type 1?": [FOLLOW_UP_SQL]}), encoding="utf-8")
    settings = tmp_path / "always.toml"
    settings.write_text(f'[model]\nbackend = "scripted"\nscript = {json.dumps(str(script))}\n'
                        '[generation]\ncandidates = 1\n[conversation]\nhistory = "always"\n', encoding="utf-8")
    out = tmp_path / "out"
    proc = run_eval("--format", "conversations", "--questions", str(conversation_file), "--db-root",
                    str(spider_layout / "database"), "--out", str(out), "--model", TEST_MODEL, "--config",
                    str(settings))
    assert proc.returncode == 0, proc.stderr
    assert "EX 60.0% on 5 turns: follow-ups 100.0% (1), standalone turns 50.0% in the conversation vs 50.0% " \
           "asked alone (2)" in proc.stdout
    rows = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert [r["alone_asked"] for r in rows] == [False, True, False, False, True]
    assert json.loads((out / "summary.json").read_text())["follow_up_detection"]["standalone_read_as_such"] == \
        {"share": 0.0, "n": 2}  # "always" reads every later turn as a follow-up
