"""Hybrid data augmentation: more (question, target) pairs from each verified train pair.

Three kinds, each counted as generated / kept:

- paraphrase: the pair's own translation (en <-> zh), an analyst's synonym from schemas/*.yaml put in
  place of the English phrase the question used, question templates, and (optionally) model paraphrases. Kept
  only when the new question differs from every question already kept for the database.
- skeleton: the target starts with the SQL's skeleton as a comment (``-- skeleton: SELECT _ FROM _``).
- cot: the base model explains the gold SQL step by step in SQL comments and writes it again; kept
  only when the SQL at the end reproduces the gold result.

Every kept pair's SQL is executed; a pair whose SQL fails or returns another result is dropped.
Targets stay inside the ```sql fence the prompt opens, so comments never reach the database.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from finsql.calibrate.extract import extract_sql
from finsql.datasets import QuestionItem
from finsql.db import Database
from finsql.results import ExecResult, is_ordered, results_match
from finsql.schema import Schema
from finsql.sqlinfo import sql_skeleton
from finsql.train.config import AugmentSettings

SKELETON_HINT = "First write the query's skeleton as an SQL comment, then the query."
COT_HINT = "First reason step by step in SQL comments, then write the query."
TEMPLATES_EN = ("Could you tell me: {q}", "I need this from the database: {q}", "Quick question — {q}")
TEMPLATES_ZH = ("请问：{q}", "帮我查一下：{q}")
_CJK = re.compile(r"[\u4e00-\u9fff]")

# Writes a paraphrase or a chain of thought: (instruction) -> text. The base model in practice.
WriteFn = Callable[[str], str]


@dataclass(frozen=True)
class TrainPair:
    """One training example before prompting: the question, the hint, and the text the model learns."""

    question: str
    sql: str  # the gold SQL this pair is checked against
    target: str  # what the model writes inside the ```sql fence
    kind: str  # original | paraphrase-zh | paraphrase-synonym | paraphrase-template | paraphrase-model | ...
    source_id: str
    hint: str | None = None


@dataclass
class AugmentReport:
    generated: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)  # original pairs whose SQL fails, each with its error

    def count(self, kind: str, kept: bool) -> None:
        self.generated[kind] = self.generated.get(kind, 0) + 1
        if kept:
            self.kept[kind] = self.kept.get(kind, 0) + 1

    def table(self) -> list[tuple[str, int, int]]:
        return [(k, n, self.kept.get(k, 0)) for k, n in sorted(self.generated.items())]


def synonym_groups(schema: Schema) -> list[tuple[str, ...]]:
    """Interchangeable names of one schema item (its English name and synonyms), longest first."""
    groups = []
    for item in [*schema.tables, *schema.columns]:
        names = [s for s in item.synonyms if s]
        if len(names) >= 2:
            groups.append(tuple(sorted(set(names), key=len, reverse=True)))
    # A name shared by two items ("fund code" of a fund and of a stock) could change the meaning.
    counts: dict[str, int] = {}
    for group in groups:
        for name in group:
            counts[name.lower()] = counts.get(name.lower(), 0) + 1
    unique = [tuple(n for n in g if counts[n.lower()] == 1 and _specific(n)) for g in groups]
    return [g for g in unique if len(g) >= 2]


def synonym_paraphrases(question: str, groups: Iterable[tuple[str, ...]]) -> list[str]:
    """Questions with one schema synonym swapped for another (groups from ``synonym_groups``: English
    phrases only).

    >>> synonym_paraphrases("List each fund code.", [("fund code", "trading code")])
    ['List each trading code.']
    """
    out = []
    lowered = question.lower()
    for group in groups:
        for name in group:
            at = lowered.find(name.lower())
            if at < 0 or not _whole_word(lowered, at, len(name)):
                continue
            others = [s for s in group if s.lower() not in name.lower() and name.lower() not in s.lower()]
            if others:
                swapped = question[:at] + others[0] + question[at + len(name):]
                if not _repeats_a_word(swapped):
                    out.append(swapped)
            break
    return out


def _specific(name: str) -> bool:
    """English phrases only: single generic words ("market", "tenure") change meaning when swapped, and
    Chinese has no word boundaries, so a swap lands inside a longer word (前十大持仓 -> 前十大前十大持仓)."""
    return not _CJK.search(name) and len(name.split()) >= 2


def _repeats_a_word(text: str) -> bool:
    """"the lookup table table": a swap that doubled the word after it."""
    words = text.lower().split()
    return any(a == b for a, b in zip(words, words[1:], strict=False))


def _whole_word(text: str, at: int, length: int) -> bool:
    if _CJK.search(text[at:at + length]):
        return True
    before = text[at - 1] if at > 0 else " "
    after = text[at + length] if at + length < len(text) else " "
    return not (before.isalnum() or after.isalnum())


class Augmenter:
    """Generates and verifies extra pairs for one database."""

    def __init__(self, database: Database, schema: Schema, settings: AugmentSettings,
                 write: WriteFn | None = None, seed: int = 0) -> None:
        self.database, self.schema, self.settings, self.write = database, schema, settings, write
        self.random = random.Random(seed)
        self.report = AugmentReport()
        self._groups = synonym_groups(schema)
        self._seen: set[str] = set()
        self._gold: dict[str, ExecResult] = {}

    def run(self, items: list[QuestionItem]) -> list[TrainPair]:
        """The originals that run, followed by every augmented pair that passed its check."""
        pairs: list[TrainPair] = []
        originals = []
        for item in items:
            gold = self._gold_result(item.sql)
            self.report.count("original", gold.ok)
            if not gold.ok:
                self.report.left_out.append(f"{item.id}: its SQL fails ({gold.error})")
                continue
            self._seen.add(_normal(item.question))
            originals.append(item)
            pairs.append(TrainPair(item.question, item.sql, item.sql, "original", item.id))
        for item in originals:
            if self.settings.paraphrase:
                pairs += self._paraphrases(item)
            if self.settings.skeleton:
                skeleton = sql_skeleton(item.sql)
                kept = bool(skeleton)
                self.report.count("skeleton", kept)
                if kept:
                    pairs.append(TrainPair(item.question, item.sql, f"-- skeleton: {skeleton}\n{item.sql}",
                                           "skeleton", item.id, SKELETON_HINT))
        cot_items = self.random.sample(originals, min(self.settings.cot, len(originals)))
        for item in cot_items:
            pair = self._chain_of_thought(item)
            self.report.count("cot", pair is not None)
            if pair is not None:
                pairs.append(pair)
        return pairs

    def _paraphrases(self, item: QuestionItem) -> list[TrainPair]:
        candidates: list[tuple[str, str]] = []
        if item.question_zh:
            candidates.append(("paraphrase-zh", item.question_zh))
        candidates += [("paraphrase-synonym", q) for q in synonym_paraphrases(item.question, self._groups)]
        template = self.random.choice(TEMPLATES_EN)
        candidates.append(("paraphrase-template", template.format(q=item.question)))
        if self.write is not None and self.settings.model_paraphrase:
            written = self.write(f"Rewrite this question in other words, keeping its exact meaning. "
                                 f"Reply with the new question only.\nQuestion: {item.question}")
            candidates.append(("paraphrase-model", written.strip().splitlines()[0] if written.strip() else ""))
        kept: list[TrainPair] = []
        for kind, question in candidates:
            new = _normal(question) not in self._seen and len(question.strip()) > 3
            ok = new and len(kept) < self.settings.max_per_pair
            self.report.count(kind, ok)
            if ok:
                self._seen.add(_normal(question))
                kept.append(TrainPair(question.strip(), item.sql, item.sql, kind, item.id))
        return kept

    def _chain_of_thought(self, item: QuestionItem) -> TrainPair | None:
        if self.write is None:
            return None
        written = self.write(
            "Explain in two to four short steps how this SQL answers the question, each step on its own line "
            "starting with '-- ', then write the SQL again on the last lines.\n"
            f"Question: {item.question}\nSQL: {' '.join(item.sql.split())}")
        steps = [line.strip() for line in written.splitlines() if line.strip().startswith("--")]
        sql = extract_sql(written)
        if not steps or not sql:
            return None
        result = self.database.execute(sql)
        if not results_match(self._gold_result(item.sql), result, is_ordered(item.sql)):
            return None
        reasoning = "\n".join(s.replace(";", ",") for s in steps[:4])
        return TrainPair(item.question, item.sql, f"{reasoning}\n{sql}", "cot", item.id, COT_HINT)

    def _gold_result(self, sql: str) -> ExecResult:
        if sql not in self._gold:
            self._gold[sql] = self.database.execute(sql)
        return self._gold[sql]


def _normal(question: str) -> str:
    return " ".join(question.lower().split())
