"""Question -> SQL -> result, with a trace of every stage.

    from finsql import Pipeline
    answer = Pipeline.from_config(model__name="smollm2-135m").ask("How many funds are there?", db="fund")
    print(answer.sql, answer.rows)

Stages: model (load once) -> schema (introspect once) -> retrieve (the tables, columns and values the
question needs) -> examples (similar train pairs) -> prompt (within a token budget) -> generate
(greedy + samples) -> extract (and repair) each candidate -> vote (execute all, the most common
result wins). With ``generation.sample_when`` other than "always", the greedy candidate is written and
settled first, and the samples (a "sample" stage, then extract and vote again) only when it is in doubt.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from finsql.adapters import AdapterInfo, find_adapter, read_adapter
from finsql.calibrate.confidence import Trust, assess
from finsql.calibrate.extract import extract_sql
from finsql.calibrate.repair import RepairContext, repair
from finsql.calibrate.vote import Candidate, VoteOutcome, vote
from finsql.config import PipelineConfig, load_config
from finsql.datasets import QuestionItem, load_questions
from finsql.db import Database
from finsql.errors import FinSQLError
from finsql.generate import DecodeTiming, Generation, Generator, HFGenerator, ScriptedGenerator
from finsql.generate_llama import LlamaCppGenerator, model_file
from finsql.glossary import Term, load_glossary
from finsql.models import LoadOptions, load_model, load_tokenizer
from finsql.prompt.builder import Prompt, PromptParts, Turn, build_prompt
from finsql.prompt.examples import Example, ExampleIndex, schema_vocabulary, train_set_path
from finsql.prompt.followup import FollowUp, read_follow_up
from finsql.prompt.prior import UsagePrior
from finsql.prompt.retriever import Retrieval, RetrieverConfig, SchemaIndex, with_items
from finsql.prompt.tuning import TuningResult, current_result
from finsql.schema import Schema, load_schema
from finsql.sqlinfo import coded_outputs
from finsql.verified import ExampleStore, VerifiedExample

MAX_HISTORY_TURNS = 3
# Six times the longest question of the bundled sets; a pasted page would fill the prompt the schema
# needs and keep a CPU busy for minutes.
MAX_QUESTION_CHARS = 2000


@dataclass
class StageTrace:
    """How long a stage took and a line saying what it did: for display, never read back by code."""

    name: str
    elapsed_s: float = 0.0
    summary: str = ""


@dataclass(frozen=True)
class Progress:
    """What the pipeline is doing, for a progress display: a stage starting or done, or a decoding step."""

    stage: str  # model, schema, retrieve, examples, prompt, generate, extract, vote, sample
    done: bool = False
    tokens: int = 0  # generate: decoding steps so far
    text: str = ""  # generate: the greedy candidate's text so far


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class PromptInfo:
    text: str
    n_tokens: int
    budget: int
    examples_used: int
    full_schema_tokens: int | None = None  # the same prompt with the whole schema (None: no retrieval)


@dataclass(frozen=True)
class GenerationInfo:
    adapter: Path | None  # the LoRA module that wrote the candidates; None: the base model
    adapter_left_out: str | None  # why the database's own module was not used, if it was not
    candidates: int
    new_tokens: int
    batch: int = 1  # questions decoded together (ask_many)
    timing: DecodeTiming | None = None  # prefill and decoding time, where the generator reports them
    sampled_later: bool = False  # the samples were written after the greedy answer was found in doubt


@dataclass
class Answer:
    """The answer to one question, with what each stage produced on the way to it."""

    question: str
    db_id: str
    sql: str = ""
    columns: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    error: str | None = None
    truncated: bool = False
    confidence: float | None = None  # share of candidates that agree with the answer's result
    trust: Trust | None = None  # whether the answer is shown as confident, and if not why
    candidates: list[Candidate] = field(default_factory=list)
    retrieval: Retrieval | None = None  # the schema items the prompt shows (None: the whole schema)
    examples: list[Example] = field(default_factory=list)  # few-shot pairs found for the question
    prompt: PromptInfo | None = None
    generation: GenerationInfo | None = None
    vote: VoteOutcome | None = None
    follow_up: FollowUp | None = None  # whether the earlier turns were used (None: there were none)
    verified: VerifiedExample | None = None  # the verified example answered with, if any
    terms: list[Term] = field(default_factory=list)  # glossary terms the question uses
    codes: dict[int, dict[str, str]] = field(default_factory=dict)  # result column -> code -> its meaning
    trace: list[StageTrace] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def winner(self) -> Candidate | None:
        return self.vote.winner if self.vote else None

    def stage(self, name: str) -> StageTrace | None:
        return next((s for s in self.trace if s.name == name), None)


class Pipeline:
    """The whole FinSQL pipeline; heavy parts (model, schemas) load once, on first use."""

    def __init__(self, config: PipelineConfig | None = None, generator: Generator | None = None) -> None:
        self.config = config or PipelineConfig()
        self._generator = generator
        self._databases: dict[str, tuple[Database, Schema]] = {}
        self._indexes: dict[str, SchemaIndex] = {}
        self._tokenizer = None
        # db_id -> (the verified examples and pair count it was built from, the index or prior)
        self._examples: dict[str, tuple[tuple, ExampleIndex]] = {}
        self._priors: dict[str, tuple[tuple, UsagePrior]] = {}
        self._train_pairs: dict[str, list[QuestionItem]] = {}
        self._adapters: dict[str, AdapterInfo | None] = {}
        self._adapters_left_out: dict[str, str] = {}  # db_id -> why auto answers without its module
        self._full_tokens: dict[str, int] = {}
        self._generating = threading.Lock()

    @classmethod
    def from_config(cls, path: Path | None = None, **overrides: Any) -> Pipeline:
        """Build from a TOML file and/or ``section__key`` overrides (e.g. ``model__name="smollm2-135m"``)."""
        return cls(load_config(path, **overrides))

    @property
    def generator(self) -> Generator:
        if self._generator is None:
            m = self.config.model
            if m.backend == "scripted":
                self._generator = ScriptedGenerator.from_file(Path(m.script), self.tokenizer)
                return self._generator
            if m.backend == "http":
                from finsql.generate_http import OpenAIGenerator, api_key_from_env

                self._generator = OpenAIGenerator(m.url, m.served_name or m.name, self.tokenizer,
                                                  timeout_s=m.request_timeout_s, api_key=api_key_from_env())
                return self._generator
            if m.engine() == "llama.cpp":
                self._generator = LlamaCppGenerator(model_file(m.name), self.tokenizer,
                                                    draft_tokens=self.config.generation.draft_tokens)
                return self._generator
            self._generator = HFGenerator(load_model(m.name, LoadOptions(quantization=m.quantization,
                                                                         device=m.device, inference_only=True)))
        return self._generator

    @property
    def generation_lock(self) -> threading.Lock:
        """Held while a module is chosen and the shared generator writes with it: anyone else who writes with
        ``generator`` (``finsql serve``) takes it too, so no writer sees the module another one chose."""
        return self._generating

    def _writing(self):
        """The generation lock, or no lock for a generator whose module choice is per thread (``thread_safe``,
        the http backend): its server then hears every session's request at once."""
        return contextlib.nullcontext() if getattr(self.generator, "thread_safe", False) else self._generating

    def adapter_for(self, db_id: str) -> AdapterInfo | None:
        """The LoRA module questions on ``db_id`` are answered with (``model.adapter``), or None."""
        if db_id not in self._adapters:
            choice, base = self.config.model.adapter, self.config.model.name
            info = None
            if choice == "auto":
                info = find_adapter(db_id)
                if info is not None and info.base_model != base:
                    info = None  # trained on another base model: its weights would not fit
                elif info is not None and (reason := info.below_base()):
                    self._adapters_left_out[db_id] = reason
                    info = None
            elif choice != "none":
                info = read_adapter(Path(choice))
                if info.base_model != base:
                    raise FinSQLError(f"LoRA module {choice} was trained on {info.base_model}, not {base}; "
                                      f"use --model {info.base_model} or another module")
            self._adapters[db_id] = info
        return self._adapters[db_id]

    def database(self, db: str | Path) -> tuple[Database, Schema]:
        key = str(db)
        if key not in self._databases:
            ex = self.config.execution
            database = Database(db, timeout_s=ex.timeout_s, max_rows=ex.max_rows)
            schema = load_schema(database)
            if not schema.tables:
                raise FinSQLError(f"database {database.label} has no tables, so there is nothing to ask about")
            self._databases[key] = (database, schema)
        return self._databases[key]

    def schema_index(self, db: str | Path, progress: Callable[[float, str], None] | None = None) -> SchemaIndex:
        """The retrieval index of ``db``, loaded from the disk cache or built once (``progress`` hears how
        far a build is)."""
        key = str(db)
        if key not in self._indexes:
            database, schema = self.database(db)
            tuned = self.tuned_retriever(schema)
            self._indexes[key] = SchemaIndex.build(database, schema, embedder=tuned.embedder if tuned else None,
                                                   progress=progress)
        return self._indexes[key]

    def forget(self, db: str | Path) -> None:
        """Drop what was loaded for ``db`` (its schema, index, examples, prior), e.g. after its
        descriptions changed: the next question reads them again."""
        key = str(db)
        if key in self._databases:
            db_id = self._databases.pop(key)[1].db_id
            for cache in (self._examples, self._priors, self._full_tokens):
                cache.pop(db_id, None)
        self._indexes.pop(key, None)

    def tuned_retriever(self, schema: Schema) -> TuningResult | None:
        """The database's tuned retriever (``python -m finsql tune-retriever``), where it won on its held-back
        pairs and the schema is unchanged since (``retrieval.tuned`` on); None otherwise. Nothing is tuned here.
        A database answered with its LoRA module keeps the shipped embedder its training prompts were built with."""
        if not self.config.retrieval.tuned or self.adapter_for(schema.db_id) is not None:
            return None
        result = current_result(schema)
        return result if result is not None and result.wins else None

    @property
    def tokenizer(self):
        """The model's tokenizer; loaded alone (no weights) when only prompts are needed."""
        if self._generator is not None:
            return self._generator.tokenizer
        if self._tokenizer is None:
            self._tokenizer = load_tokenizer(self.config.model.name)
        return self._tokenizer

    def use_train_pairs(self, db_id: str, items: Sequence[QuestionItem]) -> None:
        """Answer questions on ``db_id`` with these train pairs (its few-shot examples and usage prior)
        instead of its bundled train set; an empty list means a database met for the first time."""
        self._train_pairs[db_id] = list(items)
        self._priors.pop(db_id, None)
        self._examples.pop(db_id, None)

    def train_pairs(self, db_id: str) -> list[QuestionItem]:
        """The question/SQL pairs ``db_id`` learns from: those given to ``use_train_pairs``, else its
        bundled train set (none for a database without one)."""
        if db_id not in self._train_pairs:
            path = train_set_path(db_id)
            self._train_pairs[db_id] = load_questions(path, "jsonl").items if path.is_file() else []
        return self._train_pairs[db_id]

    def learning_pairs(self, db: str | Path) -> tuple[list[VerifiedExample], list[QuestionItem]]:
        """What the database learns from: its verified examples (read now: a pair saved a moment ago
        counts), and the verified pairs followed by its train pairs."""
        database, schema = self.database(db)
        verified = ExampleStore(database).load()
        return verified, [e.as_item(schema.db_id) for e in verified] + self.train_pairs(schema.db_id)

    def usage_prior(self, db: str | Path) -> UsagePrior:
        """What the database's verified and train SQL habitually uses (empty for a database without pairs)."""
        _, schema = self.database(db)
        verified, pairs = self.learning_pairs(db)
        key = (tuple(verified), len(pairs))
        if self._priors.get(schema.db_id, (None,))[0] != key:
            self._priors[schema.db_id] = (key, UsagePrior.from_items(pairs, schema))
        return self._priors[schema.db_id][1]

    def example_index(self, db: str | Path) -> ExampleIndex:
        """Few-shot search over the database's verified pairs (preferred) and train pairs."""
        _, schema = self.database(db)
        verified, pairs = self.learning_pairs(db)
        key = (tuple(verified), len(pairs))
        if self._examples.get(schema.db_id, (None,))[0] != key:
            index = ExampleIndex(pairs, schema_vocabulary(schema), preferred=len(verified))
            self._examples[schema.db_id] = (key, index)
        return self._examples[schema.db_id][1]

    def prepare(self, question: str, db: str | Path, evidence: str | None = None, history: Sequence[Turn] = (),
                answer: Answer | None = None, progress: ProgressCallback | None = None) -> tuple[Answer, Prompt]:
        """The schema, retrieval, example and prompt stages: everything before the model writes SQL."""
        return self.compose_prompt(question, db, evidence, history, answer, progress=progress)

    def compose_prompt(self, question: str, db: str | Path, evidence: str | None = None,
                       history: Sequence[Turn] = (), answer: Answer | None = None, *,
                       adjust_retrieval: Callable[[Retrieval], Retrieval] | None = None,
                       leave_out_sql: str | None = None,
                       progress: ProgressCallback | None = None) -> tuple[Answer, Prompt]:
        """``prepare``'s stages, with two hooks for building training prompts through the same code.

        ``adjust_retrieval`` sees (and may change) every retrieval the prompt is built on;
        ``leave_out_sql`` keeps the train pair with that SQL out of the few-shot examples.
        """
        _require_question(question)
        answer = answer or Answer(question=question, db_id=str(db))
        history = self._history_for(question, history, answer)
        # A follow-up ("and for 2022?") needs the schema items of the questions it refers to.
        linking_text = " ".join([t.question for t in history] + [question])
        with _stage(answer, "schema", progress) as stage:
            database, schema = self.database(db)
            answer.db_id = database.name
            stage.summary = f"{len(schema.tables)} tables, {len(schema.columns)} columns"
        # A module answers best on the prompts it was trained with, so it brings its own settings
        # (its card's answer prompt: the training schema style and retrieval, plus its own few-shot count).
        adapter = self.adapter_for(schema.db_id)
        r = replace(adapter.retrieval, enabled=True) if adapter else self.config.retrieval
        prompt_config = adapter.prompt if adapter else self.config.prompt

        answer.terms = load_glossary(database, schema).named_in(linking_text)
        term_columns = [c for t in answer.terms for c in t.columns]

        def retrieve(settings: RetrieverConfig) -> Retrieval:
            found = self.schema_index(db).retrieve(linking_text, settings, self.usage_prior(db))
            found = with_items(found, schema, term_columns) if term_columns else found  # the user's own words
            return adjust_retrieval(found) if adjust_retrieval else found

        if r.enabled:
            with _stage(answer, "retrieve", progress) as stage:
                answer.retrieval = retrieve(r)
                stage.summary = _retrieval_summary(answer.retrieval)
        examples: list[Example] = []
        if prompt_config.examples:
            with _stage(answer, "examples", progress) as stage:
                examples = self.example_index(db).search(question, prompt_config.examples, leave_out_sql)
                answer.examples = list(examples)
                stage.summary = f"{len(examples)} similar train pairs"
        with _stage(answer, "prompt", progress) as stage:
            budget = prompt_config.max_tokens
            top_columns = r.top_columns
            while True:
                retrieval = answer.retrieval
                parts = PromptParts(
                    schema_ddl=schema.render(keep=retrieval.columns if retrieval else None,
                                             style=prompt_config.schema_style),
                    question=question,
                    evidence=evidence,
                    values=tuple(f"{v.table}.{v.column} = {_sql_literal(v.value)}" for v in retrieval.values)
                    if retrieval else (),
                    examples=tuple((e.question, e.sql) for e in examples),
                    history=history,
                    terms=tuple(t.line() for t in answer.terms),
                )
                prompt = build_prompt(self.tokenizer, parts)
                if prompt.n_tokens <= budget:
                    break
                if examples:  # over budget: drop the least similar example first, then columns
                    examples = examples[:-1]
                elif retrieval is not None and top_columns > 1:
                    top_columns = max(1, top_columns - 2)
                    answer.retrieval = retrieve(replace(r, top_columns=top_columns))
                else:
                    break
            answer.prompt = PromptInfo(prompt.text, prompt.n_tokens, budget, len(examples),
                                       self._full_schema_tokens(schema, parts) if answer.retrieval else None)
            stage.summary = (f"{prompt.n_tokens:,} tokens of {budget:,}"
                             + (" (over budget)" if prompt.n_tokens > budget else ""))
        return answer, prompt

    def _history_for(self, question: str, history: Sequence[Turn], answer: Answer) -> tuple[Turn, ...]:
        """The earlier turns the prompt shows: none for a question that stands alone (unless configured so)."""
        if not history:
            return ()
        if self.config.conversation.history == "always":
            answer.follow_up = FollowUp(True, None)
        else:
            answer.follow_up = read_follow_up(question, has_history=True)
        return tuple(history)[-MAX_HISTORY_TURNS:] if answer.follow_up.follow_up else ()

    def _full_schema_tokens(self, schema: Schema, parts: PromptParts) -> int:
        """Tokens the same prompt would take with the whole schema and no retrieved context.

        The whole-schema prompt (up to ~28k tokens) is tokenised once per database with an empty
        question; each question then adds its own tokens (give or take a merge at the seam).
        """
        key = schema.db_id
        if key not in self._full_tokens:  # what the whole schema adds to a prompt, counted once
            empty = PromptParts(schema_ddl=schema.render(), question="")
            blank = PromptParts(schema_ddl="", question="")
            self._full_tokens[key] = (build_prompt(self.tokenizer, empty).n_tokens
                                      - build_prompt(self.tokenizer, blank).n_tokens)
        question_only = replace(parts, schema_ddl="", values=(), examples=())
        return self._full_tokens[key] + build_prompt(self.tokenizer, question_only).n_tokens

    def ask(self, question: str, db: str | Path, evidence: str | None = None,
            history: Sequence[Turn] = (), progress: ProgressCallback | None = None) -> Answer:
        """Answer ``question`` on database ``db`` (a bundled name or a SQLite path).

        ``history`` holds the conversation's earlier (question, SQL) turns, oldest first, so a
        follow-up such as "and for 2022?" is read in their light. ``progress`` hears of every stage as it
        starts and ends, and of every decoding step with the SQL written so far.
        """
        _require_question(question)  # before minutes of model loading (or fetching)
        self.database(db)  # likewise: a database that is not there is named first
        if (verified := self._verified_answer(question, db, history, progress)) is not None:
            return verified
        answer = Answer(question=question, db_id=str(db))
        with _stage(answer, "model", progress) as stage:
            stage.summary = "loaded now" if self._generator is None else "already loaded"
            self.generator  # noqa: B018 (loaded here, so the stage's time is the loading's)
        answer, prompt = self.prepare(question, db, evidence, history, answer, progress)
        g = self.config.generation
        with _stage(answer, "generate", progress) as stage:
            first = g.candidates if g.sample_when == "always" else 1
            generations, adapter, left_out, timing = self._write(db, prompt.text, first, True,
                                                                 _decoding_steps(progress))
            answer.generation = GenerationInfo(adapter, left_out, len(generations),
                                               sum(x.n_tokens for x in generations), timing=timing)
            stage.summary = _generation_summary(answer.generation)
        answer = self._calibrate(answer, generations, db, progress)
        if len(generations) >= g.candidates or self._greedy_suffices(answer):
            return answer
        # The greedy answer is in doubt: more candidates from the same prompt (its prefill reused), all voted on.
        with _stage(answer, "sample", progress) as stage:
            more, _, _, timing = self._write(db, prompt.text, g.candidates - len(generations), False)
            answer.generation = replace(answer.generation, candidates=len(generations) + len(more),
                                        new_tokens=answer.generation.new_tokens + sum(x.n_tokens for x in more),
                                        sampled_later=True, timing=_add_timings(answer.generation.timing, timing))
            doubt = "was not confident" if answer.ok and answer.rows else "returned no rows" if answer.ok else "failed"
            stage.summary = f"{len(more)} more candidates, as the greedy answer {doubt}"
        return self._calibrate(answer, more, db, progress, settled=answer.candidates)

    def _write(self, db: str | Path, prompt: str, n: int, greedy: bool, on_step=None):
        """``n`` candidates for ``prompt`` from the database's module: (them, the module's folder, why the module
        was left out, the decoding time). One generator serves every chat session: choosing the module and
        writing happen under one lock, so a session never writes with a module another one just chose."""
        g = self.config.generation
        with self._writing():
            adapter, left_out = self._choose_adapter(db)
            generations = self.generator.generate(prompt, g.max_new_tokens, n=n, temperature=g.temperature,
                                                  on_step=on_step, greedy=greedy)
            return generations, adapter, left_out, getattr(self.generator, "last_timing", None)

    def _greedy_suffices(self, answer: Answer) -> bool:
        """Whether the greedy candidate's answer stands without samples (``generation.sample_when``)."""
        if self.config.generation.sample_when == "unsure":
            return bool(answer.trust and answer.trust.confident)
        return answer.ok and bool(answer.rows)

    def ask_many(self, questions: Sequence[str], db: str | Path, batch_size: int = 16) -> list[Answer]:
        """Answer several questions on one database, as ``ask`` would, decoding up to ``batch_size`` together.

        Batching applies to greedy answers (``generation.candidates = 1``) from a generator that offers
        ``generate_greedy_batch``; otherwise each question is asked on its own. Each answer's generate
        stage records the whole batch's time and size.
        """
        generator = self.generator
        if self.config.generation.candidates != 1 or not hasattr(generator, "generate_greedy_batch"):
            return [self.ask(question, db) for question in questions]
        verified = {i: a for i, q in enumerate(questions) if (a := self._verified_answer(q, db, (), None))}
        prepared = [self.prepare(q, db) for i, q in enumerate(questions) if i not in verified]
        size = max(1, batch_size)
        answers = []
        for start in range(0, len(prepared), size):
            chunk = prepared[start:start + size]
            began = time.perf_counter()
            with self._writing():
                adapter, left_out = self._choose_adapter(db)
                generations = generator.generate_greedy_batch([prompt.text for _, prompt in chunk],
                                                              self.config.generation.max_new_tokens)
            elapsed = round(time.perf_counter() - began, 4)
            for (answer, _), generation in zip(chunk, generations, strict=True):
                answer.generation = GenerationInfo(adapter, left_out, 1, generation.n_tokens, batch=len(chunk))
                answer.trace.append(StageTrace("generate", elapsed, _generation_summary(answer.generation)))
                answers.append(self._calibrate(answer, [generation], db))
        generated = iter(answers)
        return [verified[i] if i in verified else next(generated) for i in range(len(questions))]

    def _verified_answer(self, question: str, db: str | Path, history: Sequence[Turn],
                         progress: ProgressCallback | None) -> Answer | None:
        """The answer of a verified example whose question is the same as this one, or None.

        A follow-up ("and for 2022?") means something else after other turns, so it is never answered so."""
        database, schema = self.database(db)
        if history and self._history_for(question, history, Answer(question, database.name)):
            return None
        example = ExampleStore(database).find(question)
        if example is None:
            return None
        answer = Answer(question=question, db_id=database.name, verified=example)
        with _stage(answer, "verified", progress) as stage:
            self._settle(answer, [Candidate(0, example.sql, example.sql, [], 0.0, False)], database, schema)
            answer.trust = Trust(True) if answer.ok else Trust(False, f"the verified query failed: {answer.error}")
            stage.summary = f"verified example {example.id}, saved {example.added}"
        return answer

    def _choose_adapter(self, db: str | Path) -> tuple[Path | None, str | None]:
        """Switch the generator to the database's LoRA module (or the base): (its folder, why it was left out)."""
        _, schema = self.database(db)
        adapter = self.adapter_for(schema.db_id)
        self.generator.use_adapter(adapter.name if adapter else None, adapter.path if adapter else None)
        return (adapter.path if adapter else None), self._adapters_left_out.get(schema.db_id)

    def _calibrate(self, answer: Answer, generations: Sequence[Generation], db: str | Path,
                   progress: ProgressCallback | None = None, settled: Sequence[Candidate] = ()) -> Answer:
        """The extract, repair and vote stages: candidates' SQL, run read-only, the agreed result wins.
        ``settled`` are candidates of an earlier vote on the same prompt: voted on again, not repaired or run again."""
        database, schema = self.database(db)
        with _stage(answer, "extract", progress) as stage:
            matched = answer.retrieval.values if answer.retrieval else []
            context = RepairContext(schema, tuple(v.value for v in matched))
            candidates = list(settled)
            for i, generation in enumerate(generations, start=len(settled)):
                sql = extract_sql(generation.text)
                sql, repairs = repair(sql, context) if self.config.calibration.repair else (sql, [])
                candidates.append(Candidate(i, generation.text, sql, repairs, round(generation.mean_logprob, 4),
                                            generation.sampled))
            repaired = sum(bool(c.repairs) for c in candidates)
            stage.summary = f"{len(candidates)} candidates, {repaired} repaired"
        with _stage(answer, "vote", progress) as stage:
            outcome = self._settle(answer, candidates, database, schema)
            winner, result = outcome.winner, outcome.winner.result
            c = self.config.calibration
            answer.trust = assess(outcome.confidence, winner.mean_logprob, result.ok and bool(result.rows),
                                  c.confident_share, c.confident_logprob, winner.votes, len(candidates))
            stage.summary = (f"candidate {winner.index} won with {winner.votes} of {len(candidates)} votes "
                             f"({outcome.groups} distinct results)")
        return answer


    @staticmethod
    def _settle(answer: Answer, candidates: list[Candidate], database: Database, schema: Schema) -> VoteOutcome:
        """Run the candidates read-only, vote on their results, and give the answer the winner's."""
        outcome = vote(candidates, database)
        winner = outcome.winner
        answer.sql, answer.candidates, answer.confidence, answer.vote = (
            winner.sql, candidates, outcome.confidence, outcome)
        result = winner.result
        answer.columns, answer.rows, answer.error, answer.truncated = (
            result.columns, result.rows, result.error, result.truncated)
        answer.codes = coded_outputs(winner.sql, schema) if result.ok else {}
        return outcome


def stage_seconds(answer: Answer) -> dict[str, float]:
    """Seconds per stage name, for the benchmarks' records."""
    seconds: dict[str, float] = {}
    for stage in answer.trace:
        seconds[stage.name] = round(seconds.get(stage.name, 0.0) + stage.elapsed_s, 4)
    return seconds


def _add_timings(first: DecodeTiming | None, second: DecodeTiming | None) -> DecodeTiming | None:
    """Two generate calls on the same prompt as one: the prefill of both (the second reuses the first's
    cache) and all their decoding steps."""
    if first is None or second is None:
        return first or second
    return DecodeTiming(first.prompt_tokens, round(first.prefill_s + second.prefill_s, 4), first.steps + second.steps,
                        round(first.decode_s + second.decode_s, 4))


def _require_question(question: str) -> None:
    if not question.strip():
        raise FinSQLError('the question is empty; ask about the data, e.g. "How many funds are there?"')
    if len(question) > MAX_QUESTION_CHARS:
        raise FinSQLError(f"the question is {len(question):,} characters long; ask it in at most "
                          f"{MAX_QUESTION_CHARS:,}")


def _retrieval_summary(retrieval: Retrieval) -> str:
    columns = sum(len(c) for c in retrieval.columns.values())
    return f"{len(retrieval.columns)} tables, {columns} columns, {len(retrieval.values)} values"


def _generation_summary(info: GenerationInfo) -> str:
    model = f"module {info.adapter.name}" if info.adapter else "base model"
    batch = f", batch of {info.batch}" if info.batch > 1 else ""
    return f"{info.candidates} candidates, {info.new_tokens} new tokens, {model}{batch}"


def _sql_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _decoding_steps(progress: ProgressCallback | None):
    """A generator's ``on_step`` that reports each decoding step as the generate stage's progress."""
    if progress is None:
        return None
    return lambda steps, text: progress(Progress("generate", tokens=steps, text=text))


@contextmanager
def _stage(answer: Answer, name: str, progress: ProgressCallback | None = None) -> Iterator[StageTrace]:
    stage = StageTrace(name)
    if progress:
        progress(Progress(name))
    start = time.perf_counter()
    try:
        yield stage
    finally:
        stage.elapsed_s = round(time.perf_counter() - start, 4)
        answer.trace.append(stage)
    if progress:
        progress(Progress(name, done=True))
