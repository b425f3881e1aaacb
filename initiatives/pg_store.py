"""PostgreSQL back end of the store, for a server shared by several posts
(`INITIATIVES_DB=postgresql://…`). Same behaviour as the SQLite one: the writes and
reads are `sql_store`'s, on the same tables (`store_tables`).

Writers run one after the other, as SQLite's do: each write transaction first takes a
transaction-level advisory lock (`WRITE_LOCK`), waiting up to `timeout` (then
`StoreBusy`), so that a version read inside is the latest and no two writers give the
same new id. Readers never wait: each read is one snapshot (`REPEATABLE READ`). A new
database gets its tables, and the seed (`on_create`), in one transaction under that
lock: two processes starting at once load it exactly once, and a failure leaves the
database empty for the next start.
"""
from __future__ import annotations

from contextlib import contextmanager

import psycopg

from initiatives import pg_schema
from initiatives.pg_connection import Pool
from initiatives.pg_faults import describe, fault, read_only_message
from initiatives.sql_store import SQLStore
from initiatives.store_base import StoreError, StoreReadOnly
from initiatives.store_tables import SCHEMA_VERSION

BUSY_TIMEOUT = 10.0     # seconds a write waits for another writer before giving up
OPENING_TIMEOUT = 120.0  # seconds a start waits for another one creating the tables
WRITE_LOCK = 0x696E_6974_6961_7469   # advisory lock key of the store's writers ("initiati")


class PostgresStore(SQLStore):
    """`read_only` is True when the server or the user may not write: reads work, every
    write raises `StoreReadOnly`. `on_create(store)` fills a new database (the seed)."""

    def __init__(self, url: str, timeout: float = BUSY_TIMEOUT, on_create=None):
        self.url, self.timeout, self.read_only = url, timeout, False
        self.where = describe(url)
        self._held = None   # the transaction every call joins while the store is filled
        self._pool = Pool(url, connect_timeout=timeout)
        with self._read() as conn:
            found = pg_schema.version(conn)
        if found != SCHEMA_VERSION:
            pg_schema.check(found)
            with self._tx(wait=OPENING_TIMEOUT) as conn:
                if pg_schema.create(conn) and on_create is not None:
                    self._held = conn
                    try:
                        on_create(self)
                    finally:
                        self._held = None
        with self._read() as conn:
            self.read_only = pg_schema.read_only(conn)

    def __repr__(self) -> str:
        return f"PostgresStore({self.where!r})"

    def close(self) -> None:
        self._pool.close()

    # --- connections and transactions ------------------------------------------------

    @contextmanager
    def _connection(self):
        """A pooled connection; a PostgreSQL error inside becomes a French `StoreFault`."""
        try:
            with self._pool.connection() as conn:
                yield conn
        except psycopg.IntegrityError as exc:
            raise StoreError(f"Écriture refusée par la base : {exc}.") from exc
        except psycopg.Error as exc:
            raise fault(exc, self.where) from exc

    @contextmanager
    def _tx(self, wait: float | None = None):
        """One write transaction, the writers' lock taken first (see the module)."""
        if self._held is not None:
            yield self._held
            return
        if self.read_only:
            raise StoreReadOnly(read_only_message(self.where))
        with self._connection() as conn, conn.raw.transaction():
            conn.execute("SELECT set_config('lock_timeout', ?, true)",
                         (f"{round((wait or self.timeout) * 1000)}ms",))
            conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
            yield conn

    @contextmanager
    def _read(self, consistent: bool = False):
        """Reads in one snapshot of the data (always: it costs nothing here)."""
        if self._held is not None:
            yield self._held
            return
        with self._connection() as conn, conn.raw.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield conn

    def data_version(self) -> tuple:
        """A token that changes whenever another process (or this one) writes: every write
        leaves a history row, and writers take their ids one after the other."""
        with self._read() as conn:
            return (self.where, *conn.execute(
                "SELECT (SELECT max(id) FROM history), (SELECT max(id) FROM initiatives),"
                " (SELECT max(id) FROM observations)").fetchone())
