"""Business terms of a database: what an analyst's word means in its schema.

The glossary of ``books.sqlite`` is ``books.glossary.yaml`` beside it, one entry per term:

    terms:
      equity fund: mf_fundarchives.FundTypeCode = 1101     # a condition
      单位净值: mf_netvalue.UnitNV                          # a column
      active fund: mf_fundarchives.FundStatus = 1 AND mf_fundarchives.ExpireDate IS NULL

A meaning is any SQL expression whose columns are written ``table.column``; every one must exist
in the schema. A term named in a question (any case; whole words for Latin script) brings its tables
and columns into the prompt's schema and its meaning into the prompt. The chat edits the file
(sidebar, "Business terms"); saving checks it first and writes it atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlglot
import yaml
from sqlglot import exp

from finsql.db import Database
from finsql.errors import FinSQLError
from finsql.paths import write_text_atomically
from finsql.prompt.retriever import names_whole_words
from finsql.schema import Schema


@dataclass(frozen=True)
class Term:
    term: str
    meaning: str
    columns: tuple[str, ...]  # "table.column" as the schema spells them

    def line(self) -> str:
        return f'"{self.term}" means {self.meaning}'


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...] = ()

    def named_in(self, question: str) -> list[Term]:
        """The terms the question uses, longest first, none inside another one found."""
        q = question.lower()
        found: list[Term] = []
        for term in sorted(self.terms, key=lambda t: -len(t.term)):
            word = term.term.lower()
            if word in q and names_whole_words(word, q) and not any(word in f.term.lower() for f in found):
                found.append(term)
        return found


def glossary_path(db: Database) -> Path:
    return db.side_file(".glossary.yaml")


def _columns(term: str, meaning: str, schema: Schema) -> tuple[str, ...]:
    try:
        expression = sqlglot.parse_one(meaning, read="sqlite")
    except sqlglot.errors.SqlglotError:
        raise FinSQLError(f'glossary term "{term}": its meaning "{meaning}" is not a SQL expression') from None
    names = []
    for column in expression.find_all(exp.Column):
        table = schema.table(column.table) if column.table else None
        found = table.column(column.name) if table is not None else None
        if found is None:
            raise FinSQLError(f'glossary term "{term}": {column.sql()} is not a column of {schema.db_id}; '
                              "write columns as table.column")
        names.append(f"{table.name}.{found.name}")
    if not names:
        raise FinSQLError(f'glossary term "{term}": its meaning names no table.column')
    return tuple(dict.fromkeys(names))


def parse_glossary(text: str, schema: Schema, where: str = "the glossary") -> Glossary:
    """The glossary in ``text`` (YAML), every term checked against ``schema``; an error names the term."""
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as err:
        raise FinSQLError(f"{where} is not valid YAML ({str(err).splitlines()[0]})") from None
    terms = raw.get("terms") if isinstance(raw, dict) else None
    if terms is None:
        terms = {}
    if not isinstance(terms, dict):
        raise FinSQLError(f'{where} must hold "terms:" with one "term: meaning" line per term')
    checked = []
    for term, meaning in terms.items():
        if not isinstance(meaning, str | int | float) or not str(term).strip():
            raise FinSQLError(f'glossary term "{term}": give its meaning as one line of SQL')
        checked.append(Term(str(term).strip(), str(meaning).strip(), _columns(str(term), str(meaning), schema)))
    return Glossary(tuple(checked))


def load_glossary(db: Database, schema: Schema) -> Glossary:
    path = glossary_path(db)
    return parse_glossary(path.read_text(encoding="utf-8"), schema, str(path)) if path.is_file() else Glossary()


def save_glossary(db: Database, schema: Schema, text: str) -> Glossary:
    """Check ``text`` and, only if every term holds, make it the database's glossary."""
    glossary = parse_glossary(text, schema)
    write_text_atomically(glossary_path(db), text if text.endswith("\n") else text + "\n", "the glossary")
    return glossary
