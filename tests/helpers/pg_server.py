"""A throw-away PostgreSQL server for the store tests: `initdb` in a temporary folder,
`pg_ctl start` on a free local port and a private socket folder, removed at the end.

Run as root, the server runs as the `postgres` system user (initdb refuses root; Debian's
package makes that user, `make postgres` too). Local socket connections are trusted;
TCP connections on 127.0.0.1 need a password (the authentication tests use them).
Nothing listens beyond this machine.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

import psycopg

SUPERUSER, PASSWORD = "postgres", "mot-de-passe-de-test"
SETTINGS = {   # a test server: fast and small, never durable
    "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
    "max_connections": "200", "shared_buffers": "32MB", "listen_addresses": "'127.0.0.1'",
    "lc_messages": "'C'",   # the fault mapping reads English server messages
}


class ServerError(RuntimeError):
    """The test server could not be started (the message says why and what to do)."""


def bin_dir() -> Path:
    """The server's programs: PG_BIN, else Debian's newest /usr/lib/postgresql/N/bin,
    else `initdb` on the PATH."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name)
                   if Path(p).parent.parent.name.isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    if shutil.which("initdb"):
        return Path(shutil.which("initdb")).parent
    raise ServerError("programmes du serveur PostgreSQL (initdb, pg_ctl) introuvables : "
                      "installez le paquet Debian postgresql (`make postgres`), ou donnez "
                      "leur dossier dans PG_BIN")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self):
        self.bin = bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="store-tests-pg-"))
        self.data, self.log = self.root / "data", self.root / "server.log"
        self.port = free_port()
        self.user = None
        if os.geteuid() == 0:
            try:
                self.user = pwd.getpwnam("postgres")
            except KeyError:
                raise ServerError("exécuté en root, le serveur doit tourner sous l'utilisateur "
                                  "système postgres, absent : installez le paquet postgresql "
                                  "ou créez-le (`make postgres`)") from None
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
        self.root.chmod(0o755)   # the socket folder, reachable by the test's processes

    def _run(self, *args: str, timeout: float = 120) -> None:
        run_as = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []} \
            if self.user else {}
        done = subprocess.run([str(self.bin / args[0]), *args[1:]], capture_output=True,
                              text=True, timeout=timeout, cwd=self.root, **run_as)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise ServerError(f"{args[0]} a échoué ({done.returncode}) : "
                              f"{(done.stderr or done.stdout).strip()[-2000:]}\n{log}")

    def start(self) -> PgServer:
        try:
            return self._start()
        except BaseException:
            self.stop()   # nothing left behind by a server that did not start
            raise

    def _start(self) -> PgServer:
        pwfile = self.root / "pw"
        pwfile.write_text(PASSWORD + "\n")
        if self.user:
            os.chown(pwfile, self.user.pw_uid, self.user.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "-E", "UTF8",
                  "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256",
                  f"--pwfile={pwfile}")
        pwfile.unlink()
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write("".join(f"{k} = {v}\n" for k, v in {
                **SETTINGS, "port": str(self.port),
                "unix_socket_directories": f"'{self.root}'"}.items()))
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                  "start")
        return self

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except (ServerError, OSError):
            pass   # a server that never started has nothing to stop
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    # --- addresses and databases ---------------------------------------------------------

    def url(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        """Through the private socket (trusted: no password)."""
        return (f"postgresql://{quote(user)}@/{quote(dbname)}"
                f"?host={quote(str(self.root))}&port={self.port}")

    def tcp_url(self, dbname: str, user: str = SUPERUSER, password: str = PASSWORD,
                port: int | None = None) -> str:
        """Over TCP on 127.0.0.1, where a password is asked for."""
        return (f"postgresql://{quote(user)}:{quote(password)}@127.0.0.1:"
                f"{port or self.port}/{quote(dbname)}")

    def admin(self, dbname: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(self.url(dbname), autocommit=True)

    def create_db(self, name: str) -> str:
        with self.admin() as conn:   # FILE_COPY (PostgreSQL 15+) is quicker for tiny ones
            strategy = " STRATEGY FILE_COPY" if conn.info.server_version >= 150000 else ""
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0{strategy}')
        return self.url(name)

    def drop_db(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
