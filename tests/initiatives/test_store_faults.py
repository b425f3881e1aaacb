"""Faults said plainly (issue 14, item 5): a locked, full, deleted, damaged or read-only
database, and a first start interrupted while loading the seed, each end in a French
message naming the cause, never a traceback, and never a half-written store.

Real SQLite files in tmp_path; the lock is held by a real second process; the full disk
is a size limit of the database (`PRAGMA max_page_count`) and, where the test may mount
one, a real tiny tmpfs; the read-only file is read by an unprivileged process.
"""
from __future__ import annotations

import gc
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from initiatives.model import Release
from initiatives.seed import dump_store
from initiatives.sqlite_store import SQLiteStore
from initiatives.store import (
    StoreBusy,
    StoreCorrupt,
    StoreError,
    StoreFull,
    StoreMissing,
    StoreReadOnly,
    open_store,
)
from tests.helpers.store_samples import N7, N8, commune, fill, initiative, n7, n8, snapshot

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "initiatives.sqlite"
    store = open_store(p, seed=None)
    store.ingest(N7, n7())
    return p


def marck(store) -> int:
    return next(i.id for i in store.initiatives() if i.actor == "Ville de Marck")


def big_release(n: int = 400) -> tuple[Release, list]:
    rel = Release(title="Communiqué très long", number=99, date=N8.date, source="long.txt",
                  body="x" * 100_000)
    inis = [initiative(rel, f"Association numéro {k}", commune("62193", "Calais"),
                       actor_type="association", excerpt="y" * 2_000) for k in range(n)]
    return rel, inis


# --- a lock held by another process --------------------------------------------------

LOCKER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    if sys.argv[2] == "FILE":     # the whole file, readers included, as some tools take it
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
    conn.execute("BEGIN " + sys.argv[2].replace("FILE", "EXCLUSIVE"))
    conn.execute("UPDATE schema_version SET version = version")
    print("locked", flush=True)
    sys.stdin.read()          # hold the lock until the test closes our input
    conn.execute("ROLLBACK")
""")


class Locker:
    """A second process holding a write lock (`IMMEDIATE`, `EXCLUSIVE`: writers wait,
    readers read, the store being in WAL mode; `FILE`: the file locked for itself,
    everyone waits) until `release()`."""

    def __init__(self, path: Path, how: str = "IMMEDIATE"):
        self.proc = subprocess.Popen([PYTHON, "-c", LOCKER, str(path), how],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "locked"

    def release(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def test_a_write_while_another_process_holds_the_lock_says_busy_and_changes_nothing(path):
    before = snapshot(path)
    locker = Locker(path)
    try:
        store = SQLiteStore(path, timeout=0.2)   # opening needs no write lock
        assert not store.read_only
        assert len(store.initiatives()) == 3     # reading still works meanwhile
        for write in (lambda: store.update(marck(store), actor="Mairie de Marck"),
                      lambda: store.ingest(N8, n8()),
                      lambda: store.delete_release(N7.id)):
            with pytest.raises(StoreBusy) as caught:
                write()
            message = str(caught.value)
            assert "occupée" in message and "verrouille" in message
            assert "Réessayez" in message and "Rien n'a été modifié" in message
            assert "illisible" not in message
    finally:
        locker.release()
    assert snapshot(path) == before
    # once the lock is gone, the same write goes through
    store.update(marck(store), actor="Mairie de Marck")
    assert snapshot(path) != before


def test_readers_never_wait_for_a_writer(path):
    store = SQLiteStore(path, timeout=0.2)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    locker = Locker(path, "EXCLUSIVE")
    try:
        assert len(store.initiatives()) == 3
        assert not SQLiteStore(path, timeout=0.2).read_only
    finally:
        locker.release()


def test_reading_while_another_process_locks_the_whole_file_says_busy(path):
    store = SQLiteStore(path, timeout=0.2)
    locker = Locker(path, "FILE")
    try:
        with pytest.raises(StoreBusy, match="occupée"):
            store.initiatives()
        with pytest.raises(StoreBusy, match="occupée"):
            SQLiteStore(path, timeout=0.2)
    finally:
        locker.release()
    assert len(store.initiatives()) == 3


# --- a full disk ---------------------------------------------------------------------

class SmallDisk(SQLiteStore):
    """A store whose file may not grow past its current size plus `room` pages."""

    room = 2

    def _configure(self, conn):
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + self.room}")


def test_a_full_disk_rolls_the_write_back_whole_with_a_french_message(path):
    before = snapshot(path)
    store = SmallDisk(path)
    rel, inis = big_release()
    with pytest.raises(StoreFull) as caught:
        store.ingest(rel, inis)
    message = str(caught.value)
    assert message.startswith("Disque plein") and "Rien n'a été modifié" in message
    assert "cannot rollback" not in message and "no transaction" not in message
    assert snapshot(path) == before
    # the store is still whole and usable
    again = SQLiteStore(path)
    assert again.ingest(N8, n8())["updated"] == 1


def _seed_of_a_filled_store(tmp_path: Path):
    """A seed file dumped from a store holding the sample releases, and that store."""
    seed = tmp_path / "seed.json"
    reference = open_store(tmp_path / "ref.sqlite", seed=None)
    fill(reference)
    dump_store(reference, seed)
    return seed, reference


def _mount_tmpfs(where: Path, size: str) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True)
    return done.returncode == 0


def _unmount(where: Path) -> None:
    gc.collect()   # connections left open by snapshots keep the mount busy
    if subprocess.run(["umount", str(where)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(where)], check=True)


@pytest.fixture
def tiny_disk(tmp_path):
    where = tmp_path / "disk"
    if not _mount_tmpfs(where, "600k"):
        pytest.skip("no tmpfs can be mounted here (needs root)")
    yield where
    _unmount(where)


def test_a_really_full_disk_rolls_back_and_the_store_stays_whole(path, tiny_disk):
    db = tiny_disk / "initiatives.sqlite"
    shutil.copy(path, db)
    before = snapshot(db)
    free = shutil.disk_usage(tiny_disk).free
    (tiny_disk / "filler").write_bytes(b"\0" * max(free - 12_000, 0))
    store = SQLiteStore(db)
    rel, inis = big_release()
    with pytest.raises(StoreFull, match="Disque plein"):
        store.ingest(rel, inis)
    assert snapshot(db) == before
    assert not (tiny_disk / "initiatives.sqlite-journal").exists()
    (tiny_disk / "filler").unlink()
    assert store.ingest(N8, n8())["updated"] == 1


def test_a_first_start_on_a_full_disk_leaves_no_store_and_the_next_one_builds_it(
        tmp_path, tiny_disk):
    seed, reference = _seed_of_a_filled_store(tmp_path)
    (tiny_disk / "filler").write_bytes(b"\0" * (shutil.disk_usage(tiny_disk).free - 20_000))
    db = tiny_disk / "initiatives.sqlite"
    with pytest.raises(StoreError, match="Disque plein|Création de la base impossible"):
        open_store(db, seed=seed)
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler"]
    (tiny_disk / "filler").unlink()
    store = open_store(db, seed=seed)
    assert len(store.initiatives()) == len(reference.initiatives())


# --- a file deleted, or damaged, while the app runs -----------------------------------

def test_a_file_deleted_while_running_is_said_missing_and_not_silently_recreated(path):
    store = SQLiteStore(path)
    iid = marck(store)
    path.unlink()
    for call in (store.initiatives, store.releases, lambda: store.get(iid),
                 lambda: store.update(iid, actor="Mairie de Marck"),
                 lambda: store.ingest(N8, n8())):
        with pytest.raises(StoreMissing) as caught:
            call()
        assert "introuvable" in str(caught.value) and "supprimé" in str(caught.value)
    assert not path.exists()   # never an empty database in its place


def test_a_deleted_store_is_rebuilt_from_the_seed_at_the_next_start(tmp_path):
    seed, reference = _seed_of_a_filled_store(tmp_path)
    db = tmp_path / "db.sqlite"
    open_store(db, seed=seed)
    db.unlink()
    assert len(open_store(db, seed=seed).initiatives()) == len(reference.initiatives())


def test_a_store_that_cannot_be_made_says_so(tmp_path):
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(StoreReadOnly, match="impossible à créer"):
        open_store(tmp_path / "a-file" / "db.sqlite", seed=None)
    with pytest.raises(StoreError, match="Création de la base impossible"):
        open_store(tmp_path / "a-file" / "db.sqlite")   # from the seed


def test_garbage_bytes_are_said_damaged_and_the_file_is_left_as_it_is(tmp_path):
    bad = tmp_path / "bad.sqlite"
    garbage = bytes(range(256)) * 64
    bad.write_bytes(garbage)
    with pytest.raises(StoreCorrupt) as caught:
        open_store(bad)   # with the default seed: never loaded over a damaged file
    message = str(caught.value)
    assert "endommagée" in message and "Restaurez une sauvegarde" in message
    assert bad.read_bytes() == garbage


def test_a_file_damaged_while_running_is_said_damaged(path):
    store = SQLiteStore(path)
    data = bytearray(path.read_bytes())
    data[:100] = b"\xff" * 100   # the header, and every page past it
    data[4096:] = b"\x13" * (len(data) - 4096)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreCorrupt, match="endommagée"):
        store.initiatives()
    with pytest.raises(StoreCorrupt, match="endommagée"):
        store.update(1, actor="x")


# --- a read-only file ----------------------------------------------------------------

def read_everything(db: Path) -> dict:
    """Open a store, read it, and try every kind of write (each error kept)."""
    store = open_store(db, seed=None)
    out = {"read_only": store.read_only,
           "actors": sorted(i.actor for i in store.initiatives()),
           "releases": [r.id for r in store.releases()], "errors": []}
    iid = store.initiatives()[0].id
    for write in (lambda: store.update(iid, actor="Autre"),
                  lambda: store.set_status(iid, "vérifié"),
                  lambda: store.ingest(N8, n8()),
                  lambda: store.delete_release(out["releases"][0])):
        try:
            write()
            out["errors"].append(None)
        except StoreError as exc:
            out["errors"].append((type(exc).__name__, str(exc)))
    return out


@pytest.fixture
def read_only_dir(tmp_path):
    """`make(file_only)`: a folder holding a copy of the store that cannot be written.
    Root writes any file whatever its mode, so as root the folder is a read-only bind
    mount (a read-only file system); otherwise the file (or the folder) loses its
    write permission."""
    where, mounted = tmp_path / "ro", []

    def make(source: Path, file_only: bool) -> Path:
        where.mkdir()
        db = where / "initiatives.sqlite"
        shutil.copy(source, db)
        if os.geteuid() == 0:
            for cmd in (["mount", "--bind", str(where), str(where)],
                        ["mount", "-o", "remount,bind,ro", str(where)]):
                if subprocess.run(cmd, capture_output=True).returncode != 0:
                    pytest.skip("no read-only mount can be made here")
            mounted.append(where)
        elif file_only:
            db.chmod(0o444)
        else:
            where.chmod(0o555)
        return db

    yield make
    if mounted:
        _unmount(where)
    elif where.exists():
        where.chmod(0o755)


@pytest.mark.parametrize("file_only", [True, False], ids=["file", "folder"])
def test_a_read_only_store_is_read_with_edits_disabled(path, read_only_dir, file_only):
    db = read_only_dir(path, file_only)
    before = snapshot(db)
    out = read_everything(db)
    assert out["read_only"] is True
    assert out["actors"] == sorted(i.actor for i in SQLiteStore(path).initiatives())
    for error in out["errors"]:
        assert error is not None and error[0] == "StoreReadOnly"
        assert "lecture seule" in error[1] and "désactivées" in error[1]
    assert snapshot(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["initiatives.sqlite"]


def test_read_only_store_refuses_every_write_before_touching_it(path):
    store = SQLiteStore(path)
    store.read_only = True     # as opened on a read-only file
    with pytest.raises(StoreReadOnly, match="lecture seule"):
        store.ingest(N8, n8())
    with pytest.raises(StoreReadOnly):
        store.add_manual(initiative(N8, "Autre", commune("62193", "Calais")))


# --- a first start interrupted while loading the seed ----------------------------------

INTERRUPTED = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, sys.argv[3])
    from initiatives.sqlite_store import SQLiteStore
    from initiatives.store import open_store
    real, calls = SQLiteStore.ingest, []
    def ingest(self, *args, **kwargs):
        out = real(self, *args, **kwargs)
        calls.append(1)
        if len(calls) == 2:     # killed half-way through the seed
            os.kill(os.getpid(), signal.SIGKILL)
        return out
    SQLiteStore.ingest = ingest
    open_store(sys.argv[1], seed=sys.argv[2])
""")


def test_a_first_start_killed_while_loading_the_seed_leaves_no_store(tmp_path):
    seed, reference = _seed_of_a_filled_store(tmp_path)
    assert len(reference.releases()) >= 3
    db = tmp_path / "db" / "initiatives.sqlite"
    done = subprocess.run([PYTHON, "-c", INTERRUPTED, str(db), str(seed), str(ROOT)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert not db.exists()    # what was loaded is in a temporary file only
    leftovers = [p.name for p in db.parent.iterdir()]
    assert leftovers and all(".seed-" in name for name in leftovers)
    # the next start loads the whole seed, and clears what the killed one left
    store = open_store(db, seed=seed)
    assert len(store.initiatives()) == len(reference.initiatives())
    assert len(store.releases()) == len(reference.releases())
    assert [p.name for p in db.parent.iterdir()] == ["initiatives.sqlite"]


def test_an_empty_file_left_by_an_older_start_is_filled_from_the_seed(tmp_path):
    seed, reference = _seed_of_a_filled_store(tmp_path)
    db = tmp_path / "db.sqlite"
    db.write_bytes(b"")
    assert len(open_store(db, seed=seed).initiatives()) == len(reference.initiatives())
