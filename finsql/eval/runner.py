"""Run a question set through a system and append one result line per item to results.jsonl.

A run is resumable: items already in the file (same system, same id) are skipped, so a crashed or
interrupted evaluation picks up where it stopped.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal, Protocol, TextIO

import sqlglot
from tqdm import tqdm

from finsql.datasets import Format, QuestionItem, database_path
from finsql.db import Database
from finsql.errors import FinSQLError
from finsql.pipeline import Answer, stage_seconds
from finsql.results import is_ordered, results_match
from finsql.schema import Schema, load_schema
from finsql.sqlinfo import referenced_items

Task = Literal["sql", "retrieval"]

EVAL_MAX_ROWS = 100_000  # compare whole results, not the chat's display cap


class AnswersQuestions(Protocol):
    def ask(self, question: str, db: str | Path, evidence: str | None = None) -> Answer: ...

    def prepare(self, question: str, db: str | Path, evidence: str | None = None) -> tuple[Answer, object]: ...


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
    gold_tables: list[str] | None = None
    gold_columns: list[str] | None = None
    retrieved_tables: list[str] | None = None  # None when the system does no retrieval
    retrieved_columns: list[str] | None = None
    prompt_tokens: int | None = None
    full_schema_tokens: int | None = None
    confidence: float | None = None  # the share of candidates agreeing with the answer
    confident: bool | None = None  # shown as confident (finsql.calibrate.confidence)


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


def append_result(out: TextIO, row: dict) -> None:
    """Write one result line and flush it, so a crash loses at most the item in flight."""
    out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    out.flush()


def evaluate(items: list[QuestionItem], system_name: str, system: AnswersQuestions, fmt: Format,
             db_root: Path | str | None, results_path: Path, timeout_s: float, task: Task = "sql") -> None:
    """Evaluate every item not yet in ``results_path``, appending each result as it is made."""
    done = {r["id"] for r in read_results(results_path) if r.get("system") == system_name}
    todo = [i for i in items if i.id not in done]
    databases: dict[str, tuple[Database, Schema] | str] = {}
    with results_path.open("a", encoding="utf-8") as out, tqdm(
        total=len(items), initial=len(items) - len(todo), desc=system_name, unit="q", dynamic_ncols=True
    ) as bar:
        for item in todo:
            result = _evaluate_item(item, system_name, system, fmt, db_root, timeout_s, databases, task)
            append_result(out, asdict(result))
            bar.update(1)


def _database(db_id: str, fmt: Format, db_root: Path | str | None, timeout_s: float,
              cache: dict[str, tuple[Database, Schema] | str]) -> tuple[Database, Schema] | str:
    """The item's database and schema, or why its items are skipped."""
    if db_id not in cache:
        path = database_path(db_id, fmt, db_root)
        if path is None:
            cache[db_id] = f"database {db_id!r} not found"
        else:
            try:
                db = Database(path, timeout_s=timeout_s, max_rows=EVAL_MAX_ROWS)
                cache[db_id] = (db, load_schema(db))
            except FinSQLError as err:  # a file that is not SQLite
                cache[db_id] = str(err)
    return cache[db_id]


def _linking(item: QuestionItem, schema: Schema, answer: Answer) -> dict:
    """Gold schema items (what sqlglot finds in the gold SQL) beside what the retriever chose."""
    try:
        gold_tables, gold_columns = referenced_items(item.sql, schema)
    except sqlglot.errors.SqlglotError:
        gold_tables, gold_columns = set(), set()
    found: dict = {"gold_tables": sorted(gold_tables), "gold_columns": sorted(gold_columns)}
    if answer.retrieval is not None:
        chosen = answer.retrieval.columns
        found["retrieved_tables"] = sorted(t.lower() for t in chosen)
        found["retrieved_columns"] = sorted(f"{t}.{c}".lower() for t, cols in chosen.items() for c in cols)
    if answer.prompt is not None:
        found["prompt_tokens"] = answer.prompt.n_tokens
        found["full_schema_tokens"] = answer.prompt.full_schema_tokens
    return found


def _evaluate_item(item: QuestionItem, system_name: str, system: AnswersQuestions, fmt: Format,
                   db_root: Path | str | None, timeout_s: float, databases: dict[str, tuple[Database, Schema] | str],
                   task: Task) -> ItemResult:
    base = dict(system=system_name, id=item.id, db_id=item.db_id, question=item.question,
                difficulty=item.difficulty, gold_sql=item.sql)
    found = _database(item.db_id, fmt, db_root, timeout_s, databases)
    if isinstance(found, str):
        return ItemResult(**base, pred_sql=None, correct=False, valid_sql=False, latency_s=None, error=None,
                          skipped=found)
    db, schema = found
    gold = db.execute(item.sql) if task == "sql" else None  # linking needs the gold SQL's items, not its rows
    if gold is not None and not gold.ok:
        return ItemResult(**base, pred_sql=None, correct=False, valid_sql=False, latency_s=None, error=None,
                          skipped=f"gold SQL fails: {gold.error}")
    start = time.perf_counter()
    try:
        if task == "retrieval":
            answer, _ = system.prepare(item.question, db=db.source, evidence=item.evidence)
        else:
            answer = system.ask(item.question, db=db.source, evidence=item.evidence)
    except FinSQLError as err:
        return ItemResult(**base, pred_sql=None, correct=False, valid_sql=False,
                          latency_s=time.perf_counter() - start, error=str(err))
    latency = time.perf_counter() - start
    linking = _linking(item, schema, answer)
    stage_s = stage_seconds(answer)
    if task == "retrieval":
        return ItemResult(**base, pred_sql=None, correct=False, valid_sql=False, latency_s=round(latency, 4),
                          error=None, stage_s=stage_s, **linking)
    # Re-run the prediction with the evaluation's row cap so both sides are compared whole.
    pred = db.execute(answer.sql) if answer.sql else None
    correct = pred is not None and results_match(gold, pred, ordered=is_ordered(item.sql))
    error = None if correct else (pred.error if pred is not None and pred.error else
                                  "no SQL generated" if pred is None else "wrong result")
    return ItemResult(**base, pred_sql=answer.sql, correct=correct, valid_sql=pred is not None and pred.ok,
                      latency_s=round(latency, 4), error=error, stage_s=stage_s, confidence=answer.confidence,
                      confident=answer.trust.confident if answer.trust else None,
                      **linking)
