"""Seconds from starting the chat to its first answer, in a real browser, with the default model.

    python benchmarks/bench_chat_start.py [--question "How many funds are there?"] [--runs 1] [--settings F]

Starts the chat as ``make run`` does (``streamlit run app/streamlit_app.py``, the bundled databases, the
default model and settings, or the TOML file ``--settings``), opens it in headless Chromium, waits for the
chat input, asks the question on the first database in the sidebar (fund) and waits for the answer's SQL
and its "Answered in" line. Printed per run: seconds from process start to the chat input, to the
answer, and what the chat itself said it took. Disk caches (model, indexes, llama.cpp files) are as the
machine has them: run ``make setup`` first, so what is timed is a start with warm disk caches. Needs
Debian's chromium (``make browser``); drives it with the browser test's DevTools helpers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from test_app_browser import APP, Browser, free_port, stop, wait_for  # noqa: E402

from finsql.errors import run_command  # noqa: E402

CHAT_INPUT = 'document.querySelector(\'[data-testid="stChatInputTextArea"]\')'
ANSWER_SQL = ('Array.from(document.querySelectorAll(\'[data-testid="stChatMessage"] [data-testid="stCode"]\'))'
              '.map(e => e.innerText).join("\\n")')


def one_start(question: str, settings: Path | None) -> tuple[float, float, str]:
    """(seconds to the chat input, seconds to the answer, the chat's own "Answered in" line)."""
    from websockets.sync.client import connect

    port = free_port()
    env = dict(os.environ, HF_HUB_OFFLINE="1", **({"FINSQL_CONFIG": str(settings)} if settings else {}))
    with tempfile.TemporaryDirectory() as folder:
        began = time.monotonic()
        server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
                                   "--server.address", "127.0.0.1", "--server.port", str(port),
                                   "--browser.gatherUsageStats", "false"], env=env, cwd=REPO,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        profile = Path(folder) / "profile"
        chromium = subprocess.Popen(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                     "--disable-background-networking", "--disable-component-update",
                                     "--no-first-run", "--remote-debugging-port=0", f"--user-data-dir={profile}",
                                     "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}"

            def healthy() -> bool:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                        return response.read() == b"ok"
                except OSError:
                    return False

            wait_for(healthy, 120, "the streamlit server", interval=0.1)
            active = profile / "DevToolsActivePort"
            devtools = wait_for(lambda: active.exists() and active.read_text().split("\n")[0].strip(), 30,
                                "chromium's DevTools port", interval=0.1)
            with urllib.request.urlopen(f"http://127.0.0.1:{devtools}/json/list", timeout=5) as response:
                page = next(t for t in json.load(response) if t["type"] == "page")
            with connect(page["webSocketDebuggerUrl"], max_size=None, open_timeout=10) as websocket:
                browser = Browser(websocket)
                browser.send("Page.navigate", url=url)
                wait_for(lambda: browser.evaluate(f"!!{CHAT_INPUT} && !{CHAT_INPUT}.disabled"), 600,
                         "the chat input", interval=0.1)
                ready = time.monotonic() - began
                browser.evaluate(f"{CHAT_INPUT}.focus()")
                browser.send("Input.insertText", text=question)
                for kind in ("keyDown", "keyUp"):
                    browser.send("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter",
                                 windowsVirtualKeyCode=13, **({"text": "\r"} if kind == "keyDown" else {}))
                said = wait_for(lambda: re.search(r"Answered in [\d.]+ s", browser.evaluate("document.body.innerText")),
                                600, "the answer", interval=0.1).group(0)
                answered = time.monotonic() - began
                if not browser.evaluate(ANSWER_SQL):
                    raise RuntimeError("the answer shows no SQL")
                return ready, answered, said
        finally:
            stop(chromium)
            stop(server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--question", default="How many funds are there?")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--settings", type=Path, default=None, help="a settings TOML file for the chat")
    args = parser.parse_args()
    results = []
    for run in range(1, args.runs + 1):
        ready, answered, said = one_start(args.question, args.settings)
        results.append(answered)
        print(f"run {run}: chat input after {ready:.1f} s, first answer after {answered:.1f} s ({said})", flush=True)
    print(f"median seconds from start to the first answer: {statistics.median(results):.1f}")


if __name__ == "__main__":
    sys.exit(run_command(main))
