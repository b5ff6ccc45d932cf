"""Validate the bundled databases, their descriptions and the question sets.

    python -m finsql.data check            # everything; exit 1 and one line per problem if any fails

Checks: size of the databases (tables, columns, rows, wide tables); every table and column
described in English and Chinese in schemas/<db>.yaml and nothing described that does not exist;
for every question set data/questions/<db>_{train,dev}.jsonl: well-formed lines, unique ids, required
fields, per-set sizes, at least 30% hard questions whose SQL really is hard, every gold SQL runs
read-only and returns rows, no near-duplicate questions, no dev question that paraphrases a train one;
for every conversation set data/questions/<db>_conversations.jsonl: well-formed lines, unique ids, 3 to 5
turns a conversation, at least 40 turns, a third of them follow-ups, a third in each of English and Chinese,
every gold SQL runs read-only and returns rows, no turn that repeats a train question.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import sqlglot
import yaml
from rapidfuzz import fuzz
from sqlglot import exp

from finsql.data import DATABASES
from finsql.datasets import LANGUAGES, load_conversations
from finsql.db import Database
from finsql.errors import FinSQLError

MIN_TABLES, MIN_COLUMNS, MIN_ROWS, WIDE_TABLE_COLUMNS = 60, 700, 200_000, 40
MIN_QUESTIONS = {"train": 150, "dev": 50}
MIN_QUESTIONS_BANK = {"train": 60, "dev": 40}
MIN_HARD_SHARE = 0.30
DIFFICULTIES = ("easy", "medium", "hard")
REQUIRED_FIELDS = ("id", "db_id", "question", "question_zh", "sql", "difficulty")
NEAR_DUPLICATE = 92  # rapidfuzz ratio on normalised questions, 0-100
PARAPHRASE = 90  # token_set_ratio between a dev and a train question
MIN_TURNS, MAX_TURNS = 3, 5  # per conversation
MIN_CONVERSATION_TURNS = 40  # per conversation set
MIN_FOLLOW_UP_SHARE = 1 / 3
MIN_LANGUAGE_SHARE = 1 / 3  # of the turns, for each language


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def fail(self, message: str) -> None:
        self.problems.append(message)

    @property
    def ok(self) -> bool:
        return not self.problems


def hardness_features(sql: str) -> list[str]:
    """What makes a query hard: 3+ tables joined, nesting, window functions, HAVING, set operations.

    >>> hardness_features("SELECT a FROM t GROUP BY a HAVING COUNT(*) > 1")
    ['having']
    >>> hardness_features("SELECT a FROM t WHERE b > (SELECT AVG(b) FROM t)")
    ['nested']
    >>> hardness_features("SELECT a FROM t UNION SELECT a FROM u")
    ['set operation']
    >>> hardness_features("SELECT a FROM t")
    []
    """
    tree = sqlglot.parse_one(sql, read="sqlite")
    features = []
    tables = {t.name.lower() for t in tree.find_all(exp.Table)}
    ctes = {c.alias_or_name.lower() for c in tree.find_all(exp.CTE)}
    if len(tables - ctes) >= 3:
        features.append("3+ tables")
    # A SELECT inside another one, other than a CTE body or a UNION branch, is a nested query.
    if any(s is not tree and not isinstance(s.parent, (exp.CTE, exp.SetOperation)) for s in tree.find_all(exp.Select)):
        features.append("nested")
    if ctes:
        features.append("cte")
    if any(True for _ in tree.find_all(exp.Window)):
        features.append("window")
    if any(True for _ in tree.find_all(exp.Having)):
        features.append("having")
    if isinstance(tree, exp.SetOperation):
        features.append("set operation")
    return features


def _normalise(question: str) -> str:
    return " ".join(question.lower().replace("?", " ").replace(",", " ").split())


def check_databases(data: Path, schemas: Path, report: Report) -> None:
    totals = Counter()
    wide = 0
    for name in DATABASES:
        path = data / f"{name}.sqlite"
        if not path.exists():
            report.fail(f"{path}: missing; run python -m finsql.data build")
            continue
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                             "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        columns = {t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}
        rows = sum(conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables)
        conn.close()
        n_columns = sum(len(c) for c in columns.values())
        wide += sum(len(c) >= WIDE_TABLE_COLUMNS for c in columns.values())
        totals.update(tables=len(tables), columns=n_columns, rows=rows)
        report.counts[name] = {"tables": len(tables), "columns": n_columns, "rows": rows}
        _check_descriptions(schemas / f"{name}.yaml", columns, report)
    for what, minimum in (("tables", MIN_TABLES), ("columns", MIN_COLUMNS), ("rows", MIN_ROWS)):
        if totals[what] < minimum:
            report.fail(f"databases: {totals[what]} {what} in all, need at least {minimum}")
    if wide < 2:
        report.fail(f"databases: {wide} tables with {WIDE_TABLE_COLUMNS}+ columns, need several")
    report.counts["all databases"] = {**totals, f"tables with {WIDE_TABLE_COLUMNS}+ columns": wide}


def _check_descriptions(path: Path, columns: dict[str, list[str]], report: Report) -> None:
    if not path.exists():
        report.fail(f"{path}: missing; every database needs its descriptions")
        return
    described = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("tables") or {}
    for table, cols in columns.items():
        info = described.get(table)
        if not info:
            report.fail(f"{path.name}: table {table} is not described")
            continue
        for lang in ("en", "zh"):
            if not str(info.get(lang) or "").strip():
                report.fail(f"{path.name}: table {table} has no '{lang}' description")
        col_info = info.get("columns") or {}
        for col in cols:
            meta = col_info.get(col) or {}
            missing = [lang for lang in ("en", "zh") if not str(meta.get(lang) or "").strip()]
            if missing:
                report.fail(f"{path.name}: column {table}.{col} has no {'/'.join(missing)} description")
        for col in set(col_info) - set(cols):
            report.fail(f"{path.name}: describes column {table}.{col}, which does not exist")
    for table in set(described) - set(columns):
        report.fail(f"{path.name}: describes table {table}, which does not exist")


def load_question_file(path: Path, report: Report) -> list[dict]:
    """Read a JSONL question set; every malformed line is reported with its number."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            report.fail(f"{path.name}:{number}: not valid JSON ({err.msg})")
            continue
        if not isinstance(item, dict):
            report.fail(f"{path.name}:{number}: not a JSON object")
            continue
        missing = [f for f in REQUIRED_FIELDS if not str(item.get(f) or "").strip()]
        if missing:
            report.fail(f"{path.name}:{number}: missing {', '.join(missing)}")
            continue
        if item["difficulty"] not in DIFFICULTIES:
            report.fail(f"{path.name}:{number}: difficulty {item['difficulty']!r} is not easy|medium|hard")
            continue
        item["_where"] = f"{path.name}:{number} ({item['id']})"
        items.append(item)
    return items


def check_question_sets(data: Path, report: Report) -> None:
    seen_ids: set[str] = set()
    for name in DATABASES:
        splits = {}
        for split in ("train", "dev"):
            path = data / "questions" / f"{name}_{split}.jsonl"
            if not path.exists():
                report.fail(f"{path}: missing")
                continue
            items = load_question_file(path, report)
            splits[split] = items
            _check_split(name, split, path, items, data, seen_ids, report)
        if "train" in splits and "dev" in splits:
            _check_dev_is_new(splits["train"], splits["dev"], report)


def _check_split(name: str, split: str, path: Path, items: list[dict], data: Path, seen_ids: set[str],
                 report: Report) -> None:
    minimum = (MIN_QUESTIONS_BANK if name == "bank" else MIN_QUESTIONS)[split]
    if len(items) < minimum:
        report.fail(f"{path.name}: {len(items)} questions, need at least {minimum}")
    db_path = data / f"{name}.sqlite"
    db = Database(db_path, timeout_s=30, max_rows=1) if db_path.exists() else None
    hard = 0
    for item in items:
        where = item["_where"]
        if item["id"] in seen_ids:
            report.fail(f"{where}: duplicate id")
        seen_ids.add(item["id"])
        if item["db_id"] != name:
            report.fail(f"{where}: db_id {item['db_id']!r} in the {name} set")
        if db is not None:
            result = db.execute(item["sql"])
            if not result.ok:
                report.fail(f"{where}: gold SQL fails: {result.error}")
            elif not result.rows:
                report.fail(f"{where}: gold SQL returns no rows")
        if item["difficulty"] == "hard":
            try:
                features = hardness_features(item["sql"])
            except sqlglot.errors.SqlglotError:
                features = []
            if features:
                hard += 1
            else:
                report.fail(f"{where}: labelled hard but has no join of 3+ tables, nesting, window or HAVING")
    share = hard / len(items) if items else 0.0
    if share < MIN_HARD_SHARE:
        report.fail(f"{path.name}: {share:.0%} verified-hard questions, need at least {MIN_HARD_SHARE:.0%}")
    _check_near_duplicates(items, report)
    report.counts[f"{name} {split}"] = {"questions": len(items), "hard": hard,
                                        **Counter(i["difficulty"] for i in items)}


def _check_near_duplicates(items: list[dict], report: Report) -> None:
    normalised = [_normalise(i["question"]) for i in items]
    for a in range(len(items)):
        for b in range(a + 1, len(items)):
            if fuzz.ratio(normalised[a], normalised[b]) >= NEAR_DUPLICATE:
                report.fail(f"{items[b]['_where']}: near-duplicate of {items[a]['_where']}")


def _check_dev_is_new(train: list[dict], dev: list[dict], report: Report) -> None:
    train_q = [_normalise(i["question"]) for i in train]
    train_sql = {" ".join(i["sql"].lower().split()): i for i in train}
    for item in dev:
        q = _normalise(item["question"])
        match = next((t for t, tq in zip(train, train_q, strict=True) if fuzz.token_set_ratio(q, tq) >= PARAPHRASE),
                     None)
        if match is not None:
            report.fail(f"{item['_where']}: paraphrases train question {match['_where']}")
        same_sql = train_sql.get(" ".join(item["sql"].lower().split()))
        if same_sql is not None:
            report.fail(f"{item['_where']}: same gold SQL as train question {same_sql['_where']}")


def check_conversation_sets(data: Path, report: Report) -> None:
    seen_ids: set[str] = set()
    for name in DATABASES:
        path = data / "questions" / f"{name}_conversations.jsonl"
        if not path.exists():
            report.fail(f"{path}: missing")
            continue
        _check_conversations(name, path, data, seen_ids, report)


def _check_conversations(name: str, path: Path, data: Path, seen_ids: set[str], report: Report) -> None:
    try:
        text = path.read_text(encoding="utf-8")
        loaded = load_conversations(path)
    except (OSError, UnicodeDecodeError, FinSQLError) as err:
        report.fail(f"{path.name}: cannot read ({err})")
        return
    for problem in loaded.problems:
        report.fail(f"{problem.where}: {problem.reason}")
    # The loader keeps the good lines in file order; pair each with its line number.
    bad = {p.where for p in loaded.problems}
    numbers = [n for n, line in enumerate(text.splitlines(), start=1)
               if line.strip() and f"{path.name}:{n}" not in bad]
    db_path = data / f"{name}.sqlite"
    db = Database(db_path, timeout_s=30, max_rows=1) if db_path.exists() else None
    train = _train_questions(data / "questions" / f"{name}_train.jsonl")
    turns = follow_ups = 0
    languages: Counter[str] = Counter()
    for number, conv in zip(numbers, loaded.conversations, strict=True):
        where = f"{path.name}:{number} ({conv.id})"
        if conv.id in seen_ids:
            report.fail(f"{where}: duplicate id")
        seen_ids.add(conv.id)
        if conv.db_id != name:
            report.fail(f"{where}: db_id {conv.db_id!r} in the {name} set")
        if not MIN_TURNS <= len(conv.turns) <= MAX_TURNS:
            report.fail(f"{where}: {len(conv.turns)} turns, need {MIN_TURNS} to {MAX_TURNS}")
        turns += len(conv.turns)
        follow_ups += sum(t.follow_up for t in conv.turns)
        languages[conv.language] += len(conv.turns)
        for index, turn in enumerate(conv.turns, start=1):
            at = f"{where} turn {index}"
            if db is not None:
                result = db.execute(turn.sql)
                if not result.ok:
                    report.fail(f"{at}: gold SQL fails: {result.error}")
                elif not result.rows:
                    report.fail(f"{at}: gold SQL returns no rows")
            match = _train_match(turn.question, train)
            if match is not None:
                report.fail(f"{at}: repeats train question {match}")
    if turns < MIN_CONVERSATION_TURNS:
        report.fail(f"{path.name}: {turns} turns, need at least {MIN_CONVERSATION_TURNS}")
    if turns and follow_ups / turns < MIN_FOLLOW_UP_SHARE:
        report.fail(f"{path.name}: {follow_ups / turns:.0%} of the turns are follow-ups, "
                    f"need at least {MIN_FOLLOW_UP_SHARE:.0%}")
    for language in LANGUAGES:
        if turns and languages[language] / turns < MIN_LANGUAGE_SHARE:
            report.fail(f"{path.name}: {languages[language] / turns:.0%} of the turns in {language!r}, "
                        f"need at least {MIN_LANGUAGE_SHARE:.0%}")
    report.counts[f"{name} conversations"] = {"conversations": len(loaded.conversations), "turns": turns,
                                              "follow-ups": follow_ups,
                                              **{f"{lang} turns": languages[lang] for lang in LANGUAGES}}


def _train_questions(path: Path) -> list[tuple[str, str]]:
    """(normalised question, where) for the English and Chinese wording of every train question."""
    if not path.exists():
        return []
    items = load_question_file(path, Report())  # its own problems are reported by check_question_sets
    return [(_normalise(i[key]), i["_where"]) for i in items for key in ("question", "question_zh")]


def _train_match(question: str, train: list[tuple[str, str]]) -> str | None:
    """The train question that ``question`` repeats, if any. Scored with token_sort_ratio, not the
    token_set_ratio of dev vs train: that one scores any question whose few words all occur in a longer
    one as a paraphrase, and conversation turns are short ("How many funds are there of each fund type?"
    would match "How many fund management companies are there of each shareholder background type?")."""
    q = _normalise(question)
    return next((where for tq, where in train if fuzz.token_sort_ratio(q, tq) >= PARAPHRASE), None)


def check_all(data: Path, schemas: Path) -> Report:
    report = Report()
    check_databases(data, schemas, report)
    check_question_sets(data, report)
    check_conversation_sets(data, report)
    return report
