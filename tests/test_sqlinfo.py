"""What a query returns, resolved against the bundled fund schema: which result columns are codes."""

from __future__ import annotations

import pytest

from finsql.sqlinfo import coded_outputs


@pytest.fixture(scope="module")
def fund_schema(bundled_data_dir):
    from finsql.db import Database
    from finsql.schema import load_schema

    return load_schema(Database("fund"))


def test_a_coded_column_is_found_through_its_table_alias_and_column_alias(fund_schema) -> None:
    sql = ("SELECT a.ChiNameAbbr, a.FundTypeCode AS kind FROM mf_fundarchives a "
           "JOIN mf_netvalue n ON a.InnerCode = n.InnerCode")
    codes = coded_outputs(sql, fund_schema)
    assert list(codes) == [1] and codes[1]["1101"] == "Equity"


def test_computed_values_and_subquery_columns_are_not_codes(fund_schema) -> None:
    assert coded_outputs("SELECT COUNT(*), MAX(FundTypeCode) + 0 FROM mf_fundarchives", fund_schema) == {}
    inner = "SELECT t FROM (SELECT FundTypeCode AS t FROM mf_fundarchives)"
    assert coded_outputs(inner, fund_schema) == {}


def test_a_query_that_does_not_parse_has_no_codes(fund_schema) -> None:
    assert coded_outputs("SELEC FundTypeCode FROM", fund_schema) == {}
