"""What running one query gives, and when two such results hold the same rows.

The vote groups candidates by it and evaluation scores predictions by it, so both judge "the same
result" alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass, field

import sqlglot
from sqlglot import exp

FLOAT_DECIMALS = 6
SIGNIFICANT_DIGITS = 12


@dataclass
class ExecResult:
    """What running one query gave: rows, or an error, never both."""

    columns: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    error: str | None = None
    timed_out: bool = False
    elapsed_s: float = 0.0
    truncated: bool = False
    sent: str | None = None  # the query as the database ran it, where translated into its dialect

    @property
    def ok(self) -> bool:
        return self.error is None


def _cell(value: object) -> object:
    if isinstance(value, float):
        # 12 significant digits as well: a sum of the same floats in another order (another engine's plan)
        # differs in the last bits, which for 317095387867.32 lie above the 6th decimal.
        rounded = round(float(f"{value:.{SIGNIFICANT_DIGITS}g}"), FLOAT_DECIMALS)
        return int(rounded) if rounded.is_integer() else rounded
    return value


def normalise_rows(rows: list[tuple]) -> list[tuple]:
    """Rows with floats rounded (6 decimals, 12 significant digits), so 0.30000000000000004 and 0.3 (and 2.0
    and 2) compare equal."""
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


def result_key(result: ExecResult, ordered: bool) -> Hashable | None:
    """A value equal for two results exactly when they hold the same rows (None for a failed run).

    Rows count as a sequence when ``ordered``, else as a multiset.
    """
    if not result.ok:
        return None
    rows = normalise_rows(result.rows)
    if ordered:
        return ("ordered", tuple(rows))
    return ("multiset", frozenset(Counter(map(repr, rows)).items()))


def results_match(gold: ExecResult, pred: ExecResult, ordered: bool) -> bool:
    """Rows compared as multisets, or as sequences when ``ordered``; a failed run never matches."""
    key = result_key(gold, ordered)
    return key is not None and key == result_key(pred, ordered)
