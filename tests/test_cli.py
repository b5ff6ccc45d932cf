"""The command line as a user runs it: real processes, real databases, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TEST_MODEL, file_sha256


def finsql(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "finsql", *args], capture_output=True, text=True, timeout=300)


def test_sql_prints_a_table(small_db) -> None:
    proc = finsql("sql", "--db", str(small_db), "SELECT SecuCode, ChiName FROM fund ORDER BY InnerCode")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["SecuCode", "ChiName"]
    assert "华夏成长混合" in proc.stdout and "(3 rows)" in proc.stdout


@pytest.mark.parametrize(
    "statement",
    ["DROP TABLE fund", "DELETE FROM fund", "UPDATE fund SET FundType = 1", "INSERT INTO fund VALUES (9,'a','b',1)",
     "CREATE TABLE x (a)", "ALTER TABLE fund ADD COLUMN x", "ATTACH DATABASE 'x.db' AS x", "DETACH DATABASE x",
     "PRAGMA query_only = 0", "VACUUM", "REINDEX", "SELECT load_extension('x')", "SELECT 1; DROP TABLE fund",
     "WITH a AS (SELECT 1) DELETE FROM fund"],
)
def test_sql_refuses_writes_with_one_line_and_no_change(small_db, statement: str) -> None:
    before = file_sha256(small_db)
    proc = finsql("sql", "--db", str(small_db), statement)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.startswith("refused:") and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr
    assert file_sha256(small_db) == before


def test_sql_timeout_flag_stops_a_runaway_query(small_db) -> None:
    proc = finsql("sql", "--db", str(small_db), "--timeout", "1",
                  "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT MAX(x) FROM c")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "error: timed out after 1 s"


def test_sql_json_output(small_db) -> None:
    proc = finsql("sql", "--db", str(small_db), "--json", "--max-rows", "2", "SELECT * FROM nav")
    result = json.loads(proc.stdout)
    assert result["columns"] == ["InnerCode", "TradingDay", "UnitNV"]
    assert len(result["rows"]) == 2 and result["truncated"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sql", "--db", "no_such_db", "SELECT 1"], "error: no database 'no_such_db'"),
        (["sql", "--db", "/nonexistent/x.sqlite", "SELECT 1"], "error: database file /nonexistent/x.sqlite does not"),
        (["sql", "--db", "SMALL", "--timeout", "0", "SELECT 1"], "error: timeout must be positive"),
        (["ask", "hi", "--db", "SMALL", "--model", "no-such-model"], "error: unknown model 'no-such-model'"),
        (["models", "fetch", "gpt-9"], "error: unknown model 'gpt-9'"),
        (["schema", "--db", "NOT_SQLITE"], "error: NOT_SQLITE is not a SQLite database"),
        (["ask", "hi", "--db", "SMALL", "--model", TEST_MODEL, "--adapter", "/nonexistent"],
         "error: /nonexistent is not a FinSQL LoRA module"),
    ],
)
def test_bad_input_is_one_line_without_traceback(small_db, tmp_path, args: list[str], message: str) -> None:
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("quarterly notes")
    paths = {"SMALL": str(small_db), "NOT_SQLITE": str(not_sqlite)}
    proc = finsql(*[paths.get(a, a) for a in args])
    assert proc.returncode == 2
    assert proc.stderr.startswith(message.replace("NOT_SQLITE", str(not_sqlite))), proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_ask_prints_the_voted_sql_and_result_as_json(small_db, tmp_path) -> None:
    script = tmp_path / "script.json"
    candidates = ["SELECT COUNT(*) FROM fund", "SELECT COUNT(*) FROM nav", "SELECT COUNT(InnerCode) FROM fund"]
    script.write_text(json.dumps({"How many funds are there?": candidates}))
    settings = tmp_path / "settings.toml"
    settings.write_text(f'[model]\nbackend = "scripted"\nscript = {json.dumps(str(script))}\n'
                        '[generation]\ncandidates = 3\nsample_when = "always"\n')
    proc = finsql("ask", "How many funds are there?", "--db", str(small_db), "--model", TEST_MODEL, "--json",
                  "--config", str(settings))
    assert proc.returncode == 0, proc.stderr
    answer = json.loads(proc.stdout)
    assert [s["name"] for s in answer["trace"]] == ["model", "schema", "retrieve", "examples", "prompt", "generate",
                                                   "extract", "vote"]
    assert answer["sql"] == "SELECT COUNT(*) FROM fund" and answer["rows"] == [[3]] and answer["confidence"] == 0.6667
    assert answer["error"] is None and "Traceback" not in proc.stderr


def test_ask_prints_a_table_and_exits_non_zero_when_every_candidate_fails(small_db, tmp_path) -> None:
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"*": ["SELECT COUNT(*) FROM fund"], "Delete the funds.": ["DELETE FROM fund"]}))
    settings = tmp_path / "settings.toml"
    settings.write_text(f'[model]\nbackend = "scripted"\nscript = {json.dumps(str(script))}\n')
    ok = finsql("ask", "How many funds are there?", "--db", str(small_db), "--model", TEST_MODEL, "--config",
                str(settings))
    assert ok.returncode == 0 and "SELECT COUNT(*) FROM fund" in ok.stdout and "(1 row)" in ok.stdout
    assert "confident: 1 of 1 candidate queries agree and the model found its SQL likely" in ok.stdout
    refused = finsql("ask", "Delete the funds.", "--db", str(small_db), "--model", TEST_MODEL, "--config",
                     str(settings))
    assert refused.returncode == 2 and "error: refused: DELETE statements are not allowed" in refused.stdout
    assert "Traceback" not in refused.stderr


def test_schema_verb_renders_keys_and_samples(small_db) -> None:
    proc = finsql("schema", "--db", str(small_db))
    assert proc.returncode == 0
    assert "CREATE TABLE nav (" in proc.stdout
    assert "FOREIGN KEY (InnerCode) REFERENCES fund(InnerCode)" in proc.stdout
    assert "'华夏成长混合'" in proc.stdout


@pytest.mark.parametrize("bench", ["bench_train.py", "bench_calibration.py", "bench_latency.py", "bench_accuracy.py",
                                   "bench_conversation.py"])
def test_benchmarks_name_an_unknown_database_in_one_line(bench: str) -> None:
    script = Path(__file__).resolve().parent.parent / "benchmarks" / bench
    proc = subprocess.run([sys.executable, str(script), "--databases", "nosuch", "--model", TEST_MODEL,
                           "--per-db", "1"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    last = proc.stderr.strip().splitlines()[-1]
    assert "error: " in last and "nosuch" in last and "Traceback" not in proc.stderr
