"""Each repair rule against its fixture cases (tests/fixtures/repairs.txt), and the rule chain."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from finsql.calibrate import repair as repairs
from finsql.calibrate.repair import RULES, RepairContext, repair
from finsql.db import Database
from finsql.schema import load_schema

FIXTURES = Path(__file__).parent / "fixtures" / "repairs.txt"
VALUES = ("华夏成长混合", "Harvest Bond Plus")


def _cases() -> list[tuple[str, str, str]]:
    lines = [x for x in FIXTURES.read_text(encoding="utf-8").splitlines() if not x.startswith("# ")]
    cases = []
    for section in "\n".join(lines).split("## ")[1:]:
        rule, _, body = section.partition("\n")
        for block in body.strip("\n").split("\n----\n"):
            broken, expected = block.split("\n==>\n")
            cases.append((rule.strip(), broken.strip(), expected.strip()))
    return cases


@pytest.fixture(scope="module")
def context(tmp_path_factory) -> RepairContext:
    path = tmp_path_factory.mktemp("repair") / "funds.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript("""
        CREATE TABLE fund (InnerCode INTEGER PRIMARY KEY, ChiName TEXT, FundType INTEGER);
        CREATE TABLE nav (InnerCode INTEGER REFERENCES fund(InnerCode), TradingDay DATE, UnitNV REAL);
        CREATE TABLE manager (PersonID INTEGER PRIMARY KEY, Name TEXT, Education TEXT);
        CREATE TABLE fund_manager (InnerCode INTEGER, PersonID INTEGER, StartDate TEXT);
        INSERT INTO fund_manager VALUES (1, 7, '2020-03-02');  -- a TEXT column known as dates by its values
        CREATE TABLE report ("order" INTEGER, "Net Profit" REAL, InnerCode INTEGER);
    """)
    conn.close()
    return RepairContext(load_schema(Database(path)), VALUES)


def test_every_rule_has_fixture_cases() -> None:
    covered = {rule for rule, _, _ in _cases()}
    assert covered == {rule.__name__ for rule in RULES}


@pytest.mark.parametrize(("rule", "broken", "expected"), _cases())
def test_rule_fixture(context: RepairContext, rule: str, broken: str, expected: str) -> None:
    assert getattr(repairs, rule)(broken, context) == expected


def test_chain_records_each_rule_that_changed_something(context: RepairContext) -> None:
    sql, applied = repair("SELECT n.ChiName FROM funds AS f JOIN nav AS n ON f.InnerCode == n.InnerCode "
                          "WHERE f.ChiName = 'harvest bond plus'", context)
    assert applied == ["fix_double_equals", "fix_unknown_tables", "fix_wrong_alias", "normalise_literals"]
    assert sql == ("SELECT f.ChiName FROM fund AS f JOIN nav AS n ON f.InnerCode = n.InnerCode "
                   "WHERE f.ChiName = 'Harvest Bond Plus'")


def test_sql_that_needs_nothing_is_returned_untouched(context: RepairContext) -> None:
    sql = "select ChiName   from fund where FundType = 1"
    assert repair(sql, context) == (sql, [])


def test_unparseable_sql_passes_through(context: RepairContext) -> None:
    assert repair("this is not sql", context) == ("this is not sql", [])


# Dev questions as a small model writes them, each broken in the way one rule mends:
# (database, the model's SQL, how SQLite refuses it, the rule, the gold SQL).
MODEL_WRITTEN = [
    pytest.param("stock", "SELECT COUNT(*) FROM qt_dailyquote WHERE ChiNameAbbr = '帆源汽车' "
                 "AND TradingDay BETWEEN '2024-05-01' AND '2024-05-31' AND ClosePrice > OpenPrice",
                 "no such column", "add_missing_join",
                 "SELECT COUNT(*) FROM qt_dailyquote q JOIN secumain s ON s.InnerCode = q.InnerCode "
                 "WHERE s.ChiNameAbbr = '帆源汽车' AND q.TradingDay BETWEEN '2024-05-01' AND '2024-05-31' "
                 "AND q.ClosePrice > q.OpenPrice",
                 id="stock-dev-015: the short name read from the daily quotes"),
    pytest.param("macro", "SELECT Year, ROUND(AVG(CapacityUtilization), 2) AS AvgCapacityUtilization "
                 "FROM ed_industrialprod WHERE EndDate BETWEEN '2015-01-01' AND '2023-12-31' GROUP BY Year",
                 "no such column", "derive_from_date_column",
                 "SELECT substr(EndDate, 1, 4) AS Year, ROUND(AVG(CapacityUtilization), 2) AS AvgCapU "
                 "FROM ed_industrialprod WHERE EndDate < '2024-01-01' GROUP BY Year",
                 id="macro-dev-018: a Year the series dated by EndDate does not have"),
    pytest.param("macro", "SELECT substr(EndDate, 1, 4) AS Year, "
                 "ROUND(MAX(ManufacturingPMI) - MIN(ManufacturingPMI), 1) AS Range "
                 "FROM ed_pmi WHERE MAX(ManufacturingPMI) - MIN(ManufacturingPMI) > 3",
                 "misuse of aggregate", "move_aggregate_conditions_to_having",
                 "SELECT substr(EndDate, 1, 4) AS Year, ROUND(MAX(ManufacturingPMI) - MIN(ManufacturingPMI), 1) "
                 "AS PMIRange FROM ed_pmi GROUP BY Year HAVING MAX(ManufacturingPMI) - MIN(ManufacturingPMI) > 3",
                 id="macro-dev-015: a condition on the yearly range written in WHERE"),
]


@pytest.mark.parametrize(("name", "written", "refusal", "rule", "gold_sql"), MODEL_WRITTEN)
def test_a_model_written_query_is_mended_to_the_gold_result(bundled_data_dir, name: str, written: str, refusal: str,
                                                             rule: str, gold_sql: str) -> None:
    from finsql.results import results_match

    db = Database(name)
    gold = db.execute(gold_sql)
    assert refusal in db.execute(written).error
    fixed, applied = repair(written, RepairContext(load_schema(db)))
    assert applied == [rule]
    assert gold.rows and gold.rows != [(0,)] and results_match(gold, db.execute(fixed), ordered=False)


def test_no_rule_changes_what_a_gold_query_returns(bundled_data_dir) -> None:
    """Every train, dev and conversation query of the bundled sets is right: a rule that rewrites one must
    keep its result."""
    from finsql.bundled import DATABASES
    from finsql.datasets import load_conversations, load_questions
    from finsql.results import is_ordered, results_match

    rewritten = 0
    for name in DATABASES:
        db = Database(name)
        context = RepairContext(load_schema(db))
        folder = bundled_data_dir / "questions"
        queries = [i.sql for split in ("train", "dev") for i in load_questions(folder / f"{name}_{split}.jsonl",
                                                                                "jsonl").items]
        queries += [t.sql for c in load_conversations(folder / f"{name}_conversations.jsonl").conversations
                    for t in c.turns]
        assert len(queries) > 150
        for sql in queries:
            fixed, applied = repair(sql, context)
            if applied:
                rewritten += 1
                assert results_match(db.execute(sql), db.execute(fixed), ordered=is_ordered(sql)), (applied, sql)
    assert rewritten < 20  # nearly all gold SQL needs nothing
