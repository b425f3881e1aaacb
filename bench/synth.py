"""`python -m bench.synth N [--out PATH] [--seed S]`: a realistic synthetic store of N
initiatives, built through the project's own store API (`SQLiteStore.ingest`).

Realistic means what the figures depend on: initiatives placed in communes drawn in
proportion to their population (the big towns get most), every category and actor
type, every quantity kind (cumulative done figures growing from release to release,
goals, orders, needs, rates, beneficiaries, volunteers), several releases over time
citing an initiative again with a newer figure, some territory-wide mentions (EPCI,
arrondissement, named territories), département-wide and national schemes, a few
places outside the département, some private persons (for the anonymised exports)
and a share of initiatives already reviewed or rejected.

Each release is one `ingest` call, so one transaction; with releases of a few
thousand initiatives 10^5 initiatives build in a few minutes on two cores.
"""
from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

import config
from initiatives.model import (
    ACTOR_TYPES,
    BENEFICIARIES,
    CATEGORIES,
    CITIZEN,
    DONE,
    NEEDED,
    ORDERED,
    PER_DAY,
    PER_WEEK,
    TARGET,
    VOLUNTEERS,
    Initiative,
    Place,
    Quantity,
    Release,
)
from initiatives.reach import commune_table
from initiatives.sqlite_store import SQLiteStore

ITEMS = {  # item -> unit
    "masques": "unités", "visières": "unités", "repas": "repas", "blouses": "unités",
    "solution hydro-alcoolique": "litres", "colis alimentaires": "colis",
    "ordinateurs": "unités", "appels": "appels"}
SURNAMES = ("Martin", "Bernard", "Dubois", "Lefebvre", "Leroy", "Moreau", "Lambert",
            "Dupont", "Caron", "Lemaire")
GIVEN = ("Marie", "Jean", "Sophie", "Pierre", "Nathalie", "Thomas", "Isabelle", "Luc")
ACTOR_WORDS = ("Association", "Collectif", "Entreprise", "Mairie de", "CCAS de",
               "Paroisse de", "Club", "Atelier")
START = date(2020, 3, 20)
RELEASE_SIZE = 5_000   # initiatives cited per release (one transaction each)


def _places(rng: random.Random, codes, weights, table, dep: str) -> list[Place]:
    """Mostly one commune drawn by population; some territories, some wide schemes."""
    roll = rng.random()
    if roll < 0.06:   # an EPCI or an arrondissement
        code = rng.choices(codes, weights)[0]
        level = "epci" if rng.random() < 0.6 else "arrondissement"
        value = table.at[code, level]
        return [Place(query=str(table.at[code, f"{level}_nom"]), code=str(value),
                      nom=str(table.at[code, f"{level}_nom"]), level=level, departement=dep,
                      method="exact", confidence=1.0)]
    if roll < 0.08:
        return [Place(query="le département", code=dep, nom="le département",
                      level="departement", departement=dep, method="exact", confidence=1.0)]
    if roll < 0.09:
        return [Place(query="France", code="FR", nom="France", level="national",
                      departement=None, inside=True, method="exact", confidence=1.0)]
    if roll < 0.10:   # outside the département
        return [Place(query="Paris", code="75056", nom="Paris", level="commune",
                      departement="75", inside=False, method="exact", confidence=1.0)]
    picked = rng.choices(codes, weights, k=1 if rng.random() < 0.85 else 2)
    return [Place(query=str(table.at[c, "nom"]), code=c, nom=str(table.at[c, "nom"]),
                  level="commune", departement=dep, method="exact", confidence=1.0)
            for c in dict.fromkeys(picked)]


def _actor(rng: random.Random, n: int, place: Place) -> tuple[str, str]:
    if rng.random() < 0.03:
        return f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}", CITIZEN
    kind = rng.choice(ACTOR_TYPES)
    return f"{rng.choice(ACTOR_WORDS)} {place.nom or 'Solidarité'} n°{n}", kind


def _quantities(rng: random.Random, base: dict, step: int) -> list[Quantity]:
    """The figures of one citation: done grows from one release to the next."""
    out = []
    for (item, kind), value in base.items():
        value = value * (1 + step) if kind == DONE else value
        out.append(Quantity(item=item, value=float(value), unit=ITEMS[item], kind=kind,
                            approx=rng.random() < 0.2,
                            sentence=f"{int(value)} {item} ({kind}).", reason="synthétique"))
    return out


def _base_figures(rng: random.Random) -> dict:
    figures = {}
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
        item = rng.choice(list(ITEMS))
        kind = DONE if rng.random() < 0.55 else rng.choice(
            (TARGET, ORDERED, NEEDED, PER_DAY, PER_WEEK, BENEFICIARIES, VOLUNTEERS))
        figures[(item, kind)] = rng.randint(1, 400) * 10
        if kind == DONE and rng.random() < 0.3:
            figures[(item, TARGET)] = figures[(item, kind)] * rng.randint(2, 5)
    return figures


def plan(n: int, seed: int = 1, dep: str | None = None) -> list[tuple[Release, list]]:
    """The releases and, for each, the initiatives it cites (new ones and re-citations)."""
    dep = dep or config.departement()
    rng = random.Random(seed)
    table = commune_table(dep)
    codes = list(table.index)
    weights = list(np.sqrt(table["population"].clip(lower=1).to_numpy()) ** 1.5)
    initiatives = []
    for k in range(n):
        places = _places(rng, codes, weights, table, dep)
        actor, actor_type = _actor(rng, k, places[0])
        status = rng.choices(("extrait", "vérifié", "rejeté"), (0.45, 0.5, 0.05))[0]
        initiatives.append((actor, actor_type, rng.choice(CATEGORIES), status, places,
                            _base_figures(rng)))
    releases, cursor, number = [], 0, 0
    # new initiatives in batches of RELEASE_SIZE; every third release also cites again
    # a sample of earlier initiatives with a newer cumulative figure
    while cursor < n:
        number += 1
        day = START + timedelta(days=3 * number)
        batch = list(range(cursor, min(n, cursor + RELEASE_SIZE)))
        cursor = batch[-1] + 1
        again = (rng.sample(range(batch[0]), min(batch[0], RELEASE_SIZE // 2))
                 if batch[0] and number % 3 == 0 else [])
        releases.append((number, day, [(i, 0) for i in batch] + [(i, 1) for i in again]))
    if n and len(releases) < 4:   # several releases over time even for small stores
        for extra in range(4 - len(releases)):
            number += 1
            day = START + timedelta(days=3 * number)
            cited = rng.sample(range(n), max(1, n // 4))
            releases.append((number, day, [(i, extra + 1) for i in cited]))
    out = []
    for number, day, cited in releases:
        rel = Release(title=f"Communiqué de synthèse n°{number}",
                      body=f"Initiatives solidaires, point n°{number} du {day.isoformat()}.",
                      number=number, date=day, source="synthèse")
        inis = []
        for i, step in cited:
            actor, actor_type, category, status, places, base = initiatives[i]
            contacts = ([f"{actor.split()[-1].lower()}@exemple.fr"]
                        if actor_type == CITIZEN else [])
            inis.append(Initiative(
                release_id=rel.id, actor=actor, actor_type=actor_type, category=category,
                excerpt=f"{actor} ({places[0].nom}) : {category}, point n°{number}.",
                places=places, quantities=_quantities(rng, base, step),
                contacts=contacts, status=status))
        out.append((rel, inis))
    return out


def build(n: int, out: str | Path, seed: int = 1, dep: str | None = None) -> SQLiteStore:
    """A new store at `out` (replaced if it exists) holding `n` synthetic initiatives."""
    out = Path(out)
    for leftover in (out, out.with_name(out.name + "-journal")):
        leftover.unlink(missing_ok=True)
    store = SQLiteStore(out)
    for release, inis in plan(n, seed, dep):
        store.ingest(release, inis, person="bench.synth")
    return store


def build_bulk(n: int, out: str | Path, seed: int = 1, dep: str | None = None) -> SQLiteStore:
    """The same store as `build` (same plan, same tables, made by `SQLiteStore`'s own
    schema), written with one `executemany` per table and release instead of one
    `ingest` per release: for 10^6 initiatives, whose `ingest` takes about half an hour.
    The rows are those `ingest` writes (an initiative cited again gets a new mention and
    its new figures, the first figure of a release per item and kind wins), except the
    history, which gets one row per release instead of one per initiative."""
    out = Path(out)
    for leftover in (out, *(out.with_name(out.name + end) for end in ("-journal", "-wal",
                                                                      "-shm"))):
        leftover.unlink(missing_ok=True)
    store = SQLiteStore(out)
    now = datetime.now().isoformat(timespec="seconds")
    ids: dict[str, int] = {}
    with sqlite3.connect(out, isolation_level=None) as conn:
        for release, inis in plan(n, seed, dep):
            conn.execute("BEGIN")
            conn.execute("INSERT INTO releases (id, title, number, date, source, body,"
                         " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (release.id, release.title, release.number,
                          release.date.isoformat(), release.source, release.body, now))
            heads, places, mentions, figures, cited = [], [], [], [], set()
            for ini in inis:
                iid = ids.get(ini.key)
                if iid is None:
                    iid = ids[ini.key] = len(ids) + 1
                    heads.append((iid, ini.key, ini.actor.strip(), ini.actor_type,
                                  ini.category, ini.status, release.id, now))
                    places += [(iid, k, p.query, p.code, p.nom, p.level, p.departement,
                                int(p.inside), p.method, p.confidence)
                               for k, p in enumerate(ini.places)]
                if iid not in cited:   # cited twice by one release: one mention
                    cited.add(iid)
                    mentions.append((iid, release.id, ini.excerpt,
                                     json.dumps(ini.contacts, ensure_ascii=False)))
                figures += [(iid, release.id, release.date.isoformat(), q.item, q.value,
                             q.unit, q.kind, int(q.approx), q.sentence, q.reason)
                            for q in ini.quantities]
            conn.executemany("INSERT INTO initiatives (id, key, actor, actor_type, category,"
                             " status, first_release_id, updated_at, manual)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)", heads)
            conn.executemany("INSERT INTO places (initiative_id, ord, query, code, nom, level,"
                             " departement, inside, method, confidence)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
            conn.executemany("INSERT OR IGNORE INTO mentions (initiative_id, release_id,"
                             " excerpt, contacts) VALUES (?, ?, ?, ?)", mentions)
            conn.executemany("INSERT OR IGNORE INTO observations (initiative_id, release_id,"
                             " as_of, item, value, unit, kind, approx, sentence, reason)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", figures)
            conn.execute("INSERT INTO history (release_id, action, field, new_value, person,"
                         " at) VALUES (?, 'import', 'release', ?, 'bench.synth', ?)",
                         (release.id, release.title, now))
            conn.execute("COMMIT")
    return store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.synth")
    parser.add_argument("n", type=int, help="nombre d'initiatives")
    parser.add_argument("--out", default=None, help="fichier SQLite (défaut : /tmp/synth-N.sqlite)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bulk", action="store_true",
                        help="écriture en bloc (même contenu, pour 10^6 initiatives)")
    args = parser.parse_args(argv)
    out = Path(args.out or f"/tmp/synth-{args.n}.sqlite")
    start = time.perf_counter()
    (build_bulk if args.bulk else build)(args.n, out, args.seed)
    print(f"{args.n} initiatives -> {out} ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
