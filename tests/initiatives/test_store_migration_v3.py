"""Schema version 2 to 3 on a real version 2 file: `tests/data/store/store_v2.sqlite`
was made by the store at schema version 2 (commit 045d6a0) from the reviewed seed,
then reviewed through it: initiative 2 rejected and renamed « Arpeije (corrigé) »,
Ville de Marck (27) with its target turned into a weekly rate, « Épicerie solidaire de
Lens » (35) added by hand. History, never to be rebuilt; each test works on a copy.

Version 3 gives each initiative a version and turns `reviews` into `history`, which
records who made each change."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from initiatives import history, sqlite_schema
from initiatives.metrics import totals
from initiatives.store import StoreError, VersionConflict, open_store

V2_FILE = Path(__file__).resolve().parents[1] / "data" / "store" / "store_v2.sqlite"
KEPT = ("releases", "initiative_keys", "mentions", "places", "observations")


def rows(path, table: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return sorted(map(tuple, conn.execute(f"SELECT * FROM {table}")))


def tables(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def schema_version(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]


@pytest.fixture
def v2(tmp_path):
    path = tmp_path / "store.sqlite"
    shutil.copy(V2_FILE, path)
    assert schema_version(path) == 2 and "reviews" in tables(path)
    return path


def test_the_v2_file_opens_as_v3_with_every_row_kept(v2):
    kept = {t: rows(v2, t) for t in KEPT}
    initiatives, reviews = rows(v2, "initiatives"), rows(v2, "reviews")
    assert len(initiatives) == 35 and len(reviews) == 4
    store = open_store(v2, seed=None)
    assert schema_version(v2) == sqlite_schema.SCHEMA_VERSION == 3
    assert "reviews" not in tables(v2) and "history" in tables(v2)
    assert {t: rows(v2, t) for t in KEPT} == kept
    assert rows(v2, "initiatives") == [(*r, 1) for r in initiatives]  # each at version 1
    # each review is in the history under its id, its action read from its field
    assert [(c.id, c.initiative_id, c.status, c.field, c.old, c.new, c.at)
            for c in store.history()] == [r[:7] for r in reviews]
    assert [(c.action, c.person, c.version) for c in store.history()] == [
        ("relecture", "", None), ("correction", "", None), ("correction", "", None),
        ("ajout", "", None)]
    assert [r["field"] for r in store.reviews(2)] == ["status", "actor"]
    # the figures read as before
    assert store.get(2).status == "rejeté" and store.get(2).actor == "Arpeije (corrigé)"
    marck = store.get(27)
    assert ("per_week", 11000) in {(q.kind, q.value) for q in marck.quantities}
    masks = {r["kind"]: r["value"] for r in totals(store)["items"] if r["item"] == "masques"}
    assert masks["per_week"] >= 11000
    # an older change shows as made by someone unknown
    [first] = history.rows(store.history(2))[-1:]
    assert first["Qui"] == history.UNKNOWN_PERSON and first["Champ"] == "Statut"


def test_the_migrated_file_takes_versioned_writes_by_a_person(v2):
    store = open_store(v2, seed=None)
    marck, version = store.get_versioned(27)
    assert version == 1
    assert store.update(27, person="alice@pas-de-calais.gouv.fr", expected_version=1,
                        actor="Mairie de Marck") == 2
    with pytest.raises(VersionConflict, match="alice@pas-de-calais.gouv.fr"):
        store.update(27, person="bruno@pas-de-calais.gouv.fr", expected_version=1,
                     actor="Commune de Marck")
    new = store.add_manual(store.get(35).__class__(
        release_id="", actor="Collectif de Guînes", actor_type="citoyen ou collectif",
        category="autre", excerpt="", places=store.get(35).places))
    assert new == 36 and store.history(new)[0].action == history.ADDITION
    # opening again changes nothing
    before = {t: rows(v2, t) for t in (*KEPT, "initiatives", "history")}
    open_store(v2, seed=None)
    assert {t: rows(v2, t) for t in (*KEPT, "initiatives", "history")} == before


def test_a_failed_v3_migration_leaves_the_v2_file_as_it_was(v2, monkeypatch):
    before = {t: rows(v2, t) for t in (*KEPT, "initiatives", "reviews")}

    def broken(conn):
        sqlite_schema._migrate_2_to_3(conn)  # every step done, then a failure
        conn.execute("INSERT INTO nowhere VALUES (1)")
    monkeypatch.setitem(sqlite_schema.MIGRATIONS, 2, broken)
    with pytest.raises(StoreError):
        open_store(v2, seed=None)
    assert schema_version(v2) == 2 and "history" not in tables(v2)
    assert {t: rows(v2, t) for t in (*KEPT, "initiatives", "reviews")} == before
    monkeypatch.undo()
    assert open_store(v2, seed=None).get_versioned(27)[1] == 1
