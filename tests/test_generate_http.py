"""The OpenAI-compatible client backend against scripted servers: what it asks for, what it makes of the
answers, and how a server that is down, failing or refusing is reported (one line naming the URL)."""

from __future__ import annotations

import json
import socket
import threading
from pathlib import Path

import httpx
import pytest
from conftest import TEST_MODEL

from finsql.calibrate.confidence import assess
from finsql.config import load_config
from finsql.errors import FinSQLError
from finsql.generate import STOP_STRINGS
from finsql.generate_http import NO_LOGPROB, OpenAIGenerator, api_key_from_env

URL = "http://127.0.0.1:9/v1"  # never reached: a scripted transport answers


def completion(*texts: str, logprobs: list[list[float]] | None = None) -> dict:
    choices = [dict(index=i, text=text, finish_reason="stop",
                    logprobs=dict(tokens=["x"] * len(logprobs[i]), token_logprobs=logprobs[i]) if logprobs else None)
               for i, text in enumerate(texts)]
    return dict(id="cmpl-1", object="text_completion", model="m", choices=choices)


class Scripted:
    """A transport that answers each request with the next scripted (status, body), recording the requests."""

    def __init__(self, *answers) -> None:
        self.answers, self.requests = list(answers), []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(json.loads(request.content))
        self.headers = request.headers
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        status, body = answer
        return httpx.Response(status, json=body)


def client(tokenizer, script: Scripted, **options) -> OpenAIGenerator:
    return OpenAIGenerator(URL, TEST_MODEL, tokenizer, transport=httpx.MockTransport(script),
                           **{"backoff_s": 0.0, **options})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_greedy_is_one_request_at_temperature_zero_and_samples_one_for_n(test_tokenizer) -> None:
    script = Scripted((200, completion("SELECT 1", logprobs=[[-0.5, -0.25]])),
                      (200, completion("SELECT 2", "SELECT 3", logprobs=[[-1.0], [-2.0, -4.0]])))
    generations = client(test_tokenizer, script).generate("PROMPT", 32, n=3, temperature=0.7)
    greedy, samples = script.requests
    assert greedy["temperature"] == 0 and greedy["n"] == 1 and "top_p" not in greedy
    assert samples["temperature"] == 0.7 and samples["n"] == 2 and samples["top_p"] == 0.95
    assert all(r["prompt"] == "PROMPT" and r["max_tokens"] == 32 and r["stop"] == list(STOP_STRINGS)
               and r["logprobs"] == 1 and r["model"] == TEST_MODEL for r in script.requests)
    assert [(g.text, g.mean_logprob, g.n_tokens, g.sampled) for g in generations] == [
        ("SELECT 1", -0.375, 2, False), ("SELECT 2", -1.0, 1, True), ("SELECT 3", -3.0, 2, True)]


def test_samples_alone_are_asked_for_when_the_greedy_one_was_written_before(test_tokenizer) -> None:
    script = Scripted((200, completion("SELECT 2", "SELECT 3")))
    generations = client(test_tokenizer, script).generate("PROMPT", 32, n=2, greedy=False)
    assert len(script.requests) == 1 and script.requests[0]["n"] == 2
    assert [g.sampled for g in generations] == [True, True]


def test_a_module_is_asked_for_by_its_folders_name_and_the_base_by_its_served_name(test_tokenizer) -> None:
    script = Scripted(*[(200, completion("SELECT 1"))] * 3)
    generator = OpenAIGenerator(URL, "base-on-server", test_tokenizer, transport=httpx.MockTransport(script))
    generator.use_adapter("fund_1a2b3c4d", Path("adapters/fund"))
    generator.generate("P", 8)
    generator.use_adapter("macro")
    generator.generate("P", 8)
    generator.use_adapter(None)
    generator.generate("P", 8)
    assert [r["model"] for r in script.requests] == ["fund", "macro", "base-on-server"]


def test_missing_logprobs_give_a_mean_that_is_never_confident(test_tokenizer) -> None:
    script = Scripted((200, completion("SELECT COUNT(*) FROM fund")))
    generation = client(test_tokenizer, script).generate("PROMPT", 32)[0]
    assert generation.mean_logprob == NO_LOGPROB
    text = "SELECT COUNT(*) FROM fund"
    assert generation.n_tokens == len(test_tokenizer(text, add_special_tokens=False)["input_ids"])
    # Every candidate agreeing and rows returned: still not shown as confident without a likelihood.
    assert not assess(1.0, generation.mean_logprob, True, 0.4, -0.02).confident
    assert not assess(1.0, generation.mean_logprob, True, 0.4, -50.0).confident


def test_a_server_that_sends_fewer_choices_than_asked_is_asked_again(test_tokenizer) -> None:
    script = Scripted((200, completion("A")), (200, completion("B")), (200, completion("C")))
    generations = client(test_tokenizer, script).generate("PROMPT", 8, n=3, greedy=False)
    assert [g.text for g in generations] == ["A", "B", "C"]
    assert [r["n"] for r in script.requests] == [3, 2, 1]
    assert len({r["seed"] for r in script.requests}) == 3  # each further request asks for other samples


def test_5xx_answers_and_dropped_connections_are_tried_again(test_tokenizer) -> None:
    request = httpx.Request("POST", URL)
    script = Scripted((503, {"error": {"message": "loading"}}), httpx.ConnectError("refused", request=request),
                      (500, {}), (200, completion("SELECT 1")))
    assert client(test_tokenizer, script).generate("PROMPT", 8)[0].text == "SELECT 1"
    assert len(script.requests) == 4


def test_a_server_that_keeps_failing_is_one_line_with_its_status(test_tokenizer) -> None:
    script = Scripted(*[(502, {"error": {"message": "upstream gone"}})] * 3)
    with pytest.raises(FinSQLError) as caught:
        client(test_tokenizer, script, retries=2).generate("PROMPT", 8)
    assert len(script.requests) == 3
    message = str(caught.value)
    assert "\n" not in message and URL in message and "502: upstream gone" in message


def test_a_server_that_is_down_is_one_line_naming_its_url(test_tokenizer) -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(FinSQLError) as caught:
        OpenAIGenerator(url, TEST_MODEL, test_tokenizer, retries=1, backoff_s=0.0).generate("PROMPT", 8)
    message = str(caught.value)
    assert "\n" not in message and url in message and "finsql serve" in message and "model.url" in message


def test_a_slow_server_is_one_line_and_not_asked_twice(test_tokenizer) -> None:
    script = Scripted(httpx.ReadTimeout("slow"), (200, completion("SELECT 1")))
    with pytest.raises(FinSQLError, match="did not answer within 120 s; raise model.request_timeout_s"):
        client(test_tokenizer, script).generate("PROMPT", 8)
    assert len(script.requests) == 1


@pytest.mark.parametrize(("status", "named"), [(404, "has no model 'fund'"), (401, "set FINSQL_API_KEY"),
                                               (400, "refused the request (400: max_tokens too large)")])
def test_a_refused_request_is_one_line_saying_what_to_do(test_tokenizer, status: int, named: str) -> None:
    message = {404: "The model `fund` does not exist.", 401: "bad key", 400: "max_tokens too large"}[status]
    script = Scripted((status, {"error": {"message": message, "type": "invalid_request_error"}}))
    generator = client(test_tokenizer, script)
    generator.use_adapter("fund_1a2b3c4d", Path("adapters/fund"))
    with pytest.raises(FinSQLError) as caught:
        generator.generate("PROMPT", 8)
    assert named in str(caught.value) and URL in str(caught.value) and "\n" not in str(caught.value)
    assert len(script.requests) == 1


def test_the_api_key_comes_from_the_environment(test_tokenizer, monkeypatch) -> None:
    monkeypatch.delenv("FINSQL_API_KEY", raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")
    assert api_key_from_env() == "sk-openai"
    monkeypatch.setenv("FINSQL_API_KEY", "sk-finsql")
    assert api_key_from_env() == "sk-finsql"
    script = Scripted((200, completion("SELECT 1")))
    client(test_tokenizer, script, api_key=api_key_from_env()).generate("PROMPT", 8)
    assert script.headers["authorization"] == "Bearer sk-finsql"


def test_the_http_backend_needs_a_url_and_never_reads_a_key_from_the_settings(tmp_path) -> None:
    with pytest.raises(FinSQLError, match='model.backend "http" needs model.url'):
        load_config(model__backend="http")
    with pytest.raises(FinSQLError, match="must begin with http:// or https://"):
        load_config(model__backend="http", model__url="127.0.0.1:8000/v1")
    with pytest.raises(FinSQLError, match="request_timeout_s must be positive"):
        load_config(model__backend="http", model__url="http://h/v1", model__request_timeout_s=0)
    settings = tmp_path / "http.toml"
    settings.write_text('[model]\nbackend = "http"\nurl = "http://h/v1"\napi_key = "sk-1"\n')
    with pytest.raises(FinSQLError, match="unknown setting 'model.api_key'"):
        load_config(settings)


def test_the_pipeline_writes_through_the_server_named_in_its_settings(test_tokenizer) -> None:
    from finsql import Pipeline

    config = load_config(model__name=TEST_MODEL, model__backend="http", model__url="http://127.0.0.1:8000/v1/",
                         model__request_timeout_s=5)
    generator = Pipeline(config).generator
    assert isinstance(generator, OpenAIGenerator)
    assert (generator.url, generator.served_name, generator.timeout_s) == ("http://127.0.0.1:8000/v1", TEST_MODEL, 5)
    assert type(generator.tokenizer).__name__ == type(test_tokenizer).__name__


def test_ask_with_the_server_down_prints_one_line_and_no_traceback(small_db, tmp_path, capsys) -> None:
    from finsql.__main__ import main

    url = f"http://127.0.0.1:{free_port()}/v1"
    settings = tmp_path / "http.toml"
    settings.write_text(f'[model]\nname = "{TEST_MODEL}"\nbackend = "http"\nurl = "{url}"\n'
                        '[generation]\ncandidates = 1\n')
    code = main(["ask", "How many funds are there?", "--db", str(small_db), "--config", str(settings)])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1
    assert err.startswith(f"error: no OpenAI-compatible server answered at {url}")


def test_threads_keep_their_own_module_and_timing(test_tokenizer) -> None:
    both_in_flight = threading.Barrier(2, timeout=10)

    def answer(request: httpx.Request) -> httpx.Response:
        model = json.loads(request.content)["model"]
        both_in_flight.wait()  # returns only once the other thread's request is in flight too
        return httpx.Response(200, json=completion(f"SELECT '{model}'"))

    generator = OpenAIGenerator(URL, TEST_MODEL, test_tokenizer, transport=httpx.MockTransport(answer))
    written: dict[str, tuple] = {}

    def session(name: str | None, folder: str | None) -> None:
        generator.use_adapter(name, Path(folder) if folder else None)
        text = generator.generate("P" * (10 if name else 1), 8)[0].text
        written[name or "base"] = (text, generator.adapter, generator.last_timing.prompt_tokens)

    threads = [threading.Thread(target=session, args=args) for args in (("fund_1a2b", "adapters/fund"), (None, None))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert written["fund_1a2b"][:2] == ("SELECT 'fund'", "fund")
    assert written["base"][:2] == (f"SELECT '{TEST_MODEL}'", None)
    assert written["fund_1a2b"][2] > written["base"][2]


def test_sessions_sharing_a_pipeline_send_their_requests_at_once(test_tokenizer, small_db) -> None:
    """The local engines write one session at a time; a server can take every session's request at once."""
    from finsql import Pipeline

    both_in_flight = threading.Barrier(2, timeout=10)

    def answer(request: httpx.Request) -> httpx.Response:
        both_in_flight.wait()
        return httpx.Response(200, json=completion("SELECT SecuCode FROM fund"))

    generator = OpenAIGenerator(URL, TEST_MODEL, test_tokenizer, transport=httpx.MockTransport(answer))
    pipeline = Pipeline(load_config(model__name=TEST_MODEL, generation__candidates=1), generator=generator)
    pipeline.prepare("List the codes of all funds.", small_db)
    answers = [None, None]

    def ask(i: int, question: str) -> None:
        answers[i] = pipeline.ask(question, small_db)

    threads = [threading.Thread(target=ask, args=(i, q))
               for i, q in enumerate(["List the codes of all funds.", "Which fund codes exist?"])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [a.rows for a in answers] == [[("000001",), ("110022",), ("000198",)]] * 2
