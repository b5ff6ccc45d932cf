"""``finsql serve``: its OpenAI-compatible endpoints and /v1/sql, with scripted candidates for the flows and the
tiny model for the mechanics that hold for any output (served equals in-process; one model for all clients)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import httpx
import pytest
import uvicorn
from conftest import TEST_MODEL

from finsql import Pipeline
from finsql.adapters import META_FILE
from finsql.config import PromptConfig, RetrievalConfig, load_config
from finsql.generate import ScriptedGenerator
from finsql.generate_http import OpenAIGenerator
from finsql.serve import Server, create_app

CLIENTS = 8


@contextmanager
def serving(server: Server) -> Iterator[str]:
    """``server``'s app on a free localhost port, in a thread, for the length of the block: its /v1 address."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    runner = uvicorn.Server(uvicorn.Config(create_app(server), log_level="warning"))
    thread = threading.Thread(target=runner.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not runner.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        runner.should_exit = True
        thread.join(10)
        sock.close()


def at_once(calls) -> list:
    """Run every call in a thread of its own, released together; their results (or exceptions) in order."""
    results: list = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def run(i: int) -> None:
        start.wait()
        try:
            results[i] = calls[i]()
        except Exception as err:  # noqa: BLE001 - the test reports it
            results[i] = err

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    return results


# Short prompts and answers keep the tiny model's tests quick; what they check holds for any length.
SHORT_PROMPT = PromptConfig(examples=0, max_tokens=512)
SHORT_RETRIEVAL = RetrievalConfig(top_tables=1, top_columns=3, entity_tables=0, time_columns=False)


def write_module(folder: Path, db_id: str, base: str, peft_saved: bool = False) -> Path:
    """A module folder as ``finsql.train`` leaves it: the PEFT files (placeholders unless ``peft_saved``: peft
    saved them there already) and the card's settings."""
    folder.mkdir(parents=True, exist_ok=True)
    if not peft_saved:
        import torch
        from safetensors.torch import save_file

        save_file({"placeholder": torch.zeros(1)}, str(folder / "adapter_model.safetensors"))
        (folder / "adapter_config.json").write_text("{}")
    meta = dict(db_id=db_id, base_model=base, prompt=asdict(SHORT_PROMPT), retrieval=asdict(SHORT_RETRIEVAL))
    (folder / META_FILE).write_text(json.dumps(meta))
    return folder


# ---- flows, with scripted candidates ----

QUESTIONS = [f"Question {word}: how many funds are there?" for word in
             ("one", "two", "three", "four", "five", "six", "seven", "eight")]
SCRIPT = {q: [f"SELECT COUNT(*) * {i} FROM fund"] for i, q in enumerate(QUESTIONS, start=1)}


@pytest.fixture()
def scripted_server(test_tokenizer, small_db, tmp_path) -> Server:
    adapters = tmp_path / "adapters"
    write_module(adapters / "mini", "mini", TEST_MODEL)
    write_module(adapters / "other", "other", "qwen2.5-coder-0.5b")  # another base's: not served
    script = {**SCRIPT, "*": ["SELECT 1", "SELECT 2", "SELECT 3"]}
    pipeline = Pipeline(load_config(model__name=TEST_MODEL, generation__candidates=1),
                        generator=ScriptedGenerator(test_tokenizer, script))
    return Server.start(pipeline, adapters, databases=[str(small_db)])


def test_models_lists_the_base_and_the_modules_trained_on_it(scripted_server) -> None:
    with serving(scripted_server) as url:
        listed = httpx.get(f"{url}/models").json()
    assert listed["object"] == "list"
    assert [(m["id"], m["parent"]) for m in listed["data"]] == [(TEST_MODEL, None), ("mini", TEST_MODEL)]


def test_the_requests_model_name_picks_the_module(scripted_server) -> None:
    generator = scripted_server.pipeline.generator
    with serving(scripted_server) as url:
        for model in ("mini", TEST_MODEL, "mini"):
            answer = httpx.post(f"{url}/completions", json=dict(model=model, prompt="P", max_tokens=8, n=2,
                                                                temperature=0.5, stop=[";"], logprobs=1))
            assert answer.status_code == 200
    assert generator.adapters == [scripted_server.modules["mini"].name, None, scripted_server.modules["mini"].name]
    body = answer.json()
    assert body["object"] == "text_completion" and body["model"] == "mini"
    assert [c["text"] for c in body["choices"]] == ["SELECT 2", "SELECT 3"]  # samples: the script's after the first
    assert [c["index"] for c in body["choices"]] == [0, 1] and body["usage"]["completion_tokens"] > 0


def test_chat_completions_answer_in_the_chat_shape(scripted_server) -> None:
    with serving(scripted_server) as url:
        body = httpx.post(f"{url}/chat/completions", json=dict(
            model="mini", messages=[{"role": "user", "content": "Say SELECT"}], temperature=0)).json()
    assert body["object"] == "chat.completion"
    assert body["choices"][0]["message"] == {"role": "assistant", "content": "SELECT 1"}
    prompt = scripted_server.pipeline.generator.prompts[-1]
    assert "Say SELECT" in prompt and prompt != "Say SELECT"  # the model's chat template applied


@pytest.mark.parametrize(("path", "body", "code"), [
    ("/completions", dict(model="nosuch", prompt="P"), "model_not_found"),
    ("/chat/completions", dict(model="other", messages=[{"role": "user", "content": "hi"}]), "model_not_found"),
    ("/sql", dict(question="How many funds are there?", db="/etc/passwd"), "database_not_found"),
])
def test_an_unknown_model_or_database_is_a_404_with_an_openai_error_body(scripted_server, path, body, code) -> None:
    with serving(scripted_server) as url:
        answer = httpx.post(url + path, json=body)
    assert answer.status_code == 404
    error = answer.json()["error"]
    assert error["type"] == "invalid_request_error" and error["code"] == code and "\n" not in error["message"]
    assert scripted_server.pipeline.generator.prompts == []


def test_a_bad_request_is_a_400_with_an_openai_error_body(scripted_server) -> None:
    with serving(scripted_server) as url:
        bad_n = httpx.post(f"{url}/completions", json=dict(model=TEST_MODEL, prompt="P", n=0))
        streamed = httpx.post(f"{url}/completions", json=dict(model=TEST_MODEL, prompt="P", stream=True))
        blank = httpx.post(f"{url}/sql", json=dict(question=" ", db="mini_fund"))
    assert bad_n.status_code == 400 and bad_n.json()["error"]["param"] == "n"
    assert streamed.status_code == 400 and "stream" in streamed.json()["error"]["message"]
    assert blank.status_code == 400 and "the question is empty" in blank.json()["error"]["message"]


def test_sql_answers_as_ask_json_does(scripted_server, small_db) -> None:
    from finsql.__main__ import answer_json

    with serving(scripted_server) as url:
        served = httpx.post(f"{url}/sql", json=dict(question=QUESTIONS[1], db="mini_fund")).json()
    expected = json.loads(answer_json(scripted_server.pipeline.ask(QUESTIONS[1], str(small_db))))
    assert served["sql"] == expected["sql"] == "SELECT COUNT(*) * 2 FROM fund" and served["rows"] == [[6]]
    assert {k: served[k] for k in ("columns", "error", "confidence", "trust")} == {
        k: expected[k] for k in ("columns", "error", "confidence", "trust")}


def test_concurrent_clients_of_sql_each_get_their_own_answer(scripted_server) -> None:
    with serving(scripted_server) as url:
        answers = at_once([lambda q=q: httpx.post(f"{url}/sql", json=dict(question=q, db="mini_fund"), timeout=60)
                           for q in QUESTIONS])
    assert [a.status_code for a in answers] == [200] * CLIENTS
    assert [a.json()["rows"] for a in answers] == [[[3 * i]] for i in range(1, CLIENTS + 1)]


def test_chat_sessions_sharing_one_pipeline_each_get_their_own_answer(test_tokenizer, small_db, tmp_path) -> None:
    """The chat shares one Pipeline across sessions (st.cache_resource): eight asking at once."""
    script = tmp_path / "candidates.json"
    script.write_text(json.dumps(SCRIPT))
    pipeline = Pipeline.from_config(model__name=TEST_MODEL, model__backend="scripted", model__script=str(script))
    pipeline.prepare(QUESTIONS[0], small_db)  # the index loaded once, as the chat's load_index does
    answers = at_once([lambda q=q: pipeline.ask(q, small_db) for q in QUESTIONS])
    assert [(a.question, a.sql, a.rows) for a in answers] == [
        (q, f"SELECT COUNT(*) * {i} FROM fund", [(3 * i,)]) for i, q in enumerate(QUESTIONS, start=1)]


# ---- the tiny model: served answers equal in-process ones ----

ASKED = [("How many funds are there?", "fund"), ("How many customers are there?", "bank")]


@pytest.fixture(scope="module")
def model_settings(tmp_path_factory, tiny_model) -> Iterator[Path]:
    """Settings for the tiny model on the hf backend (the same prompt always decodes alike there, whatever was
    asked before), greedy; and adapters/ holding a random LoRA module for bank trained on the tiny model."""
    import torch
    from peft import LoraConfig, get_peft_model

    root = tmp_path_factory.mktemp("serve")
    torch.manual_seed(0)
    model = get_peft_model(tiny_model.model, LoraConfig(r=4, lora_alpha=8, init_lora_weights=False,
                                                        target_modules=["q_proj", "v_proj"]))
    model.save_pretrained(root / "adapters" / "bank")
    tiny_model.model = model.unload()  # the session's tiny model goes back to the base for other tests
    write_module(root / "adapters" / "bank", "bank", TEST_MODEL, peft_saved=True)
    settings = root / "settings.toml"
    settings.write_text(f'[model]\nname = "{TEST_MODEL}"\nbackend = "hf"\n'
                        "[generation]\ncandidates = 1\nmax_new_tokens = 16\n"
                        f"[prompt]\nexamples = {SHORT_PROMPT.examples}\nmax_tokens = {SHORT_PROMPT.max_tokens}\n"
                        f"[retrieval]\ntop_tables = {SHORT_RETRIEVAL.top_tables}\n"
                        f"top_columns = {SHORT_RETRIEVAL.top_columns}\nentity_tables = 0\ntime_columns = false\n")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FINSQL_ADAPTERS_DIR", str(root / "adapters"))
        yield settings


@pytest.fixture(scope="module")
def in_process(model_settings, bundled_data_dir) -> tuple[Pipeline, list]:
    pipeline = Pipeline.from_config(model_settings)
    return pipeline, [pipeline.ask(question, db) for question, db in ASKED]


@pytest.fixture(scope="module")
def served(model_settings, in_process) -> Iterator[tuple[str, Server, list]]:
    """``finsql serve``'s app in a thread, on the same settings, counting how often a model is loaded."""
    import finsql.pipeline

    loads = []
    load_model = finsql.pipeline.load_model
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(finsql.pipeline, "load_model", lambda *args, **kwargs: loads.append(args) or load_model(*args,
                                                                                                          **kwargs))
        server = Server.start(Pipeline.from_config(model_settings), databases=["fund", "bank"])
        with serving(server) as url:
            yield url, server, loads


def test_served_models_are_the_tiny_base_and_its_module(served) -> None:
    url, _, _ = served
    assert [m["id"] for m in httpx.get(f"{url}/models").json()["data"]] == [TEST_MODEL, "bank"]


@pytest.mark.parametrize("db", ["fund", "bank"])
def test_a_completion_through_the_server_is_the_in_process_greedy_one(served, in_process, db) -> None:
    url, _, _ = served
    pipeline = in_process[0]
    question = dict((d, q) for q, d in ASKED)[db]
    prompt = pipeline.prepare(question, db)[1].text
    module = pipeline.adapter_for(db)
    assert (module is not None) == (db == "bank")
    local, remote = pipeline.generator, OpenAIGenerator(url, TEST_MODEL, pipeline.tokenizer)
    expected, got = [], []
    for generator, out in ((local, expected), (remote, got)):
        generator.use_adapter(module.name if module else None, module.path if module else None)
        out += generator.generate(prompt, 16)
    text = expected[0].text
    cut = min([i for s in (";", "```") if (i := text.find(s)) >= 0], default=len(text))
    assert got[0].text == text[:cut]  # OpenAI's completions end before the stop string
    assert got[0].n_tokens == expected[0].n_tokens
    assert got[0].mean_logprob == pytest.approx(expected[0].mean_logprob, abs=1e-5)


def test_a_pipeline_on_the_http_backend_answers_as_the_in_process_one(served, in_process, model_settings) -> None:
    url, _, _ = served
    client = Pipeline(load_config(model_settings, model__backend="http", model__url=url))
    for (question, db), expected in zip(ASKED, in_process[1], strict=True):
        answer = client.ask(question, db)
        assert (answer.sql, answer.rows, answer.error) == (expected.sql, expected.rows, expected.error)
        assert answer.generation.adapter == expected.generation.adapter


def test_concurrent_clients_get_the_in_process_answers_from_one_loaded_model(served, in_process) -> None:
    url, server, loads = served
    asked = (ASKED * CLIENTS)[:CLIENTS]
    answers = at_once([lambda q=q, db=db: httpx.post(f"{url}/sql", json=dict(question=q, db=db), timeout=300)
                       for q, db in asked])
    assert [a.status_code if isinstance(a, httpx.Response) else a for a in answers] == [200] * CLIENTS
    expected = dict(zip(ASKED, in_process[1], strict=True))
    for (question, db), answer in zip(asked, answers, strict=True):
        body = answer.json()
        assert body["question"] == question
        assert (body["sql"], body["rows"], body["error"]) == (
            expected[question, db].sql, [list(r) for r in expected[question, db].rows], expected[question, db].error)
    assert len(loads) == 1


# ---- the command ----

PROMPT = ("<|im_start|>user\nTable fund(InnerCode, ChiName, FundType). How many funds are there?<|im_end|>\n"
          "<|im_start|>assistant\n```sql\n")


def test_serve_command_listens_on_localhost_and_writes_as_the_in_process_engine(tmp_path) -> None:
    """``python -m finsql serve`` with the engine ``ask`` would choose: its first greedy completion equals a fresh
    in-process generator's (both read the prompt from an empty cache); a second on the same port is one line."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, FINSQL_ADAPTERS_DIR=str(tmp_path))
    command = [sys.executable, "-m", "finsql", "serve", "--model", TEST_MODEL, "--port", str(port)]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, proc.stderr.read()
            try:
                listed = httpx.get(f"{url}/models").json()
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "finsql serve did not answer in 120 s"
                time.sleep(0.2)
        assert [m["id"] for m in listed["data"]] == [TEST_MODEL]
        pipeline = Pipeline.from_config(model__name=TEST_MODEL)
        got = OpenAIGenerator(url, TEST_MODEL, pipeline.tokenizer).generate(PROMPT, 24)[0]
        expected = pipeline.generator.generate(PROMPT, 24)[0]
        assert got.text == expected.text.split(";")[0].split("```")[0]
        assert got.n_tokens == expected.n_tokens
        again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert again.returncode == 2 and again.stderr.strip().count("\n") == 0
        assert again.stderr.startswith(f"error: cannot listen on 127.0.0.1:{port}")
    finally:
        proc.terminate()
        proc.wait(30)
