"""Tables and row-level SQL of the SQLite store (used by `sqlite_store.SQLiteStore`).

Every function takes an open connection and runs inside the caller's transaction.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from datetime import date

from initiatives import history as hist
from initiatives.history import Change
from initiatives.model import Initiative, Place, Quantity, Release
from initiatives.store_base import Mention, StoreError

SCHEMA_VERSION = 3

# The figures table, also built under another name by the migration from version 1.
# Version 2 added the kinds `ordered` and `needed` (the list must match model.KINDS:
# a new kind is a new schema version) and `reason`, the cue words that decided the kind.
OBSERVATIONS = """
CREATE TABLE IF NOT EXISTS {table} (
    id INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    release_id TEXT REFERENCES releases(id) ON DELETE CASCADE,
    as_of TEXT,
    item TEXT NOT NULL,
    value REAL NOT NULL CHECK (value >= 0),
    unit TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('done', 'target', 'ordered', 'needed', 'per_day',
                                       'per_week', 'beneficiaries', 'volunteers')),
    approx INTEGER NOT NULL DEFAULT 0,
    sentence TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    UNIQUE (initiative_id, release_id, item, kind)
);"""
OBSERVATION_COLUMNS = ("id, initiative_id, release_id, as_of, item, value, unit, kind, approx,"
                       " sentence")  # those of version 1, copied by the migration


def observations_ddl(table: str = "observations") -> str:
    return OBSERVATIONS.replace("{table}", table)


# Every change, with who made it and when (version 3; it replaced `reviews`, which held
# the corrections alone, without the person). No foreign key: the history of a deleted
# initiative or release stays, and an initiative's id is never given again
# (`next_initiative_id`). `version` is the initiative's version after the change.
HISTORY = """
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY,
    initiative_id INTEGER,
    release_id TEXT,
    action TEXT NOT NULL CHECK (action IN ('import', 'relecture', 'correction', 'ajout',
                                           'suppression')),
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    status TEXT,
    version INTEGER,
    person TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS history_initiative ON history(initiative_id);"""


DDL = """
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
    manual INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
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
{observations}
CREATE INDEX IF NOT EXISTS observations_initiative ON observations(initiative_id);
{history}
""".replace("{observations}", observations_ddl()).replace("{history}", HISTORY)


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


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else float(value)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


# --- writes ----------------------------------------------------------------------------

def put_release(conn, release: Release, now: str) -> bool:
    """Store a release unless it is known; True when it was new."""
    return conn.execute(
        "INSERT OR IGNORE INTO releases (id, title, number, date, source, body, ingested_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (release.id, release.title or "", release.number, _iso(release.date),
         release.source or "", release.body or "", now)).rowcount == 1


def find_key(conn, key: str) -> int | None:
    row = conn.execute("SELECT id FROM initiatives WHERE key = ? UNION ALL "
                       "SELECT initiative_id FROM initiative_keys WHERE key = ? LIMIT 1",
                       (key, key)).fetchone()
    return row[0] if row else None


def next_initiative_id(conn) -> int:
    """Past every id in use or in the history: a deleted initiative's id is not reused,
    so its history is never shown as another one's."""
    return conn.execute(
        "SELECT max(coalesce((SELECT max(id) FROM initiatives), 0),"
        " coalesce((SELECT max(initiative_id) FROM history), 0)) + 1").fetchone()[0]


def insert_initiative(conn, ini: Initiative, release_id: str | None, now: str,
                      manual: int) -> int:
    iid = next_initiative_id(conn)
    conn.execute(
        "INSERT INTO initiatives (id, key, actor, actor_type, category, status,"
        " first_release_id, updated_at, manual) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (iid, ini.key, ini.actor.strip(), ini.actor_type, ini.category, ini.status,
         release_id, now, manual))
    insert_places(conn, iid, ini.places)
    return iid


def insert_places(conn, iid: int, places: list[Place]) -> None:
    conn.executemany(
        "INSERT INTO places (initiative_id, ord, query, code, nom, level, departement,"
        " inside, method, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(iid, i, p.query or "", p.code, p.nom, p.level, p.departement, int(bool(p.inside)),
          p.method or "", float(p.confidence or 0)) for i, p in enumerate(places)])


def has_mention(conn, iid: int, release_id: str) -> bool:
    return conn.execute("SELECT 1 FROM mentions WHERE initiative_id = ? AND release_id = ?",
                        (iid, release_id)).fetchone() is not None


def insert_mention(conn, iid: int, release_id: str | None, ini: Initiative) -> None:
    conn.execute("INSERT INTO mentions (initiative_id, release_id, excerpt, contacts)"
                 " VALUES (?, ?, ?, ?)",
                 (iid, release_id, ini.excerpt or "", _json(list(ini.contacts))))


def insert_observations(conn, iid: int, release_id: str | None, as_of: date | None,
                        quantities: list[Quantity], keep_as_of: bool = False) -> int:
    """Insert figures (the first of a release per item and kind wins); count inserted."""
    added = 0
    for q in quantities:
        day = q.as_of if keep_as_of and q.as_of else as_of
        cur = conn.execute(
            "INSERT OR IGNORE INTO observations (initiative_id, release_id, as_of, item,"
            " value, unit, kind, approx, sentence, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (iid, release_id, _iso(day), q.item.strip(), float(q.value), q.unit or "",
             q.kind, int(bool(q.approx)), q.sentence or "", q.reason or ""))
        added += cur.rowcount
    return added


def record(conn, who: tuple[str, str], action: str, field: str, old=None, new=None,
           iid: int | None = None, release_id: str | None = None,
           status: str | None = None, version: int | None = None) -> None:
    """One row of history; `who` is (person, time)."""
    person, now = who
    conn.execute("INSERT INTO history (initiative_id, release_id, action, field, old_value,"
                 " new_value, status, version, person, at)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (iid, release_id, action, field, old, new, status, version, person, now))


def version_of(conn, iid: int) -> int | None:
    row = conn.execute("SELECT version FROM initiatives WHERE id = ?", (iid,)).fetchone()
    return row[0] if row else None


def bump(conn, iid: int, now: str) -> int:
    """The initiative changed: its next version (returned), and its time of change."""
    conn.execute("UPDATE initiatives SET version = version + 1, updated_at = ? WHERE id = ?",
                 (now, iid))
    return version_of(conn, iid)


def serialise(name: str, value):
    """A field's value as the history stores it: JSON for places and figures."""
    if name in ("places", "quantities"):
        return _json([asdict(v) for v in value])
    return value


def snapshot(ini: Initiative) -> str:
    """A whole initiative, as the history keeps a deleted one."""
    return _json(asdict(ini))


def apply_update(conn, ini: Initiative, fields: dict, who: tuple[str, str],
                 action: str) -> int | None:
    """Write the fields that differ from `ini`, one history row for each, and bump its
    version once: the new version, or None when nothing differed."""
    now = who[1]
    status = fields.get("status", ini.status)
    changed = []
    for name, new in fields.items():
        old_text, new_text = serialise(name, getattr(ini, name)), serialise(name, new)
        if old_text == new_text:
            continue
        if name == "places":
            conn.execute("DELETE FROM places WHERE initiative_id = ?", (ini.id,))
            insert_places(conn, ini.id, new)
        elif name == "quantities":
            _replace_observations(conn, ini.id, new)
        else:  # a column name from the whitelist checked by `check_fields`
            conn.execute(f"UPDATE initiatives SET {name} = ? WHERE id = ?", (new, ini.id))
        changed.append((name, old_text, new_text))
    if not changed:
        return None
    version = bump(conn, ini.id, now)
    for name, old_text, new_text in changed:
        record(conn, who, action, name, old_text, new_text, iid=ini.id, status=status,
               version=version)
    if "actor" in fields or "places" in fields:
        corrected = Initiative(release_id="", actor=fields.get("actor", ini.actor),
                               actor_type=ini.actor_type, category=ini.category,
                               excerpt="", places=fields.get("places", ini.places))
        if find_key(conn, corrected.key) is None:
            conn.execute("INSERT INTO initiative_keys (key, initiative_id) VALUES (?, ?)",
                         (corrected.key, ini.id))
    return version


def _replace_observations(conn, iid: int, quantities: list[Quantity]) -> None:
    dates = {m.release_id: m.date for m in mentions_of(conn, [iid])}
    conn.execute("DELETE FROM observations WHERE initiative_id = ?", (iid,))
    for q in quantities:
        if q.release_id not in dates and q.release_id:
            raise StoreError(f"« {q.item} » : le communiqué {q.release_id} ne cite pas "
                             "cette initiative.")
        as_of = dates.get(q.release_id) if q.release_id else (q.as_of or date.today())
        if not insert_observations(conn, iid, q.release_id or None, as_of, [q]) \
                and q.release_id:
            raise StoreError(f"Quantité en double : « {q.item} » ({q.kind}) pour le "
                             f"communiqué {q.release_id}.")


# --- reads -----------------------------------------------------------------------------

def history_of(conn, iid: int | None = None, since: int | None = None,
               actions: tuple[str, ...] = hist.ACTIONS) -> list[Change]:
    """The history (of one initiative; after its version `since`), oldest first."""
    sql = "SELECT * FROM history WHERE action IN (SELECT value FROM json_each(?))"
    params: list = [json.dumps(list(actions))]
    if iid is not None:
        sql, params = sql + " AND initiative_id = ?", [*params, iid]
    if since is not None:
        sql, params = sql + " AND version > ?", [*params, since]
    return [Change(id=r["id"], initiative_id=r["initiative_id"], release_id=r["release_id"],
                   action=r["action"], field=r["field"], old=r["old_value"],
                   new=r["new_value"], status=r["status"], version=r["version"],
                   person=r["person"], at=r["at"])
            for r in conn.execute(sql + " ORDER BY id", params)]


def release_from(row) -> Release:
    return Release(title=row["title"], body=row["body"], number=row["number"],
                   date=_day(row["date"]), source=row["source"], id=row["id"])


def filter_sql(filters) -> tuple[str, list]:
    """SQL for the filters held in columns; the rest is applied by `filters.refine`."""
    clauses, params = ["1 = 1"], []

    def among(column: str, values) -> str:
        params.extend(values)
        return f"{column} IN ({', '.join('?' * len(values))})"

    for column, values in (("status", filters.statuses), ("category", filters.categories),
                           ("actor_type", filters.actor_types)):
        if values:
            clauses.append(among(column, values))
    if filters.releases:
        clauses.append("id IN (SELECT initiative_id FROM mentions WHERE "
                       + among("release_id", filters.releases) + ")")
    if filters.date_from or filters.date_to:
        low, high = _iso(filters.date_from) or "0000-01-01", _iso(filters.date_to) or "9999-12-31"
        clauses.append(
            "id IN (SELECT m.initiative_id FROM mentions m JOIN releases r"
            " ON r.id = m.release_id WHERE r.date BETWEEN ? AND ?"
            " UNION SELECT initiative_id FROM observations WHERE as_of BETWEEN ? AND ?)")
        params += [low, high, low, high]
    return " AND ".join(clauses), params


def _where_ids(column: str, ids: list[int] | None) -> tuple[str, tuple]:
    if ids is None:
        return "", ()
    return f" WHERE {column} IN (SELECT value FROM json_each(?))", (json.dumps(ids),)


def mentions_of(conn, ids: list[int] | None) -> list[Mention]:
    where, params = _where_ids("m.initiative_id", ids)
    rows = conn.execute(
        "SELECT m.*, r.date FROM mentions m LEFT JOIN releases r ON r.id = m.release_id"
        + where + " ORDER BY m.initiative_id, r.date IS NOT NULL, r.date, m.release_id",
        params)
    return [Mention(initiative_id=r["initiative_id"], release_id=r["release_id"] or "",
                    excerpt=r["excerpt"], contacts=json.loads(r["contacts"]),
                    date=_day(r["date"])) for r in rows]


def load(conn, ids: list[int] | None) -> list[Initiative]:
    """Initiatives with places and all observations; excerpt from the latest mention."""
    where, params = _where_ids("id", ids)
    heads = conn.execute("SELECT * FROM initiatives" + where + " ORDER BY id",
                         params).fetchall()
    if not heads:
        return []
    where, params = _where_ids("initiative_id", ids)
    places: dict[int, list[Place]] = {}
    for r in conn.execute("SELECT * FROM places" + where + " ORDER BY initiative_id, ord",
                          params):
        places.setdefault(r["initiative_id"], []).append(Place(
            query=r["query"], code=r["code"], nom=r["nom"], level=r["level"],
            departement=r["departement"], inside=bool(r["inside"]), method=r["method"],
            confidence=r["confidence"]))
    quantities: dict[int, list[Quantity]] = {}
    for r in conn.execute("SELECT * FROM observations" + where + " ORDER BY initiative_id,"
                          " as_of IS NOT NULL, as_of, id", params):
        quantities.setdefault(r["initiative_id"], []).append(Quantity(
            item=r["item"], value=_num(r["value"]), unit=r["unit"], kind=r["kind"],
            approx=bool(r["approx"]), sentence=r["sentence"],
            release_id=r["release_id"] or "", as_of=_day(r["as_of"]), reason=r["reason"]))
    cited: dict[int, list[Mention]] = {}
    for m in mentions_of(conn, ids):
        cited.setdefault(m.initiative_id, []).append(m)
    out = []
    for h in heads:
        ms = cited.get(h["id"], [])
        latest = ms[-1] if ms else None
        contacts = list(dict.fromkeys(c for m in ms for c in m.contacts))
        out.append(Initiative(
            release_id=latest.release_id if latest else "", actor=h["actor"],
            actor_type=h["actor_type"], category=h["category"],
            excerpt=latest.excerpt if latest else "", places=places.get(h["id"], []),
            quantities=quantities.get(h["id"], []), contacts=contacts,
            status=h["status"], id=h["id"]))
    return out
