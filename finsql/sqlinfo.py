"""What a SQL query touches: the tables and columns sqlglot finds in it, resolved against a schema."""

from __future__ import annotations

import sqlglot
from sqlglot import exp
from sqlglot.optimizer.qualify import qualify

from finsql.schema import Schema


def referenced_items(sql: str, schema: Schema) -> tuple[set[str], set[str]]:
    """(tables, "table.column" names) a query reads, lower-cased; columns are resolved to their tables.

    CTE and subquery aliases are not tables; a column that cannot be resolved is left out.
    """
    mapping = {t.name: {c.name: c.type for c in t.columns} for t in schema.tables}
    real = {t.name.lower(): t.name for t in schema.tables}
    tree = sqlglot.parse_one(sql, read="sqlite")
    try:
        tree = qualify(tree, schema=mapping, dialect="sqlite", validate_qualify_columns=False,
                       identify=False, quote_identifiers=False)
    except sqlglot.errors.SqlglotError:
        pass  # fall back to what the unqualified tree says
    tables: set[str] = set()
    alias_to_table: dict[str, str] = {}
    for table in tree.find_all(exp.Table):
        name = table.name.lower()
        if name in real:
            tables.add(name)
            alias_to_table[(table.alias_or_name or name).lower()] = name
    columns: set[str] = set()
    for column in tree.find_all(exp.Column):
        owner = alias_to_table.get(column.table.lower()) if column.table else None
        if owner is None and len(tables) == 1:
            owner = next(iter(tables))
        if owner is not None:
            col = column.name.lower()
            if any(c.name.lower() == col for c in schema.table(real[owner]).columns):
                columns.add(f"{owner}.{col}")
    return tables, columns
