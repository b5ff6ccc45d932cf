"""What the training questions teach about schema use, for the retriever.

Two things a question rarely names but its SQL usually needs: hub tables that most queries join
through (``secumain`` maps names and codes to ids), and filter columns that most queries of a
table use (``IfMerged``/``IfAdjusted`` on financial statements, ``IfExecuted`` on fees). Both are
counted on the train split's gold SQL only, never on dev.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import sqlglot

from finsql.datasets import QuestionItem
from finsql.schema import Schema
from finsql.sqlinfo import referenced_items


@dataclass(frozen=True)
class UsagePrior:
    queries: int = 0
    table_share: dict[str, float] = field(default_factory=dict)  # table -> share of queries using it
    column_share: dict[str, dict[str, float]] = field(default_factory=dict)  # table -> column -> share

    @classmethod
    def from_items(cls, items: list[QuestionItem], schema: Schema) -> UsagePrior:
        tables: Counter[str] = Counter()
        columns: dict[str, Counter[str]] = {}
        used = 0
        for item in items:
            try:
                gold_tables, gold_columns = referenced_items(item.sql, schema)
            except sqlglot.errors.SqlglotError:
                continue
            used += 1
            tables.update(gold_tables)
            for qualified in gold_columns:
                table, _, column = qualified.partition(".")
                columns.setdefault(table, Counter())[column] += 1
        names = {t.name.lower(): t for t in schema.tables}
        table_share = {names[t].name: n / used for t, n in tables.items()} if used else {}
        column_share = {}
        for table, counts in columns.items():
            real = names[table]
            column_share[real.name] = {real.column(c).name: n / tables[table] for c, n in counts.items()}
        return cls(used, table_share, column_share)

    def hub_tables(self, min_share: float) -> list[str]:
        return sorted((t for t, s in self.table_share.items() if s >= min_share), key=lambda t: -self.table_share[t])

    def habitual_columns(self, table: str, min_share: float) -> list[str]:
        return [c for c, s in self.column_share.get(table, {}).items() if s >= min_share]
