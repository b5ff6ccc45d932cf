"""A throwaway MariaDB server for the tests and benchmarks: Debian's mariadb-server, started with
``mariadb-install-db`` and ``mariadbd`` in a temporary folder, listening on a unix socket only.

As root the server runs as the ``mysql`` user the Debian package creates. ``make setup-test`` installs the
package where it is missing.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from finsql.warehouse import with_driver

SERVER = Path("/usr/sbin/mariadbd")
INSTALL = Path("/usr/bin/mariadb-install-db")


def why_not_available() -> str | None:
    """Why a server cannot be started here, or None when it can."""
    if not (SERVER.is_file() and INSTALL.is_file()):
        return "MariaDB's server is not installed (make setup-test installs Debian's mariadb-server package)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("mysql")
        except KeyError:
            return "running as root and there is no mysql user to run the server as"
    return None


@dataclass
class Server:
    folder: Path
    process: subprocess.Popen | None = None

    @property
    def socket(self) -> Path:
        return self.folder / "mysqld.sock"

    def url(self, database: str = "") -> str:
        return f"mysql://root@localhost/{database}?unix_socket={self.socket}"

    def start(self) -> Server:
        user = ["--user=mysql"] if os.geteuid() == 0 else []
        subprocess.run([str(INSTALL), f"--datadir={self.folder / 'data'}", "--auth-root-authentication-method=normal",
                        "--skip-test-db", *user], check=True, capture_output=True, text=True)
        self.process = subprocess.Popen(
            [str(SERVER), "--no-defaults", f"--datadir={self.folder / 'data'}", f"--socket={self.socket}",
             "--skip-networking", "--skip-grant-tables=0", f"--pid-file={self.folder / 'mysqld.pid'}",
             "--innodb-flush-log-at-trx-commit=0", "--skip-log-bin", *user],
            stdout=subprocess.DEVNULL, stderr=(self.folder / "log").open("w"))
        for _ in range(100):
            if self.socket.exists():
                return self
            time.sleep(0.1)
        raise RuntimeError(f"MariaDB did not start: {(self.folder / 'log').read_text()[-500:]}")

    def create_database(self, name: str) -> str:
        engine = create_engine(with_driver(make_url(self.url())), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"))
        engine.dispose()
        return self.url(name)

    def dump(self, database: str) -> str:
        """The database as mariadb-dump writes it, without the line saying when: equal before and after exactly
        when nothing changed."""
        dump = subprocess.run(["mariadb-dump", f"--socket={self.socket}", "-u", "root", "--skip-dump-date", database],
                              check=True, capture_output=True, text=True).stdout
        return dump

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_server() -> Server:
    folder = Path(tempfile.mkdtemp(prefix="finsql-my-", dir="/tmp"))
    if os.geteuid() == 0:
        user = pwd.getpwnam("mysql")
        os.chown(folder, user.pw_uid, user.pw_gid)
    return Server(folder).start()
