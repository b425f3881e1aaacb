"""What the SQL back ends of the store do alike: every write and read of the `Store`
interface, on top of a connection each back end gives (`SQLiteStore`, `PostgresStore`).

A back end provides `_tx()`, one write transaction (the write lock taken first, so that
writers run one after the other and a version read inside is the latest; commit as a
whole or roll back as a whole), and `_read(consistent=False)`, a connection for reads
(`consistent`: several statements that see one state of the data).

Each write records who made it, when, and the values before and after, in its own
transaction (`history`). Each initiative has a version, raised by every change to it; a
correction based on an older version is refused (`VersionConflict`), so two people
correcting the same initiative at once never lose one another's work.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from initiatives import frames as columnar, store_rows as rows
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
    StoreError,
    VersionConflict,
    check_fields,
    check_initiative,
    check_person,
    check_release,
    check_status,
    check_version,
)

_SURROGATE = re.compile("[\ud800-\udfff]")

NOTHING_CHANGED = "Rien n'a été modifié."


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


class SQLStore:
    """The store's logic on any SQL back end (see the module's docstring)."""

    def _tx(self):
        raise NotImplementedError

    def _read(self, consistent: bool = False):
        raise NotImplementedError

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
            if rows.put_release(conn, release, _now()):
                rows.record(conn, who, IMPORT, RELEASE, None, release.title or release.id,
                              release_id=release.id)
            new_mentions: set[int] = set()  # mentions created by this call
            before: dict[int, Initiative] = {}  # known initiatives it cites: as they were
            for ini in initiatives:
                check_initiative(ini)
                if ini.release_id and ini.release_id != claimed:
                    raise StoreError(f"L'initiative « {ini.actor} » vient du communiqué "
                                     f"{ini.release_id}, pas de {claimed}.")
                iid = rows.find_key(conn, ini.key)
                if iid is None:
                    iid = rows.insert_initiative(conn, ini, release.id, _now(), manual=0)
                    rows.insert_mention(conn, iid, release.id, ini)
                    rows.insert_observations(conn, iid, release.id, release.date,
                                               ini.quantities)
                    new_mentions.add(iid)
                    outcome[iid] = "added"
                    continue
                changed = False
                if not rows.has_mention(conn, iid, release.id):
                    before[iid] = self._load(conn, [iid])[0]
                    rows.insert_mention(conn, iid, release.id, ini)
                    new_mentions.add(iid)
                    changed = True
                # observations of a release are written only with its mention, so a
                # corrected or deleted figure does not come back on re-ingest
                if iid in new_mentions:
                    changed |= rows.insert_observations(
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
            rows.record(conn, who, IMPORT, CREATION, None, rows.snapshot(ini),
                          iid=ini.id, release_id=release_id, status=ini.status, version=1)
        for ini in self._load(conn, sorted(before)):
            version = rows.bump(conn, ini.id, who[1])
            rows.record(conn, who, IMPORT, MENTION, None, release_id, iid=ini.id,
                          release_id=release_id, status=ini.status, version=version)
            old = rows.serialise("quantities", before[ini.id].quantities)
            new = rows.serialise("quantities", ini.quantities)
            if old != new:
                rows.record(conn, who, IMPORT, "quantities", old, new, iid=ini.id,
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
            existing = rows.find_key(conn, initiative.key)
            if existing is not None:
                raise StoreError(f"Cette initiative existe déjà (n°{existing}) : "
                                 f"« {initiative.actor} ».")
            iid = rows.insert_initiative(conn, initiative, release_id, _now(), manual=1)
            rows.insert_mention(conn, iid, release_id, initiative)
            rows.insert_observations(conn, iid, release_id, day or date.today(),
                                       initiative.quantities, keep_as_of=True)
            [added] = self._load(conn, [iid])
            rows.record(conn, who, ADDITION, CREATION, None, rows.snapshot(added),
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
            version = rows.version_of(conn, initiative_id)
            if expected_version is not None and expected_version != version:
                raise VersionConflict(
                    initiative_id, expected_version, version,
                    rows.history_of(conn, initiative_id, since=expected_version),
                    {k: rows.serialise(k, v) for k, v in fields.items()})
            action = REVIEW if set(fields) == {"status"} else CORRECTION
            return rows.apply_update(conn, current[0], fields, who, action) or version

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
            before = {i.id: (i, rows.version_of(conn, i.id))
                      for i in self._load(conn, cited)}
            conn.execute("DELETE FROM observations WHERE release_id = ?", (release_id,))
            conn.execute("DELETE FROM mentions WHERE release_id = ?", (release_id,))
            orphans = [i for i in cited if conn.execute(
                "SELECT 1 FROM mentions WHERE initiative_id = ?", (i,)).fetchone() is None]
            conn.executemany("DELETE FROM initiatives WHERE id = ?", [(i,) for i in orphans])
            conn.execute("DELETE FROM releases WHERE id = ?", (release_id,))
            rows.record(conn, who, DELETION, RELEASE, row["title"] or release_id, None,
                          release_id=release_id)
            for iid in orphans:
                ini, version = before[iid]
                rows.record(conn, who, DELETION, INITIATIVE, rows.snapshot(ini), None,
                              iid=iid, release_id=release_id, status=ini.status,
                              version=version + 1)
            for ini in self._load(conn, [i for i in cited if i not in orphans]):
                version = rows.bump(conn, ini.id, who[1])
                rows.record(conn, who, DELETION, MENTION, release_id, None, iid=ini.id,
                              release_id=release_id, status=ini.status, version=version)
                old = rows.serialise("quantities", before[ini.id][0].quantities)
                new = rows.serialise("quantities", ini.quantities)
                if old != new:
                    rows.record(conn, who, DELETION, "quantities", old, new, iid=ini.id,
                                  release_id=release_id, status=ini.status, version=version)
        return {"deleted": len(orphans), "kept": len(cited) - len(orphans)}

    # --- reads -------------------------------------------------------------------------

    def releases(self) -> list[Release]:
        with self._read() as conn:
            found = conn.execute("SELECT * FROM releases ORDER BY date IS NULL, date, "
                             "number, id").fetchall()
        return [rows.release_from(r) for r in found]

    def release(self, release_id: str) -> Release | None:
        with self._read() as conn:
            row = conn.execute("SELECT * FROM releases WHERE id = ?",
                               (release_id,)).fetchone()
        return rows.release_from(row) if row else None

    def initiatives(self, filters=None) -> list[Initiative]:
        """Initiatives matching `filters`, each with all its places and observations."""
        filters = filters or Filters()
        where, params = rows.filter_sql(filters)
        with self._read() as conn:
            ids = [r[0] for r in conn.execute(
                f"SELECT id FROM initiatives WHERE {where} ORDER BY id", params)]
            found = self._load(conn, ids)
        return refine(found, filters)

    def get(self, initiative_id: int) -> Initiative | None:
        with self._read() as conn:
            found = self._load(conn, [initiative_id])
        return found[0] if found else None

    def get_versioned(self, initiative_id: int) -> tuple[Initiative, int] | None:
        """An initiative and its version, read together (one read transaction): the
        version to pass to `update` for the edit a person makes of what they saw."""
        with self._read(consistent=True) as conn:
            found = self._load(conn, [initiative_id])
            version = rows.version_of(conn, initiative_id)
        return (found[0], version) if found else None

    def mentions(self, initiative_id: int | None = None) -> list[Mention]:
        with self._read() as conn:
            return rows.mentions_of(conn, None if initiative_id is None
                                      else [initiative_id])

    def frames(self):
        """Every table as columns (`initiatives.frames`), read in one consistent read;
        callers go through `frames.frames_of`, which keeps it per data version."""
        with self._read(consistent=True) as conn:
            return columnar.read(conn)

    def rows(self) -> list[Initiative]:
        """One initiative per (release, initiative), as in the seed file."""
        out = []
        with self._read() as conn:
            inis = {i.id: i for i in self._load(conn, None)}
            mentions = rows.mentions_of(conn, None)
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
        if not isinstance(key, str) or _SURROGATE.search(key):
            return None   # a key with a lone surrogate was never stored (it cannot be)
        with self._read() as conn:
            return rows.find_key(conn, key)

    def history(self, initiative_id: int | None = None,
                since: int | None = None) -> list[Change]:
        """Every change (to one initiative; after its version `since`), oldest first:
        who, when, before, after."""
        with self._read() as conn:
            return rows.history_of(conn, initiative_id, since=since)

    def reviews(self, initiative_id: int | None = None) -> list[dict]:
        """The reviews, corrections and additions by hand, oldest first, as rows."""
        with self._read() as conn:
            changes = rows.history_of(conn, initiative_id, actions=HUMAN_ACTIONS)
        return [{"id": c.id, "initiative_id": c.initiative_id, "status": c.status,
                 "field": c.field, "old_value": c.old, "new_value": c.new, "at": c.at,
                 "person": c.person, "action": c.action, "version": c.version}
                for c in changes]

    def _load(self, conn, ids: list[int] | None) -> list[Initiative]:
        """Assemble initiatives (all of them when `ids` is None) from the tables."""
        return rows.load(conn, ids)
