"""Schema linking: pick the few tables, columns and stored values a question needs.

Every table and column becomes a document (name, English and Chinese descriptions, synonyms, unit,
codes, sample values). Two channels rank them: dense (all-MiniLM-L6-v2 in a FAISS inner-product
index) and lexical (BM25 over words, identifier parts and CJK bigrams, so Chinese questions and codes
such as ``SecuCode`` match). Reciprocal rank fusion merges them. Stored text values named in the
question (fund names, tickers, industries) pull in the columns that hold them. Tables that join the
chosen ones only through a third table bring that table along.

The index is cached on disk under a hash of the schema documents and the database file, and rebuilt
only when either changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace

# bm25s runs a JAX top-k at import when JAX is installed, and JAX then takes 75% of the GPU's memory
# for itself (seen on an H100: two of three parallel trainings ran out of memory). Scoring here is
# NumPy only, so JAX is kept on the CPU unless the user chose otherwise.
os.environ.setdefault("JAX_PLATFORMS", "cpu")
import bm25s
import faiss
import numpy as np
from sqlalchemy import text

from finsql.db import Database
from finsql.errors import FinSQLError
from finsql.models import EMBEDDER
from finsql.paths import cache_dir
from finsql.prompt.prior import UsagePrior
from finsql.prompt.structure import SchemaStructure
from finsql.prompt.text import embed, tokenize
from finsql.schema import Column, Schema, Table
from finsql.sqlinfo import referenced_items

INDEX_VERSION = 1
EMBED_CHUNK = 64  # schema documents embedded at a time, so a progress bar moves
CJK_MIN_VALUE_CHARS = 2
LATIN_MIN_VALUE_CHARS = 3


@dataclass(frozen=True)
class RetrieverConfig:
    top_tables: int = field(default=5, metadata={"help": "tables kept, before join-path and hub tables are added"})
    top_columns: int = field(default=12, metadata={"help": "columns kept per table, besides keys, value matches "
                                                          "and habitual columns"})
    rrf_k: int = field(default=60, metadata={"help": "reciprocal rank fusion constant"})
    max_values_per_column: int = field(default=5000, metadata={"help": "distinct text values indexed per column"})
    hub_share: float = field(default=0.1, metadata={"help": "train share above which a joinable table is added"})
    habit_share: float = field(default=0.15, metadata={"help": "share of a table's train queries that makes a "
                                                                   "column always shown"})
    entity_tables: int = field(default=3, metadata={"help": "entity tables (securities, companies, customers) a "
                                                            "chosen table joins through, added with their key and "
                                                            "name columns; 0 = none"})
    time_columns: bool = field(default=True, metadata={"help": "always show a chosen table's first date column and "
                                                               "its Year/Quarter/Month columns"})

    def __post_init__(self) -> None:
        if self.top_tables <= 0 or self.top_columns <= 0:
            raise FinSQLError("retrieval top_tables and top_columns must be positive")
        if self.entity_tables < 0:
            raise FinSQLError("retrieval entity_tables must be 0 or more")


@dataclass(frozen=True)
class SchemaDoc:
    table: str
    column: str | None  # None for the table's own document
    text: str


@dataclass(frozen=True)
class ValueMatch:
    table: str
    column: str
    value: str  # exactly as stored


@dataclass
class Retrieval:
    tables: list[str]
    columns: dict[str, list[str]]  # table -> columns to show (keys and value columns included)
    values: list[ValueMatch]
    join_tables: list[str]  # tables added only to connect the chosen ones
    table_scores: dict[str, float]
    elapsed_s: float


def shown_items(retrieval: Retrieval) -> tuple[set[str], set[str]]:
    """The tables ("t") and columns ("t.c") the retrieval chose, lower-case, as ``referenced_items`` names them."""
    return ({t.lower() for t in retrieval.columns},
            {f"{t}.{c}".lower() for t, cs in retrieval.columns.items() for c in cs})


def missed_items(retrieval: Retrieval, schema: Schema, sql: str) -> list[str]:
    """The tables ("t") and columns ("t.c") ``sql`` reads that a prompt built on ``retrieval`` leaves out."""
    tables, columns = referenced_items(sql, schema)
    shown = {f"{name.lower()}.{c.name.lower()}" for name, wanted in retrieval.columns.items()
             for c in schema.table(name).shown_columns(wanted)}
    return sorted((tables - {name.lower() for name in retrieval.columns}) | (columns - shown))


def with_items(retrieval: Retrieval, schema: Schema, items: list[str]) -> Retrieval:
    """``retrieval`` that also shows ``items`` (names as ``missed_items`` gives them); a table comes with its keys."""
    columns = {name: list(wanted) for name, wanted in retrieval.columns.items()}
    for item in items:
        table_name, _, column_name = item.partition(".")
        table = schema.table(table_name)
        # An empty list would show every column of the table: start it from its keys instead.
        shown = columns.setdefault(table.name, [c.name for c in table.columns if c.primary_key]
                                   or [table.columns[0].name])
        if column_name and (column := table.column(column_name)) is not None and column.name not in shown:
            shown.append(column.name)
    added = [name for name in columns if name not in retrieval.columns]
    return replace(retrieval, columns=columns, tables=retrieval.tables + added)


def _column_doc(table: Table, column: Column) -> str:
    parts = [f"{table.name}.{column.name}", column.en, column.zh, " ".join(column.synonyms), column.type]
    if column.unit:
        parts.append(f"unit {column.unit}")
    parts += [f"{k} {v}" for k, v in column.values.items()] + list(column.values_zh.values())
    parts += column.samples
    return " | ".join(p for p in parts if p)


def _table_doc(table: Table) -> str:
    return " | ".join(p for p in [table.name, table.en, table.zh, " ".join(table.synonyms)] if p)


def schema_docs(schema: Schema) -> list[SchemaDoc]:
    docs = []
    for table in schema.tables:
        docs.append(SchemaDoc(table.name, None, _table_doc(table)))
        docs.extend(SchemaDoc(table.name, c.name, _column_doc(table, c)) for c in table.columns)
    return docs


def _is_cjk(value: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in value)


def names_whole_words(value: str, question: str) -> bool:
    """Whether lower-case ``question`` names lower-case ``value`` as whole words ("ETF" not inside "ETFs");
    CJK has no word breaks."""
    return _is_cjk(value) or re.search(rf"(?<![a-z0-9]){re.escape(value)}(?![a-z0-9])", question) is not None


def _distinct_text_values(db: Database, schema: Schema, limit: int) -> list[tuple[str, str, str]]:
    """(table, column, value) for short distinct text values worth matching in a question."""
    found = []
    with db.engine.connect() as conn:
        for table in schema.tables:
            for column in table.columns:
                if "CHAR" not in column.type.upper() and "TEXT" not in column.type.upper():
                    continue
                name = db.quote(column.name)
                sql = f"SELECT DISTINCT {name} FROM {db.quote(table.name)} WHERE {name} IS NOT NULL LIMIT {limit + 1}"
                values = [r[0] for r in conn.execute(text(sql)) if isinstance(r[0], str)]
                if len(values) > limit:
                    continue  # free text or identifiers: too many to match usefully
                for value in values:
                    v = value.strip()
                    minimum = CJK_MIN_VALUE_CHARS if _is_cjk(v) else LATIN_MIN_VALUE_CHARS
                    if minimum <= len(v) <= 40 and not v[:4].isdigit():  # dates are matched by the model
                        found.append((table.name, column.name, value))
    return found


class SchemaIndex:
    """Dense + lexical index over one database's schema documents, and its text values."""

    def __init__(self, schema: Schema, docs: list[SchemaDoc], vectors: np.ndarray,
                 values: list[tuple[str, str, str]], embedder: str | None = None) -> None:
        self.schema = schema
        self.embedder = embedder  # a tuned embedder's folder; None for the shipped one
        self.docs = docs
        self.dense = faiss.IndexFlatIP(vectors.shape[1])
        self.dense.add(vectors)
        self.lexical = bm25s.BM25()
        self.lexical.index([tokenize(d.text) for d in docs], show_progress=False)
        self.values = values
        self._values_lower = [(v.lower(), i) for i, (_, _, v) in enumerate(values)]
        self._fk_graph = _fk_graph(schema)
        self._structure = SchemaStructure.of(schema)

    @classmethod
    def build(cls, db: Database, schema: Schema, config: RetrieverConfig | None = None,
              embedder: str | None = None, progress: Callable[[float, str], None] | None = None) -> SchemaIndex:
        """Load the cached index for this schema and database file, or build and cache it;
        ``embedder`` is a tuned embedder's folder (None: the shipped one); ``progress`` hears the share
        done and what is being done while an index is built."""
        config = config or RetrieverConfig()
        docs = schema_docs(schema)
        key_source = json.dumps([INDEX_VERSION, embedder or EMBEDDER, config.max_values_per_column, *db.fingerprint(),
                                 [asdict(d) for d in docs]], ensure_ascii=False)
        key = hashlib.sha256(key_source.encode()).hexdigest()[:16]
        folder = cache_dir() / "indexes" / f"{schema.db_id}-{key}"
        if (folder / "values.json").exists():
            vectors = faiss.read_index(str(folder / "dense.faiss")).reconstruct_n(0, len(docs))
            values = [tuple(v) for v in json.loads((folder / "values.json").read_text(encoding="utf-8"))]
            return cls(schema, docs, vectors, values, embedder)
        texts = [d.text for d in docs]
        parts = []
        for start in range(0, len(texts), EMBED_CHUNK):
            parts.append(embed(texts[start:start + EMBED_CHUNK], embedder))
            if progress is not None:
                progress(0.8 * min(1.0, (start + EMBED_CHUNK) / len(texts)), "embedding the tables and columns")
        vectors = np.vstack(parts)
        if progress is not None:
            progress(0.8, "reading the text values questions may name")
        values = _distinct_text_values(db, schema, config.max_values_per_column)
        index = cls(schema, docs, vectors, values, embedder)
        # Written beside the final folder and renamed into place: a crash never leaves half an index.
        partial = folder.with_name(folder.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        faiss.write_index(index.dense, str(partial / "dense.faiss"))
        (partial / "values.json").write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        partial.replace(folder)
        if progress is not None:
            progress(1.0, "ready")
        return index

    def _share_id_column(self, a: str, b: str) -> bool:
        """Whether two tables share an identifier column (``CompanyCode``, ``customer_id``): an
        implicit join even where no foreign key is declared."""
        def ids(table: str) -> set[str]:
            return {c.name.lower() for c in self.schema.table(table).columns
                    if c.primary_key or re.search(r"(code|id)$", c.name, re.IGNORECASE)}
        return bool(ids(a) & ids(b))

    def match_values(self, question: str) -> list[ValueMatch]:
        """Stored values that appear in the question (case-insensitive), longest first, no overlaps."""
        q = question.lower()
        hits = sorted(((v, i) for v, i in self._values_lower if v in q and names_whole_words(v, q)),
                      key=lambda h: -len(h[0]))
        chosen: list[ValueMatch] = []
        covered: list[str] = []
        for v, i in hits:
            if any(v != longer and v in longer for longer in covered):
                continue  # "华夏" inside an already matched "华夏成长混合"
            covered.append(v)
            table, column, raw = self.values[i]
            chosen.append(ValueMatch(table, column, raw))
        return chosen[:12]

    def retrieve(self, question: str, config: RetrieverConfig | None = None,
                 prior: UsagePrior | None = None) -> Retrieval:
        """Tables, columns and values for ``question``; ``prior`` adds what train queries habitually use."""
        config = config or RetrieverConfig()
        start = time.perf_counter()
        n = len(self.docs)
        q_vec = embed([question], self.embedder)
        _, dense_ids = self.dense.search(q_vec, n)
        words = tokenize(question)  # none in a question of punctuation alone ("?"): dense ranking only
        lexical = self.lexical.get_scores(words) if words else np.zeros(n)
        fused = np.zeros(n, dtype="float64")
        fused[dense_ids[0]] += 1.0 / (config.rrf_k + np.arange(1, n + 1))
        lex_order = np.argsort(-lexical, kind="stable")
        lex_order = lex_order[lexical[lex_order] > 0]
        fused[lex_order] += 1.0 / (config.rrf_k + np.arange(1, len(lex_order) + 1))

        values = self.match_values(question)
        value_tables = {v.table for v in values}
        table_scores: dict[str, float] = {}
        column_scores: dict[str, dict[str, float]] = {}
        for doc, score in zip(self.docs, fused, strict=True):
            if doc.column is None:
                table_scores[doc.table] = table_scores.get(doc.table, 0.0) + score
            else:
                column_scores.setdefault(doc.table, {})[doc.column] = score
        for table, scores in column_scores.items():
            best = sorted(scores.values(), reverse=True)[:2]
            table_scores[table] = table_scores.get(table, 0.0) + sum(best)
        for table in value_tables:
            table_scores[table] += 1.0 / config.rrf_k  # as strong as a first rank in one channel

        ranked = sorted(table_scores, key=lambda t: -table_scores[t])
        chosen = ranked[: config.top_tables]
        join_tables = [t for t in _connecting_tables(self._fk_graph, chosen) if t not in chosen]
        if prior is not None:
            # Hub tables (id <-> name/code lookups) that most train queries join through.
            for hub in prior.hub_tables(config.hub_share):
                linked = any(hub in self._fk_graph.get(t, ()) or self._share_id_column(hub, t) for t in chosen)
                if hub not in chosen and hub not in join_tables and linked:
                    join_tables.append(hub)
        structure = self._structure
        linked_entities = sorted({e for t in chosen for e in structure.links[t]} - set(chosen) - set(join_tables),
                                 key=lambda e: -table_scores[e])
        join_tables += linked_entities[: config.entity_tables]
        columns: dict[str, list[str]] = {}
        value_columns = {(v.table, v.column) for v in values}
        for table_name in chosen + join_tables:
            table = self.schema.table(table_name)
            by_score = [c for c, _ in sorted(column_scores.get(table_name, {}).items(), key=lambda kv: -kv[1])]
            top = by_score[: config.top_columns] if table_name in chosen else []
            keys = [c.name for c in table.columns if c.primary_key]
            keys += [c for fk in table.foreign_keys for c in fk.columns]
            keys += [c for other in self.schema.tables for fk in other.foreign_keys if fk.ref_table == table_name
                     for c in fk.ref_columns]
            extra = [c for t, c in value_columns if t == table_name]
            habits = prior.habitual_columns(table_name, config.habit_share) if prior is not None else []
            wanted = set(top) | set(keys) | set(extra) | set(habits)
            if config.entity_tables and table_name in structure.entities:
                wanted |= set(structure.entities[table_name].name_columns)
            if config.time_columns and table_name in chosen:
                wanted |= set(structure.time_columns[table_name])
            columns[table_name] = [c.name for c in table.columns if c.name in wanted]
        return Retrieval(chosen + join_tables, columns, [v for v in values if v.table in columns], join_tables,
                         {t: round(float(table_scores[t]), 5) for t in ranked[:10]}, time.perf_counter() - start)


def _fk_graph(schema: Schema) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {t.name: set() for t in schema.tables}
    for table in schema.tables:
        for fk in table.foreign_keys:
            if fk.ref_table in graph:
                graph[table.name].add(fk.ref_table)
                graph[fk.ref_table].add(table.name)
    return graph


def _connecting_tables(graph: dict[str, set[str]], chosen: list[str]) -> list[str]:
    """Tables on the shortest foreign-key paths that link every chosen table to the first one."""
    if len(chosen) < 2:
        return []
    needed: list[str] = []
    root = chosen[0]
    for target in chosen[1:]:
        path = _shortest_path(graph, root, target)
        if path is not None and len(path) <= 4:  # a join through more than two extra tables is a guess
            needed.extend(t for t in path[1:-1] if t not in needed)
    return needed


def _shortest_path(graph: dict[str, set[str]], start: str, goal: str) -> list[str] | None:
    previous: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path = [node]
            while previous[path[-1]] is not None:
                path.append(previous[path[-1]])
            return path[::-1]
        for nxt in sorted(graph.get(node, ())):
            if nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return None

