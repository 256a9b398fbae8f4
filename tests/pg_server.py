"""A real, throw-away PostgreSQL + PostGIS 3 server on loopback, for tests and bench.

Why not the system cluster: tests must not depend on (or damage) whatever runs on
the machine, and CI runs as root in a fresh clone.  So every run gets its own
cluster: ``initdb`` into a temporary folder, a free TCP port on 127.0.0.1 with
password (SCRAM) authentication, a private Unix socket folder, torn down at the
end.  PostgreSQL refuses to run as root, so as root the server runs as the
``postgres`` system user (created by the Debian package) or, failing that, a
system user created here.

The server is the newest PostgreSQL major version with PostGIS installed (15 on
Debian 12, 17 on Debian 13).  Missing binaries are an error, never a skip: ``make
deps`` installs ``postgresql-15-postgis-3`` (``make test-ltr``: ``-17-``).
"""

from __future__ import annotations

import atexit
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import List, Optional


def _pg_major() -> str:
    """The newest installed PostgreSQL major version that has PostGIS ("15" if none)."""
    versions = sorted(
        (
            int(p.parent.parent.name)
            for p in Path("/usr/share/postgresql").glob("*/extension/postgis.control")
            if p.parent.parent.name.isdigit()
            and Path("/usr/lib/postgresql", p.parent.parent.name, "bin").is_dir()
        ),
        reverse=True,
    )
    return str(versions[0]) if versions else "15"


PG_MAJOR = _pg_major()
PG_BINDIR = Path("/usr/lib/postgresql", PG_MAJOR, "bin")
POSTGIS_CONTROL = Path("/usr/share/postgresql", PG_MAJOR, "extension", "postgis.control")
FALLBACK_USER = "xgswc-pg"


class PgServerError(RuntimeError):
    """The test server could not be started (the message says what to install)."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run_user() -> Optional[str]:
    """System user to run the server as (None: the current, non-root user)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", FALLBACK_USER):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/bin/false", FALLBACK_USER],
        check=True,
        capture_output=True,
    )
    return FALLBACK_USER


class PgServer:
    """One cluster: ``start()``, connect with ``dsn()``/``params()``, ``stop()``."""

    def __init__(self, database: str = "xgswc", superuser: str = "xgswc_admin"):
        self.database = database
        self.superuser = superuser
        self.password = secrets.token_urlsafe(18)
        self.host = "127.0.0.1"
        self.port = 0
        self.base: Optional[Path] = None
        self.user: Optional[str] = None
        self._running = False

    # -- lifecycle -------------------------------------------------------------
    def start(self) -> PgServer:
        for binary in ("initdb", "pg_ctl", "postgres"):
            if not (PG_BINDIR / binary).exists():
                raise PgServerError(
                    "PostgreSQL {1} is not installed ({0} missing): run `make deps` or "
                    "apt-get install postgresql-{1} postgresql-{1}-postgis-3".format(
                        PG_BINDIR / binary, PG_MAJOR
                    )
                )
        if not POSTGIS_CONTROL.exists():
            raise PgServerError(
                "PostGIS for PostgreSQL {0} is not installed: run `make "
                "deps` or apt-get install postgresql-{0}-postgis-3".format(PG_MAJOR)
            )
        self.user = _run_user()
        # as root, TMPDIR may be private to root: the server user must reach its folder
        parent = "/tmp" if self.user is not None else None
        self.base = Path(tempfile.mkdtemp(prefix="xgswc-pg-", dir=parent))
        data, sockets, pwfile = self.base / "data", self.base / "sock", self.base / "pw"
        sockets.mkdir()
        pwfile.write_text(self.password + "\n")
        os.chmod(pwfile, 0o600)
        if self.user is not None:
            shutil.chown(self.base, self.user)
            for path in (sockets, pwfile):
                shutil.chown(path, self.user)
        atexit.register(self.stop)
        self._stop_on_sigterm()
        self._call(
            [
                str(PG_BINDIR / "initdb"),
                "-D",
                str(data),
                "-U",
                self.superuser,
                "--pwfile",
                str(pwfile),
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        )
        pwfile.unlink()
        for _attempt in range(5):
            self.port = free_port()
            options = (
                "-p {0} -k {1} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off "
                "-c max_connections=60 -c shared_buffers=64MB".format(self.port, sockets)
            )
            result = self._call(
                [
                    str(PG_BINDIR / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(self.base / "server.log"),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "start",
                ],
                check=False,
            )
            if result.returncode == 0:
                self._running = True
                break
            time.sleep(0.2)  # the port was taken between probe and bind: try another
        else:
            raise PgServerError("PostgreSQL did not start:\n" + self.log_tail())
        self._create_database()
        return self

    def stop(self) -> None:
        if self.base is None:
            return
        if self._running:
            self._call(
                [
                    str(PG_BINDIR / "pg_ctl"),
                    "-D",
                    str(self.base / "data"),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ],
                check=False,
            )
            self._running = False
        shutil.rmtree(self.base, ignore_errors=True)
        self.base = None

    def _stop_on_sigterm(self) -> None:
        """A run ended by SIGTERM (a timeout) stops the server too: no orphan left."""
        if threading.current_thread() is not threading.main_thread():
            return
        previous = signal.getsignal(signal.SIGTERM)

        def handler(signum, frame):
            self.stop()
            if callable(previous):
                previous(signum, frame)
            else:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                os.kill(os.getpid(), signal.SIGTERM)

        signal.signal(signal.SIGTERM, handler)

    # -- connecting ------------------------------------------------------------
    def params(self, database: Optional[str] = None) -> dict:
        """psycopg2/libpq keyword arguments over TCP with the password."""
        return {
            "host": self.host,
            "port": self.port,
            "user": self.superuser,
            "password": self.password,
            "dbname": database or self.database,
        }

    def connect(self, database: Optional[str] = None):
        import psycopg2

        return psycopg2.connect(**self.params(database))

    def create_database(self, name: str) -> None:
        """Another database with PostGIS (e.g. for cross-database tests)."""
        from psycopg2 import sql

        admin = self.connect("postgres")
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        admin.close()
        connection = self.connect(name)
        with connection, connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        connection.close()

    def log_tail(self, lines: int = 30) -> str:
        log = self.base / "server.log" if self.base else None
        if log is None or not log.exists():
            return ""
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])

    # -- internals ---------------------------------------------------------------
    def _create_database(self) -> None:
        self.create_database(self.database)

    def _call(self, command: List[str], check: bool = True) -> subprocess.CompletedProcess:
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--"] + command
        result = subprocess.run(
            command, capture_output=True, text=True, cwd=str(self.base), stdin=subprocess.DEVNULL
        )
        if check and result.returncode != 0:
            raise PgServerError(
                "{0} failed ({1}):\n{2}\n{3}".format(
                    " ".join(command), result.returncode, result.stdout, result.stderr
                )
            )
        return result


if __name__ == "__main__":  # manual check: start, print, stop
    server = PgServer().start()
    with server.connect() as probe, probe.cursor() as cur:
        cur.execute("SELECT version(), postgis_full_version()")
        print(cur.fetchone())
    server.stop()
