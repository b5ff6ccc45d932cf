"""The ``fund`` database: Chinese public mutual funds in the JuYuan (聚源) data model.

Wide tables with coded English column names (InnerCode, SecuCode, ChiNameAbbr, EndDate, ...), codes
explained by ``ct_systemconst``, and Chinese plus English names for funds, companies and managers.
About 200 share classes of ~170 funds from 26 real management companies (fund names, managers and
all figures are synthetic). Daily NAV runs from 2021-07-01 to 2024-06-28 (Shanghai trading days);
quarterly reports cover 2021Q3 to 2024Q1.

Everything random comes from the ``rng`` passed to :func:`build`, so a seed gives the same rows.
"""

from __future__ import annotations

import random
import sqlite3

from finsql.data.fund.schema import create_tables
from finsql.data.fund.world import World
from finsql.data.tables import insert_tuples


def build(conn: sqlite3.Connection, rng: random.Random) -> None:
    columns = create_tables(conn)
    w = World(rng)
    w.make()
    for table, rows in w.tables.items():
        insert_tuples(conn, table, columns[table], rows)
