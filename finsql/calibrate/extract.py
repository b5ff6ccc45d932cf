"""Pull one SQL statement out of whatever the model wrote."""

from __future__ import annotations

import re

import sqlglot

_FENCE_TAG = re.compile(r"^(?:sql|sqlite)?[ \t]*\n?", re.IGNORECASE)
_SQL_START = re.compile(r"\b(WITH|SELECT)\b", re.IGNORECASE)
_COMMENT_LINE = re.compile(r"^[ \t]*--.*$\n?", re.MULTILINE)  # reasoning or skeleton written as SQL comments
_PROSE_LINE = re.compile(r"^(This|The|Note|Explanation|It|Here|In this)\b")


def extract_sql(text: str) -> str:
    """Return the first SQL statement in ``text``, without fences, prose or a trailing semicolon.

    >>> extract_sql("SELECT 1;\\nThis query selects one.")
    'SELECT 1'
    >>> extract_sql("Here you go:\\n```sql\\nSELECT a\\nFROM t\\n```\\nDone.")
    'SELECT a\\nFROM t'
    >>> extract_sql("select 1; select 2")
    'select 1'
    >>> extract_sql("-- skeleton: SELECT _ FROM _\\nSELECT name FROM fund")
    'SELECT name FROM fund'
    """
    body = _COMMENT_LINE.sub("", _inside_fence(text))
    starts = [m.start() for m in _SQL_START.finditer(body)]
    if not starts:
        return body.strip().rstrip(";").strip()
    candidates = [_trim_prose(_first_statement(body[i:])) for i in starts]
    # "we select: SELECT ..." — the first match that parses as SQL wins over a word in the prose.
    return next((c for c in candidates if _parses(c)), candidates[0])


def _inside_fence(text: str) -> str:
    if "```" not in text:
        return text
    before, _, after = text.partition("```")
    if _SQL_START.search(before):
        return before  # the prompt opened the fence; the model wrote the SQL, then closed it
    return _FENCE_TAG.sub("", after, count=1).split("```", 1)[0]


def _trim_prose(statement: str) -> str:
    """Cut explanation that follows the query: a blank line, or a line that starts like a sentence."""
    lines: list[str] = []
    for line in statement.splitlines():
        if lines and (not line.strip() or _PROSE_LINE.match(line.strip())):
            break
        lines.append(line)
    return "\n".join(lines).strip()


def _first_statement(body: str) -> str:
    """Everything up to the first semicolon that is not inside a quoted literal or identifier."""
    quote: str | None = None
    for i, ch in enumerate(body):
        if quote:
            if ch == quote:
                quote = None
        elif ch in ("'", '"', "`"):
            quote = ch
        elif ch == ";":
            return body[:i]
    return body


def _parses(sql: str) -> bool:
    try:
        return sqlglot.parse_one(sql, read="sqlite") is not None
    except sqlglot.errors.SqlglotError:
        return False
