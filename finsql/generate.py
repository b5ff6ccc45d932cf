"""Generation backends: something that turns a prompt into candidate SQL texts.

The pipeline talks to the small ``Generator`` protocol only: transformers here, llama.cpp in
``generate_llama.py``, an OpenAI-compatible server in ``generate_http.py``.
"""

from __future__ import annotations

import contextlib
import json
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from finsql.errors import FinSQLError
from finsql.models import LoadedModel
from finsql.paths import read_text_file

STOP_STRINGS = ("```", ";")
GREEDY = dict(do_sample=False, temperature=None, top_p=None, top_k=None)

# Called after every decoding step with (steps so far, the greedy candidate's text so far).
OnStep = Callable[[int, str], None]


@dataclass(frozen=True)
class Generation:
    text: str
    mean_logprob: float  # average log-probability of the generated tokens under the model
    n_tokens: int
    sampled: bool  # False for the greedy candidate
    # Each generated token and its log-probability, where the backend has them (``finsql serve`` returns them).
    token_ids: tuple[int, ...] = ()
    token_logprobs: tuple[float, ...] = ()


@dataclass(frozen=True)
class DecodeTiming:
    """Where one generate call's time went: reading the prompt (prefill) and writing the candidates."""

    prompt_tokens: int
    prefill_s: float
    steps: int  # decoding steps: passes through the model (one may write several guessed tokens)
    decode_s: float


class Generator(Protocol):
    tokenizer: object  # a transformers tokenizer: the prompt builder applies its chat template

    def use_adapter(self, name: str | None, path: Path | None = None) -> None:
        """Write with the LoRA module ``name`` (loaded from ``path`` the first time), or the base (None)."""
        ...

    def generate(self, prompt: str, max_new_tokens: int, n: int = 1, temperature: float = 0.7,
                 on_step: OnStep | None = None, greedy: bool = True,
                 stop: tuple[str, ...] = STOP_STRINGS) -> list[Generation]:
        """``n`` candidates: the greedy one first, then ``n - 1`` samples at ``temperature`` (``greedy``
        False: ``n`` samples, e.g. more candidates for a prompt whose greedy one was written before);
        ``on_step`` hears of each decoding step, with the first candidate's text so far; a candidate ends
        once its text holds one of ``stop``."""
        ...


# A backend may also offer ``generate_greedy_batch(prompts, max_new_tokens) -> list[Generation]`` (one
# greedy candidate per prompt, decoded together), which ``Pipeline.ask_many`` uses where it exists,
# ``last_timing: DecodeTiming`` of its latest generate call, which the answer then reports, and
# ``thread_safe = True`` where its module choice and ``last_timing`` are kept per thread, so that the
# pipeline lets sessions write at once instead of one after another.


class HFGenerator:
    """Candidates from a transformers causal LM (4-bit or full precision, CPU or CUDA).

    The prompt is run through the model once and its key/value cache repeated across the batch; the
    greedy candidate is row 0 of the same sampled decode (a logits processor keeps only its argmax),
    so a long shared prompt costs one prefill and all candidates one decoding loop. The last prompt's
    cache is kept, so samples asked for after its greedy candidate need no second prefill.
    """

    def __init__(self, loaded: LoadedModel) -> None:
        self.loaded = loaded
        self.tokenizer = loaded.tokenizer
        self.adapter: str | None = None
        self.last_timing: DecodeTiming | None = None
        self._prefilled: tuple[tuple, object] | None = None  # ((prompt, module), its key/value cache)

    def use_adapter(self, name: str | None, path: Path | None = None) -> None:
        from peft import PeftModel

        if name is not None:
            model = self.loaded.model
            if not isinstance(model, PeftModel):
                self.loaded.model = PeftModel.from_pretrained(model, str(path), adapter_name=name)
            elif name not in model.peft_config:
                model.load_adapter(str(path), adapter_name=name)
            self.loaded.model.set_adapter(name)
            self.loaded.model.eval()
        self.adapter = name

    def _prefill(self, model, ids, prompt: str):
        """The key/value cache of all but the prompt's last token: the kept one if it is this prompt's
        under the same module, else computed now (and kept). Decoding extends a cache, so callers get a copy."""
        import copy

        key = (prompt, self.adapter)
        if self._prefilled is None or self._prefilled[0] != key:
            self._prefilled = None  # let the old cache go before the new one is built
            # Only the cache is needed: logits of the last position alone spare the output layer over the
            # 151,936-word vocabulary at every other one (a quarter of the prefill's time).
            self._prefilled = (key, model(ids[:, :-1], use_cache=True, logits_to_keep=1).past_key_values)
        return copy.deepcopy(self._prefilled[1])

    def _model_context(self):
        """The base alone while no module is chosen, even after one was loaded."""
        from peft import PeftModel

        if self.adapter is None and isinstance(self.loaded.model, PeftModel):
            return self.loaded.model.disable_adapter()
        return contextlib.nullcontext()

    def generate(self, prompt: str, max_new_tokens: int, n: int = 1, temperature: float = 0.7,
                 on_step: OnStep | None = None, greedy: bool = True,
                 stop: tuple[str, ...] = STOP_STRINGS) -> list[Generation]:
        import torch

        model, tokenizer = self.loaded.model, self.loaded.tokenizer
        ids = tokenizer(prompt, return_tensors="pt", add_special_tokens=False)["input_ids"].to(model.device)
        # Samples seeded by the prompt: the same prompt gets the same candidates, whatever was asked before
        # (a question that stands alone in a conversation is answered exactly as if it came first).
        torch.manual_seed(zlib.crc32(prompt.encode("utf-8")) + (0 if greedy else 1))
        with torch.inference_mode(), self._model_context():
            began = time.perf_counter()
            prefix = self._prefill(model, ids, prompt)
            if n > 1:
                prefix.batch_repeat_interleave(n)
            prefilled = time.perf_counter()
            with _decode_attention(model):
                generations, steps = self._decode(ids, prefix, max_new_tokens, n, temperature, stop, on_step,
                                                  greedy)
        self.last_timing = DecodeTiming(ids.shape[1], round(prefilled - began, 4), steps,
                                        round(time.perf_counter() - prefilled, 4))
        return generations

    def _decode(self, ids, cache, max_new_tokens: int, batch: int, temperature: float,
                stop: tuple[str, ...], on_step: OnStep | None = None,
                greedy: bool = True) -> tuple[list[Generation], int]:
        """The candidates (row 0 greedy unless ``greedy`` is False), and how many decoding steps writing them took."""
        import torch
        from transformers import LogitsProcessorList

        if greedy and batch == 1:
            sampling = GREEDY
        else:
            sampling = dict(do_sample=True, temperature=temperature, top_p=0.95, top_k=0)
            if greedy:
                sampling["logits_processor"] = LogitsProcessorList([_FirstRowGreedy()])
        inputs = ids.repeat(batch, 1)
        streamer = _GreedyRowStreamer(self.loaded.tokenizer, on_step) if on_step else None
        out = self._call_generate(inputs, torch.ones_like(inputs), max_new_tokens, stop, cache=cache,
                                  streamer=streamer, **sampling)
        return (self._generations(out, ids.shape[1], first_sampled_row=1 if greedy else 0),
                out.sequences.shape[1] - ids.shape[1])

    def generate_greedy_batch(self, prompts: Sequence[str], max_new_tokens: int,
                              stop: tuple[str, ...] = STOP_STRINGS) -> list[Generation]:
        """The greedy candidate of each prompt, all decoded together in one left-padded batch.

        For evaluation on a GPU, where one decoding step costs about the same for one row as for
        dozens: a dev set's questions take a few batched loops instead of one loop each.
        """
        import torch

        model, tokenizer = self.loaded.model, self.loaded.tokenizer
        side = tokenizer.padding_side
        tokenizer.padding_side = "left"  # every row's next token then sits in the last column
        try:
            batch = tokenizer(list(prompts), return_tensors="pt", padding=True, add_special_tokens=False)
        finally:
            tokenizer.padding_side = side
        batch = batch.to(model.device)
        with torch.inference_mode(), self._model_context(), _decode_attention(model):
            out = self._call_generate(batch["input_ids"], batch["attention_mask"], max_new_tokens, stop, **GREEDY)
        return self._generations(out, batch["input_ids"].shape[1], first_sampled_row=len(prompts))

    def _call_generate(self, input_ids, attention_mask, max_new_tokens: int, stop: tuple[str, ...], **options):
        """``model.generate`` with what every decode here needs: the stop strings, raw logits, a dict back."""
        tokenizer = self.loaded.tokenizer
        return self.loaded.model.generate(input_ids=input_ids, attention_mask=attention_mask,
                                          max_new_tokens=max_new_tokens, stop_strings=list(stop) or None,
                                          tokenizer=tokenizer, pad_token_id=tokenizer.pad_token_id,
                                          output_logits=True, return_dict_in_generate=True, **options)

    def _generations(self, out, prompt_width: int, first_sampled_row: int) -> list[Generation]:
        """Each row's text up to its end, with its mean log-probability; rows from ``first_sampled_row`` on
        were sampled."""
        import torch

        tokenizer = self.loaded.tokenizer
        new = out.sequences[:, prompt_width:]
        # Log-probabilities from the raw logits, so sampled and greedy candidates compare fairly.
        logprobs = torch.stack(out.logits, dim=1).float().log_softmax(-1).gather(-1, new.unsqueeze(-1)).squeeze(-1)
        finished = {tokenizer.pad_token_id, tokenizer.eos_token_id}
        generations = []
        for row in range(new.shape[0]):
            tokens = new[row].tolist()
            length = next((i for i, t in enumerate(tokens) if t in finished), len(tokens))
            mean = float(logprobs[row, :length].mean()) if length else 0.0
            generations.append(Generation(tokenizer.decode(tokens[:length], skip_special_tokens=True), mean, length,
                                          sampled=row >= first_sampled_row, token_ids=tuple(tokens[:length]),
                                          token_logprobs=tuple(logprobs[row, :length].tolist())))
        return generations


@contextlib.contextmanager
def _decode_attention(model):
    """On a CPU, decode with the eager attention kernel and restore the model's own afterwards.

    There SDPA is the faster kernel for the prefill, but for one new token per row against a long
    cache the eager one is: 0.18 s against 0.28 s a step for 5 rows and 1,100 cached tokens
    (qwen2.5-coder-0.5b, bf16, 2 cores), while the prefill takes 8.6 s eager against 4.8 s SDPA.
    """
    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    own = base.config._attn_implementation
    if model.device.type != "cpu" or own == "eager":
        yield
        return
    base.set_attn_implementation("eager")
    try:
        yield
    finally:
        base.set_attn_implementation(own)


class _GreedyRowStreamer:
    """Hands each decoding step to ``on_step`` with the text of row 0 (the greedy candidate) so far.

    A transformers streamer: ``generate`` passes the prompt first, then each step's new token of every row.
    """

    def __init__(self, tokenizer, on_step: OnStep) -> None:
        self.tokenizer, self.on_step = tokenizer, on_step
        self.prompt_seen, self.ids = False, []
        self.finished = {tokenizer.pad_token_id, tokenizer.eos_token_id}

    def put(self, value) -> None:
        if not self.prompt_seen:
            self.prompt_seen = True
            return
        token = int(value.reshape(-1)[0])
        if token not in self.finished and (not self.ids or self.ids[-1] not in self.finished):
            self.ids.append(token)
        self.on_step(len(self.ids), self.tokenizer.decode(self.ids, skip_special_tokens=True))

    def end(self) -> None:
        pass


class _FirstRowGreedy:
    """A logits processor that leaves row 0 only its most likely token, so sampling it is greedy decoding.

    It runs before temperature and top-p, which keep a lone finite score as it is. It returns a new
    tensor: generate keeps the tensor it is given as the step's raw logits.
    """

    def __call__(self, input_ids, scores):
        import torch

        greedy = torch.full_like(scores[:1], float("-inf"))
        greedy[0, scores[0].argmax()] = 0.0
        return torch.cat([greedy, scores[1:]])


class ScriptedGenerator:
    """Candidates written in advance, per question: flows tested (and shown) without a model's whims.

    ``script`` maps a question to its candidates, greedy first: each a SQL text, or a (text,
    mean log-probability) pair. The question asked is the script's question that appears last in the
    prompt (earlier turns of a conversation come before it). A call for ``n`` candidates gets the first
    ``n`` listed (with ``greedy=False``, the ``n`` after the first); a question the script does not
    hold gets its ``"*"`` entry, if any. Every prompt and module choice is kept in ``prompts`` and
    ``adapters`` so a test can see what was sent.

    Chosen in the settings with ``[model] backend = "scripted"`` and ``script = "candidates.json"``
    (a JSON object of the same shape); prompts are still built with the named model's tokenizer.
    """

    def __init__(self, tokenizer, script: dict[str, Sequence[str | tuple[str, float]]]) -> None:
        self.tokenizer = tokenizer
        self.script = {question: [_scripted(c) for c in candidates] for question, candidates in script.items()}
        self.adapter: str | None = None
        self.adapters: list[str | None] = []
        self.prompts: list[str] = []

    @classmethod
    def from_file(cls, path: Path, tokenizer) -> ScriptedGenerator:
        try:
            script = json.loads(read_text_file(path, "script file"))
        except json.JSONDecodeError as err:
            raise FinSQLError(f"script file {path} is not valid JSON ({err}); see ScriptedGenerator") from None
        if not isinstance(script, dict) or not all(isinstance(v, list) for v in script.values()):
            raise FinSQLError(f"script file {path} must map each question to a list of candidate SQL texts")
        return cls(tokenizer, script)

    def use_adapter(self, name: str | None, path: Path | None = None) -> None:
        self.adapter = name

    def generate(self, prompt: str, max_new_tokens: int, n: int = 1, temperature: float = 0.7,
                 on_step: OnStep | None = None, greedy: bool = True,
                 stop: tuple[str, ...] = STOP_STRINGS) -> list[Generation]:
        self.prompts.append(prompt)
        self.adapters.append(self.adapter)
        asked = max((q for q in self.script if q != "*" and q in prompt), key=lambda q: (prompt.rfind(q), len(q)),
                    default="*")
        if asked not in self.script:
            raise FinSQLError("the script holds no candidates for this prompt's question and no \"*\" entry")
        # Samples asked for after the greedy candidate are the ones listed after it.
        chosen = self.script[asked][:n] if greedy else self.script[asked][1:1 + n]
        if on_step and chosen:  # the first candidate as written word by word
            words = chosen[0][0].split(" ")
            for i in range(1, len(words) + 1):
                on_step(i, " ".join(words[:i]))
        return [Generation(text, logprob, len(self.tokenizer(text, add_special_tokens=False)["input_ids"]),
                           sampled=not greedy or i > 0) for i, (text, logprob) in enumerate(chosen)]


def _scripted(candidate: str | Sequence) -> tuple[str, float]:
    if isinstance(candidate, str):
        return candidate, 0.0
    text, logprob = candidate
    return str(text), float(logprob)
