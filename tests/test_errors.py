"""One error path for every entry point: errors.run_command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from finsql.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_REFUSED, FinSQLError, run_command


def fails_with(error: BaseException):
    def main() -> None:
        raise error

    return main


def test_a_finsql_error_is_its_one_line_and_exit_code_2(capsys) -> None:
    assert run_command(fails_with(FinSQLError("no database 'x'; use a bundled name"))) == EXIT_ERROR
    assert capsys.readouterr().err == "error: no database 'x'; use a bundled name\n"


def test_a_refused_query_keeps_the_guards_word_and_exit_code_1(capsys) -> None:
    assert run_command(fails_with(FinSQLError("refused: DROP statements are not allowed"))) == EXIT_REFUSED
    assert capsys.readouterr().err == "refused: DROP statements are not allowed\n"


def test_an_unexpected_error_is_one_line_unless_debugging(capsys, monkeypatch) -> None:
    monkeypatch.delenv("FINSQL_DEBUG", raising=False)
    assert run_command(fails_with(KeyError("line one\nline two"))) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("error: unexpected KeyError: ") and err.count("\n") == 1 and "FINSQL_DEBUG=1" in err
    monkeypatch.setenv("FINSQL_DEBUG", "1")
    with pytest.raises(KeyError):
        run_command(fails_with(KeyError("shown with its traceback")))


def test_ctrl_c_says_how_to_resume(capsys) -> None:
    code = run_command(fails_with(KeyboardInterrupt()), interrupted="interrupted; run the same command to resume")
    assert code == EXIT_INTERRUPTED
    assert capsys.readouterr().err == "error: interrupted; run the same command to resume\n"


def test_main_s_own_exit_code_is_returned() -> None:
    assert run_command(lambda: None) == 0 and run_command(lambda: 1) == 1


@pytest.mark.parametrize("module", ["finsql", "finsql.eval", "finsql.train", "finsql.data"])
def test_every_entry_point_reports_bad_input_in_one_line_before_fetching_a_model(module: str, tmp_path) -> None:
    args = {"finsql": ["ask", "hi", "--db", "nosuch"],
            "finsql.eval": ["--questions", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "out")],
            "finsql.train": ["nosuch"],
            "finsql.data": ["build", "--only", "nosuch"]}[module]
    cache = tmp_path / "empty-cache"  # as on a fresh machine: the default model is not fetched yet
    env = dict(os.environ, FINSQL_CACHE_DIR=str(cache))
    proc = subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, timeout=300,
                          env=env)
    assert not (cache / "models").exists(), "a model was fetched before the bad input was named"
    assert proc.returncode == EXIT_ERROR, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert ("missing.jsonl" if module == "finsql.eval" else "nosuch") in lines[0]
