"""Optional cross-encoder reranker for schema linking, trained on the train split.

    python -m finsql.train reranker                 # all bundled databases' train sets -> cache
    python benchmarks/bench_retrieval.py --rerank   # recall with and without it, same run

The cross-encoder starts from the all-MiniLM-L6-v2 weights (a new one-logit head) and learns
"does this question need this schema item?" from (question, table document) and (question, column
document) pairs; labels come from the tables and columns sqlglot finds in the gold SQL, negatives
are the items the fused dense + lexical ranking puts near the top without being needed. At query
time it re-scores the top tables and the top columns of each chosen table; its ranking is fused
with the first-stage ranking (reciprocal rank), so it reorders rather than replaces.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path

from finsql.errors import FinSQLError
from finsql.models import embedder_path
from finsql.paths import cache_dir

RERANK_VERSION = 1
MAX_LENGTH = 128


@dataclass(frozen=True)
class RerankPair:
    question: str
    document: str
    label: float


class Reranker:
    """A trained cross-encoder: ``score(question, docs)`` -> one relevance logit per document."""

    def __init__(self, folder: Path) -> None:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        self.folder = folder
        self.tokenizer = AutoTokenizer.from_pretrained(str(folder))
        self.model = AutoModelForSequenceClassification.from_pretrained(str(folder)).eval()

    def score(self, question: str, documents: list[str]) -> list[float]:
        import torch

        if not documents:
            return []
        batch = self.tokenizer([question] * len(documents), documents, truncation=True, max_length=MAX_LENGTH,
                               padding=True, return_tensors="pt")
        with torch.inference_mode():
            return self.model(**batch).logits[:, 0].tolist()


def default_folder() -> Path:
    return cache_dir() / "rerankers" / f"minilm-v{RERANK_VERSION}"


def load_reranker(folder: Path | None = None) -> Reranker:
    folder = folder or default_folder()
    if not (folder / "config.json").is_file():
        raise FinSQLError(f"no trained reranker in {folder}; train one with `python -m finsql.train reranker`")
    return Reranker(folder)


def training_pairs(databases: list[str], negatives: int = 6, seed: int = 0) -> list[RerankPair]:
    """(question, item document, needed?) pairs from every database's train split."""
    from finsql.datasets import load_questions
    from finsql.db import Database
    from finsql.prompt.examples import train_set_path
    from finsql.prompt.retriever import RetrieverConfig, SchemaIndex, _column_doc, _table_doc
    from finsql.schema import load_schema
    from finsql.sqlinfo import referenced_items

    rng = random.Random(seed)
    pairs: list[RerankPair] = []
    for name in databases:
        database = Database(name)
        schema = load_schema(database)
        index = SchemaIndex.build(database, schema)
        wide = RetrieverConfig(top_tables=negatives + 2, top_columns=negatives + 4)
        for item in load_questions(train_set_path(name), "jsonl").items:
            gold_tables, gold_columns = referenced_items(item.sql, schema)
            retrieval = index.retrieve(item.question, wide)
            for table_name in retrieval.tables + sorted(gold_tables):
                table = schema.table(table_name)
                if table is None:
                    continue
                pairs.append(RerankPair(item.question, _table_doc(table), float(table.name.lower() in gold_tables)))
                if table.name.lower() not in gold_tables:
                    continue
                shown = set(retrieval.columns.get(table.name, []))
                for column in table.columns:
                    key = f"{table.name.lower()}.{column.name.lower()}"
                    if key in gold_columns or column.name in shown:
                        pairs.append(RerankPair(item.question, _column_doc(table, column), float(key in gold_columns)))
    rng.shuffle(pairs)
    return list({(p.question, p.document): p for p in pairs}.values())


def train_reranker(databases: list[str], out: Path | None = None, epochs: int = 1, batch_size: int = 32,
                   learning_rate: float = 3e-5, seed: int = 0, max_pairs: int | None = None) -> tuple[Path, dict]:
    """Fine-tune a cross-encoder from the MiniLM weights on ``training_pairs``; returns its folder."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.manual_seed(seed)
    out = out or default_folder()
    pairs = training_pairs(databases, seed=seed)[:max_pairs]
    source = str(embedder_path())
    tokenizer = AutoTokenizer.from_pretrained(source)
    model = AutoModelForSequenceClassification.from_pretrained(source, num_labels=1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate)
    positive_share = sum(p.label for p in pairs) / len(pairs)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - positive_share) / positive_share))
    model.train()
    losses = []
    for _ in range(epochs):
        for start in range(0, len(pairs), batch_size):
            chunk = pairs[start:start + batch_size]
            batch = tokenizer([p.question for p in chunk], [p.document for p in chunk], truncation=True,
                              max_length=MAX_LENGTH, padding=True, return_tensors="pt")
            loss = loss_fn(model(**batch).logits[:, 0], torch.tensor([p.label for p in chunk]))
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            losses.append(float(loss.detach()))
    partial = out.with_name(out.name + ".partial")
    model.save_pretrained(str(partial))
    tokenizer.save_pretrained(str(partial))
    stats = {"databases": databases, "pairs": len(pairs), "positive_share": round(positive_share, 3),
             "epochs": epochs, "final_loss": round(sum(losses[-20:]) / len(losses[-20:]), 4),
             "data": hashlib.sha256(json.dumps([(p.question, p.document, p.label) for p in pairs]).encode())
             .hexdigest()[:16]}
    (partial / "finsql_reranker.json").write_text(json.dumps(stats, indent=1), encoding="utf-8")
    if out.exists():
        import shutil

        shutil.rmtree(out)
    partial.replace(out)
    return out, stats


def main(argv: list[str]) -> int:
    """``python -m finsql.train reranker [--databases fund,stock] [--epochs N] [--out DIR]``."""
    from finsql.data import DATABASES

    parser = argparse.ArgumentParser(prog="python -m finsql.train reranker", description=__doc__.split("\n")[0])
    parser.add_argument("--databases", default=",".join(DATABASES))
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--max-pairs", type=int, default=None, help="train on a random subset of this many pairs")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    folder, stats = train_reranker(args.databases.split(","), args.out, args.epochs, max_pairs=args.max_pairs)
    print(f"reranker: {stats['pairs']} pairs ({stats['positive_share']:.0%} positive), final loss "
          f"{stats['final_loss']} -> {folder}")
    return 0
