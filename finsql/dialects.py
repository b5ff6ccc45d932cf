"""SQL written for SQLite, made to run on another engine (PostgreSQL, DuckDB) with the same meaning.

The model, the bundled gold SQL and the verified examples all speak SQLite, the dialect the modules were
trained on. A database reached by URL translates that SQL into its own dialect just before running it:
sqlglot's transpiler, plus the repairs where SQLite and the server disagree on what the same text means.

    >>> translate("SELECT fundcode, ROUND(AVG(x), 2) AS avg_x FROM T", "postgres", {"T": {"FundCode": "TEXT"}})
    'SELECT "FundCode", ROUND(CAST(AVG(x) AS DECIMAL), 2) AS avg_x FROM "T"'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import sqlglot
from sqlglot import exp

MODEL_DIALECT = "sqlite"  # what generated, gold and verified SQL is written in
_UNIX_EPOCH_JULIAN_DAY = 2440587.5
_DATE_SHIFT = re.compile(r"^\s*([+-]?\d+)\s+(day|month|year)s?\s*$", re.IGNORECASE)
_BOOLEAN = (exp.Predicate, exp.Connector, exp.Not)
# Rounding an exact number rounds 73.475 up, as SQLite does; a double holds 73.47499999...
_EXACT = {"postgres": "DECIMAL", "duckdb": "DECIMAL(38, 12)", "mysql": "DECIMAL(38, 12)"}


def number_kind(declared: str) -> str | None:
    """"INTEGER" or "REAL" for a declared column type that holds whole or real numbers (SQLite's names for
    them: BIGINT and INTEGER are whole, DOUBLE PRECISION, NUMERIC and REAL real), else None.

    >>> number_kind("BIGINT"), number_kind("DOUBLE PRECISION"), number_kind("VARCHAR(20)")
    ('INTEGER', 'REAL', None)
    """
    upper = declared.upper()
    if "INT" in upper:
        return "INTEGER"
    if any(word in upper for word in ("REAL", "FLOA", "DOUB", "NUMERIC", "DECIMAL")):
        return "REAL"
    return None


def translate(sql: str, target: str, catalog: Mapping[str, Mapping[str, str]]) -> str:
    """``sql`` (SQLite) in the ``target`` sqlglot dialect; ``catalog`` maps each table to its columns' types,
    all spelt as in the database. Besides sqlglot's own translation:

    - names are spelt as the database spells them and quoted: SQLite matches names whatever their case,
      PostgreSQL folds an unquoted ``FundCode`` to ``fundcode`` and then finds no such column. Any other
      identifier (an alias) is left unquoted, so its uses still match each other whatever their case;
    - a comparison summed, averaged or coalesced counts as 1 or 0, as in SQLite (``SUM(x > 0)``);
    - ``JULIANDAY(d)`` and ``DATE(d[, '+N day|month|year', 'start of month|year', ...])`` become the engine's
      date arithmetic;
    - ``ROUND(x, n)`` rounds ``x`` as an exact number, as SQLite does (73.475 -> 73.48; PostgreSQL rounds no
      other kind to n places);
    - a bare column of a grouped query, which SQLite takes from any row of its group, is read with ``MIN``
      (the servers want every selected or ordering column grouped or aggregated);
    - a subquery in FROM gets the alias PostgreSQL requires; MariaDB reads ``x IN (SELECT ... LIMIT n)``
      only from a derived table;
    - a computed output column is named by its text, as SQLite names it (``COUNT(*)``, not ``count``);
    - DuckDB and MySQL divide whole numbers exactly: a division of two whole numbers is made whole again, as
      in SQLite.
    """
    names = {t.lower(): t for t in catalog} | {c.lower(): c for columns in catalog.values() for c in columns}
    tree = sqlglot.parse_one(sql, read=MODEL_DIALECT)
    _name_output_columns_as_sqlite_does(tree)
    for identifier in list(tree.find_all(exp.Identifier)):
        spelled = names.get(identifier.name.lower())
        if spelled is not None:
            identifier.set("this", spelled)
            identifier.set("quoted", True)
    tree = tree.transform(_sqlite_semantics)
    for rounding in list(tree.find_all(exp.Round)):
        if rounding.args.get("decimals") is not None:
            rounding.this.replace(exp.cast(rounding.this.copy(), _EXACT[target]))
    for select in list(tree.find_all(exp.Select)):
        _read_bare_columns_with_min(select)
    for number, subquery in enumerate(tree.find_all(exp.Subquery), start=1):
        if not subquery.alias and isinstance(subquery.parent, (exp.From, exp.Join)):
            subquery.set("alias", exp.TableAlias(this=exp.to_identifier(f"_subquery{number}")))
    if target == "mysql":
        for member in list(tree.find_all(exp.In)):
            query = member.args.get("query")
            inner = query.this if isinstance(query, exp.Subquery) else query
            if isinstance(inner, exp.Select) and inner.args.get("limit") is not None:
                wrapped = exp.select("*").from_(exp.Subquery(this=inner.copy(), alias=exp.TableAlias(
                    this=exp.to_identifier("_limited"))))
                member.set("query", exp.Subquery(this=wrapped))
    if target in ("duckdb", "mysql"):
        integer_columns = {c.lower() for columns in catalog.values() for c, t in columns.items()
                           if number_kind(t) == "INTEGER"}
        for division in list(tree.find_all(exp.Div)):
            if _is_whole(division.this, integer_columns) and _is_whole(division.expression, integer_columns):
                division.replace(exp.IntDiv(this=division.this.copy(), expression=division.expression.copy()))
    return tree.sql(dialect=target)


def _name_output_columns_as_sqlite_does(tree: exp.Expression) -> None:
    outermost = tree
    while isinstance(outermost, exp.SetOperation):
        outermost = outermost.this  # a union's columns are named by its first query
    if not isinstance(outermost, exp.Select):
        return
    for projection in list(outermost.expressions):
        if not isinstance(projection, (exp.Alias, exp.Column, exp.Star)):
            projection.replace(exp.alias_(projection.copy(), exp.to_identifier(projection.sql(MODEL_DIALECT),
                                                                               quoted=True)))


def _sqlite_semantics(node: exp.Expression) -> exp.Expression:
    if isinstance(node, (exp.Sum, exp.Avg, exp.Coalesce)) and isinstance(node.this, _BOOLEAN):
        node.set("this", exp.cast(node.this, exp.DataType.Type.INT))
        return node
    if isinstance(node, exp.Anonymous) and node.name.upper() == "JULIANDAY" and len(node.expressions) == 1:
        epoch = exp.Extract(this=exp.var("EPOCH"), expression=_timestamp(node.expressions[0]))
        return exp.paren(exp.Add(this=exp.Div(this=epoch, expression=exp.Literal.number("86400.0")),
                                 expression=exp.Literal.number(_UNIX_EPOCH_JULIAN_DAY)), copy=False)
    if isinstance(node, exp.Date) or isinstance(node, exp.Anonymous) and node.name.upper() == "DATE":
        return _date(node)
    return node


def _timestamp(value: exp.Expression) -> exp.Expression:
    return exp.cast(value.copy(), exp.DataType.Type.TIMESTAMP)


def _date(node: exp.Expression) -> exp.Expression:
    """``DATE(d, modifiers...)`` -> the date part of ``d``, moved by each modifier ('+N day|month|year',
    'start of month|year') in turn, as text; left alone where a modifier is another."""
    args = list(node.expressions) if isinstance(node, exp.Anonymous) else [node.this]
    if not args or isinstance(args[0], exp.Literal) and args[0].name.lower() == "now":
        return node
    day: exp.Expression = exp.cast(_timestamp(args[0]), exp.DataType.Type.DATE)
    for modifier in args[1:]:
        text = modifier.name.strip().lower() if isinstance(modifier, exp.Literal) and modifier.is_string else ""
        shift = _DATE_SHIFT.match(text)
        if shift is not None:
            interval = exp.Interval(this=exp.Literal.string(shift.group(1)), unit=exp.var(shift.group(2).upper()))
            day = exp.Add(this=day, expression=interval)
        elif text in ("start of month", "start of year"):
            day = exp.DateTrunc(unit=exp.Literal.string(text.split()[-1]), this=day)
        else:
            return node
        day = exp.cast(day, exp.DataType.Type.DATE)
    return exp.cast(day, exp.DataType.Type.TEXT)  # SQLite's DATE() gives text, and so is it compared


def _read_bare_columns_with_min(select: exp.Select) -> None:
    group = select.args.get("group")
    if group is None or any(isinstance(p.unalias(), (exp.Max, exp.Min)) for p in select.expressions):
        return  # SQLite's MAX/MIN pick the bare columns' row: no engine does that; an error says so honestly
    grouped = {g.sql().lower() for g in group.expressions} | {g.name.lower() for g in group.expressions}
    outputs = {p.alias_or_name.lower() for p in select.expressions}
    order = select.args.get("order")
    ordering = [o.this for o in order.expressions] if order is not None else []
    for value in [p.unalias() for p in select.expressions] + ordering:
        if not isinstance(value, exp.Column) or value.sql().lower() in grouped:
            continue
        if value in ordering and not value.table and value.name.lower() in outputs:
            continue  # ORDER BY n names an output column
        value.replace(exp.Min(this=value.copy()))


def _is_whole(node: exp.Expression, integer_columns: set[str]) -> bool:
    """Whether ``node`` is sure to be a whole number in SQLite (a literal, a cast, a count, an integer column...)."""
    node = node.unnest()
    if isinstance(node, exp.Literal):
        return not node.is_string and node.is_int
    if isinstance(node, exp.Cast):
        return node.to.this in exp.DataType.INTEGER_TYPES
    if isinstance(node, exp.Count):
        return True
    if isinstance(node, exp.Column):
        return node.name.lower() in integer_columns
    if isinstance(node, (exp.Add, exp.Sub, exp.Mul)):
        return _is_whole(node.this, integer_columns) and _is_whole(node.expression, integer_columns)
    if isinstance(node, (exp.Sum, exp.Min, exp.Max, exp.Abs)):
        return _is_whole(node.this, integer_columns)
    return False
