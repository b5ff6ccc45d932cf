"""Few-shot example retrieval: the train pairs of the same database most like the question.

Ranking follows DAIL-SQL's idea that an example helps when both its question and its SQL shape are
close. Questions are compared with schema words and values masked (DAIL-SQL), so "How many funds"
finds "How many managers" rather than "What is the name of fund 1". No draft SQL exists before
generation, so the likely skeleton is voted by the nearest questions' skeletons (weighted by
similarity); each candidate then scores ``(1 - w) * question similarity + w * skeleton similarity``
against it. The asked question itself is
never an example.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import faiss
from rapidfuzz import fuzz

from finsql.datasets import QuestionItem
from finsql.paths import data_dir
from finsql.prompt.text import embed, tokenize
from finsql.schema import Schema
from finsql.sqlinfo import sql_skeleton

SKELETON_WEIGHT = 0.3
NEIGHBOURS = 10
VOTE_TEMPERATURE = 0.05
VERIFIED_BONUS = 0.05  # a pair the user verified beats a train pair that is about as close


@dataclass(frozen=True)
class Example:
    question: str
    sql: str
    score: float


def train_set_path(db_id: str) -> Path:
    return data_dir() / "questions" / f"{db_id}_train.jsonl"


def schema_vocabulary(schema: Schema) -> set[str]:
    """Lower-case words that name schema items: table and column names, their parts, synonyms."""
    words: set[str] = set()
    for table in schema.tables:
        words.update(tokenize(table.name))
        for column in table.columns:
            words.update(tokenize(column.name))
            for synonym in column.synonyms:
                words.update(w.lower() for w in re.findall(r"[A-Za-z]+", synonym))
    return {w for w in words if len(w) > 2 and not any("\u3400" <= ch <= "\u9fff" for ch in w)}


def mask_question(question: str, vocabulary: set[str]) -> str:
    """DAIL-SQL's question masking: schema words and literal values become ``_``, leaving the intent.

    >>> mask_question("Top 3 funds by unit NAV on 2024-06-28", {"fund", "nav"})
    'Top _ _ by unit _ on _'
    """
    masked = re.sub(r"\d{4}-\d{2}(-\d{2})?|\d+(\.\d+)?|'[^']*'|\"[^\"]*\"", "_", question)
    def schema_word(word: str) -> bool:
        w = word.lower()
        return w in vocabulary or (w.endswith("s") and w[:-1] in vocabulary)  # "funds" names table fund

    return re.sub(r"[A-Za-z]+", lambda m: "_" if schema_word(m.group(0)) else m.group(0), masked)


class ExampleIndex:
    """FAISS index of one database's training questions (masked), with their SQL skeletons."""

    def __init__(self, items: list[QuestionItem], vocabulary: set[str] | None = None, preferred: int = 0) -> None:
        """``preferred``: how many of the first ``items`` are verified by the user, and ranked ahead of an
        equally close train pair."""
        self.items = items
        self.preferred = preferred
        self.vocabulary = vocabulary or set()
        self.skeletons = [sql_skeleton(i.sql) for i in items]
        self.index: faiss.IndexFlatIP | None = None
        if items:
            vectors = embed([mask_question(i.question, self.vocabulary) for i in items])
            self.index = faiss.IndexFlatIP(vectors.shape[1])
            self.index.add(vectors)

    def search(self, question: str, k: int, leave_out_sql: str | None = None) -> list[Example]:
        """The ``k`` best examples for ``question``; never the question itself, nor a pair whose SQL is
        ``leave_out_sql`` (a training paraphrase must not see its own answer among its examples)."""
        if self.index is None or k <= 0:
            return []
        # Everything when a SQL is left out: a paraphrase's source pair may fill several of the nearest places.
        n = len(self.items) if leave_out_sql else min(len(self.items), max(NEIGHBOURS, 3 * k) + 1)
        sims, ids = self.index.search(embed([mask_question(question, self.vocabulary)]), n)
        asked = _same_text(question)
        left_out = _same_text(leave_out_sql or "")
        neighbours = [(float(s), int(i)) for s, i in zip(sims[0], ids[0], strict=True)
                      if _same_text(self.items[int(i)].question) != asked
                      and not (left_out and _same_text(self.items[int(i)].sql) == left_out)]
        votes: dict[str, float] = defaultdict(float)
        top = neighbours[0][0] if neighbours else 0.0
        for sim, i in neighbours[:NEIGHBOURS]:
            # Sharp weights: the closest question's shape should not be outvoted by several vaguer ones.
            votes[self.skeletons[i]] += math.exp((sim - top) / VOTE_TEMPERATURE)
        likely = max(votes, key=votes.get) if votes else ""
        scored = []
        for sim, i in neighbours:
            shape = fuzz.ratio(self.skeletons[i], likely) / 100 if likely else 0.0
            bonus = VERIFIED_BONUS if i < self.preferred else 0.0
            scored.append(((1 - SKELETON_WEIGHT) * sim + SKELETON_WEIGHT * shape + bonus, i))
        scored.sort(reverse=True)
        return [Example(self.items[i].question, self.items[i].sql, round(score, 4)) for score, i in scored[:k]]


def _same_text(text: str) -> str:
    """Text compared case- and whitespace-insensitively."""
    return " ".join(text.lower().split())
