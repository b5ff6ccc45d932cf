"""Question sets in the project's JSONL format and the Spider, BIRD and BULL formats, and conversation sets.

Every loader returns a ``QuestionSet`` (or a ``ConversationSet``): the items it could read and, for each
line or entry it could not, a ``LoadProblem`` saying where and why, so a run goes on past bad input.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
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


@dataclass(frozen=True)
class ConversationTurn:
    question: str
    sql: str
    follow_up: bool  # True when the question cannot be understood without earlier turns


@dataclass(frozen=True)
class Conversation:
    id: str
    db_id: str
    language: str  # "en" or "zh"
    turns: tuple[ConversationTurn, ...]


@dataclass
class ConversationSet:
    conversations: list[Conversation] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)


LANGUAGES: tuple[str, ...] = ("en", "zh")


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


def _json_lines(path: Path, text: str, problems: list[LoadProblem]) -> Iterator[tuple[int, str, object]]:
    """(line number, "file:line", the parsed value) of each non-blank line; bad JSON becomes a problem."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            yield number, where, json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(LoadProblem(where, f"not valid JSON ({err.msg})"))


def _load_jsonl(path: Path, text: str) -> QuestionSet:
    result = QuestionSet()
    for number, where, raw in _json_lines(path, text, result.problems):
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


def conversation_set_path(db: str) -> Path:
    """The bundled multi-turn set of database ``db``: ``data/questions/<db>_conversations.jsonl``."""
    return data_dir() / "questions" / f"{db}_conversations.jsonl"


def load_conversations(path: Path) -> ConversationSet:
    """Read a JSONL conversation set, one conversation a line; malformed lines become problems."""
    text = read_text_file(path, "conversation file")
    result = ConversationSet()
    for _, where, raw in _json_lines(path, text, result.problems):
        conversation = _conversation(raw)
        if isinstance(conversation, str):
            result.problems.append(LoadProblem(where, conversation))
        else:
            result.conversations.append(conversation)
    return result


def _conversation(raw: object) -> Conversation | str:
    """The conversation in ``raw``, or why it is not one."""
    if not isinstance(raw, dict):
        return "not a JSON object"
    missing = [k for k in ("id", "db_id", "language") if not isinstance(raw.get(k), str) or not raw[k].strip()]
    if "turns" not in raw:
        missing.append("turns")
    if missing:
        return f"missing {', '.join(missing)}"
    if raw["language"] not in LANGUAGES:
        return f"language {raw['language']!r} is not en|zh"
    turns = raw["turns"]
    if not isinstance(turns, list) or not turns:
        return "turns must be a list of one or more turns"
    parsed = []
    for index, turn in enumerate(turns, start=1):
        if not isinstance(turn, dict):
            return f"turn {index} is not a JSON object"
        bad = [k for k in ("question", "sql") if not isinstance(turn.get(k), str) or not turn[k].strip()]
        if not isinstance(turn.get("follow_up"), bool):
            bad.append("follow_up (true|false)")
        if bad:
            return f"turn {index}: missing {', '.join(bad)}"
        parsed.append(ConversationTurn(turn["question"], turn["sql"], turn["follow_up"]))
    if parsed[0].follow_up:
        return "turn 1 is marked follow_up; a conversation cannot start with a follow-up"
    return Conversation(id=raw["id"], db_id=raw["db_id"], language=raw["language"], turns=tuple(parsed))


def database_path(db_id: str, fmt: Format, db_root: Path | str | None) -> Path | str | None:
    """Where the database of ``db_id`` lives for this format, or None when it does not exist. A ``db_root``
    that is a URL names each database by ``{db_id}`` (``postgresql://me@host/{db_id}``)."""
    if isinstance(db_root, str):
        return db_root.replace("{db_id}", db_id)
    candidates: list[Path] = []
    if db_root is not None:
        candidates += [db_root / db_id / f"{db_id}.sqlite", db_root / f"{db_id}.sqlite"]
    if fmt == "jsonl":
        candidates.append(data_dir() / f"{db_id}.sqlite")
    return next((c for c in candidates if c.is_file()), None)
