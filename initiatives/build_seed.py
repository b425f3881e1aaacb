"""Rebuild the reviewed seed: `python -m initiatives.build_seed`.

Runs the extractor on the bundled releases, applies the hand review kept in
`data/seed_review.json` (each correction with its reason), marks the rows
`vérifié`, and writes `data/initiatives_seed.json`. The review stays data, so
the seed can be rebuilt when the extractor improves and every change to it is
visible in a diff.
"""
from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import config
from initiatives.extract import extract
from initiatives.ingest import read_release
from initiatives.model import Initiative
from initiatives.seed import dump_seed

REVIEW_PATH = config.DATA_DIR / "seed_review.json"


def _split(rows: list[Initiative], row: Initiative, parts: list[dict]) -> None:
    """One block describing several actions becomes one initiative per action,
    each with its own figures and the same excerpt."""
    at = rows.index(row)
    rows.pop(at)
    for n, part in enumerate(parts):
        piece = copy.deepcopy(row)
        piece.actor, piece.category = part["actor"], part.get("category", row.category)
        piece.quantities = [copy.deepcopy(row.quantities[i]) for i in part["quantities"]]
        rows.insert(at + n, piece)


def _apply(rows: list[Initiative], correction: dict) -> None:
    matches = [r for r in rows if r.release_id == correction["release_id"]
               and r.actor == correction["actor"]]
    if len(matches) != 1:
        raise SystemExit(f"Correction sans initiative correspondante : {correction['release_id']} "
                         f"/ {correction['actor']} ({len(matches)} trouvée(s)).")
    row = matches[0]
    if "split" in correction:
        _split(rows, row, correction["split"])
        return
    if "places_first" in correction:  # the main place comes first (it makes the key)
        code = correction["places_first"]
        row.places.sort(key=lambda p: p.code != code)
        if row.places[0].code != code:
            raise SystemExit(f"Lieu {code} absent de {row.actor}.")
    for name in ("actor", "actor_type", "category"):
        if name in correction:
            setattr(row, name, correction[name])
    if "rename" in correction:  # the actor as the reviewer names it
        row.actor = correction["rename"]


def build(press_dir: Path = config.PRESS_RELEASES_DIR, review_path: Path = REVIEW_PATH,
          out: Path = config.SEED_PATH) -> dict:
    review = json.loads(review_path.read_text(encoding="utf-8"))
    releases, rows = [], []
    for path in sorted(press_dir.glob("*.txt")):
        release = read_release(path)
        releases.append(release)
        rows.extend(extract(release))
    for correction in review["corrections"]:
        _apply(rows, correction)
    for row in rows:
        row.status = "vérifié"
    dump_seed(releases, rows, out)
    return {"releases": len(releases), "initiatives": len(rows),
            "corrections": len(review["corrections"]), "out": str(out)}


if __name__ == "__main__":
    print(json.dumps(build(), ensure_ascii=False))
    sys.exit(0)
