"""Schema of the SQLite store: creation, version and migrations (used by
`sqlite_store.SQLiteStore`; the tables are `store_tables`, the row-level SQL `store_rows`).
"""
from __future__ import annotations

import sqlite3

from initiatives import store_tables
from initiatives.store_base import StoreError
from initiatives.store_tables import SCHEMA_VERSION

OBSERVATION_COLUMNS = ("id, initiative_id, release_id, as_of, item, value, unit, kind, approx,"
                       " sentence")  # those of version 1, copied by the migration
HISTORY = store_tables.history_ddl("sqlite")
DDL = store_tables.ddl("sqlite")


def observations_ddl(table: str = "observations") -> str:
    return store_tables.observations_ddl("sqlite", table)


def _statements(script: str) -> list[str]:
    """A script's statements, to run one by one in a transaction (`executescript`
    would commit first)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return out


def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    """Kinds `ordered` and `needed`, and the reason of each figure. SQLite cannot alter
    a CHECK constraint: build the new table, copy the rows with their ids, drop the old
    one and give the new one its name (nothing references observations)."""
    conn.execute(observations_ddl("observations_v2"))
    conn.execute(f"INSERT INTO observations_v2 ({OBSERVATION_COLUMNS})"
                 f" SELECT {OBSERVATION_COLUMNS} FROM observations")
    conn.execute("DROP TABLE observations")
    conn.execute("ALTER TABLE observations_v2 RENAME TO observations")
    conn.execute("CREATE INDEX IF NOT EXISTS observations_initiative"
                 " ON observations(initiative_id)")


def _migrate_2_to_3(conn: sqlite3.Connection) -> None:
    """A version per initiative, and `reviews` becomes `history`, which also records
    imports and deletions and who made each change: rows keep their ids, the person of
    an older row is unknown (empty), its action is read from its field."""
    conn.execute("ALTER TABLE initiatives ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    for statement in _statements(HISTORY):
        conn.execute(statement)
    conn.execute(
        "INSERT INTO history (id, initiative_id, release_id, action, field, old_value,"
        " new_value, status, version, person, at)"
        " SELECT id, initiative_id, NULL, CASE field WHEN 'création' THEN 'ajout'"
        " WHEN 'status' THEN 'relecture' ELSE 'correction' END, field, old_value,"
        " new_value, status, NULL, '', at FROM reviews")
    conn.execute("DROP TABLE reviews")


# version -> the step that brings a database of that version to the next one
MIGRATIONS = {1: _migrate_1_to_2, 2: _migrate_2_to_3}


def version(conn: sqlite3.Connection) -> int | None:
    """The schema version of a database; None for a new (empty) one."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                    " AND name = 'schema_version'").fetchone() is None:
        return None
    return conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]


def check(conn: sqlite3.Connection) -> None:
    """A database opened for reading only must already be of SCHEMA_VERSION (it cannot
    be created or migrated): else a French `StoreError`."""
    found = version(conn)
    if found is None:
        raise StoreError("Base de données vide, en lecture seule : elle ne peut pas être "
                         "créée. Rendez le fichier et son dossier modifiables.")
    if found > SCHEMA_VERSION:
        raise StoreError(f"Base créée par une version plus récente (schéma {found}).")
    if found < SCHEMA_VERSION:
        raise StoreError(f"Base d'une version plus ancienne (schéma {found}), en lecture "
                         "seule : elle ne peut pas être mise à jour. Rendez le fichier "
                         "modifiable puis relancez l'application.")


def create(conn: sqlite3.Connection) -> None:
    """Create the tables of a new database, or bring an older one to SCHEMA_VERSION;
    in one transaction either way, so a failed migration leaves the file as it was.
    A database already of SCHEMA_VERSION is only read (no write lock is taken)."""
    if version(conn) == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = version(conn)
        if found is None:
            for statement in _statements(DDL):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version) VALUES (?)",
                         (SCHEMA_VERSION,))
        elif found > SCHEMA_VERSION:
            raise StoreError(f"Base créée par une version plus récente (schéma {found}).")
        elif found < SCHEMA_VERSION:
            for step in range(found, SCHEMA_VERSION):
                MIGRATIONS[step](conn)
            conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # closing the connection rolls back what is left
        raise


def writable(conn: sqlite3.Connection) -> bool:
    """Whether the database can be written: a write tried and rolled back (nothing
    changes). A lock held by another writer means it can (they write it)."""
    conn.execute("PRAGMA busy_timeout = 100")
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE schema_version SET version = version")
        return True
    except sqlite3.OperationalError as exc:
        name = getattr(exc, "sqlite_errorname", "") or ""
        return not (name.startswith("SQLITE_READONLY") or "readonly" in str(exc))
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
