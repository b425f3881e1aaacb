"""Row-level SQL of the store, the same for both back ends (SQLite and PostgreSQL).

Every function takes an open connection and runs inside the caller's transaction. The
SQL is written with `?` placeholders and portable statements; the PostgreSQL connection
(`pg_connection.Connection`) takes `?` for `%s`. A list passed as one parameter is the
only thing said two ways (`among`): a JSON array read by `json_each` in SQLite, an array
in PostgreSQL.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

from initiatives import history as hist
from initiatives.history import Change
from initiatives.model import Initiative, Place, Quantity, Release
from initiatives.store_base import Mention, StoreError


def among(conn, column: str, values) -> tuple[str, tuple]:
    """`column` is one of `values` (any number of them, as one parameter)."""
    if getattr(conn, "arrays", False):
        return f"{column} = ANY(?)", (list(values),)
    return f"{column} IN (SELECT value FROM json_each(?))", (json.dumps(list(values)),)


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
        "INSERT INTO releases (id, title, number, date, source, body, ingested_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
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
    row = conn.execute("SELECT (SELECT max(id) FROM initiatives),"
                       " (SELECT max(initiative_id) FROM history)").fetchone()
    return max(row[0] or 0, row[1] or 0) + 1


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
            "INSERT INTO observations (initiative_id, release_id, as_of, item,"
            " value, unit, kind, approx, sentence, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
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
    where, params = among(conn, "action", actions)
    sql, params = "SELECT * FROM history WHERE " + where, list(params)
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


def _where_ids(conn, column: str, ids: list[int] | None) -> tuple[str, tuple]:
    if ids is None:
        return "", ()
    where, params = among(conn, column, ids)
    return " WHERE " + where, params


def mentions_of(conn, ids: list[int] | None) -> list[Mention]:
    where, params = _where_ids(conn, "m.initiative_id", ids)
    rows = conn.execute(
        "SELECT m.*, r.date FROM mentions m LEFT JOIN releases r ON r.id = m.release_id"
        + where + " ORDER BY m.initiative_id, r.date IS NOT NULL, r.date, m.release_id",
        params)
    return [Mention(initiative_id=r["initiative_id"], release_id=r["release_id"] or "",
                    excerpt=r["excerpt"], contacts=json.loads(r["contacts"]),
                    date=_day(r["date"])) for r in rows]


def load(conn, ids: list[int] | None) -> list[Initiative]:
    """Initiatives with places and all observations; excerpt from the latest mention."""
    where, params = _where_ids(conn, "id", ids)
    heads = conn.execute("SELECT * FROM initiatives" + where + " ORDER BY id",
                         params).fetchall()
    if not heads:
        return []
    where, params = _where_ids(conn, "initiative_id", ids)
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
