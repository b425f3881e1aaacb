"""The store of releases, initiatives and their sourced observations.

`Store` is the interface the app codes against, so that a PostgreSQL back end
could replace SQLite later; `SQLiteStore` (in `sqlite_store.py`) is the default.
The interface, `StoreError` and the validation every back end shares live in
`store_base.py` (below the back ends and the seed) and are re-exported here: bad
input raises `StoreError` with a French message and the store is left unchanged.
Every write records who made it (`history`); a correction based on an older version
of an initiative raises `VersionConflict`.
"""
from __future__ import annotations

from pathlib import Path

import config
from initiatives.seed import load_seed_into
from initiatives.sqlite_store import SQLiteStore
from initiatives.store_base import (
    EDITABLE_FIELDS,
    MANUAL_SOURCE,
    MAX_TEXT,
    REVIEWED_REASON,
    Mention,
    Store,
    StoreError,
    VersionConflict,
    check_fields,
    check_initiative,
    check_person,
    check_places,
    check_quantities,
    check_release,
    check_status,
)

__all__ = ["EDITABLE_FIELDS", "MANUAL_SOURCE", "MAX_TEXT", "REVIEWED_REASON", "Mention",
           "SQLiteStore", "Store", "StoreError", "VersionConflict", "check_fields",
           "check_initiative", "check_person", "check_places", "check_quantities",
           "check_release", "check_status", "open_store"]


def open_store(path: str | Path | None = None,
               seed: str | Path | None = config.SEED_PATH) -> SQLiteStore:
    """Open the SQLite store; a new database is filled from the seed, if there is one.

    A seed of another département is not loaded (the app would show foreign data).
    """
    path = Path(path) if path else config.initiatives_db()
    new = not path.exists() or path.stat().st_size == 0
    store = SQLiteStore(path)
    if new and seed and Path(seed).exists():
        try:
            load_seed_into(store, seed, dep=config.departement())
        except Exception:
            # leave no half-made database behind: the next run retries the seed
            path.unlink(missing_ok=True)
            raise
    return store
