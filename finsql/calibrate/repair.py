"""Repair what small models get wrong in SQL, one small sqlglot rule at a time.

``repair`` runs ``RULES`` in order; each rule takes the SQL and a ``RepairContext`` and returns the
SQL unchanged when it has nothing to fix, so the names of the rules that changed something are the
record of what was repaired. Each rule has fixture cases in tests/fixtures/repairs.txt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import sqlglot
from rapidfuzz import fuzz, process
from sqlglot import exp

from finsql.schema import Column, Schema, Table

DIALECT = "sqlite"
SOURCE_DIALECTS = ("mysql", "postgres", "tsql")
MIN_NAME_SCORE = 80  # rapidfuzz WRatio a replacement name must reach
MIN_NAME_MARGIN = 5  # ... and by how much it must beat the runner-up (unambiguous)
_RESERVED = frozenset({"order", "group", "select", "from", "where", "table", "index", "values", "limit", "key",
                       "references", "check", "default", "transaction", "case", "when", "end", "desc", "asc"})


@dataclass(frozen=True)
class RepairContext:
    schema: Schema
    values: tuple[str, ...] = field(default=())  # stored values the retriever matched in the question


Rule = Callable[[str, RepairContext], str]


def _parse(sql: str) -> exp.Expression | None:
    try:
        return sqlglot.parse_one(sql, read=DIALECT)
    except sqlglot.errors.SqlglotError:
        return None


def _outside_quotes(sql: str, pattern: str, replacement: str) -> str:
    parts = re.split(r"('(?:[^']|'')*'|\"[^\"]*\")", sql)
    return "".join(p if i % 2 else re.sub(pattern, replacement, p) for i, p in enumerate(parts))


def fix_double_equals(sql: str, ctx: RepairContext) -> str:
    """``a == 1`` -> ``a = 1`` (outside string literals).

    >>> fix_double_equals("SELECT * FROM t WHERE a == 1 AND b = '=='", None)
    "SELECT * FROM t WHERE a = 1 AND b = '=='"
    """
    return _outside_quotes(sql, r"==", "=")


def transpile_to_dialect(sql: str, ctx: RepairContext) -> str:
    """SQL that SQLite cannot parse but another dialect can (``SELECT TOP 5``) -> SQLite.

    >>> transpile_to_dialect("SELECT TOP 5 a FROM t", None)
    'SELECT a FROM t LIMIT 5'
    """
    if _parse(sql) is not None:
        return sql
    for dialect in SOURCE_DIALECTS:
        try:
            return sqlglot.transpile(sql, read=dialect, write=DIALECT)[0]
        except sqlglot.errors.SqlglotError:
            continue
    return sql


_DATE_PARTS = {exp.Year: "%Y", exp.Month: "%m", exp.Day: "%d"}


def portable_date_parts(sql: str, ctx: RepairContext) -> str:
    """``YEAR(d)`` / ``MONTH(d)`` / ``DAY(d)``, which SQLite lacks -> ``CAST(STRFTIME('%Y', d) AS INTEGER)``.

    >>> portable_date_parts("SELECT a FROM t WHERE YEAR(d) = 2023", None)
    "SELECT a FROM t WHERE CAST(STRFTIME('%Y', d) AS INTEGER) = 2023"
    """
    tree = _parse(sql)
    if tree is None or not any(True for _ in tree.find_all(*_DATE_PARTS)):
        return sql

    def rewrite(node: exp.Expression) -> exp.Expression:
        for cls, fmt in _DATE_PARTS.items():
            if type(node) is cls:
                arg = node.this.this if isinstance(node.this, exp.TsOrDsToDate) else node.this
                return exp.cast(exp.Anonymous(this="STRFTIME", expressions=[exp.Literal.string(fmt), arg]), "INTEGER")
        return node

    return tree.transform(rewrite).sql(dialect=DIALECT)


def quote_identifiers(sql: str, ctx: RepairContext) -> str:
    """Schema names with spaces or that are reserved words get double quotes where written bare.

    A name with spaces written bare does not parse at all; a reserved word does not either.
    """
    names = {n for t in ctx.schema.tables for n in [t.name, *(c.name for c in t.columns)]
             if " " in n or n.lower() in _RESERVED}
    fixed = sql
    for name in sorted(names, key=len, reverse=True):
        fixed = _outside_quotes(fixed, rf"(?<![\w\"`\[.]){re.escape(name)}(?![\w\"`\]])", f'"{name}"')
    return fixed if fixed != sql and _parse(fixed) is not None else sql


def _closest(name: str, choices: list[str]) -> str | None:
    """The one choice clearly closest to ``name``, or None when none is close or two are."""
    matches = process.extract(name, choices, scorer=fuzz.WRatio, limit=2, processor=str.lower)
    if not matches or matches[0][1] < MIN_NAME_SCORE:
        return None
    if len(matches) > 1 and matches[0][1] - matches[1][1] < MIN_NAME_MARGIN:
        return None
    return matches[0][0]


def _derived_names(tree: exp.Expression) -> set[str]:
    """Names the query itself defines: CTEs, subquery and table aliases, output column aliases."""
    names = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    names |= {a.alias.lower() for a in tree.find_all(exp.Alias) if a.alias}
    names |= {t.alias.lower() for t in tree.find_all(exp.TableAlias) if t.name}
    for alias in tree.find_all(exp.TableAlias):
        names |= {c.name.lower() for c in alias.columns}
    return names


def fix_unknown_tables(sql: str, ctx: RepairContext) -> str:
    """A table that does not exist -> the clearly closest existing table name."""
    tree = _parse(sql)
    if tree is None:
        return sql
    known = [t.name for t in ctx.schema.tables]
    derived = _derived_names(tree)
    changed = False
    for table in tree.find_all(exp.Table):
        if ctx.schema.table(table.name) is None and table.name.lower() not in derived:
            best = _closest(table.name, known)
            if best is not None:
                table.set("this", exp.to_identifier(best))
                changed = True
    return tree.sql(dialect=DIALECT) if changed else sql


def _alias_map(tree: exp.Expression, schema: Schema) -> dict[str, str]:
    """alias (or table name) -> real table name, for the real tables the query reads."""
    mapping = {}
    for table in tree.find_all(exp.Table):
        real = schema.table(table.name)
        if real is not None:
            mapping[table.alias_or_name.lower()] = real.name
            mapping[table.name.lower()] = real.name
    return mapping


def fix_wrong_alias(sql: str, ctx: RepairContext) -> str:
    """``n.ChiName`` where table ``n`` has no ChiName but exactly one other joined table does -> that table.

    The usual failure when a model joins two tables and picks the wrong alias for a column.
    """
    tree = _parse(sql)
    if tree is None:
        return sql
    references: dict[str, tuple[str, str]] = {}  # qualifier -> (real table, qualifier as written)
    for table in tree.find_all(exp.Table):
        real = ctx.schema.table(table.name)
        if real is not None:
            references[table.alias_or_name.lower()] = (real.name, table.alias_or_name)
    changed = False
    for column in tree.find_all(exp.Column):
        reference = references.get(column.table.lower())
        if reference is None or ctx.schema.table(reference[0]).column(column.name) is not None:
            continue
        owners = {written for real, written in references.values()
                  if ctx.schema.table(real).column(column.name) is not None}
        if len(owners) == 1:
            column.set("table", exp.to_identifier(owners.pop()))
            changed = True
    return tree.sql(dialect=DIALECT) if changed else sql


def _key_links(schema: Schema, table: str, other: str) -> list[tuple[str, str]]:
    """(column of ``table``, column of ``other``) for each declared one-column foreign key between them."""
    links = []
    for source, target, flip in ((table, other, False), (other, table, True)):
        for fk in schema.table(source).foreign_keys:
            if fk.ref_table.lower() == target.lower() and len(fk.columns) == 1:
                pair = (fk.columns[0], fk.ref_columns[0])
                links.append(pair[::-1] if flip else pair)
    return links


def _fresh_alias(table: str, taken: set[str]) -> str:
    stem = "".join(part[0] for part in table.split("_") if part).lower() or "j"
    alias, n = stem, 2
    while alias in taken:
        alias, n = f"{stem}{n}", n + 1
    return alias


def _table_scopes(tree: exp.Expression, schema: Schema) -> Iterator[tuple[exp.Select, dict[str, tuple[Table, str]]]]:
    """Each SELECT that reads only tables, with qualifier (lower case) -> (table, qualifier as written);
    a SELECT with a subquery or CTE among its sources is left out (their columns are not known here)."""
    for select in list(tree.find_all(exp.Select)):
        sources = [select.args["from_"].this] if select.args.get("from_") else []
        sources += [join.this for join in select.args.get("joins") or []]
        if sources and all(isinstance(s, exp.Table) and schema.table(s.name) for s in sources):
            yield select, {s.alias_or_name.lower(): (schema.table(s.name), s.alias_or_name) for s in sources}


def add_missing_join(sql: str, ctx: RepairContext) -> str:
    """A column none of a SELECT's tables has, but exactly one table linked to them by a foreign key
    has -> that table joined on the key.

    The usual failure on a schema of codes: ``WHERE q.ChiNameAbbr = '...'`` on the daily quotes, whose
    stock names live in the security table that ``q.InnerCode`` references. The SELECT's other bare
    columns get their table's qualifier so that the join cannot make them ambiguous.
    """
    tree = _parse(sql)
    if tree is None:
        return sql
    schema, derived = ctx.schema, _derived_names(tree)
    taken = derived | {t.name.lower() for t in tree.find_all(exp.Table)}
    read = [schema.table(name) for name in set(_alias_map(tree, schema).values())]
    changed = False
    for select, scope in _table_scopes(tree, schema):
        if any(isinstance(p, exp.Star) for p in select.expressions):
            continue  # a join would add the joined table's columns to SELECT *
        columns = [c for c in select.find_all(exp.Column)
                   if c.find_ancestor(exp.Select) is select and c.name and c.name.lower() not in derived]
        in_scope = {t.name.lower() for t, _ in scope.values()}
        joined: dict[str, str] = {}  # table -> alias of the join added for it
        for column in columns:
            name, qualifier = column.name, column.table.lower()
            if any(t.column(name) for t in read):
                continue  # some table of the query has it: another rule's case, or an outer query's column
            owners = [t for t in schema.tables if t.column(name) and t.name.lower() not in in_scope]
            if qualifier in scope:
                anchors = [scope[qualifier]]
            elif not qualifier:
                anchors = list(scope.values())
            else:  # qualified with a table the SELECT does not read (``secumain.ChiNameAbbr``): join that one
                anchors, owners = list(scope.values()), [t for t in owners if t.name.lower() == qualifier]
            options = {(owner.name, written, own, key) for owner in owners
                       for anchor, written in anchors for own, key in _key_links(schema, anchor.name, owner.name)}
            if len(options) != 1:
                continue
            owner, written, own, key = options.pop()
            if owner not in joined:
                alias = _fresh_alias(owner, taken)
                taken.add(alias)
                joined[owner] = alias
                select.join(exp.table_(owner, alias=alias),
                            on=exp.column(key, alias).eq(exp.column(own, written)), copy=False)
            column.set("table", exp.to_identifier(joined[owner]))
            changed = True
        if joined:
            for column in columns:
                if not column.table:
                    holders = [written for t, written in scope.values() if t.column(column.name)]
                    if len(holders) == 1:
                        column.set("table", exp.to_identifier(holders[0]))
    return tree.sql(dialect=DIALECT) if changed else sql


def fix_unknown_columns(sql: str, ctx: RepairContext) -> str:
    """A column no table of the query has -> the clearly closest column of those tables."""
    tree = _parse(sql)
    if tree is None:
        return sql
    aliases = _alias_map(tree, ctx.schema)
    tables = sorted(set(aliases.values()))
    derived = _derived_names(tree)
    changed = False
    for column in tree.find_all(exp.Column):
        name = column.name
        if not name or name.lower() in derived or column.table.lower() in derived - set(aliases):
            continue
        scope = [aliases[column.table.lower()]] if column.table.lower() in aliases else tables
        if any(ctx.schema.table(t).column(name) is not None for t in tables):
            continue
        candidates = [c.name for t in scope for c in ctx.schema.table(t).columns]
        best = _closest(name, sorted(set(candidates)))
        if best is not None:
            column.set("this", exp.to_identifier(best))
            changed = True
    return tree.sql(dialect=DIALECT) if changed else sql


_DATE_TYPES = ("DATE", "DATETIME", "TIMESTAMP")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PERIOD_PREFIX = {"year": 4, "month": 7}  # characters of an ISO date that name its year ('2024') or month ('2024-06')
_COMPARISONS = (exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE, exp.Between, exp.In)


def _is_date_column(column: Column) -> bool:
    """A column holding ISO dates: declared as a date, described as one, or sampled as one."""
    if column.type.upper().startswith(_DATE_TYPES) or (column.format or "").startswith("YYYY-MM-DD"):
        return True
    return bool(column.samples) and all(_ISO_DATE.match(s.strip("'")) for s in column.samples)  # samples are repr()s


def _period_date(table: Table) -> str | None:
    """The date a table's rows are dated by: its only date column, or the only one in its primary key
    (``EndDate`` of a report table that also has ``InfoPublDate``)."""
    dates = [c for c in table.columns if _is_date_column(c)]
    if len(dates) > 1:
        dates = [c for c in dates if c.primary_key]
    return dates[0].name if len(dates) == 1 else None


def _period_of(date: exp.Column, name: str, column: exp.Column) -> exp.Expression:
    """``column`` (named Year, Month or like a date) rewritten as ``date`` or the period of it it names."""
    length = _PERIOD_PREFIX.get(name.lower())
    if length is None:
        return date
    period = exp.Substring(this=date, start=exp.Literal.number(1), length=exp.Literal.number(length))
    compared = column.parent
    if (length == 4 and isinstance(compared, _COMPARISONS)
            and any(isinstance(v, exp.Literal) and not v.is_string for v in compared.iter_expressions())):
        return exp.cast(period, "INTEGER")  # ``Year = 2023``: the number, not the text '2023'
    return period


def derive_from_date_column(sql: str, ctx: RepairContext) -> str:
    """``Year``, ``Month`` or a date-like name (``TradingDay`` on a table keyed by ``EndDate``) that no
    table of the query has -> the one date column of the SELECT's tables, or its year / month.

    The usual failure on monthly and quarterly series: ``SELECT Year, AVG(x) FROM t GROUP BY Year``
    where t has only ``EndDate``. Year and month are written the way the bundled data's own queries
    write them, ``substr(EndDate, 1, 4)`` and ``substr(EndDate, 1, 7)``, and a year compared with a
    number is cast to one; a selected column keeps its name as an alias. A table's date is its only
    date column or the only one in its primary key; left alone unless exactly one of the SELECT's
    tables (or the qualifier's table) has one.
    """
    tree = _parse(sql)
    if tree is None:
        return sql
    schema, derived = ctx.schema, _derived_names(tree)
    read = [schema.table(name) for name in set(_alias_map(tree, schema).values())]
    changed = False
    for select, scope in _table_scopes(tree, schema):
        for column in list(select.find_all(exp.Column)):
            name = column.name
            if column.find_ancestor(exp.Select) is not select or not name or name.lower() in derived:
                continue
            if not (name.lower() in _PERIOD_PREFIX or name.lower().endswith(("date", "day"))):
                continue
            if any(t.column(name) for t in read) or (column.table and column.table.lower() not in scope):
                continue
            anchors = [scope[column.table.lower()]] if column.table else list(scope.values())
            dates = [(date, written) for table, written in anchors if (date := _period_date(table)) is not None]
            if len(dates) != 1:
                continue
            date_name, written = dates[0]
            date = exp.column(date_name, written if len(scope) > 1 or column.table else None)
            rewritten = _period_of(date, name, column)
            if isinstance(column.parent, exp.Select):  # a selected column: its name stays the output's
                rewritten = exp.alias_(rewritten, name)
            column.replace(rewritten)
            changed = True
    return tree.sql(dialect=DIALECT) if changed else sql


def _only_aggregated(condition: exp.Expression) -> bool:
    """True when ``condition`` reads columns only through aggregates (``MAX(x) - MIN(x) > 3``); a
    subquery or window function inside makes it False."""
    if condition.find(exp.Select, exp.Window) is not None or condition.find(exp.AggFunc) is None:
        return False
    return all(column.find_ancestor(exp.AggFunc) is not None for column in condition.find_all(exp.Column))


def _each_select(sql: str, rewrite: Callable[[exp.Select], bool]) -> str:
    """``rewrite`` (which changes a SELECT in place and says whether it did) on every SELECT of ``sql``."""
    tree = _parse(sql)
    if tree is None:
        return sql
    changed = False
    for select in list(tree.find_all(exp.Select)):
        changed = rewrite(select) or changed
    return tree.sql(dialect=DIALECT) if changed else sql


def move_aggregate_conditions_to_having(sql: str, ctx: RepairContext) -> str:
    """A WHERE condition on aggregates (``WHERE MAX(x) - MIN(x) > 3``, which SQLite refuses) -> HAVING,
    grouped by the SELECT's plain columns when it has no GROUP BY.

    >>> move_aggregate_conditions_to_having("SELECT y, AVG(x) FROM t WHERE x > 0 AND AVG(x) < 2", None)
    'SELECT y, AVG(x) FROM t WHERE x > 0 GROUP BY y HAVING AVG(x) < 2'

    Only conditions whose every column sits inside an aggregate move (``d < MIN(d)`` has no meaning in
    HAVING either); left alone when there is nothing to group by.
    """
    def rewrite(select: exp.Select) -> bool:
        where = select.args.get("where")
        if where is None:
            return False
        conditions = list(where.this.flatten()) if isinstance(where.this, exp.And) else [where.this]
        moving = [c for c in conditions if _only_aggregated(c)]
        plain = [p for p in select.expressions if not p.find(exp.AggFunc) and p.find(exp.Column)]
        if not moving or (select.args.get("group") is None and not plain):
            return False
        kept = [c for c in conditions if not any(c is m for m in moving)]
        select.set("where", exp.Where(this=exp.and_(*kept)) if kept else None)
        if select.args.get("group") is None:
            select.group_by(*(exp.column(p.alias) if p.alias else p.copy() for p in plain), copy=False)
        select.having(*moving, copy=False)
        return True

    return _each_select(sql, rewrite)


def add_missing_group_by(sql: str, ctx: RepairContext) -> str:
    """Plain columns selected beside aggregates but missing from GROUP BY are added to it.

    >>> add_missing_group_by("SELECT a, b, COUNT(*) FROM t GROUP BY a", None)
    'SELECT a, b, COUNT(*) FROM t GROUP BY a, b'
    """
    def rewrite(select: exp.Select) -> bool:
        group = select.args.get("group")
        if group is None:
            return False
        grouped = {g.sql().lower() for g in group.expressions}
        added = False
        for projection in select.expressions:
            target = projection.this if isinstance(projection, exp.Alias) else projection
            if isinstance(target, exp.Column) and target.sql().lower() not in grouped:
                if projection.alias_or_name.lower() in grouped:
                    continue
                group.append("expressions", target.copy())
                grouped.add(target.sql().lower())
                added = True
        return added

    return _each_select(sql, rewrite)


def normalise_literals(sql: str, ctx: RepairContext) -> str:
    """A string literal that is a matched value written differently -> the value exactly as stored.

    Case, spacing and small typos ("china growth hybird") are mended when one matched value is
    clearly closest; values the retriever did not match are left alone.
    """
    if not ctx.values:
        return sql
    tree = _parse(sql)
    if tree is None:
        return sql
    changed = False
    for literal in tree.find_all(exp.Literal):
        if not literal.is_string or literal.this in ctx.values:
            continue
        best = _closest(literal.this, list(ctx.values))
        if best is not None and fuzz.ratio(literal.this.lower(), best.lower()) >= 85:
            literal.set("this", best)
            changed = True
    return tree.sql(dialect=DIALECT) if changed else sql


RULES: tuple[Rule, ...] = (
    fix_double_equals,
    transpile_to_dialect,
    quote_identifiers,
    portable_date_parts,
    fix_unknown_tables,
    fix_wrong_alias,
    add_missing_join,
    fix_unknown_columns,
    derive_from_date_column,
    move_aggregate_conditions_to_having,
    add_missing_group_by,
    normalise_literals,
)


def repair(sql: str, ctx: RepairContext, rules: tuple[Rule, ...] = RULES) -> tuple[str, list[str]]:
    """Run every rule in order; return the repaired SQL and the names of the rules that changed it."""
    applied = []
    for rule in rules:
        try:
            fixed = rule(sql, ctx)
        except sqlglot.errors.SqlglotError:
            continue  # a rule that cannot handle this SQL leaves it as it is
        if fixed != sql:
            applied.append(rule.__name__)
            sql = fixed
    return sql, applied
