"""Schema introspection, description merging and rendering on real SQLite files."""

from __future__ import annotations

import pytest

from finsql.db import Database
from finsql.errors import FinSQLError
from finsql.schema import load_schema

DESCRIPTIONS = """
database: mini_fund
description: {en: Two fund tables., zh: 两张基金表。}
tables:
  fund:
    en: Fund profile, one row per fund.
    zh: 基金概况。
    synonyms: [fund archive, 基金档案]
    columns:
      SecuCode: {en: Exchange fund code., zh: 基金代码。, synonyms: [fund code, 基金代码], format: six digits}
      FundType: {en: Fund type code., zh: 基金类型。, values: {1: equity, 3: hybrid, 4: money market}}
  nav:
    en: Daily net asset value.
    zh: 每日净值。
    columns:
      UnitNV: {en: Unit NAV., zh: 单位净值。, unit: CNY, synonyms: [unit NAV, 单位净值]}
"""


@pytest.fixture()
def described(small_db, tmp_path):
    path = tmp_path / "mini_fund.yaml"
    path.write_text(DESCRIPTIONS, encoding="utf-8")
    return load_schema(Database(small_db), descriptions=path)


def test_introspection_finds_tables_columns_and_keys(small_db) -> None:
    schema = load_schema(Database(small_db))
    assert [t.name for t in schema.tables] == ["fund", "nav"]
    nav = schema.table("nav")
    assert [c.name for c in nav.columns] == ["InnerCode", "TradingDay", "UnitNV"]
    assert {c.name for c in nav.columns if c.primary_key} == {"InnerCode", "TradingDay"}
    (fk,) = nav.foreign_keys
    assert (fk.columns, fk.ref_table, fk.ref_columns) == (("InnerCode",), "fund", ("InnerCode",))
    assert schema.table("FUND").column("secucode").type == "TEXT"


def test_sample_values_are_distinct_and_few(small_db) -> None:
    fund = load_schema(Database(small_db)).table("fund")
    assert fund.column("ChiName").samples == ["'华夏成长混合'", "'易方达消费行业'", "'天弘余额宝货币'"]
    assert fund.column("FundType").samples == ["3", "1", "4"]


def test_descriptions_are_merged(described) -> None:
    assert described.en == "Two fund tables."
    fund = described.table("fund")
    assert fund.zh == "基金概况。" and fund.synonyms == ["fund archive", "基金档案"]
    assert fund.column("FundType").values == {"1": "equity", "3": "hybrid", "4": "money market"}
    assert described.table("nav").column("UnitNV").unit == "CNY"
    assert fund.column("ChiName").en == ""  # undescribed columns stay empty, not invented


def test_render_is_valid_ddl_with_comments(described, tmp_path) -> None:
    import sqlite3

    ddl = described.render()
    assert "CREATE TABLE fund (  -- Fund profile, one row per fund" in ddl
    assert "FundType INTEGER  -- Fund type code; codes: 1=equity, 3=hybrid, 4=money market\n);" in ddl
    assert "UnitNV REAL,  -- Unit NAV; unit: CNY" in ddl
    # The rendered DDL is itself executable SQLite: commas and comments are where they belong.
    conn = sqlite3.connect(tmp_path / "roundtrip.sqlite")
    conn.executescript(ddl)
    assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} == {"fund", "nav"}


def test_render_subset_keeps_key_columns(described) -> None:
    ddl = described.render(keep={"nav": ["UnitNV"]})
    assert "CREATE TABLE fund" not in ddl
    assert "InnerCode INTEGER," in ddl and "UnitNV REAL" in ddl and "PRIMARY KEY (InnerCode, TradingDay)" in ddl
    assert "FOREIGN KEY (InnerCode) REFERENCES fund(InnerCode)" in ddl


def test_broken_yaml_names_the_line(small_db, tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("tables:\n  fund:\n    en: [unclosed\n")
    with pytest.raises(FinSQLError, match=r"bad.yaml is not valid YAML at line \d"):
        load_schema(Database(small_db), descriptions=bad)
