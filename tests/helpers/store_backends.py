"""The store's back ends as the tests see them: where a fresh store goes, and how to read
its tables directly (to prove that nothing changed) or poke them behind its back.

`STORE_BACKENDS` (default `sqlite,postgresql`) says which back ends the store tests run
on; `STORE_BACKENDS=sqlite` leaves PostgreSQL out. Otherwise a PostgreSQL server that
cannot be started fails the tests, with the reason.
"""
from __future__ import annotations

import itertools
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import psycopg

from tests.helpers import store_samples

NAMES = ("sqlite", "postgresql")


def selected() -> list[str]:
    wanted = [n.strip() for n in os.environ.get("STORE_BACKENDS", ",".join(NAMES)).split(",")
              if n.strip()]
    unknown = set(wanted) - set(NAMES)
    if unknown:
        raise ValueError(f"STORE_BACKENDS : {', '.join(sorted(unknown))} inconnu(s) ; "
                         f"valeurs admises : {', '.join(NAMES)}")
    return wanted


class SQLiteBackend:
    name = "sqlite"
    integrity_error = sqlite3.IntegrityError
    io_error = sqlite3.OperationalError("disk I/O error")

    def __init__(self, tmp_path: Path):
        self.tmp_path = tmp_path

    def location(self, name: str = "initiatives") -> Path:
        return self.tmp_path / f"{name}.sqlite"

    def snapshot(self, location) -> dict:
        return store_samples.snapshot(location)

    def exists(self, location) -> bool:
        return Path(location).exists()

    def query(self, location, sql: str) -> list[tuple]:
        with closing(sqlite3.connect(location)) as conn, conn:
            conn.execute("PRAGMA foreign_keys=ON")
            return [tuple(r) for r in conn.execute(sql)]

    def close(self) -> None:
        pass


class PostgresBackend:
    name = "postgresql"
    integrity_error = psycopg.IntegrityError
    io_error = psycopg.errors.IoError("could not write to file: Input/output error")
    _counter = itertools.count()

    def __init__(self, server):
        self.server, self.databases = server, []

    def location(self, name: str = "initiatives") -> str:
        """A new empty database on the test server, dropped after the test."""
        db = f"t{os.getpid()}_{next(self._counter)}_{name}"[:63]
        self.databases.append(db)
        return self.server.create_db(db)

    def _connect(self, location: str):
        return psycopg.connect(location, autocommit=True)

    def snapshot(self, location: str) -> dict:
        return store_samples.snapshot(location)

    def exists(self, location: str) -> bool:
        """A store is there (its tables), not merely an empty database."""
        with self._connect(location) as conn:
            return conn.execute("SELECT to_regclass('schema_version')").fetchone()[0] \
                is not None

    def query(self, location: str, sql: str) -> list[tuple]:
        with self._connect(location) as conn:
            cur = conn.execute(sql)
            return [tuple(r) for r in cur] if cur.description else []

    def close(self) -> None:
        for db in self.databases:
            self.server.drop_db(db)


def tables(backend, location) -> set[str]:
    """The names of a store's tables."""
    sql = ("SELECT name FROM sqlite_master WHERE type = 'table'" if backend.name == "sqlite"
           else "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return {r[0] for r in backend.query(location, sql)}
