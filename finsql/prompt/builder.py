"""Turn a question and the context gathered for it into the text a chat model completes.

The assistant turn is opened with a ```sql fence so the model starts writing SQL at once; the
generator stops at the closing fence.
"""

from __future__ import annotations

from dataclasses import dataclass

SYSTEM_PROMPT = (
    "You are an expert financial data analyst who writes SQLite queries. "
    "Answer with exactly one SQLite SELECT query that answers the question, using only the tables "
    "and columns in the schema."
)
ANSWER_PREFIX = "```sql\n"


@dataclass(frozen=True)
class Turn:
    """An earlier exchange of the conversation, for follow-up questions ("and for 2022?")."""

    question: str
    sql: str


@dataclass(frozen=True)
class PromptParts:
    schema_ddl: str
    question: str
    evidence: str | None = None
    values: tuple[str, ...] = ()  # "table.column = 'value'" lines, values exactly as stored
    terms: tuple[str, ...] = ()  # the glossary's lines for business terms the question uses
    examples: tuple[tuple[str, str], ...] = ()  # (question, sql) few-shot pairs
    history: tuple[Turn, ...] = ()


@dataclass(frozen=True)
class Prompt:
    text: str
    n_tokens: int


def _one_line(sql: str) -> str:
    return " ".join(sql.split())


def user_message(parts: PromptParts) -> str:
    lines = ["Database schema:", parts.schema_ddl]
    if parts.examples:
        lines += ["", "Examples of questions on this database and their SQL:"]
        for question, sql in parts.examples:
            lines += [f"Q: {question}", f"SQL: {_one_line(sql)}"]
    if parts.values:
        lines += ["", "Values named in the question, exactly as stored:", *parts.values]
    if parts.terms:
        lines += ["", "Business terms in the question, as this database defines them:", *parts.terms]
    if parts.evidence:
        lines += ["", f"Hint: {parts.evidence}"]
    if parts.history:
        lines += ["", "Earlier in this conversation:"]
        for turn in parts.history:
            lines += [f"Q: {turn.question}", f"SQL: {_one_line(turn.sql)}"]
        lines += ["", f"Follow-up question (it may refer to the earlier ones): {parts.question}"]
    else:
        lines += ["", f"Question: {parts.question}"]
    lines.append("Write the SQLite query.")
    return "\n".join(lines)


def build_prompt(tokenizer, parts: PromptParts) -> Prompt:
    """Apply the model's own chat template and open the answer with a SQL fence."""
    messages = [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": user_message(parts)},
    ]
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True) + ANSWER_PREFIX
    return Prompt(text, len(tokenizer(text, add_special_tokens=False)["input_ids"]))
