"""Import of press releases: read and extract each file, preview with corrections,
save each release in its own transaction. No streamlit here (plain functions the
Import page draws); bad input becomes a French message for its file only.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pandas as pd

from initiatives.formatting import format_date
from initiatives.model import ACTOR_TYPES, CATEGORIES, Initiative, Release
from initiatives.store import StoreError
from report.initiatives_map import figures_lines

PREVIEW = {"keep": "Garder", "actor": "Acteur", "actor_type": "Type d'acteur",
           "category": "Catégorie", "places": "Lieux", "figures": "Quantités",
           "excerpt": "Extrait"}
READ_ONLY = [PREVIEW[k] for k in ("places", "figures", "excerpt")]


@dataclass
class Parsed:
    """One file (or the pasted text) read: its release and initiatives, or an error."""
    name: str
    release: Release | None = None
    initiatives: list[Initiative] = field(default_factory=list)
    error: str | None = None

    @property
    def label(self) -> str:
        if self.release is None:
            return self.name
        day = f" du {format_date(self.release.date)}" if self.release.date else ""
        return f"« {self.release.title} »{day}"


def parse(name: str, data: bytes | None = None, text: str | None = None) -> Parsed:
    """Read a file's bytes (text or PDF) or pasted text, then extract its initiatives."""
    from initiatives.extract import extract
    from initiatives.ingest import IngestError, release_from_bytes, release_from_text
    try:
        release = release_from_bytes(data, name) if data is not None \
            else release_from_text(text or "")
        found = extract(release)
    except IngestError as exc:
        return Parsed(name, error=f"{exc}.".replace("..", "."))
    except Exception as exc:  # an extraction bug must not pass for a result
        return Parsed(name, error=f"Erreur inattendue pendant la lecture ({type(exc).__name__}).")
    if not found:
        return Parsed(name, release, error="Aucune initiative trouvée dans ce communiqué.")
    return Parsed(name, release, found)


def preview(parsed: Parsed) -> pd.DataFrame:
    """The extracted initiatives as an editable table (actor, types, keep or drop)."""
    rows = [{"keep": True, "actor": i.actor, "actor_type": i.actor_type, "category": i.category,
             "places": ", ".join(p.nom or p.query for p in i.places) or "–",
             "figures": " ; ".join(figures_lines(i)), "excerpt": i.excerpt}
            for i in parsed.initiatives]
    return pd.DataFrame(rows, columns=list(PREVIEW)).rename(columns=PREVIEW)


def corrected(parsed: Parsed, edited: pd.DataFrame) -> list[Initiative]:
    """The initiatives kept, with the actor and types as corrected in the preview."""
    out = []
    for ini, row in zip(parsed.initiatives, edited.to_dict("records")):
        if not row[PREVIEW["keep"]]:
            continue
        actor = str(row[PREVIEW["actor"]] or "").strip()
        if not actor:
            raise StoreError(f"Acteur vide (extrait : « {ini.excerpt[:60]}… »).")
        out.append(dataclasses.replace(
            ini, actor=actor, actor_type=row[PREVIEW["actor_type"]] or ini.actor_type,
            category=row[PREVIEW["category"]] or ini.category))
    return out


def save(store, batch: list[tuple[Parsed, pd.DataFrame]]) -> pd.DataFrame:
    """Ingest each release with its kept initiatives, one transaction each; a refused
    release changes nothing and says why."""
    rows = []
    for parsed, edited in batch:
        row = {"Fichier": parsed.name, "Communiqué": parsed.label, "Ajoutées": 0,
               "Mises à jour": 0, "Inchangées": 0, "Erreur": ""}
        try:
            kept = corrected(parsed, edited)
            if not kept:
                raise StoreError("aucune initiative gardée, rien n'est enregistré")
            counts = store.ingest(parsed.release, kept)
            row.update({"Ajoutées": counts["added"], "Mises à jour": counts["updated"],
                        "Inchangées": counts["unchanged"]})
        except StoreError as exc:
            row["Erreur"] = str(exc)
        rows.append(row)
    return pd.DataFrame(rows)


def choices() -> dict:
    """Column options of the preview editor."""
    return {PREVIEW["actor_type"]: list(ACTOR_TYPES), PREVIEW["category"]: list(CATEGORIES)}
