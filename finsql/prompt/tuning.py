"""A schema retriever tuned on a database's own question/SQL pairs.

The shipped embedder knows English and Chinese but not that "fund company" means
``mf_investadvisoroutline`` or that "constants table" means ``ct_systemconst``. A database's train
pairs say so: each question is paired with the documents (``SchemaDoc``) of the tables and columns
its gold SQL reads, and all-MiniLM-L6-v2 is fine-tuned on those pairs with in-batch negatives
(sentence-transformers' MultipleNegativesRankingLoss), on the CPU, in a few minutes.

A tuned embedder is kept only where it wins: a fifth of the pairs is held back, the embedder is
tuned on the rest, and both the shipped and the tuned one retrieve for the held-back questions. The
verdict and the model are cached under a hash of the pairs, the schema documents and the settings,
so the same pairs are never tuned twice. The latest tuning of a database is its current one: the
pipeline uses it while the schema is unchanged and it won.

    python -m finsql tune-retriever --db fund [--train-file pairs.jsonl]
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import sqlglot

from finsql.datasets import QuestionItem
from finsql.db import Database
from finsql.errors import FinSQLError
from finsql.models import EMBEDDER, embedder_path
from finsql.paths import cache_dir
from finsql.prompt.prior import UsagePrior
from finsql.prompt.retriever import RetrieverConfig, SchemaIndex, schema_docs, shown_items
from finsql.schema import Schema
from finsql.sqlinfo import referenced_items

TUNING_VERSION = 1
MIN_PAIRS = 10  # fewer train pairs hold back too few questions to judge a tuned embedder by


@dataclass(frozen=True)
class TuningConfig:
    epochs: int = 2
    batch_size: int = 32
    learning_rate: float = 3e-5
    max_seq_length: int = 128
    holdout: float = 0.2  # share of the pairs held back to judge the tuned embedder
    seed: int = 0


@dataclass(frozen=True)
class Recall:
    tables: float
    columns: float

    @property
    def mean(self) -> float:
        return (self.tables + self.columns) / 2


@dataclass(frozen=True)
class TuningResult:
    db_id: str
    embedder: str  # the tuned model's folder
    shipped: Recall  # held-back recall with the shipped embedder
    tuned: Recall
    pairs: int  # (question, schema document) pairs tuned on
    held_back: int  # questions judged on
    seconds: float

    @property
    def wins(self) -> bool:
        return self.tuned.mean > self.shipped.mean


def linking_pairs(items: Sequence[QuestionItem], schema: Schema) -> list[tuple[str, str]]:
    """(question, document) for every table and column each item's gold SQL reads."""
    docs = {(d.table.lower(), (d.column or "").lower()): d.text for d in schema_docs(schema)}
    pairs = []
    for item in items:
        try:
            tables, columns = referenced_items(item.sql, schema)
        except sqlglot.errors.SqlglotError:
            continue
        wanted = [(t, "") for t in sorted(tables)] + [tuple(c.split(".", 1)) for c in sorted(columns)]
        pairs += [(item.question, docs[key]) for key in wanted if key in docs]
    return pairs


def _batches(pairs: list[tuple[str, str]], size: int, rng: random.Random) -> list[list[tuple[str, str]]]:
    """Shuffled batches in which no document (and no question) appears twice: an in-batch negative
    must really be wrong for its question."""
    pending = pairs[:]
    rng.shuffle(pending)
    batches: list[list[tuple[str, str]]] = []
    while pending:
        batch, seen, rest = [], set(), []
        for question, doc in pending:
            if len(batch) < size and question not in seen and doc not in seen:
                batch.append((question, doc))
                seen.update((question, doc))
            else:
                rest.append((question, doc))
        batches.append(batch)
        pending = rest
    return batches


def tune_embedder(pairs: list[tuple[str, str]], out: Path, config: TuningConfig,
                  progress: Callable[[int, int], None] | None = None) -> None:
    """Fine-tune the shipped embedder on ``pairs`` and save it to ``out``."""
    import torch
    from sentence_transformers import SentenceTransformer, losses

    torch.manual_seed(config.seed)
    model = SentenceTransformer(str(embedder_path()), device="cpu")
    model.max_seq_length = config.max_seq_length
    loss = losses.MultipleNegativesRankingLoss(model)
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.learning_rate)
    rng = random.Random(config.seed)
    plan = [_batches(pairs, config.batch_size, rng) for _ in range(config.epochs)]
    total, done = sum(len(p) for p in plan), 0
    model.train()
    for epoch in plan:
        for batch in epoch:
            features = [model.preprocess([q for q, _ in batch]), model.preprocess([d for _, d in batch])]
            value = loss(features, torch.zeros(len(batch)))  # labels unused: the diagonal is the target
            optimizer.zero_grad()
            value.backward()
            optimizer.step()
            done += 1
            if progress is not None:
                progress(done, total)
    model.eval()
    model.save(str(out))


def cached_tuning(pairs: list[tuple[str, str]], folder: Path, config: TuningConfig,
                  progress: Callable[[int, int], None] | None = None) -> Path:
    """``folder``, holding the embedder tuned on ``pairs``: tuned now unless an earlier run finished it."""
    if not (folder / "config.json").is_file():
        partial = folder.with_name(folder.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.parent.mkdir(parents=True, exist_ok=True)
        tune_embedder(pairs, partial, config, progress)
        shutil.rmtree(folder, ignore_errors=True)
        partial.replace(folder)  # renamed into place only when complete: a crash never leaves half a model
    return folder


def held_back_recall(index: SchemaIndex, items: Sequence[QuestionItem], config: RetrieverConfig,
                     prior: UsagePrior | None) -> Recall:
    """Share of the gold tables and of the gold columns that retrieval shows, over ``items``."""
    hits = {"tables": [0, 0], "columns": [0, 0]}
    for item in items:
        try:
            tables, columns = referenced_items(item.sql, index.schema)
        except sqlglot.errors.SqlglotError:
            continue
        shown_tables, shown_columns = shown_items(index.retrieve(item.question, config, prior))
        hits["tables"][0] += len(tables & shown_tables)
        hits["tables"][1] += len(tables)
        hits["columns"][0] += len(columns & shown_columns)
        hits["columns"][1] += len(columns)
    return Recall(*(round(h / n, 4) if n else 0.0 for h, n in hits.values()))


def _hash(value: object) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False).encode()).hexdigest()[:16]


def _schema_key(schema: Schema) -> str:
    return _hash([TUNING_VERSION, EMBEDDER, [asdict(d) for d in schema_docs(schema)]])


def _folder(schema: Schema, items: Sequence[QuestionItem], config: TuningConfig) -> Path:
    key = _hash([_schema_key(schema), asdict(config), sorted((i.question, i.sql) for i in items)])
    return cache_dir() / "retrievers" / f"{schema.db_id}-{key}"


def _current_file(schema: Schema) -> Path:
    return cache_dir() / "retrievers" / f"{schema.db_id}.current.json"


def current_result(schema: Schema) -> TuningResult | None:
    """The database's latest tuning while its schema is the one it was tuned on, or None."""
    path = _current_file(schema)
    try:
        current = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if current.get("schema") != _schema_key(schema):
        return None  # the schema or its descriptions changed: its documents are not what was tuned on
    return _read_verdict(path.parent / str(current.get("folder")) / "verdict.json")


def _read_verdict(verdict: Path) -> TuningResult | None:
    if not verdict.is_file():
        return None
    raw = json.loads(verdict.read_text(encoding="utf-8"))
    # The model's folder is found again here, not read back: the cache may have moved since.
    return TuningResult(raw["db_id"], str(verdict.parent / "model"), Recall(**raw["shipped"]), Recall(**raw["tuned"]),
                        raw["pairs"], raw["held_back"], raw["seconds"])


def tune_retriever(db: Database, schema: Schema, items: Sequence[QuestionItem],
                   retrieval: RetrieverConfig | None = None, config: TuningConfig | None = None,
                   progress: Callable[[int, int], None] | None = None, make_current: bool = True) -> TuningResult:
    """Tune on four fifths of ``items``, judge on the rest against the shipped embedder; cached.
    ``make_current``: the pipeline answers with it from now on, where it won."""
    config = config or TuningConfig()
    folder = _folder(schema, items, config)  # hashes every schema document and pair: once
    result = _tune(db, schema, items, folder, retrieval, config, progress)
    if make_current:
        _current_file(schema).write_text(json.dumps({"folder": folder.name, "schema": _schema_key(schema)}),
                                         encoding="utf-8")
    return result


def _tune(db: Database, schema: Schema, items: Sequence[QuestionItem], folder: Path,
          retrieval: RetrieverConfig | None, config: TuningConfig,
          progress: Callable[[int, int], None] | None) -> TuningResult:
    """The verdict in ``folder`` of an earlier tuning on these pairs, or a new tuning written there."""
    retrieval = retrieval or RetrieverConfig()
    if len(items) < MIN_PAIRS:
        raise FinSQLError(f"{schema.db_id} has {len(items)} train pairs; tuning its retriever needs at least "
                          f"{MIN_PAIRS} (add pairs with --train-file)")
    if (done := _read_verdict(folder / "verdict.json")) is not None:
        return done
    start = time.perf_counter()
    order = list(items)
    random.Random(config.seed).shuffle(order)
    cut = max(1, round(len(order) * config.holdout))
    held_back, train = order[:cut], order[cut:]
    pairs = linking_pairs(train, schema)
    model = cached_tuning(pairs, folder / "model", config, progress)
    prior = UsagePrior.from_items(train, schema)
    shipped = held_back_recall(SchemaIndex.build(db, schema), held_back, retrieval, prior)
    tuned_index = SchemaIndex.build(db, schema, embedder=str(model))
    result = TuningResult(schema.db_id, str(model), shipped,
                          held_back_recall(tuned_index, held_back, retrieval, prior), len(pairs), len(held_back),
                          round(time.perf_counter() - start, 1))
    (folder / "verdict.json").write_text(json.dumps(asdict(result), indent=2), encoding="utf-8")
    return result
