"""Conversations: the earlier turns always in the prompt (as before) vs only for questions that lean on
them, on the same conversations, one run.

    python benchmarks/bench_conversation.py [--per-db 3 | --per-db all] [--seed 0] [--databases fund,stock]
                                            [--model qwen2.5-coder-0.5b] [--out runs/bench/conversations]

Each sampled conversation of data/questions/<db>_conversations.jsonl is evaluated as
``python -m finsql.eval --format conversations`` does (every turn asked with the earlier questions and
the SQL answered to them; standalone turns also asked alone), once per configuration, both with the
chat's settings otherwise. Printed per configuration: EX of all turns, of follow-ups, of standalone
turns inside the conversation and asked alone, and how many follow-ups and standalone turns were
recognised. One loaded model serves both, and a prompt already answered is not decoded again
(candidates are seeded by the prompt, so the answer would be the same). Results go to
``--out/<configuration>/results.jsonl``; the same command run again goes on where it stopped.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

from finsql import Pipeline
from finsql.bundled import DATABASES
from finsql.config import load_config
from finsql.datasets import Conversation, conversation_set_path, load_conversations
from finsql.errors import run_command
from finsql.eval.conversations import evaluate_conversations, summarize_conversations
from finsql.eval.runner import read_results
from finsql.eval.sample import bundled_databases, per_database
from finsql.generate import Generation, Generator
from finsql.models import quiet_libraries

CONFIGURATIONS = ("always", "follow-ups")


class ReusedDecodes:
    """A generator that decodes each (module, prompt, settings) once and hands back the same candidates after."""

    def __init__(self, generator: Generator) -> None:
        self.generator = generator
        self.tokenizer = generator.tokenizer
        self.adapter: str | None = None
        self.last_timing = None
        self.cache: dict[tuple, list[Generation]] = {}

    def use_adapter(self, name: str | None, path: Path | None = None) -> None:
        self.generator.use_adapter(name, path)
        self.adapter = name

    def generate(self, prompt: str, max_new_tokens: int, n: int = 1, temperature: float = 0.7,
                 on_step=None, greedy: bool = True) -> list[Generation]:
        key = (self.adapter, prompt, max_new_tokens, n, temperature, greedy)
        if key not in self.cache:
            self.cache[key] = self.generator.generate(prompt, max_new_tokens, n=n, temperature=temperature,
                                                      greedy=greedy)
            self.last_timing = getattr(self.generator, "last_timing", None)
        return self.cache[key]


def sample(databases: list[str], per_db: int | None, seed: int) -> list[Conversation]:
    chosen = []
    for db in databases:
        conversations = load_conversations(conversation_set_path(db)).conversations
        if per_db is not None and per_db < len(conversations):
            conversations = random.Random(seed).sample(conversations, per_db)
        chosen += conversations
    return chosen


def _cell(part: dict) -> str:
    return "-" if part.get("ex", part.get("share")) is None else f"{part.get('ex', part.get('share')):.1%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-db", default="3", help="conversations per database, or 'all'")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--databases", default=",".join(DATABASES))
    parser.add_argument("--model", default=None)
    parser.add_argument("--out", type=Path, default=Path("runs/bench/conversations"))
    args = parser.parse_args()
    databases = bundled_databases(args.databases)
    conversations = sample(databases, per_database(args.per_db), args.seed)
    quiet_libraries()
    chat = load_config(model__name=args.model)
    shared = ReusedDecodes(Pipeline(chat).generator)
    summaries = {}
    for name in CONFIGURATIONS:
        config = replace(chat, conversation=replace(chat.conversation, history=name))
        out = args.out / name
        out.mkdir(parents=True, exist_ok=True)
        evaluate_conversations(conversations, name, Pipeline(config, generator=shared), None,
                               out / "results.jsonl", chat.execution.timeout_s)
        wanted = {c.id for c in conversations}
        rows = [r for r in read_results(out / "results.jsonl") if r["conversation"] in wanted and r["system"] == name]
        summaries[name] = summarize_conversations(rows)
    turns = sum(len(c.turns) for c in conversations)
    print(f"\n{len(conversations)} conversations, {turns} turns ({', '.join(databases)})")
    print(f"{'history':12} {'turns EX':>9} {'follow-ups':>11} {'standalone':>11} {'alone':>7} "
          f"{'follow-ups seen':>16} {'standalone seen':>16}")
    for name, s in summaries.items():
        d = s["follow_up_detection"]
        print(f"{name:12} {_cell(s['turns']):>9} {_cell(s['follow_ups']):>11} "
              f"{_cell(s['standalone_in_conversation']):>11} {_cell(s['standalone_alone']):>7} "
              f"{_cell(d['follow_ups_read_as_such']):>16} {_cell(d['standalone_read_as_such']):>16}")


if __name__ == "__main__":
    sys.exit(run_command(main))
