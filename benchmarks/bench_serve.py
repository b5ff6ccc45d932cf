"""Throughput of ``finsql serve`` with 1, 4 and 8 clients at once, against the same questions answered in-process.

    python benchmarks/bench_serve.py [--per-db 2] [--seed 0] [--databases fund,stock,macro,bank] [--model NAME]
                                     [--config FILE] [--clients 1,4,8] [--endpoint sql|completions]

The sampled dev questions (drawn as bench_accuracy.py draws them) are answered first in this process, one
after another: the baseline row. Then ``python -m finsql serve`` is started with the same settings on a
free localhost port, and for each client count every question is asked once more, by that many clients
at once (each takes the next question when its last is answered). ``--endpoint sql`` asks /v1/sql (the
whole pipeline: retrieval, generation, repair, the vote); ``completions`` builds each prompt here and asks
/v1/completions for its greedy candidate, with the database's module (the generation alone).

Every database is readied before the clock starts, in this process and in the server (indexes loaded, one
answer written), as in a chat that has answered before. Printed per row: questions, requests per second
(questions / wall time of the row), p50 and p95 seconds per request as its client waited for it, and how
many answers equal the in-process one (SQL and rows; the greedy text for completions). The server writes
with one model behind one lock, so more clients queue for it: expect requests/s to stay near the
sequential row's while the seconds each client waits grow with the number of clients.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import numpy as np

from finsql import Pipeline
from finsql.bundled import DATABASES
from finsql.config import load_config
from finsql.datasets import QuestionItem
from finsql.errors import FinSQLError, run_command
from finsql.eval.sample import bundled_databases, stratified_sample
from finsql.models import quiet_libraries

READY_S = 900  # the server's model and every database's index loaded within this


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int, model: str | None, config: Path | None, log) -> subprocess.Popen:
    command = [sys.executable, "-m", "finsql", "serve", "--port", str(port)]
    command += ["--model", model] if model else []
    command += ["--config", str(config)] if config else []
    return subprocess.Popen(command, stdout=log, stderr=log)


def wait_until_serving(url: str, proc: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + READY_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            lines = log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            raise FinSQLError(f"finsql serve stopped: {lines[-1] if lines else 'no output'}")
        try:
            httpx.get(f"{url}/models", timeout=5).raise_for_status()
            return
        except httpx.HTTPError:
            time.sleep(0.5)
    raise FinSQLError(f"finsql serve did not answer at {url} within {READY_S} s")


class Endpoint:
    """One kind of request: what it sends for a question, and what of its answer is compared."""

    def __init__(self, kind: str, pipeline: Pipeline) -> None:
        self.kind, self.pipeline = kind, pipeline
        self.prompts: dict[tuple[str, str], tuple[str, str]] = {}  # (db, question) -> (prompt, model name)

    def prepare(self, item: QuestionItem) -> None:
        if self.kind == "completions":
            module = self.pipeline.adapter_for(item.db_id)
            prompt = self.pipeline.prepare(item.question, item.db_id)[1].text
            self.prompts[item.db_id, item.question] = (prompt, module.path.name if module else
                                                       self.pipeline.config.model.name)

    def in_process(self, item: QuestionItem) -> object:
        if self.kind == "sql":
            answer = self.pipeline.ask(item.question, item.db_id)
            return answer.sql, [list(row) for row in answer.rows]
        prompt, _ = self.prompts[item.db_id, item.question]
        module = self.pipeline.adapter_for(item.db_id)
        generator = self.pipeline.generator
        generator.use_adapter(module.name if module else None, module.path if module else None)
        text = generator.generate(prompt, self.pipeline.config.generation.max_new_tokens)[0].text
        return min((text.split(s)[0] for s in (";", "```")), key=len)

    def served(self, client: httpx.Client, url: str, item: QuestionItem) -> object:
        if self.kind == "sql":
            response = client.post(f"{url}/sql", json=dict(question=item.question, db=item.db_id))
            response.raise_for_status()
            body = response.json()
            return body["sql"], body["rows"]
        prompt, model = self.prompts[item.db_id, item.question]
        response = client.post(f"{url}/completions", json=dict(
            model=model, prompt=prompt, max_tokens=self.pipeline.config.generation.max_new_tokens, temperature=0,
            stop=[";", "```"]))
        response.raise_for_status()
        return response.json()["choices"][0]["text"]


def timed_round(items: list[QuestionItem], clients: int, ask: Callable[[QuestionItem], object]) -> dict:
    """Every item asked once by ``clients`` threads at once: wall seconds, each request's seconds, the answers."""
    pending = list(enumerate(items))
    lock = threading.Lock()
    seconds: list[float] = [0.0] * len(items)
    answers: list[object] = [None] * len(items)
    failures: list[str] = []

    def client() -> None:
        while True:
            with lock:
                if not pending:
                    return
                i, item = pending.pop(0)
            began = time.perf_counter()
            try:
                answers[i] = ask(item)
            except Exception as err:  # noqa: BLE001 - counted and named below, the round goes on
                failures.append(f"{item.id}: {type(err).__name__}: {err}")
            seconds[i] = time.perf_counter() - began

    began = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return dict(wall=time.perf_counter() - began, seconds=seconds, answers=answers, failures=failures)


def row(name: str, clients: int, result: dict, expected: list[object] | None) -> str:
    n, seconds = len(result["seconds"]), result["seconds"]
    same = "-" if expected is None else f"{sum(a == e for a, e in zip(result['answers'], expected, strict=True))}/{n}"
    return (f"{name:28} {clients:>7} {n:>9} {n / result['wall']:>10.3f} {statistics.median(seconds):>7.1f} "
            f"{np.percentile(seconds, 95):>7.1f} {same:>8} {len(result['failures']):>7}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-db", type=int, default=2, help="dev questions per database (stratified)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--databases", default=",".join(DATABASES))
    parser.add_argument("--model", default=None)
    parser.add_argument("--config", type=Path, default=None, help="settings for both, as for finsql ask/serve")
    parser.add_argument("--clients", default="1,4,8", help="client counts, one row each")
    parser.add_argument("--endpoint", choices=["sql", "completions"], default="sql")
    args = parser.parse_args()
    databases = bundled_databases(args.databases)
    try:
        counts = [int(c) for c in args.clients.split(",") if c]
    except ValueError:
        counts = []
    if not counts or min(counts) < 1:
        raise FinSQLError(f"--clients must be positive whole numbers separated by commas, not {args.clients!r}")
    if args.per_db < 1:
        raise FinSQLError(f"--per-db must be positive, not {args.per_db}")
    items = stratified_sample(databases, args.per_db, args.seed)
    quiet_libraries()
    pipeline = Pipeline(load_config(args.config, model__name=args.model))
    if pipeline.config.model.backend == "http":
        raise FinSQLError("the baseline runs the model in this process: give settings whose model.backend is not http")
    endpoint = Endpoint(args.endpoint, pipeline)
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1"
    with tempfile.TemporaryDirectory() as tmp:
        log_path = Path(tmp) / "serve.log"
        with log_path.open("w") as log:
            server = start_server(port, args.model, args.config, log)
            firsts = list({item.db_id: item for item in reversed(items)}.values())
            try:
                for first in firsts:  # warm, while the server loads: model, index, embedder, examples
                    pipeline.ask(first.question, first.db_id)
                for item in items:
                    endpoint.prepare(item)
                wait_until_serving(url, server, log_path)
                with httpx.Client(timeout=READY_S, limits=httpx.Limits(max_connections=max(counts))) as client:
                    for first in firsts:
                        endpoint.served(client, url, first)  # warm, as the in-process pipeline is
                    print(f"{len(items)} questions ({', '.join(databases)}), {pipeline.config.model.name} on "
                          f"{pipeline.config.model.engine()}, {os.cpu_count()} CPUs; /v1/{args.endpoint}", flush=True)
                    # The baseline runs while the server idles, so neither slows the other.
                    baseline = timed_round(items, 1, endpoint.in_process)
                    rounds = [(c, timed_round(items, c, lambda item: endpoint.served(client, url, item)))
                              for c in counts]
            finally:
                server.terminate()
                server.wait(60)
    print(f"\n{'run':28} {'clients':>7} {'questions':>9} {'requests/s':>10} {'p50 s':>7} {'p95 s':>7} "
          f"{'same':>8} {'failed':>7}")
    print(row("in-process, one at a time", 1, baseline, None))
    for clients, result in rounds:
        print(row(f"finsql serve /v1/{args.endpoint}", clients, result, baseline["answers"]))
        for failure in result["failures"][:3]:
            print(f"  failed: {failure}")


if __name__ == "__main__":
    sys.exit(run_command(main))
