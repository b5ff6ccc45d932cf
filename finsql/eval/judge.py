"""Every candidate of an answer judged against the gold result, for benchmarks that compare vote rules
and calibration steps without generating again."""

from __future__ import annotations

from finsql.calibrate.extract import extract_sql
from finsql.db import Database
from finsql.pipeline import Answer
from finsql.results import is_ordered, results_match


def judge_candidates(answer: Answer, gold_sql: str, db: Database, raw: bool = False) -> list[dict]:
    """One dict per candidate: its SQL, how it ran, whether it returns the gold result.

    ``db`` should have the evaluation's row cap, so results are compared whole. ``raw`` adds how the
    SQL as the model wrote it (before repair) ran and whether it was right.
    """
    gold = db.execute(gold_sql)
    ordered = is_ordered(gold_sql)
    judged = []
    for c in answer.candidates:
        entry = dict(sql=c.sql, repairs=c.repairs, mean_logprob=c.mean_logprob, sampled=c.sampled,
                     group=c.group, votes=c.votes, error=c.result.error,
                     rows=len(c.result.rows), correct=bool(c.sql) and results_match(gold, db.execute(c.sql), ordered))
        if raw:
            before = db.execute(extract_sql(c.raw))
            entry.update(raw=c.raw, raw_error=before.error, raw_correct=results_match(gold, before, ordered))
        judged.append(entry)
    return judged
