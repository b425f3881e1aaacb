"""SQLite back end of the store: one file, every write in one transaction.

Each call opens its own connection (cheap with SQLite) so the store can be shared
by Streamlit's threads; writes take the lock up front (`BEGIN IMMEDIATE`) and
either commit as a whole or roll back as a whole. A writable store is kept in WAL
mode: readers never wait for a writer, nor a writer for readers; writers wait for
each other up to `BUSY_TIMEOUT`. The writes and reads themselves are `sql_store`'s,
shared with the PostgreSQL back end.
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from initiatives import sqlite_schema as schema
from initiatives.sql_store import NOTHING_CHANGED, SQLStore
from initiatives.store_base import (
    StoreBusy,
    StoreCorrupt,
    StoreError,
    StoreFault,
    StoreFull,
    StoreMissing,
    StoreReadOnly,
)

BUSY_TIMEOUT = 10.0  # seconds a write waits for another writer's lock before giving up


def read_only_message(path: Path) -> str:
    return (f"Base de données en lecture seule ({path}) : les modifications sont "
            "désactivées (import, relecture, correction, ajout, suppression) ; la "
            "consultation et les exports restent possibles. Rendez le fichier et son dossier "
            "modifiables puis relancez l'application pour modifier.")


def fault(exc: sqlite3.Error, path: Path) -> StoreError:
    """A French `StoreFault` naming the real cause of an SQLite error (locked, read-only,
    full, missing, damaged); the caller's transaction has been rolled back."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return StoreBusy(
            f"Base de données occupée : une autre opération (une autre personne ou un autre "
            f"programme) la verrouille en écriture ({path}). {NOTHING_CHANGED} Réessayez "
            "dans un instant.")
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return StoreReadOnly(read_only_message(path) + " " + NOTHING_CHANGED)
    if name == "SQLITE_FULL" or "disk is full" in text:
        return StoreFull(
            f"Disque plein : l'enregistrement n'a pas pu se faire ({path}). "
            f"{NOTHING_CHANGED} Libérez de la place sur le disque puis réessayez.")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        if not path.exists():
            return StoreMissing(
                f"Base de données introuvable : le fichier {path} a été supprimé ou déplacé. "
                "Restaurez-le, ou relancez l'application pour la recréer à partir du jeu de "
                "données initial.")
        return StoreReadOnly(
            f"Base de données impossible à ouvrir ({path}) : vérifiez les droits d'accès "
            "au fichier et à son dossier.")
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or name.startswith("SQLITE_CORRUPT") \
            or "not a database" in text or "malformed" in text:
        return StoreCorrupt(
            f"Base de données endommagée ou qui n'est pas une base SQLite ({path}). "
            "Restaurez une sauvegarde, ou mettez ce fichier de côté (renommez-le) et "
            "relancez l'application pour repartir du jeu de données initial.")
    if name.startswith("SQLITE_IOERR") or "disk I/O" in text:
        if not path.exists():
            return fault(sqlite3.OperationalError("unable to open database file"), path)
        return StoreFault(f"Erreur de lecture ou d'écriture sur le disque ({path}) : {text}. "
                          f"{NOTHING_CHANGED}")
    if "no such table" in text or "no such column" in text:
        return StoreCorrupt(
            f"Base de données incomplète ({path}) : {text}. Restaurez une sauvegarde, ou "
            "mettez ce fichier de côté et relancez l'application pour repartir du jeu de "
            "données initial.")
    return StoreFault(f"Erreur de la base de données ({path}) : {text}. {NOTHING_CHANGED}")


class SQLiteStore(SQLStore):
    """`read_only` is True when the file cannot be written (opened with `mode=ro`):
    reads work, every write raises `StoreReadOnly`. `timeout`: seconds a write waits
    for another writer's lock (then `StoreBusy`)."""

    def __init__(self, path: str | Path, timeout: float = BUSY_TIMEOUT):
        self.path = Path(path)
        self.timeout = timeout
        self.read_only = False
        self.immutable = False    # read-only and its folder too: read as a fixed file
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # a read-only place: opening says what is wrong
        try:
            with self._connect(create=True) as conn:
                schema.create(conn)
                writable = schema.writable(conn) and os.access(self.path.parent, os.W_OK)
        except StoreMissing as exc:   # never there: it could not be made
            raise StoreReadOnly(f"Base de données impossible à créer ({self.path}) : son "
                                "dossier n'existe pas ou n'est pas modifiable.") from exc
        except StoreReadOnly:
            if not self.path.exists() or self.path.stat().st_size == 0:
                raise
            writable = False
        if writable:
            self._wal()
        else:
            # the file cannot be written: read it without any write lock (`mode=ro`)
            self.read_only = True
            try:
                with self._connect() as conn:
                    schema.check(conn)
            except StoreReadOnly:
                # a WAL file whose folder is read-only: its shared-memory index cannot
                # be made, so it is read as a file nobody changes (`immutable`)
                self.immutable = True
                with self._connect() as conn:
                    schema.check(conn)

    def __repr__(self) -> str:
        return f"SQLiteStore({str(self.path)!r})"

    # --- connections and transactions ------------------------------------------------

    def _wal(self) -> None:
        """WAL journal (kept in the file): readers and the writer do not block each other.
        Where the file system cannot share memory (some network drives) SQLite keeps its
        rollback journal, which is correct, only less concurrent."""
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")

    def _uri(self, create: bool) -> str:
        mode = "ro" if self.read_only else ("rwc" if create else "rw")
        fixed = "&immutable=1" if self.immutable else ""
        return f"file:{quote(str(self.path.absolute()))}?mode={mode}{fixed}"

    @contextmanager
    def _connect(self, create: bool = False):
        """A connection; an SQLite error inside becomes a French `StoreFault`. Only the
        first opening may create the file: a file deleted while the app runs is said
        missing, never silently replaced by an empty one."""
        try:
            conn = sqlite3.connect(self._uri(create), uri=True, timeout=self.timeout,
                                   isolation_level=None)
        except sqlite3.Error as exc:
            raise fault(exc, self.path) from exc
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys=ON")
            self._configure(conn)
            yield conn
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"Écriture refusée par la base : {exc}.") from exc
        except sqlite3.Error as exc:
            raise fault(exc, self.path) from exc
        finally:
            conn.close()

    def _configure(self, conn: sqlite3.Connection) -> None:
        """Per-connection settings (tests limit the size here to simulate a full disk)."""

    @contextmanager
    def _tx(self):
        """One transaction: everything written inside commits together or not at all.
        A fault (full disk, lock, read-only) rolls it back whole, even when SQLite has
        already ended the transaction itself."""
        if self.read_only:
            raise StoreReadOnly(read_only_message(self.path))
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    try:
                        conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass  # closing the connection rolls back what is left
                raise

    @contextmanager
    def _read(self, consistent: bool = False):
        """A connection for reads; `consistent`: in one read transaction."""
        with self._connect() as conn:
            if not consistent:
                yield conn
                return
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")

    def data_version(self) -> tuple:
        """A token that changes whenever the data changes, read in constant time: every
        write through the store leaves a history row, and rows added get new rowids.
        Readers cache on it (`metrics`)."""
        with self._connect() as conn:
            return (str(self.path), *conn.execute(
                "SELECT (SELECT max(id) FROM history), (SELECT max(id) FROM initiatives),"
                " (SELECT max(rowid) FROM observations), (SELECT max(rowid) FROM mentions),"
                " (SELECT max(rowid) FROM places), (SELECT max(rowid) FROM releases)"
            ).fetchone())
