"""What a SQL query touches: the tables and columns sqlglot finds in it, resolved against a schema."""

from __future__ import annotations

import sqlglot
from sqlglot import exp
from sqlglot.optimizer.qualify import qualify
from sqlglot.tokens import Tokenizer, TokenType

from finsql.schema import Schema

_NAME_OR_VALUE = {TokenType.VAR, TokenType.IDENTIFIER, TokenType.STRING, TokenType.NUMBER}


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


def coded_outputs(sql: str, schema: Schema) -> dict[int, dict[str, str]]:
    """Result column position -> code meanings, for each column a query returns as stored in a coded
    schema column (one whose description lists ``values``, e.g. FundTypeCode 1101 = Equity).

    Computed values (``COUNT(*)``, ``CASE``) and columns of subqueries are not codes; nothing is
    guessed for a query that does not parse.
    """
    mapping = {t.name: {c.name: c.type for c in t.columns} for t in schema.tables}
    try:
        tree = qualify(sqlglot.parse_one(sql, read="sqlite"), schema=mapping, dialect="sqlite",
                       validate_qualify_columns=False, identify=False, quote_identifiers=False)
    except sqlglot.errors.SqlglotError:
        return {}
    if not isinstance(tree, exp.Select):
        return {}
    sources = {(t.alias_or_name or t.name).lower(): t.name for t in tree.find_all(exp.Table)
               if t.find_ancestor(exp.Select) is tree}
    codes: dict[int, dict[str, str]] = {}
    for position, projection in enumerate(tree.expressions):
        column = projection.unalias()
        if not isinstance(column, exp.Column) or not column.table:
            continue
        table = schema.table(sources.get(column.table.lower(), ""))
        found = next((c for c in table.columns if c.name.lower() == column.name.lower()), None) if table else None
        if found is not None and found.values:
            codes[position] = dict(found.values)
    return codes


def sql_skeleton(sql: str) -> str:
    """The query's shape with every name and literal replaced by ``_`` (DAIL-SQL's skeleton).

    >>> sql_skeleton("SELECT f.name AS n, AVG(nav) FROM fund f WHERE type = 'equity' GROUP BY 1 HAVING COUNT(*) > 2")
    'SELECT _ AS _, AVG(_) FROM _ WHERE _ = _ GROUP BY _ HAVING COUNT(*) > _'
    """
    try:
        tokens = Tokenizer(dialect="sqlite").tokenize(sql)
    except sqlglot.errors.SqlglotError:
        return ""
    out: list[str] = []
    for i, token in enumerate(tokens):
        is_call = i + 1 < len(tokens) and tokens[i + 1].token_type == TokenType.L_PAREN
        if token.token_type in _NAME_OR_VALUE and not is_call:
            if out and out[-1] in ("_", "_."):
                out[-1] = "_"  # f.name -> one placeholder
            else:
                out.append("_")
        elif token.token_type == TokenType.DOT and out and out[-1] == "_":
            out[-1] = "_."
        else:
            out.append(token.text.upper())
    text = " ".join(out)
    for before, after in ((" (", "("), ("( ", "("), (" )", ")"), (" ,", ",")):
        text = text.replace(before, after)
    return text
