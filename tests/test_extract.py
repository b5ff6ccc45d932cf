"""SQL extraction from model text: data-driven cases in fixtures/extract_sql.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from finsql.calibrate.extract import extract_sql


def _cases() -> list[tuple[str, str]]:
    text = (Path(__file__).parent / "fixtures" / "extract_sql.txt").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    cases = []
    for block in body.split("\n----\n"):
        raw, expected = block.split("\n==>\n")
        cases.append((raw, expected.strip("\n")))
    return cases


@pytest.mark.parametrize(("raw", "expected"), _cases())
def test_extract_sql(raw: str, expected: str) -> None:
    assert extract_sql(raw) == expected
