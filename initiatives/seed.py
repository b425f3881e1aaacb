"""The reviewed seed dataset: a JSON file the store is created from on first run.

One row per (release, initiative): the same initiative cited by two releases
appears twice, each row with its own excerpt and figures, and the store merges
them through `Initiative.key`. Rows with an empty `release_id` were entered by hand.
"""
from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import date
from pathlib import Path

import config
from initiatives.model import Initiative, Place, Quantity, Release
from initiatives.store_base import StoreError

SEED_VERSION = 1


class SeedError(StoreError):
    pass


def _release_dict(r: Release) -> dict:
    return {"id": r.id, "title": r.title, "number": r.number,
            "date": r.date.isoformat() if r.date else None, "source": r.source,
            "body": r.body}


def _initiative_dict(i: Initiative) -> dict:
    # a figure's date is its release's; only figures entered by hand keep their own
    drop = ("release_id", "as_of") if i.release_id else ("release_id",)
    quantities = [{k: (v.isoformat() if isinstance(v, date) else v)
                   for k, v in asdict(q).items() if k not in drop} for q in i.quantities]
    return {"release_id": i.release_id, "actor": i.actor, "actor_type": i.actor_type,
            "category": i.category, "status": i.status, "excerpt": i.excerpt,
            "contacts": list(i.contacts), "places": [asdict(p) for p in i.places],
            "quantities": quantities}


def dump_seed(releases: list[Release], initiatives: list[Initiative], path: str | Path,
              dep: str | None = None) -> None:
    """Write the seed; `initiatives` are per-release rows (see `SQLiteStore.rows`)."""
    data = {"version": SEED_VERSION, "departement": dep or config.departement(),
            "releases": [_release_dict(r) for r in releases],
            "initiatives": [_initiative_dict(i) for i in initiatives]}
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")


def dump_store(store, path: str | Path, dep: str | None = None) -> None:
    dump_seed(store.releases(), store.rows(), path, dep)


def _build(cls, raw: dict, what: str):
    if not isinstance(raw, dict):
        raise SeedError(f"{what} : objet attendu.")
    known = {f.name for f in fields(cls)}
    try:
        return cls(**{k: v for k, v in raw.items() if k in known})
    except TypeError as exc:
        raise SeedError(f"{what} incomplet(e) : {exc}.") from exc


def read_seed(path: str | Path) -> tuple[str, list[Release], list[Initiative]]:
    """(département, releases, rows) from a seed file, or SeedError in French."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SeedError(f"Jeu de données initial illisible ({path}) : {exc}.") from exc
    if not isinstance(data, dict) or data.get("version") != SEED_VERSION:
        raise SeedError(f"Jeu de données initial de version inconnue ({path}).")
    releases = []
    for n, raw in enumerate(data.get("releases") or [], 1):
        rel = _build(Release, raw, f"Communiqué {n}")
        try:
            rel.date = date.fromisoformat(rel.date) if rel.date else None
        except (TypeError, ValueError) as exc:
            raise SeedError(f"Communiqué {n} : date invalide ({rel.date}).") from exc
        releases.append(rel)
    rows = []
    for n, raw in enumerate(data.get("initiatives") or [], 1):
        ini = _build(Initiative, raw, f"Initiative {n}")
        ini.places = [_build(Place, p, f"Lieu de l'initiative {n}") for p in ini.places or []]
        ini.quantities = [_build(Quantity, q, f"Quantité de l'initiative {n}")
                          for q in ini.quantities or []]
        for q in ini.quantities:
            try:
                q.as_of = date.fromisoformat(q.as_of) if q.as_of else None
            except (TypeError, ValueError) as exc:
                raise SeedError(f"Initiative {n} : date invalide ({q.as_of}).") from exc
        ini.release_id, ini.id = ini.release_id or "", None
        rows.append(ini)
    return str(data.get("departement") or ""), releases, rows


def load_seed(path: str | Path) -> tuple[list[Release], list[Initiative]]:
    _, releases, rows = read_seed(path)
    return releases, rows


def load_seed_into(store, path: str | Path, dep: str | None = None) -> dict:
    """Fill a store from a seed; a seed of another département is skipped.

    Each release is ingested in its own transaction, oldest first; a failure
    raises SeedError (`store.open_store` loads into a temporary file, which becomes
    the store only once complete; on PostgreSQL, in the one transaction that creates
    the tables).
    """
    seed_dep, releases, rows = read_seed(path)
    if dep and seed_dep and seed_dep != dep:
        return {"added": 0, "updated": 0, "unchanged": 0, "skipped": seed_dep}
    by_release: dict[str, list[Initiative]] = {}
    for row in rows:
        by_release.setdefault(row.release_id, []).append(row)
    known = {r.id for r in releases}
    missing = set(by_release) - known - {""}
    if missing:
        raise SeedError("Initiatives rattachées à un communiqué absent du jeu de données : "
                        + ", ".join(sorted(missing)) + ".")
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    try:
        for rel in sorted(releases, key=lambda r: (r.date or date.min, r.id)):
            result = store.ingest(rel, by_release.get(rel.id, []))
            for k in counts:
                counts[k] += result[k]
        for row in by_release.get("", []):
            known = store.find(row.key)
            if known is None:
                store.add_manual(row)
                counts["added"] += 1
            else:  # figures entered by hand on an initiative read from a release
                current = store.get(known).quantities
                store.update(known, quantities=current + row.quantities)
                counts["updated"] += 1
    except StoreError as exc:
        raise SeedError(f"Jeu de données initial refusé : {exc}") from exc
    return counts
