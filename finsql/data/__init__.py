"""Bundled finance databases: deterministic builders and the question-set validator.

Each database has a module here exposing ``build(conn: sqlite3.Connection, rng: random.Random)``
that creates its tables (with primary and foreign keys declared in the DDL) and fills them.
``python -m finsql.data build`` runs them all; see ``finsql/data/__main__.py``.
"""

from finsql.bundled import DATABASES

__all__ = ["DATABASES"]
