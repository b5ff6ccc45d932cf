"""Multi-turn evaluation: each conversation asked turn by turn, as the chat asks it, and scored per turn.

Every turn after the first is asked with the earlier turns' questions and the SQL the system answered
them with (not the gold SQL: a wrong earlier answer is what a user's follow-up builds on). A turn the
gold marks as standalone is also asked alone, so a conversation's cost to such questions is measured;
when the system did not use the history for it, its prompt is the alone prompt, the answer is the same
(candidates are seeded by the prompt) and it is not asked again. One result line per turn is appended
to results.jsonl as it is made, so a run resumes where it stopped.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from pathlib import Path

from tqdm import tqdm

from finsql.datasets import Conversation, database_path
from finsql.db import Database
from finsql.errors import FinSQLError
from finsql.eval.runner import EVAL_MAX_ROWS, append_result, read_results
from finsql.pipeline import Answer, Pipeline
from finsql.prompt.builder import Turn
from finsql.results import is_ordered, results_match


@dataclass
class TurnResult:
    system: str
    id: str  # "<conversation id>#<turn>"
    conversation: str
    turn: int  # 1-based
    db_id: str
    question: str
    gold_sql: str
    follow_up: bool  # the gold label: the turn leans on earlier ones
    read_as_follow_up: bool | None  # the system's decision (None on a first turn)
    pred_sql: str | None
    correct: bool
    valid_sql: bool
    latency_s: float | None
    confidence: float | None
    alone_correct: bool | None = None  # a standalone turn asked on its own (None for follow-ups, first turns)
    alone_asked: bool = False  # False: the turn's prompt already was the alone prompt
    error: str | None = None
    skipped: str | None = None


def evaluate_conversations(conversations: list[Conversation], system_name: str, system: Pipeline,
                           db_root: Path | str | None, results_path: Path, timeout_s: float) -> None:
    """Ask every turn not yet in ``results_path``, appending each result as it is made."""
    done = {r["id"]: r for r in read_results(results_path) if r.get("system") == system_name}
    total = sum(len(c.turns) for c in conversations)
    databases: dict[str, Database | str] = {}
    with results_path.open("a", encoding="utf-8") as out, tqdm(
            total=total, desc=system_name, unit="turn", dynamic_ncols=True) as bar:
        for conversation in conversations:
            db = _database(conversation.db_id, db_root, timeout_s, databases)
            history: list[Turn] = []
            for number, turn in enumerate(conversation.turns, start=1):
                key = f"{conversation.id}#{number}"
                row = done.get(key)
                if row is None:
                    row = asdict(_ask_turn(system_name, conversation, number, db, system, history))
                    append_result(out, row)
                history.append(Turn(turn.question, row["pred_sql"] or ""))
                bar.update(1)


def _database(db_id: str, db_root: Path | str | None, timeout_s: float,
              cache: dict[str, Database | str]) -> Database | str:
    if db_id not in cache:
        path = database_path(db_id, "jsonl", db_root)
        cache[db_id] = (Database(path, timeout_s=timeout_s, max_rows=EVAL_MAX_ROWS) if path
                        else f"database {db_id!r} not found")
    return cache[db_id]


def _ask_turn(system_name: str, conversation: Conversation, number: int, db: Database | str, system: Pipeline,
              history: list[Turn]) -> TurnResult:
    turn = conversation.turns[number - 1]
    base = dict(system=system_name, id=f"{conversation.id}#{number}", conversation=conversation.id, turn=number,
                db_id=conversation.db_id, question=turn.question, gold_sql=turn.sql, follow_up=turn.follow_up)
    if isinstance(db, str):
        return TurnResult(**base, read_as_follow_up=None, pred_sql=None, correct=False, valid_sql=False,
                          latency_s=None, confidence=None, skipped=db)
    gold = db.execute(turn.sql)
    if not gold.ok:
        return TurnResult(**base, read_as_follow_up=None, pred_sql=None, correct=False, valid_sql=False,
                          latency_s=None, confidence=None, skipped=f"gold SQL fails: {gold.error}")
    began = time.perf_counter()
    try:
        answer = system.ask(turn.question, db=db.source, history=history)
    except FinSQLError as err:
        return TurnResult(**base, read_as_follow_up=None, pred_sql=None, correct=False, valid_sql=False,
                          latency_s=round(time.perf_counter() - began, 4), confidence=None, error=str(err))
    latency = round(time.perf_counter() - began, 4)
    correct, valid = _judge(answer, turn.sql, gold, db)
    read_as = answer.follow_up.follow_up if answer.follow_up else None
    alone_correct, alone_asked = None, False
    if number > 1 and not turn.follow_up:
        if read_as:  # the history went into its prompt: ask it again without
            alone_correct, _ = _judge(system.ask(turn.question, db=db.source), turn.sql, gold, db)
            alone_asked = True
        else:
            alone_correct = correct
    return TurnResult(**base, read_as_follow_up=read_as, pred_sql=answer.sql, correct=correct, valid_sql=valid,
                      latency_s=latency, confidence=answer.confidence, alone_correct=alone_correct,
                      alone_asked=alone_asked, error=None if correct else (answer.error or "wrong result"))


def _judge(answer: Answer, gold_sql: str, gold, db: Database) -> tuple[bool, bool]:
    """(right, ran): the answer's SQL re-run with the evaluation's row cap and compared whole."""
    if not answer.sql:
        return False, False
    pred = db.execute(answer.sql)
    return results_match(gold, pred, ordered=is_ordered(gold_sql)), pred.ok


def summarize_conversations(rows: list[dict]) -> dict:
    """Per-turn EX; EX of follow-ups, of first turns, of standalone turns in a conversation and alone;
    how well follow-ups were told from standalone questions."""
    counted = [r for r in rows if not r.get("skipped")]

    def ex(selected: list[dict], key: str = "correct") -> dict:
        return {"ex": round(sum(bool(r[key]) for r in selected) / len(selected), 4) if selected else None,
                "n": len(selected)}

    later = [r for r in counted if r["turn"] > 1]
    standalone = [r for r in later if not r["follow_up"]]
    read = [r for r in later if r["read_as_follow_up"] is not None]
    return {
        "turns": ex(counted),
        "first_turns": ex([r for r in counted if r["turn"] == 1]),
        "follow_ups": ex([r for r in later if r["follow_up"]]),
        "standalone_in_conversation": ex(standalone),
        "standalone_alone": ex(standalone, "alone_correct"),
        "follow_up_detection": {
            "follow_ups_read_as_such": _share(read, lambda r: r["follow_up"], lambda r: r["read_as_follow_up"]),
            "standalone_read_as_such": _share(read, lambda r: not r["follow_up"],
                                              lambda r: not r["read_as_follow_up"]),
        },
        "valid_sql_rate": round(sum(r["valid_sql"] for r in counted) / len(counted), 4) if counted else None,
        "skipped": [{"id": r["id"], "reason": r["skipped"]} for r in rows if r.get("skipped")],
    }


def _share(rows: list[dict], where, hit) -> dict:
    chosen = [r for r in rows if where(r)]
    return {"share": round(sum(bool(hit(r)) for r in chosen) / len(chosen), 4) if chosen else None,
            "n": len(chosen)}
