"""Turn a question and a schema into the text a chat model completes.

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
class Prompt:
    text: str
    n_tokens: int


def user_message(schema_ddl: str, question: str, evidence: str | None = None,
                 values: list[str] | None = None, examples: list[tuple[str, str]] | None = None) -> str:
    parts = ["Database schema:", schema_ddl]
    if examples:
        parts += ["", "Examples of questions on this database and their SQL:"]
        for example_question, example_sql in examples:
            parts += [f"Q: {example_question}", f"SQL: {' '.join(example_sql.split())}"]
    if values:
        parts += ["", "Values named in the question, exactly as stored:", *values]
    if evidence:
        parts += ["", f"Hint: {evidence}"]
    parts += ["", f"Question: {question}", "Write the SQLite query."]
    return "\n".join(parts)


def build_prompt(tokenizer, schema_ddl: str, question: str, evidence: str | None = None,
                 values: list[str] | None = None, examples: list[tuple[str, str]] | None = None) -> Prompt:
    """Apply the model's own chat template and open the answer with a SQL fence."""
    messages = [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": user_message(schema_ddl, question, evidence, values, examples)},
    ]
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True) + ANSWER_PREFIX
    return Prompt(text, len(tokenizer(text, add_special_tokens=False)["input_ids"]))
