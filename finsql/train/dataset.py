"""Training pairs -> token ids with labels on the answer only, batched by length.

The prompt of each pair is built by the pipeline's own stages (``training_prompt``, through
``Pipeline.compose_prompt`` with the module's prompt and retrieval settings), so the module learns on
exactly the prompts it answers at inference.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from finsql.datasets import QuestionItem, load_questions
from finsql.errors import FinSQLError
from finsql.pipeline import Pipeline
from finsql.prompt.builder import Prompt
from finsql.prompt.examples import train_set_path
from finsql.prompt.retriever import Retrieval, missed_items, with_items
from finsql.train.augment import TrainPair
from finsql.train.config import OptimSettings

IGNORE = -100
ANSWER_END = ";\n```"  # the generator stops at ";" or the fence (generate.STOP_STRINGS); learn both


def read_train_items(db: str, path: Path | None) -> tuple[Path, list[QuestionItem]]:
    """The database's train pairs; malformed lines or pairs of another database are refused by line."""
    if path is None:
        path = train_set_path(db)
        if not path.is_file():
            raise FinSQLError(f"no train pairs for database {db!r} at {path}; give a JSONL file of them with "
                              "--train-file")
    loaded = load_questions(path, "jsonl")
    if loaded.problems:
        first = loaded.problems[0]
        more = f" (and {len(loaded.problems) - 1} more)" if len(loaded.problems) > 1 else ""
        raise FinSQLError(f"{first.where}: {first.reason}{more}; fix the training file")
    items = [i for i in loaded.items if i.db_id == db]
    if not items:
        raise FinSQLError(f"{path} has no training pairs for database {db!r} (none of its lines has db_id {db!r})")
    return path, items


@dataclass(frozen=True)
class Tokenized:
    input_ids: list[int]
    answer_start: int  # index of the first answer token; earlier tokens carry no loss
    kind: str

    @property
    def n_answer(self) -> int:
        return len(self.input_ids) - self.answer_start


@dataclass
class BuiltData:
    examples: list[Tokenized]
    skipped_too_long: int
    fingerprint: str  # hash of every prompt and target: the card records which data made the module
    missed_gold: int  # prompts whose retrieval left out a table or column of their own SQL


@dataclass(frozen=True)
class TrainingPrompt:
    prompt: Prompt
    retrieval: Retrieval | None  # what the prompt shows of the schema (None: all of it)
    left_out: list[str]  # tables ("t") and columns ("t.c") the pair's SQL reads that retrieval left out


def training_prompt(pipeline: Pipeline, question: str, sql: str, db: str | Path, hint: str | None = None,
                    show_gold: bool = False) -> TrainingPrompt:
    """A train pair's prompt, built by the pipeline's own stages, and what of its SQL retrieval left out.

    The pair's own SQL is never among its few-shot examples (a paraphrase would otherwise find its source
    pair); ``show_gold`` adds to the prompt the tables and columns ("t", "t.c") that its SQL reads but
    retrieval left out. What was left out is named either way.
    """
    _, schema = pipeline.database(db)
    left_out: list[str] = []

    def with_gold(found: Retrieval) -> Retrieval:
        left_out[:] = missed_items(found, schema, sql)
        return with_items(found, schema, left_out) if show_gold and left_out else found

    answer, prompt = pipeline.compose_prompt(question, db, hint, adjust_retrieval=with_gold, leave_out_sql=sql)
    return TrainingPrompt(prompt, answer.retrieval, left_out)


def build_examples(pairs: Sequence[TrainPair], pipeline: Pipeline, db: str, max_seq_tokens: int,
                   show_gold: bool = False) -> BuiltData:
    """Each pair's prompt and target as token ids; ``show_gold`` adds to a prompt what its SQL reads but
    retrieval left out, so the module is not taught to write columns its prompt does not show."""
    tokenizer = pipeline.tokenizer
    end = tokenizer.eos_token or ""
    digest = hashlib.sha256()
    examples, skipped, missed = [], 0, 0
    for pair in pairs:
        built = training_prompt(pipeline, pair.question, pair.sql, db, pair.hint, show_gold)
        prompt = built.prompt
        missed += bool(built.left_out)
        target = pair.target.strip().rstrip(";") + ANSWER_END + end
        digest.update(prompt.text.encode() + b"\0" + target.encode() + b"\0")
        prompt_ids = tokenizer(prompt.text, add_special_tokens=False)["input_ids"]
        answer_ids = tokenizer(target, add_special_tokens=False)["input_ids"]
        if len(prompt_ids) + len(answer_ids) > max_seq_tokens:
            skipped += 1
            continue
        examples.append(Tokenized(prompt_ids + answer_ids, len(prompt_ids), pair.kind))
    return BuiltData(examples, skipped, digest.hexdigest()[:16], missed)


PREPARED_FORMAT = 2


def write_prepared(path: Path, data: BuiltData, settings: dict, about: dict) -> None:
    """Save built training data with the settings that made it, so another machine trains on it as is.

    Building the prompts (retrieval for every augmented pair) is CPU work that a GPU machine's slower
    or busier CPU need not repeat: ``--prepare-only FILE`` writes this, ``--prepared FILE`` reads it.
    """
    payload = {"format": PREPARED_FORMAT, "settings": settings, "about": about, "fingerprint": data.fingerprint,
               "skipped_too_long": data.skipped_too_long, "missed_gold": data.missed_gold,
               "examples": [[e.input_ids, e.answer_start, e.kind] for e in data.examples]}
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    partial.replace(path)


def read_prepared(path: Path, settings: dict) -> tuple[BuiltData, dict]:
    """Training data saved by ``write_prepared``, refused if it was built with other ``settings``."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        if payload.get("format") != PREPARED_FORMAT:
            raise ValueError(f"format {payload.get('format')!r}, expected {PREPARED_FORMAT}")
        data = BuiltData([Tokenized(list(ids), int(start), str(kind)) for ids, start, kind in payload["examples"]],
                         int(payload["skipped_too_long"]), str(payload["fingerprint"]), int(payload["missed_gold"]))
        made_with = dict(payload["settings"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise FinSQLError(f"{path} is not prepared training data ({err}); make it with "
                          "python -m finsql.train DB --prepare-only FILE") from None
    differs = [key for key in settings if made_with.get(key) != settings[key]]
    if differs:
        raise FinSQLError(f"{path} was prepared with other {differs[0]} settings than this run's; prepare it again "
                          "with the same --config and flags, or train without --prepared")
    if not data.examples:
        raise FinSQLError(f"{path} holds no training examples")
    return data, payload.get("about", {})


def length_batches(examples: Sequence[Tokenized], batch_tokens: int, seed: int, epoch: int) -> list[list[int]]:
    """Indices of ``examples`` in batches of similar length, at most ``batch_tokens`` padded tokens each
    (an example longer than that makes a batch of its own).

    Shuffled per epoch, then sorted by length within windows of 32 so padding stays small while the
    order still changes from epoch to epoch. The same (seed, epoch) always gives the same batches,
    which is what lets an interrupted run skip exactly the batches it already trained on.
    """
    order = list(range(len(examples)))
    random.Random(seed * 1000 + epoch).shuffle(order)
    batches: list[list[int]] = []
    for start in range(0, len(order), 32):
        window = sorted(order[start:start + 32], key=lambda i: len(examples[i].input_ids))
        batch: list[int] = []
        for i in window:
            longest = max([len(examples[j].input_ids) for j in batch] + [len(examples[i].input_ids)])
            if batch and longest * (len(batch) + 1) > batch_tokens:
                batches.append(batch)
                batch = []
            batch.append(i)
        if batch:
            batches.append(batch)
    random.Random(seed * 1000 + epoch + 1).shuffle(batches)
    return batches


def batch_schedule(examples: Sequence[Tokenized], optim: OptimSettings, process_index: int = 0,
                   num_processes: int = 1) -> list[tuple[int, list[int]]]:
    """(epoch, batch) for every step this process takes: ``optim.epochs`` epochs, or more to reach max_steps.

    Each epoch batches a fresh shuffle, so epochs differ in their number of batches; laying the
    whole run out up front keeps step numbers (and so resuming) exact. Under ``accelerate launch``
    an epoch's last few batches are dropped so that every process takes the same number of steps.
    """
    schedule: list[tuple[int, list[int]]] = []
    epoch = 0
    while epoch < optim.epochs or len(schedule) < optim.max_steps:
        batches = length_batches(examples, optim.batch_tokens, optim.seed, epoch)
        usable = batches[:len(batches) - len(batches) % num_processes]
        if not usable:
            raise FinSQLError(f"{len(batches)} batches cannot be shared by {num_processes} processes; "
                              "use fewer processes or a smaller optim.batch_tokens")
        schedule += [(epoch, batch) for batch in usable[process_index::num_processes]]
        epoch += 1
    return schedule


def collate(examples: Sequence[Tokenized], pad_id: int):
    """Right-padded ``input_ids``, ``attention_mask`` and ``labels`` (IGNORE outside the answers)."""
    import torch

    width = max(len(e.input_ids) for e in examples)
    ids = torch.full((len(examples), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(examples), width), dtype=torch.long)
    labels = torch.full((len(examples), width), IGNORE, dtype=torch.long)
    for row, e in enumerate(examples):
        n = len(e.input_ids)
        ids[row, :n] = torch.tensor(e.input_ids)
        mask[row, :n] = 1
        labels[row, e.answer_start:n] = torch.tensor(e.input_ids[e.answer_start:])
    return ids, mask, labels
