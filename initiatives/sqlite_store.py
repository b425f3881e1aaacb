"""SQLite back end of the store: one file, every write in one transaction.

Each call opens its own connection (cheap with SQLite) so the store can be shared
by Streamlit's threads; writes take the lock up front (`BEGIN IMMEDIATE`) and
either commit as a whole or roll back as a whole.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from initiatives import sqlite_schema as schema
from initiatives.filters import Filters, refine
from initiatives.model import Initiative, Release
from initiatives.store_base import (
    Mention,
    StoreError,
    check_fields,
    check_initiative,
    check_release,
    check_status,
)


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


class SQLiteStore:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self._connect() as conn:
                schema.create(conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"Base de données illisible ({self.path}) : {exc}.") from exc

    def __repr__(self) -> str:
        return f"SQLiteStore({str(self.path)!r})"

    # --- connections and transactions ------------------------------------------------

    @contextmanager
    def _connect(self):
        conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        try:
            yield conn
        finally:
            conn.close()

    @contextmanager
    def _tx(self):
        """One transaction: everything written inside commits together or not at all."""
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except sqlite3.IntegrityError as exc:
                conn.execute("ROLLBACK")
                raise StoreError(f"Écriture refusée par la base : {exc}.") from exc
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    # --- writes ------------------------------------------------------------------------

    def ingest(self, release: Release, initiatives: list[Initiative]) -> dict:
        """Add a release and its initiatives; re-ingesting a release changes nothing.

        An initiative already known by its key (from another release) gets a new
        mention and new observations, and keeps its fields and review status: the
        store never overwrites a human correction.
        """
        check_release(release)
        outcome: dict[int, str] = {}
        with self._tx() as conn:
            schema.put_release(conn, release, _now())
            new_mentions: set[int] = set()  # mentions created by this call
            for ini in initiatives:
                check_initiative(ini)
                if ini.release_id and ini.release_id != release.id:
                    raise StoreError(f"L'initiative « {ini.actor} » vient du communiqué "
                                     f"{ini.release_id}, pas de {release.id}.")
                iid = schema.find_key(conn, ini.key)
                if iid is None:
                    iid = schema.insert_initiative(conn, ini, release.id, _now(), manual=0)
                    schema.insert_mention(conn, iid, release.id, ini)
                    schema.insert_observations(conn, iid, release.id, release.date,
                                               ini.quantities)
                    new_mentions.add(iid)
                    outcome[iid] = "added"
                    continue
                changed = False
                if not schema.has_mention(conn, iid, release.id):
                    schema.insert_mention(conn, iid, release.id, ini)
                    new_mentions.add(iid)
                    changed = True
                # observations of a release are written only with its mention, so a
                # corrected or deleted figure does not come back on re-ingest
                if iid in new_mentions:
                    changed |= schema.insert_observations(
                        conn, iid, release.id, release.date, ini.quantities) > 0
                if changed:
                    conn.execute("UPDATE initiatives SET updated_at = ? WHERE id = ?",
                                 (_now(), iid))
                if outcome.get(iid) != "added":
                    previous = outcome.get(iid, "unchanged")
                    outcome[iid] = "updated" if changed or previous == "updated" \
                        else "unchanged"
        counts = {"added": 0, "updated": 0, "unchanged": 0}
        for state in outcome.values():
            counts[state] += 1
        return counts

    def add_manual(self, initiative: Initiative, release_id: str | None = None) -> int:
        """Add an initiative entered by hand (source "saisie manuelle" when no release)."""
        check_initiative(initiative)
        if not any(p.code for p in initiative.places):
            raise StoreError("Choisissez au moins une commune ou un territoire.")
        with self._tx() as conn:
            day = None
            if release_id:
                row = conn.execute("SELECT date FROM releases WHERE id = ?",
                                   (release_id,)).fetchone()
                if row is None:
                    raise StoreError(f"Communiqué inconnu : {release_id}.")
                day = date.fromisoformat(row["date"]) if row["date"] else None
            existing = schema.find_key(conn, initiative.key)
            if existing is not None:
                raise StoreError(f"Cette initiative existe déjà (n°{existing}) : "
                                 f"« {initiative.actor} ».")
            iid = schema.insert_initiative(conn, initiative, release_id, _now(), manual=1)
            schema.insert_mention(conn, iid, release_id, initiative)
            schema.insert_observations(conn, iid, release_id, day or date.today(),
                                       initiative.quantities, keep_as_of=True)
            schema.audit(conn, iid, initiative.status, "création", None,
                         initiative.actor, _now())
        return iid

    def set_status(self, initiative_id: int, status: str) -> None:
        self.update(initiative_id, status=check_status(status))

    def update(self, initiative_id: int, **fields) -> None:
        """Correct fields of an initiative; each change leaves an audit row.

        `quantities` replaces all observations: each keeps its `release_id` (one the
        initiative is cited in, or "" for a figure entered by hand).
        """
        fields = check_fields(fields)
        with self._tx() as conn:
            current = self._load(conn, [initiative_id])
            if not current:
                raise StoreError(f"Initiative n°{initiative_id} introuvable.")
            schema.apply_update(conn, current[0], fields, _now())

    def delete_release(self, release_id: str) -> dict:
        """Remove a release, its mentions and observations, and initiatives left uncited."""
        with self._tx() as conn:
            if conn.execute("SELECT 1 FROM releases WHERE id = ?",
                            (release_id,)).fetchone() is None:
                raise StoreError(f"Communiqué inconnu : {release_id}.")
            cited = [r[0] for r in conn.execute(
                "SELECT initiative_id FROM mentions WHERE release_id = ?", (release_id,))]
            conn.execute("DELETE FROM observations WHERE release_id = ?", (release_id,))
            conn.execute("DELETE FROM mentions WHERE release_id = ?", (release_id,))
            orphans = [i for i in cited if conn.execute(
                "SELECT 1 FROM mentions WHERE initiative_id = ?", (i,)).fetchone() is None]
            conn.executemany("DELETE FROM initiatives WHERE id = ?", [(i,) for i in orphans])
            conn.execute("DELETE FROM releases WHERE id = ?", (release_id,))
        return {"deleted": len(orphans), "kept": len(cited) - len(orphans)}

    # --- reads -------------------------------------------------------------------------

    def releases(self) -> list[Release]:
        with self._connect() as conn:
            rows = conn.execute("SELECT * FROM releases ORDER BY date IS NULL, date, "
                                "number, id").fetchall()
        return [schema.release_from(r) for r in rows]

    def release(self, release_id: str) -> Release | None:
        with self._connect() as conn:
            row = conn.execute("SELECT * FROM releases WHERE id = ?",
                               (release_id,)).fetchone()
        return schema.release_from(row) if row else None

    def initiatives(self, filters=None) -> list[Initiative]:
        """Initiatives matching `filters`, each with all its places and observations."""
        filters = filters or Filters()
        where, params = schema.filter_sql(filters)
        with self._connect() as conn:
            ids = [r[0] for r in conn.execute(
                f"SELECT id FROM initiatives WHERE {where} ORDER BY id", params)]
            found = self._load(conn, ids)
        return refine(found, filters)

    def get(self, initiative_id: int) -> Initiative | None:
        with self._connect() as conn:
            found = self._load(conn, [initiative_id])
        return found[0] if found else None

    def mentions(self, initiative_id: int | None = None) -> list[Mention]:
        with self._connect() as conn:
            return schema.mentions_of(conn, None if initiative_id is None
                                      else [initiative_id])

    def rows(self) -> list[Initiative]:
        """One initiative per (release, initiative), as in the seed file."""
        out = []
        with self._connect() as conn:
            inis = {i.id: i for i in self._load(conn, None)}
            mentions = schema.mentions_of(conn, None)
        cited = {(m.initiative_id, m.release_id) for m in mentions}
        for ini in inis.values():
            # figures entered by hand on an initiative read from releases
            if any(q.release_id == "" for q in ini.quantities) and (ini.id, "") not in cited:
                mentions.append(Mention(ini.id, "", "", []))
        for m in mentions:
            ini = inis[m.initiative_id]
            quantities = [q for q in ini.quantities if q.release_id == m.release_id]
            out.append(Initiative(
                release_id=m.release_id, actor=ini.actor, actor_type=ini.actor_type,
                category=ini.category, excerpt=m.excerpt, places=ini.places,
                quantities=quantities, contacts=m.contacts, status=ini.status,
                id=ini.id))
        return out

    def find(self, key: str) -> int | None:
        """The initiative answering to a key (its own or one given by a correction)."""
        with self._connect() as conn:
            return schema.find_key(conn, key)

    def reviews(self, initiative_id: int | None = None) -> list[dict]:
        sql, params = "SELECT * FROM reviews", ()
        if initiative_id is not None:
            sql, params = sql + " WHERE initiative_id = ?", (initiative_id,)
        with self._connect() as conn:
            return [dict(r) for r in conn.execute(sql + " ORDER BY id", params)]

    def _load(self, conn, ids: list[int] | None) -> list[Initiative]:
        """Assemble initiatives (all of them when `ids` is None) from the tables."""
        return schema.load(conn, ids)
