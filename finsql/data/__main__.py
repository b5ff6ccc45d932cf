"""Build the bundled finance databases.

    python -m finsql.data build                 # all databases into data/
    python -m finsql.data build --only fund     # one database
    python -m finsql.data build --seed 7 --out /tmp/dbs
    python -m finsql.data check                 # validate databases, descriptions, question and conversation sets
    python -m finsql.data copy fund postgresql://me@localhost/fund   # a copy to ask by URL (also duckdb:///f.duckdb)

The same seed always gives the same rows. A database is written to a temporary file and renamed
into place only when complete, so an interrupted build never leaves a half-written database.
"""

from __future__ import annotations

import argparse
import importlib
import random
import sqlite3
import sys
import time
import zlib
from pathlib import Path

from finsql.bundled import DATABASES
from finsql.errors import FinSQLError, run_command
from finsql.paths import data_dir

DEFAULT_SEED = 20240612


def build_database(name: str, out_dir: Path, seed: int = DEFAULT_SEED) -> Path:
    """Build database ``name`` into ``out_dir/<name>.sqlite`` and return its path."""
    module = importlib.import_module(f"finsql.data.{name}")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{name}.sqlite"
    partial = out_dir / f".{name}.sqlite.partial"
    partial.unlink(missing_ok=True)
    conn = sqlite3.connect(partial)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        # crc32, not hash(): Python salts str hashes per process, which would break determinism.
        module.build(conn, random.Random(seed ^ zlib.crc32(name.encode())))
        conn.commit()
        conn.execute("ANALYZE")
        conn.commit()
    finally:
        conn.close()
    partial.replace(target)
    return target


def run_check() -> int:
    from finsql.data.check import check_all
    from finsql.paths import schemas_dir

    report = check_all(data_dir(), schemas_dir())
    for name, counts in report.counts.items():
        print(f"{name}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    for problem in report.problems:
        print(f"problem: {problem}")
    print("check passed" if report.ok else f"check failed: {len(report.problems)} problems")
    return 0 if report.ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m finsql.data", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="verb", required=True)
    build = sub.add_parser("build", help="build the bundled databases")
    build.add_argument("--only", default=",".join(DATABASES), help="comma-separated database names")
    build.add_argument("--seed", type=int, default=DEFAULT_SEED)
    build.add_argument("--out", type=Path, default=None, help="output folder (default: data/)")
    sub.add_parser("check", help="validate databases, descriptions, question and conversation sets")
    copy = sub.add_parser("copy", help="copy a SQLite database into PostgreSQL, MySQL or DuckDB (finsql/data/copy.py)")
    copy.add_argument("source", help="bundled database name or SQLite path")
    copy.add_argument("target", help="SQLAlchemy URL of an empty database: postgresql://... or duckdb:///file.duckdb")
    args = parser.parse_args(argv)
    if args.verb == "copy":
        return run_command(lambda: copy_to(args.source, args.target))
    return run_command(run_check if args.verb == "check" else lambda: build_databases(args))


def copy_to(source: str, target: str) -> int:
    from finsql.data.copy import copy_database

    copy_database(source, target)
    return 0


def build_databases(args: argparse.Namespace) -> int:
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in names if n not in DATABASES]
    if unknown:
        raise FinSQLError(f"unknown database {unknown[0]!r}; choose from {', '.join(DATABASES)}")
    out_dir = args.out or data_dir()
    for name in names:
        start = time.perf_counter()
        path = build_database(name, out_dir, args.seed)
        conn = sqlite3.connect(path)
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        rows = sum(conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables)
        conn.close()
        print(f"{name}: {len(tables)} tables, {rows} rows -> {path} ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
