"""The store of releases, initiatives and their sourced observations.

`Store` is the interface the app codes against. `SQLiteStore` (in `sqlite_store.py`,
one file) is the default; `PostgresStore` (in `pg_store.py`) serves a shared server,
chosen by a `postgresql://` address.
The interface, `StoreError` and the validation every back end shares live in
`store_base.py` (below the back ends and the seed) and are re-exported here: bad
input raises `StoreError` with a French message and the store is left unchanged.
Every write records who made it (`history`); a correction based on an older version
of an initiative raises `VersionConflict`.
"""
from __future__ import annotations

import os
import re
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
    StoreBusy,
    StoreCorrupt,
    StoreDenied,
    StoreError,
    StoreFault,
    StoreFull,
    StoreMissing,
    StoreReadOnly,
    StoreUnreachable,
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
           "SQLiteStore", "Store", "StoreBusy", "StoreCorrupt", "StoreDenied", "StoreError",
           "StoreFault", "StoreFull", "StoreMissing", "StoreReadOnly", "StoreUnreachable",
           "VersionConflict", "check_fields",
           "check_initiative", "check_person", "check_places", "check_quantities",
           "check_release", "check_status", "open_store"]


def open_store(path: str | Path | None = None,
               seed: str | Path | None = config.SEED_PATH) -> Store:
    """Open the store at `path` (default INITIATIVES_DB): an SQLite file, or a PostgreSQL
    database for a `postgresql://` address. A new store is filled from the seed, if there
    is one; a seed of another département is not loaded (the app would show foreign data).

    SQLite: the seed is loaded into a temporary file beside the store, which takes the
    store's name only once complete (a hard link, which never replaces a file another
    process made meanwhile): a start interrupted while loading (killed, power cut, full
    disk) leaves no store, and the next start loads the seed again. PostgreSQL: the tables
    and the seed are written in one transaction (`pg_store`), with the same outcome.
    """
    where = path or config.initiatives_db()
    if config.is_server(where):
        return _open_server(where, seed)
    path = Path(where)
    new = not path.exists() or path.stat().st_size == 0
    if new and seed and Path(seed).exists():
        _build_from_seed(path, Path(seed))
    return SQLiteStore(path)


def _open_server(url: str, seed: str | Path | None):
    from initiatives.pg_store import PostgresStore  # psycopg is loaded only when used

    def fill(store) -> None:
        load_seed_into(store, seed, dep=_seed_departement())
    return PostgresStore(url, on_create=fill if seed and Path(seed).exists() else None)


SEEDING = ".seed-{pid}.tmp"   # suffix of a store being built from the seed
JOURNALS = ("-journal", "-wal", "-shm")   # files SQLite keeps beside a database


def _seed_departement() -> str | None:
    """The département a seed must be of; national mode keeps every département's seed
    (its places are in France)."""
    return None if config.is_national() else config.departement()


def _build_from_seed(path: Path, seed: Path) -> None:
    tmp = path.with_name(path.name + SEEDING.format(pid=os.getpid()))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _clear_leftovers(path)
        for leftover in (tmp, *(tmp.with_name(tmp.name + end) for end in JOURNALS)):
            leftover.unlink(missing_ok=True)
        load_seed_into(SQLiteStore(tmp), seed, dep=_seed_departement())
        if path.exists() and path.stat().st_size == 0:
            path.unlink(missing_ok=True)   # an empty file left by an older version
        try:
            os.link(tmp, path)             # atomic, and never over another's store
        except FileExistsError:
            pass                           # another process built it first: use theirs
        except OSError:                    # no hard links here: an atomic rename
            if not path.exists():
                os.replace(tmp, path)
    except OSError as exc:
        raise StoreFault(f"Création de la base impossible ({path}) : {exc.strerror or exc}. "
                         "Rien n'a été créé ; la prochaine ouverture recommencera.") from exc
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def _clear_leftovers(path: Path) -> None:
    """Remove what an interrupted start left: a temporary store whose process is gone."""
    pattern = re.compile(re.escape(path.name) + r"\.seed-(\d+)\.tmp(?:-journal|-wal|-shm)?$")
    for other in path.parent.glob(path.name + ".seed-*.tmp*"):
        match = pattern.match(other.name)
        if match and not _alive(int(match.group(1))):
            other.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
