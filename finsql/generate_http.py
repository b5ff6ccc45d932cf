"""Candidates from an OpenAI-compatible server: vLLM, llama.cpp's server, Ollama, or ``python -m finsql serve``.

Chosen with ``[model] backend = "http"`` and ``url = "http://127.0.0.1:8000/v1"``. The pipeline builds the
prompt with the named model's own tokenizer and chat template (loaded here, no weights), so the prompt
is sent as text to ``/v1/completions``. The LoRA module is chosen per request by the model name asked
for: a database's module by its folder's name (``fund`` for ``adapters/fund``: vLLM's ``--lora-modules
fund=adapters/fund``), the base by ``model.served_name`` (default: ``model.name``). The API key, if the
server wants one, comes from FINSQL_API_KEY (else OPENAI_API_KEY), never from a settings file.

The greedy candidate is one request at temperature 0; samples are one request for ``n`` at the
temperature, top_p 0.95. A server that sends no log-probabilities gets ``NO_LOGPROB`` for the
candidate's mean (docs/decisions.md). Connection errors and 5xx answers are retried with backoff; a
server that stays down, or refuses a request, is one line naming the URL and what to do.
"""

from __future__ import annotations

import os
import threading
import time
import zlib
from collections.abc import Sequence
from pathlib import Path

import httpx
import numpy as np

from finsql.errors import FinSQLError, first_line
from finsql.generate import STOP_STRINGS, DecodeTiming, Generation, OnStep

TOP_P = 0.95
# The mean log-probability given to a candidate whose server sent none: far below any model's real mean,
# so such a candidate is never shown as confident (calibration.confident_logprob) and never wins a tie
# in the vote on likelihood over one whose likelihood is known. NaN would pass both checks (every
# comparison with it is false), and 0.0 would make it the surest candidate there is.
NO_LOGPROB = -100.0
RETRIES = 3  # further tries after a connection error or a 5xx answer
BACKOFF_S = 0.5  # wait before the first retry; doubled before each next one


def api_key_from_env() -> str | None:
    """The server's API key: FINSQL_API_KEY, else OPENAI_API_KEY (None: send no key)."""
    return os.environ.get("FINSQL_API_KEY") or os.environ.get("OPENAI_API_KEY") or None


class OpenAIGenerator:
    """The ``Generator`` protocol over an OpenAI-compatible ``/v1/completions``; see the module's docstring.

    ``last_timing`` holds the prompt's tokens, and the whole round trip as decoding time: a server does
    not say how its time split between reading the prompt and writing. The module in use and
    ``last_timing`` belong to the calling thread, so sessions sharing one pipeline send their requests
    at once (``thread_safe``) and a server that batches (vLLM) writes them together.
    """

    thread_safe = True

    def __init__(self, url: str, served_name: str, tokenizer, timeout_s: float = 120.0, api_key: str | None = None,
                 retries: int = RETRIES, backoff_s: float = BACKOFF_S,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.url = url.rstrip("/")
        self.served_name = served_name
        self.tokenizer = tokenizer
        self._mine = threading.local()  # this thread's module and last timing
        self.retries, self.backoff_s, self.timeout_s = retries, backoff_s, timeout_s
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(timeout=timeout_s, headers=headers, transport=transport)

    @property
    def adapter(self) -> str | None:
        """The module this thread's requests ask for, by its name on the server (None: the base)."""
        return getattr(self._mine, "adapter", None)

    @property
    def last_timing(self) -> DecodeTiming | None:
        return getattr(self._mine, "timing", None)

    def use_adapter(self, name: str | None, path: Path | None = None) -> None:
        """This thread's later requests ask for the module served under its folder's name (``fund``), or the
        base (None)."""
        self._mine.adapter = None if name is None else (Path(path).name if path is not None else name)

    @property
    def model(self) -> str:
        """The model name requests ask for: the module in use, else the base."""
        return self.adapter or self.served_name

    def generate(self, prompt: str, max_new_tokens: int, n: int = 1, temperature: float = 0.7,
                 on_step: OnStep | None = None, greedy: bool = True,
                 stop: tuple[str, ...] = STOP_STRINGS) -> list[Generation]:
        began = time.perf_counter()
        generations: list[Generation] = []
        if greedy:
            generations += self._complete(prompt, max_new_tokens, 1, 0.0, stop, sampled=False)
        # Seeded by the prompt, as the local backends are, for servers that honour a seed (vLLM does); kept
        # below 2**31, which every server's seed holds.
        seed = zlib.crc32(prompt.encode("utf-8")) >> 1
        while len(generations) < n:  # a server may send fewer choices than asked for (some ignore n)
            more = self._complete(prompt, max_new_tokens, n - len(generations), temperature, stop, sampled=True,
                                  seed=seed)
            if not more:
                raise FinSQLError(f"the server at {self.url} answered with no completions; check that it serves "
                                  f"{self.model!r}")
            generations += more
            seed += 1
        generations = generations[:n]
        if on_step and generations:  # the server's text arrives whole: one step with all of it
            on_step(generations[0].n_tokens, generations[0].text)
        self._mine.timing = DecodeTiming(len(self.tokenizer(prompt, add_special_tokens=False)["input_ids"]), 0.0,
                                        max((g.n_tokens for g in generations), default=0),
                                        round(time.perf_counter() - began, 4))
        return generations

    def _complete(self, prompt: str, max_new_tokens: int, n: int, temperature: float, stop: tuple[str, ...],
                  sampled: bool, seed: int | None = None) -> list[Generation]:
        body: dict = dict(model=self.model, prompt=prompt, max_tokens=max_new_tokens, n=n, temperature=temperature,
                          logprobs=1, stop=list(stop) or None)
        if sampled:
            body.update(top_p=TOP_P, seed=seed)
        choices = self._post("/completions", body).get("choices") or []
        return [self._generation(c, sampled) for c in sorted(choices, key=lambda c: c.get("index", 0))]

    def _generation(self, choice: dict, sampled: bool) -> Generation:
        text = choice.get("text") or ""
        logprobs = token_logprobs(choice.get("logprobs"))
        if logprobs:
            return Generation(text, float(np.mean(logprobs)), len(logprobs), sampled, token_logprobs=tuple(logprobs))
        return Generation(text, NO_LOGPROB, len(self.tokenizer(text, add_special_tokens=False)["input_ids"]), sampled)

    def _post(self, path: str, body: dict) -> dict:
        """The server's JSON answer to ``body``; connection errors and 5xx answers are tried again."""
        url = self.url + path
        wait = self.backoff_s
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                response = self._client.post(url, json=body)
            except (httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout):
                # Not tried again: the server may still be writing, and would then write it twice.
                raise FinSQLError(f"the server at {self.url} did not answer within {self.timeout_s:g} s; raise "
                                  "model.request_timeout_s or lower generation.max_new_tokens") from None
            except (httpx.TransportError, httpx.InvalidURL) as err:
                if last or isinstance(err, httpx.UnsupportedProtocol | httpx.InvalidURL):
                    raise FinSQLError(f"no OpenAI-compatible server answered at {self.url} ({first_line(err)}); start "
                                      "one (python -m finsql serve, vLLM, llama.cpp's server, Ollama) or set "
                                      "model.url to where one listens") from None
            else:
                if response.status_code < 500:
                    return self._answer(response)
                if last:
                    raise FinSQLError(f"the server at {self.url} failed {self.retries + 1} times "
                                      f"({response.status_code}: {_message(response)}); see its log")
            time.sleep(wait)
            wait *= 2
        raise AssertionError("unreachable")

    def _answer(self, response: httpx.Response) -> dict:
        if response.status_code in (401, 403):
            raise FinSQLError(f"the server at {self.url} refused the request ({response.status_code}: "
                              f"{_message(response)}); set FINSQL_API_KEY to its API key")
        if response.status_code == 404:
            raise FinSQLError(f"the server at {self.url} has no model {self.model!r} ({_message(response)}); serve "
                              "it under that name (vLLM: --lora-modules fund=adapters/fund; finsql serve: "
                              "adapters/<name>/), set model.served_name, or set model.adapter to \"none\"")
        if response.status_code >= 400:
            raise FinSQLError(f"the server at {self.url} refused the request ({response.status_code}: "
                              f"{_message(response)})")
        try:
            answer = response.json()
        except ValueError:
            raise FinSQLError(f"the server at {self.url} answered with something other than JSON; is model.url "
                              "its OpenAI-compatible address (ending in /v1)?") from None
        if not isinstance(answer, dict):
            raise FinSQLError(f"the server at {self.url} answered with JSON that is not a completion")
        return answer


def token_logprobs(logprobs: dict | None) -> list[float]:
    """The generated tokens' log-probabilities in a choice's ``logprobs``: the completions shape
    (``token_logprobs``, vLLM and ``finsql serve``) or the chat shape (``content``, llama.cpp's server);
    empty where the server sent none.

    >>> token_logprobs({"tokens": ["a", "b"], "token_logprobs": [-0.5, -0.25]})
    [-0.5, -0.25]
    >>> token_logprobs({"content": [{"token": "a", "logprob": -1.0}]})
    [-1.0]
    >>> token_logprobs(None)
    []
    """
    if not isinstance(logprobs, dict):
        return []
    values: Sequence = logprobs.get("token_logprobs") or [
        item.get("logprob") for item in logprobs.get("content") or [] if isinstance(item, dict)]
    return [float(v) for v in values if isinstance(v, int | float) and not isinstance(v, bool) and np.isfinite(v)]


def _message(response: httpx.Response) -> str:
    """The error message of an OpenAI-style error body, else the start of the body."""
    try:
        error = response.json().get("error")
        message = error.get("message") if isinstance(error, dict) else error
    except (ValueError, AttributeError):
        message = None
    text = str(message or response.text or response.reason_phrase).strip()
    return (text.splitlines() or [""])[0][:200]
