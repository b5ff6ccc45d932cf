"""Bundled finance databases: deterministic builders and the question-set validator.

Each database has a module or package here exposing ``build(conn: sqlite3.Connection, rng:
random.Random)`` that creates its tables and fills them. They share one way to declare a table
(``tables.create_table`` specs, keys and constraints included) and one fake-data module (``fake.py``,
its name pools, calendars and firm lists as data in ``pools.json``). The two largest simulations are
packages split by concern: ``fund/`` (market, lineup, navs, holdings, people, reports, joined in
``world.py``) and ``bank/`` (customers, products, accounts, lending, ledger, scores).
``python -m finsql.data build`` runs them all; see ``finsql/data/__main__.py``.
"""

from finsql.bundled import DATABASES

__all__ = ["DATABASES"]
