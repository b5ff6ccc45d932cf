"""Verified examples: question/SQL pairs a user has confirmed, kept beside the database they are about.

    python -m finsql examples add --db bank --question "How many customers are there?" \\
        --sql "SELECT COUNT(*) FROM customer"
    python -m finsql examples list --db bank
    python -m finsql examples remove --db bank 3
    python -m finsql examples import --db bank pairs.jsonl      # JSONL lines of question and sql

The store of ``books.sqlite`` is ``books.examples.jsonl`` in the same folder: plain JSON lines (id,
question, sql, added) the user can read, edit and version. Every change rewrites the file through a
temporary file renamed into place, so a crash leaves the old file or the new one, never half of one.
A pair is stored only when its SQL passes the read-only guard and runs.

The pipeline uses them at once: they join the database's few-shot pairs, ahead of its train set,
and a question that is the same as a verified one (case, punctuation, spacing and the way numbers are
written aside: "1,000" is "1000", but 2022 is not 2023) is answered with its SQL.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from finsql.datasets import QuestionItem
from finsql.db import Database, check_read_only
from finsql.errors import FinSQLError
from finsql.paths import write_text_atomically

_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


@dataclass(frozen=True)
class VerifiedExample:
    id: int
    question: str
    sql: str
    added: str  # ISO date

    def as_item(self, db_id: str) -> QuestionItem:
        return QuestionItem(f"verified-{self.id}", db_id, self.question, self.sql)


def same_question_key(question: str) -> str:
    """What two questions must share to be the same question: words and numbers, in order.

    >>> same_question_key("How many funds had NAV > 1,000?") == same_question_key("how many FUNDS had nav 1000")
    True
    >>> same_question_key("Funds in 2022") == same_question_key("Funds in 2023")
    False
    """
    text = unicodedata.normalize("NFKC", question).casefold()  # full-width letters and digits too
    text = _THOUSANDS.sub("", text)
    return " ".join(_NOT_WORD.sub(" ", text).split())


def store_path(db: Database) -> Path:
    return db.side_file(".examples.jsonl")


class ExampleStore:
    """The verified examples of one database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.path = store_path(db)

    def load(self) -> list[VerifiedExample]:
        """Every stored pair, in the order added; a broken line is named with its number."""
        if not self.path.is_file():
            return []
        examples = []
        for number, line in enumerate(self.path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                examples.append(VerifiedExample(int(raw["id"]), str(raw["question"]), str(raw["sql"]),
                                                str(raw.get("added", ""))))
            except (ValueError, KeyError, TypeError) as err:
                raise FinSQLError(f"{self.path} line {number} is not a verified example ({type(err).__name__}: "
                                  f"{err}); fix or delete that line") from None
        return examples

    def find(self, question: str) -> VerifiedExample | None:
        """The latest verified pair whose question is the same as ``question``, or None."""
        key = same_question_key(question)
        return next((e for e in reversed(self.load()) if same_question_key(e.question) == key), None)

    def check(self, question: str, sql: str) -> None:
        """Refuse a pair that is empty, or whose SQL the guard refuses or the database cannot run."""
        if not question.strip():
            raise FinSQLError("the question is empty; give the question the SQL answers")
        check_read_only(sql)
        result = self.db.execute(sql)
        if result.error:
            raise FinSQLError(f"the SQL does not run on {self.db.name} ({result.error}); fix it before saving it")

    def add(self, question: str, sql: str) -> VerifiedExample:
        return self.add_many([(question, sql)])[0]

    def add_many(self, pairs: list[tuple[str, str]]) -> list[VerifiedExample]:
        """Check every pair, then store them all in one write (all or none)."""
        for question, sql in pairs:
            self.check(question, sql)
        examples = self.load()
        next_id = max((e.id for e in examples), default=0) + 1
        today = date.today().isoformat()
        added = [VerifiedExample(next_id + i, q.strip(), s.strip(), today) for i, (q, s) in enumerate(pairs)]
        self._write(examples + added)
        return added

    def remove(self, example_id: int) -> VerifiedExample:
        examples = self.load()
        gone = next((e for e in examples if e.id == example_id), None)
        if gone is None:
            raise FinSQLError(f"{self.path.name} has no example {example_id}; "
                              f"`python -m finsql examples list --db {self.db.label}` shows the ids")
        self._write([e for e in examples if e.id != example_id])
        return gone

    def _write(self, examples: list[VerifiedExample]) -> None:
        text = "".join(json.dumps(asdict(e), ensure_ascii=False) + "\n" for e in examples)
        write_text_atomically(self.path, text, "verified examples")


def read_pairs(path: Path) -> list[tuple[str, str]]:
    """(question, sql) from a JSONL file of objects with both; a line without them is named by number."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise FinSQLError(f"cannot read {path} ({getattr(err, 'strerror', None) or err}); give a JSONL file") from None
    pairs = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            pairs.append((str(raw["question"]), str(raw["sql"])))
        except (ValueError, KeyError, TypeError):
            raise FinSQLError(f"{path} line {number} is not a JSON object with question and sql") from None
    if not pairs:
        raise FinSQLError(f"{path} holds no question/sql pair")
    return pairs
