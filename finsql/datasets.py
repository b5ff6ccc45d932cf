"""Question sets in the project's JSONL format and the Spider, BIRD and BULL formats.

Every loader returns a ``QuestionSet``: the items it could read and, for each line or entry it could
not, a ``LoadProblem`` saying where and why, so a run goes on past bad input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from finsql.errors import FinSQLError
from finsql.paths import data_dir, read_text_file

Format = Literal["jsonl", "spider", "bird", "bull"]
FORMATS: tuple[str, ...] = ("jsonl", "spider", "bird", "bull")


@dataclass(frozen=True)
class QuestionItem:
    id: str
    db_id: str
    question: str
    sql: str
    question_zh: str | None = None
    difficulty: str | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class LoadProblem:
    where: str  # "file.jsonl:12" or "dev.json[3]"
    reason: str


@dataclass
class QuestionSet:
    items: list[QuestionItem] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)


# Field names per format: (db_id, question, sql, evidence)
_FIELDS: dict[str, tuple[str, str, str, str | None]] = {
    "spider": ("db_id", "question", "query", None),
    "bird": ("db_id", "question", "SQL", "evidence"),
    "bull": ("db_name", "question", "sql_query", None),
}


def load_questions(path: Path, fmt: Format) -> QuestionSet:
    """Read ``path`` in format ``fmt``; unreadable entries become problems, not exceptions."""
    if fmt not in FORMATS:
        raise FinSQLError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    text = read_text_file(path, "question file")
    return _load_jsonl(path, text) if fmt == "jsonl" else _load_json_list(path, text, fmt)


def _load_jsonl(path: Path, text: str) -> QuestionSet:
    result = QuestionSet()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as err:
            result.problems.append(LoadProblem(where, f"not valid JSON ({err.msg})"))
            continue
        item = _item(raw, ("db_id", "question", "sql", "evidence"), where, result, default_id=f"{path.stem}-{number}")
        if item is not None:
            result.items.append(item)
    return result


def _load_json_list(path: Path, text: str, fmt: str) -> QuestionSet:
    result = QuestionSet()
    try:
        entries = json.loads(text)
    except json.JSONDecodeError as err:
        raise FinSQLError(f"{path} is not valid JSON (line {err.lineno}: {err.msg})") from None
    if not isinstance(entries, list):
        raise FinSQLError(f"{path} must hold a JSON list of questions ({fmt} format)")
    for index, raw in enumerate(entries):
        item = _item(raw, _FIELDS[fmt], f"{path.name}[{index}]", result, default_id=f"{path.stem}-{index}")
        if item is not None:
            result.items.append(item)
    return result


def _item(raw: object, names: tuple[str, str, str, str | None], where: str, result: QuestionSet,
          default_id: str) -> QuestionItem | None:
    if not isinstance(raw, dict):
        result.problems.append(LoadProblem(where, "not a JSON object"))
        return None
    db_key, question_key, sql_key, evidence_key = names
    missing = [k for k in (db_key, question_key, sql_key) if not str(raw.get(k) or "").strip()]
    if missing:
        result.problems.append(LoadProblem(where, f"missing {', '.join(missing)}"))
        return None
    return QuestionItem(
        id=str(raw.get("id") or raw.get("question_id") or default_id),
        db_id=str(raw[db_key]),
        question=str(raw[question_key]),
        sql=str(raw[sql_key]),
        question_zh=raw.get("question_zh"),
        difficulty=raw.get("difficulty"),
        evidence=(raw.get(evidence_key) or None) if evidence_key else None,
    )


def database_path(db_id: str, fmt: Format, db_root: Path | None) -> Path | None:
    """Where the database of ``db_id`` lives for this format, or None when it does not exist."""
    candidates: list[Path] = []
    if db_root is not None:
        candidates += [db_root / db_id / f"{db_id}.sqlite", db_root / f"{db_id}.sqlite"]
    if fmt == "jsonl":
        candidates.append(data_dir() / f"{db_id}.sqlite")
    return next((c for c in candidates if c.is_file()), None)
