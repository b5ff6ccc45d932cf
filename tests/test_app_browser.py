"""End to end in a real browser: `streamlit run` the chat, ask a question in headless Chromium.

Chromium is driven through its DevTools protocol over a websocket (the ``websockets`` package that
Streamlit itself depends on), so no browser driver is needed. Skipped only when Debian's chromium
is not installed (``make browser`` installs it). The screenshot is kept in the test's tmp_path and
copied to /tmp/finsql_chat.png.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import TEST_MODEL
from test_app import LINE_QUESTION, SCRIPT, make_rates_db, write_settings

CHROMIUM = Path("/usr/bin/chromium")
APP = Path(__file__).resolve().parent.parent / "app" / "streamlit_app.py"
SCREENSHOT_COPY = Path("/tmp/finsql_chat.png")
START_TIMEOUT = 120
ANSWER_TIMEOUT = 300

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                               "(make browser, or apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check, timeout: float, what: str, interval: float = 0.5):
    """Poll ``check`` until it returns something truthy; fail naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(interval)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@pytest.fixture()
def streamlit_url(tmp_path):
    """The chat served by `streamlit run` on a free port, with scripted candidates and the rates database."""
    config = write_settings(tmp_path)
    rates = make_rates_db(tmp_path / "rates.sqlite")
    port = free_port()
    env = dict(os.environ, FINSQL_MODEL=TEST_MODEL, FINSQL_CONFIG=str(config), FINSQL_DATABASES=str(rates),
               OMP_NUM_THREADS="1", HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    log = (tmp_path / "streamlit.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none",
         "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal"],
        env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path)
    url = f"http://127.0.0.1:{port}"

    def healthy() -> bool:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}: {(tmp_path / 'streamlit.log').read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                return response.read() == b"ok"
        except OSError:
            return False

    try:
        wait_for(healthy, START_TIMEOUT, "the streamlit server to start")
        yield url
    finally:
        stop(process)
        log.close()


class Browser:
    """A headless Chromium page driven over the DevTools protocol."""

    def __init__(self, websocket) -> None:
        self.websocket = websocket
        self.ids = itertools.count(1)

    def send(self, method: str, **params) -> dict:
        message_id = next(self.ids)
        self.websocket.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:  # events arrive in between; skip them until our reply comes
            reply = json.loads(self.websocket.recv(timeout=60))
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def evaluate(self, expression: str):
        return self.send("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")


@pytest.fixture()
def browser(tmp_path):
    from websockets.sync.client import connect

    profile = tmp_path / "chromium-profile"
    process = subprocess.Popen(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars",
         "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", f"--user-data-dir={profile}",
         "--window-size=1280,2000", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        active = profile / "DevToolsActivePort"  # chromium writes the port it picked here
        port = wait_for(lambda: active.exists() and active.read_text().split("\n")[0].strip(), 30,
                        "chromium's DevTools port")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as response:
            page = next(t for t in json.load(response) if t["type"] == "page")
        with connect(page["webSocketDebuggerUrl"], max_size=None, open_timeout=10) as websocket:
            yield Browser(websocket)
    finally:
        stop(process)


def test_question_typed_in_the_browser_gets_sql_table_and_chart(streamlit_url, browser, tmp_path) -> None:
    browser.send("Page.navigate", url=streamlit_url)
    chat_input = 'document.querySelector(\'[data-testid="stChatInputTextArea"]\')'
    # The first load shows the model and index loading, then the chat input.
    wait_for(lambda: browser.evaluate(f"!!{chat_input} && !{chat_input}.disabled"), START_TIMEOUT,
             "the chat input")
    browser.evaluate(f"{chat_input}.focus()")
    browser.send("Input.insertText", text=LINE_QUESTION)
    for kind in ("keyDown", "keyUp"):
        browser.send("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter", windowsVirtualKeyCode=13,
                     **({"text": "\r"} if kind == "keyDown" else {}))

    answer_sql = ('Array.from(document.querySelectorAll(\'[data-testid="stChatMessage"] [data-testid="stCode"]\'))'
                  '.map(e => e.innerText).join("\\n")')
    sql = wait_for(lambda: browser.evaluate(answer_sql), ANSWER_TIMEOUT, "the answer's SQL")
    # Let the rest of the answer (table, chart) finish rendering before the screenshot.
    in_answer = 'document.querySelector(\'[data-testid="stChatMessage"] [data-testid="{}"]\')'
    wait_for(lambda: browser.evaluate("!!" + in_answer.format("stDataFrame")), 60, "the result table")
    wait_for(lambda: browser.evaluate("!!" + in_answer.format("stVegaLiteChart")), 60, "the line chart")
    # Open the evidence so the screenshot shows it too.
    browser.evaluate('Array.from(document.querySelectorAll(\'[data-testid="stChatMessage"] summary\'))'
                     '.find(s => s.innerText.includes("Why trust this answer")).click()')
    time.sleep(2)
    page_text = browser.evaluate("document.body.innerText")
    assert LINE_QUESTION in page_text
    assert sql.strip() == SCRIPT[LINE_QUESTION][0]
    assert "Why trust this answer" in page_text and "3 of 3 candidates agree" in page_text
    assert "Answered in " in page_text and "Stage timings" in page_text  # the evidence is open
    assert "13 rows" in page_text
    assert "Traceback" not in page_text

    shot = tmp_path / "finsql_chat.png"
    shot.write_bytes(base64.b64decode(browser.send("Page.captureScreenshot", format="png")["data"]))
    assert shot.stat().st_size > 10_000
    shutil.copyfile(shot, SCREENSHOT_COPY)

    # Mark it wrong, keep the SQL as it is in the editor, and save it as a verified example.
    click_button = ('Array.from(document.querySelectorAll(\'[data-testid="stChatMessage"] button\'))'
                    '.find(b => b.innerText.trim().endsWith("{}")).click()')
    browser.evaluate(click_button.format("Wrong"))
    editor = 'document.querySelector(\'[data-testid="stChatMessage"] textarea\')'
    wait_for(lambda: browser.evaluate(f"!!{editor} && {editor}.value.includes('policy_rate')"), 60, "the SQL editor")
    browser.evaluate(click_button.format("Save as verified"))
    wait_for(lambda: "Saved as verified example 1" in browser.evaluate("document.body.innerText"), 60,
             "the saved example")
    saved = [json.loads(line) for line in (tmp_path / "rates.examples.jsonl").read_text().splitlines()]
    assert [(e["question"], e["sql"]) for e in saved] == [(LINE_QUESTION, SCRIPT[LINE_QUESTION][0])]
