"""The bundled databases and question sets, and the validator that guards them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from finsql.data.__main__ import build_database
from finsql.data.check import Report, check_all, check_conversation_sets, check_question_sets, load_question_file
from finsql.datasets import Conversation, ConversationTurn, LoadProblem, conversation_set_path, load_conversations


def _dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(line for line in conn.iterdump() if "sqlite_stat" not in line)
    finally:
        conn.close()


def test_build_is_deterministic(tmp_path) -> None:
    first = build_database("macro", tmp_path / "a", seed=11)
    second = build_database("macro", tmp_path / "b", seed=11)
    other = build_database("macro", tmp_path / "c", seed=12)
    assert _dump(first) == _dump(second)
    assert _dump(first) != _dump(other)


def test_bundled_data_passes_the_validator(bundled_data_dir) -> None:
    from finsql.paths import schemas_dir

    report = check_all(bundled_data_dir, schemas_dir())
    assert report.problems == []
    totals = report.counts["all databases"]
    assert totals["tables"] >= 60 and totals["columns"] >= 700 and totals["rows"] >= 200_000
    for db in ("fund", "stock", "macro"):
        assert report.counts[f"{db} train"]["questions"] >= 150
        assert report.counts[f"{db} dev"]["questions"] >= 50
    assert report.counts["bank train"]["questions"] >= 60 and report.counts["bank dev"]["questions"] >= 40
    for db in ("fund", "stock", "macro", "bank"):
        assert report.counts[f"{db} conversations"]["turns"] >= 40


def _write(path: Path, items: list) -> None:
    path.write_text("\n".join(i if isinstance(i, str) else json.dumps(i, ensure_ascii=False) for i in items) + "\n",
                    encoding="utf-8")


def _pair(i: int, question: str, sql: str, difficulty: str = "easy", db: str = "bank") -> dict:
    return {"id": f"t-{i}", "db_id": db, "question": question, "question_zh": "问题", "sql": sql,
            "difficulty": difficulty}


def test_validator_names_every_broken_pair(bundled_data_dir, tmp_path) -> None:
    data = tmp_path / "data"
    (data / "questions").mkdir(parents=True)
    for db in ("fund", "stock", "macro", "bank"):
        (data / f"{db}.sqlite").symlink_to(bundled_data_dir / f"{db}.sqlite")
    _write(data / "questions" / "bank_train.jsonl", [
        _pair(1, "How many customers are there?", "SELECT COUNT(*) FROM customer"),
        "{not json",
        _pair(3, "How many customers are there?!", "SELECT COUNT(*) FROM customer"),
        _pair(4, "Which column does not exist?", "SELECT no_such_column FROM customer"),
        _pair(5, "Customers born in year 3000?", "SELECT * FROM customer WHERE birth_date > '3000-01-01'"),
        _pair(6, "A hard one that is not hard", "SELECT COUNT(*) FROM account", difficulty="hard"),
        _pair(7, "Wrong database label", "SELECT COUNT(*) FROM loan", db="fund"),
    ])
    _write(data / "questions" / "bank_dev.jsonl", [
        _pair(8, "How many customers are there?", "SELECT COUNT(*) FROM customer WHERE 1 = 1"),
    ])
    report = Report()
    check_question_sets(data, report)
    problems = "\n".join(report.problems)
    assert "bank_train.jsonl:2: not valid JSON" in problems
    assert "bank_train.jsonl:3 (t-3): near-duplicate of bank_train.jsonl:1 (t-1)" in problems
    assert "bank_train.jsonl:4 (t-4): gold SQL fails: OperationalError: no such column: no_such_column" in problems
    assert "bank_train.jsonl:5 (t-5): gold SQL returns no rows" in problems
    assert "bank_train.jsonl:6 (t-6): labelled hard but has no join of 3+ tables" in problems
    assert "bank_train.jsonl:7 (t-7): db_id 'fund' in the bank set" in problems
    assert "bank_train.jsonl: 6 questions, need at least 60" in problems
    assert "bank_dev.jsonl:1 (t-8): paraphrases train question bank_train.jsonl:1 (t-1)" in problems
    assert "stock_train.jsonl: missing" in problems


def test_question_loader_requires_every_field(tmp_path) -> None:
    path = tmp_path / "x_train.jsonl"
    _write(path, [{"id": "a", "db_id": "bank", "question": "q", "sql": "SELECT 1", "difficulty": "easy"},
                  _pair(2, "q2", "SELECT 1", difficulty="extreme")])
    report = Report()
    assert load_question_file(path, report) == []
    assert report.problems == ["x_train.jsonl:1: missing question_zh",
                               "x_train.jsonl:2: difficulty 'extreme' is not easy|medium|hard"]


def _conv(cid: str, turns: list[tuple[str, str, bool]], db: str = "bank", language: str = "en") -> dict:
    return {"id": cid, "db_id": db, "language": language,
            "turns": [{"question": q, "sql": sql, "follow_up": f} for q, sql, f in turns]}


def test_conversation_loader_reads_good_lines_and_names_bad_ones(tmp_path) -> None:
    path = tmp_path / "fund_conversations.jsonl"
    good = _conv("c-1", [("How many funds?", "SELECT 1", False), ("And bond funds?", "SELECT 2", True)], db="fund")
    turn = {"question": "q", "sql": "SELECT 1", "follow_up": False}
    _write(path, [
        good,
        "{not json",
        "",
        {"id": "c-3", "db_id": "fund", "turns": [turn]},
        {**good, "language": "fr"},
        {**good, "turns": []},
        {**good, "turns": [turn, {"question": "q", "sql": "SELECT 1", "follow_up": "yes"}]},
        {**good, "turns": [{**turn, "follow_up": True}]},
        {**good, "turns": ["SELECT 1"]},
    ])
    loaded = load_conversations(path)
    assert loaded.conversations == [Conversation("c-1", "fund", "en", (
        ConversationTurn("How many funds?", "SELECT 1", False), ConversationTurn("And bond funds?", "SELECT 2", True)))]
    assert loaded.problems == [
        LoadProblem("fund_conversations.jsonl:2", "not valid JSON (Expecting property name enclosed in double quotes)"),
        LoadProblem("fund_conversations.jsonl:4", "missing language"),
        LoadProblem("fund_conversations.jsonl:5", "language 'fr' is not en|zh"),
        LoadProblem("fund_conversations.jsonl:6", "turns must be a list of one or more turns"),
        LoadProblem("fund_conversations.jsonl:7", "turn 2: missing follow_up (true|false)"),
        LoadProblem("fund_conversations.jsonl:8",
                    "turn 1 is marked follow_up; a conversation cannot start with a follow-up"),
        LoadProblem("fund_conversations.jsonl:9", "turn 1 is not a JSON object"),
    ]
    assert conversation_set_path("macro").parts[-2:] == ("questions", "macro_conversations.jsonl")


def test_validator_names_every_broken_conversation(bundled_data_dir, tmp_path) -> None:
    data = tmp_path / "data"
    (data / "questions").mkdir(parents=True)
    for db in ("fund", "stock", "macro", "bank"):
        (data / f"{db}.sqlite").symlink_to(bundled_data_dir / f"{db}.sqlite")
    (data / "questions" / "bank_train.jsonl").symlink_to(bundled_data_dir / "questions" / "bank_train.jsonl")
    train_question = json.loads((bundled_data_dir / "questions" / "bank_train.jsonl").read_text(encoding="utf-8")
                                .splitlines()[0])["question"]
    ok = ("How many customers are there?", "SELECT COUNT(*) FROM customer", False)
    _write(data / "questions" / "bank_conversations.jsonl", [
        _conv("c-1", [ok, ("And loans?", "SELECT COUNT(*) FROM loan", True), ok]),
        "{not json",
        _conv("c-1", [ok, ok, ok]),
        _conv("c-4", [ok, ok, ok], db="fund"),
        _conv("c-5", [ok, ok]),
        _conv("c-6", [ok, ("Which column?", "SELECT no_such_column FROM customer", True),
                      ("Born in 3000?", "SELECT * FROM customer WHERE birth_date > '3000-01-01'", True)]),
        _conv("c-7", [ok, (train_question, "SELECT 1", False), ok]),
    ])
    report = Report()
    check_conversation_sets(data, report)
    problems = "\n".join(report.problems)
    assert "bank_conversations.jsonl:2: not valid JSON" in problems
    assert "bank_conversations.jsonl:3 (c-1): duplicate id" in problems
    assert "bank_conversations.jsonl:4 (c-4): db_id 'fund' in the bank set" in problems
    assert "bank_conversations.jsonl:5 (c-5): 2 turns, need 3 to 5" in problems
    assert ("bank_conversations.jsonl:6 (c-6) turn 2: gold SQL fails: OperationalError: no such column: "
            "no_such_column") in problems
    assert "bank_conversations.jsonl:6 (c-6) turn 3: gold SQL returns no rows" in problems
    assert "bank_conversations.jsonl:7 (c-7) turn 2: repeats train question bank_train.jsonl:1" in problems
    assert "bank_conversations.jsonl: 17 turns, need at least 40" in problems
    assert "bank_conversations.jsonl: 18% of the turns are follow-ups, need at least 33%" in problems
    assert "bank_conversations.jsonl: 0% of the turns in 'zh', need at least 33%" in problems
    assert "stock_conversations.jsonl: missing" in problems
    assert report.counts["bank conversations"] == {"conversations": 6, "turns": 17, "follow-ups": 3,
                                                   "en turns": 17, "zh turns": 0}
