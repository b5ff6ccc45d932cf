"""Run a question set through a system and append one result line per item to results.jsonl.

A run is resumable: items already in the file (same system, same id) are skipped, so a crashed or
interrupted evaluation picks up where it stopped.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

from tqdm import tqdm

from finsql.datasets import Format, QuestionItem, database_path
from finsql.db import Database
from finsql.errors import FinSQLError
from finsql.eval.match import is_ordered, results_match
from finsql.pipeline import Answer

EVAL_MAX_ROWS = 100_000  # compare whole results, not the chat's display cap


class AnswersQuestions(Protocol):
    def ask(self, question: str, db: str | Path, evidence: str | None = None) -> Answer: ...


@dataclass
class ItemResult:
    system: str
    id: str
    db_id: str
    question: str
    difficulty: str | None
    gold_sql: str
    pred_sql: str | None
    correct: bool
    valid_sql: bool  # the prediction ran without error
    latency_s: float | None
    error: str | None  # why the prediction is wrong or missing
    skipped: str | None = None  # why the item does not count (no database, gold SQL fails)
    stage_s: dict[str, float] | None = None


def read_results(path: Path) -> list[dict]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                continue  # a line cut short by a crash: that item simply runs again
    return rows


def evaluate(items: list[QuestionItem], system_name: str, system: AnswersQuestions, fmt: Format,
             db_root: Path | None, results_path: Path, timeout_s: float) -> None:
    """Evaluate every item not yet in ``results_path``, appending each result as it is made."""
    done = {r["id"] for r in read_results(results_path) if r.get("system") == system_name}
    todo = [i for i in items if i.id not in done]
    databases: dict[str, Database | None] = {}
    with results_path.open("a", encoding="utf-8") as out, tqdm(
        total=len(items), initial=len(items) - len(todo), desc=system_name, unit="q", dynamic_ncols=True
    ) as bar:
        for item in todo:
            result = _evaluate_item(item, system_name, system, fmt, db_root, timeout_s, databases)
            out.write(json.dumps(asdict(result), ensure_ascii=False, default=str) + "\n")
            out.flush()
            bar.update(1)


def _database(db_id: str, fmt: Format, db_root: Path | None, timeout_s: float,
              cache: dict[str, Database | None]) -> Database | None:
    if db_id not in cache:
        path = database_path(db_id, fmt, db_root)
        cache[db_id] = Database(path, timeout_s=timeout_s, max_rows=EVAL_MAX_ROWS) if path else None
    return cache[db_id]


def _evaluate_item(item: QuestionItem, system_name: str, system: AnswersQuestions, fmt: Format,
                   db_root: Path | None, timeout_s: float, databases: dict[str, Database | None]) -> ItemResult:
    base = dict(system=system_name, id=item.id, db_id=item.db_id, question=item.question,
                difficulty=item.difficulty, gold_sql=item.sql)
    db = _database(item.db_id, fmt, db_root, timeout_s, databases)
    if db is None:
        return ItemResult(**base, pred_sql=None, correct=False, valid_sql=False, latency_s=None, error=None,
                          skipped=f"database {item.db_id!r} not found")
    gold = db.execute(item.sql)
    if not gold.ok:
        return ItemResult(**base, pred_sql=None, correct=False, valid_sql=False, latency_s=None, error=None,
                          skipped=f"gold SQL fails: {gold.error}")
    start = time.perf_counter()
    try:
        answer = system.ask(item.question, db=db.path, evidence=item.evidence)
    except FinSQLError as err:
        return ItemResult(**base, pred_sql=None, correct=False, valid_sql=False,
                          latency_s=time.perf_counter() - start, error=str(err))
    latency = time.perf_counter() - start
    # Re-run the prediction with the evaluation's row cap so both sides are compared whole.
    pred = db.execute(answer.sql) if answer.sql else None
    correct = pred is not None and results_match(gold, pred, ordered=is_ordered(item.sql))
    error = None if correct else (pred.error if pred is not None and pred.error else
                                  "no SQL generated" if pred is None else "wrong result")
    return ItemResult(**base, pred_sql=answer.sql, correct=correct, valid_sql=pred is not None and pred.ok,
                      latency_s=round(latency, 4), error=error,
                      stage_s={s.name: s.elapsed_s for s in answer.trace})
