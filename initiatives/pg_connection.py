"""Connections to PostgreSQL shaped like SQLite's for the shared SQL (`store_rows`),
and a few kept open between calls.

The shared SQL is written with `?` placeholders and reads rows by name or position;
`Connection` takes `?` for psycopg's `%s` and gives such rows. Opening a connection to a
server costs an authentication round (about 10 ms), and a page reads the store many
times: `Pool` keeps a few idle connections, checks one before handing it out again
(the server may have restarted), and never reuses one that failed.
"""
from __future__ import annotations

import functools
import os
import threading
from contextlib import contextmanager

import psycopg
from psycopg.pq import TransactionStatus

KEEP = 4   # idle connections kept per store


class Row:
    """A row read by column name or position, as `sqlite3.Row`."""

    __slots__ = ("_names", "_values")

    def __init__(self, values, names: dict[str, int]):
        self._values, self._names = values, names

    def __getitem__(self, key):
        return self._values[self._names[key] if isinstance(key, str) else key]

    def __iter__(self):
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        return list(self._names)


def _rows(cursor):
    names = {c.name: i for i, c in enumerate(cursor.description or ())}
    return lambda values: Row(values, names)


@functools.lru_cache(maxsize=512)
def _placeholders(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


class Connection:
    """The few methods of `sqlite3.Connection` the shared SQL uses."""

    arrays = True   # a list is passed as one array parameter (`store_rows.among`)

    def __init__(self, raw: psycopg.Connection):
        self.raw = raw

    def execute(self, sql: str, params=()):
        if not params:
            return self.raw.execute(sql)
        return self.raw.execute(_placeholders(sql), params)

    def executemany(self, sql: str, seq) -> None:
        with self.raw.cursor() as cur:
            cur.executemany(_placeholders(sql), list(seq))


class Pool:
    """Connections to one database, opened on demand, a few kept for the next call."""

    def __init__(self, url: str, connect_timeout: float):
        self.url, self.connect_timeout = url, connect_timeout
        self._idle: list[psycopg.Connection] = []
        self._lock = threading.Lock()
        self._pid = os.getpid()

    def _open(self) -> psycopg.Connection:
        raw = psycopg.connect(self.url, autocommit=True, client_encoding="utf8",
                              connect_timeout=max(1, round(self.connect_timeout)),
                              application_name="initiatives")
        raw.row_factory = _rows
        return raw

    def _take(self) -> psycopg.Connection | None:
        with self._lock:
            if self._pid != os.getpid():   # forked: the parent's connections are not ours
                self._idle, self._pid = [], os.getpid()
            while self._idle:
                raw = self._idle.pop()
                try:
                    raw.execute("SELECT 1")
                    return raw
                except psycopg.Error:
                    raw.close()
        return None

    @contextmanager
    def connection(self):
        """A connection in autocommit mode; kept afterwards only if it is sound and idle."""
        raw = self._take() or self._open()
        try:
            yield Connection(raw)
        finally:
            sound = not raw.closed and not raw.broken \
                and raw.info.transaction_status == TransactionStatus.IDLE
            with self._lock:
                if sound and len(self._idle) < KEEP and self._pid == os.getpid():
                    self._idle.append(raw)
                    raw = None
            if raw is not None:
                raw.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for raw in idle:
            raw.close()
