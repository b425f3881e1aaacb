"""Schema migrations on real database files: a version 1 store (built from its own DDL,
kept here as history) opens as the current version with every row and id kept, in one
transaction (version 2 to 3: `test_store_migration_v3.py`)."""
from __future__ import annotations

import sqlite3

import pytest

from initiatives import sqlite_schema
from initiatives.filters import Filters
from initiatives.metrics import totals
from initiatives.model import KINDS, NEEDED, ORDERED
from initiatives.store import StoreError, open_store
from tests.helpers.store_samples import N7, commune, initiative, qty

# The schema as version 1 created it (initiatives/sqlite_schema.py before the kinds
# `ordered` and `needed`): history, never to be edited.
DDL_V1 = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS releases (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    number INTEGER,
    date TEXT,
    source TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS initiatives (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    actor TEXT NOT NULL,
    actor_type TEXT NOT NULL,
    category TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'extrait'
        CHECK (status IN ('extrait', 'vérifié', 'rejeté')),
    first_release_id TEXT REFERENCES releases(id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL,
    manual INTEGER NOT NULL DEFAULT 0
);
-- keys an initiative also answers to after a correction of its actor or place,
-- so that the next release citing it under the corrected name merges into it
CREATE TABLE IF NOT EXISTS initiative_keys (
    key TEXT PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE
);
-- release_id is NULL for an initiative entered by hand without a release
CREATE TABLE IF NOT EXISTS mentions (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    release_id TEXT REFERENCES releases(id) ON DELETE CASCADE,
    excerpt TEXT NOT NULL DEFAULT '',
    contacts TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (initiative_id, release_id)
);
CREATE INDEX IF NOT EXISTS mentions_release ON mentions(release_id);
CREATE TABLE IF NOT EXISTS places (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    query TEXT NOT NULL DEFAULT '',
    code TEXT,
    nom TEXT,
    level TEXT,
    departement TEXT,
    inside INTEGER NOT NULL DEFAULT 1,
    method TEXT NOT NULL DEFAULT '',
    confidence REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (initiative_id, ord)
);
CREATE TABLE IF NOT EXISTS observations (
    id INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    release_id TEXT REFERENCES releases(id) ON DELETE CASCADE,
    as_of TEXT,
    item TEXT NOT NULL,
    value REAL NOT NULL CHECK (value >= 0),
    unit TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('done', 'target', 'per_day', 'per_week',
                                       'beneficiaries', 'volunteers')),
    approx INTEGER NOT NULL DEFAULT 0,
    sentence TEXT NOT NULL DEFAULT '',
    UNIQUE (initiative_id, release_id, item, kind)
);
CREATE INDEX IF NOT EXISTS observations_initiative ON observations(initiative_id);
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    at TEXT NOT NULL
);
"""


V1_ROWS = """
INSERT INTO schema_version VALUES (1);
INSERT INTO releases VALUES ('2020-04-08-n2', 'Covid-19 : le Pas-de-Calais solidaire n°2', 2,
    '2020-04-08', 'n2.txt', 'Arras, le 8 avril 2020 ...', '2020-05-01T10:00:00');
INSERT INTO releases VALUES ('2020-04-30-n7', 'Covid-19 : le Pas-de-Calais solidaire n°7', 7,
    '2020-04-30', 'n7.txt', 'Arras, le 30 avril 2020 ...', '2020-05-01T10:00:00');
INSERT INTO initiatives VALUES (3, 'ville de marck|62548', 'Ville de Marck', 'collectivité',
    'protection et production de matériel', 'vérifié', '2020-04-08-n2', '2020-05-01T10:00:00', 0);
INSERT INTO initiatives VALUES (7, 'atelier des aiguilles|62041', 'Atelier des aiguilles',
    'association', 'protection et production de matériel', 'extrait', '2020-04-30-n7',
    '2020-05-01T10:00:00', 0);
INSERT INTO initiative_keys VALUES ('marck ville|62548', 3);
INSERT INTO mentions VALUES (3, '2020-04-08-n2', 'La ville de Marck coud des masques.', '[]');
INSERT INTO mentions VALUES (3, '2020-04-30-n7', 'Marck : 1 600 masques.', '[]');
INSERT INTO mentions VALUES (7, '2020-04-30-n7', 'L''atelier coud pour Arras.', '[]');
INSERT INTO places VALUES (3, 0, 'Marck', '62548', 'Marck', 'commune', '62', 1, 'exact', 1.0);
INSERT INTO places VALUES (7, 0, 'Arras', '62041', 'Arras', 'commune', '62', 1, 'exact', 1.0);
INSERT INTO observations VALUES (11, 3, '2020-04-08-n2', '2020-04-08', 'masques', 400, 'unités',
    'done', 0, 'La ville a cousu 400 masques.');
INSERT INTO observations VALUES (12, 3, '2020-04-30-n7', '2020-04-30', 'masques', 1600,
    'unités', 'done', 0, 'Marck : 1 600 masques réalisés.');
INSERT INTO observations VALUES (15, 3, '2020-04-30-n7', '2020-04-30', 'masques', 11000,
    'unités', 'target', 0, 'pour un objectif de 11 000 masques');
INSERT INTO observations VALUES (20, 7, '2020-04-30-n7', '2020-04-30', 'blouses', 30,
    'unités', 'per_week', 1, 'une trentaine de blouses par semaine');
INSERT INTO reviews VALUES (1, 3, 'vérifié', 'status', 'extrait', 'vérifié',
    '2020-05-02T09:00:00');
"""
TABLES = ("releases", "initiative_keys", "mentions", "places")
V1_TABLES = (*TABLES, "initiatives", "reviews")


def v1_database(path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(DDL_V1 + V1_ROWS)
    conn.commit()
    conn.close()


def rows(path, table: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return sorted(map(tuple, conn.execute(f"SELECT * FROM {table}")))


@pytest.fixture
def v1(tmp_path):
    path = tmp_path / "v1.sqlite"
    v1_database(path)
    return path


def test_v1_database_is_migrated_with_every_row_and_id_kept(v1):
    before = {t: rows(v1, t) for t in TABLES}
    initiatives, reviews = rows(v1, "initiatives"), rows(v1, "reviews")
    observations = rows(v1, "observations")
    store = open_store(v1, seed=None)
    with sqlite3.connect(v1) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [
            (sqlite_schema.SCHEMA_VERSION,)]
        columns = [r[1] for r in conn.execute("PRAGMA table_info(observations)")]
        indexes = {r[1] for r in conn.execute("PRAGMA index_list(observations)")}
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master "
                                             "WHERE type = 'table'")}
    assert columns[-1] == "reason" and "observations_initiative" in indexes
    assert "observations_v2" not in tables
    assert {t: rows(v1, t) for t in TABLES} == before
    assert rows(v1, "initiatives") == [(*r, 1) for r in initiatives]  # version 1 each
    # the review, in the history under its id, by a person unknown then
    assert [(c.id, c.initiative_id, c.action, c.field, c.old, c.new, c.person, c.at)
            for c in store.history()] == [
        (r[0], r[1], "relecture", r[3], r[4], r[5], "", r[6]) for r in reviews]
    # same ids, same values, an empty reason
    assert rows(v1, "observations") == [(*r, "") for r in observations]
    marck = store.get(3)
    assert [(q.kind, q.value, q.reason) for q in marck.quantities] == [
        ("done", 400, ""), ("done", 1600, ""), ("target", 11000, "")]
    assert store.find("marck ville|62548") == 3
    masks = [r for r in totals(store)["items"] if r["item"] == "masques"]
    assert [(r["kind"], r["value"]) for r in masks] == [("done", 1600), ("target", 11000)]


def test_migrated_database_takes_the_new_kinds_and_reasons(v1):
    store = open_store(v1, seed=None)
    current = store.get(7).quantities
    ordered = qty("masques", 500, ORDERED, sentence="500 masques ont été commandés")
    ordered.reason = "verbe « commander » au passé composé"
    store.update(7, quantities=current + [ordered])
    [got] = [q for q in store.get(7).quantities if q.kind == ORDERED]
    assert got.reason == "verbe « commander » au passé composé"
    assert got.release_id == ""
    # opening again changes nothing (already version 2)
    again = open_store(v1, seed=None)
    assert again.get(7).quantities == store.get(7).quantities
    with sqlite3.connect(v1) as conn:
        assert conn.execute("SELECT count(*), max(version) FROM schema_version").fetchone() \
            == (1, sqlite_schema.SCHEMA_VERSION)


def test_failed_migration_leaves_the_v1_file_as_it_was(v1, monkeypatch):
    before = {t: rows(v1, t) for t in (*V1_TABLES, "observations")}

    def broken(conn):
        sqlite_schema._migrate_1_to_2(conn)  # the table is rebuilt, then the step fails
        conn.execute("INSERT INTO nowhere VALUES (1)")
    monkeypatch.setitem(sqlite_schema.MIGRATIONS, 1, broken)
    with pytest.raises(StoreError):
        open_store(v1, seed=None)
    with sqlite3.connect(v1) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(1,)]
        columns = [r[1] for r in conn.execute("PRAGMA table_info(observations)")]
    assert "reason" not in columns
    assert {t: rows(v1, t) for t in (*V1_TABLES, "observations")} == before
    # the next open, with the real step, migrates
    monkeypatch.undo()
    assert open_store(v1, seed=None).get(3).quantities[0].reason == ""


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    open_store(path, seed=None)
    newer = sqlite_schema.SCHEMA_VERSION + 1
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = ?", (newer,))
    with pytest.raises(StoreError, match="version plus récente"):
        open_store(path, seed=None)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(newer,)]


def test_the_kind_check_of_the_schema_is_the_model_kinds(tmp_path):
    """A new kind in the model needs a new schema version (and a migration)."""
    path = tmp_path / "new.sqlite"
    open_store(path, seed=None)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("INSERT INTO releases (id, ingested_at) VALUES ('r', 'now')")
        conn.execute("INSERT INTO initiatives (id, key, actor, actor_type, category,"
                     " updated_at) VALUES (1, 'k', 'a', 'association', 'autre', 'now')")
        for n, kind in enumerate(KINDS):
            conn.execute("INSERT INTO observations (initiative_id, release_id, item, value,"
                         " kind) VALUES (1, 'r', ?, 1, ?)", (f"objet {n}", kind))
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO observations (initiative_id, release_id, item, value,"
                         " kind) VALUES (1, 'r', 'x', 1, 'promised')")


def test_reason_round_trips_through_ingest_and_load(tmp_path):
    store = open_store(tmp_path / "s.sqlite", seed=None)
    ordered = qty("masques", 32000, ORDERED, sentence="32 000 masques ont été commandés")
    ordered.reason = "verbe « commander » au passé composé, voix passive"
    needed = qty("blouses", 200, NEEDED, sentence="L'hôpital a besoin de 200 blouses.")
    needed.reason = "nom « besoin »"
    done = qty("masques", 1200, sentence="ont distribué 1 200 masques")
    ini = initiative(N7, "Ville de Marck", commune("62548", "Marck"), done, ordered, needed)
    store.ingest(N7, [ini])
    [got] = store.initiatives(Filters())
    assert {(q.kind, q.reason) for q in got.quantities} == {
        ("done", ""), (ORDERED, ordered.reason), (NEEDED, needed.reason)}
    assert {(q.kind, q.reason) for q in store.rows()[0].quantities} == {
        ("done", ""), (ORDERED, ordered.reason), (NEEDED, needed.reason)}


def test_reason_must_be_text(tmp_path):
    store = open_store(tmp_path / "s.sqlite", seed=None)
    bad = qty("masques", 10)
    bad.reason = 12
    with pytest.raises(StoreError, match="Raison de la nature"):
        store.ingest(N7, [initiative(N7, "Ville de Marck", commune("62548", "Marck"), bad)])
    assert store.releases() == []
