"""A throwaway PostgreSQL cluster for the tests and benchmarks: Debian's server binaries, started with
``initdb`` and ``pg_ctl`` in a temporary folder, listening on a unix socket only.

As root the server runs as the ``postgres`` user the Debian package creates (PostgreSQL refuses root).
``make setup-test`` installs the package where it is missing.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from finsql.warehouse import with_driver


def server_binaries() -> Path | None:
    """The folder of initdb and pg_ctl, or None where PostgreSQL's server is not installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if found:
        return Path(found[-1]).parent
    which = shutil.which("pg_ctl")
    return Path(which).parent if which else None


def why_not_available() -> str | None:
    """Why a cluster cannot be started here, or None when it can."""
    if server_binaries() is None:
        return "PostgreSQL's server is not installed (make setup-test installs Debian's postgresql package)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to run the server as"
    return None


@dataclass
class Cluster:
    folder: Path
    bindir: Path

    @property
    def socket_dir(self) -> Path:
        return self.folder / "sock"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.socket_dir}"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        command = [str(self.bindir / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=True, capture_output=True, text=True)

    def start(self) -> Cluster:
        self._run("initdb", "-D", str(self.folder / "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        options = f"-c listen_addresses='' -k {self.socket_dir} -c fsync=off -c max_connections=40"
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-o", options, "-l", str(self.folder / "log"),
                  "-w", "start")
        return self

    def create_database(self, name: str) -> str:
        engine = create_engine(with_driver(make_url(self.url())), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return self.url(name)

    def dump(self, database: str) -> str:
        """The database as pg_dump writes it: equal before and after exactly when nothing changed."""
        dump = self._run("pg_dump", "-h", str(self.socket_dir), "-U", "postgres", "--no-owner", database).stdout
        # \restrict and \unrestrict carry a key drawn anew for every dump
        return "\n".join(line for line in dump.splitlines() if not line.startswith(("\\restrict", "\\unrestrict")))

    def stop(self) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--"] * (os.geteuid() == 0)
                       + [str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> Cluster:
    """A running cluster in a new folder under /tmp (short: a socket's path is limited to 107 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="finsql-pg-", dir="/tmp"))
    (folder / "sock").mkdir()
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        for path in (folder, folder / "sock"):
            os.chown(path, user.pw_uid, user.pw_gid)
    return Cluster(folder, server_binaries()).start()
