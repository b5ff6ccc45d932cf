"""``python -m finsql serve``: the model and its LoRA modules behind an OpenAI-compatible API, and answers.

    python -m finsql serve [--host 127.0.0.1] [--port 8000] [--model NAME] [--config FILE]
    curl http://127.0.0.1:8000/v1/models
    curl http://127.0.0.1:8000/v1/sql -d '{"question": "How many funds are there?", "db": "fund"}'
    # another FinSQL as its client: [model] backend = "http", url = "http://127.0.0.1:8000/v1"

The model is loaded once, by the engine ``finsql ask`` would choose (llama.cpp or hf; ``--config`` and
``--model`` as there). Endpoints:

- ``GET /v1/models``: the base (by its name, e.g. ``qwen2.5-coder-0.5b``) and every LoRA module under
  adapters/ (``FINSQL_ADAPTERS_DIR``) trained on it, by its folder's name (``fund``).
- ``POST /v1/completions`` and ``/v1/chat/completions``: OpenAI's request and response shapes (model,
  prompt or messages, max_tokens, n, temperature, top_p, stop, logprobs); the request's model name picks
  the module, so one process serves the base and every module. Temperature 0 is greedy decoding; any
  other samples, seeded by the prompt, from the 0.95 nucleus whatever top_p asks. A completion's text
  ends before its stop string, as OpenAI's does; its ``logprobs`` cover every token written, the one
  that held the stop string included, with no alternatives (``top_logprobs`` null). No streaming.
- ``POST /v1/sql``: ``{"question", "db", "evidence"?}`` -> the pipeline's answer, as ``finsql ask --json``
  prints it (sql, columns, rows, error, confidence, trust, candidates, ...). ``db`` is a bundled database
  or one named in FINSQL_DATABASES (by its entry or its file's stem); no other file is opened.

Errors are OpenAI's error bodies (``{"error": {"message", "type", "param", "code"}}``): an unknown model
or database is a 404. One generator serves every request: choosing the module and writing hold the
pipeline's generation lock, so concurrent clients queue for the model instead of loading it twice.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.engine import make_url

from finsql.__main__ import answer_json
from finsql.adapters import META_FILE, AdapterInfo, read_adapter
from finsql.bundled import DATABASES
from finsql.errors import FinSQLError, first_line
from finsql.generate import Generation
from finsql.paths import adapters_dir
from finsql.pipeline import Pipeline
from finsql.warehouse import database_name, is_url, listed_databases

MAX_CHOICES = 16  # n per request; more would hold the lock for minutes
WARM_QUESTION = "How many rows are there?"  # readies a database's index before its first real question


class CompletionRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")  # seed, user, echo=false, ...: accepted and not used

    model: str
    prompt: str | list[str]
    max_tokens: int | None = Field(None, ge=1)  # None: generation.max_new_tokens of the settings
    n: int = Field(1, ge=1, le=MAX_CHOICES)
    temperature: float = Field(1.0, ge=0.0)
    top_p: float = Field(1.0, gt=0.0, le=1.0)
    stop: str | list[str] | None = None
    logprobs: int | None = Field(None, ge=0, le=20)
    stream: bool = False


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="ignore")

    role: str
    content: str


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    model: str
    messages: list[ChatMessage] = Field(min_length=1)
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    n: int = Field(1, ge=1, le=MAX_CHOICES)
    temperature: float = Field(1.0, ge=0.0)
    top_p: float = Field(1.0, gt=0.0, le=1.0)
    stop: str | list[str] | None = None
    logprobs: bool = False
    stream: bool = False


class SqlRequest(BaseModel):
    question: str
    db: str
    evidence: str | None = None


class NotFound(Exception):
    """An unknown model or database: a 404 with OpenAI's error body."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Server:
    """What every request shares: the pipeline (its one generator), the modules and databases offered."""

    pipeline: Pipeline
    modules: dict[str, AdapterInfo]  # served name -> module
    databases: dict[str, str]  # the name a client asks for -> the database the pipeline opens
    _ready: set[str] = field(default_factory=set)
    _warming: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def start(cls, pipeline: Pipeline, adapters: Path | None = None,
              databases: Sequence[str] | None = None) -> Server:
        """The model loaded now, the modules trained on it under ``adapters`` (default adapters/), and the
        databases offered: ``databases``, else the bundled ones and those in FINSQL_DATABASES."""
        pipeline.generator  # noqa: B018 (loaded once, before the first request)
        base = pipeline.config.model.name
        listed = listed_databases(os.environ.get("FINSQL_DATABASES", ""))
        offered = list(databases) if databases is not None else [*DATABASES, *listed]
        return cls(pipeline, find_modules(base, adapters), database_names(offered))

    @property
    def base(self) -> str:
        return self.pipeline.config.model.name

    def module(self, model: str) -> AdapterInfo | None:
        """The module a request's model name asks for (None: the base); an unknown name is NotFound."""
        if model == self.base:
            return None
        if model not in self.modules:
            raise NotFound(f"the model {model!r} does not exist here; GET /v1/models lists "
                           f"{', '.join([self.base, *self.modules])}", "model_not_found")
        return self.modules[model]

    def write(self, model: str, prompt: str, max_tokens: int | None, n: int, temperature: float,
              stop: tuple[str, ...]) -> list[Generation]:
        """``n`` completions of ``prompt`` with the module ``model`` names: greedy at temperature 0, else samples."""
        module = self.module(model)
        generator = self.pipeline.generator
        max_tokens = max_tokens or self.pipeline.config.generation.max_new_tokens
        with self.pipeline.generation_lock:
            generator.use_adapter(module.name if module else None, module.path if module else None)
            if temperature == 0:
                return generator.generate(prompt, max_tokens, n=1, stop=stop) * n
            return generator.generate(prompt, max_tokens, n=n, temperature=temperature, greedy=False, stop=stop)

    def database(self, name: str) -> str:
        """The database a client's name stands for, its index readied once (by one request, not all at once)."""
        if name not in self.databases:
            raise NotFound(f"no database {name!r} is served here; ask about one of "
                           f"{', '.join(sorted(self.databases))}", "database_not_found")
        db = self.databases[name]
        if db not in self._ready:  # a ready database's questions never wait for another's index
            with self._warming:
                if db not in self._ready:
                    self.pipeline.prepare(WARM_QUESTION, db)
                    self._ready.add(db)
        return db


def find_modules(base: str, root: Path | None = None) -> dict[str, AdapterInfo]:
    """The LoRA modules under ``root`` (default adapters/) trained on ``base``, by folder name; a damaged one is
    named in a warning and left out."""
    root = root or adapters_dir()
    modules = {}
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if not (folder / META_FILE).is_file() or folder.name == base:
            continue
        try:
            info = read_adapter(folder)
        except FinSQLError as err:
            print(f"warning: {err}; not served", file=sys.stderr)
            continue
        if info.base_model == base:
            modules[folder.name] = info
    return modules


def database_names(offered: Sequence[str]) -> dict[str, str]:
    """Each offered database under its own name, a file's under its stem too (``rates``: ``/x/rates.sqlite``)
    and a URL's under its database's name (``fund``: ``postgresql://host/fund``)."""
    names = {}
    for db in offered:
        names[db] = db
        if is_url(db):
            names.setdefault(database_name(make_url(db)), db)
        elif db not in DATABASES:
            names.setdefault(Path(db).stem, db)
    return names


def create_app(server: Server) -> FastAPI:
    """The FastAPI application over ``server``; see the module's docstring for its endpoints."""
    app = FastAPI(title="FinSQL", docs_url=None, redoc_url=None)
    tokenizer = server.pipeline.tokenizer

    @app.exception_handler(NotFound)
    def not_found(request: Request, err: NotFound) -> JSONResponse:
        return _error(404, str(err), "invalid_request_error", err.code)

    @app.exception_handler(FinSQLError)
    def refused(request: Request, err: FinSQLError) -> JSONResponse:
        return _error(400, str(err), "invalid_request_error")

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, err: RequestValidationError) -> JSONResponse:
        problem = err.errors()[0] if err.errors() else {}
        where = ".".join(str(part) for part in problem.get("loc", ())[1:])
        return _error(400, f"{where}: {problem.get('msg', 'invalid request')}", "invalid_request_error",
                      param=where or None)

    @app.exception_handler(Exception)
    def unexpected(request: Request, err: Exception) -> JSONResponse:
        return _error(500, f"unexpected {type(err).__name__}: {first_line(err)}", "server_error")

    @app.get("/v1/models")
    def models() -> dict:
        listed = [dict(id=server.base, object="model", created=0, owned_by="finsql", root=server.base, parent=None)]
        listed += [dict(id=name, object="model", created=0, owned_by="finsql", root=str(info.path),
                        parent=server.base) for name, info in server.modules.items()]
        return {"object": "list", "data": listed}

    @app.post("/v1/completions")
    def completions(request: CompletionRequest) -> dict:
        _no_streaming(request.stream)
        prompts = [request.prompt] if isinstance(request.prompt, str) else request.prompt
        stop = _stops(request.stop)
        choices, usage = [], _Usage()
        for prompt in prompts:
            for generation in server.write(request.model, prompt, request.max_tokens, request.n,
                                           request.temperature, stop):
                text, reason = _finished(generation, stop, request.max_tokens or _default_tokens(server))
                logprobs = _completion_logprobs(tokenizer, generation) if request.logprobs is not None else None
                choices.append(dict(index=len(choices), text=text, logprobs=logprobs, finish_reason=reason))
                usage.add(generation)
            usage.prompt_tokens += _count(tokenizer, prompt)
        return dict(id=f"cmpl-{uuid.uuid4().hex}", object="text_completion", created=int(time.time()),
                    model=request.model, choices=choices, usage=usage.as_dict())

    @app.post("/v1/chat/completions")
    def chat(request: ChatRequest) -> dict:
        _no_streaming(request.stream)
        messages = [m.model_dump() for m in request.messages]
        prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        stop, max_tokens = _stops(request.stop), request.max_completion_tokens or request.max_tokens
        choices, usage = [], _Usage(prompt_tokens=_count(tokenizer, prompt))
        for generation in server.write(request.model, prompt, max_tokens, request.n, request.temperature, stop):
            text, reason = _finished(generation, stop, max_tokens or _default_tokens(server))
            logprobs = _chat_logprobs(tokenizer, generation) if request.logprobs else None
            choices.append(dict(index=len(choices), message=dict(role="assistant", content=text),
                                logprobs=logprobs, finish_reason=reason))
            usage.add(generation)
        return dict(id=f"chatcmpl-{uuid.uuid4().hex}", object="chat.completion", created=int(time.time()),
                    model=request.model, choices=choices, usage=usage.as_dict())

    @app.post("/v1/sql")
    def sql(request: SqlRequest) -> Response:
        answer = server.pipeline.ask(request.question, server.database(request.db), evidence=request.evidence)
        return Response(answer_json(answer), media_type="application/json")

    return app


@dataclass
class _Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def add(self, generation: Generation) -> None:
        self.completion_tokens += generation.n_tokens

    def as_dict(self) -> dict:
        return dict(prompt_tokens=self.prompt_tokens, completion_tokens=self.completion_tokens,
                    total_tokens=self.prompt_tokens + self.completion_tokens)


def _error(status: int, message: str, kind: str, code: str | None = None, param: str | None = None) -> JSONResponse:
    return JSONResponse({"error": {"message": message, "type": kind, "param": param, "code": code}}, status)


def _no_streaming(stream: bool) -> None:
    if stream:
        raise FinSQLError("stream is not supported by finsql serve; ask with stream false")


def _stops(stop: str | list[str] | None) -> tuple[str, ...]:
    return (stop,) if isinstance(stop, str) else tuple(s for s in stop or () if s)


def _default_tokens(server: Server) -> int:
    return server.pipeline.config.generation.max_new_tokens


def _count(tokenizer, text: str) -> int:
    return len(tokenizer(text, add_special_tokens=False)["input_ids"])


def _finished(generation: Generation, stop: tuple[str, ...], max_tokens: int) -> tuple[str, str]:
    """The completion's text, cut before its first stop string as OpenAI's is, and why it ended.

    >>> _finished(Generation("SELECT 1;\\n", -0.1, 3, False), (";",), 16)
    ('SELECT 1', 'stop')
    >>> _finished(Generation("SELECT a, b", -0.1, 4, False), (";",), 4)
    ('SELECT a, b', 'length')
    """
    text = generation.text
    ends = [i for s in stop if (i := text.find(s)) >= 0]
    if ends:
        return text[:min(ends)], "stop"
    return text, "length" if generation.n_tokens >= max_tokens else "stop"


def _token_texts(tokenizer, generation: Generation) -> list[str]:
    return [tokenizer.decode([token]) for token in generation.token_ids]


def _completion_logprobs(tokenizer, generation: Generation) -> dict | None:
    """OpenAI's completion ``logprobs``: each token, its log-probability and where it starts in the text."""
    if not generation.token_logprobs:
        return None
    tokens = _token_texts(tokenizer, generation)
    offsets, at = [], 0
    for token in tokens:
        offsets.append(at)
        at += len(token)
    return dict(tokens=tokens, token_logprobs=list(generation.token_logprobs), top_logprobs=None, text_offset=offsets)


def _chat_logprobs(tokenizer, generation: Generation) -> dict | None:
    """OpenAI's chat ``logprobs``: one entry per token, without alternatives."""
    if not generation.token_logprobs:
        return None
    return dict(content=[dict(token=token, logprob=logprob, bytes=list(token.encode("utf-8")), top_logprobs=[])
                         for token, logprob in zip(_token_texts(tokenizer, generation), generation.token_logprobs,
                                                   strict=True)])


def _require_free(host: str, port: int) -> None:
    """Refuse in one line an address that cannot be listened on, before minutes of model loading."""
    if not 0 < port < 65536:
        raise FinSQLError(f"--port must be between 1 and 65535, not {port}")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except (OSError, OverflowError) as err:
        raise FinSQLError(f"cannot listen on {host}:{port} ({first_line(err)}); choose another --port or "
                          "--host") from None


def serve(host: str = "127.0.0.1", port: int = 8000, model: str | None = None, config: Path | None = None) -> None:
    """Load the model and serve until Ctrl-C (``python -m finsql serve``)."""
    import uvicorn

    pipeline = Pipeline.from_config(config, model__name=model)
    if pipeline.config.model.backend == "http":
        raise FinSQLError('finsql serve runs the model itself: set model.backend to "auto", "llama.cpp" or "hf", '
                          'not "http"')
    _require_free(host, port)
    server = Server.start(pipeline)
    modules = f" and {len(server.modules)} modules ({', '.join(server.modules)})" if server.modules else ""
    print(f"serving {server.base}{modules} on the {pipeline.config.model.engine()} engine at "
          f"http://{host}:{port}/v1 (Ctrl-C stops)", file=sys.stderr, flush=True)
    uvicorn.run(create_app(server), host=host, port=port, log_level="warning")
