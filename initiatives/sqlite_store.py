"""SQLite back end of the store: one file, every write in one transaction.

Each call opens its own connection (cheap with SQLite) so the store can be shared
by Streamlit's threads; writes take the lock up front (`BEGIN IMMEDIATE`) and
either commit as a whole or roll back as a whole. A writable store is kept in WAL
mode: readers never wait for a writer, nor a writer for readers; writers wait for
each other up to `BUSY_TIMEOUT`.

Each write records who made it, when, and the values before and after, in its own
transaction (`history`). Each initiative has a version, raised by every change to
it; a correction based on an older version is refused (`VersionConflict`), so two
people correcting the same initiative at once never lose one another's work.
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from initiatives import frames as columnar, sqlite_schema as schema
from initiatives.filters import Filters, refine
from initiatives.history import (
    ADDITION,
    CORRECTION,
    CREATION,
    DELETION,
    HUMAN_ACTIONS,
    IMPORT,
    INITIATIVE,
    MENTION,
    RELEASE,
    REVIEW,
    Change,
)
from initiatives.model import Initiative, Release, content_digest, variant_id
from initiatives.store_base import (
    Mention,
    StoreBusy,
    StoreCorrupt,
    StoreError,
    StoreFault,
    StoreFull,
    StoreMissing,
    StoreReadOnly,
    VersionConflict,
    check_fields,
    check_initiative,
    check_person,
    check_release,
    check_status,
    check_version,
)

BUSY_TIMEOUT = 10.0  # seconds a write waits for another writer's lock before giving up
NOTHING_CHANGED = "Rien n'a été modifié."


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


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


class SQLiteStore:
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

    # --- writes ------------------------------------------------------------------------

    def ingest(self, release: Release, initiatives: list[Initiative],
               person: str | None = None) -> dict:
        """Add a release and its initiatives; re-ingesting a release changes nothing.

        An initiative already known by its key (from another release) gets a new
        mention and new observations, and keeps its fields and review status: the
        store never overwrites a human correction. `person` imports (see `Store`).
        """
        check_release(release)
        who = (check_person(person), _now())
        outcome: dict[int, str] = {}
        claimed = release.id
        with self._tx() as conn:
            release = self._identify(conn, release)
            if schema.put_release(conn, release, _now()):
                schema.record(conn, who, IMPORT, RELEASE, None, release.title or release.id,
                              release_id=release.id)
            new_mentions: set[int] = set()  # mentions created by this call
            before: dict[int, Initiative] = {}  # known initiatives it cites: as they were
            for ini in initiatives:
                check_initiative(ini)
                if ini.release_id and ini.release_id != claimed:
                    raise StoreError(f"L'initiative « {ini.actor} » vient du communiqué "
                                     f"{ini.release_id}, pas de {claimed}.")
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
                    before[iid] = self._load(conn, [iid])[0]
                    schema.insert_mention(conn, iid, release.id, ini)
                    new_mentions.add(iid)
                    changed = True
                # observations of a release are written only with its mention, so a
                # corrected or deleted figure does not come back on re-ingest
                if iid in new_mentions:
                    changed |= schema.insert_observations(
                        conn, iid, release.id, release.date, ini.quantities) > 0
                if outcome.get(iid) != "added":
                    previous = outcome.get(iid, "unchanged")
                    outcome[iid] = "updated" if changed or previous == "updated" \
                        else "unchanged"
            self._record_import(conn, who, release.id, outcome, before)
        counts: dict = {"added": 0, "updated": 0, "unchanged": 0}
        for state in outcome.values():
            counts[state] += 1
        if release.id != claimed:   # stored apart from the release it claims to be
            counts.update(release_id=release.id, variant_of=claimed)
        return counts

    @staticmethod
    def _identify(conn, release: Release) -> Release:
        """A release is known by its content with its number and date: the same text
        again is the stored release (re-importing changes nothing); a different text
        claiming a stored release's number and date is another release, stored apart
        under its own id (`model.variant_id`) and labelled as such, never merged into it."""
        row = conn.execute("SELECT body FROM releases WHERE id = ?", (release.id,)).fetchone()
        if row is None or content_digest(row["body"]) == content_digest(release.body):
            return release
        return replace(release, id=variant_id(release.id, release.body))

    def _record_import(self, conn, who, release_id: str, outcome: dict[int, str],
                       before: dict[int, Initiative]) -> None:
        """History of an import: each initiative it added, whole; each known one it
        cites anew, with its figures before and after (and a new version)."""
        added = [iid for iid, state in outcome.items() if state == "added"]
        for ini in self._load(conn, added):
            schema.record(conn, who, IMPORT, CREATION, None, schema.snapshot(ini),
                          iid=ini.id, release_id=release_id, status=ini.status, version=1)
        for ini in self._load(conn, sorted(before)):
            version = schema.bump(conn, ini.id, who[1])
            schema.record(conn, who, IMPORT, MENTION, None, release_id, iid=ini.id,
                          release_id=release_id, status=ini.status, version=version)
            old = schema.serialise("quantities", before[ini.id].quantities)
            new = schema.serialise("quantities", ini.quantities)
            if old != new:
                schema.record(conn, who, IMPORT, "quantities", old, new, iid=ini.id,
                              release_id=release_id, status=ini.status, version=version)

    def add_manual(self, initiative: Initiative, release_id: str | None = None,
                   person: str | None = None) -> int:
        """Add an initiative entered by hand (source "saisie manuelle" when no release)."""
        check_initiative(initiative)
        who = (check_person(person), _now())
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
            [added] = self._load(conn, [iid])
            schema.record(conn, who, ADDITION, CREATION, None, schema.snapshot(added),
                          iid=iid, release_id=release_id, status=added.status, version=1)
        return iid

    def set_status(self, initiative_id: int, status: str, person: str | None = None,
                   expected_version: int | None = None) -> int:
        """Review an initiative (see `update`); returns its version."""
        return self.update(initiative_id, person=person, expected_version=expected_version,
                           status=check_status(status))

    def update(self, initiative_id: int, *, person: str | None = None,
               expected_version: int | None = None, **fields) -> int:
        """Correct fields of an initiative; each changed field leaves a history row with
        `person`, the time, before and after. Returns the initiative's version (raised
        once if anything changed).

        With `expected_version` (the version the person's edit is based on, from
        `get_versioned`), a save after someone else's change is refused with
        `VersionConflict`, which says that change; reapply on `conflict.current`.
        `quantities` replaces all observations: each keeps its `release_id` (one the
        initiative is cited in, or "" for a figure entered by hand).
        """
        fields = check_fields(fields)
        expected_version = check_version(expected_version)
        who = (check_person(person), _now())
        with self._tx() as conn:
            current = self._load(conn, [initiative_id])
            if not current:
                raise StoreError(f"Initiative n°{initiative_id} introuvable.")
            version = schema.version_of(conn, initiative_id)
            if expected_version is not None and expected_version != version:
                raise VersionConflict(
                    initiative_id, expected_version, version,
                    schema.history_of(conn, initiative_id, since=expected_version),
                    {k: schema.serialise(k, v) for k, v in fields.items()})
            action = REVIEW if set(fields) == {"status"} else CORRECTION
            return schema.apply_update(conn, current[0], fields, who, action) or version

    def delete_release(self, release_id: str, person: str | None = None) -> dict:
        """Remove a release, its mentions and observations, and initiatives left uncited;
        the history keeps what was removed (each deleted initiative whole)."""
        who = (check_person(person), _now())
        with self._tx() as conn:
            row = conn.execute("SELECT title FROM releases WHERE id = ?",
                               (release_id,)).fetchone()
            if row is None:
                raise StoreError(f"Communiqué inconnu : {release_id}.")
            cited = [r[0] for r in conn.execute(
                "SELECT initiative_id FROM mentions WHERE release_id = ?", (release_id,))]
            before = {i.id: (i, schema.version_of(conn, i.id))
                      for i in self._load(conn, cited)}
            conn.execute("DELETE FROM observations WHERE release_id = ?", (release_id,))
            conn.execute("DELETE FROM mentions WHERE release_id = ?", (release_id,))
            orphans = [i for i in cited if conn.execute(
                "SELECT 1 FROM mentions WHERE initiative_id = ?", (i,)).fetchone() is None]
            conn.executemany("DELETE FROM initiatives WHERE id = ?", [(i,) for i in orphans])
            conn.execute("DELETE FROM releases WHERE id = ?", (release_id,))
            schema.record(conn, who, DELETION, RELEASE, row["title"] or release_id, None,
                          release_id=release_id)
            for iid in orphans:
                ini, version = before[iid]
                schema.record(conn, who, DELETION, INITIATIVE, schema.snapshot(ini), None,
                              iid=iid, release_id=release_id, status=ini.status,
                              version=version + 1)
            for ini in self._load(conn, [i for i in cited if i not in orphans]):
                version = schema.bump(conn, ini.id, who[1])
                schema.record(conn, who, DELETION, MENTION, release_id, None, iid=ini.id,
                              release_id=release_id, status=ini.status, version=version)
                old = schema.serialise("quantities", before[ini.id][0].quantities)
                new = schema.serialise("quantities", ini.quantities)
                if old != new:
                    schema.record(conn, who, DELETION, "quantities", old, new, iid=ini.id,
                                  release_id=release_id, status=ini.status, version=version)
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

    def get_versioned(self, initiative_id: int) -> tuple[Initiative, int] | None:
        """An initiative and its version, read together (one read transaction): the
        version to pass to `update` for the edit a person makes of what they saw."""
        with self._connect() as conn:
            conn.execute("BEGIN")
            try:
                found = self._load(conn, [initiative_id])
                version = schema.version_of(conn, initiative_id)
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")
        return (found[0], version) if found else None

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

    def frames(self) -> columnar.Frames:
        """Every table as columns (`initiatives.frames`), read in one read transaction;
        callers go through `frames.frames_of`, which keeps it per data version."""
        with self._connect() as conn:
            conn.execute("BEGIN")
            try:
                return columnar.read(conn)
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")

    def find(self, key: str) -> int | None:
        """The initiative answering to a key (its own or one given by a correction)."""
        with self._connect() as conn:
            return schema.find_key(conn, key)

    def history(self, initiative_id: int | None = None,
                since: int | None = None) -> list[Change]:
        """Every change (to one initiative; after its version `since`), oldest first:
        who, when, before, after."""
        with self._connect() as conn:
            return schema.history_of(conn, initiative_id, since=since)

    def reviews(self, initiative_id: int | None = None) -> list[dict]:
        """The reviews, corrections and additions by hand, oldest first, as rows."""
        with self._connect() as conn:
            changes = schema.history_of(conn, initiative_id, actions=HUMAN_ACTIONS)
        return [{"id": c.id, "initiative_id": c.initiative_id, "status": c.status,
                 "field": c.field, "old_value": c.old, "new_value": c.new, "at": c.at,
                 "person": c.person, "action": c.action, "version": c.version}
                for c in changes]

    def _load(self, conn, ids: list[int] | None) -> list[Initiative]:
        """Assemble initiatives (all of them when `ids` is None) from the tables."""
        return schema.load(conn, ids)
