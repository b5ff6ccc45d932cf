"""The ``bank`` database: retail banking at a fictional city commercial bank, 华信银行 (Huaxin Bank).

Snake_case tables, unlike the JuYuan-style fund tables: districts, branches, customers (Chinese and
English names), accounts in CNY/USD/HKD, an 18-month transaction log (2023-01-01 to 2024-06-30)
whose running balances match the accounts, loans with their repayment history, cards, quarterly
credit scores, products, product holdings and daily exchange rates. The snapshot date is
2024-06-30: balances, statuses and overdue days are as of that day.

Everything random comes from the ``rng`` passed to :func:`build`, so a seed gives the same rows.
"""

from __future__ import annotations

import random
import sqlite3

from finsql.data.bank.schema import create_tables
from finsql.data.bank.world import Bank
from finsql.data.tables import insert_tuples


def build(conn: sqlite3.Connection, rng: random.Random) -> None:
    columns = create_tables(conn)
    b = Bank(rng)
    b.make()
    for table in ("district", "branch", "product", "customer", "account", "loan", "loan_repayment", "card",
                  "credit_score", "product_holding", "transaction_log", "exchange_rate"):
        insert_tuples(conn, table, columns[table], b.tables[table])
