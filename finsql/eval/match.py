"""Execution match: do two query results hold the same rows?"""

from __future__ import annotations

from collections import Counter

import sqlglot
from sqlglot import exp

from finsql.db import ExecResult

FLOAT_DECIMALS = 6


def _cell(value: object) -> object:
    if isinstance(value, float):
        rounded = round(value, FLOAT_DECIMALS)
        return int(rounded) if rounded.is_integer() else rounded
    return value


def normalise_rows(rows: list[tuple]) -> list[tuple]:
    """Rows with floats rounded, so 0.30000000000000004 and 0.3 (and 2.0 and 2) compare equal."""
    return [tuple(_cell(v) for v in row) for row in rows]


def is_ordered(sql: str) -> bool:
    """True when the query's outermost SELECT has an ORDER BY, so row order is part of the answer.

    >>> is_ordered("SELECT a FROM t ORDER BY a DESC LIMIT 3"), is_ordered("SELECT a FROM (SELECT a FROM t ORDER BY a)")
    (True, False)
    """
    try:
        tree = sqlglot.parse_one(sql, read="sqlite")
    except sqlglot.errors.SqlglotError:
        return False
    return isinstance(tree, exp.Query) and tree.args.get("order") is not None


def results_match(gold: ExecResult, pred: ExecResult, ordered: bool) -> bool:
    """Rows compared as multisets, or as sequences when ``ordered``; a failed run never matches."""
    if not gold.ok or not pred.ok:
        return False
    gold_rows, pred_rows = normalise_rows(gold.rows), normalise_rows(pred.rows)
    return gold_rows == pred_rows if ordered else Counter(gold_rows) == Counter(pred_rows)
