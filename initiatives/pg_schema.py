"""Schema of the PostgreSQL store: the tables of `store_tables`, created in the caller's
transaction (under the write lock, so two processes starting at once create them once).

PostgreSQL stores start at the current schema version; a future version will bring its
migrations here as SQLite's are in `sqlite_schema`.
"""
from __future__ import annotations

from initiatives import store_tables
from initiatives.store_base import StoreError
from initiatives.store_tables import SCHEMA_VERSION


def version(conn) -> int | None:
    """The schema version of a database; None for a new (empty) one."""
    if conn.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None:
        return None
    return conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]


def check(found: int | None) -> None:
    if found is not None and found > SCHEMA_VERSION:
        raise StoreError(f"Base créée par une version plus récente (schéma {found}).")
    if found is not None and found < SCHEMA_VERSION:
        raise StoreError(f"Base d'une version plus ancienne (schéma {found}) que "
                         "l'application ne sait pas mettre à jour.")


def create(conn) -> bool:
    """Create the tables of a new database (True), or check an existing one (False)."""
    found = version(conn)
    check(found)
    if found is not None:
        return False
    conn.execute(store_tables.ddl("postgresql"))
    conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
    return True


def read_only(conn) -> bool:
    """Whether writes will be refused: a read-only server or database (a standby, or
    `default_transaction_read_only`), or a user without the right to write."""
    return bool(conn.execute(
        "SELECT pg_is_in_recovery() OR current_setting('default_transaction_read_only') = 'on'"
        " OR NOT has_table_privilege('history', 'INSERT')"
        " OR NOT has_table_privilege('initiatives', 'UPDATE')").fetchone()[0])
